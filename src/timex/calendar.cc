#include "timex/calendar.h"

#include <cstdio>

namespace sitrep::timex {

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

bool IsValidDate(int y, int m, int d) {
  return m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Ymd CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  return {y, m, d};
}

int Weekday(int y, int m, int d) {
  const int64_t days = DaysFromCivil(y, m, d);  // 1970-01-01 was a Thursday (4)
  int64_t w = (days + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

Ymd AddDays(const Ymd& x, int64_t n) { return CivilFromDays(DaysFromCivil(x) + n); }

Ymd AddMonths(const Ymd& x, int n) {
  int total = x.y * 12 + (x.m - 1) + n;
  int y = total >= 0 ? total / 12 : (total - 11) / 12;
  int m = total - y * 12 + 1;
  int dim = DaysInMonth(y, m);
  return {y, m, x.d > dim ? dim : x.d};
}

void IsoWeek(const Ymd& x, int* week_year, int* week) {
  // The ISO week containing a date is the week of its Thursday.
  const int wd = Weekday(x.y, x.m, x.d);
  const Ymd thursday = AddDays(x, 4 - wd);
  const int64_t jan1 = DaysFromCivil(thursday.y, 1, 1);
  *week_year = thursday.y;
  *week = static_cast<int>((DaysFromCivil(thursday) - jan1) / 7 + 1);
}

Ymd WesternEaster(int y) {  // anonymous Gregorian algorithm
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = ((h + l - 7 * m + 114) % 31) + 1;
  return {y, month, day};
}

Ymd OrthodoxEaster(int y) {  // Meeus' Julian algorithm, shifted to Gregorian
  int a = y % 4, b = y % 7, c = y % 19, d = (19 * c + 15) % 30, e = (2 * a + 4 * b - d + 34) % 7;
  int month = (d + e + 114) / 31, day = ((d + e + 114) % 31) + 1;
  int shift = y / 100 - y / 400 - 2;  // Julian-Gregorian difference
  return AddDays({y, month, day}, shift);
}

bool ParseIsoPrefix(const std::string& v, Ymd* out) {
  *out = {};
  auto digits = [&](size_t pos, size_t n, int* val) {
    if (pos + n > v.size()) return false;
    int r = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (v[i] < '0' || v[i] > '9') return false;
      r = r * 10 + (v[i] - '0');
    }
    *val = r;
    return true;
  };
  if (!digits(0, 4, &out->y)) return false;
  if (v.size() >= 7 && v[4] == '-' && digits(5, 2, &out->m)) {
    if (out->m < 1 || out->m > 12) out->m = 0;
    if (out->m && v.size() >= 10 && v[7] == '-' && digits(8, 2, &out->d) &&
        !IsValidDate(out->y, out->m, out->d)) {
      out->d = 0;
    }
  }
  return true;
}

std::string FormatYmd(const Ymd& x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s-%02d-%02d", FormatYear(x.y).c_str(), x.m, x.d);
  return buf;
}

std::string FormatYm(int y, int m) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s-%02d", FormatYear(y).c_str(), m);
  return buf;
}

std::string FormatYear(int y) {
  char buf[16];
  if (y <= 0) {
    std::snprintf(buf, sizeof buf, "BC%04d", 1 - y);
  } else {
    std::snprintf(buf, sizeof buf, "%04d", y);
  }
  return buf;
}

std::string FormatWeek(int week_year, int week) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", week_year, week);
  return buf;
}

}  // namespace sitrep::timex
