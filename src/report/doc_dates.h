// When could a document have been published? The metadata date, checked
// against the dates its text reports as past; for an undated document, the
// latest such date is its earliest possible publication date (inferred).
#ifndef SITREP_REPORT_DOC_DATES_H_
#define SITREP_REPORT_DOC_DATES_H_

#include <optional>
#include <string>

#include "report/lexicons.h"
#include "report/time_value.h"
#include "sitrep/document.h"

namespace sitrep::report {

struct DocDate {
  std::optional<Day> metadata;   // Document::published.date (metadata or dateline)
  std::optional<Day> text_past;  // latest date the text reports as past
  std::optional<Day> effective;  // the date used: the later of the two
  bool inferred = false;         // no metadata date: effective is the earliest possible date
  bool conflict = false;         // the metadata date is earlier than text_past
  // Day-level evidence for text_past: the sentence that reports it.
  uint32_t past_start = 0, past_end = 0;
};

// Reads the publication date and scans the timexes: a timex counts as past
// unless an event in the same sentence is planned or the sentence carries a
// "future" cue (cues lexicon). For an undated document only timexes not
// resolved against a document date count. Dates of month precision or finer
// infer; only day precision can contradict a metadata date.
DocDate ResolveDocDate(const Document& doc, const PhraseSet& cues);

enum class AsOfDecision {
  kInclude,           // published by the as-of date
  kIncludeUncertain,  // no known date, may have been published by then
  kExclude,           // published (or earliest possible) after the as-of date
};

AsOfDecision DecideAsOf(const DocDate& date, std::optional<Day> as_of, bool exclude_uncertain);

}  // namespace sitrep::report

#endif  // SITREP_REPORT_DOC_DATES_H_
