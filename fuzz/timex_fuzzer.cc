// libFuzzer target for the time tagger and its normalizer: arbitrary bytes as
// document text, with and without a document date, must never crash, and
// every span must lie inside the text.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "timex/eval.h"
#include "timex/tagger.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static auto tagger = sitrep::timex::TimexTagger::Create();
  if (!tagger.ok()) std::abort();
  std::string text(reinterpret_cast<const char*>(data), size);
  for (const char* dct : {"2025-04-29", "", "2024-02-29", "0001-01-01"}) {
    sitrep::Document doc;
    doc.text = text;
    (*tagger)->Tag(&doc, dct);
    for (const auto& t : doc.timexes) {
      if (t.start >= t.end || t.end > doc.text.size()) std::abort();
    }
  }
  // The gold readers see the same bytes as markup.
  (void)sitrep::timex::ParseInlineGold(text, "fuzz");
  return 0;
}
