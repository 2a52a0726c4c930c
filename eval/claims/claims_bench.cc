// Throughput of each annotate stage, and of the claims stages together, on
// the articles of a JSON Lines file (one {"text": ...} object per line).
// Built and run by eval/claims/bench.sh; prints one line per stage, timed in
// thread CPU seconds.
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pipeline/stages.h"

// Thread CPU time: the machine is shared, so wall time would measure the
// neighbours too.
static double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char** argv) {
  using namespace sitrep;
  if (argc < 2) {
    std::cerr << "usage: claims_bench ARTICLES.jsonl [REPEAT]\n";
    return 2;
  }
  int repeat = argc > 2 ? std::atoi(argv[2]) : 1;
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << "cannot open " << argv[1] << "\n";
    return 1;
  }
  std::vector<std::string> texts;
  size_t bytes = 0;
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("text") || !j["text"].is_string()) continue;
    texts.push_back(j["text"].get<std::string>());
    bytes += texts.back().size();
  }
  std::vector<std::unique_ptr<Annotator>> stages;
  for (auto* f : {&MakeSegmenter, &MakePosTagger, &MakeTimexTagger, &MakeEntityTagger,
                  &MakeQuantityTagger, &MakeAttributionTagger, &MakeEventTagger}) {
    AnnotatorOr a = (*f)();
    if (!a.ok()) {
      std::cerr << "stage left out: " << a.status().ToString() << "\n";
      continue;
    }
    if (*a) stages.push_back(std::move(*a));
  }
  // CLAIMS_ONLY=N: run the earlier stages once, then only the claims stages
  // N times over copies of the documents (for profiling those alone).
  if (const char* n = std::getenv("CLAIMS_ONLY")) {
    std::vector<Document> base;
    size_t first_claims = stages.size();
    for (size_t s = 0; s < stages.size(); ++s) {
      if (stages[s]->name() == "quantities") first_claims = std::min(first_claims, s);
    }
    for (const std::string& t : texts) {
      Document doc;
      doc.text = t;
      AnnotateOptions o;
      for (size_t s = 0; s < first_claims; ++s) (void)stages[s]->Annotate(&doc, o);
      base.push_back(std::move(doc));
    }
    std::vector<double> sec(stages.size(), 0);
    for (int r = 0; r < std::atoi(n); ++r) {
      for (const Document& b : base) {
        Document doc = b;
        AnnotateOptions o;
        for (size_t s = first_claims; s < stages.size(); ++s) {
          double t0 = CpuSeconds();
          (void)stages[s]->Annotate(&doc, o);
          sec[s] += CpuSeconds() - t0;
        }
      }
    }
    double mb = static_cast<double>(bytes) * std::atoi(n) / 1e6;
    for (size_t s = first_claims; s < stages.size(); ++s) {
      std::printf("%-14s %8.3f s %9.1f MB/s\n", std::string(stages[s]->name()).c_str(), sec[s],
                  mb / sec[s]);
    }
    return 0;
  }
  std::vector<double> seconds(stages.size(), 0);
  size_t claims = 0, events = 0, quantities = 0;
  for (int r = 0; r < repeat; ++r) {
    for (const std::string& t : texts) {
      Document doc;
      doc.text = t;
      AnnotateOptions o;
      for (size_t s = 0; s < stages.size(); ++s) {
        double t0 = CpuSeconds();
        Status st = stages[s]->Annotate(&doc, o);
        seconds[s] += CpuSeconds() - t0;
        if (!st.ok()) std::cerr << st.ToString() << "\n";
      }
      claims += doc.claims.size();
      events += doc.events.size();
      quantities += doc.quantities.size();
    }
  }
  double mb = static_cast<double>(bytes) * repeat / 1e6, total = 0, mine = 0;
  std::cout << "documents " << texts.size() * repeat << ", " << mb << " MB\n";
  for (size_t s = 0; s < stages.size(); ++s) {
    std::string_view n = stages[s]->name();
    total += seconds[s];
    if (n == "quantities" || n == "attributions" || n == "events") mine += seconds[s];
    std::printf("%-14s %8.3f s %9.1f MB/s\n", std::string(n).c_str(), seconds[s], mb / seconds[s]);
  }
  std::printf("%-14s %8.3f s %9.1f MB/s\n", "claims stages", mine, mb / mine);
  std::printf("%-14s %8.3f s %9.1f MB/s\n", "all stages", total, mb / total);
  std::printf("quantities %zu, events %zu, claims %zu\n", quantities, events, claims);
  return 0;
}
