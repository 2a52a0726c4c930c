// The entity stage: typed mentions linked to canonical actors
// (Document::entities; docs/gazetteer.md describes the rules).
//
// Per sentence it matches gazetteer names (gazetteer_match.h), passes them as
// hints to the statistical tagger (ner_tagger.h, optional: without a model
// the gazetteer works alone), merges both (the gazetteer's span wins unless
// the tagger found a longer organization around a place or demonym: "Russian
// Defence Ministry"), types each mention (the gazetteer decides GPE vs LOC,
// demonyms are NORP), picks its actor (a national capital used as an actor,
// "Pyongyang denied", becomes its country), then links within the document
// (entity_linker.h).
//
// Thread safety: Annotate is const and may run on many documents at once.
#ifndef SITREP_NER_ENTITY_ANNOTATOR_H_
#define SITREP_NER_ENTITY_ANNOTATOR_H_

#include <memory>
#include <string>

#include "ner/gazetteer.h"
#include "ner/ner_tagger.h"
#include "sitrep/annotator.h"

namespace sitrep {

class EntityAnnotator : public Annotator {
 public:
  // `tagger` may be null (gazetteer only).
  EntityAnnotator(std::shared_ptr<const Gazetteer> gazetteer, std::unique_ptr<NerTagger> tagger);
  ~EntityAnnotator() override;

  std::string_view name() const override { return "entities"; }
  Layers requires_layers() const override { return kLayerSentences | kLayerTokens; }
  Layers assigns_layers() const override { return kLayerEntities; }
  Status Annotate(Document* doc, const AnnotateOptions& options) const override;

  bool has_tagger() const { return tagger_ != nullptr; }
  // When non-empty, recorded as a problem on every annotated document (the
  // stage runs degraded, e.g. without its model).
  void set_degraded_note(std::string note) { degraded_note_ = std::move(note); }

 private:
  std::shared_ptr<const Gazetteer> gazetteer_;
  std::unique_ptr<NerTagger> tagger_;
  std::string degraded_note_;
};

}  // namespace sitrep

#endif  // SITREP_NER_ENTITY_ANNOTATOR_H_
