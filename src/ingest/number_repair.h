// Repairs thousands separators broken by bad conversions: "10, 000" ->
// "10,000", "3, 000 troops" -> "3,000 troops". Lists stay as written:
// "1, 2, 3" (the group after the comma is not three digits), "50,000, 150 or
// one million" (the number before the comma already has its separators, and
// the group is followed by "or"), "May 5, 150 soldiers" (a date).
//
// A group of "000" is merged unless a list runs into it; any other group of
// three digits only when nothing around it looks like a list or a date.
#ifndef SITREP_INGEST_NUMBER_REPAIR_H_
#define SITREP_INGEST_NUMBER_REPAIR_H_

#include <vector>

#include "ingest/clean_text.h"

namespace sitrep::ingest {

CleanText RepairNumbers(const CleanText& in, std::vector<Removal>* removed);

}  // namespace sitrep::ingest

#endif  // SITREP_INGEST_NUMBER_REPAIR_H_
