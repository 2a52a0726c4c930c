// Store and consolidation throughput: SQLite insert of annotated documents
// (one transaction per batch, as ingest writes them), reading them all back
// (what the brief does first), and consolidating them into a brief. The
// documents are the war corpus articles when ../shared is there, else the
// sample corpus repeated with a distinguishing last line (so that ids differ
// and nothing is stored as a sighting). Annotated once, before timing.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "report/consolidate.h"
#include "sitrep/ingest.h"
#include "sitrep/pipeline.h"
#include "sitrep/store.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

constexpr size_t kBatch = 64;

// "20220125T090000Z" -> "2022-01-25".
std::string DayOf(const std::string& gdelt) {
  if (gdelt.size() < 8) return "";
  std::string day = gdelt.substr(0, 8);
  day.insert(6, 1, '-');
  day.insert(4, 1, '-');
  return day;
}

std::vector<std::pair<std::string, std::string>> RawTexts() {
  std::vector<std::pair<std::string, std::string>> out;  // text, date
  const char* war = "../shared/corpus/ukraine-war-2022-2024/articles.jsonl";
  if (fs::exists(war)) {
    std::ifstream in(war);
    for (std::string line; std::getline(in, line);) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) continue;
      std::string date = j.contains("gdelt_seendate") && j["gdelt_seendate"].is_string()
                             ? DayOf(j["gdelt_seendate"])
                             : "";
      out.emplace_back(j["text"], date);
    }
    return out;
  }
  std::vector<std::string> sample;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator("examples", ec)) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path(), std::ios::binary);
    sample.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  for (int copy = 0; copy < 40 && !sample.empty(); ++copy) {
    for (const auto& t : sample) {
      out.emplace_back(t + "\n\nArchive copy " + std::to_string(copy) + ".", "2026-10-01");
    }
  }
  return out;
}

const std::vector<Document>& AnnotatedDocs() {
  static const std::vector<Document> docs = [] {
    std::vector<Document> out;
    auto pipeline = Pipeline::Default();
    if (!pipeline.ok()) return out;
    for (auto& [text, date] : RawTexts()) {
      Document meta;
      meta.published.date = date;
      if (!date.empty()) meta.published.provenance = "metadata";
      auto doc = MakeDocument(text, std::move(meta));
      if (!doc.ok()) continue;
      if (!(*pipeline)->Annotate(&*doc, AnnotateOptions{}).ok()) continue;
      out.push_back(std::move(*doc));
    }
    return out;
  }();
  return docs;
}

size_t TextBytes(const std::vector<Document>& docs) {
  size_t n = 0;
  for (const auto& d : docs) n += d.text.size();
  return n;
}

std::string TempStorePath() {
  return (fs::temp_directory_path() / ("sitrep-bench-" + std::to_string(getpid()) + ".db"))
      .string();
}

void RemoveStore(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix);
}

// Inserts every document into a fresh store, kBatch per transaction.
void BM_StorePut(benchmark::State& state) {
  const auto& docs = AnnotatedDocs();
  if (docs.empty()) {
    state.SkipWithError("no documents (run from the repository root)");
    return;
  }
  const std::string path = TempStorePath();
  for (auto _ : state) {
    state.PauseTiming();
    RemoveStore(path);
    auto store = Store::Open(path);
    if (!store.ok()) {
      state.SkipWithError(store.status().ToString().c_str());
      return;
    }
    state.ResumeTiming();
    for (size_t i = 0; i < docs.size(); i += kBatch) {
      std::vector<Document> batch(
          docs.begin() + static_cast<long>(i),
          docs.begin() + static_cast<long>(std::min(docs.size(), i + kBatch)));
      auto r = (*store)->Put(batch);
      if (!r.ok()) {
        state.SkipWithError(r.status().ToString().c_str());
        return;
      }
    }
    store->reset();  // the final checkpoint is part of the cost
  }
  RemoveStore(path);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * docs.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TextBytes(docs)));
}
BENCHMARK(BM_StorePut)->MeasureProcessCPUTime()->Unit(benchmark::kMillisecond);

// Reads every stored document with its annotations (the brief's load).
void BM_StoreForEach(benchmark::State& state) {
  const auto& docs = AnnotatedDocs();
  if (docs.empty()) {
    state.SkipWithError("no documents (run from the repository root)");
    return;
  }
  const std::string path = TempStorePath();
  RemoveStore(path);
  {
    auto store = Store::Open(path);
    if (!store.ok() || !(*store)->Put(docs).ok()) {
      state.SkipWithError("could not fill the store");
      return;
    }
  }
  auto store = Store::Open(path, {.read_only = true});
  if (!store.ok()) {
    state.SkipWithError(store.status().ToString().c_str());
    return;
  }
  size_t read = 0;
  for (auto _ : state) {
    Status s = (*store)->ForEach({}, [&](const Document& d) {
      benchmark::DoNotOptimize(d.text.data());
      ++read;
      return true;
    });
    if (!s.ok()) {
      state.SkipWithError(s.ToString().c_str());
      break;
    }
  }
  store->reset();
  RemoveStore(path);
  state.SetItemsProcessed(static_cast<int64_t>(read));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TextBytes(docs)));
}
BENCHMARK(BM_StoreForEach)->MeasureProcessCPUTime()->Unit(benchmark::kMillisecond);

// Consolidates all documents into a brief (events, claim groups, sources).
void BM_Consolidate(benchmark::State& state) {
  const auto& docs = AnnotatedDocs();
  auto lex = report::ReportLexicons::LoadDefault();
  if (docs.empty() || !lex.ok()) {
    state.SkipWithError("no documents or no report lexicons");
    return;
  }
  for (auto _ : state) {
    report::Brief b = report::Consolidate(docs, **lex, {});
    benchmark::DoNotOptimize(b.timeline.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * docs.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TextBytes(docs)));
}
BENCHMARK(BM_Consolidate)->MeasureProcessCPUTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep
