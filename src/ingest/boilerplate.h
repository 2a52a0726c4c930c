// Boilerplate removal: whole lines of site furniture ("Read more ...",
// "Leave a comment", share prompts, donation pleas, bare links), suffixes of
// the title line ("... | Site"), and short lines in another script than the
// article's (menus of the site's home language). Patterns come from
// data/lexicons/boilerplate.tsv (docs/lexicon-boilerplate.md); every cut is
// recorded as a Removal with the pattern's reason.
#ifndef SITREP_INGEST_BOILERPLATE_H_
#define SITREP_INGEST_BOILERPLATE_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string>
#include <vector>

#include "ingest/clean_text.h"
#include "sitrep/status.h"

namespace sitrep::ingest {

class BoilerplateRemover {
 public:
  // Lines longer than this are article text, never boilerplate.
  static constexpr size_t kMaxLineBytes = 400;

  static StatusOr<std::unique_ptr<BoilerplateRemover>> Load(const std::string& path);

  // Returns the text without boilerplate; appends what was cut to *removed.
  CleanText Remove(const CleanText& in, std::vector<Removal>* removed) const;

  // The reason ("boilerplate: ...") when `line` as a whole is furniture, else
  // empty.
  std::string LineReason(std::string_view line) const;

 private:
  BoilerplateRemover();
  // Index into line_reasons_ of the pattern matching the whole line, or -1.
  int MatchLine(std::string_view line) const;

  std::unique_ptr<RE2::Set> lines_;
  std::vector<std::string> line_reasons_;
  std::vector<std::unique_ptr<RE2>> title_suffixes_;
  std::vector<std::string> title_reasons_;
};

// True when `line` is short and written mostly in a script other than
// `dominant` (an ICU UScriptCode), e.g. an Arabic menu item on an English page.
bool IsForeignScriptLine(std::string_view line, int dominant);
// The script of most letters of `text` (USCRIPT_LATIN for empty text), and the
// share of letters in it.
int DominantScript(std::string_view text, double* share);

}  // namespace sitrep::ingest

#endif  // SITREP_INGEST_BOILERPLATE_H_
