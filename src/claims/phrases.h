// Shallow noun-phrase chunking over a DocView. Uses Penn Treebank tags when
// the POS layer is present; without it, falls back to word shape and the
// closed-class word list in data/lexicons/quantity-function-words.tsv, so
// the claims stages degrade instead of failing when no tagger ran.
#ifndef SITREP_CLAIMS_PHRASES_H_
#define SITREP_CLAIMS_PHRASES_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "claims/doc_view.h"
#include "claims/lexicon.h"
#include "sitrep/status.h"

namespace sitrep::claims {

// Verbs of change before "from X to Y": the figure then moved from X to Y
// ("has risen from 5,000 to 24,000"); it is not a range of estimates.
bool IsChangeWord(std::string_view w);
// The change words that say something went down ("fell", "cut").
bool IsFallWord(std::string_view w);

// Whether a new clause starts between tokens a and b (either order): a
// semicolon, or a comma or "and" followed by a conjunction or a subject
// pronoun (", and they eliminated ...", "but officials say"). A time on the
// far side of it dates the other clause.
bool ClauseBreakBetween(const DocView& v, size_t a, size_t b);

class Chunker {
 public:
  Status Load();

  bool IsFunctionWord(std::string_view w) const { return function_words_.Contains(w); }
  bool IsDeterminer(std::string_view w) const;
  // Could token i be part of a noun phrase (adjective, noun, name)?
  bool IsNominal(const DocView& v, size_t i) const;
  bool IsNoun(const DocView& v, size_t i) const;
  bool IsVerb(const DocView& v, size_t i) const;
  bool IsParticiple(const DocView& v, size_t i) const;  // VBN / VBD or "-ed"

  // The noun phrase starting at i (after optional determiners), at most
  // max_len tokens, not past `limit`. Returns its end (== i: none) and sets
  // *first to its first content token and *head to its last noun.
  size_t NounPhraseAt(const DocView& v, size_t i, size_t limit, size_t max_len, size_t* first,
                      size_t* head) const;
  // The noun phrase ending just before `end` (exclusive), scanning back no
  // further than `floor`: names with "of", "'s" and inner capitals
  // ("South Korea's National Intelligence Service"). Returns its first token
  // (== end: none).
  size_t NounPhraseBefore(const DocView& v, size_t end, size_t floor) const;

 private:
  PhraseLexicon function_words_;
};

}  // namespace sitrep::claims

#endif  // SITREP_CLAIMS_PHRASES_H_
