// Absolute and partial dates: calendar dates, numeric dates, years, decades,
// centuries, seasons, named days, weekdays, and "early/late/the end of" X.
#include <cstdio>

#include "timex/recognizer.h"
#include "timex/recognizer_internal.h"

namespace sitrep::timex {
namespace {

bool IsRangeJoin(const Unit& x) {
  return x.IsDash() || x.IsWord("to") || x.IsWord("through") || x.IsWord("until") ||
         x.IsWord("till");
}

int SeasonStartMonth(const std::string& s) {
  if (s == "SP") return 3;
  if (s == "SU") return 6;
  if (s == "FA") return 9;
  return 12;
}

}  // namespace

bool Recognizer::MatchCalendarDate(size_t i, Match* m) {
  const auto& u = *u_;
  size_t j = i;
  int wd = 0;
  if (u[j].Is(Cls::kWeekday) && u[j].cap) {
    wd = u[j].lex->I(Cls::kWeekday);
    ++j;
    if (j < n_ && u[j].IsPunct(",")) ++j;
  }
  bool the = false;
  if (j < n_ && u[j].IsWord("the")) {
    the = true;
    ++j;
  }
  int month = 0, day = 0, day2 = 0, month2 = 0, year = 0;
  size_t k = 0;
  if (!the && (k = ReadMonth(j, &month, false)) != 0) {
    size_t k2 = ReadDay(k, &day);
    if (k2 != 0 && !(k2 < n_ && u[k2].IsWord("of"))) {
      k = k2;
      // Range: May 8-10, May 8 to 10, May 30 - June 2
      if (k + 1 < n_ && IsRangeJoin(u[k])) {
        int m2 = 0, d2 = 0;
        // Only a bare second day joins ("May 8-10"); "October 10 to October
        // 12" are two expressions, as TimeML writes them, joined as a range.
        size_t r = ReadMonth(k + 1, &m2, false);
        size_t r2 = r ? 0 : ReadDay(k + 1, &d2);
        if (r2 != 0 && d2 > day) {
          day2 = d2;
          month2 = month;
          k = r2;
        }
      }
      size_t k3 = k < n_ && u[k].IsPunct(",") ? k + 1 : k;
      size_t k4 = ReadYear(k3, &year, false);
      if (k4) k = k4;
    } else {
      size_t k3 = k;
      if (k3 < n_ && (u[k3].IsPunct(",") || u[k3].IsWord("of"))) ++k3;
      size_t k4 = ReadYear(k3, &year, false);
      // "August of that year", "March of the following year"
      if (!k4 && k3 > k && u[k3 - 1].IsWord("of") && k3 + 1 < n_) {
        Match t;
        if (MatchNarrative(k3, &t) && t.prec == 1) {
          year = t.point.y;
          k4 = t.end;
        }
      }
      if (k4) {
        k = k4;
      } else {
        if (wd) return false;
        if (ReadMonth(j, &month, true) == 0) return false;
        // A bare month that is part of a name ("the March 8 movement") is
        // still a month; a capitalized month at a heading start is common.
      }
    }
  } else {
    size_t k1 = ReadDay(j, &day);
    if (k1 == 0) return false;
    k = k1;
    if (k + 1 < n_ && (IsRangeJoin(u[k]) || u[k].IsWord("and"))) {
      int d2 = 0;
      size_t r = ReadDay(k + 1, &d2);
      if (r && d2 > day) {
        day2 = d2;
        k = r;
      }
    }
    if (k < n_ && u[k].IsWord("of")) ++k;
    size_t km = ReadMonth(k, &month, false);
    if (km == 0) return false;
    k = km;
    if (day2) month2 = month;
    size_t k3 = k < n_ && u[k].IsPunct(",") ? k + 1 : k;
    size_t k4 = ReadYear(k3, &year, false);
    if (k4) k = k4;
  }
  // "12 December of last year", "March 3 this year"
  if (!year && day) {
    size_t k3 = k < n_ && u[k].IsWord("of") ? k + 1 : k;
    if (k3 + 1 < n_ && u[k3].Is(Cls::kRelDet) && u[k3 + 1].IsWord("year") &&
        (u[k3].IsWord("last") || u[k3].IsWord("this") || u[k3].IsWord("next"))) {
      Ref ref = DctRef();
      if (ref.known) {
        year = ref.ymd.y + u[k3].lex->I(Cls::kRelDet);
        k = k3 + 2;
      }
    }
  }
  m->end = k;
  m->timex.type = "DATE";
  if (year) {
    if (day) {
      if (!IsValidDate(year, month, day)) {
        m->timex.flagged = true;
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
        m->timex.value = buf;
        m->timex.anchor = "none";
        return true;
      }
      m->timex.value = FormatYmd({year, month, day});
      m->point = {year, month, day};
      m->prec = 3;
      if (wd && Weekday(year, month, day) != wd) m->timex.flagged = true;
    } else {
      m->timex.value = FormatYm(year, month);
      m->point = {year, month, 1};
      m->prec = 2;
    }
    m->timex.anchor = "none";
  } else {
    ResolveYearless(month, day, wd, i, k, m);
  }
  if (day2 && m->prec == 3) {
    Ymd end{m->point.y, month2, day2};
    if (month2 < month) end.y += 1;
    m->timex.range_begin = m->timex.value;
    m->timex.range_end = IsValidDate(end.y, end.m, end.d) ? FormatYmd(end) : "";
    if (m->timex.range_end.empty()) m->timex.range_begin.clear();
  }
  return true;
}

// "on the 20th": a day of the month the narrative is in.
bool Recognizer::MatchDayOfMonth(size_t i, Match* m) {
  const auto& u = *u_;
  if (!u[i].IsWord("the") || i + 2 >= n_ || u[i + 1].kind != UnitKind::kNumber) return false;
  int day = 0;
  size_t k = ReadDay(i + 1, &day);
  if (k != i + 3) return false;  // needs the suffix: "the 20th", not "the 20"
  if (k < n_ && (u[k].Is(Cls::kUnit) || u[k].Is(Cls::kMonth) || u[k].IsWord("of") ||
                 u[k].kind == UnitKind::kWord)) {
    return false;  // "the 20th century", "the 20th of May", "the 5th army"
  }
  Ref ref = NarrativeRef();
  if (!ref.known || ref.prec < 2 || !IsValidDate(ref.ymd.y, ref.ymd.m, day)) return false;
  m->end = k;
  SetDay({ref.ymd.y, ref.ymd.m, day}, ref.id, m);
  return true;
}

bool Recognizer::MatchNumericDate(size_t i, Match* m) {
  const auto& u = *u_;
  if (i + 4 >= n_) return false;
  const Unit &a = u[i], &s1 = u[i + 1], &b = u[i + 2], &s2 = u[i + 3], &c = u[i + 4];
  if (a.kind != UnitKind::kNumber || b.kind != UnitKind::kNumber || c.kind != UnitKind::kNumber)
    return false;
  if (s1.space_before || b.space_before || s2.space_before || c.space_before) return false;
  if (s1.lower != s2.lower) return false;
  if (!(s1.IsDash() || s1.IsPunct("/") || s1.IsPunct("."))) return false;
  if (i > 0 && !a.space_before &&
      (u[i - 1].kind == UnitKind::kNumber || u[i - 1].IsDash() || u[i - 1].IsPunct("/") ||
       u[i - 1].IsPunct("."))) {
    return false;
  }
  if (i + 5 < n_ && !u[i + 5].space_before &&
      (u[i + 5].kind == UnitKind::kNumber || u[i + 5].IsDash() || u[i + 5].IsPunct("/") ||
       u[i + 5].kind == UnitKind::kWord ||
       (u[i + 5].IsPunct(".") && i + 6 < n_ && u[i + 6].kind == UnitKind::kNumber &&
        !u[i + 6].space_before))) {
    return false;
  }
  int y = 0, mo = 0, d = 0;
  if (a.ndigits == 4 && b.ndigits <= 2 && c.ndigits <= 2) {
    y = static_cast<int>(a.num), mo = static_cast<int>(b.num), d = static_cast<int>(c.num);
  } else if (a.ndigits <= 2 && b.ndigits <= 2 && c.ndigits == 4) {
    y = static_cast<int>(c.num);
    if (s1.IsPunct(".") || a.num > 12) {
      d = static_cast<int>(a.num), mo = static_cast<int>(b.num);
    } else {
      mo = static_cast<int>(a.num), d = static_cast<int>(b.num);
    }
  } else {
    return false;
  }
  if (y < 1000 || y > 2199 || mo < 1 || mo > 12 || d < 1 || d > 31) return false;
  m->end = i + 5;
  m->timex.type = "DATE";
  m->timex.anchor = "none";
  if (!IsValidDate(y, mo, d)) {
    m->timex.flagged = true;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
    m->timex.value = buf;
    return true;
  }
  m->timex.value = FormatYmd({y, mo, d});
  m->point = {y, mo, d};
  m->prec = 3;
  return true;
}

bool Recognizer::MatchYearLike(size_t i, Match* m) {
  const auto& u = *u_;
  size_t j = i;
  bool the = u[j].IsWord("the");
  if (the) ++j;
  if (j >= n_) return false;
  // Decades: the 1990s, 1990s, the '90s
  if (u[j].kind == UnitKind::kNumber && u[j].ndigits == 4 && u[j].num % 10 == 0 && j + 1 < n_ &&
      u[j + 1].IsWord("s") && !u[j + 1].space_before) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%03dX", static_cast<int>(u[j].num / 10));
    m->end = j + 2;
    m->timex.type = "DATE";
    m->timex.value = buf;
    m->timex.anchor = "none";
    return true;
  }
  if (the && u[j].IsPunct("'") && j + 2 < n_ && u[j + 1].kind == UnitKind::kNumber &&
      u[j + 1].ndigits == 2 && u[j + 1].num % 10 == 0 && u[j + 2].IsWord("s")) {
    int decade = static_cast<int>(u[j + 1].num);
    int century = decade >= 30 ? 19 : 20;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d%dX", century, decade / 10);
    m->end = j + 3;
    m->timex.type = "DATE";
    m->timex.value = buf;
    m->timex.anchor = "none";
    return true;
  }
  // Centuries: the 19th century, the fourth century BC, (the mid-)twentieth century
  const bool after_mod = i > 0 && (u[i - 1].Is(Cls::kModPre) || u[i - 1].IsDash());
  if (the || after_mod) {
    int n = 0;
    size_t k = ReadDay(j, &n);
    if (k && k < n_ && (u[k].IsWord("century"))) {
      ++k;
      bool bc = false;
      if (k < n_ && (u[k].IsWord("bc") || u[k].IsWord("bce"))) {
        bc = true;
        ++k;
      }
      char buf[16];
      if (bc) {
        std::snprintf(buf, sizeof buf, "BC%02d", n - 1);
      } else {
        std::snprintf(buf, sizeof buf, "%02dXX", n - 1);
      }
      m->end = k;
      m->timex.type = "DATE";
      m->timex.value = buf;
      m->timex.anchor = "none";
      return true;
    }
    if (the) return false;
  }
  // Years, with an era: 494 BC, 1066, AD 1066
  if (u[i].kind == UnitKind::kNumber && u[i].ndigits <= 4 && i + 1 < n_ &&
      (u[i + 1].IsWord("bc") || u[i + 1].IsWord("bce") ||
       (u[i + 1].IsWord("b") && i + 3 < n_ && u[i + 2].IsPunct(".") && u[i + 3].IsWord("c")))) {
    size_t k = u[i + 1].IsWord("b") ? i + 4 : i + 2;
    if (u[i + 1].IsWord("b") && k < n_ && u[k].IsPunct(".") && !u[k].space_before) ++k;
    char buf[16];
    std::snprintf(buf, sizeof buf, "BC%04d", static_cast<int>(u[i].num));
    m->end = k;
    m->timex.type = "DATE";
    m->timex.value = buf;
    m->timex.anchor = "none";
    return true;
  }
  int year = 0;
  size_t k = ReadYear(i, &year, true);
  // 1939-45: the second year of a span, written with two digits.
  if (!k && u[i].kind == UnitKind::kNumber && u[i].ndigits == 2 && i >= 2 && !u[i].space_before &&
      u[i - 1].IsDash() && !u[i - 1].space_before && u[i - 2].ndigits == 4 &&
      u[i - 2].num >= 1000 && u[i - 2].num <= 2199 &&
      !(i + 1 < n_ && !u[i + 1].space_before && u[i + 1].kind != UnitKind::kPunct)) {
    year = static_cast<int>(u[i - 2].num / 100 * 100 + u[i].num);
    if (year <= u[i - 2].num) return false;
    k = i + 1;
  }
  if (!k) return false;
  m->end = k;
  m->timex.type = "DATE";
  m->timex.value = FormatYear(year);
  m->timex.anchor = "none";
  m->point = {year, 1, 1};
  m->prec = 1;
  return true;
}

size_t Recognizer::ReadYearTarget(size_t i, Match* m) {
  if (i >= n_) return 0;
  const auto& u = *u_;
  Match best;
  size_t best_end = 0;
  using Fn = bool (Recognizer::*)(size_t, Match*);
  for (Fn fn :
       {&Recognizer::MatchCalendarDate, &Recognizer::MatchSeason, &Recognizer::MatchYearLike,
        &Recognizer::MatchRelative, &Recognizer::MatchNarrative}) {
    Match t;
    if ((this->*fn)(i, &t) && t.end > best_end && t.timex.type == "DATE" && t.prec != 3 &&
        t.timex.mod.empty() && t.timex.value.find('W') == std::string::npos) {
      best = t;
      best_end = t.end;
    }
  }
  // the year, the month, the decade, the war: the period around the reference
  if (best_end == 0 && u[i].IsWord("the") && i + 1 < n_ && u[i + 1].Is(Cls::kUnit)) {
    const std::string& unit = u[i + 1].lex->S(Cls::kUnit);
    Ref ref = RelativeRef();
    if (unit == "Y" || unit == "M" || unit == "DE" || unit == "CE") {
      best.timex.type = "DATE";
      best_end = i + 2;
      if (ref.known && ref.prec >= UnitPrecision(unit)) {
        best.timex.value = PeriodValue(ref.ymd, unit);
        if (unit == "DE" || unit == "CE") best.timex.value += unit == "DE" ? "X" : "XX";
        best.timex.anchor = ref.id;
        best.point = ref.ymd;
        best.prec = UnitPrecision(unit);
      } else {
        best.timex.value = unit == "M" ? "XXXX-XX" : "XXXX";
        best.timex.anchor = "none";
      }
    }
  }
  if (best_end == 0) return 0;
  best.end = best_end;
  *m = best;
  return best_end;
}

bool Recognizer::MatchModified(size_t i, Match* m) {
  const auto& u = *u_;
  size_t j = i;
  const LexEntry* e = nullptr;
  size_t k = ReadPhrase(j, Cls::kModPre, &e);
  if (!k && u[j].IsWord("the") && j + 1 < n_ && u[j + 1].Is(Cls::kModPre)) {
    k = j + 2;
    e = u[j + 1].lex;
  }
  if (!k) return false;
  const std::string& code = e->S(Cls::kModPre);
  const bool dash = k < n_ && u[k].IsDash() && !u[k].space_before;
  // "pre-2022", "post-2014" are prefixes: without the hyphen "post" is a
  // noun or a newspaper ("the Post 2024 poll"); the article before them
  // belongs to the noun they modify ("the pre-2022 border").
  if ((code == "BEFORE" || code == "AFTER") && (!dash || k - i > 1)) return false;
  if (dash) ++k;
  Match t;
  size_t end = ReadYearTarget(k, &t);
  // "early Tuesday", "late Sunday": a single-word modifier of a day.
  if (!end && k == i + 1 && (code == "START" || code == "END") &&
      (MatchWeekday(k, &t) || MatchRelative(k, &t)) && t.prec == 3 && t.timex.type == "DATE") {
    end = t.end;
  }
  // "the third quarter", "the first half": of the reference year.
  if (!end && (code[0] == 'H' || code[0] == 'Q') && u[k - 1].Is(Cls::kUnit)) {
    Ref ref = RelativeRef();
    if (!ref.known) return false;
    m->end = k;
    m->timex.type = "DATE";
    m->timex.value = FormatYear(ref.ymd.y) + "-" + code;
    m->timex.anchor = ref.id;
    return true;
  }
  if (!end) return false;
  *m = t;
  m->end = end;
  if (code[0] == 'H' || code[0] == 'Q') {
    if (m->prec != 1) return false;
    m->timex.value += "-" + code;
  } else {
    m->timex.mod = code;
  }
  return true;
}

bool Recognizer::MatchSeason(size_t i, Match* m) {
  const auto& u = *u_;
  size_t j = i;
  bool the = u[j].IsWord("the");
  if (the) ++j;
  if (j >= n_ || !u[j].Is(Cls::kSeason)) return false;
  const std::string& s = u[j].lex->S(Cls::kSeason);
  size_t k = j + 1;
  size_t k2 = k < n_ && u[k].IsWord("of") ? k + 1 : k;
  int year = 0;
  size_t ky = ReadYear(k2, &year, false);
  m->timex.type = "DATE";
  if (ky) {
    m->end = ky;
    m->timex.value = FormatYear(year) + "-" + s;
    m->timex.anchor = "none";
    m->point = {year, SeasonStartMonth(s), 1};
    m->prec = 1;
    return true;
  }
  // A bare season needs "the" or a preposition, and is not "the fall of Kabul".
  if (k < n_ && u[k].IsWord("of")) return false;
  bool prep = i > 0 &&
              (u[i - 1].IsWord("in") || u[i - 1].IsWord("during") || u[i - 1].IsWord("by") ||
               u[i - 1].IsWord("until") || u[i - 1].IsWord("since") || u[i - 1].IsWord("through") ||
               u[i - 1].IsWord("before") || u[i - 1].IsWord("after"));
  if (!the && !prep) return false;
  if (!the && (s == "FA" && u[j].lower == "fall")) return false;
  if (k < n_ && u[k].kind == UnitKind::kWord && !u[k].Is(Cls::kPastCue) &&
      !u[k].Is(Cls::kFutureCue) && !u[k].Is(Cls::kYearCue) && !u[k].IsWord("when") &&
      !u[k].IsWord("as")) {
    return false;  // "the spring offensive": a season used as an adjective
  }
  m->end = k;
  Ref ref = RelativeRef();
  if (!ref.known) {
    m->timex.value = "XXXX-" + s;
    m->timex.anchor = "none";
    ++underspecified_;
    return true;
  }
  int y = ref.ymd.y;
  if (!ctx_.narrative) {
    int start = SeasonStartMonth(s);
    int tense = Tense(i, k);
    if (tense < 0 && start > ref.ymd.m + 1) y -= 1;
    if (tense > 0 && start < ref.ymd.m - 2 && s != "WI") y += 1;
  }
  m->timex.value = FormatYear(y) + "-" + s;
  m->timex.anchor = ref.id;
  m->point = {y, SeasonStartMonth(s), 1};
  m->prec = 1;
  return true;
}

bool Recognizer::MatchNamed(size_t i, Match* m) {
  const auto& u = *u_;
  const LexEntry* e = nullptr;
  size_t j = i;
  bool the = u[j].IsWord("the");
  if (the) ++j;
  size_t k = ReadPhrase(j, Cls::kNamedPeriod, &e);
  if (k && u[j].cap) {
    // "since the Cold War": only after a temporal preposition.
    if (i == 0 ||
        !(u[i - 1].IsWord("since") || u[i - 1].IsWord("during") || u[i - 1].IsWord("after") ||
          u[i - 1].IsWord("before") || u[i - 1].IsWord("until"))) {
      return false;
    }
    const std::string& v = e->S(Cls::kNamedPeriod);
    size_t slash = v.find('/');
    m->end = k;
    m->timex.type = "DATE";
    m->timex.value = "PAST_REF";
    m->timex.range_begin = v.substr(0, slash);
    m->timex.range_end = slash == std::string::npos ? "" : v.substr(slash + 1);
    m->timex.anchor = "none";
    return true;
  }
  if (the) return false;
  k = ReadPhrase(i, Cls::kNamedDay, &e);
  if (!k || !u[i].cap) return false;
  const std::string& v = e->S(Cls::kNamedDay);
  int year = 0;
  size_t ky = ReadYear(k, &year, false);
  m->end = ky ? ky : k;
  int month = 0, day = 0;
  if (v.size() == 5 && v[2] == '-') {
    month = (v[0] - '0') * 10 + (v[1] - '0');
    day = (v[3] - '0') * 10 + (v[4] - '0');
  }
  if (year) {
    Ymd d = v == "EASTER"            ? WesternEaster(year)
            : v == "ORTHODOX_EASTER" ? OrthodoxEaster(year)
                                     : Ymd{year, month, day};
    SetDay(d, "none", m);
    return true;
  }
  if (month) {
    ResolveYearless(month, day, 0, i, m->end, m);
    return true;
  }
  Ref ref = RelativeRef();
  if (!ref.known) {
    m->timex.type = "DATE";
    m->timex.value = "XXXX-XX-XX";
    m->timex.anchor = "none";
    ++underspecified_;
    return true;
  }
  int y = ref.ymd.y;
  Ymd d = v == "EASTER" ? WesternEaster(y) : OrthodoxEaster(y);
  if (!ctx_.narrative && Tense(i, m->end) < 0 && DaysFromCivil(d) > DaysFromCivil(ref.ymd)) {
    d = v == "EASTER" ? WesternEaster(y - 1) : OrthodoxEaster(y - 1);
  }
  SetDay(d, ref.id, m);
  return true;
}

bool Recognizer::MatchWeekday(size_t i, Match* m) {
  const auto& u = *u_;
  if (i >= n_) return false;  // "late" at the very end of the text
  if (!u[i].Is(Cls::kWeekday) || !u[i].cap) return false;
  const int wd = u[i].lex->I(Cls::kWeekday);
  size_t k = i + 1;
  std::string pod;
  if (k < n_ && u[k].Is(Cls::kPartOfDay)) {
    pod = u[k].lex->S(Cls::kPartOfDay);
    ++k;
  }
  m->end = k;
  m->timex.type = pod.empty() ? "DATE" : "TIME";
  Ref ref = RelativeRef();
  if (!ref.known || ref.prec < 3) {
    auto fix = ctx_.weekday_fix.find(wd);
    if (fix != ctx_.weekday_fix.end()) {
      // The one year-less day of the undated document that falls on it.
      SetDay(fix->second, "none", m);
      if (!pod.empty()) {
        m->timex.type = "TIME";
        m->timex.value += "T" + pod;
      }
      return true;
    }
    if (!ctx_.has_dct) loose_weekdays_.insert(wd);
    char buf[32];
    std::snprintf(buf, sizeof buf, "XXXX-WXX-%d", wd);
    m->timex.value = std::string(buf) + (pod.empty() ? "" : "T" + pod);
    m->timex.anchor = "none";
    ++underspecified_;
    return true;
  }
  const int ref_wd = Weekday(ref.ymd.y, ref.ymd.m, ref.ymd.d);
  int delta;
  if (Tense(i, k) > 0) {
    // "will travel to Kyiv on Monday" in a Monday report is that day: news
    // names the day of writing by its weekday ("said on Monday"), and the
    // document date is often the day the text was seen, not written.
    delta = (wd - ref_wd + 7) % 7;
  } else {
    delta = -((ref_wd - wd + 7) % 7);
    if (ctx_.narrative && delta == 0) delta = 0;
  }
  Ymd d = AddDays(ref.ymd, delta);
  SetDay(d, ref.id, m);
  if (!pod.empty()) {
    m->timex.type = "TIME";
    m->timex.value += "T" + pod;
  }
  return true;
}

}  // namespace sitrep::timex
