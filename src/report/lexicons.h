// The report's lexicons (docs/lexicon-framing.md): framing markers, sourcing
// and tense cues, and the outlet affiliation table. All are TSV data files
// under data/lexicons/; none is compiled in.
#ifndef SITREP_REPORT_LEXICONS_H_
#define SITREP_REPORT_LEXICONS_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/status.h"

namespace sitrep::report {

// One entry of a phrase lexicon: what to report and its class (a framing
// stance, or a cue kind such as "anonymous" or "future").
struct PhraseEntry {
  std::string label;
  std::string klass;
};

// A set of phrases (matched case-insensitively on word boundaries) and RE2
// patterns, matched all at once in one pass over a text.
// Format, one entry a line: label<TAB>class[<TAB>RE2 pattern]; '#' comments.
// Thread-safe after loading.
class PhraseSet {
 public:
  PhraseSet();
  ~PhraseSet();
  PhraseSet(PhraseSet&&) noexcept;
  PhraseSet& operator=(PhraseSet&&) noexcept;

  // Adds the entries of a file. Fails naming the file and line on a bad row
  // or pattern.
  Status LoadFile(const std::string& path);
  // Adds one entry from memory (tests, and the loader).
  Status Add(std::string label, std::string klass, std::string_view pattern);
  // Compiles the set; REQUIRES: called once after the last Add/LoadFile.
  Status Compile();

  // Indices of the entries that occur anywhere in text, ascending.
  std::vector<int> Match(std::string_view text) const;
  // True when an entry of class `klass` occurs in text.
  bool Has(std::string_view text, std::string_view klass) const;

  const std::vector<PhraseEntry>& entries() const { return entries_; }
  bool empty() const { return entries_.empty(); }

 private:
  std::vector<PhraseEntry> entries_;
  std::vector<std::string> patterns_;
  std::unique_ptr<RE2::Set> set_;
};

// Known affiliation of an outlet ("state-owned", "state-funded", "public").
struct Affiliation {
  std::string outlet;       // canonical name
  std::string affiliation;  // state-owned | state-funded | public
  std::string country;      // ISO 3166-1 alpha-2 (user-assigned XA..XZ in samples)
};

// Outlet name or host → affiliation. Format, one outlet a line:
// outlet<TAB>affiliation<TAB>country<TAB>aliases separated by '|'.
class AffiliationTable {
 public:
  Status LoadFile(const std::string& path);
  void Add(const Affiliation& a, const std::vector<std::string>& aliases);
  // Looks up a source name or URL host, ignoring case, a leading "the " and
  // "www."; nullptr when unknown.
  const Affiliation* Find(std::string_view source) const;

 private:
  std::vector<Affiliation> rows_;
  std::unordered_map<std::string, size_t> index_;
};

struct ReportLexicons {
  PhraseSet framing;              // framing-markers.tsv: classes are stances
  PhraseSet cues;                 // framing-cues.tsv: classes "anonymous", "future"
  AffiliationTable affiliations;  // every outlet-affiliation*.tsv

  // Loads the lexicons from DataPath("lexicons/...").
  static StatusOr<std::unique_ptr<ReportLexicons>> LoadDefault();
};

// Lowercases ASCII, drops a leading "the " and "www.", trims spaces.
std::string NormalizeOutletKey(std::string_view name);

}  // namespace sitrep::report

#endif  // SITREP_REPORT_LEXICONS_H_
