#include "cli/reannotate_run.h"

#include <algorithm>
#include <string>
#include <vector>

#include "cli/ordered_workers.h"
#include "cli/progress.h"
#include "sitrep/version.h"

namespace sitrep::cli {
namespace {

// Problems found while reading and cleaning stay with the document; those
// of annotators are found again by the new run.
void DropAnnotatorProblems(Document* doc) {
  std::vector<Problem> kept;
  for (auto& p : doc->problems) {
    if (p.stage == "read" || p.stage == "clean" || p.stage == "extract" || p.stage == "ingest") {
      kept.push_back(std::move(p));
    }
  }
  doc->problems = std::move(kept);
}

}  // namespace

StatusOr<int64_t> Reannotate(Store& store, const Pipeline& pipeline,
                             const ReannotateOptions& options) {
  std::vector<std::string> ids;
  if (options.all) {
    DocumentFilter filter;
    filter.metadata_only = true;
    Status s = store.ForEach(filter, [&](const Document& d) {
      ids.push_back(d.id);
      return true;
    });
    if (!s.ok()) return s;
  } else {
    auto stale = store.StaleIds(kPipelineName);
    if (!stale.ok()) return stale.status();
    ids = std::move(*stale);
  }
  if (ids.empty()) return int64_t{0};

  // This thread reads from and writes to the store (one connection) while
  // the workers annotate the documents in between.
  struct Item {
    Document doc;
    Status status;
  };
  const int jobs = std::max(1, options.jobs);
  OrderedWorkers<Item> pool(jobs, options.batch_docs * 2 + 4 * static_cast<size_t>(jobs),
                            size_t{64} << 20, [&](Item* item) {
                              Status s = pipeline.Annotate(&item->doc, options.annotate);
                              if (!s.ok()) item->status = s.WithPrefix(item->doc.origin);
                            });
  Progress progress("reannotate", 0);
  int64_t done = 0;
  uint64_t bytes = 0;
  std::vector<Document> batch;
  auto flush = [&]() -> Status {
    if (batch.empty()) return Status::OK();
    SITREP_RETURN_IF_ERROR(store.UpdateAnnotations(batch));
    done += static_cast<int64_t>(batch.size());
    batch.clear();
    progress.Update(done, bytes);
    return Status::OK();
  };
  auto pop = [&]() -> Status {
    Item item;
    if (!pool.Pop(&item)) return Status::Internal("reannotate: no document in flight");
    if (!item.status.ok()) return item.status;
    batch.push_back(std::move(item.doc));
    if (batch.size() >= options.batch_docs) return flush();
    return Status::OK();
  };
  for (const std::string& id : ids) {
    auto doc = store.Get(id);
    if (!doc.ok()) return doc.status();
    if (options.only_invalidated && !doc->pipeline.empty()) continue;
    DropAnnotatorProblems(&*doc);
    bytes += doc->text.size();
    size_t size = doc->raw.size() + doc->text.size();
    while (pool.Full(size)) SITREP_RETURN_IF_ERROR(pop());
    pool.Push({std::move(*doc), Status::OK()}, size);
  }
  while (pool.in_flight() > 0) SITREP_RETURN_IF_ERROR(pop());
  SITREP_RETURN_IF_ERROR(flush());
  return done;
}

}  // namespace sitrep::cli
