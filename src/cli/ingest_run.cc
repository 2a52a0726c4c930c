#include "cli/ingest_run.h"

#include <algorithm>
#include <cstdio>
#include <thread>
#include <utility>

#include "cli/ordered_workers.h"
#include "cli/progress.h"
#include "ingest/readers.h"

namespace sitrep::cli {

namespace {

// One read task and what came of it: its documents (annotated unless
// needless) and problems, in input order.
struct Work {
  ingest::ReadTask task;
  struct Outcome {
    bool is_doc = false;
    Document doc;
    ReadProblem problem;
  };
  std::vector<Outcome> out;
  Status status;  // a failure of the pipeline or of the skip check
};

}  // namespace

Status RunPipeline(const Pipeline& pipeline, const RunOptions& options, const SkipFn& skip_fn,
                   const SinkFn& sink, RunCounts* counts) {
  // A reader thread (listing, file I/O, cutting records) -> N workers
  // (parse, clean, build, annotate) -> this thread (messages, counts,
  // batches to the sink), through a bounded window: the order is the
  // input's for any --jobs, and memory does not grow with the input.
  auto work = [&](Work* w) {
    DocumentCallback on_doc = [&](Document&& doc) { w->out.push_back({true, std::move(doc), {}}); };
    ProblemCallback on_problem = [&](const ReadProblem& p) { w->out.push_back({false, {}, p}); };
    ingest::RunReadTask(std::move(w->task), {options.ingest, on_doc, on_problem});
    w->task = {};
    for (Work::Outcome& o : w->out) {
      if (!o.is_doc) continue;
      bool needless = false;
      if (skip_fn) {
        StatusOr<bool> s = skip_fn(o.doc);
        if (!s.ok()) {
          w->status = s.status();
          return;
        }
        needless = *s;
      }
      if (needless) continue;
      Status s = pipeline.Annotate(&o.doc, options.annotate);
      if (!s.ok()) {
        w->status = s.WithPrefix(o.doc.origin);
        return;
      }
    }
  };
  const int jobs = std::max(1, options.jobs);
  OrderedWorkers<Work> pool(jobs, options.batch_docs * 2 + 4 * static_cast<size_t>(jobs),
                            options.window_bytes, work);
  Status read;
  std::thread reader([&] {
    read = ingest::SplitInputs(options.paths, [&](ingest::ReadTask&& task) {
      size_t bytes = task.bytes.size();
      Work w;
      w.task = std::move(task);
      return pool.Push(std::move(w), bytes);
    });
    pool.Close();
  });

  Progress progress(options.progress_label, InputBytes(options.paths));
  std::vector<Document> batch;
  size_t batch_bytes = 0;
  Status failure;
  auto flush = [&] {
    if (batch.empty()) return;
    if (Status s = sink(std::move(batch)); !s.ok() && failure.ok()) failure = s;
    batch.clear();
    batch_bytes = 0;
  };
  Work w;
  while (failure.ok() && pool.Pop(&w)) {
    if (!w.status.ok()) {
      failure = w.status;
      break;
    }
    for (Work::Outcome& o : w.out) {
      if (!o.is_doc) {
        ++counts->skipped;
        progress.Clear();  // a message must not be overdrawn by the bar
        std::fprintf(stderr, "%s: %s\n", o.problem.origin.c_str(), o.problem.message.c_str());
        continue;
      }
      Document& doc = o.doc;
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
      batch_bytes += doc.raw.size();
      batch.push_back(std::move(doc));
      if (batch.size() >= options.batch_docs || batch_bytes >= options.batch_bytes) {
        flush();
        if (!failure.ok()) break;
      }
    }
    progress.Update(counts->records, counts->bytes);
  }
  pool.Cancel();  // wakes the reader if it waits for room
  reader.join();
  if (failure.ok()) flush();
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
