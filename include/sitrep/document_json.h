// The `sitrep annotate` JSON contract (docs/annotate-json.md): one object
// per document. DocumentFromJson reads back what DocumentToJson wrote, so the
// same text is the store's serialization of annotations.
#ifndef SITREP_DOCUMENT_JSON_H_
#define SITREP_DOCUMENT_JSON_H_

#include <string>
#include <string_view>

#include "sitrep/document.h"
#include "sitrep/status.h"

namespace sitrep {

struct JsonWriteOptions {
  bool include_text = true;       // the clean text
  bool include_tokens = false;    // tokens with POS tags (not in the contract)
  bool include_internal = false;  // raw, offsets, removals, sightings
};

// One line of JSON, no trailing newline.
std::string DocumentToJson(const Document& doc, const JsonWriteOptions& options = {});

// Parses what DocumentToJson wrote (with include_internal for a full round trip).
StatusOr<Document> DocumentFromJson(std::string_view json);

}  // namespace sitrep

#endif  // SITREP_DOCUMENT_JSON_H_
