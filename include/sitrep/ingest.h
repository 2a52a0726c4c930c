// Reading inputs into Documents: files, directories (recursively), JSON
// Lines, JSON arrays, HTML pages and stdin; cleaning; metadata; language.
// Storage, exact and near-duplicate linking happen in the store.
#ifndef SITREP_INGEST_H_
#define SITREP_INGEST_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/status.h"

namespace sitrep {

struct IngestOptions {
  // JSON field mapping, NAME=KEY from --field: NAME is one of text, title,
  // url, source, date; KEY is the record's key. Common keys are recognized
  // without it (docs/ingest.md).
  std::map<std::string, std::string> field_map;
  // Overrides any publication date found ("YYYY-MM-DD"); empty = none.
  std::string dct;
};

// Something in the input that could not be read as a document. `origin` is
// "path" or "path:line"; the batch goes on.
struct ReadProblem {
  std::string origin;
  std::string message;
};

using DocumentCallback = std::function<void(Document&& doc)>;
using ProblemCallback = std::function<void(const ReadProblem& problem)>;

// Reads every path ("-" = stdin) and calls on_doc for each document, ready
// for annotation: id, metadata, clean text, offsets, removals, cited
// sources, language, publication date. Unreadable files, broken records and
// records that clean to nothing go to on_problem. Returns non-OK only when
// nothing could be attempted (e.g. a path that does not exist is a
// ReadProblem, not a failure).
Status ReadInputs(const std::vector<std::string>& paths, const IngestOptions& options,
                  const DocumentCallback& on_doc, const ProblemCallback& on_problem);

// Builds one Document from an article body and whatever metadata is known
// (the path used by every reader after format-specific parsing).
// Fails with InvalidArgument when the text cleans to nothing.
StatusOr<Document> MakeDocument(std::string raw_text, Document metadata);

// Stable id: "d-" + 16 hex digits of a 64-bit hash of the raw text after
// Unicode NFC and whitespace normalization only.
std::string DocumentId(std::string_view raw_text);

// MinHash signature of the clean text's word shingles, for near-duplicate
// detection (docs/ingest.md gives the shingle size, hash count and threshold).
std::vector<uint64_t> NearDuplicateSignature(std::string_view clean_text);
// Estimated Jaccard similarity of two signatures, in [0, 1].
double SignatureSimilarity(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

}  // namespace sitrep

#endif  // SITREP_INGEST_H_
