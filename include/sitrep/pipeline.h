// The annotate pipeline: segmentation, part of speech, time expressions,
// entities, quantities, attribution, events and claims, in that order.
#ifndef SITREP_PIPELINE_H_
#define SITREP_PIPELINE_H_

#include <memory>
#include <vector>

#include "sitrep/annotator.h"
#include "sitrep/status.h"

namespace sitrep {

class Pipeline {
 public:
  // Builds a pipeline from annotators in order. Fails when an annotator
  // requires a layer that no earlier annotator assigns.
  static StatusOr<std::unique_ptr<Pipeline>> Create(
      std::vector<std::unique_ptr<Annotator>> annotators);

  // The full default pipeline, loading lexicons and models from the data
  // directory (see DataPath). Fails with a message naming the missing file.
  static StatusOr<std::unique_ptr<Pipeline>> Default();

  // Clears every annotation layer, runs all annotators, sets doc->pipeline.
  // Thread-safe.
  Status Annotate(Document* doc, const AnnotateOptions& options) const;

  const std::vector<std::unique_ptr<Annotator>>& annotators() const { return annotators_; }

 private:
  explicit Pipeline(std::vector<std::unique_ptr<Annotator>> a) : annotators_(std::move(a)) {}
  std::vector<std::unique_ptr<Annotator>> annotators_;
};

}  // namespace sitrep

#endif  // SITREP_PIPELINE_H_
