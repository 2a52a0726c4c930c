// Fuzzes reading and cleaning: arbitrary bytes as text, Markdown, HTML, JSON
// Lines or JSON (chosen by the first byte) must never crash, and every
// document must keep its invariants: clean text is valid UTF-8, offsets and
// removals stay inside the raw bytes, cited paragraphs inside the text.
#include <unicode/utf8.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_checks.h"
#include "ingest/readers.h"
#include "sitrep/ingest.h"

namespace {

using sitrep::fuzz::Check;
using sitrep::fuzz::ValidUtf8;

void CheckDocument(const sitrep::Document& d) {
  Check(!d.text.empty());
  Check(ValidUtf8(d.text));
  Check(d.id.size() == 18);
  for (size_t i = 0; i < d.offsets.clean.size(); ++i) {
    Check(d.offsets.clean[i] <= d.text.size());
    Check(d.offsets.raw[i] <= d.raw.size());
    if (i > 0) Check(d.offsets.clean[i] > d.offsets.clean[i - 1]);
  }
  for (const auto& r : d.removed) Check(r.raw_start <= r.raw_end && r.raw_end <= d.raw.size());
  for (const auto& c : d.cited_sources) {
    Check(c.paragraph_start <= c.paragraph_end && c.paragraph_end <= d.text.size());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  using sitrep::ingest::Format;
  static constexpr Format kFormats[] = {Format::kText,      Format::kMarkdown, Format::kHtml,
                                        Format::kJsonLines, Format::kJson,     Format::kUnknown};
  Format format = kFormats[data[0] % 6];
  std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  sitrep::IngestOptions options;
  sitrep::DocumentCallback on_doc = [](sitrep::Document&& d) { CheckDocument(d); };
  sitrep::ProblemCallback on_problem = [](const sitrep::ReadProblem& p) {
    Check(!p.message.empty());
  };
  sitrep::ingest::ReadContext ctx{options, on_doc, on_problem};
  sitrep::ingest::ReadBytes(std::move(bytes), format, "fuzz", ctx);
  return 0;
}
