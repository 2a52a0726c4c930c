// Annotates batches of documents on N worker threads while the caller reads
// the next batch. Each document is annotated independently and results come
// back in input order, so the output is identical for any number of jobs.
#ifndef SITREP_CLI_BATCH_ANNOTATOR_H_
#define SITREP_CLI_BATCH_ANNOTATOR_H_

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "sitrep/annotator.h"
#include "sitrep/document.h"
#include "sitrep/pipeline.h"
#include "sitrep/status.h"

namespace sitrep::cli {

class BatchAnnotator {
 public:
  // REQUIRES: jobs >= 1; pipeline outlives this object.
  BatchAnnotator(const Pipeline& pipeline, AnnotateOptions options, int jobs);
  ~BatchAnnotator();

  // Starts annotating `batch` in the background; documents whose `skip` entry
  // is true are passed through unchanged. REQUIRES: no batch in flight.
  void Start(std::vector<Document> batch, std::vector<bool> skip);
  bool busy() const { return in_flight_; }
  // Waits for the batch in flight and returns it. The status is the first
  // annotator failure (a broken annotator, not a bad document), else OK.
  std::vector<Document> Wait(Status* status);

 private:
  void Work();

  const Pipeline& pipeline_;
  const AnnotateOptions options_;
  std::vector<std::thread> threads_;
  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_;
  std::vector<Document> batch_;
  std::vector<bool> skip_;
  size_t next_ = 0, done_ = 0;
  bool stop_ = false;
  bool in_flight_ = false;
  Status status_;
};

// Number of jobs from --jobs (0 or absent = all cores).
int JobsFromFlag(const std::string& value);

}  // namespace sitrep::cli

#endif  // SITREP_CLI_BATCH_ANNOTATOR_H_
