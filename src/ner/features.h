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
#include <string_view>
#include <vector>

namespace sitrep {

// Bump when features change: models record it and refuse a mismatch.
inline constexpr uint32_t kFeatureSetVersion = 2;

inline constexpr int kNumStaticFeatures = 28;
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
// (`prev1`/`prev2` = -1 before the sentence start).
void ExtractDynamicFeatures(const WordHashes& word, int prev1, int prev2,
                            uint64_t out[kNumDynamicFeatures]);

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

}  // namespace sitrep

#endif  // SITREP_NER_FEATURES_H_
