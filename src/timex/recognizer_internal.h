// Helpers shared by the recognizer_*.cc files; not part of the module's API.
#ifndef SITREP_TIMEX_RECOGNIZER_INTERNAL_H_
#define SITREP_TIMEX_RECOGNIZER_INTERNAL_H_

#include <string>

#include "timex/calendar.h"

namespace sitrep::timex {

// A calendar unit letter from timex-units.tsv: Y M W D H TM S DE CE WE QU ML.
// Returns the TIMEX3 duration "P3D", "PT3H", "P3DE"; n < 0 means "X" (some).
std::string DurationValue(int n, const std::string& unit);

// The period of `unit` containing d, formatted at that granularity:
// D 2025-04-29, W 2025-W18, M 2025-04, QU 2025-Q2, Y 2025, DE 202, CE 20,
// WE 2025-W18-WE.
std::string PeriodValue(const Ymd& d, const std::string& unit);
// d shifted by n units (weeks = 7 days, decades = 10 years ...).
Ymd ShiftBy(const Ymd& d, const std::string& unit, int n);
// Precision (1 year, 2 month, 3 day) of a period of `unit`.
int UnitPrecision(const std::string& unit);

}  // namespace sitrep::timex

#endif  // SITREP_TIMEX_RECOGNIZER_INTERNAL_H_
