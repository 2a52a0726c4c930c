// Per-stage micro-benchmarks: each annotator of the default pipeline timed on
// its own, over the sample corpus text (examples/), with the layers it needs
// already filled. Reports bytes/s so stages can be compared with the
// pipeline's 5 MB/s budget.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sitrep/pipeline.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

std::string SampleText() {
  std::string text;
  fs::path dir = fs::path(SITREP_SOURCE_DIR) / "examples";
  std::vector<fs::path> files;
  if (fs::exists(dir)) {
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.path().extension() == ".txt") files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    std::stringstream ss;
    ss << in.rdbuf();
    text += ss.str() + "\n\n";
  }
  return text;
}

const Pipeline& DefaultPipeline() {
  static std::unique_ptr<Pipeline> p = [] {
    auto r = Pipeline::Default();
    return r.ok() ? std::move(*r) : nullptr;
  }();
  return *p;
}

void BM_Stage(benchmark::State& state) {
  const Pipeline& pipeline = DefaultPipeline();
  size_t stage = static_cast<size_t>(state.range(0));
  if (stage >= pipeline.annotators().size()) {
    state.SkipWithError("no such stage");
    return;
  }
  state.SetLabel(std::string(pipeline.annotators()[stage]->name()));
  Document base;
  base.text = SampleText();
  base.published.date = "2025-04-29";
  AnnotateOptions options;
  for (size_t i = 0; i < stage; ++i) (void)pipeline.annotators()[i]->Annotate(&base, options);
  for (auto _ : state) {
    state.PauseTiming();
    Document doc = base;
    state.ResumeTiming();
    (void)pipeline.annotators()[stage]->Annotate(&doc, options);
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * base.text.size()));
}
BENCHMARK(BM_Stage)->DenseRange(0, 8)->Unit(benchmark::kMillisecond);

void BM_WholePipeline(benchmark::State& state) {
  Document base;
  base.text = SampleText();
  base.published.date = "2025-04-29";
  AnnotateOptions options;
  for (auto _ : state) {
    Document doc = base;
    (void)DefaultPipeline().Annotate(&doc, options);
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * base.text.size()));
}
BENCHMARK(BM_WholePipeline)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep
