// Fuzzes the claims stages (quantities, attributions, events and claims) on
// arbitrary bytes: they must not crash, and every span they write must lie
// inside the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "fuzz_checks.h"
#include "pipeline/stages.h"
#include "text/segmenter.h"

namespace {

using sitrep::fuzz::Check;

struct Stages {
  sitrep::Segmenter segmenter;
  std::unique_ptr<sitrep::Annotator> quantities, attributions, events;
  Stages() {
    auto q = sitrep::MakeQuantityTagger();
    auto a = sitrep::MakeAttributionTagger();
    auto e = sitrep::MakeEventTagger();
    if (!q.ok() || !a.ok() || !e.ok()) std::abort();  // lexicons missing: a broken build
    quantities = std::move(*q);
    attributions = std::move(*a);
    events = std::move(*e);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Stages* stages = new Stages();
  sitrep::Document doc;
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  doc.published.date = "2025-04-29";
  stages->segmenter.Segment(&doc);
  sitrep::AnnotateOptions options;
  Check(stages->quantities->Annotate(&doc, options).ok());
  Check(stages->attributions->Annotate(&doc, options).ok());
  Check(stages->events->Annotate(&doc, options).ok());
  sitrep::fuzz::CheckClaimSpans(doc);
  return 0;
}
