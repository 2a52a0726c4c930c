// Finding gazetteer names in the words of one sentence.
//
// Each word is folded once (entity_fold.h) into one shared buffer; matching
// then walks token n-grams from every start, extending the folded key one
// word at a time and looking it up in the gazetteer's hash map, and stops as
// soon as the key is no longer a word-boundary prefix of any name. The
// longest acceptable match wins, then the higher priority. Capitalization is
// checked against the sentence's casing: in mixed-case text a name must start
// with a capital and an acronym must be written in capitals; in ALL-CAPS or
// lowercase text those tests are skipped but function words and names that
// are also common English words are not matched.
#ifndef SITREP_NER_GAZETTEER_MATCH_H_
#define SITREP_NER_GAZETTEER_MATCH_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ner/gazetteer.h"

namespace sitrep {

// The words of one sentence with their folded forms and shapes.
class SentenceWords {
 public:
  enum Flag : uint8_t {
    kCapitalized = 1,  // first letter upper case
    kAllCaps = 2,      // letters, none lower case
    kHasLower = 4,
    kHasAlpha = 8,
    kJoiner = 16,  // "-", "'", ".", "/", "&": may sit inside a name
    kHasUpper = 32,
  };

  void Clear();
  // Room for `words` words of `bytes` bytes in all, so that adding them does
  // not grow the buffers step by step (one SentenceWords per sentence).
  void Reserve(size_t words, size_t bytes);
  void Add(std::string_view word);
  // Decides the sentence casing. `force_uncased` for a lowercase document.
  void Finish(bool force_uncased);

  size_t size() const { return words_.size(); }
  std::string_view word(size_t i) const { return words_[i].text; }
  std::string_view folded(size_t i) const {
    return std::string_view(folded_).substr(words_[i].fold_begin,
                                            words_[i].fold_end - words_[i].fold_begin);
  }
  uint8_t flags(size_t i) const { return words_[i].flags; }
  // ALL-CAPS headline or lowercase text: capitalization says nothing.
  bool uncased() const { return uncased_; }

 private:
  struct Word {
    std::string_view text;
    uint32_t fold_begin, fold_end;
    uint8_t flags;
  };
  std::vector<Word> words_;
  std::string folded_;
  bool uncased_ = false;
};

struct NameMatch {
  uint32_t begin = 0, end = 0;  // word indices, [begin, end)
  const NameEntry* entry = nullptr;
  bool fuzzy = false;  // one edit away from a known name
  // A common English word ("Reading"): keep only if the tagger agrees.
  bool needs_confirmation = false;
};

// Non-overlapping matches in word order.
std::vector<NameMatch> MatchNames(const Gazetteer& gazetteer, const SentenceWords& words);
// The same, appended to *out (no vector of its own per sentence).
void MatchNames(const Gazetteer& gazetteer, const SentenceWords& words,
                std::vector<NameMatch>* out);

// Per-word gazetteer hints for the statistical tagger (ner_tagger.h
// GazetteerHint values) from the matches: type of the covering match, or
// kHintTitle for a capitalized title word, else 0. *hints gets words.size()
// values.
void HintsFromMatches(const Gazetteer& gazetteer, const SentenceWords& words,
                      std::span<const NameMatch> matches, uint8_t* hints);

// Convenience for training: hints for a sentence given as words.
void GazetteerHints(const Gazetteer& gazetteer, const std::vector<std::string_view>& words,
                    uint8_t* hints);

}  // namespace sitrep

#endif  // SITREP_NER_GAZETTEER_MATCH_H_
