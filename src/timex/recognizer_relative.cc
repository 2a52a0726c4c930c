// Dates relative to the document date (yesterday, last week, two days ago,
// earlier this year) and to the narrative (the next day, that same month,
// three weeks later), and the reference words (now, recently, the past).
#include <cstdio>

#include "timex/recognizer.h"
#include "timex/recognizer_internal.h"

namespace sitrep::timex {
namespace {

bool IsPastWord(const Unit& x) {
  return x.IsWord("last") || x.IsWord("past") || x.IsWord("previous") || x.IsWord("preceding");
}

}  // namespace

bool Recognizer::MatchRelative(size_t i, Match* m) {
  const auto& u = *u_;
  if (i >= n_) return false;
  size_t j = i;
  Ref ref = RelativeRef();
  auto unknown = [&](const char* v) {
    m->timex.value = v;
    m->timex.anchor = "none";
    ++underspecified_;
  };
  // today, yesterday, tomorrow, tonight [morning]
  if (u[j].Is(Cls::kDayRel)) {
    // "Russia Today", "USA Today": a capitalized name, not the day.
    if (u[j].cap && j > 0 && u[j - 1].cap && u[j - 1].kind == UnitKind::kWord) return false;
    int off = u[j].lex->I(Cls::kDayRel);
    size_t k = j + 1;
    std::string pod = u[j].IsWord("tonight") ? "NI" : "";
    if (pod.empty() && k < n_ && u[k].Is(Cls::kPartOfDay)) {
      pod = u[k].lex->S(Cls::kPartOfDay);
      ++k;
    }
    m->end = k;
    m->timex.type = pod.empty() ? "DATE" : "TIME";
    if (ctx_.narrative && u[j].IsWord("today")) {
      m->timex.value = "PRESENT_REF";
      m->timex.anchor = "none";
      return true;
    }
    if (!ref.known || ref.prec < 3) {
      unknown("XXXX-XX-XX");
      if (!pod.empty()) m->timex.value += "T" + pod;
      return true;
    }
    SetDay(AddDays(ref.ymd, off), ref.id, m);
    if (!pod.empty()) {
      m->timex.type = "TIME";
      m->timex.value += "T" + pod;
    }
    return true;
  }
  // this morning, last night
  if ((u[j].IsWord("this") || u[j].IsWord("last")) && j + 1 < n_ && u[j + 1].Is(Cls::kPartOfDay)) {
    const std::string pod = u[j + 1].lex->S(Cls::kPartOfDay);
    if (u[j].IsWord("last") && pod != "NI") return false;
    m->end = j + 2;
    m->timex.type = "TIME";
    if (!ref.known || ref.prec < 3) {
      unknown("XXXX-XX-XX");
      m->timex.value += "T" + pod;
      return true;
    }
    SetDay(AddDays(ref.ymd, u[j].IsWord("last") ? -1 : 0), ref.id, m);
    m->timex.type = "TIME";
    m->timex.value += "T" + pod;
    return true;
  }
  // the weekend: the one before the reference (after it in a future sentence)
  if (u[j].IsWord("the") && j + 1 < n_ && u[j + 1].IsWord("weekend")) {
    m->end = j + 2;
    m->timex.type = "DATE";
    if (!ref.known || ref.prec < 3) {
      unknown("XXXX-WXX-WE");
      return true;
    }
    const int wd = Weekday(ref.ymd.y, ref.ymd.m, ref.ymd.d);
    Ymd d = ref.ymd;
    if (Tense(j, j + 2) > 0 && wd < 6) d = AddDays(ref.ymd, 6 - wd);
    if (Tense(j, j + 2) < 0 && wd < 6) d = AddDays(ref.ymd, -wd);
    m->timex.value = PeriodValue(d, "WE");
    m->timex.anchor = ref.id;
    return true;
  }
  // earlier this year, later this month
  if ((u[j].IsWord("earlier") || u[j].IsWord("later")) && j + 1 < n_ &&
      (u[j + 1].IsWord("this") || u[j + 1].IsWord("last") || u[j + 1].IsWord("next"))) {
    ++j;
  }
  // last week, this year, next month, last Friday, last October, last summer
  if (u[j].Is(Cls::kRelDet) && !u[j].IsWord("same") && !u[j].IsWord("following") &&
      !u[j].IsWord("preceding") && j + 1 < n_) {
    int dir = u[j].lex->I(Cls::kRelDet);
    if (u[j].IsWord("past") && i > 0 && !u[i - 1].IsWord("the")) dir = -1;
    const Unit& w = u[j + 1];
    if (i > 0 && u[i - 1].IsWord("the") && j == i) return false;  // "the past year": a duration
    m->end = j + 2;
    m->timex.type = "DATE";
    if (w.Is(Cls::kUnit)) {
      std::string unit = w.lex->S(Cls::kUnit);
      if (w.lower.back() == 's' && unit != "S") return false;  // "last years": not a date
      if (unit == "H" || unit == "TM" || unit == "S" || unit == "D" || unit == "ML") return false;
      if (!ref.known || ref.prec < UnitPrecision(unit == "W" || unit == "WE" ? "D" : unit)) {
        unknown(unit == "Y" ? "XXXX" : unit == "M" ? "XXXX-XX" : "XXXX-WXX");
        return true;
      }
      Ymd d = ShiftBy(ref.ymd, unit, dir);
      m->timex.value = PeriodValue(d, unit);
      if (unit == "DE") m->timex.value += "X";
      if (unit == "CE") m->timex.value += "XX";
      m->timex.anchor = ref.id;
      m->point = d;
      m->prec = UnitPrecision(unit);
      return true;
    }
    if (w.Is(Cls::kWeekday) && w.cap) {
      int wd = w.lex->I(Cls::kWeekday);
      if (!ref.known || ref.prec < 3) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "XXXX-WXX-%d", wd);
        unknown(buf);
        return true;
      }
      int ref_wd = Weekday(ref.ymd.y, ref.ymd.m, ref.ymd.d);
      int delta;
      if (dir < 0) {
        delta = -((ref_wd - wd + 7) % 7);
        if (delta == 0) delta = -7;
      } else if (dir > 0) {
        delta = (wd - ref_wd + 7) % 7;
        if (delta == 0) delta = 7;
      } else {
        delta = wd - ref_wd;
      }
      SetDay(AddDays(ref.ymd, delta), ref.id, m);
      return true;
    }
    if (w.Is(Cls::kMonth) && w.cap) {
      int month = w.lex->I(Cls::kMonth);
      if (!ref.known || ref.prec < 2) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "XXXX-%02d", month);
        unknown(buf);
        return true;
      }
      int y = ref.ymd.y;
      if (dir < 0 && month >= ref.ymd.m) y -= 1;
      if (dir > 0 && month <= ref.ymd.m) y += 1;
      m->timex.value = FormatYm(y, month);
      m->timex.anchor = ref.id;
      m->point = {y, month, 1};
      m->prec = 2;
      return true;
    }
    if (w.Is(Cls::kSeason)) {
      const std::string& s = w.lex->S(Cls::kSeason);
      if (!ref.known) {
        unknown("XXXX");
        m->timex.value += "-" + s;
        return true;
      }
      int start = s == "SP" ? 3 : s == "SU" ? 6 : s == "FA" ? 9 : 12;
      int y = ref.ymd.y;
      if (dir < 0 && start + 2 >= ref.ymd.m) y -= 1;
      if (dir > 0 && start <= ref.ymd.m) y += 1;
      m->timex.value = FormatYear(y) + "-" + s;
      m->timex.anchor = ref.id;
      m->point = {y, start, 1};
      m->prec = 1;
      return true;
    }
    return false;
  }
  // two days ago, a year ago
  {
    size_t k = j;
    const LexEntry* e = nullptr;
    std::string mod;
    if (size_t km = ReadPhrase(k, Cls::kDurMod, &e)) {
      mod = e->S(Cls::kDurMod);
      k = km;
    }
    int n = 0;
    size_t kn = ReadNumber(k, &n, true);
    if (kn && kn + 1 < n_ && u[kn].Is(Cls::kUnit) && u[kn + 1].IsWord("ago")) {
      std::string unit = u[kn].lex->S(Cls::kUnit);
      m->end = kn + 2;
      m->timex.type = "DATE";
      m->timex.mod = mod;
      if (n < 0) {
        m->timex.value = "PAST_REF";
        m->timex.anchor = ref.known ? ref.id : "none";
        return true;
      }
      if (unit == "H" || unit == "TM" || unit == "S") {
        m->timex.type = "TIME";
        if (!ref.known) {
          unknown("PAST_REF");
          return true;
        }
        m->timex.value = PeriodValue(ref.ymd, "D");
        m->timex.anchor = ref.id;
        return true;
      }
      if (!ref.known || ref.prec < UnitPrecision(unit == "W" || unit == "WE" ? "D" : unit)) {
        unknown("PAST_REF");
        return true;
      }
      Ymd d = ShiftBy(ref.ymd, unit, -n);
      m->timex.value = PeriodValue(d, unit == "WE" ? "W" : unit);
      if (unit == "DE") m->timex.value += "X";
      if (unit == "CE") m->timex.value += "XX";
      m->timex.anchor = ref.id;
      m->point = d;
      m->prec = UnitPrecision(unit);
      return true;
    }
  }
  return false;
}

bool Recognizer::MatchNarrative(size_t i, Match* m) {
  const auto& u = *u_;
  Ref ref = NarrativeRef();
  size_t j = i;
  int dir = 0;
  size_t k = 0;
  const Unit* w = nullptr;
  bool later_prefix = false;
  if ((u[j].IsWord("later") || u[j].IsWord("earlier")) && j + 1 < n_ && u[j + 1].IsWord("that")) {
    later_prefix = true;
    ++j;
  }
  if (u[j].IsWord("the") && j + 2 < n_ && u[j + 1].Is(Cls::kRelDet) && !u[j + 1].IsWord("this") &&
      !u[j + 1].IsWord("current") && !u[j + 1].IsWord("last") && !u[j + 1].IsWord("past") &&
      !u[j + 1].IsWord("coming")) {
    // the next day, the following year, the previous week, the same day
    dir = u[j + 1].lex->I(Cls::kRelDet);
    w = &u[j + 2];
    k = j + 3;
  } else if (u[j].IsWord("the") && j + 2 < n_ && u[j + 1].Is(Cls::kUnit) &&
             (u[j + 2].IsWord("before") || u[j + 2].IsWord("after"))) {
    // the day before, the year after (not "the day after the attack")
    if (j + 3 < n_ && (u[j + 3].kind == UnitKind::kWord && !u[j + 3].Is(Cls::kPastCue) &&
                       !u[j + 3].IsWord("and"))) {
      return false;
    }
    dir = u[j + 2].IsWord("before") ? -1 : 1;
    w = &u[j + 1];
    k = j + 3;
  } else if (u[j].IsWord("that") && j + 1 < n_) {
    // that day, that same month
    size_t t = j + 1;
    if (u[t].IsWord("same") && t + 1 < n_) ++t;
    w = &u[t];
    k = t + 1;
  } else {
    // three days later, a week earlier
    int n = 0;
    size_t kn = ReadNumber(j, &n, true);
    if (!kn || kn + 1 >= n_ || !u[kn].Is(Cls::kUnit) ||
        !(u[kn + 1].IsWord("later") || u[kn + 1].IsWord("earlier"))) {
      return false;
    }
    std::string unit = u[kn].lex->S(Cls::kUnit);
    if (unit == "H" || unit == "TM" || unit == "S") return false;
    m->end = kn + 2;
    m->timex.type = "DATE";
    int sign = u[kn + 1].IsWord("later") ? 1 : -1;
    if (!ref.known || ref.prec < UnitPrecision(unit == "W" || unit == "WE" ? "D" : unit) || n < 0) {
      m->timex.value = n < 0 ? (sign > 0 ? "FUTURE_REF" : "PAST_REF") : "XXXX-XX-XX";
      m->timex.anchor = ref.known ? ref.id : "none";
      return true;
    }
    Ymd d = ShiftBy(ref.ymd, unit, sign * n);
    m->timex.value = PeriodValue(d, unit);
    m->timex.anchor = ref.id;
    m->point = d;
    m->prec = UnitPrecision(unit);
    return true;
  }
  if (w == nullptr) return false;
  std::string unit, pod;
  if (w->Is(Cls::kUnit) && w->lower.back() != 's') {
    unit = w->lex->S(Cls::kUnit);
  } else if (w->Is(Cls::kPartOfDay)) {
    pod = w->lex->S(Cls::kPartOfDay);
    unit = "D";
  } else if (w->Is(Cls::kSeason)) {
    // that summer, the following spring, the previous winter
    if (!ref.known) return false;
    m->end = k;
    m->timex.type = "DATE";
    m->timex.value = FormatYear(ref.ymd.y + dir) + "-" + w->lex->S(Cls::kSeason);
    m->timex.anchor = ref.id;
    return true;
  } else {
    return false;
  }
  if (unit != "D" && unit != "W" && unit != "M" && unit != "Y" && unit != "WE") return false;
  (void)later_prefix;
  m->end = k;
  m->timex.type = pod.empty() ? "DATE" : "TIME";
  if (!ref.known || ref.prec < UnitPrecision(unit == "W" || unit == "WE" ? "D" : unit)) {
    m->timex.value = unit == "Y" ? "XXXX" : unit == "M" ? "XXXX-XX" : "XXXX-XX-XX";
    m->timex.anchor = "none";
    ++underspecified_;
    return true;
  }
  Ymd d = ShiftBy(ref.ymd, unit, dir);
  m->timex.value = PeriodValue(d, unit);
  if (!pod.empty()) m->timex.value += "T" + pod;
  m->timex.anchor = ref.id;
  m->point = d;
  m->prec = UnitPrecision(unit);
  return true;
}

bool Recognizer::MatchRef(size_t i, Match* m) {
  const LexEntry* e = nullptr;
  size_t k = ReadPhrase(i, Cls::kRef, &e);
  if (!k) return false;
  m->end = k;
  m->timex.type = "DATE";
  m->timex.value = e->S(Cls::kRef);
  m->timex.anchor = "none";
  (void)IsPastWord;
  return true;
}

}  // namespace sitrep::timex
