// Placeholder factory: replaced as the stage is built.
#include "pipeline/stages.h"

namespace sitrep {
AnnotatorOr MakePosTagger() { return std::unique_ptr<Annotator>(); }
}  // namespace sitrep
