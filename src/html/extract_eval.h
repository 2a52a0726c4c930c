// Scoring for the article-extraction benchmark: precision, recall and F1 of
// shared word 4-grams (multiset overlap) between extracted and gold text,
// with words = lowercased \w+ runs (Unicode letters, digits, underscore).
// Also reads the benchmark's gzip-compressed pages.
#ifndef SITREP_HTML_EXTRACT_EVAL_H_
#define SITREP_HTML_EXTRACT_EVAL_H_

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/status.h"

namespace sitrep::html {

struct OverlapScore {
  double precision = 0, recall = 0, f1 = 0;
};

// Lowercased \w+ tokens of `text`.
std::vector<std::string> WordTokens(std::string_view text);

// 4-gram overlap of `extracted` against `gold`. Texts with fewer than four
// words count their words as one gram each. Both empty: 1/1/1; one empty: 0.
OverlapScore NgramOverlap(std::string_view extracted, std::string_view gold, int n = 4);

// Reads a file, gunzipping it when it starts with the gzip magic bytes.
StatusOr<std::string> ReadMaybeGzip(const std::string& path);

}  // namespace sitrep::html

#endif  // SITREP_HTML_EXTRACT_EVAL_H_
