// The claims stages of the default pipeline.
#include "claims/attribution_tagger.h"
#include "claims/event_tagger.h"
#include "claims/quantity_tagger.h"
#include "pipeline/stages.h"

namespace sitrep {

AnnotatorOr MakeQuantityTagger() {
  auto t = claims::QuantityTagger::Create();
  if (!t.ok()) return t.status();
  return std::unique_ptr<Annotator>(std::move(*t));
}

AnnotatorOr MakeAttributionTagger() {
  auto t = claims::AttributionTagger::Create();
  if (!t.ok()) return t.status();
  return std::unique_ptr<Annotator>(std::move(*t));
}

AnnotatorOr MakeEventTagger() {
  auto t = claims::EventTagger::Create();
  if (!t.ok()) return t.status();
  return std::unique_ptr<Annotator>(std::move(*t));
}

}  // namespace sitrep
