// The cleaning pipeline, in order:
//   1. Unicode NFC                         (normalize.h)
//   2. characters and whitespace           (normalize.h)
//   3. credit line: outlet read, line cut  (credit_line.h)
//   4. dateline read                       (dates.h)
//   5. boilerplate lines cut               (boilerplate.h), whitespace again
//   6. number artifacts repaired           (number_repair.h)
//   7. inline source chips cut, kept       (source_chips.h)
// Credit line and dateline are read before boilerplate is removed, as some
// sites put them among the furniture. Every cut is a Removal.
#ifndef SITREP_INGEST_CLEANER_H_
#define SITREP_INGEST_CLEANER_H_

#include <memory>
#include <string>
#include <vector>

#include "ingest/boilerplate.h"
#include "ingest/clean_text.h"
#include "ingest/credit_line.h"
#include "ingest/dates.h"
#include "ingest/source_chips.h"
#include "sitrep/status.h"

namespace sitrep::ingest {

struct CleanOutput {
  CleanText text;
  std::vector<Removal> removed;
  std::vector<CitedSource> cited;
  std::string credit_outlet;  // from a credit line; empty = none
  std::string dateline;       // "YYYY-MM-DD" from a dateline; empty = none
};

class Cleaner {
 public:
  // Loads the lexicons from the data directory (DataPath).
  static StatusOr<std::unique_ptr<Cleaner>> Load();
  // A process-wide cleaner, loaded on first use; thread-safe. Returns null
  // and sets *status when the lexicons cannot be loaded.
  static const Cleaner* Default(Status* status);

  CleanOutput Clean(const CleanText& input) const;

 private:
  std::unique_ptr<BoilerplateRemover> boilerplate_;
  std::unique_ptr<CreditLineFinder> credit_;
  std::unique_ptr<DatelineFinder> dateline_;
  std::unique_ptr<SourceChipRemover> chips_;
};

// Abbreviations ("U.S.", "Gen.") from data/lexicons/abbreviations.txt.
std::unordered_set<std::string> LoadAbbreviations();

}  // namespace sitrep::ingest

#endif  // SITREP_INGEST_CLEANER_H_
