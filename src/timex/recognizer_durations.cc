// Durations (three days, a three-day visit, more than four decades, the past
// year), sets (every year, weekly, twice a week) and clock times with zones
// (2100 GMT on May 7, 5 a.m. Kyiv time).
#include <cstdio>

#include "timex/recognizer.h"
#include "timex/recognizer_internal.h"

namespace sitrep::timex {
namespace {

bool IsPlural(const Unit& x) { return x.lower.size() > 2 && x.lower.back() == 's'; }

// Last Sunday of a month, as a day of the month.
int LastSunday(int y, int m) {
  int d = DaysInMonth(y, m);
  return d - (Weekday(y, m, d) % 7);
}

// Daylight saving time for a zone rule ("EU", "US") on a date.
bool InDst(const std::string& rule, const Ymd& d) {
  if (rule == "EU") {
    if (d.m < 3 || d.m > 10) return false;
    if (d.m > 3 && d.m < 10) return true;
    int ls = LastSunday(d.y, d.m);
    return d.m == 3 ? d.d >= ls : d.d < ls;
  }
  if (rule == "US") {
    if (d.m < 3 || d.m > 11) return false;
    if (d.m > 3 && d.m < 11) return true;
    int first_sunday = 1 + (7 - Weekday(d.y, d.m, 1)) % 7;
    return d.m == 3 ? d.d >= first_sunday + 7 : d.d < first_sunday;
  }
  return false;
}

std::string ZoneSuffix(const std::string& zone, const Ymd& date, bool date_known) {
  if (zone.empty() || zone == "LOCAL") return "";
  std::string rule, off = zone;
  if (zone.size() > 6 && (zone[0] == 'E' || zone[0] == 'U')) {
    rule = zone.substr(0, 2);
    off = zone.substr(2);
  }
  int sign = off[0] == '-' ? -1 : 1;
  int hh = (off[1] - '0') * 10 + (off[2] - '0');
  int mm = (off[4] - '0') * 10 + (off[5] - '0');
  int minutes = sign * (hh * 60 + mm);
  if (!rule.empty() && date_known && InDst(rule, date)) minutes += 60;
  if (minutes == 0) return "Z";
  char buf[16];
  int a = minutes < 0 ? -minutes : minutes;
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", minutes < 0 ? '-' : '+', a / 60, a % 60);
  return buf;
}

}  // namespace

bool Recognizer::MatchDuration(size_t i, Match* m) {
  const auto& u = *u_;
  size_t j = i;
  std::string mod;
  const LexEntry* e = nullptr;
  bool the_past = false;
  if (size_t km = ReadPhrase(j, Cls::kDurMod, &e)) {
    mod = e->S(Cls::kDurMod);
    j = km;
  }
  if (j >= n_) return false;  // a modifier at the very end ("for over")
  if (mod.empty() && u[j].IsWord("the") && j + 1 < n_ &&
      (u[j + 1].IsWord("past") || u[j + 1].IsWord("last") || u[j + 1].IsWord("next") ||
       u[j + 1].IsWord("coming") || u[j + 1].IsWord("first") || u[j + 1].IsWord("final") ||
       u[j + 1].IsWord("previous") || u[j + 1].IsWord("recent"))) {
    the_past = true;
    j += 2;
  } else if (mod.empty() && (u[j].IsWord("recent") || u[j].IsWord("coming")) && j + 1 < n_ &&
             u[j + 1].Is(Cls::kUnit) && IsPlural(u[j + 1])) {
    // recent years, coming weeks
    std::string unit = u[j + 1].lex->S(Cls::kUnit);
    m->end = j + 2;
    m->timex.type = "DURATION";
    m->timex.value = DurationValue(-1, unit);
    m->timex.anchor = "none";
    return true;
  }
  // "the past" ending the text: nothing left to measure.
  if (j >= n_) return false;
  int n = 0;
  // week-long, year-long: one unit
  if (mod.empty() && !the_past && u[j].Is(Cls::kUnit) && !IsPlural(u[j]) && j + 2 < n_ &&
      u[j + 1].IsDash() && !u[j + 1].space_before && u[j + 2].IsWord("long") &&
      !u[j + 2].space_before) {
    m->end = j + 3;
    m->timex.type = "DURATION";
    m->timex.value = DurationValue(1, u[j].lex->S(Cls::kUnit));
    m->timex.anchor = "none";
    return true;
  }
  size_t k = ReadNumber(j, &n, true);
  // half a century, half an hour
  if (!k && u[j].IsWord("half") && j + 2 < n_ && (u[j + 1].IsWord("a") || u[j + 1].IsWord("an")) &&
      u[j + 2].Is(Cls::kUnit)) {
    std::string unit = u[j + 2].lex->S(Cls::kUnit);
    std::string v = unit == "CE"   ? "P50Y"
                    : unit == "DE" ? "P5Y"
                    : unit == "Y"  ? "P6M"
                    : unit == "H"  ? "PT30M"
                    : unit == "D"  ? "PT12H"
                                   : "";
    if (v.empty()) return false;
    m->end = j + 3;
    m->timex.type = "DURATION";
    m->timex.value = v;
    m->timex.mod = mod;
    m->timex.anchor = "none";
    return true;
  }
  if (!k && the_past && j < n_ && u[j].Is(Cls::kUnit) && !IsPlural(u[j])) {
    // the past year, the next month: one unit
    n = 1;
    k = j;
  }
  if (!k && j < n_ && u[j].Is(Cls::kUnit) && IsPlural(u[j]) &&
      (the_past || !mod.empty() ||
       (i > 0 && (u[i - 1].IsWord("for") || u[i - 1].IsWord("over") || u[i - 1].IsWord("within") ||
                  u[i - 1].IsWord("after") || u[i - 1].IsWord("in"))) ||
       u[j].lower == "decades" || u[j].lower == "centuries")) {
    // for years, over decades, the past weeks
    n = -1;
    k = j;
  }
  if (!k || k >= n_) return false;
  // three-day, 30-day, two-year-old
  bool adjectival = false;
  size_t ku = k;
  if (u[k].IsDash() && !u[k].space_before && k + 1 < n_ && !u[k + 1].space_before &&
      u[k + 1].Is(Cls::kUnit)) {
    adjectival = true;
    ku = k + 1;
  }
  if (!u[ku].Is(Cls::kUnit)) return false;
  std::string unit = u[ku].lex->S(Cls::kUnit);
  if (unit == "S" && u[ku].lower == "second" && !adjectival) return false;
  if (n == 1 && IsPlural(u[ku]) && u[j].kind == UnitKind::kWord && unit != "S") return false;
  if (n > 1 && !adjectival && !IsPlural(u[ku]) && unit != "TM" && unit != "H") return false;
  size_t end = ku + 1;
  // N and a half years
  if (n > 0 && end + 2 < n_ && u[end].IsWord("and") && u[end + 1].IsWord("a") &&
      u[end + 2].IsWord("half")) {
    end += 3;
    m->end = end;
    m->timex.type = "DURATION";
    m->timex.value = unit == "Y"   ? "P" + std::to_string(n * 12 + 6) + "M"
                     : unit == "H" ? "PT" + std::to_string(n * 60 + 30) + "M"
                                   : DurationValue(n, unit);
    m->timex.mod = mod;
    m->timex.anchor = "none";
    return true;
  }
  if (adjectival && end + 1 < n_ && u[end].IsDash() && !u[end].space_before &&
      (u[end + 1].IsWord("long") || u[end + 1].IsWord("old"))) {
    end += 2;
  }
  if (!adjectival && end + 1 < n_ && u[end].IsDash() && !u[end].space_before &&
      u[end + 1].IsWord("long")) {
    end += 2;  // decades-long
  }
  // "three days ago/later" belong to the date patterns.
  if (end < n_ && (u[end].IsWord("ago") || u[end].IsWord("later") || u[end].IsWord("earlier"))) {
    return false;
  }
  m->end = end;
  m->timex.type = "DURATION";
  m->timex.value = DurationValue(n, unit);
  if (unit == "WE") m->timex.value = n < 0 ? "PXWE" : "P" + std::to_string(n) + "WE";
  m->timex.mod = mod;
  m->timex.anchor = "none";
  return true;
}

bool Recognizer::MatchSet(size_t i, Match* m) {
  const auto& u = *u_;
  m->timex.type = "SET";
  m->timex.anchor = "none";
  if (u[i].Is(Cls::kSet)) {
    m->end = i + 1;
    m->timex.value = u[i].lex->S(Cls::kSet);
    return true;
  }
  // every year, each Monday, every two weeks, every other day
  if ((u[i].IsWord("every") || u[i].IsWord("each")) && i + 1 < n_) {
    size_t k = i + 1;
    int n = 1;
    if (u[k].IsWord("other")) {
      n = 2;
      ++k;
    } else if (size_t kn = ReadNumber(k, &n, false)) {
      if (n < 1) return false;
      k = kn;
    }
    if (k >= n_) return false;
    if (u[k].Is(Cls::kUnit)) {
      if (u[i].IsWord("each") && n == 1 && !(i + 1 < n_ && u[i + 1].IsWord("other")) &&
          (k + 1 < n_ && (u[k + 1].IsWord("of") || u[k + 1].IsWord("that")))) {
        return false;  // "each day of the war"
      }
      m->end = k + 1;
      m->timex.value = DurationValue(n, u[k].lex->S(Cls::kUnit));
      return true;
    }
    if (u[k].Is(Cls::kWeekday) && u[k].cap) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "XXXX-WXX-%d", u[k].lex->I(Cls::kWeekday));
      m->end = k + 1;
      m->timex.value = buf;
      return true;
    }
    if (u[k].Is(Cls::kPartOfDay)) {
      m->end = k + 1;
      m->timex.value = "XXXX-XX-XXT" + u[k].lex->S(Cls::kPartOfDay);
      return true;
    }
    return false;
  }
  // twice a week, three times a year, once per month
  size_t k = 0;
  int n = 0;
  if (u[i].IsWord("once") || u[i].IsWord("twice") || u[i].IsWord("thrice")) {
    k = i + 1;
  } else if (size_t kn = ReadNumber(i, &n, false); kn && kn < n_ && u[kn].IsWord("times")) {
    k = kn + 1;
  } else if (u[i].IsWord("per") && i + 1 < n_ && u[i + 1].Is(Cls::kUnit) && !IsPlural(u[i + 1])) {
    m->end = i + 2;
    m->timex.value = DurationValue(1, u[i + 1].lex->S(Cls::kUnit));
    return true;
  }
  if (!k || k + 1 >= n_) return false;
  if (!(u[k].IsWord("a") || u[k].IsWord("an") || u[k].IsWord("per") || u[k].IsWord("each") ||
        u[k].IsWord("every"))) {
    return false;
  }
  if (!u[k + 1].Is(Cls::kUnit) || IsPlural(u[k + 1])) return false;
  m->end = k + 2;
  m->timex.value = DurationValue(1, u[k + 1].lex->S(Cls::kUnit));
  return true;
}

bool Recognizer::MatchTime(size_t i, Match* m) {
  const auto& u = *u_;
  int hour = -1, minute = 0;
  size_t k = i;
  bool need_zone = false;
  if (u[i].IsWord("noon") || u[i].IsWord("midday")) {
    hour = 12;
    k = i + 1;
  } else if (u[i].IsWord("midnight")) {
    hour = 0;
    k = i + 1;
  } else if (u[i].kind == UnitKind::kNumber) {
    if (i > 0 && !u[i].space_before &&
        (u[i - 1].kind == UnitKind::kNumber || u[i - 1].IsPunct(".") || u[i - 1].IsPunct(",") ||
         u[i - 1].IsPunct(":") || u[i - 1].IsDash())) {
      return false;
    }
    if (u[i].ndigits <= 2 && i + 2 < n_ && u[i + 1].IsPunct(":") && !u[i + 1].space_before &&
        u[i + 2].kind == UnitKind::kNumber && u[i + 2].ndigits == 2 && !u[i + 2].space_before) {
      hour = static_cast<int>(u[i].num);
      minute = static_cast<int>(u[i + 2].num);
      k = i + 3;
      if (k < n_ && !u[k].space_before && (u[k].IsPunct(":") || u[k].IsPunct("."))) {
        if (k + 1 < n_ && u[k + 1].kind == UnitKind::kNumber && !u[k + 1].space_before) {
          return false;  // 10:30:15 or a score/ratio list
        }
      }
    } else if (u[i].ndigits == 4 && u[i].num % 100 < 60 && u[i].num / 100 < 24) {
      hour = static_cast<int>(u[i].num / 100);
      minute = static_cast<int>(u[i].num % 100);
      k = i + 1;
      need_zone = true;
    } else if (u[i].ndigits <= 2 && u[i].num <= 12) {
      hour = static_cast<int>(u[i].num);
      k = i + 1;
      need_zone = true;  // needs a.m./p.m. or o'clock
    } else {
      return false;
    }
    if (hour > 23 || minute > 59) return false;
  } else {
    return false;
  }
  // a.m. / p.m. / am / pm
  bool ampm = false;
  if (k < n_ && (u[k].IsWord("a") || u[k].IsWord("p")) && k + 2 < n_ && u[k + 1].IsPunct(".") &&
      !u[k + 1].space_before && u[k + 2].IsWord("m") && !u[k + 2].space_before) {
    bool pm = u[k].IsWord("p");
    k += 3;
    if (k < n_ && u[k].IsPunct(".") && !u[k].space_before) ++k;
    ampm = true;
    if (hour > 12) return false;
    if (pm && hour < 12) hour += 12;
    if (!pm && hour == 12) hour = 0;
  } else if (k < n_ && (u[k].IsWord("am") || u[k].IsWord("pm")) && u[i].kind == UnitKind::kNumber) {
    bool pm = u[k].IsWord("pm");
    ++k;
    ampm = true;
    if (hour > 12) return false;
    if (pm && hour < 12) hour += 12;
    if (!pm && hour == 12) hour = 0;
  } else if (k + 2 < n_ && u[k].IsWord("o") && u[k + 1].IsPunct("'") && u[k + 2].IsWord("clock")) {
    k += 3;
    ampm = true;
  }
  std::string zone;
  const LexEntry* e = nullptr;
  if (size_t kz = ReadPhrase(k, Cls::kZone, &e)) {
    // "z" alone only glued to the digits (2100Z)
    if (!(u[k].IsWord("z") && u[k].space_before) &&
        (u[k].kind != UnitKind::kWord || u[k].cap || kz > k + 1 || u[k].IsWord("local"))) {
      zone = e->S(Cls::kZone);
      k = kz;
    }
  } else if (k + 1 < n_ && (u[k].IsWord("hours") || u[k].IsWord("hrs")) && u[i].ndigits == 4) {
    k += 1;
    zone = "LOCAL";
  }
  if (need_zone && !ampm && zone.empty()) return false;
  // The day it is on: "2100 GMT on May 7", "5 p.m. Friday", "noon yesterday"
  Match day;
  size_t kd = k;
  if (kd < n_ && u[kd].IsPunct(",")) ++kd;
  if (kd < n_ && u[kd].IsWord("on")) ++kd;
  bool have_day = false;
  if (kd < n_ && kd > k - 0) {
    Match t;
    if ((MatchCalendarDate(kd, &t) || MatchWeekday(kd, &t) || MatchRelative(kd, &t)) &&
        t.prec == 3 && t.timex.type == "DATE") {
      day = t;
      have_day = true;
      k = t.end;
    }
  }
  Ref ref = RelativeRef();
  Ymd date;
  std::string date_value;
  if (have_day) {
    date = day.point;
    date_value = day.timex.value;
    m->timex.anchor = day.timex.anchor;
    m->point = day.point;
    m->prec = 3;
  } else if (ref.known && ref.prec == 3) {
    date = ref.ymd;
    date_value = FormatYmd(ref.ymd);
    m->timex.anchor = ref.id;
  } else {
    date_value = "XXXX-XX-XX";
    m->timex.anchor = "none";
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "T%02d:%02d", hour, minute);
  m->end = k;
  m->timex.type = "TIME";
  m->timex.value =
      date_value + buf + ZoneSuffix(zone, date, have_day || (ref.known && ref.prec == 3));
  return true;
}

}  // namespace sitrep::timex
