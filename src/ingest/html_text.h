// The visible text of an HTML page by gumbo, as a fallback when the article
// extractor (src/html) finds no article: every text node outside script,
// style, template and head, with block elements as line breaks, mapped back
// to the page's bytes. Also the page metadata in <head>.
#ifndef SITREP_INGEST_HTML_TEXT_H_
#define SITREP_INGEST_HTML_TEXT_H_

#include <string>
#include <string_view>

#include "ingest/clean_text.h"

namespace sitrep::ingest {

struct HtmlPage {
  CleanText text;  // raw offsets point into the page
  std::string title, site_name, url, published;
  bool has_body = false;  // the page had a <body> with any element or text
};

HtmlPage VisibleText(std::string_view html);

// True when the bytes look like HTML rather than text that mentions a tag.
bool LooksLikeHtml(std::string_view s);

}  // namespace sitrep::ingest

#endif  // SITREP_INGEST_HTML_TEXT_H_
