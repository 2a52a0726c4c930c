// Training of the averaged perceptron taggers (docs/tagger.md).
//
// Greedy left-to-right decoding with the model's own previous predictions
// as history, a standard perceptron update on each wrong token, weights
// averaged over all updates (Daume's trick: w - u / c), then quantized to
// 16 bits and pruned of the smallest weights until the file fits the size
// budget. Deterministic for a given input, options and seed.
#ifndef SITREP_NER_PERCEPTRON_TRAIN_H_
#define SITREP_NER_PERCEPTRON_TRAIN_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "ner/model_io.h"
#include "sitrep/status.h"

namespace sitrep {

struct TrainSentence {
  std::vector<std::string> words;
  std::vector<uint16_t> gold;  // class index per word
  // Gazetteer hint per word (GazetteerHint in ner_tagger.h), or empty.
  std::vector<uint8_t> hints;
};

struct PerceptronTrainOptions {
  std::string kind;  // "ner" | "pos", written into the model
  int epochs = 8;
  uint32_t bucket_bits = 20;  // 2^bits hashed feature rows
  uint64_t seed = 20240601;   // shuffling and case augmentation
  // Share of sentences shown ALL-CAPS / all-lowercase in each epoch, so that
  // headlines and unedited text do not throw the tagger.
  double upper_fraction = 0.03;
  double lower_fraction = 0.03;
  size_t max_model_bytes = 4'900'000;
  // Set by TrainPerceptron when any sentence has hints (recorded in the
  // model's flags).
  bool uses_hints = false;
};

// Trains on `data` with classes `classes` (class i named classes[i]).
// Progress lines go to `log` when it is not null.
StatusOr<ModelData> TrainPerceptron(const std::vector<TrainSentence>& data,
                                    const std::vector<std::string>& classes,
                                    const PerceptronTrainOptions& options, std::FILE* log);

}  // namespace sitrep

#endif  // SITREP_NER_PERCEPTRON_TRAIN_H_
