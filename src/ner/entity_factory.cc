// The entity stage of the default pipeline: gazetteer + statistical tagger.
#include "ner/entity_annotator.h"
#include "pipeline/stages.h"

namespace sitrep {

AnnotatorOr MakeEntityTagger() {
  StatusOr<std::shared_ptr<const Gazetteer>> gazetteer = Gazetteer::LoadDefault();
  if (!gazetteer.ok()) return gazetteer.status().WithPrefix("entities");
  // Without a usable model (models/ner.bin missing, or stale after a feature
  // change) the gazetteer works alone; each document then says so in its
  // problems, so the degraded run is visible but the batch goes on.
  StatusOr<std::unique_ptr<NerTagger>> tagger = NerTagger::LoadDefault();
  std::unique_ptr<NerTagger> model;
  std::string problem;
  if (tagger.ok()) {
    model = std::move(*tagger);
  } else if (!tagger.status().IsNotFound()) {
    problem = "statistical tagger unavailable (" + tagger.status().ToString() + "); gazetteer only";
  }
  auto annotator = std::make_unique<EntityAnnotator>(*gazetteer, std::move(model));
  annotator->set_degraded_note(problem);
  return std::unique_ptr<Annotator>(std::move(annotator));
}

}  // namespace sitrep
