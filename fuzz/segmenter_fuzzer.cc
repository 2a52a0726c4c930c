// libFuzzer target for the sentence splitter and tokenizer alone. Clean text
// is always valid UTF-8, but the segmenter is also run on arbitrary bytes,
// since a stage bug upstream must not turn into a read out of bounds here.
// Sentences must be non-empty, ordered, non-overlapping spans of the text;
// tokens non-empty spans inside their own sentence, in order.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_checks.h"
#include "ingest/normalize.h"
#include "text/segmenter.h"

namespace {

using sitrep::fuzz::Check;

void CheckDocument(const sitrep::Document& doc) {
  const uint32_t n = static_cast<uint32_t>(doc.text.size());
  uint32_t prev_end = 0;
  for (const auto& s : doc.sentences) {
    Check(s.start < s.end && s.end <= n && s.start >= prev_end);
    prev_end = s.end;
  }
  uint32_t prev_token_end = 0;
  for (const auto& t : doc.tokens) {
    Check(t.sentence < doc.sentences.size());
    const auto& s = doc.sentences[t.sentence];
    Check(t.start < t.end && t.start >= s.start && t.end <= s.end && t.start >= prev_token_end);
    prev_token_end = t.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const sitrep::Segmenter* segmenter = new sitrep::Segmenter();
  sitrep::Document doc;
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  segmenter->Segment(&doc);
  CheckDocument(doc);
  size_t first_bad = 0;
  if (sitrep::ingest::RepairUtf8(&doc.text, &first_bad) > 0) {
    segmenter->Segment(&doc);
    CheckDocument(doc);
  }
  return 0;
}
