// Sentence and token segmentation for English news text.
//
// Sentences are those of ICU's sentence break iterator (UAX #29 with the
// CLDR abbreviation suppressions; computed by text/sentence_breaks.h without
// the iterator, which was slow), corrected for news: no break after a known
// abbreviation ("Gen.", "U.S.") or an initial ("Kim J. Un"), and always a
// break at a blank line or at a heading line without a full stop. Tokens are
// Penn Treebank-like, as in the corpora the taggers are trained on: clitics
// split off ("Russia's" -> "Russia" "'s"), numbers kept whole ("10,000").
#ifndef SITREP_TEXT_SEGMENTER_H_
#define SITREP_TEXT_SEGMENTER_H_

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "sitrep/annotator.h"
#include "sitrep/document.h"

namespace sitrep {

class Segmenter {
 public:
  // Loads abbreviations from data/lexicons/abbreviations.txt when present.
  Segmenter();
  explicit Segmenter(std::unordered_set<std::string> abbreviations);

  std::vector<Sentence> SplitSentences(std::string_view text) const;
  // Tokens of text[begin, end), appended to *out with the given sentence index.
  void Tokenize(std::string_view text, uint32_t begin, uint32_t end, uint32_t sentence,
                std::vector<Token>* out) const;
  // Fills doc->sentences and doc->tokens.
  void Segment(Document* doc) const;

  bool IsAbbreviation(std::string_view word_with_period) const;

 private:
  // Looked up by string_view without building a string (C++20
  // heterogeneous lookup): the check runs for every word before a period.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> abbreviations_;
};

}  // namespace sitrep

#endif  // SITREP_TEXT_SEGMENTER_H_
