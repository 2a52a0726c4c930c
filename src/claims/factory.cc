// Placeholder factories: replaced as the stage is built.
#include "pipeline/stages.h"

namespace sitrep {
AnnotatorOr MakeQuantityTagger() { return std::unique_ptr<Annotator>(); }
AnnotatorOr MakeAttributionTagger() { return std::unique_ptr<Annotator>(); }
AnnotatorOr MakeEventTagger() { return std::unique_ptr<Annotator>(); }
}  // namespace sitrep
