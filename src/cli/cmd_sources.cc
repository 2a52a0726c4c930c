// sitrep sources: per outlet, its documents and dates, affiliation, framing
// markers and whom it cites.
#include <cstdio>

#include "cli/args.h"
#include "cli/command.h"
#include "cli/report_args.h"
#include "report/render.h"
#include "report/report_job.h"

namespace sitrep::cli {
namespace {

constexpr const char* kUsage =
    "usage: sitrep sources [--db DB | PATH...] [--as-of YYYY-MM-DD] [--topic QUERY]\n"
    "                      [--format md|html|json|csv|text] [-o FILE]\n";

int RunSources(const std::vector<std::string>& raw) {
  static const ReportCommandSpec kSpec{
      "sources", kUsage, {}, {}, {"md", "html", "json", "csv", "text"}, "md"};
  int exit_code = kExitOk;
  auto parsed = ParseReportArgs(kSpec, raw, &exit_code);
  if (!parsed) return exit_code;
  auto* args = &parsed->args;
  const std::string& format = parsed->format;
  auto* job = &parsed->job;
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
