#include "timex/scanner.h"

namespace sitrep::timex {
namespace {
inline bool IsAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
}  // namespace

void ScanUnits(std::string_view text, std::string_view lower, uint32_t begin, uint32_t end,
               const Lexicon& lexicon, std::vector<Unit>* out) {
  uint32_t i = begin;
  bool space = true, newline = false;
  while (i < end) {
    unsigned char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      if (c == '\n') newline = true;
      ++i;
      continue;
    }
    if (c == 0xC2 && i + 1 < end && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      space = true;  // no-break space
      i += 2;
      continue;
    }
    Unit u;
    u.start = i;
    u.space_before = space;
    u.newline_before = newline;
    uint32_t j = i + 1;
    if (IsAlpha(c)) {
      while (j < end && IsAlpha(text[j])) ++j;
      u.kind = UnitKind::kWord;
      u.cap = c >= 'A' && c <= 'Z';
      u.lower = lower.substr(i, j - i);
      u.lex = lexicon.Find(u.lower);
    } else if (IsDigit(c)) {
      while (j < end && IsDigit(text[j])) ++j;
      u.kind = UnitKind::kNumber;
      u.ndigits = static_cast<uint8_t>(j - i > 255 ? 255 : j - i);
      int64_t v = 0;
      for (uint32_t k = i; k < j && k < i + 18; ++k) v = v * 10 + (text[k] - '0');
      u.num = j - i > 18 ? -1 : v;
      u.lower = lower.substr(i, j - i);
    } else {
      if (c >= 0xC0) {
        while (j < end && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) ++j;
      }
      u.kind = UnitKind::kPunct;
      u.lower = lower.substr(i, j - i);
      if (u.lower == "\xE2\x80\x99") u.lower = "'";
      if (u.lower == "'") u.lex = nullptr;
    }
    u.end = j;
    out->push_back(u);
    space = false;
    newline = false;
    i = j;
  }
}

}  // namespace sitrep::timex
