// Re-annotating stored documents in place: those annotated by another
// pipeline version, or invalidated by the store (an earlier sighting changed
// the date relative dates were resolved against).
#ifndef SITREP_CLI_REANNOTATE_RUN_H_
#define SITREP_CLI_REANNOTATE_RUN_H_

#include <cstdint>

#include "sitrep/annotator.h"
#include "sitrep/pipeline.h"
#include "sitrep/store.h"

namespace sitrep::cli {

struct ReannotateOptions {
  int jobs = 1;
  bool all = false;               // every document, whatever its pipeline
  bool only_invalidated = false;  // only documents the store invalidated
  AnnotateOptions annotate;
  size_t batch_docs = 64;
};

// Returns the number of documents re-annotated.
StatusOr<int64_t> Reannotate(Store& store, const Pipeline& pipeline,
                             const ReannotateOptions& options);

}  // namespace sitrep::cli

#endif  // SITREP_CLI_REANNOTATE_RUN_H_
