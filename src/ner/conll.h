// CoNLL-style tagged corpora (one token per line: word, optional columns,
// tag last; a blank line between sentences) and what training and scoring
// do with them: map the corpus's entity types to sitrep's, strip titles from
// person spans, remove duplicate sentences, split by a fixed seed, and move
// between tag sequences (IOB1, IOB2, BILOU) and spans.
#ifndef SITREP_NER_CONLL_H_
#define SITREP_NER_CONLL_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "sitrep/status.h"

namespace sitrep {

struct ConllSentence {
  std::vector<std::string> words;
  std::vector<std::string> pos;   // second column when there are 3+ columns, else empty
  std::vector<std::string> tags;  // last column
};

// InvalidArgument (with file:line) on a line with fewer than two columns.
StatusOr<std::vector<ConllSentence>> ReadConll(const std::string& path);

// A typed span of words [begin, end).
struct WordSpan {
  uint32_t begin = 0, end = 0;
  std::string type;
  bool operator==(const WordSpan&) const = default;
};

// Spans of a tag sequence. Lenient: accepts IOB1, IOB2 and BILOU ("B-", "I-",
// "L-"/"E-", "U-"/"S-" prefixes); an "I-" that does not continue a span of its
// type starts one.
std::vector<WordSpan> SpansFromTags(const std::vector<std::string>& tags);

// Tags for spans over n words: "O", "B-T", "I-T" (IOB2) or also "L-T", "U-T"
// (BILOU).
std::vector<std::string> TagsFromSpans(size_t n, const std::vector<WordSpan>& spans, bool bilou);

// Corpus type -> sitrep type, or "O" to drop the span. Looked up as written,
// then lowercased.
class EntityTypeMap {
 public:
  // GMB (per org geo gpe art eve nat tim), CoNLL-2003 (PER ORG LOC MISC),
  // OntoNotes-style names and sitrep's own types.
  static EntityTypeMap Default();
  // "TAG=TYPE", e.g. "geo=GPE" or "tim=O" (overrides); InvalidArgument if malformed.
  Status Add(std::string_view assignment);
  // Empty if the type is unknown (the span is then dropped as well).
  std::string Map(std::string_view corpus_type) const;

 private:
  std::map<std::string, std::string> map_;  // corpus type -> sitrep type
};

// Titles and honorifics that GMB puts inside person spans ("Mr.",
// "President", "Prime Minister"), from data/lexicons/titles.txt
// (docs/lexicon-titles.md). Matching folds ASCII case.
class TitleLexicon {
 public:
  // NotFound if the file is missing.
  static StatusOr<TitleLexicon> Load(const std::string& path);
  static StatusOr<TitleLexicon> LoadDefault();
  explicit TitleLexicon(std::unordered_set<std::string> lowercase_titles)
      : titles_(std::move(lowercase_titles)) {}
  bool IsTitle(std::string_view word) const;
  // Moves the start of each PERSON span past leading titles (and the "of" /
  // "the" inside "Secretary of State"); drops spans that were only titles.
  void StripPersonTitles(const std::vector<std::string>& words, std::vector<WordSpan>* spans) const;

 private:
  std::unordered_set<std::string> titles_;
};

// Keeps the first of sentences with identical words (order preserved).
std::vector<ConllSentence> DedupeSentences(std::vector<ConllSentence> sentences);

// A seeded shuffle of [0, n); the last `heldout_fraction` of it is held out.
void SplitIndices(size_t n, uint64_t seed, double heldout_fraction, std::vector<size_t>* train,
                  std::vector<size_t>* heldout);

// Maps every sentence's tags to sitrep types with `map`, optionally strips
// titles from person spans, and returns the spans per sentence.
std::vector<std::vector<WordSpan>> MappedSpans(const std::vector<ConllSentence>& sentences,
                                               const EntityTypeMap& map,
                                               const TitleLexicon* titles);

// The fixed NER class list: "O", then B/I/L/U (or B/I) for each sitrep type.
std::vector<std::string> NerClasses(bool bilou);

}  // namespace sitrep

#endif  // SITREP_NER_CONLL_H_
