// Placeholder: replaced by the article extractor.
#include "html/extractor.h"

namespace sitrep {
ExtractedArticle ExtractArticle(std::string_view html, const ExtractOptions& options) {
  ExtractedArticle a;
  a.empty_reason = "article extraction not built yet";
  return a;
}
}  // namespace sitrep
