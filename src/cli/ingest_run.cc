#include "cli/ingest_run.h"

#include <cstdio>
#include <utility>

#include "cli/batch_annotator.h"
#include "cli/progress.h"

namespace sitrep::cli {

Status RunPipeline(const Pipeline& pipeline, const RunOptions& options, const SkipFn& skip_fn,
                   const SinkFn& sink, RunCounts* counts) {
  BatchAnnotator annotator(pipeline, options.annotate, options.jobs);
  Progress progress(options.progress_label, InputBytes(options.paths));
  std::vector<Document> batch;
  std::vector<bool> skip;
  size_t batch_bytes = 0;
  Status failure;

  // Hands the batch in flight to the sink, then starts the current one, so
  // reading the next batch overlaps with annotating this one.
  auto flush = [&]() {
    if (annotator.busy()) {
      Status s;
      std::vector<Document> done = annotator.Wait(&s);
      if (s.ok()) s = sink(std::move(done));
      if (!s.ok() && failure.ok()) failure = s;
    }
    if (!batch.empty() && failure.ok()) annotator.Start(std::move(batch), std::move(skip));
    batch.clear();
    skip.clear();
    batch_bytes = 0;
  };

  auto on_doc = [&](Document&& doc) {
    if (!failure.ok()) return;
    ++counts->records;
    counts->bytes += doc.raw.size();
    if (!doc.problems.empty()) {
      ++counts->warnings;
      progress.Clear();
      for (const auto& p : doc.problems) {
        std::fprintf(stderr, "%s: warning: %s: %s\n", doc.origin.c_str(), p.stage.c_str(),
                     p.message.c_str());
      }
    }
    bool needless = false;
    if (skip_fn) {
      StatusOr<bool> s = skip_fn(doc);
      if (!s.ok()) {
        failure = s.status();
        return;
      }
      needless = *s;
    }
    batch_bytes += doc.raw.size();
    batch.push_back(std::move(doc));
    skip.push_back(needless);
    if (batch.size() >= options.batch_docs || batch_bytes >= options.batch_bytes) flush();
    progress.Update(counts->records, counts->bytes);
  };
  auto on_problem = [&](const ReadProblem& p) {
    ++counts->skipped;
    progress.Clear();  // a message must not be overdrawn by the bar
    std::fprintf(stderr, "%s: %s\n", p.origin.c_str(), p.message.c_str());
  };

  Status read = ReadInputs(options.paths, options.ingest, on_doc, on_problem);
  flush();  // the last batch in flight, then start the remainder
  flush();  // the remainder
  progress.Finish();
  if (!failure.ok()) return failure;
  return read;
}

Status ParseFieldMap(const std::vector<std::string>& fields, IngestOptions* options) {
  static const char* kNames[] = {"text", "title", "url", "source", "date"};
  for (const auto& f : fields) {
    size_t eq = f.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == f.size()) {
      return Status::InvalidArgument("--field wants NAME=KEY, got '" + f + "'");
    }
    std::string name = f.substr(0, eq);
    bool known = false;
    for (const char* n : kNames) known |= name == n;
    if (!known) {
      return Status::InvalidArgument("--field: unknown NAME '" + name +
                                     "' (one of text, title, url, source, date)");
    }
    options->field_map[name] = f.substr(eq + 1);
  }
  return Status::OK();
}

}  // namespace sitrep::cli
