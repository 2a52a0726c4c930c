// Small helpers for printing document text on one terminal line.
#ifndef SITREP_CLI_TEXT_UTIL_H_
#define SITREP_CLI_TEXT_UTIL_H_

#include <string>
#include <string_view>

namespace sitrep::cli {

// Newlines and tabs become spaces, runs of spaces collapse.
std::string OneLine(std::string_view text);
// At most max_bytes bytes, cut at a UTF-8 boundary, with "…" when cut.
std::string Truncate(std::string_view text, size_t max_bytes);
// The first words of text, up to about max_bytes, on one line.
std::string FirstWords(std::string_view text, size_t max_bytes);

}  // namespace sitrep::cli

#endif  // SITREP_CLI_TEXT_UTIL_H_
