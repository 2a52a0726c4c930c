// libFuzzer target for the article extractor: any bytes must give a result
// (text or an empty reason) without crashing, hanging or reading out of
// bounds, and the text must be valid UTF-8 with offsets inside the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "html/charset.h"
#include "html/extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view html(reinterpret_cast<const char*>(data), size);
  sitrep::ExtractOptions options;
  options.max_depth = 64;  // small limits reach the flattening paths more often
  sitrep::ExtractedArticle a = sitrep::ExtractArticle(html, options);
  if (!sitrep::html::IsValidUtf8(a.text)) std::abort();
  if (a.text.empty() == a.empty_reason.empty()) std::abort();
  for (const sitrep::Span& p : a.paragraphs) {
    if (p.start > p.end || p.end > a.text.size()) std::abort();
    if (a.offsets.ToRaw(p.start) > size) std::abort();
  }
  return 0;
}
