// Reader for Microsoft Recognizers-Text DateTime Model specs (JSON arrays of
// cases, file starting with a UTF-8 BOM). Model files give Start and an
// inclusive End in characters; they are turned into byte spans here.
#ifndef SITREP_TIMEX_EVAL_RT_H_
#define SITREP_TIMEX_EVAL_RT_H_

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/status.h"
#include "timex/eval.h"

namespace sitrep::timex {

struct RtResult {
  GoldTimex span;                   // type mapped to TIMEX3 (DATE, TIME, DURATION, SET)
  std::vector<std::string> values;  // Resolution.values[].timex: every reading given
};

struct RtCase {
  std::string input;
  std::string dct;  // from Context.ReferenceDateTime; empty when absent
  std::vector<RtResult> results;
};

StatusOr<std::vector<RtCase>> ParseRtModel(std::string_view json, const std::string& name);

// Scores one case: a relaxed match whose value equals any reading counts as
// right. TIMEX3 differences (RT ranges "(2016-11-07,2016-11-14,P1W)" vs a
// TIMEX3 week "2016-W45") count as wrong and are reported as such.
Scores ScoreRtCase(const RtCase& c, const std::vector<Timex>& sys, const std::string& name);

}  // namespace sitrep::timex

#endif  // SITREP_TIMEX_EVAL_RT_H_
