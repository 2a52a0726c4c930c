// Format readers: each turns the bytes of one input into Documents (through
// BuildDocument) and ReadProblems. ReadInputs (sitrep/ingest.h) walks paths
// and dispatches here by extension, or by content for stdin and unknown
// extensions.
#ifndef SITREP_INGEST_READERS_H_
#define SITREP_INGEST_READERS_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

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

// Reading in two halves, so that the costly one can run on several threads
// while the order of documents and messages stays the input's:
//   SplitInputs / SplitBytes (cheap, in input order): listing directories,
//     file I/O, encoding checks, format sniffing, cutting JSON Lines into
//     records; each input or record becomes one ReadTask.
//   RunReadTask (costly, any thread): JSON parsing, HTML extraction,
//     cleaning and document building for one task.
// ReadInputs and ReadBytes are the two run back to back.
struct ReadTask {
  enum class Kind {
    kProblem,   // `bytes` is the message of a ReadProblem at `origin`
    kInput,     // a whole input of `format` (never kUnknown)
    kJsonLine,  // one JSON Lines record (blank lines make no task)
  };
  Kind kind = Kind::kInput;
  std::string origin;  // "path", "path:line"
  std::string bytes;   // UTF-8
  Format format = Format::kUnknown;
  // What was done to make the whole file UTF-8 ("converted from UTF-16LE"),
  // a "read" problem on each of its documents; empty when nothing was.
  std::string note;
};
// Receives tasks in input order; returns false to stop reading.
using TaskCallback = std::function<bool(ReadTask&& task)>;

// Splits the bytes of one input into tasks. Returns false when on_task
// asked to stop.
bool SplitBytes(std::string bytes, Format format, const std::string& origin,
                const TaskCallback& on_task);
// A JSON Lines record longer than this is refused: its text field may hold
// kMaxDocumentBytes, with room for the metadata around it.
constexpr size_t kMaxJsonLineBytes = kMaxDocumentBytes + 65536;
// Makes the task of line number `line` of a JSON Lines input: none for a
// blank line, a problem for one too long. Returns on_task's answer.
bool SplitJsonLine(std::string_view text, const std::string& origin, int line,
                   const std::string& note, const TaskCallback& on_task);
// Splits every path ("-" = stdin) into tasks, as ReadInputs reads them.
// JSON Lines files are read in chunks, so memory does not grow with the
// file's size (unless the file needs an encoding repair, which is decided
// over the whole file). Returns InvalidArgument for no paths, else OK (also
// when on_task asked to stop).
Status SplitInputs(const std::vector<std::string>& paths, const TaskCallback& on_task);
// Reads one task: its documents and problems, in order.
void RunReadTask(ReadTask task, const ReadContext& ctx);

// Why bytes are not text (NUL bytes, mostly control or invalid UTF-8), or
// empty when they are.
std::string NotTextReason(std::string_view bytes);

}  // namespace sitrep::ingest

#endif  // SITREP_INGEST_READERS_H_
