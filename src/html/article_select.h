// Chooses the blocks of a page that make up its article: scores blocks on
// text length, punctuation and link density, propagates the scores to their
// containers (weighted by tag and class/id hints), takes the best container
// plus sibling containers that continue it, then drops boilerplate blocks
// inside it.
#ifndef SITREP_HTML_ARTICLE_SELECT_H_
#define SITREP_HTML_ARTICLE_SELECT_H_

#include <string>
#include <vector>

#include "html/page_model.h"

namespace sitrep::html {

struct Selection {
  std::vector<uint32_t> blocks;  // indexes into PageModel::blocks, in order
  std::string empty_reason;      // set when `blocks` is empty
};

Selection SelectArticle(const PageModel& page);

}  // namespace sitrep::html

#endif  // SITREP_HTML_ARTICLE_SELECT_H_
