// sitrep reannotate: annotate stored documents again, in place, when the
// pipeline that made their annotations differs from this build's.
#include <cstdio>

#include "cli/args.h"
#include "cli/batch_annotator.h"
#include "cli/command.h"
#include "cli/reannotate_run.h"
#include "cli/store_util.h"
#include "sitrep/version.h"

namespace sitrep::cli {
namespace {

constexpr const char* kUsage = "usage: sitrep reannotate [--db FILE] [--all] [--jobs N]\n";

int RunReannotate(const std::vector<std::string>& argv) {
  auto args = Args::Parse(argv, {"db", "jobs"}, {"help", "all"});
  if (!args.ok() || !args->positionals().empty()) {
    if (!args.ok())
      std::fprintf(stderr, "sitrep reannotate: %s\n", args.status().message().c_str());
    std::fprintf(stderr, "%s", kUsage);
    return kExitUsage;
  }
  if (args->Has("help")) {
    std::printf("%s", kUsage);
    return kExitOk;
  }
  auto store = OpenExistingStore(StorePath(*args));
  if (!store.ok()) return Fail("reannotate", store.status());
  auto pipeline = Pipeline::Default();
  if (!pipeline.ok()) return Fail("reannotate", pipeline.status());
  ReannotateOptions options;
  options.all = args->Has("all");
  options.jobs = JobsFromFlag(args->Get("jobs"));
  auto done = Reannotate(**store, **pipeline, options);
  if (!done.ok()) return Fail("reannotate", done.status());
  std::printf("reannotate: %lld documents annotated again by %s\n", static_cast<long long>(*done),
              kPipelineName);
  return kExitOk;
}

}  // namespace

SITREP_COMMAND("reannotate", "annotate stored documents again with this pipeline version",
               RunReannotate);

}  // namespace sitrep::cli
