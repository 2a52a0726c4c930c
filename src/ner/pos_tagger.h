// The part-of-speech tagger: the perceptron machinery of the NER tagger
// trained on GMB's Penn Treebank tags (`sitrep train pos`).
//
// Thread safety: a loaded PosTagger is immutable; tagging may run on many
// threads at once.
#ifndef SITREP_NER_POS_TAGGER_H_
#define SITREP_NER_POS_TAGGER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/status.h"

namespace sitrep {

class PerceptronTagger;

class PosTagger {
 public:
  ~PosTagger();
  // NotFound if missing; Corruption / InvalidArgument if not a POS model.
  static StatusOr<std::unique_ptr<PosTagger>> Load(const std::string& path);
  // Load(ModelPath("pos.bin")).
  static StatusOr<std::unique_ptr<PosTagger>> LoadDefault();

  // Penn Treebank tag per word ("NNP", "VBD", ...), views into the model.
  void TagWords(const std::vector<std::string_view>& words,
                std::vector<std::string_view>* tags) const;
  // Fills Token::pos of every token of doc (sentence by sentence).
  void TagDocument(Document* doc) const;

 private:
  explicit PosTagger(std::unique_ptr<PerceptronTagger> model);
  std::unique_ptr<PerceptronTagger> model_;
};

}  // namespace sitrep

#endif  // SITREP_NER_POS_TAGGER_H_
