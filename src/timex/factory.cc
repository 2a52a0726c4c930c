// The pipeline's time-expression stage.
#include "pipeline/stages.h"
#include "timex/tagger.h"

namespace sitrep {
AnnotatorOr MakeTimexTagger() {
  auto tagger = timex::TimexTagger::Create();
  if (!tagger.ok()) return tagger.status();
  return std::unique_ptr<Annotator>(std::move(*tagger));
}
}  // namespace sitrep
