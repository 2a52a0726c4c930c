// Hashed features of the perceptron taggers (docs/tagger.md lists them).
//
// Each feature is a 64-bit hash of (template, value), computed straight from
// the token bytes without building strings: the lowercased word, its shape
// ("Xx", "X.X.", "d,d"), prefixes and suffixes, capitalization flags in the
// context of the sentence (an ALL-CAPS headline is not a row of acronyms),
// neighbouring words at +-2, and an optional gazetteer hint. The tagger adds
// the features that depend on the previous tags while decoding.
#ifndef SITREP_NER_FEATURES_H_
#define SITREP_NER_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

// Bump when features change: models record it and refuse a mismatch.
inline constexpr uint32_t kFeatureSetVersion = 4;

// Slots of ExtractStaticFeatures: local, context, then neighbours -2, -1, +1, +2.
inline constexpr int kNumStaticFeatures = 13 + 13 + 4 * 3;
inline constexpr int kNumDynamicFeatures = 4;
// A slot value meaning "no feature here" (skipped when scoring).
inline constexpr uint64_t kNoFeature = 0;

// Per-word hashes reused by the neighbouring features and the dynamic ones.
struct WordHashes {
  uint64_t lower = 0;
  uint64_t shape = 0;
};

// Appends kNumStaticFeatures hashes per word to *features (cleared first) and
// fills *words_out with one WordHashes per word. `hints` is null or has one
// value per word (0 = none).
void ExtractStaticFeatures(const std::vector<std::string_view>& words, const uint8_t* hints,
                           std::vector<uint64_t>* features, std::vector<WordHashes>* words_out);

// The features of position i that depend on the two previous classes
// (`prev1`/`prev2` = -1 before the sentence start). Defined below.
inline void ExtractDynamicFeatures(const WordHashes& word, int prev1, int prev2,
                                   uint64_t out[kNumDynamicFeatures]);

// --- The same static features split by what they read, so that a tagger can
// cache the sums of the parts that depend on one word only (perceptron.cc).
// ExtractStaticFeatures is built from these; the union of the three parts is
// exactly its kNumStaticFeatures slots.

// What the sentence-level features need to know about one word.
struct WordSummary {
  uint64_t lower = 0, shape = 0;
  uint8_t cap = 0;     // capitalization class
  uint8_t chars = 0;   // digit/hyphen/period/mixed-script bits | length bucket << 5
  uint8_t casing = 0;  // which letters it has, for the sentence mode
  uint8_t lex = 0;     // kLexOrgWord | kLexConnector (data/lexicons/org-words.tsv)
  uint8_t coarse = 0;  // word cluster (data/ner/clusters.tsv), 0 = none
  uint8_t fine = 0;    // sub-cluster within `coarse`, 0 = none
  // No capital letter, no digit and no character outside ASCII, Latin-1,
  // Cyrillic and general punctuation ("the", ",", "’"): such a word does not
  // start a name in normally cased text (the NER skip rule, perceptron.h).
  // Not a feature.
  bool plain = false;
};

// WordSummary::lex bits.
inline constexpr uint8_t kLexOrgWord = 1;    // heads or ends organization names
inline constexpr uint8_t kLexConnector = 2;  // may join the words of a name ("of")

// Reads the org-word lexicon (docs/lexicon-org-words.md) and the word
// clusters (docs/clusters.md) if that has not been done; the features use
// them from then on. AnalyzeWord calls it on first use
// and, if the file cannot be read, warns once on stderr and goes on without
// it (a model trained with it then tags worse). `sitrep train` calls it first
// and fails on an error. Thread-safe.
bool LoadFeatureLexicon(std::string* error);

// The hash of a word's lowercased form that the features use (and that keys
// data/ner/clusters.tsv).
uint64_t LowerWordHash(std::string_view word);

// Features of the word alone (bias, word, shape, affixes, clusters).
inline constexpr int kNumLocalFeatures = 13;
// Features that depend on the sentence around the word.
inline constexpr int kNumContextFeatures = 13;
// Features that read one neighbour each: at most three per neighbour offset
// (-2, -1, +1, +2); unused entries are kNoFeature.
inline constexpr int kNumNeighborFeatures = 3;
static_assert(kNumStaticFeatures ==
              kNumLocalFeatures + kNumContextFeatures + 4 * kNumNeighborFeatures);

// One pass over the word's bytes: its summary and its local features.
void AnalyzeWord(std::string_view word, WordSummary* summary, uint64_t local[kNumLocalFeatures]);
// Sentence mode (normal, ALL-CAPS headline, all-lowercase) of n words.
uint32_t SentenceMode(const WordSummary* words, size_t n);
// The SentenceMode of a normally cased sentence.
inline constexpr uint32_t kNormalSentence = 0;
// Context features of position i of a sentence of n words.
void ContextFeatures(const WordSummary* words, size_t n, size_t i, uint32_t mode,
                     const uint8_t* hints, uint64_t out[kNumContextFeatures]);
// Features of position i that read the word at i + offset (offset -2, -1, 1
// or 2) when that word is `w`, a word of the sentence.
void NeighborFeatures(const WordSummary& w, int offset, uint64_t out[kNumNeighborFeatures]);
// The same when i + offset is outside a sentence of n words (the sentence
// boundary features).
void BoundaryFeatures(size_t n, size_t i, int offset, uint64_t out[kNumNeighborFeatures]);

// 64-bit finalizer (MurmurHash3 fmix64) of `x` under template `tpl`; never
// returns kNoFeature.
inline uint64_t MixFeature(uint64_t tpl, uint64_t x) {
  uint64_t h = x ^ (tpl * 0x9E3779B97F4A7C15ull);
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h == kNoFeature ? 1 : h;
}

inline void ExtractDynamicFeatures(const WordHashes& word, int prev1, int prev2,
                                   uint64_t out[kNumDynamicFeatures]) {
  const uint64_t p1 = static_cast<uint64_t>(prev1 + 1), p2 = static_cast<uint64_t>(prev2 + 1);
  out[0] = MixFeature(100, p1);
  out[1] = MixFeature(101, p1 << 16 | p2);
  out[2] = MixFeature(102, word.lower * 131 + p1);
  out[3] = MixFeature(103, word.shape * 131 + p1);
}

}  // namespace sitrep

#endif  // SITREP_NER_FEATURES_H_
