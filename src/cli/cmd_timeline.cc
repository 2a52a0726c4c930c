// sitrep timeline: the consolidated events in date order, each with its
// precision, sources and citations.
#include <cstdio>
#include <cstdlib>

#include "cli/args.h"
#include "cli/command.h"
#include "cli/report_args.h"
#include "report/render.h"
#include "report/report_job.h"

namespace sitrep::cli {
namespace {

constexpr const char* kUsage =
    "usage: sitrep timeline [--db DB | PATH...] [--as-of YYYY-MM-DD] [--topic QUERY]\n"
    "                       [--max-dates N] [--max-events N] [--format md|html|json|csv|text]\n"
    "                       [-o FILE] [--exclude-undated] [--timing]\n"
    "  --max-dates N   keep the events of the N most important dates\n"
    "  --max-events N  keep the N most important events\n";

int RunTimeline(const std::vector<std::string>& raw) {
  static const ReportCommandSpec kSpec{"timeline",
                                       kUsage,
                                       {"max-dates", "max-events"},
                                       {"timing"},
                                       {"md", "html", "json", "csv", "text"},
                                       "md"};
  int exit_code = kExitOk;
  auto parsed = ParseReportArgs(kSpec, raw, &exit_code);
  if (!parsed) return exit_code;
  auto* args = &parsed->args;
  const std::string& format = parsed->format;
  auto* job = &parsed->job;
  job->consolidate.max_dates = std::atoi(args->Get("max-dates", "0").c_str());
  job->consolidate.max_timeline = std::atoi(args->Get("max-events", "0").c_str());
  auto result = report::RunReportJob(*job);
  if (!result.ok()) {
    std::fprintf(stderr, "sitrep timeline: %s\n", result.status().ToString().c_str());
    return kExitError;
  }
  const auto& b = result->brief;
  unsigned sections = report::kHeader | report::kTimeline;
  std::string out = format == "html"   ? report::RenderHtml(b, sections)
                    : format == "json" ? report::RenderJson(b, sections) + "\n"
                    : format == "csv"  ? report::RenderTimelineCsv(b)
                    : format == "text" ? report::RenderText(b, sections)
                                       : report::RenderMarkdown(b, sections);
  if (Status s = report::WriteOutput(args->Get("output"), out); !s.ok()) {
    std::fprintf(stderr, "sitrep timeline: %s\n", s.message().c_str());
    return kExitError;
  }
  if (args->Has("timing")) {
    std::fprintf(stderr, "sitrep timeline: %d documents: load %.3f s, consolidate %.3f s\n",
                 b.documents, result->load_seconds, result->consolidate_seconds);
  }
  return result->load.skipped > 0 ? kExitPartial : kExitOk;
}

}  // namespace

SITREP_COMMAND("timeline", "consolidated events in date order, with sources and citations",
               RunTimeline);

}  // namespace sitrep::cli
