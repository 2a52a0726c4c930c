// Where the reporting commands get their documents: a store, or input paths
// ingested and annotated into a temporary store first.
#ifndef SITREP_REPORT_LOAD_H_
#define SITREP_REPORT_LOAD_H_

#include <functional>
#include <string>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/ingest.h"
#include "sitrep/status.h"

namespace sitrep::report {

struct LoadOptions {
  std::string db;                  // a store file; used when paths is empty
  std::vector<std::string> paths;  // inputs to ingest into a temporary store
  std::string topic;               // FTS5 query over the clean text; empty = all
  IngestOptions ingest;
  bool quiet = false;  // no read problems on stderr
};

struct LoadStats {
  int read = 0;     // documents read from paths
  int skipped = 0;  // inputs or records that could not be read
  int stored = 0;   // documents passed to fn
};

// Calls fn for each document (with its annotations) in (published date, id)
// order. With paths, reads, annotates with Pipeline::Default() and stores
// them in a temporary store (removed afterwards) so that exact and near
// duplicates are linked as `sitrep ingest` would. Fails when the store
// cannot be opened, the pipeline cannot be built, or the topic query is
// malformed.
Status ForEachInputDocument(const LoadOptions& options,
                            const std::function<void(const Document&)>& fn, LoadStats* stats);

}  // namespace sitrep::report

#endif  // SITREP_REPORT_LOAD_H_
