// The options every reporting command (brief, timeline, claims, sources)
// shares: where the documents come from (--db or PATH...), --as-of, --topic,
// --format, -o/--output, --field, --dct, --exclude-undated, --quiet.
#ifndef SITREP_CLI_REPORT_ARGS_H_
#define SITREP_CLI_REPORT_ARGS_H_

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/args.h"
#include "report/report_job.h"

namespace sitrep::cli {

struct ReportCommandSpec {
  std::string name;               // "brief": used in messages
  const char* usage = "";         // printed for --help and after usage errors
  std::set<std::string> values;   // the command's own options that take a value
  std::set<std::string> flags;    // the command's own boolean options
  std::set<std::string> formats;  // accepted --format values
  std::string default_format = "md";
};

struct ReportArgs {
  Args args;
  std::string format;
  report::ReportJob job;
};

// Parses argv for the command. Returns nullopt when the command should stop
// now, with *exit_code set: kExitOk after --help, kExitUsage after a message
// on stderr naming the bad option or value.
std::optional<ReportArgs> ParseReportArgs(const ReportCommandSpec& spec,
                                          const std::vector<std::string>& argv, int* exit_code);

}  // namespace sitrep::cli

#endif  // SITREP_CLI_REPORT_ARGS_H_
