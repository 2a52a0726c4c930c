// Format readers: each turns the bytes of one input into Documents (through
// BuildDocument) and ReadProblems. ReadInputs (sitrep/ingest.h) walks paths
// and dispatches here by extension, or by content for stdin and unknown
// extensions.
#ifndef SITREP_INGEST_READERS_H_
#define SITREP_INGEST_READERS_H_

#include <string>
#include <string_view>

#include "sitrep/ingest.h"

namespace sitrep::ingest {

// Larger documents (and JSON records) are refused with a reason: no article
// is this long, and the cleaning buffers grow with it.
constexpr size_t kMaxDocumentBytes = 16 << 20;

enum class Format { kText, kMarkdown, kHtml, kJsonLines, kJson, kUnknown };

// By extension: .txt .text, .md .markdown, .html .htm .xhtml, .jsonl .ndjson,
// .json; else kUnknown.
Format FormatFromPath(std::string_view path);
// By content, for stdin and unknown extensions.
Format SniffFormat(std::string_view bytes);

struct ReadContext {
  const IngestOptions& options;
  const DocumentCallback& on_doc;
  const ProblemCallback& on_problem;
};

// `origin` names the input in messages ("dir/a.txt", "-").
void ReadBytes(std::string bytes, Format format, const std::string& origin, const ReadContext& ctx);

// Why bytes are not text (NUL bytes, mostly control or invalid UTF-8), or
// empty when they are.
std::string NotTextReason(std::string_view bytes);

}  // namespace sitrep::ingest

#endif  // SITREP_INGEST_READERS_H_
