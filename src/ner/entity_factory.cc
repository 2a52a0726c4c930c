// Placeholder factory: replaced as the stage is built.
#include "pipeline/stages.h"

namespace sitrep {
AnnotatorOr MakeEntityTagger() { return std::unique_ptr<Annotator>(); }
}  // namespace sitrep
