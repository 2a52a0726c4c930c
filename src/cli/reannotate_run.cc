#include "cli/reannotate_run.h"

#include <string>
#include <vector>

#include "cli/batch_annotator.h"
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

  BatchAnnotator annotator(pipeline, options.annotate, options.jobs);
  Progress progress("reannotate", 0);
  int64_t done = 0;
  uint64_t bytes = 0;
  for (size_t i = 0; i < ids.size(); i += options.batch_docs) {
    std::vector<Document> batch;
    for (size_t j = i; j < std::min(ids.size(), i + options.batch_docs); ++j) {
      auto doc = store.Get(ids[j]);
      if (!doc.ok()) return doc.status();
      if (options.only_invalidated && !doc->pipeline.empty()) continue;
      DropAnnotatorProblems(&*doc);
      bytes += doc->text.size();
      batch.push_back(std::move(*doc));
    }
    if (batch.empty()) continue;
    annotator.Start(std::move(batch), {});
    Status s;
    batch = annotator.Wait(&s);
    if (!s.ok()) return s;
    SITREP_RETURN_IF_ERROR(store.UpdateAnnotations(batch));
    done += static_cast<int64_t>(batch.size());
    progress.Update(done, bytes);
  }
  return done;
}

}  // namespace sitrep::cli
