// Scoring time expressions against gold, as the TempEval-3 scorer does:
// strict (same span) and relaxed (overlapping span) precision / recall / F1,
// value and type accuracy over relaxed matches, value F1 = relaxed F1 x value
// accuracy. Readers for the gold formats sitrep is evaluated on: TimeML
// (.tml, inline TIMEX3, DCT in the file), WikiWars TIMEX2 keyinline files,
// sitrep's stand-off TSV (eval/timex/*/NAME.tsv over a separate text file),
// and Recognizers-Text DateTime Model specs (JSON).
#ifndef SITREP_TIMEX_EVAL_H_
#define SITREP_TIMEX_EVAL_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/status.h"

namespace sitrep::timex {

struct GoldTimex {
  uint32_t start = 0, end = 0;  // byte span into GoldDoc::text
  std::string text, type, value, mod;
};

struct GoldDoc {
  std::string name;
  std::string text;
  std::string dct;  // YYYY-MM-DD or empty
  std::vector<GoldTimex> timexes;
  bool timex2 = false;  // TIMEX2 conventions (decades "199", no types)
};

// Inline TIMEX3 (TimeML) or TIMEX2 (WikiWars keyinline) markup. The text is
// the content of <TEXT> when present, with tags removed and entities decoded.
StatusOr<GoldDoc> ParseInlineGold(std::string_view markup, std::string name);

// Stand-off gold: lines `start<TAB>end<TAB>text<TAB>type<TAB>value<TAB>mod`
// and header lines `# dct: YYYY-MM-DD`. The span text must match `text`.
StatusOr<GoldDoc> ParseStandoffGold(std::string_view tsv, std::string text, std::string name);

struct ErrorExample {
  std::string kind;     // "missed DATE", "spurious DURATION", "span", "value DATE"
  std::string pattern;  // shape of the text: "MONTH 9", "the past UNIT"
  std::string detail;   // doc: gold vs system
};

struct Scores {
  int gold = 0, sys = 0;
  int strict_gold = 0, strict_sys = 0;    // gold / system items with an exact match
  int relaxed_gold = 0, relaxed_sys = 0;  // ... with an overlapping match
  int matched = 0, value_ok = 0, type_ok = 0, typed = 0;
  std::vector<ErrorExample> errors;

  void Add(const Scores& o);
  static double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }
  double StrictP() const { return sys ? double(strict_sys) / sys : 0; }
  double StrictR() const { return gold ? double(strict_gold) / gold : 0; }
  double RelaxedP() const { return sys ? double(relaxed_sys) / sys : 0; }
  double RelaxedR() const { return gold ? double(relaxed_gold) / gold : 0; }
  double StrictF1() const { return F1(StrictP(), StrictR()); }
  double RelaxedF1() const { return F1(RelaxedP(), RelaxedR()); }
  double ValueAcc() const { return matched ? double(value_ok) / matched : 0; }
  double TypeAcc() const { return typed ? double(type_ok) / typed : 0; }
  double ValueF1() const { return RelaxedF1() * ValueAcc(); }
  double TypeF1() const { return RelaxedF1() * TypeAcc(); }
};

// Compares system timexes with gold ones on the same text.
Scores Score(const GoldDoc& gold, const std::vector<Timex>& sys);

// True when a system value equals a gold value, up to the notation
// differences between TIMEX2 and TIMEX3 (decade 199 = 199X, century 19 = 19XX).
bool SameValue(const std::string& gold, const std::string& sys, bool timex2);

}  // namespace sitrep::timex

#endif  // SITREP_TIMEX_EVAL_H_
