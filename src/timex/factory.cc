// Placeholder factories: replaced as the stage is built.
#include "pipeline/stages.h"

namespace sitrep {
AnnotatorOr MakeTimexTagger() { return std::unique_ptr<Annotator>(); }
}  // namespace sitrep
