// Charset handling for web pages: find the encoding (BOM, <meta charset>,
// http-equiv, else ICU's detector) and convert to valid UTF-8, keeping a map
// from converted bytes back to the raw bytes.
#ifndef SITREP_HTML_CHARSET_H_
#define SITREP_HTML_CHARSET_H_

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/document.h"

namespace sitrep::html {

struct DecodedPage {
  std::string utf8;     // valid UTF-8
  OffsetMap to_raw;     // utf8 offset -> raw offset; empty when identical
  std::string charset;  // the encoding used ("UTF-8", "windows-1252" ...)
  std::string source;   // how it was chosen: bom | meta | utf8-valid | detected | default
  std::vector<std::string> warnings;
};

// The charset named by a BOM or a <meta> in the first bytes, or "".
std::string DeclaredCharset(std::string_view raw, std::string* how);

// Never fails: bytes that do not convert become U+FFFD (and a warning).
DecodedPage DecodePage(std::string_view raw);

// True when `s` is entirely valid UTF-8.
bool IsValidUtf8(std::string_view s);

}  // namespace sitrep::html

#endif  // SITREP_HTML_CHARSET_H_
