// The time grammar: finds time expressions in one sentence's units and
// normalizes each against its reference (the document date, or the previous
// time expression of the narrative). One Recognizer is made per document; it
// carries the narrative state from sentence to sentence.
//
// Overlap policy: at each unit every pattern is tried and the longest match
// wins (ties: the first pattern in MatchAt's order); matching resumes after it.
#ifndef SITREP_TIMEX_RECOGNIZER_H_
#define SITREP_TIMEX_RECOGNIZER_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/document.h"
#include "timex/calendar.h"
#include "timex/lexicon.h"
#include "timex/scanner.h"

namespace sitrep::timex {

// What the document allows: its date and whether it reads as a narrative of
// past events (history) rather than news about the days around its date.
struct DocContext {
  bool has_dct = false;
  Ymd dct;
  bool narrative = false;
  std::set<int> years;  // explicit years written in the document
  // Undated documents only: what pairing a weekday with a year-less date
  // fixed (see PairWeekdaysWithDates). Key month * 100 + day → year;
  // weekday (1..7) → the date it names.
  std::map<int, int> yearless_fix;
  std::map<int, Ymd> weekday_fix;
};

// A recognized expression before ids are assigned.
struct Match {
  size_t begin = 0, end = 0;  // units [begin, end)
  Timex timex;
  Ymd point;           // what it denotes, for anchoring what follows
  int prec = 0;        // 0 none, 1 year, 2 month, 3 day
  bool local = false;  // a year-less date that took its year from a local anchor
};

class Recognizer {
 public:
  Recognizer(const Lexicon& lexicon, std::string_view text, const DocContext& ctx);

  // Appends the expressions found in one sentence's units to *out, with ids
  // continuing from `next_id`.
  void Recognize(const std::vector<Unit>& units, std::vector<Timex>* out, int* next_id);

  // Number of relative expressions left underspecified for lack of a date.
  int underspecified() const { return underspecified_; }
  // Undated documents: weekdays left unresolved ("On Thursday") and the
  // year-less days ("October 3", month * 100 + day) seen so far.
  const std::set<int>& loose_weekdays() const { return loose_weekdays_; }
  const std::set<int>& yearless_days() const { return yearless_days_; }

 private:
  struct Ref {
    bool known = false;
    Ymd ymd;
    int prec = 0;    // 1 year, 2 month, 3 day
    std::string id;  // "dct", "t4" or "none"
  };

  bool MatchAt(size_t i, Match* m);
  // Patterns; each returns true and fills *m when it matches at unit i.
  bool MatchCalendarDate(size_t i, Match* m);
  bool MatchNumericDate(size_t i, Match* m);
  bool MatchDayOfMonth(size_t i, Match* m);
  bool MatchYearLike(size_t i, Match* m);
  bool MatchModified(size_t i, Match* m);
  bool MatchSeason(size_t i, Match* m);
  bool MatchRelative(size_t i, Match* m);
  bool MatchNarrative(size_t i, Match* m);
  bool MatchDuration(size_t i, Match* m);
  bool MatchSet(size_t i, Match* m);
  bool MatchTime(size_t i, Match* m);
  bool MatchNamed(size_t i, Match* m);
  bool MatchRef(size_t i, Match* m);
  bool MatchWeekday(size_t i, Match* m);

  // Unit readers: return the unit index after what they read, or 0 (no match).
  size_t ReadDay(size_t i, int* day) const;
  size_t ReadMonth(size_t i, int* month, bool need_context) const;
  size_t ReadYear(size_t i, int* year, bool strict) const;
  size_t ReadNumber(size_t i, int* n, bool allow_article) const;
  size_t ReadPhrase(size_t i, Cls cls, const LexEntry** entry) const;
  size_t ReadYearTarget(size_t i, Match* m);  // what "early"/"the end of" applies to

  // Resolution helpers.
  Ref DctRef() const;
  Ref NarrativeRef() const;  // previous expression, else the document date
  Ref RelativeRef() const { return ctx_.narrative ? NarrativeRef() : DctRef(); }
  // The tense of the clause a date at units [begin, end) is in, read from
  // the verb group that governs it (recognizer_tense.cc): -1 past, +1
  // future; `strong` when a verb group says so explicitly ("was killed on
  // July 10", "will be held on July 10"), not when it is the default, a
  // reporting verb, a cue beyond a clause boundary or a date that is a
  // target ("postponed to July 10").
  struct TenseRead {
    int dir = -1;
    bool strong = false;
  };
  TenseRead ReadTense(size_t begin, size_t end) const;
  int Tense(size_t begin, size_t end) const { return ReadTense(begin, end).dir; }
  // Year for a year-less month(/day): weekday (0 = none) and tense decide.
  void ResolveYearless(int month, int day, int weekday, size_t b, size_t e, Match* m);
  void SetDay(const Ymd& d, const std::string& anchor, Match* m) const;
  // In a news document, the expression the year-less date at units [b, e)
  // takes its year from: one earlier in the same sentence that wrote its
  // year, at most 200 bytes before, unless the date runs from then to now
  // ("since"), is looked forward to (future tense), has its own year after
  // it ("June in 2017"), or, for a bare year, is in another clause. Unknown
  // when there is none.
  Ref LocalAnchor(size_t b, size_t e) const;
  // Whether the match just made (units [begin, end)) writes a year and can
  // anchor year-less dates after it; "since 2014" cannot.
  bool WritesYear(const Match& m) const;

  const Lexicon& lex_;
  std::string_view text_;
  const DocContext& ctx_;
  const std::vector<Unit>* u_ = nullptr;
  size_t n_ = 0;
  Ref last_;  // narrative anchor: the last expression with a point in time
  // Local anchor (news): the last expression that wrote its year ("March
  // 2014", "in 1991") or took one from such an expression, with the sentence
  // it is in and the unit after it. See LocalAnchor.
  Ref local_;
  int local_sentence_ = -1;
  size_t local_unit_end_ = 0;
  int sentence_ = -1;  // index of the sentence being recognized
  int underspecified_ = 0;
  std::set<int> loose_weekdays_, yearless_days_;
};

// Collects the explicit years of a text cheaply (4-digit numbers 1000..2199
// that are not part of a longer number), to decide narrative mode and the
// years a weekday + year-less date may fall in.
std::set<int> ExplicitYears(std::string_view text);

// An undated document that names a weekday without its date ("On Thursday")
// and a day without its year ("on October 3") has one reading that makes
// them agree: the year, close to the latest year the document writes (it
// cannot have been written much before that), in which that day falls on
// that weekday. Fills ctx->yearless_fix for each day with exactly one such
// (year, weekday) and ctx->weekday_fix for a weekday that only one day
// matches. Returns whether anything was fixed.
bool PairWeekdaysWithDates(const std::set<int>& weekdays, const std::set<int>& days,
                           DocContext* ctx);

}  // namespace sitrep::timex

#endif  // SITREP_TIMEX_RECOGNIZER_H_
