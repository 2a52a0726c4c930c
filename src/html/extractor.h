// Article extraction from a web page: main text and metadata. The HTML parser
// (gumbo) stays behind this interface so it can be replaced.
#ifndef SITREP_HTML_EXTRACTOR_H_
#define SITREP_HTML_EXTRACTOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/status.h"

namespace sitrep {

struct ExtractOptions {
  size_t max_bytes = 64 << 20;  // larger pages are truncated (and say so)
  int max_depth = 400;          // deeper markup is flattened
  // What reaches the HTML parser after scripts, styles and comments are
  // dropped; beyond it the page is cut (and says so). Bounds parser memory.
  size_t max_parse_bytes = 16 << 20;
};

struct ExtractedArticle {
  std::string title, byline, published /* ISO 8601 */, site_name, url, language;
  std::string text;   // paragraphs separated by "\n\n"
  OffsetMap offsets;  // text -> raw HTML bytes
  std::vector<Span> paragraphs;
  std::string empty_reason;           // why text is empty ("no article found"), else empty
  std::vector<std::string> warnings;  // charset guessed, truncated ...
};

// Never fails on bad HTML: a page with no article gives empty text and a reason.
ExtractedArticle ExtractArticle(std::string_view html, const ExtractOptions& options = {});

}  // namespace sitrep

#endif  // SITREP_HTML_EXTRACTOR_H_
