#include "report/load.h"

#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "sitrep/pipeline.h"
#include "sitrep/store.h"

namespace sitrep::report {
namespace {

// A store file in the temporary directory, removed with its WAL files.
class TempStorePath {
 public:
  TempStorePath() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "sitrep-brief-XXXXXX").string();
    int fd = mkstemp(tmpl.data());
    if (fd >= 0) {
      close(fd);
      std::remove(tmpl.c_str());  // SQLite creates it
      path_ = tmpl + ".db";
    }
  }
  ~TempStorePath() {
    if (path_.empty()) return;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::remove((path_ + suffix).c_str());
    }
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

Status ForEachInputDocument(const LoadOptions& options,
                            const std::function<void(const Document&)>& fn, LoadStats* stats) {
  LoadStats local;
  if (!stats) stats = &local;
  DocumentFilter filter;
  filter.fts_query = options.topic;
  auto visit = [&](const Document& d) {
    ++stats->stored;
    fn(d);
    return true;
  };
  if (options.paths.empty()) {
    if (options.db.empty()) return Status::InvalidArgument("no store and no input paths");
    if (!std::filesystem::exists(options.db)) {
      return Status::NotFound(options.db + ": no such store (run `sitrep ingest` first)");
    }
    StoreOptions so;
    so.read_only = true;
    auto store = Store::Open(options.db, so);
    if (!store.ok()) return store.status();
    return (*store)->ForEach(filter, visit);
  }
  TempStorePath temp;
  if (temp.path().empty()) return Status::IOError("cannot create a temporary store");
  auto store = Store::Open(temp.path());
  if (!store.ok()) return store.status();
  auto pipeline = Pipeline::Default();
  if (!pipeline.ok()) return pipeline.status();
  std::vector<Document> batch;
  Status failed;
  auto flush = [&]() {
    if (batch.empty() || !failed.ok()) return;
    auto put = (*store)->Put(batch);
    if (!put.ok()) failed = put.status();
    batch.clear();
  };
  AnnotateOptions annotate;
  annotate.dct = options.ingest.dct;
  Status read = ReadInputs(
      options.paths, options.ingest,
      [&](Document&& doc) {
        ++stats->read;
        Status s = (*pipeline)->Annotate(&doc, annotate);
        if (!s.ok()) {
          if (failed.ok()) failed = s;
          return;
        }
        batch.push_back(std::move(doc));
        if (batch.size() >= 256) flush();
      },
      [&](const ReadProblem& p) {
        ++stats->skipped;
        if (!options.quiet) std::fprintf(stderr, "%s: %s\n", p.origin.c_str(), p.message.c_str());
      });
  if (!read.ok()) return read;
  flush();
  if (!failed.ok()) return failed;
  return (*store)->ForEach(filter, visit);
}

}  // namespace sitrep::report
