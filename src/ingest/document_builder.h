// Turning a body of text plus metadata into a Document: the step every
// reader ends with (sitrep/ingest.h MakeDocument is its public face).
#ifndef SITREP_INGEST_DOCUMENT_BUILDER_H_
#define SITREP_INGEST_DOCUMENT_BUILDER_H_

#include <string>
#include <string_view>

#include "ingest/clean_text.h"
#include "sitrep/document.h"
#include "sitrep/status.h"

namespace sitrep::ingest {

// `doc` carries the metadata found by the reader and doc.raw; `body` is the
// text to clean, mapped to doc.raw (the identity for plain text). Fills id,
// text, offsets, removals, cited sources, outlet, title, language and date.
// Fails with InvalidArgument when the text cleans to nothing.
StatusOr<Document> BuildDocument(Document doc, const CleanText& body);

// Host of a URL without "www.", lower-cased; empty when there is none.
std::string UrlHost(std::string_view url);

// ISO 639-1 code of the text's language by CLD2; empty when unsure.
std::string DetectLanguage(std::string_view text);

}  // namespace sitrep::ingest

#endif  // SITREP_INGEST_DOCUMENT_BUILDER_H_
