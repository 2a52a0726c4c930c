// Article metadata from a page: title, byline, publication date, outlet and
// URL, from <meta> tags (Open Graph, article:*, common names), JSON-LD
// (NewsArticle and kin), <time datetime>, byline elements and <title>.
#ifndef SITREP_HTML_METADATA_H_
#define SITREP_HTML_METADATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "html/extractor.h"
#include "html/page_model.h"

namespace sitrep::html {

// Fills title, byline, published, site_name, url and language of `out`.
void FillMetadata(const PageMeta& meta, const std::vector<std::string>& json_ld,
                  ExtractedArticle* out);

// "https://www.example.com/a/b" -> "example.com"; "" when not a URL.
std::string UrlHost(std::string_view url);

// An ISO 8601 date or date-time from common metadata forms, or "" when the
// value does not look like a date ("2019-04-28 06:01:07" -> "2019-04-28T06:01:07").
std::string NormalizeDate(std::string_view value);

}  // namespace sitrep::html

#endif  // SITREP_HTML_METADATA_H_
