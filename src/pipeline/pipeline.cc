#include "sitrep/pipeline.h"

#include <string>

#include "pipeline/annotate_scratch.h"
#include "pipeline/stages.h"
#include "sitrep/version.h"

namespace sitrep {

StatusOr<std::unique_ptr<Pipeline>> Pipeline::Create(
    std::vector<std::unique_ptr<Annotator>> annotators) {
  Layers assigned = kLayerNone;
  for (const auto& a : annotators) {
    Layers missing = a->requires_layers() & ~assigned;
    if (missing != 0) {
      return Status::InvalidArgument("annotator '" + std::string(a->name()) +
                                     "' requires layers (mask " + std::to_string(missing) +
                                     ") that no earlier annotator assigns");
    }
    assigned |= a->assigns_layers();
  }
  return std::unique_ptr<Pipeline>(new Pipeline(std::move(annotators)));
}

StatusOr<std::unique_ptr<Pipeline>> Pipeline::Default() {
  std::vector<std::unique_ptr<Annotator>> annotators;
  for (auto* factory : {&MakeSegmenter, &MakePosTagger, &MakeTimexTagger, &MakeEntityTagger,
                        &MakeQuantityTagger, &MakeAttributionTagger, &MakeEventTagger}) {
    AnnotatorOr a = (*factory)();
    if (!a.ok()) return a.status();
    if (*a) annotators.push_back(std::move(*a));
  }
  return Create(std::move(annotators));
}

Status Pipeline::Annotate(Document* doc, const AnnotateOptions& options) const {
  doc->sentences.clear();
  doc->tokens.clear();
  doc->timexes.clear();
  doc->entities.clear();
  doc->quantities.clear();
  doc->attributions.clear();
  doc->events.clear();
  doc->claims.clear();
  AnnotateScratch scratch;
  AnnotateOptions with_scratch = options;
  with_scratch.scratch = &scratch;
  for (const auto& a : annotators_) {
    Status s = a->Annotate(doc, with_scratch);
    if (!s.ok()) return s.WithPrefix(std::string(a->name()));
    scratch.Invalidate(a->assigns_layers());
  }
  doc->pipeline = kPipelineName;
  return Status::OK();
}

}  // namespace sitrep
