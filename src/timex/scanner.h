// Splits text into the units the time grammar matches: runs of ASCII
// letters, runs of digits, and single other characters (a UTF-8 sequence is
// one unit). Spaces are not units; each unit records whether space preceded
// it, so "2025-04-28" (adjacent) and "2025 - 04" (spaced) differ. Units hold
// their lexicon entry, looked up once here. No allocation per unit beyond the
// output vector.
#ifndef SITREP_TIMEX_SCANNER_H_
#define SITREP_TIMEX_SCANNER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "timex/lexicon.h"

namespace sitrep::timex {

enum class UnitKind : uint8_t { kWord, kNumber, kPunct };

struct Unit {
  uint32_t start = 0, end = 0;
  UnitKind kind = UnitKind::kPunct;
  bool space_before = true;  // whitespace (or text start) before the unit
  bool newline_before = false;
  bool cap = false;        // word starting with an uppercase letter
  uint8_t ndigits = 0;     // for numbers
  int64_t num = 0;         // for numbers of up to 18 digits
  std::string_view lower;  // lowercased text (a word) or the raw bytes
  const LexEntry* lex = nullptr;
  bool Is(Cls c) const { return lex != nullptr && lex->Has(c); }
  bool IsWord(std::string_view w) const { return kind == UnitKind::kWord && lower == w; }
  bool IsPunct(std::string_view p) const { return kind == UnitKind::kPunct && lower == p; }
  // "-", a Unicode hyphen (U+2010, U+2011) or an en/em dash.
  bool IsDash() const {
    return kind == UnitKind::kPunct &&
           (lower == "-" || (lower.size() == 3 && lower[0] == '\xE2' && lower[1] == '\x80' &&
                             (lower[2] == '\x90' || lower[2] == '\x91' || lower[2] == '\x93' ||
                              lower[2] == '\x94')));
  }
};

// Scans text[begin, end). `lower` is the whole text lowercased (ASCII only),
// same length as text; units' `lower` views point into it.
void ScanUnits(std::string_view text, std::string_view lower, uint32_t begin, uint32_t end,
               const Lexicon& lexicon, std::vector<Unit>* out);

}  // namespace sitrep::timex

#endif  // SITREP_TIMEX_SCANNER_H_
