// What the stages of one Pipeline::Annotate call share about the document,
// so that it is computed once rather than by every stage that needs it.
// Pipeline::Annotate owns one for the length of the call and drops each
// member after any stage that writes a layer the member was built from.
#ifndef SITREP_PIPELINE_ANNOTATE_SCRATCH_H_
#define SITREP_PIPELINE_ANNOTATE_SCRATCH_H_

#include <optional>

#include "claims/doc_view.h"
#include "sitrep/annotator.h"

namespace sitrep {

struct AnnotateScratch {
  // The claims stages' view (claims::SharedView), built by the first of them.
  std::optional<claims::DocView> doc_view;

  // Forgets what a stage that assigned `layers` made stale.
  void Invalidate(Layers layers) {
    if ((layers & claims::kDocViewLayers) != 0) doc_view.reset();
  }
};

}  // namespace sitrep

#endif  // SITREP_PIPELINE_ANNOTATE_SCRATCH_H_
