// Reading and cleaning throughput: MakeDocument (normalization, credit line,
// dateline, boilerplate, numbers, chips, id, language) and the near-duplicate
// signature, over the war corpus texts when ../shared is there, else over the
// sample corpus. Bytes/s is the input's.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "sitrep/ingest.h"

namespace {

namespace fs = std::filesystem;

const std::vector<std::string>& Texts() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    const char* war = "../shared/corpus/ukraine-war-2022-2024/articles.jsonl";
    if (fs::exists(war)) {
      std::ifstream in(war);
      std::string line;
      while (std::getline(in, line)) {
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_object() && j.contains("text") && j["text"].is_string()) out.push_back(j["text"]);
      }
      return out;
    }
    std::error_code ec;
    for (const auto& e : fs::recursive_directory_iterator("examples", ec)) {
      if (e.path().extension() != ".txt") continue;
      std::ifstream in(e.path(), std::ios::binary);
      out.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return out;
  }();
  return texts;
}

void BM_MakeDocument(benchmark::State& state) {
  const auto& texts = Texts();
  if (texts.empty()) {
    state.SkipWithError("no corpus (run from the repository root)");
    return;
  }
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& t = texts[i++ % texts.size()];
    auto doc = sitrep::MakeDocument(t, sitrep::Document{});
    benchmark::DoNotOptimize(doc);
    bytes += t.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(i));
}
BENCHMARK(BM_MakeDocument)->Unit(benchmark::kMicrosecond);

void BM_NearDuplicateSignature(benchmark::State& state) {
  const auto& texts = Texts();
  if (texts.empty()) {
    state.SkipWithError("no corpus (run from the repository root)");
    return;
  }
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& t = texts[i++ % texts.size()];
    benchmark::DoNotOptimize(sitrep::NearDuplicateSignature(t));
    bytes += t.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(i));
}
BENCHMARK(BM_NearDuplicateSignature)->Unit(benchmark::kMicrosecond);

}  // namespace
