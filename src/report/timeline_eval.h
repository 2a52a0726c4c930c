// Timeline summarization from dated articles, and its evaluation against
// journalists' timelines (Timeline17): date selection from the dates the
// articles mention, one or two sentences per date, date F1 and concatenated
// ROUGE-1/2 F1.
#ifndef SITREP_REPORT_TIMELINE_EVAL_H_
#define SITREP_REPORT_TIMELINE_EVAL_H_

#include <string>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/status.h"

namespace sitrep::report {

struct DatedSummary {
  std::string date;  // YYYY-MM-DD
  std::vector<std::string> sentences;
  double score = 0;
};

struct DateTimelineOptions {
  int max_dates = 10;
  int sentences_per_date = 1;
};

// Builds a timeline of max_dates days from documents annotated with
// sentences and timexes (published.date = the article's date). A day scores
// by how many articles mention it (a mention published the day after counts
// as report of that day) and how many articles were published the day after
// it; its summary is the sentence closest to the centroid of the sentences
// that mention it. Dates in date order.
std::vector<DatedSummary> BuildDateTimeline(const std::vector<Document>& docs,
                                            const DateTimelineOptions& options);

struct TimelineScores {
  double date_precision = 0, date_recall = 0, date_f1 = 0;
  double rouge1_f1 = 0, rouge2_f1 = 0;  // concatenated: all summaries vs all gold text
};

TimelineScores ScoreTimeline(const std::vector<DatedSummary>& predicted,
                             const std::vector<DatedSummary>& gold);

// Reads a Timeline17 topic's articles.json (list of {uid, dct, text}) as
// Documents with published.date = dct. The `dates` field is not read.
StatusOr<std::vector<Document>> ReadTimeline17Articles(const std::string& path);
// Reads a gold *.timeline.json (list of {date, text}).
StatusOr<std::vector<DatedSummary>> ReadGoldTimeline(const std::string& path);

}  // namespace sitrep::report

#endif  // SITREP_REPORT_TIMELINE_EVAL_H_
