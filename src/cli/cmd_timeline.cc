// sitrep timeline: the consolidated events in date order, each with its
// precision, sources and citations.
#include <cstdio>
#include <cstdlib>

#include "cli/args.h"
#include "cli/command.h"
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
  std::vector<std::string> argv = raw;
  for (auto& a : argv) {
    if (a == "-o") a = "--output";
  }
  auto args = Args::Parse(
      argv, {"db", "as-of", "topic", "format", "output", "max-dates", "max-events", "field", "dct"},
      {"help", "exclude-undated", "timing", "quiet"});
  if (!args.ok()) {
    std::fprintf(stderr, "sitrep timeline: %s\n%s", args.status().message().c_str(), kUsage);
    return kExitUsage;
  }
  if (args->Has("help")) {
    std::printf("%s", kUsage);
    return kExitOk;
  }
  std::string format = args->Get("format", "md");
  if (format != "md" && format != "html" && format != "json" && format != "csv" &&
      format != "text") {
    std::fprintf(stderr, "sitrep timeline: unknown --format '%s'\n", format.c_str());
    return kExitUsage;
  }
  report::CommonOptions common;
  common.db = args->Get("db");
  common.paths = args->positionals();
  common.topic = args->Get("topic");
  common.as_of = args->Get("as-of");
  common.dct = args->Get("dct");
  common.fields = args->GetAll("field");
  common.exclude_undated = args->Has("exclude-undated");
  common.quiet = args->Has("quiet");
  auto job = report::MakeReportJob(common);
  if (!job.ok()) {
    std::fprintf(stderr, "sitrep timeline: %s\n", job.status().message().c_str());
    return kExitUsage;
  }
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
