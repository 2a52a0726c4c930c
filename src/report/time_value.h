// TimeML date values as intervals of days, so that dates of different
// precision can be compared: "2024-06" (June 2024) is compatible with
// "2024-06-19", "2024" with mod END ("late 2024") covers its last third.
#ifndef SITREP_REPORT_TIME_VALUE_H_
#define SITREP_REPORT_TIME_VALUE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sitrep::report {

// Days since 1970-01-01 (proleptic Gregorian).
using Day = int32_t;

enum class Precision { kDay, kWeek, kMonth, kSeason, kQuarter, kHalf, kYear, kDecade, kCentury };

struct TimeValue {
  Day begin = 0;  // first day, inclusive
  Day end = 0;    // last day, inclusive
  Precision precision = Precision::kDay;
  std::string value;      // the TimeML value it was read from ("2024-Q4")
  std::string mod;        // START | MID | END | APPROX ... ; empty = none
  bool is_range = false;  // an explicit range ("from May 8 to 10")

  Day width() const { return end - begin + 1; }
};

Day DaysFromCivil(int year, int month, int day);
void CivilFromDays(Day days, int* year, int* month, int* day);
// "2026-09-03" for a day number.
std::string IsoDay(Day days);
// Reads "YYYY-MM-DD" (a longer datetime such as "2026-09-21T07:30:00+02:00"
// is read by its date part). Returns nullopt for anything else.
std::optional<Day> ParseIsoDay(std::string_view text);

// Reads a TimeML DATE value: YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Qn, YYYY-Hn,
// YYYY-SP|SU|FA|WI, YYYY-Wnn, YYY (decade "202"), YY (century), or a
// datetime ("2025-05-07T21:00Z", read as its day). `mod` narrows the
// interval: START/EARLY first third, MID middle third, END/LATE last third.
// Returns nullopt for values with no known year (PAST_REF, XXXX-09-03, P3D).
std::optional<TimeValue> ParseTimeValue(std::string_view value, std::string_view mod = "");

// A range "from BEGIN to END" (both TimeML values).
std::optional<TimeValue> ParseTimeRange(std::string_view begin, std::string_view end);

// The schema's precision names: day | week | month | season | quarter | year |
// decade | approximate (half-years and centuries are "approximate").
std::string_view PrecisionName(Precision p);

// Human text of a date at its precision: "2026-09-03", "September 2026",
// "autumn 2026", "Q4 2026", "late 2025", "the 2020s", "October 10–12, 2026".
std::string DisplayDate(const TimeValue& t);

// The date string of the brief JSON: the TimeML value at its precision
// ("2026-09-03", "2026-09", "2025"), or the range's begin.
std::string SchemaDate(const TimeValue& t);

// Two intervals overlap.
inline bool Overlaps(const TimeValue& a, const TimeValue& b) {
  return a.begin <= b.end && b.begin <= a.end;
}

}  // namespace sitrep::report

#endif  // SITREP_REPORT_TIME_VALUE_H_
