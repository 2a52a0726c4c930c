// Unicode and whitespace normalization, the first cleaning steps.
//
//   NormalizeNfc: Unicode NFC (ICU), with exact offsets kept.
//   NormalizeCharacters: typographic quotes to ASCII (' and "), hyphen-like
//     characters (U+2010, U+2011, U+2212 ...) to "-", exotic spaces to " ",
//     invisible characters (zero-width space, BOM, soft hyphen) dropped, CR
//     and line separators to "\n", other control characters dropped; then
//     runs of spaces collapsed, lines trimmed, at most one blank line kept.
//     En and em dashes stay: they carry meaning (ranges, asides).
// None of these records a Removal: they change form, not content.
#ifndef SITREP_INGEST_NORMALIZE_H_
#define SITREP_INGEST_NORMALIZE_H_

#include <string>
#include <string_view>

#include "ingest/clean_text.h"

namespace sitrep::ingest {

CleanText NormalizeNfc(const CleanText& in);
CleanText NormalizeCharacters(const CleanText& in);

// The text the document id is computed on: NFC, every run of Unicode
// whitespace (and invisible characters) as one space, trimmed.
std::string NormalizeForId(std::string_view raw);

// Replaces invalid UTF-8 sequences with U+FFFD. Returns how many were
// replaced; *first_bad gets the byte offset of the first one.
size_t RepairUtf8(std::string* s, size_t* first_bad);

}  // namespace sitrep::ingest

#endif  // SITREP_INGEST_NORMALIZE_H_
