// Factories of the default pipeline's annotators, one per stage. Each is
// defined in its stage's module; a factory that returns nullptr means the
// stage is not built yet and the pipeline runs without it.
#ifndef SITREP_PIPELINE_STAGES_H_
#define SITREP_PIPELINE_STAGES_H_

#include <memory>

#include "sitrep/annotator.h"
#include "sitrep/status.h"

namespace sitrep {

using AnnotatorOr = StatusOr<std::unique_ptr<Annotator>>;

AnnotatorOr MakeSegmenter();          // src/text: sentences, tokens
AnnotatorOr MakePosTagger();          // src/ner: Token::pos
AnnotatorOr MakeTimexTagger();        // src/timex: timexes
AnnotatorOr MakeEntityTagger();       // src/ner: entities with actors
AnnotatorOr MakeQuantityTagger();     // src/claims: quantities
AnnotatorOr MakeAttributionTagger();  // src/claims: attributions
AnnotatorOr MakeEventTagger();        // src/claims: events and claims

}  // namespace sitrep

#endif  // SITREP_PIPELINE_STAGES_H_
