#include "timex/recognizer.h"

#include <algorithm>
#include <cstdio>

#include "timex/recognizer_internal.h"

namespace sitrep::timex {
namespace {
// Days a year-less date may lie on the wrong side of the document date in a
// clause whose verb group states its tense (see ResolveYearless). Wider for
// the future: a document date is when the text was seen (GDELT), often days
// after it was written, and a quoted "we will defend our land on February
// 16" may be older still; a past event is never later than the writing.
constexpr int64_t kStrongPastSlack = 2;
constexpr int64_t kStrongFutureSlack = 14;
}  // namespace

std::string DurationValue(int n, const std::string& unit) {
  std::string num = n < 0 ? "X" : std::to_string(n);
  if (unit == "H") return "PT" + num + "H";
  if (unit == "TM") return "PT" + num + "M";
  if (unit == "S") return "PT" + num + "S";
  if (unit == "QU") return n < 0 ? "PXQ" : "P" + std::to_string(3 * n) + "M";
  if (unit == "ML") return n < 0 ? "PXML" : "P" + std::to_string(n) + "ML";
  return "P" + num + unit;
}

std::string PeriodValue(const Ymd& d, const std::string& unit) {
  char buf[32];
  if (unit == "D" || unit == "H" || unit == "TM" || unit == "S") return FormatYmd(d);
  if (unit == "W" || unit == "WE") {
    int wy = 0, wk = 0;
    IsoWeek(d, &wy, &wk);
    return FormatWeek(wy, wk) + (unit == "WE" ? "-WE" : "");
  }
  if (unit == "M") return FormatYm(d.y, d.m);
  if (unit == "QU") {
    std::snprintf(buf, sizeof buf, "%04d-Q%d", d.y, (d.m - 1) / 3 + 1);
    return buf;
  }
  if (unit == "DE") {
    std::snprintf(buf, sizeof buf, "%03d", d.y / 10);
    return buf;
  }
  if (unit == "CE") {
    std::snprintf(buf, sizeof buf, "%02d", d.y / 100);
    return buf;
  }
  return FormatYear(d.y);
}

Ymd ShiftBy(const Ymd& d, const std::string& unit, int n) {
  if (unit == "D") return AddDays(d, n);
  if (unit == "W" || unit == "WE") return AddDays(d, 7 * n);
  if (unit == "M") return AddMonths(d, n);
  if (unit == "QU") return AddMonths(d, 3 * n);
  if (unit == "Y") return AddMonths(d, 12 * n);
  if (unit == "DE") return AddMonths(d, 120 * n);
  if (unit == "CE") return AddMonths(d, 1200 * n);
  return d;
}

int UnitPrecision(const std::string& unit) {
  if (unit == "D" || unit == "H" || unit == "TM" || unit == "S") return 3;
  if (unit == "M") return 2;
  if (unit == "Y") return 1;
  return 0;
}

std::set<int> ExplicitYears(std::string_view t) {
  std::set<int> years;
  size_t i = 0;
  while (i < t.size()) {
    if (t[i] < '0' || t[i] > '9') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < t.size() && t[j] >= '0' && t[j] <= '9') ++j;
    bool glued = (i > 0 && (t[i - 1] == ',' || t[i - 1] == '.' || t[i - 1] == '$')) ||
                 (j < t.size() && (t[j] == ',' || t[j] == '.') && j + 1 < t.size() &&
                  t[j + 1] >= '0' && t[j + 1] <= '9');
    if (j - i == 4 && !glued) {
      int y =
          (t[i] - '0') * 1000 + (t[i + 1] - '0') * 100 + (t[i + 2] - '0') * 10 + (t[i + 3] - '0');
      if (y >= 1000 && y <= 2199) years.insert(y);
    }
    i = j;
  }
  return years;
}

bool PairWeekdaysWithDates(const std::set<int>& weekdays, const std::set<int>& days,
                           DocContext* ctx) {
  if (ctx->has_dct || weekdays.empty() || days.empty() || ctx->years.empty()) return false;
  // The latest year written bounds the date of writing from below; a
  // year-less day in news is of that year, the one before or the one after
  // (the current year is often not written at all).
  const int latest = *ctx->years.rbegin();
  std::map<int, std::vector<int>> days_of_weekday;
  for (int md : days) {
    const int month = md / 100, day = md % 100;
    int year = 0, weekday = 0, readings = 0;
    for (int y = latest - 1; y <= latest + 1; ++y) {
      if (!IsValidDate(y, month, day)) continue;
      int wd = Weekday(y, month, day);
      if (weekdays.count(wd)) {
        year = y;
        weekday = wd;
        ++readings;
      }
    }
    if (readings != 1) continue;  // no agreement, or more than one: leave it
    ctx->yearless_fix[md] = year;
    days_of_weekday[weekday].push_back(md);
  }
  for (const auto& [wd, mds] : days_of_weekday) {
    if (mds.size() != 1) continue;  // two Thursdays: which one is meant?
    ctx->weekday_fix[wd] = Ymd{ctx->yearless_fix[mds[0]], mds[0] / 100, mds[0] % 100};
  }
  return !ctx->yearless_fix.empty();
}

Recognizer::Recognizer(const Lexicon& lexicon, std::string_view text, const DocContext& ctx)
    : lex_(lexicon), text_(text), ctx_(ctx) {}

Recognizer::Ref Recognizer::DctRef() const {
  Ref r;
  if (!ctx_.has_dct) {
    r.id = "none";
    return r;
  }
  r.known = true;
  r.ymd = ctx_.dct;
  r.prec = 3;
  r.id = "dct";
  return r;
}

Recognizer::Ref Recognizer::NarrativeRef() const {
  if (last_.known) return last_;
  return DctRef();
}

Recognizer::Ref Recognizer::LocalAnchor(size_t b, size_t e) const {
  const auto& u = *u_;
  if (!local_.known || local_sentence_ != sentence_ || b < local_unit_end_) return Ref();
  if (u[b].start - u[local_unit_end_ - 1].end > 200) return Ref();
  // Within one sentence also when the text was not split into sentences: no
  // line break, and no full stop before a capital, in between.
  for (size_t k = local_unit_end_; k <= b; ++k) {
    if (u[k].newline_before) return Ref();
    if (k < b && (u[k].IsPunct(".") || u[k].IsPunct("!") || u[k].IsPunct("?")) && u[k + 1].cap) {
      return Ref();
    }
  }
  // "since January 1": from then until now, the document's time.
  if (b > 0 && u[b - 1].IsWord("since")) return Ref();
  // "June in 2017": the year after it is its own.
  if (e + 1 < n_ && (u[e].IsWord("in") || u[e].IsWord("of") || u[e].IsPunct(",")) &&
      u[e + 1].kind == UnitKind::kNumber && u[e + 1].ndigits == 4) {
    return Ref();
  }
  // "Putin will not be invited to the anniversary of the 1944 landings in
  // June": a sentence that looks ahead takes its dates from now.
  if (Tense(b, e) > 0) return Ref();
  for (size_t k = 0; k < b; ++k) {
    if (u[k].Is(Cls::kFutureCue)) return Ref();
  }
  // A bare year gives its year only within its clause: "the annexation in
  // 2014 and the invasion that began in February" are two events.
  if (local_.prec < 2) {
    for (size_t k = local_unit_end_; k < b; ++k) {
      const Unit& x = u[k];
      if (x.IsPunct(";") || x.IsPunct(":") || x.IsWord("and") || x.IsWord("but") ||
          x.IsWord("while") || x.IsWord("whereas") || x.IsWord("although") || x.IsWord("though")) {
        return Ref();
      }
    }
  }
  return local_;
}

bool Recognizer::WritesYear(const Match& m) const {
  const auto& u = *u_;
  const Timex& t = m.timex;
  if (m.local) return true;
  if (m.prec < 1 || t.anchor != "none" || (t.type != "DATE" && t.type != "TIME")) return false;
  if (t.value.size() < 4 || !std::all_of(t.value.begin(), t.value.begin() + 4,
                                         [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  // "since 2014", "since the 2014 annexation": the start of what still goes on.
  for (size_t k = m.begin; k > 0 && k + 2 >= m.begin; --k) {
    if (u[k - 1].IsWord("since")) return false;
  }
  for (size_t k = m.begin; k < m.end; ++k) {
    if (u[k].kind == UnitKind::kNumber && u[k].ndigits == 4) return true;
  }
  return false;
}

void Recognizer::SetDay(const Ymd& d, const std::string& anchor, Match* m) const {
  m->timex.type = "DATE";
  m->timex.value = FormatYmd(d);
  m->timex.anchor = anchor;
  m->point = d;
  m->prec = 3;
}

void Recognizer::ResolveYearless(int month, int day, int weekday, size_t b, size_t e, Match* m) {
  Ref ref = RelativeRef();
  const bool has_day = day > 0;
  auto fmt = [&](int y) { return has_day ? FormatYmd({y, month, day}) : FormatYm(y, month); };
  m->timex.type = "DATE";
  if (!ctx_.has_dct && has_day && weekday == 0) {
    auto fix = ctx_.yearless_fix.find(month * 100 + day);
    if (fix != ctx_.yearless_fix.end()) {
      // A weekday elsewhere in the undated document fixed the year.
      m->timex.value = fmt(fix->second);
      m->timex.anchor = "none";
      m->point = {fix->second, month, day};
      m->prec = 3;
      return;
    }
    if (IsValidDate(2000, month, day)) yearless_days_.insert(month * 100 + day);
  }
  std::vector<int> candidates;
  int chosen = 0;
  // News: a year written close before ("Russia annexed Crimea in March 2014
  // and in April ...") gives its year, or the next/previous one when that
  // puts the date within two months of it ("December 29, 2022 ... January
  // 1"). Otherwise the document date, with tense.
  const Ref local = ctx_.narrative ? Ref() : LocalAnchor(b, e);
  if (local.known) {
    ref = local;
    m->local = true;
  }
  if (ref.known) {
    int y = ref.ymd.y;
    if (local.known) {
      chosen = y;
      if (ref.prec >= 2) {
        const int diff = month - ref.ymd.m;
        if (diff > 3 && diff - 12 >= -2) chosen = y - 1;
        if (diff < -3 && diff + 12 <= 2) chosen = y + 1;
      }
    } else if (ctx_.narrative) {
      chosen = y;
      // The year of the story so far; whether a month before the anchor's
      // starts the next year is not decidable from dates alone (measured on
      // WikiWars: rolling over loses more than it wins).
    } else {
      // A past event cannot lie ahead of the document date, nor a future
      // one behind it: with an explicit verb group ("was killed on July
      // 10", "will be held on July 10") the date moves to the other year
      // once it is more than a few days on the wrong side (time zones, a
      // document date a day off; see kStrongFutureSlack). The default
      // reading (no verb group, a reporting verb, a target date) keeps a
      // wide tolerance.
      const TenseRead tense = ReadTense(b, e);
      const int64_t dct = DaysFromCivil(ref.ymd);
      const int64_t first =
          DaysFromCivil(y, month, has_day ? std::min(day, DaysInMonth(y, month)) : 1);
      const int64_t last = has_day ? first : DaysFromCivil(y, month, DaysInMonth(y, month));
      chosen = y;
      if (tense.dir < 0 && first - dct > (tense.strong ? kStrongPastSlack : 62)) chosen = y - 1;
      if (tense.dir > 0) {
        if (tense.strong ? dct - last > kStrongFutureSlack
                         : dct - first > 31 + (has_day ? 0 : 31)) {
          chosen = y + 1;
        }
      }
    }
    candidates = {chosen, chosen - 1, chosen + 1};
  } else {
    for (int y : ctx_.years) candidates.push_back(y);
  }
  if (weekday > 0 && has_day) {
    // The weekday fixes the year among those the document allows.
    int fixed = 0;
    std::vector<int> pool = candidates;
    if (ref.known) {
      for (int y : ctx_.years) {
        if (std::abs(y - chosen) <= 1) pool.push_back(y);
      }
    }
    for (int y : pool) {
      if (IsValidDate(y, month, day) && Weekday(y, month, day) == weekday) {
        fixed = y;
        break;
      }
    }
    if (fixed != 0) {
      m->timex.value = fmt(fixed);
      m->timex.anchor = ref.known ? ref.id : "none";
      m->point = {fixed, month, day};
      m->prec = 3;
      return;
    }
    m->timex.flagged = true;
  }
  if (ref.known) {
    if (has_day && !IsValidDate(chosen, month, day)) m->timex.flagged = true;
    m->timex.value = fmt(chosen);
    m->timex.anchor = ref.id;
    m->point = {chosen, month, has_day ? day : 1};
    m->prec = has_day ? 3 : 2;
    return;
  }
  char buf[32];
  if (has_day) {
    std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", month, day);
  } else {
    std::snprintf(buf, sizeof buf, "XXXX-%02d", month);
  }
  m->timex.value = buf;
  m->timex.anchor = "none";
  ++underspecified_;
}

void Recognizer::Recognize(const std::vector<Unit>& units, std::vector<Timex>* out, int* next_id) {
  u_ = &units;
  n_ = units.size();
  ++sentence_;
  size_t first_new = out->size();
  size_t i = 0;
  while (i < n_) {
    Match best;
    if (!MatchAt(i, &best) || best.end <= i) {
      ++i;
      continue;
    }
    Timex& t = best.timex;
    t.start = units[best.begin].start;
    t.end = units[best.end - 1].end;
    t.text = std::string(text_.substr(t.start, t.end - t.start));
    t.id = "t" + std::to_string((*next_id)++);
    if (best.prec > 0 && (t.type == "DATE" || t.type == "TIME")) {
      last_.known = true;
      last_.ymd = best.point;
      last_.prec = best.prec;
      last_.id = t.id;
    }
    if (WritesYear(best)) {
      local_ = {true, best.point, best.prec, t.id};
      local_sentence_ = sentence_;
      local_unit_end_ = best.end;
    }
    out->push_back(std::move(t));
    i = best.end;
  }
  // "from 2022 to 2024", "between May 8 and May 10": two expressions, one range.
  for (size_t k = first_new; k + 1 < out->size(); ++k) {
    Timex& a = (*out)[k];
    const Timex& b = (*out)[k + 1];
    if (a.type != "DATE" || b.type != "DATE" || !a.range_begin.empty()) continue;
    std::string_view gap = text_.substr(a.end, b.start - a.end);
    std::string_view before =
        text_.substr(a.start >= 9 ? a.start - 9 : 0, a.start >= 9 ? 9 : a.start);
    bool from = before.find("from ") != std::string_view::npos ||
                before.find("between ") != std::string_view::npos;
    bool joint = gap == " to " || gap == " until " || gap == " through " || gap == " and " ||
                 gap == "-" || gap == "\xE2\x80\x93" || gap == " \xE2\x80\x93 " || gap == " - ";
    // "set to begin on May 8 and concluding on May 10", "starting June 1
    // and ending June 3": a start and an end told as such are one range.
    std::string_view lead =
        text_.substr(a.start >= 16 ? a.start - 16 : 0, a.start >= 16 ? 16 : a.start);
    bool begins = lead.find("begin") != std::string_view::npos ||
                  lead.find("start") != std::string_view::npos;
    bool ends = false;
    for (std::string_view e : {" and ending ", " and ends ", " and concluding ", " and concludes ",
                               " and lasting until ", " and running until "}) {
      if (gap == e || (gap.size() == e.size() + 3 && gap.substr(0, e.size()) == e &&
                       gap.substr(e.size()) == "on ")) {
        ends = true;
      }
    }
    if ((joint && (from || gap.size() <= 5)) || (begins && ends)) {
      a.range_begin = a.value;
      a.range_end = b.value;
    }
  }
}

bool Recognizer::MatchAt(size_t i, Match* best) {
  const Unit& x = (*u_)[i];
  if (x.kind == UnitKind::kPunct && !x.IsPunct("'")) return false;
  // Most words cannot start an expression: skip them before trying patterns.
  constexpr uint32_t kCues =
      (1u << static_cast<int>(Cls::kFutureCue)) | (1u << static_cast<int>(Cls::kPastCue)) |
      (1u << static_cast<int>(Cls::kYearCue)) | (1u << static_cast<int>(Cls::kNotYearNext)) |
      (1u << static_cast<int>(Cls::kZone)) | (1u << static_cast<int>(Cls::kVerb));
  if (x.kind == UnitKind::kWord && (x.lex == nullptr || (x.lex->mask & ~kCues) == 0)) {
    return false;
  }
  bool found = false;
  auto consider = [&](bool ok, Match& m) {
    if (ok && m.end > i && (!found || m.end > best->end)) {
      m.begin = i;
      *best = std::move(m);
      found = true;
    }
  };
  using Fn = bool (Recognizer::*)(size_t, Match*);
  static constexpr Fn kPatterns[] = {
      &Recognizer::MatchTime,     &Recognizer::MatchCalendarDate, &Recognizer::MatchNumericDate,
      &Recognizer::MatchModified, &Recognizer::MatchYearLike,     &Recognizer::MatchSeason,
      &Recognizer::MatchRelative, &Recognizer::MatchNarrative,    &Recognizer::MatchDuration,
      &Recognizer::MatchSet,      &Recognizer::MatchNamed,        &Recognizer::MatchRef,
      &Recognizer::MatchWeekday,  &Recognizer::MatchDayOfMonth,
  };
  Match m;
  for (Fn fn : kPatterns) {
    bool ok = (this->*fn)(i, &m);
    consider(ok, m);
    if (ok) m = Match();  // a failed pattern may leave fields set: start clean
    m.end = 0;
    m.timex.type.clear();
    m.timex.value.clear();
    m.timex.mod.clear();
    m.timex.range_begin.clear();
    m.timex.range_end.clear();
    m.timex.anchor = "dct";
    m.timex.flagged = false;
    m.prec = 0;
    m.local = false;
  }
  return found;
}

}  // namespace sitrep::timex
