#include "ingest/number_repair.h"

#include <array>
#include <cctype>
#include <string_view>

namespace sitrep::ingest {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Month names and abbreviations that make "May 5, 150" a date, not a number.
bool IsMonth(std::string_view w) {
  static constexpr std::array<std::string_view, 23> kMonths = {
      "january",   "february", "march",    "april",    "may",  "june", "july", "august",
      "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
      "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov"};
  std::string lower;
  for (char c : w) {
    if (c != '.') lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (lower == "dec") return true;
  for (auto m : kMonths) {
    if (lower == m) return true;
  }
  return false;
}

// The word ending just before position `end` (skipping spaces).
std::string_view WordBefore(std::string_view s, size_t end) {
  while (end > 0 && s[end - 1] == ' ') --end;
  size_t b = end;
  while (b > 0 && (std::isalpha(static_cast<unsigned char>(s[b - 1])) || s[b - 1] == '.')) --b;
  return s.substr(b, end - b);
}

// True when the text after a candidate group continues a list:
// ", 4", " or 200", " and 3".
bool ListFollows(std::string_view s, size_t pos) {
  std::string_view rest = s.substr(pos, 16);
  if (rest.size() >= 3 && rest[0] == ',' && rest[1] == ' ' && IsDigit(rest[2])) return true;
  for (std::string_view conj : {" or ", " and ", " & "}) {
    if (rest.substr(0, conj.size()) == conj && rest.size() > conj.size() &&
        IsDigit(rest[conj.size()])) {
      return true;
    }
  }
  return false;
}

}  // namespace

CleanText RepairNumbers(const CleanText& in, std::vector<Removal>* removed) {
  std::string_view s = in.text();
  CleanTextBuilder b(in);
  size_t copied = 0;
  size_t last_merge = std::string::npos;  // end of the last merged group
  for (size_t i = s.find(", "); i != std::string_view::npos; i = s.find(", ", i + 1)) {
    if (i == 0 || !IsDigit(s[i - 1])) continue;
    if (i + 5 > s.size()) break;
    if (!IsDigit(s[i + 2]) || !IsDigit(s[i + 3]) || !IsDigit(s[i + 4])) continue;
    if (i + 5 < s.size() &&
        (IsDigit(s[i + 5]) || std::isalpha(static_cast<unsigned char>(s[i + 5]))))
      continue;
    size_t left = i;
    while (left > 0 && IsDigit(s[left - 1])) --left;
    if (i - left > 3) continue;      // "2022, 300": a year, not a group
    bool chained = last_merge == i;  // "1, 000, 000" after the first merge
    if (!chained && left > 0) {
      char before = s[left - 1];
      if (before == ',' || before == '.' || std::isalnum(static_cast<unsigned char>(before)) ||
          before == '-') {
        continue;  // "50,000, 150", "3.5, 000", "F-16, 000"
      }
      // "1, 2, 000": a list runs into the group.
      if (before == ' ' && left >= 3 && s[left - 2] == ',' && IsDigit(s[left - 3])) continue;
    }
    bool zeros = s.substr(i + 2, 3) == "000";
    if (!zeros && !chained) {
      if (ListFollows(s, i + 5) || IsMonth(WordBefore(s, left))) continue;
    }
    b.Copy(copied, i + 1);  // through the comma
    RecordRemoval(in, i + 1, i + 2,
                  "number artifact: space in \"" + std::string(s.substr(left, i + 5 - left)) + "\"",
                  removed);
    copied = i + 2;
    last_merge = i + 5;
  }
  if (copied == 0) return in;
  b.Copy(copied, s.size());
  return std::move(b).Finish();
}

}  // namespace sitrep::ingest
