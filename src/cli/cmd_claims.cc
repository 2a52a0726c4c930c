// sitrep claims: the figures sources give, one per line, or (--contested)
// grouped by measure with per-source values, status and reconciled range.
#include <cstdio>

#include "cli/args.h"
#include "cli/command.h"
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
  std::vector<std::string> argv = raw;
  for (auto& a : argv) {
    if (a == "-o") a = "--output";
  }
  auto args = Args::Parse(argv,
                          {"db", "as-of", "topic", "format", "output", "actor", "type", "since",
                           "until", "field", "dct"},
                          {"help", "contested", "exclude-undated", "quiet"});
  if (!args.ok()) {
    std::fprintf(stderr, "sitrep claims: %s\n%s", args.status().message().c_str(), kUsage);
    return kExitUsage;
  }
  if (args->Has("help")) {
    std::printf("%s", kUsage);
    return kExitOk;
  }
  std::string format = args->Get("format", "text");
  if (format != "json" && format != "csv" && format != "text" && format != "md" &&
      format != "html") {
    std::fprintf(stderr, "sitrep claims: unknown --format '%s'\n", format.c_str());
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
  Status dates = report::CheckDate(args->Get("since"), "--since");
  if (dates.ok()) dates = report::CheckDate(args->Get("until"), "--until");
  if (!job.ok() || !dates.ok()) {
    std::fprintf(stderr, "sitrep claims: %s\n",
                 (job.ok() ? dates : job.status()).message().c_str());
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
