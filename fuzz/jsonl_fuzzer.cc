// libFuzzer target for the JSON Lines reader alone (the ingest target mixes
// all formats, so most of its inputs never reach a JSON record). The first
// byte picks reader options, as `--field` and `--dct` change which paths of
// the reader run; the rest is the file. Every line must end as a document or
// a problem with a message, and documents must keep their invariants.
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  sitrep::IngestOptions options;
  const uint8_t flags = data[0];
  if (flags & 1) options.field_map["text"] = "b";
  if (flags & 2) options.field_map["date"] = "d";
  if (flags & 4) options.field_map["source"] = "s";
  if (flags & 8) options.dct = "2025-04-29";
  std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  sitrep::DocumentCallback on_doc = [&](sitrep::Document&& d) {
    Check(!d.text.empty() && ValidUtf8(d.text));
    Check(d.origin.starts_with("fuzz.jsonl:"));  // problems and documents name their line
    for (size_t i = 0; i < d.offsets.clean.size(); ++i) {
      Check(d.offsets.clean[i] <= d.text.size() && d.offsets.raw[i] <= d.raw.size());
    }
    for (const auto& r : d.removed) Check(r.raw_start <= r.raw_end && r.raw_end <= d.raw.size());
    // "YYYY", "YYYY-MM" or "YYYY-MM-DD" (dates.h), digits where digits go.
    const std::string& date = d.published.date;
    Check(date.empty() || date.size() == 4 || date.size() == 7 || date.size() == 10);
    for (size_t i = 0; i < date.size(); ++i) {
      Check(i == 4 || i == 7 ? date[i] == '-' : date[i] >= '0' && date[i] <= '9');
    }
    if (flags & 8) Check(d.published.date == "2025-04-29");
  };
  sitrep::ProblemCallback on_problem = [](const sitrep::ReadProblem& p) {
    Check(!p.message.empty() && !p.origin.empty());
  };
  sitrep::ingest::ReadContext ctx{options, on_doc, on_problem};
  sitrep::ingest::ReadBytes(std::move(bytes), sitrep::ingest::Format::kJsonLines, "fuzz.jsonl",
                            ctx);
  return 0;
}
