// The statistical named-entity tagger: an averaged perceptron over hashed
// features (docs/tagger.md), trained on GMB by `sitrep train ner`.
//
// It finds spans of PERSON, ORG, GPE (places: the gazetteer decides LOC), NORP
// (demonyms, nationalities, religious and political groups) and MISC inside one
// sentence of a segmented Document. It does not link actors or decide LOC: the
// entity annotator (src/ner/entity_factory.cc) calls it and does that.
//
//   auto tagger = NerTagger::LoadDefault();          // models/ner.bin
//   if (!tagger.ok()) return tagger.status();
//   for (uint32_t s = 0; s < doc.sentences.size(); ++s)
//     for (const EntitySpan& e : (*tagger)->Tag(doc, s, nullptr)) Use(e);
//
// Thread safety: a loaded NerTagger is immutable; Tag may run on many threads.
#ifndef SITREP_NER_NER_TAGGER_H_
#define SITREP_NER_NER_TAGGER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/status.h"

namespace sitrep {

class Gazetteer;
class PerceptronTagger;

enum class EntityType : uint8_t { kPerson, kOrg, kGpe, kNorp, kMisc };

// "PERSON", "ORG", "GPE", "NORP", "MISC".
std::string_view EntityTypeName(EntityType type);
// Inverse of EntityTypeName; false if `name` is not one of them.
bool ParseEntityType(std::string_view name, EntityType* type);

// One recognized mention.
struct EntitySpan {
  uint32_t token_begin = 0;  // index into Document::tokens, inclusive
  uint32_t token_end = 0;    // index into Document::tokens, exclusive
  uint32_t start = 0;        // byte offset into Document::text of the first token
  uint32_t end = 0;          // byte offset just past the last token
  EntityType type = EntityType::kMisc;
};

// Values of the optional per-token gazetteer hint. Any value 0..255 is
// accepted and hashed as a feature; these are the ones the model is meant to
// be trained with. 0 means "no gazetteer hit".
enum GazetteerHint : uint8_t {
  kHintNone = 0,
  kHintPerson = 1,
  kHintOrg = 2,
  kHintGpe = 3,
  kHintLoc = 4,
  kHintNorp = 5,
  kHintMisc = 6,
  kHintTitle = 7,  // "President", "Gen.": the token is a title, not a name
};

class NerTagger {
 public:
  ~NerTagger();

  // Reads a model written by `sitrep train ner` (docs/model-format.md).
  // Returns NotFound if the file is missing, Corruption if it does not parse
  // or is not an NER model. A model trained with gazetteer hints also loads
  // the default gazetteer (Gazetteer::LoadDefault), to compute hints for
  // callers that pass none.
  static StatusOr<std::unique_ptr<NerTagger>> Load(const std::string& path);
  // Load(ModelPath("ner.bin")): $SITREP_MODEL_DIR, else the repository's models/.
  static StatusOr<std::unique_ptr<NerTagger>> LoadDefault();

  // Entity spans of sentence `sentence_index` of `doc`, in text order, not
  // overlapping. REQUIRES: doc.tokens is filled (segmenter) and sorted by
  // sentence. `gazetteer_hint` may be null; otherwise it has one value per
  // Document token (indexed like doc.tokens; see GazetteerHint). An empty or
  // out-of-range sentence yields no spans. Hints are ignored by a model
  // trained without them, and computed from the gazetteer when null for a
  // model trained with them.
  std::vector<EntitySpan> Tag(const Document& doc, uint32_t sentence_index,
                              const std::vector<uint8_t>* gazetteer_hint) const;
  // All sentences of the document, in order.
  std::vector<EntitySpan> TagDocument(const Document& doc,
                                      const std::vector<uint8_t>* gazetteer_hint) const;

  // Lower level, used by training and evaluation: spans over the words of one
  // sentence (token_begin/end index `words`; start/end are 0). `hints` as
  // for Tag, one per word.
  std::vector<EntitySpan> TagWords(const std::vector<std::string_view>& words,
                                   const uint8_t* hints) const;

 private:
  explicit NerTagger(std::unique_ptr<PerceptronTagger> model);
  std::unique_ptr<PerceptronTagger> model_;
  std::shared_ptr<const Gazetteer> gazetteer_;  // set when the model uses hints
  std::vector<int8_t> type_of_class_;           // class -> EntityType, -1 for O
};

}  // namespace sitrep

#endif  // SITREP_NER_NER_TAGGER_H_
