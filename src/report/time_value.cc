#include "report/time_value.h"

#include <fmt/format.h>

#include <array>
#include <cctype>

namespace sitrep::report {
namespace {

constexpr std::array<const char*, 12> kMonths = {"January",   "February", "March",    "April",
                                                 "May",       "June",     "July",     "August",
                                                 "September", "October",  "November", "December"};

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Parses exactly `n` ASCII digits at s[pos]; -1 when they are not all digits.
int Digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

TimeValue Make(Day begin, Day end, Precision p, std::string_view value) {
  TimeValue t;
  t.begin = begin;
  t.end = end;
  t.precision = p;
  t.value = std::string(value);
  return t;
}

// Narrows [begin, end] to the third named by a TimeML mod.
void ApplyMod(TimeValue* t, std::string_view mod) {
  t->mod = std::string(mod);
  if (t->precision == Precision::kDay || t->width() < 3) return;
  Day third = t->width() / 3;
  if (mod == "START" || mod == "EARLY") {
    t->end = t->begin + third - 1;
  } else if (mod == "MID") {
    t->begin += third;
    t->end -= third;
  } else if (mod == "END" || mod == "LATE") {
    t->begin = t->end - third + 1;
  }
}

}  // namespace

Day DaysFromCivil(int y, int m, int d) {
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

void CivilFromDays(Day z, int* year, int* month, int* day) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *year = y + (*month <= 2);
}

std::string IsoDay(Day days) {
  int y, m, d;
  CivilFromDays(days, &y, &m, &d);
  return fmt::format("{:04d}-{:02d}-{:02d}", y, m, d);
}

std::optional<Day> ParseIsoDay(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int y = Digits(s, 0, 4), m = Digits(s, 5, 2), d = Digits(s, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return std::nullopt;
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return std::nullopt;
  return DaysFromCivil(y, m, d);
}

std::optional<TimeValue> ParseTimeValue(std::string_view v, std::string_view mod) {
  if (v.size() > 10 && v[10] == 'T') v = v.substr(0, 10);  // a datetime: its day
  std::optional<TimeValue> out;
  if (v.size() == 10) {
    if (auto d = ParseIsoDay(v)) out = Make(*d, *d, Precision::kDay, v);
  } else if (v.size() == 4) {
    int y = Digits(v, 0, 4);
    if (y >= 0) {
      out = Make(DaysFromCivil(y, 1, 1), DaysFromCivil(y, 12, 31), Precision::kYear, v);
    }
  } else if (v.size() == 3) {  // decade "202" = 2020s
    int d = Digits(v, 0, 3);
    if (d >= 0) {
      out = Make(DaysFromCivil(d * 10, 1, 1), DaysFromCivil(d * 10 + 9, 12, 31), Precision::kDecade,
                 v);
    }
  } else if (v.size() == 2) {  // century "19" = 1900s
    int c = Digits(v, 0, 2);
    if (c >= 0) {
      out = Make(DaysFromCivil(c * 100, 1, 1), DaysFromCivil(c * 100 + 99, 12, 31),
                 Precision::kCentury, v);
    }
  } else if (v.size() >= 7 && v[4] == '-') {
    int y = Digits(v, 0, 4);
    if (y < 0) return std::nullopt;
    std::string_view rest = v.substr(5);
    if (rest.size() == 2 && std::isdigit(static_cast<unsigned char>(rest[0]))) {
      int m = Digits(rest, 0, 2);
      if (m >= 1 && m <= 12) {
        out = Make(DaysFromCivil(y, m, 1), DaysFromCivil(y, m, DaysInMonth(y, m)),
                   Precision::kMonth, v);
      }
    } else if (rest.size() == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4') {
      int q = rest[1] - '0';
      int m0 = (q - 1) * 3 + 1;
      out = Make(DaysFromCivil(y, m0, 1), DaysFromCivil(y, m0 + 2, DaysInMonth(y, m0 + 2)),
                 Precision::kQuarter, v);
    } else if (rest.size() == 2 && rest[0] == 'H' && (rest[1] == '1' || rest[1] == '2')) {
      int m0 = rest[1] == '1' ? 1 : 7;
      out = Make(DaysFromCivil(y, m0, 1), DaysFromCivil(y, m0 + 5, DaysInMonth(y, m0 + 5)),
                 Precision::kHalf, v);
    } else if (rest == "SP" || rest == "SU" || rest == "FA" || rest == "WI") {
      // Meteorological seasons of the northern hemisphere; winter runs into
      // the next year, as TimeML's 2024-WI does.
      int m0 = rest == "SP" ? 3 : rest == "SU" ? 6 : rest == "FA" ? 9 : 12;
      int y2 = m0 == 12 ? y + 1 : y;
      int m2 = m0 == 12 ? 2 : m0 + 2;
      out = Make(DaysFromCivil(y, m0, 1), DaysFromCivil(y2, m2, DaysInMonth(y2, m2)),
                 Precision::kSeason, v);
    } else if (rest.size() == 3 && rest[0] == 'W') {
      int w = Digits(rest, 1, 2);
      if (w >= 1 && w <= 53) {
        // ISO week: week 1 holds the year's first Thursday.
        Day jan4 = DaysFromCivil(y, 1, 4);
        int weekday = ((jan4 + 3) % 7 + 7) % 7;  // 0 = Monday (1970-01-01 was a Thursday)
        Day monday = jan4 - weekday + (w - 1) * 7;
        out = Make(monday, monday + 6, Precision::kWeek, v);
      }
    }
  }
  if (out && !mod.empty()) ApplyMod(&*out, mod);
  return out;
}

std::optional<TimeValue> ParseTimeRange(std::string_view begin, std::string_view end) {
  auto b = ParseTimeValue(begin);
  auto e = ParseTimeValue(end);
  if (!b || !e || e->end < b->begin) return b ? b : e;
  TimeValue t = *b;
  t.end = e->end;
  t.precision = b->precision < e->precision ? e->precision : b->precision;
  t.is_range = true;
  return t;
}

std::string_view PrecisionName(Precision p) {
  switch (p) {
    case Precision::kDay:
      return "day";
    case Precision::kWeek:
      return "week";
    case Precision::kMonth:
      return "month";
    case Precision::kSeason:
      return "season";
    case Precision::kQuarter:
      return "quarter";
    case Precision::kYear:
      return "year";
    case Precision::kDecade:
      return "decade";
    case Precision::kHalf:
    case Precision::kCentury:
      return "approximate";
  }
  return "approximate";
}

std::string SchemaDate(const TimeValue& t) {
  if (t.is_range) return IsoDay(t.begin);
  if (!t.value.empty()) return t.value;
  return IsoDay(t.begin);
}

std::string DisplayDate(const TimeValue& t) {
  int y, m, d;
  CivilFromDays(t.begin, &y, &m, &d);
  if (t.is_range) {
    int y2, m2, d2;
    CivilFromDays(t.end, &y2, &m2, &d2);
    if (t.precision == Precision::kDay) {
      if (y == y2 && m == m2) return fmt::format("{} {}–{}, {}", kMonths[m - 1], d, d2, y);
      if (y == y2) {
        return fmt::format("{} {} – {} {}, {}", kMonths[m - 1], d, kMonths[m2 - 1], d2, y);
      }
    }
    return IsoDay(t.begin) + " – " + IsoDay(t.end);
  }
  std::string prefix;
  if (t.mod == "START" || t.mod == "EARLY") prefix = "early ";
  if (t.mod == "MID") prefix = "mid-";
  if (t.mod == "END" || t.mod == "LATE") prefix = "late ";
  if (t.mod == "APPROX") prefix = "around ";
  if (t.mod == "BEFORE") prefix = "before ";
  if (t.mod == "AFTER") prefix = "after ";
  // The value's own year, not the narrowed interval's (late 2025 stays 2025).
  int vy = t.value.size() >= 4 ? Digits(t.value, 0, 4) : -1;
  if (vy < 0) vy = y;
  switch (t.precision) {
    case Precision::kDay:
      return prefix + IsoDay(t.begin);
    case Precision::kWeek:
      return prefix + "week of " + IsoDay(t.begin);
    case Precision::kMonth:
      return prefix + fmt::format("{} {}",
                                  kMonths[t.value.size() >= 7 ? Digits(t.value, 5, 2) - 1 : m - 1],
                                  vy);
    case Precision::kSeason: {
      std::string_view s = t.value.size() >= 7 ? std::string_view(t.value).substr(5) : "";
      const char* name = s == "SP"   ? "spring"
                         : s == "SU" ? "summer"
                         : s == "FA" ? "autumn"
                                     : "winter";
      return prefix + fmt::format("{} {}", name, vy);
    }
    case Precision::kQuarter:
      return prefix + fmt::format("Q{} {}", t.value.back(), vy);
    case Precision::kHalf:
      return prefix + fmt::format("{} half of {}", t.value.back() == '1' ? "first" : "second", vy);
    case Precision::kYear:
      return prefix + std::to_string(vy);
    case Precision::kDecade:
      return prefix + "the " + t.value + "0s";
    case Precision::kCentury:
      return prefix + "the " + t.value + "00s";
  }
  return IsoDay(t.begin);
}

}  // namespace sitrep::report
