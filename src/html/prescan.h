// A bounded pre-pass over the page before the HTML parser sees it: drops
// scripts, styles, comments and other non-content raw-text elements (which
// are most of a modern page's bytes), keeps JSON-LD blocks, and flattens
// markup nested deeper than a limit so the parser's depth stays bounded.
//
// This is not an HTML parser: it tokenizes tags just well enough to count
// depth conservatively (an unmatched end tag never lowers the count, and
// formatting elements that the HTML5 tree builder may reconstruct are
// counted until explicitly closed).
#ifndef SITREP_HTML_PRESCAN_H_
#define SITREP_HTML_PRESCAN_H_

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/document.h"

namespace sitrep::html {

struct PrescanResult {
  std::string html;                  // what the parser gets
  OffsetMap to_input;                // html offset -> input offset
  std::vector<std::string> json_ld;  // contents of <script type="application/ld+json">
  size_t flattened_tags = 0;         // start tags blanked for depth
  int max_depth_seen = 0;            // deepest estimated nesting, before flattening
};

// REQUIRES: max_depth > 0. Runs in time linear in the input.
PrescanResult Prescan(std::string_view input, int max_depth);

}  // namespace sitrep::html

#endif  // SITREP_HTML_PRESCAN_H_
