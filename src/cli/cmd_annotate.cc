// sitrep annotate: read and clean inputs without a store, annotate them, and
// print one JSON object per document per line, in input order
// (docs/annotate-json.md).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "cli/args.h"
#include "cli/batch_annotator.h"
#include "cli/command.h"
#include "cli/ingest_run.h"
#include "sitrep/document_json.h"
#include "sitrep/pipeline.h"

namespace sitrep::cli {
namespace {

constexpr const char* kUsage =
    "usage: sitrep annotate [--dct YYYY-MM-DD] [--field NAME=KEY]... [--jobs N] [--tokens]\n"
    "                       [--internal] PATH...|-\n";

int RunAnnotate(const std::vector<std::string>& argv) {
  auto args = Args::Parse(argv, {"dct", "field", "jobs", "batch"}, {"help", "tokens", "internal"});
  if (!args.ok()) {
    std::fprintf(stderr, "sitrep annotate: %s\n%s", args.status().message().c_str(), kUsage);
    return kExitUsage;
  }
  if (args->Has("help")) {
    std::printf("%s", kUsage);
    return kExitOk;
  }
  if (args->positionals().empty()) {
    std::fprintf(stderr, "%s", kUsage);
    return kExitUsage;
  }
  RunOptions options;
  options.paths = args->positionals();
  options.ingest.dct = args->Get("dct");
  options.annotate.dct = options.ingest.dct;
  options.jobs = JobsFromFlag(args->Get("jobs"));
  options.progress_label = "annotate";
  if (args->Has("batch")) options.batch_docs = std::max(1, std::atoi(args->Get("batch").c_str()));
  if (Status s = ParseFieldMap(args->GetAll("field"), &options.ingest); !s.ok()) {
    std::fprintf(stderr, "sitrep annotate: %s\n", s.message().c_str());
    return kExitUsage;
  }
  auto pipeline = Pipeline::Default();
  if (!pipeline.ok()) {
    std::fprintf(stderr, "sitrep annotate: %s\n", pipeline.status().ToString().c_str());
    return kExitError;
  }
  JsonWriteOptions json_options;
  json_options.include_tokens = args->Has("tokens");
  json_options.include_internal = args->Has("internal");
  auto sink = [&](std::vector<Document>&& batch) -> Status {
    for (const Document& doc : batch) {
      std::string line = DocumentToJson(doc, json_options);
      line += '\n';
      if (std::fwrite(line.data(), 1, line.size(), stdout) != line.size()) {
        return Status::IOError("writing to standard output failed");
      }
    }
    return Status::OK();
  };
  RunCounts counts;
  Status s = RunPipeline(**pipeline, options, nullptr, sink, &counts);
  if (std::fflush(stdout) != 0 && s.ok()) s = Status::IOError("writing to standard output failed");
  if (!s.ok()) {
    std::fprintf(stderr, "sitrep annotate: %s\n", s.message().c_str());
    return kExitError;
  }
  return counts.skipped > 0 ? kExitPartial : kExitOk;
}

}  // namespace

SITREP_COMMAND("annotate", "annotate inputs without a store, print JSON Lines", RunAnnotate);

}  // namespace sitrep::cli
