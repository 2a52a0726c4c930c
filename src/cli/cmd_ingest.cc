// sitrep ingest: read, clean and annotate inputs, and store them
// (docs/cli.md). Each batch is one transaction: a killed ingest leaves the
// store consistent, and running the same command again completes the job.
#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>

#include "cli/args.h"
#include "cli/batch_annotator.h"
#include "cli/command.h"
#include "cli/ingest_run.h"
#include "cli/reannotate_run.h"
#include "cli/store_util.h"
#include "sitrep/pipeline.h"
#include "sitrep/store.h"
#include "sitrep/version.h"

namespace sitrep::cli {
namespace {

constexpr const char* kUsage =
    "usage: sitrep ingest [--db FILE] [--field NAME=KEY]... [--dct YYYY-MM-DD] [--jobs N]\n"
    "                     [--batch N] [--format text|json] PATH...|-\n";

int RunIngest(const std::vector<std::string>& argv) {
  auto args = Args::Parse(argv, {"db", "field", "dct", "jobs", "batch", "format"}, {"help"});
  if (!args.ok()) {
    std::fprintf(stderr, "sitrep ingest: %s\n%s", args.status().message().c_str(), kUsage);
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
  // Every document allocates and frees strings of tens to hundreds of KB
  // (raw input, clean text, encoded columns): with glibc's adaptive
  // thresholds these kept going back to the kernel and coming back as
  // freshly zeroed pages. Keep them in the heap (up to 4 MiB a block, 16
  // MiB of free top per arena: larger bounds kept 40 MB more resident with
  // --jobs 2 and saved no system time); the heap stays bounded by the
  // window of documents in flight.
  mallopt(M_MMAP_THRESHOLD, 4 << 20);
  mallopt(M_TRIM_THRESHOLD, 16 << 20);
  RunOptions options;
  options.paths = args->positionals();
  options.ingest.dct = args->Get("dct");
  options.annotate.dct = options.ingest.dct;
  options.jobs = JobsFromFlag(args->Get("jobs"));
  options.progress_label = "ingest";
  if (args->Has("batch")) options.batch_docs = std::max(1, std::atoi(args->Get("batch").c_str()));
  const std::string format = args->Get("format", "text");
  if (format != "text" && format != "json") {
    std::fprintf(stderr, "sitrep ingest: --format must be text or json\n");
    return kExitUsage;
  }
  if (Status s = ParseFieldMap(args->GetAll("field"), &options.ingest); !s.ok()) {
    std::fprintf(stderr, "sitrep ingest: %s\n", s.message().c_str());
    return kExitUsage;
  }

  const std::string db_path = StorePath(*args);
  auto store = OpenStoreForWrite(db_path);
  if (!store.ok()) return Fail("ingest", store.status());
  auto pipeline = Pipeline::Default();
  if (!pipeline.ok()) return Fail("ingest", pipeline.status());

  PutResult total;
  RunCounts counts;
  // Annotating a document the store already has is wasted (a rerun after a
  // kill skips what was committed). The check runs on the worker threads,
  // so it gets a connection of its own (WAL lets it read while this one
  // writes), shared under a lock. Without it every document is annotated:
  // slower, same result.
  StoreOptions read_only;
  read_only.read_only = true;
  auto lookup = Store::Open(db_path, read_only);
  std::mutex lookup_mu;
  SkipFn skip;
  if (lookup.ok()) {
    skip = [&](const Document& doc) {
      std::lock_guard<std::mutex> lock(lookup_mu);
      return (*lookup)->Contains(doc);
    };
  }
  auto sink = [&](std::vector<Document>&& batch) -> Status {
    auto put = (*store)->Put(batch);
    if (!put.ok()) return put.status();
    total.added += put->added;
    total.sightings += put->sightings;
    total.unchanged += put->unchanged;
    total.near_duplicates += put->near_duplicates;
    return Status::OK();
  };
  Status run = RunPipeline(**pipeline, options, skip, sink, &counts);
  if (!run.ok()) return Fail("ingest", run.WithPrefix(db_path));

  // An earlier sighting may have changed a stored document's date, which
  // its relative dates were resolved against: annotate those again.
  ReannotateOptions re;
  re.jobs = options.jobs;
  re.only_invalidated = true;
  re.annotate = options.annotate;
  auto redone = Reannotate(**store, **pipeline, re);
  if (!redone.ok()) return Fail("ingest", redone.status().WithPrefix(db_path));

  if (format == "json") {
    std::printf(
        "{\"records\": %lld, \"added\": %d, \"sightings\": %d, \"unchanged\": %d, "
        "\"near_duplicates\": %d, \"reannotated\": %lld, \"skipped\": %lld, \"warnings\": %lld, "
        "\"bytes\": %llu}\n",
        static_cast<long long>(counts.records), total.added, total.sightings, total.unchanged,
        total.near_duplicates, static_cast<long long>(*redone),
        static_cast<long long>(counts.skipped), static_cast<long long>(counts.warnings),
        static_cast<unsigned long long>(counts.bytes));
  } else {
    std::printf(
        "ingest: %lld records read, %d documents added, %d sightings of stored documents, "
        "%d unchanged, %d near-duplicates linked, %lld skipped\n",
        static_cast<long long>(counts.records), total.added, total.sightings, total.unchanged,
        total.near_duplicates, static_cast<long long>(counts.skipped));
  }
  return counts.skipped > 0 ? kExitPartial : kExitOk;
}

}  // namespace

SITREP_COMMAND("ingest", "read, clean, annotate and store articles", RunIngest);

}  // namespace sitrep::cli
