// Reading inputs and annotating them on N threads, shared by `sitrep ingest`
// (which stores each batch) and `sitrep annotate` (which prints it).
// Documents reach the sink in input order, in the same batches, for any
// --jobs; memory is bounded by a window of documents in flight.
#ifndef SITREP_CLI_INGEST_RUN_H_
#define SITREP_CLI_INGEST_RUN_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sitrep/annotator.h"
#include "sitrep/ingest.h"
#include "sitrep/pipeline.h"
#include "sitrep/status.h"

namespace sitrep::cli {

struct RunOptions {
  std::vector<std::string> paths;
  IngestOptions ingest;
  AnnotateOptions annotate;
  int jobs = 1;
  size_t batch_docs = 64;
  size_t batch_bytes = 8 << 20;
  // Input bytes read but not yet handed to the sink (besides the batch
  // being filled); a single larger input is still read.
  size_t window_bytes = 32 << 20;
  const char* progress_label = "reading";
};

struct RunCounts {
  int64_t records = 0;   // documents read
  int64_t skipped = 0;   // inputs or records that could not be read
  int64_t warnings = 0;  // documents stored with problems from reading or cleaning
  uint64_t bytes = 0;    // raw bytes of the documents read
};

// Decides, per document before it is annotated, whether annotating it is
// needless (e.g. the store already has it). Called on the worker threads,
// several at once. May be null.
using SkipFn = std::function<StatusOr<bool>(const Document& doc)>;
// Receives each annotated batch in input order, on the calling thread; a
// non-OK status stops the run.
using SinkFn = std::function<Status(std::vector<Document>&& batch)>;

// Reads every path, prints read problems ("path[:line]: message") and
// document warnings to stderr, annotates and hands batches to sink. Returns
// non-OK when the pipeline, skip or sink failed.
Status RunPipeline(const Pipeline& pipeline, const RunOptions& options, const SkipFn& skip,
                   const SinkFn& sink, RunCounts* counts);

// Parses repeated --field NAME=KEY options into options->field_map.
Status ParseFieldMap(const std::vector<std::string>& fields, IngestOptions* options);

}  // namespace sitrep::cli

#endif  // SITREP_CLI_INGEST_RUN_H_
