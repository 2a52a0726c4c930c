// Turning a source sentence into a line of the brief: one readable sentence,
// without the wire dateline, trimmed at a clause boundary when too long.
#ifndef SITREP_REPORT_SUMMARY_H_
#define SITREP_REPORT_SUMMARY_H_

#include <string>
#include <string_view>

namespace sitrep::report {

// Strips a leading dateline ("DELLIN, Sept 4 (Meridian Wire) - ",
// "KELM — ", "(CNN) -- "), collapses whitespace, cuts a sentence longer than
// max_bytes at the last clause boundary (", " "; " " — ") that keeps the
// byte `keep_until` (e.g. the end of the event trigger, relative to the
// sentence start), capitalizes the first letter and ends it with a full
// stop or an ellipsis. Never splits a UTF-8 sequence.
std::string SummarizeSentence(std::string_view sentence, size_t keep_until = 0,
                              size_t max_bytes = 220);

// The sentence with whitespace collapsed and the dateline removed, for quotes.
std::string CleanQuote(std::string_view sentence);

// Shortens text to at most max_bytes at a word boundary, adding "…".
std::string Ellipsize(std::string_view text, size_t max_bytes);

}  // namespace sitrep::report

#endif  // SITREP_REPORT_SUMMARY_H_
