// The outlet named in the text itself: credit lines such as
// "News by : (Russia Today)", "Authored By : Global Geopolitics",
// "(CNN) --", "KYIV (Reuters) -" or "By NAME, OUTLET". Read from the
// normalized text before boilerplate is removed, near its start or end.
// Patterns: data/lexicons/credit-lines.tsv (docs/lexicon-credit-lines.md).
#ifndef SITREP_INGEST_CREDIT_LINE_H_
#define SITREP_INGEST_CREDIT_LINE_H_

#include <re2/re2.h>

#include <memory>
#include <string>
#include <vector>

#include "ingest/clean_text.h"
#include "sitrep/status.h"

namespace sitrep::ingest {

struct CreditLine {
  std::string outlet;                   // empty = none found
  size_t line_begin = 0, line_end = 0;  // the line in the text searched
  bool remove = false;                  // the whole line is furniture and is cut
};

class CreditLineFinder {
 public:
  // Only this many non-empty lines at each end of the text are searched.
  static constexpr int kEdgeLines = 12;

  static StatusOr<std::unique_ptr<CreditLineFinder>> Load(const std::string& path);

  CreditLine Find(std::string_view text) const;

 private:
  struct Pattern {
    std::unique_ptr<RE2> re;
    bool remove;
  };
  std::vector<Pattern> patterns_;
};

// Cuts the credit line when it is furniture, recording it.
CleanText RemoveCreditLine(const CleanText& in, const CreditLine& credit,
                           std::vector<Removal>* removed);

}  // namespace sitrep::ingest

#endif  // SITREP_INGEST_CREDIT_LINE_H_
