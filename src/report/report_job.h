// One run of a reporting command (brief, timeline, claims, sources): load
// documents, consolidate, time it. The CLI commands are thin layers over it.
#ifndef SITREP_REPORT_REPORT_JOB_H_
#define SITREP_REPORT_REPORT_JOB_H_

#include <string>
#include <vector>

#include "report/brief.h"
#include "report/consolidate.h"
#include "report/load.h"
#include "sitrep/status.h"

namespace sitrep::report {

struct ReportJob {
  LoadOptions load;
  ConsolidateOptions consolidate;
  bool want_claim_rows = false;
};

struct ReportResult {
  Brief brief;
  std::vector<ClaimRow> claim_rows;
  LoadStats load;
  double load_seconds = 0;         // reading (and ingesting) documents
  double consolidate_seconds = 0;  // digesting and building the brief
};

// The options every reporting command shares, as given on the command line.
struct CommonOptions {
  std::string db;                  // empty: $SITREP_DB, else sitrep.db (unless paths)
  std::vector<std::string> paths;  // ingest these into a temporary store instead
  std::string topic, as_of, dct;
  std::vector<std::string> fields;  // --field NAME=KEY
  bool exclude_undated = false;
  bool quiet = false;
};

// Checks the options (dates, NAME=KEY pairs) and builds the job.
StatusOr<ReportJob> MakeReportJob(const CommonOptions& options);

// Validates dates ("YYYY-MM-DD"), loads the lexicons, runs the job.
StatusOr<ReportResult> RunReportJob(const ReportJob& job);

// Writes content to path, or to stdout when path is empty or "-".
Status WriteOutput(const std::string& path, const std::string& content);

// InvalidArgument unless text is a valid "YYYY-MM-DD" date.
Status CheckDate(const std::string& text, const char* option);

}  // namespace sitrep::report

#endif  // SITREP_REPORT_REPORT_JOB_H_
