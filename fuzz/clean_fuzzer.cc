// libFuzzer target for the cleaning pipeline alone (NFC, characters, credit
// line, dateline, boilerplate, number repair, source chips), without the
// readers, extraction and language detection around it in the ingest target.
// The cleaner gets valid UTF-8 from the readers, so invalid bytes are
// repaired first, as ReadBytes does. A first byte with the low bit set strips
// Markdown first, as for .md files.
#include <unicode/utf8.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_checks.h"
#include "ingest/cleaner.h"
#include "ingest/markdown.h"
#include "ingest/normalize.h"

namespace {

using sitrep::fuzz::Check;
using sitrep::fuzz::ValidUtf8;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  sitrep::Status status;
  static const sitrep::ingest::Cleaner* cleaner = sitrep::ingest::Cleaner::Default(&status);
  Check(cleaner != nullptr);  // lexicons missing: a broken build
  std::string raw(reinterpret_cast<const char*>(data) + 1, size - 1);
  size_t first_bad = 0;
  sitrep::ingest::RepairUtf8(&raw, &first_bad);
  sitrep::ingest::CleanText body = sitrep::ingest::CleanText::Identity(raw);
  if (data[0] & 1) body = sitrep::ingest::StripMarkdown(body);
  sitrep::ingest::CleanOutput out = cleaner->Clean(body);
  const std::string& text = out.text.text();
  Check(ValidUtf8(text));
  for (size_t i = 0; i <= text.size(); ++i) Check(out.text.RawAt(i) <= raw.size());
  sitrep::OffsetMap map = out.text.ToOffsetMap();
  for (size_t i = 0; i < map.clean.size(); ++i) {
    Check(map.clean[i] <= text.size() && map.raw[i] <= raw.size());
    if (i > 0) Check(map.clean[i] > map.clean[i - 1]);
  }
  for (const auto& r : out.removed) Check(r.raw_start <= r.raw_end && r.raw_end <= raw.size());
  for (const auto& c : out.cited) {
    Check(c.paragraph_start <= c.paragraph_end && c.paragraph_end <= text.size());
  }
  Check(out.dateline.empty() || out.dateline.size() == 10);
  return 0;
}
