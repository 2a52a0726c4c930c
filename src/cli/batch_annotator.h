// The number of worker threads of the commands that annotate (ingest,
// annotate, reannotate); the workers themselves are OrderedWorkers
// (cli/ordered_workers.h).
#ifndef SITREP_CLI_BATCH_ANNOTATOR_H_
#define SITREP_CLI_BATCH_ANNOTATOR_H_

#include <string>

namespace sitrep::cli {

// Number of jobs from --jobs (0 or absent = all cores).
int JobsFromFlag(const std::string& value);

}  // namespace sitrep::cli

#endif  // SITREP_CLI_BATCH_ANNOTATOR_H_
