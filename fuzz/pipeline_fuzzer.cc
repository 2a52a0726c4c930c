// Fuzzes the whole annotate pipeline (sentences, part-of-speech tags, time
// expressions, entities, quantities, attributions, events and claims) on
// arbitrary bytes. The claims rules read the tags, dates and entities of the
// earlier stages, which the claims-only quantity_fuzzer never sets; this
// target reaches them. Nothing may crash, and every span any stage writes
// must lie inside the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_checks.h"
#include "pipeline/stages.h"

namespace {

using sitrep::fuzz::Check;

struct Pipeline {
  std::vector<std::unique_ptr<sitrep::Annotator>> stages;
  Pipeline() {
    for (auto make : {sitrep::MakeSegmenter, sitrep::MakePosTagger, sitrep::MakeTimexTagger,
                      sitrep::MakeEntityTagger, sitrep::MakeQuantityTagger,
                      sitrep::MakeAttributionTagger, sitrep::MakeEventTagger}) {
      auto a = make();
      if (!a.ok()) std::abort();  // models or lexicons missing: a broken build
      if (*a != nullptr) stages.push_back(std::move(*a));
    }
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Pipeline* pipeline = new Pipeline();
  sitrep::Document doc;
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  doc.published.date = "2024-03-20";
  sitrep::AnnotateOptions options;
  for (const auto& stage : pipeline->stages) Check(stage->Annotate(&doc, options).ok());
  const uint32_t n = static_cast<uint32_t>(doc.text.size());
  for (const auto& s : doc.sentences) Check(s.start <= s.end && s.end <= n);
  for (const auto& t : doc.tokens) Check(t.start <= t.end && t.end <= n);
  for (const auto& t : doc.timexes) Check(t.start <= t.end && t.end <= n);
  for (const auto& e : doc.entities) Check(e.start <= e.end && e.end <= n);
  sitrep::fuzz::CheckClaimSpans(doc);
  return 0;
}
