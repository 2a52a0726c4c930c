// sitrep claims: the figures sources give, one per line, or (--contested)
// grouped by measure with per-source values, status and reconciled range.
#include <cstdio>

#include "cli/args.h"
#include "cli/command.h"
#include "cli/report_args.h"
#include "report/render.h"
#include "report/report_job.h"

namespace sitrep::cli {
namespace {

constexpr const char* kUsage =
    "usage: sitrep claims [--db DB | PATH...] [--format json|csv|text|md|html] [--actor A]\n"
    "                     [--type MEASURE] [--since YYYY-MM-DD] [--until YYYY-MM-DD]\n"
    "                     [--contested] [--as-of YYYY-MM-DD] [--topic QUERY] [-o FILE]\n"
    "  --actor A      claims whose subject (actor id or name) contains A\n"
    "  --type M       claims whose measure contains M (\"troops\", \"killed\")\n"
    "  --since/--until  publication dates, inclusive\n"
    "  --contested    claim groups: per-source values, status, reconciled range\n";

int RunClaims(const std::vector<std::string>& raw) {
  static const ReportCommandSpec kSpec{"claims",
                                       kUsage,
                                       {"actor", "type", "since", "until"},
                                       {"contested"},
                                       {"json", "csv", "text", "md", "html"},
                                       "text"};
  int exit_code = kExitOk;
  auto parsed = ParseReportArgs(kSpec, raw, &exit_code);
  if (!parsed) return exit_code;
  auto* args = &parsed->args;
  const std::string& format = parsed->format;
  auto* job = &parsed->job;
  Status dates = report::CheckDate(args->Get("since"), "--since");
  if (dates.ok()) dates = report::CheckDate(args->Get("until"), "--until");
  if (!dates.ok()) {
    std::fprintf(stderr, "sitrep claims: %s\n", dates.message().c_str());
    return kExitUsage;
  }
  job->consolidate.claim_actor = args->Get("actor");
  job->consolidate.claim_measure = args->Get("type");
  job->consolidate.claim_since = args->Get("since");
  job->consolidate.claim_until = args->Get("until");
  job->want_claim_rows = !args->Has("contested");
  auto result = report::RunReportJob(*job);
  if (!result.ok()) {
    std::fprintf(stderr, "sitrep claims: %s\n", result.status().ToString().c_str());
    return kExitError;
  }
  std::string out;
  if (args->Has("contested")) {
    const auto& b = result->brief;
    unsigned sections = report::kClaimGroups;
    out = format == "json"   ? report::RenderJson(b, sections) + "\n"
          : format == "csv"  ? report::RenderClaimGroupsCsv(b)
          : format == "html" ? report::RenderHtml(b, sections)
          : format == "md"   ? report::RenderMarkdown(b, sections)
                             : report::RenderText(b, sections);
  } else {
    const auto& rows = result->claim_rows;
    out = format == "json"  ? report::RenderClaimRowsJson(rows) + "\n"
          : format == "csv" ? report::RenderClaimRowsCsv(rows)
                            : report::RenderClaimRowsText(rows);
  }
  if (Status s = report::WriteOutput(args->Get("output"), out); !s.ok()) {
    std::fprintf(stderr, "sitrep claims: %s\n", s.message().c_str());
    return kExitError;
  }
  return result->load.skipped > 0 ? kExitPartial : kExitOk;
}

}  // namespace

SITREP_COMMAND("claims", "figures with provenance; --contested groups them by measure", RunClaims);

}  // namespace sitrep::cli
