// Tab-separated lexicons and a phrase matcher over lowercased tokens.
//
// Every lexicon of the claims stages is a UTF-8 TSV file under
// data/lexicons/: one entry per line, columns separated by one tab, '#'
// starting a comment line, blank lines ignored. The first column is a phrase
// of one or more space-separated lowercase words, matched token by token; the
// remaining columns are the entry's fields (documented per file in
// docs/lexicon-*.md).
//
//   PhraseLexicon lex;
//   SITREP_RETURN_IF_ERROR(lex.Load("lexicons/hedge-cues.tsv", 2));
//   const PhraseEntry* e = lex.Match(words, i, &len);  // longest phrase at i
#ifndef SITREP_CLAIMS_LEXICON_H_
#define SITREP_CLAIMS_LEXICON_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/status.h"

namespace sitrep::claims {

// Reads a TSV file (path relative to the data directory) into rows of
// columns. Fails with NotFound when the file is missing and InvalidArgument
// (naming file and line) when a row has fewer than `min_columns` columns.
StatusOr<std::vector<std::vector<std::string>>> ReadTsv(std::string_view relative_path,
                                                        size_t min_columns);

struct PhraseEntry {
  std::vector<std::string> words;   // the phrase, split on spaces
  std::vector<std::string> fields;  // columns 2..n
  const std::string& field(size_t i) const {
    static const std::string kEmpty;
    return i < fields.size() ? fields[i] : kEmpty;
  }
};

// Longest-match lookup of multi-word phrases in a sequence of lowercased
// tokens. Thread-safe after loading.
class PhraseLexicon {
 public:
  Status Load(std::string_view relative_path, size_t min_columns);
  void Add(std::string phrase, std::vector<std::string> fields);

  // The longest entry whose words equal words[i], words[i+1], ...; sets *len
  // to its length in tokens. Returns nullptr when none matches.
  const PhraseEntry* Match(const std::vector<std::string_view>& words, size_t i, size_t* len) const;
  // An entry that is exactly this single word, or nullptr.
  const PhraseEntry* Find(std::string_view word) const;
  bool Contains(std::string_view word) const { return Find(word) != nullptr; }
  size_t size() const { return entries_.size(); }
  // False when no entry can start with this word: a check of its first
  // byte and length against a bit table, so that the many tokens no entry
  // starts with cost no hashing (every stage looks up every token).
  bool MayStart(std::string_view w) const {
    if (w.empty()) return false;
    size_t bit = FilterBit(w);
    return (starts_[bit / 64] >> (bit % 64)) & 1;
  }

 private:
  // A one-hash Bloom filter over first words: first, second and last byte
  // and length, mixed; 8192 bits keep false hits to a few percent.
  static constexpr size_t kFilterBits = 8192;
  static size_t FilterBit(std::string_view w) {
    uint32_t h = static_cast<unsigned char>(w[0]);
    h = h * 131 + static_cast<unsigned char>(w.size() > 1 ? w[1] : 0);
    h = h * 131 + static_cast<unsigned char>(w.back());
    h = h * 131 + static_cast<uint32_t>(w.size());
    h ^= h >> 13;
    h *= 0x5bd1e995u;
    h ^= h >> 15;
    return h % kFilterBits;
  }
  uint64_t starts_[kFilterBits / 64] = {};
  std::vector<PhraseEntry> entries_;
  // First word -> indexes of entries starting with it, longest first.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::vector<size_t>, Hash, std::equal_to<>> by_first_;
};

}  // namespace sitrep::claims

#endif  // SITREP_CLAIMS_LEXICON_H_
