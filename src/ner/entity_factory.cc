// The entity stage of the default pipeline: gazetteer + statistical tagger.
#include "ner/entity_annotator.h"
#include "pipeline/stages.h"

namespace sitrep {

AnnotatorOr MakeEntityTagger() {
  StatusOr<std::shared_ptr<const Gazetteer>> gazetteer = Gazetteer::LoadDefault();
  if (!gazetteer.ok()) return gazetteer.status().WithPrefix("entities");
  // Without a trained model (models/ner.bin) the gazetteer works alone.
  StatusOr<std::unique_ptr<NerTagger>> tagger = NerTagger::LoadDefault();
  std::unique_ptr<NerTagger> model;
  if (tagger.ok()) {
    model = std::move(*tagger);
  } else if (!tagger.status().IsNotFound()) {
    return tagger.status().WithPrefix("entities");
  }
  return std::unique_ptr<Annotator>(new EntityAnnotator(*gazetteer, std::move(model)));
}

}  // namespace sitrep
