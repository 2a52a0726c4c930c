// sitrep brief: the situation report across stored documents (or input
// paths ingested into a temporary store), as of a date.
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
    "usage: sitrep brief [--db DB | PATH...] [--as-of YYYY-MM-DD] [--topic QUERY]\n"
    "                    [--format md|html|json|text] [-o FILE] [--exclude-undated]\n"
    "                    [--max-events N] [--max-figures N] [--field NAME=KEY] [--timing]\n"
    "  --db DB            read the store DB (default $SITREP_DB, else sitrep.db)\n"
    "  PATH...            ingest these files/directories into a temporary store first\n"
    "  --as-of DATE       use only what could have been published by DATE\n"
    "  --topic QUERY      only documents matching this full-text query\n"
    "  --exclude-undated  leave out documents of unknown date (default: used, with a caveat)\n"
    "  --max-events N     timeline: the N most important events (default 40; 0 = all)\n"
    "  --max-figures N    contested figures: the N most contested groups (default 30;\n"
    "                     0 = all; `sitrep claims --contested` lists all)\n"
    "  --timing           print load and consolidation times to stderr\n";

int RunBrief(const std::vector<std::string>& raw) {
  static const ReportCommandSpec kSpec{"brief",
                                       kUsage,
                                       {"max-events", "max-figures"},
                                       {"timing"},
                                       {"md", "markdown", "html", "json", "text"},
                                       "md"};
  int exit_code = kExitOk;
  auto parsed = ParseReportArgs(kSpec, raw, &exit_code);
  if (!parsed) return exit_code;
  auto* args = &parsed->args;
  const std::string& format = parsed->format;
  auto* job = &parsed->job;
  job->consolidate.max_timeline = std::atoi(args->Get("max-events", "40").c_str());
  job->consolidate.max_claim_groups = std::atoi(args->Get("max-figures", "30").c_str());
  job->consolidate.max_values_per_group = 12;
  auto result = report::RunReportJob(*job);
  if (!result.ok()) {
    std::fprintf(stderr, "sitrep brief: %s\n", result.status().ToString().c_str());
    return kExitError;
  }
  const report::Brief& brief = result->brief;
  std::string out;
  if (format == "html") {
    out = report::RenderHtml(brief);
  } else if (format == "json") {
    out = report::RenderJson(brief) + "\n";
  } else if (format == "text") {
    out = report::RenderText(brief);
  } else {
    out = report::RenderMarkdown(brief);
  }
  if (Status s = report::WriteOutput(args->Get("output"), out); !s.ok()) {
    std::fprintf(stderr, "sitrep brief: %s\n", s.message().c_str());
    return kExitError;
  }
  if (args->Has("timing")) {
    std::fprintf(stderr,
                 "sitrep brief: %d documents (%d excluded by --as-of): load %.3f s, "
                 "consolidate %.3f s\n",
                 brief.documents, brief.documents_excluded, result->load_seconds,
                 result->consolidate_seconds);
  }
  return result->load.skipped > 0 ? kExitPartial : kExitOk;
}

}  // namespace

SITREP_COMMAND("brief", "the situation brief: timeline, contested figures, actors, sources",
               RunBrief);

}  // namespace sitrep::cli
