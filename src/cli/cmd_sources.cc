// sitrep sources: per outlet, its documents and dates, affiliation, framing
// markers and whom it cites.
#include <cstdio>

#include "cli/args.h"
#include "cli/command.h"
#include "report/render.h"
#include "report/report_job.h"

namespace sitrep::cli {
namespace {

constexpr const char* kUsage =
    "usage: sitrep sources [--db DB | PATH...] [--as-of YYYY-MM-DD] [--topic QUERY]\n"
    "                      [--format md|html|json|csv|text] [-o FILE]\n";

int RunSources(const std::vector<std::string>& raw) {
  std::vector<std::string> argv = raw;
  for (auto& a : argv) {
    if (a == "-o") a = "--output";
  }
  auto args = Args::Parse(argv, {"db", "as-of", "topic", "format", "output", "field", "dct"},
                          {"help", "exclude-undated", "quiet"});
  if (!args.ok()) {
    std::fprintf(stderr, "sitrep sources: %s\n%s", args.status().message().c_str(), kUsage);
    return kExitUsage;
  }
  if (args->Has("help")) {
    std::printf("%s", kUsage);
    return kExitOk;
  }
  std::string format = args->Get("format", "md");
  if (format != "md" && format != "html" && format != "json" && format != "csv" &&
      format != "text") {
    std::fprintf(stderr, "sitrep sources: unknown --format '%s'\n", format.c_str());
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
    std::fprintf(stderr, "sitrep sources: %s\n", job.status().message().c_str());
    return kExitUsage;
  }
  auto result = report::RunReportJob(*job);
  if (!result.ok()) {
    std::fprintf(stderr, "sitrep sources: %s\n", result.status().ToString().c_str());
    return kExitError;
  }
  const auto& b = result->brief;
  unsigned sections = report::kHeader | report::kOutlets;
  std::string out = format == "html"   ? report::RenderHtml(b, sections)
                    : format == "json" ? report::RenderJson(b, sections) + "\n"
                    : format == "csv"  ? report::RenderOutletsCsv(b)
                    : format == "text" ? report::RenderText(b, sections)
                                       : report::RenderMarkdown(b, sections);
  if (Status s = report::WriteOutput(args->Get("output"), out); !s.ok()) {
    std::fprintf(stderr, "sitrep sources: %s\n", s.message().c_str());
    return kExitError;
  }
  return result->load.skipped > 0 ? kExitPartial : kExitOk;
}

}  // namespace

SITREP_COMMAND("sources", "source profiles: documents, affiliation, framing, whom they cite",
               RunSources);

}  // namespace sitrep::cli
