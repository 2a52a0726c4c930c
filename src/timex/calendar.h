// Proleptic Gregorian calendar arithmetic for time-expression normalization:
// day numbers, weekdays, ISO weeks, month arithmetic, Easter. All functions
// are pure and never fail; callers validate with IsValidDate first.
#ifndef SITREP_TIMEX_CALENDAR_H_
#define SITREP_TIMEX_CALENDAR_H_

#include <cstdint>
#include <string>

namespace sitrep::timex {

struct Ymd {
  int y = 0, m = 0, d = 0;
  bool operator==(const Ymd&) const = default;
};

bool IsLeapYear(int y);
int DaysInMonth(int y, int m);
bool IsValidDate(int y, int m, int d);

// Days since 1970-01-01 (negative before).
int64_t DaysFromCivil(int y, int m, int d);
Ymd CivilFromDays(int64_t days);
inline int64_t DaysFromCivil(const Ymd& x) { return DaysFromCivil(x.y, x.m, x.d); }

// ISO weekday: 1 = Monday ... 7 = Sunday.
int Weekday(int y, int m, int d);
Ymd AddDays(const Ymd& x, int64_t n);
// Adds months, clamping the day to the target month's length.
Ymd AddMonths(const Ymd& x, int n);
// ISO 8601 week-numbering year and week of a date.
void IsoWeek(const Ymd& x, int* week_year, int* week);
// Western (Gregorian) and Orthodox (Julian computus, Gregorian date) Easter.
Ymd WesternEaster(int y);
Ymd OrthodoxEaster(int y);

// "2025-04-29" / "2025-04" / "2025": parses the leading ISO date of a TIMEX3
// value. Missing parts are 0. Returns false unless at least a year is read.
bool ParseIsoPrefix(const std::string& value, Ymd* out);

std::string FormatYmd(const Ymd& x);              // 2025-04-29
std::string FormatYm(int y, int m);               // 2025-04
std::string FormatYear(int y);                    // 2025, 0044 ; BC0044 for y <= 0
std::string FormatWeek(int week_year, int week);  // 2025-W18

}  // namespace sitrep::timex

#endif  // SITREP_TIMEX_CALENDAR_H_
