#include "cli/report_args.h"

#include <cstdio>

#include "cli/command.h"

namespace sitrep::cli {

std::optional<ReportArgs> ParseReportArgs(const ReportCommandSpec& spec,
                                          const std::vector<std::string>& raw, int* exit_code) {
  std::vector<std::string> argv = raw;
  for (auto& a : argv) {
    if (a == "-o") a = "--output";
  }
  std::set<std::string> values = {"db", "as-of", "topic", "format", "output", "field", "dct"};
  values.insert(spec.values.begin(), spec.values.end());
  std::set<std::string> flags = {"help", "exclude-undated", "quiet"};
  flags.insert(spec.flags.begin(), spec.flags.end());
  auto args = Args::Parse(argv, values, flags);
  const char* name = spec.name.c_str();
  if (!args.ok()) {
    std::fprintf(stderr, "sitrep %s: %s\n%s", name, args.status().message().c_str(), spec.usage);
    *exit_code = kExitUsage;
    return std::nullopt;
  }
  if (args->Has("help")) {
    std::printf("%s", spec.usage);
    *exit_code = kExitOk;
    return std::nullopt;
  }
  std::string format = args->Get("format", spec.default_format);
  if (spec.formats.count(format) == 0) {
    std::string known;
    for (const auto& f : spec.formats) known += (known.empty() ? "" : ", ") + f;
    std::fprintf(stderr, "sitrep %s: unknown --format '%s' (%s)\n", name, format.c_str(),
                 known.c_str());
    *exit_code = kExitUsage;
    return std::nullopt;
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
    std::fprintf(stderr, "sitrep %s: %s\n", name, job.status().message().c_str());
    *exit_code = kExitUsage;
    return std::nullopt;
  }
  return ReportArgs{std::move(*args), std::move(format), std::move(*job)};
}

}  // namespace sitrep::cli
