// A loaded averaged-perceptron sequence tagger: hashed features (features.h)
// index a flat table of quantized weight rows, one row per feature bucket
// with one weight per class; decoding is greedy left to right, constrained
// so that IOB/BILOU classes only follow classes they may follow.
//
// Thread safety: immutable after construction; Tag may run concurrently.
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

// allowed[(prev + 1) * C + cls] for prev = -1 (sentence start) .. C-1. Class
// names "B-X", "I-X", "L-X", "U-X", "O" follow IOB2/BILOU rules; any other
// names (POS tags) allow every transition.
std::vector<uint8_t> TransitionMask(const std::vector<std::string>& classes);

class PerceptronTagger {
 public:
  // Builds the runtime tables. InvalidArgument if the model's kind is not
  // `expected_kind` or its feature set is not the one compiled in.
  static StatusOr<std::unique_ptr<PerceptronTagger>> FromModel(const ModelData& model,
                                                               std::string_view expected_kind);
  static StatusOr<std::unique_ptr<PerceptronTagger>> Load(const std::string& path,
                                                          std::string_view expected_kind);

  const std::vector<std::string>& classes() const { return classes_; }
  int num_classes() const { return static_cast<int>(classes_.size()); }

  // Class index per word into *out (resized). `hints`: null or one per word.
  void Tag(const std::vector<std::string_view>& words, const uint8_t* hints,
           std::vector<uint16_t>* out) const;

 private:
  PerceptronTagger() = default;
  std::vector<std::string> classes_;
  uint32_t shift_ = 0;            // bucket = feature >> shift_
  std::vector<uint32_t> row_of_;  // bucket -> row; row 0 is all zeros
  size_t stride_ = 0;             // C rounded up to a multiple of 8
  std::vector<int16_t> rows_;     // row * stride_ + class
  std::vector<uint8_t> allowed_;
};

}  // namespace sitrep

#endif  // SITREP_NER_PERCEPTRON_H_
