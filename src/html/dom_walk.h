// Parses HTML with gumbo and walks the tree (iteratively: no recursion on
// depth) into a PageModel: visible text blocks, element aggregates and the
// metadata found in tags. The only file that includes gumbo.h.
#ifndef SITREP_HTML_DOM_WALK_H_
#define SITREP_HTML_DOM_WALK_H_

#include <string_view>

#include "html/hints.h"
#include "html/page_model.h"

namespace sitrep::html {

// `html` must outlive the model (class names point into it). Scripts,
// styles, hidden elements and navigation are left out of the blocks.
PageModel BuildPageModel(std::string_view html, const HintLexicon& hints);

}  // namespace sitrep::html

#endif  // SITREP_HTML_DOM_WALK_H_
