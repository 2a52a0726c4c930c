// A loaded averaged-perceptron sequence tagger: hashed features (features.h)
// index a flat table of quantized weight rows, one row per feature bucket
// with one weight per class; decoding is greedy left to right, constrained
// so that IOB/BILOU classes only follow classes they may follow.
//
// Speed comes from touching little memory per token (docs/tagger.md): the
// features that read one word only (its word, affix and shape features, and
// the features of its neighbours that read it) are summed once per word type
// and kept in a per-thread cache of recent words; the two history features
// that read only previous classes are one precomputed table; the remaining
// rows are fetched in bulk per sentence with prefetching, from tables on
// 2 MB pages.
//
// Thread safety: immutable after construction; Tag may run concurrently (each
// thread has its own word cache).
#ifndef SITREP_NER_PERCEPTRON_H_
#define SITREP_NER_PERCEPTRON_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ner/features.h"
#include "ner/model_io.h"
#include "sitrep/status.h"

namespace sitrep {

// Allocates blocks of 2 MB and more on huge pages where the kernel allows it
// (madvise): random reads over tables of tens of megabytes otherwise miss
// the TLB on almost every access.
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}
  T* allocate(size_t n);
  void deallocate(T* p, size_t n);
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
};
template <typename T>
using HugeVector = std::vector<T, HugePageAllocator<T>>;

// allowed[(prev + 1) * C + cls] for prev = -1 (sentence start) .. C-1. Class
// names "B-X", "I-X", "L-X", "U-X", "O" follow IOB2/BILOU rules; any other
// names (POS tags) allow every transition.
std::vector<uint8_t> TransitionMask(const std::vector<std::string>& classes);

// Tokens whose class is known without scoring them: they are neither
// scored nor prefetched, and the next token's history reads the class they
// get (docs/tagger.md, "Tokens not scored").
struct TagRules {
  // In a normally cased sentence (SentenceMode), a word of the model's tag
  // dictionary (ModelData::dictionary, POS) gets its class. Not in ALL-CAPS
  // or all-lowercase text, where "us" may be "US".
  bool use_dictionary = true;
  // NER: in a normally cased sentence, a WordSummary::plain word without a
  // gazetteer hint gets class "O" when no span is open before it (sentence
  // start, or a class after which no I-/L- class may follow). Needs an "O"
  // class.
  bool plain_outside_is_o = false;
};

class PerceptronTagger {
 public:
  // Builds the runtime tables. InvalidArgument if the model's kind is not
  // `expected_kind`, its feature set is not the one compiled in, or `rules`
  // ask for an "O" class it does not have.
  static StatusOr<std::unique_ptr<PerceptronTagger>> FromModel(const ModelData& model,
                                                               std::string_view expected_kind,
                                                               TagRules rules = {});
  static StatusOr<std::unique_ptr<PerceptronTagger>> Load(const std::string& path,
                                                          std::string_view expected_kind,
                                                          TagRules rules = {});

  const std::vector<std::string>& classes() const { return classes_; }
  int num_classes() const { return static_cast<int>(classes_.size()); }
  // Trained with gazetteer hints (ModelFlag kModelUsesGazetteerHints).
  bool uses_hints() const { return (flags_ & kModelUsesGazetteerHints) != 0; }

  // Class index per word into *out (resized). `hints`: null or one per word.
  void Tag(const std::vector<std::string_view>& words, const uint8_t* hints,
           std::vector<uint16_t>* out) const;
  // The same classes by the plain method: every feature of every token looked
  // up on its own, the TagRules applied token by token. Slow; tests check
  // that Tag agrees with it.
  void TagReference(const std::vector<std::string_view>& words, const uint8_t* hints,
                    std::vector<uint16_t>* out) const;

 private:
  struct WordCache;
  PerceptronTagger() = default;
  // Row of `feature`, 0 (all zeros) for kNoFeature.
  uint32_t RowOf(uint64_t feature) const {
    return feature == kNoFeature ? 0 : row_of_[feature >> shift_];
  }
  // scores[class] += weight of row r, for every class (stride_ values).
  void AddRow(uint32_t r, int32_t* scores) const;
  // This thread's cache for this tagger (created or recycled on first use).
  WordCache& ThreadCache() const;
  // Sums of the word-only features of a word (kVectors x stride_ values).
  void FillVectors(const WordSummary& summary, const uint64_t local[kNumLocalFeatures],
                   int32_t* sums) const;
  // The dictionary class of a word, or -1.
  int DictionaryClass(std::string_view word) const;
  // Whether TagRules::plain_outside_is_o applies to a token (before the
  // history is known).
  bool PlainOutside(const WordSummary& w, uint32_t mode, uint8_t hint) const {
    return o_class_ >= 0 && mode == kNormalSentence && w.plain && hint == 0;
  }

  std::vector<std::string> classes_;
  uint8_t flags_ = 0;
  uint32_t shift_ = 0;            // bucket = feature >> shift_
  HugeVector<uint32_t> row_of_;   // bucket -> row; row 0 is all zeros
  size_t stride_ = 0;             // C rounded up to a multiple of 8
  HugeVector<int16_t> rows_;      // row * stride_ + class
  std::vector<int32_t> history_;  // ((prev1+1) * (C+1) + prev2+1) * stride_ + class
  std::vector<uint8_t> allowed_;
  // allowed_ as masks for Tag: (prev + 1) * stride_ + cls -> -1 (allowed) or
  // 0; 0 in the padding after the C classes.
  std::vector<int32_t> allowed_mask_;
  uint64_t id_ = 0;  // unique per tagger: keys the per-thread word caches
  // The tag dictionary as an open-addressing table (power-of-two size, at
  // most half full) of words zero-padded to kMaxDictionaryWordBytes.
  struct DictionarySlot {
    uint64_t w[kMaxDictionaryWordBytes / 8] = {0, 0, 0};
    uint8_t len = 0;  // 0: empty
    uint8_t cls = 0;
  };
  std::vector<DictionarySlot> dictionary_;
  int o_class_ = -1;  // class "O" when plain_outside_is_o, else -1
  // open_after_[prev + 1]: a span may continue after class prev (-1: start).
  std::vector<uint8_t> open_after_;
};

}  // namespace sitrep

#endif  // SITREP_NER_PERCEPTRON_H_
