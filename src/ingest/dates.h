// Publication dates: from metadata fields in the formats feeds use, and from
// a dateline in the text ("As of April 29, 2025", "Published: 3 May 2024").
// Dateline patterns: data/lexicons/datelines.tsv (docs/lexicon-datelines.md).
#ifndef SITREP_INGEST_DATES_H_
#define SITREP_INGEST_DATES_H_

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/status.h"

namespace sitrep::ingest {

// Parses a metadata date to "YYYY-MM-DD" (or "YYYY-MM", "YYYY" when that is
// all it gives). Accepts ISO 8601 ("2024-06-19", "2024-06-19T10:00:00Z"),
// GDELT's "20240619T100000Z" / "20240619100000", RFC 822 ("Wed, 19 Jun 2024
// 10:00:00 GMT"), "June 19, 2024", "19 June 2024", "2024/06/19" and Unix
// seconds. Returns empty when it cannot, or the date is impossible.
std::string ParseMetadataDate(std::string_view value);

// Month number of an English month name or abbreviation, else 0.
int MonthNumber(std::string_view name);

class DatelineFinder {
 public:
  // Only the start of the text is searched: a dateline opens an article.
  static constexpr size_t kSearchBytes = 600;

  static StatusOr<std::unique_ptr<DatelineFinder>> Load(const std::string& path);
  // "YYYY-MM-DD" of the first dateline found, else empty.
  std::string Find(std::string_view text) const;

 private:
  std::vector<std::unique_ptr<RE2>> patterns_;
};

}  // namespace sitrep::ingest

#endif  // SITREP_INGEST_DATES_H_
