#include "timex/tagger.h"

#include <algorithm>
#include <memory>
#include <set>
#include <string_view>
#include <vector>

#include "sitrep/data_path.h"
#include "timex/recognizer.h"
#include "timex/scanner.h"

namespace sitrep::timex {
namespace {

// What decides whether a dated document is a history narrative: how often it
// writes years (every occurrence counts, so one year cited three times weighs
// three times) and how often it talks about the days around its date.
struct DocCues {
  int years = 0;      // occurrences of explicit years
  int old_years = 0;  // of which more than two years before the DCT
  int news = 0;       // news cues outside quotations (see CountCues)
};

bool IsQuote(const Unit& x) {
  // '"', U+201C and U+201D.
  return x.IsPunct("\"") || x.IsPunct("\xE2\x80\x9C") || x.IsPunct("\xE2\x80\x9D");
}

// One scan of the whole text. A news cue is a word that places the report in
// the days around its date: "yesterday", "today", "tonight", "tomorrow",
// "this/last/next week|month|year|weekend" (not "the last week of August"),
// "ago", or a weekday not followed by its date ("on Tuesday", but not
// "Sunday, 7 December 1941"). Words inside quotation marks are what someone
// said, not how the document is told, and are not counted (a quotation mark
// left open closes at the end of its paragraph).
DocCues CountCues(std::string_view text, std::string_view lower, const Lexicon& lex, bool has_dct,
                  int dct_year) {
  DocCues c;
  std::vector<Unit> u;
  ScanUnits(text, lower, 0, static_cast<uint32_t>(text.size()), lex, &u);
  bool quoted = false;
  for (size_t i = 0; i < u.size(); ++i) {
    const Unit& x = u[i];
    if (x.newline_before) quoted = false;
    if (IsQuote(x)) {
      quoted = !quoted;
      continue;
    }
    if (x.kind == UnitKind::kNumber && x.ndigits == 4 && x.num >= 1000 && x.num <= 2199) {
      bool glued = i > 0 && !x.space_before &&
                   (u[i - 1].IsPunct(",") || u[i - 1].IsPunct(".") || u[i - 1].IsPunct("$"));
      if (i + 2 < u.size() && !u[i + 1].space_before && !u[i + 2].space_before &&
          (u[i + 1].IsPunct(",") || u[i + 1].IsPunct(".")) && u[i + 2].kind == UnitKind::kNumber) {
        glued = true;  // 1,500 or 2025.5
      }
      if (i + 1 < u.size() && u[i + 1].Is(Cls::kNotYearNext)) glued = true;  // "1500 troops"
      if (!glued) {
        ++c.years;
        if (has_dct && x.num < dct_year - 2) ++c.old_years;
      }
      continue;
    }
    if (quoted || x.kind != UnitKind::kWord) continue;
    if (x.Is(Cls::kDayRel) || x.IsWord("ago")) {
      ++c.news;
    } else if ((x.IsWord("this") || x.IsWord("last") || x.IsWord("next")) && i + 1 < u.size() &&
               (u[i + 1].IsWord("week") || u[i + 1].IsWord("month") || u[i + 1].IsWord("year") ||
                u[i + 1].IsWord("weekend")) &&
               !(i + 2 < u.size() && u[i + 2].IsWord("of"))) {
      ++c.news;
    } else if (x.Is(Cls::kWeekday) && x.cap) {
      size_t k = i + 1;
      if (k < u.size() && u[k].IsPunct(",")) ++k;
      if (k < u.size() && u[k].IsWord("the")) ++k;
      bool dated = k < u.size() && (u[k].kind == UnitKind::kNumber || u[k].Is(Cls::kMonth) ||
                                    u[k].Is(Cls::kMonthAbbr));
      if (!dated) ++c.news;
    }
  }
  return c;
}

// A history narrative, where year-less dates follow the story rather than the
// document date: at least 3 distinct explicit years and, with a DCT, 70 % of
// the year occurrences more than two years before it and hardly any news
// cues (fewer than one per ten old-year occurrences). An undated document
// with 3 years is read as a narrative. A news report that cites 1991 and
// 2014 as background talks about "Tuesday" and "last week" too, and stays
// news; its background passages are handled by the local anchoring of
// year-less dates (Recognizer::ResolveYearless).
bool LooksNarrative(const std::set<int>& years, const DocCues& c, bool has_dct) {
  if (years.size() < 3) return false;
  if (!has_dct) return true;
  if (c.old_years * 10 < c.years * 7) return false;
  return c.news * 10 <= c.old_years;
}

}  // namespace

StatusOr<std::unique_ptr<TimexTagger>> TimexTagger::Create(std::string lexicon_dir) {
  if (lexicon_dir.empty()) lexicon_dir = DataPath("lexicons");
  auto lex = Lexicon::Load(lexicon_dir);
  if (!lex.ok()) return lex.status();
  return std::make_unique<TimexTagger>(std::move(*lex));
}

Status TimexTagger::Annotate(Document* doc, const AnnotateOptions& options) const {
  std::string dct = !options.dct.empty() ? options.dct : doc->published.date;
  Tag(doc, dct);
  return Status::OK();
}

void TimexTagger::Tag(Document* doc, std::string_view dct_text) const {
  doc->timexes.clear();
  const std::string& text = doc->text;
  DocContext ctx;
  Ymd dct;
  if (!dct_text.empty()) {
    if (ParseIsoPrefix(std::string(dct_text), &dct) && dct.m > 0 && dct.d > 0) {
      ctx.has_dct = true;
      ctx.dct = dct;
    } else {
      doc->AddProblem("timex", "document date '" + std::string(dct_text) +
                                   "' is not a full YYYY-MM-DD date; relative dates left "
                                   "underspecified");
    }
  }
  ctx.years = ExplicitYears(text);

  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  if (ctx.years.size() >= 3) {
    const DocCues cues = CountCues(text, lower, *lexicon_, ctx.has_dct, ctx.dct.y);
    ctx.narrative = LooksNarrative(ctx.years, cues, ctx.has_dct);
  }
  std::vector<Unit> units;
  auto pass = [&](Recognizer& rec) {
    int next_id = 1;
    auto run = [&](uint32_t b, uint32_t e) {
      units.clear();
      ScanUnits(text, lower, b, e, *lexicon_, &units);
      rec.Recognize(units, &doc->timexes, &next_id);
    };
    if (doc->sentences.empty()) {
      run(0, static_cast<uint32_t>(text.size()));
    } else {
      for (const Sentence& s : doc->sentences) {
        if (s.start < s.end && s.end <= text.size()) run(s.start, s.end);
      }
    }
  };
  auto rec = std::make_unique<Recognizer>(*lexicon_, text, ctx);
  pass(*rec);
  // An undated document naming a weekday and a year-less day: when they
  // agree on one year, tag again with that reading (rare, so a second pass
  // costs little and keeps the narrative anchors consistent).
  if (PairWeekdaysWithDates(rec->loose_weekdays(), rec->yearless_days(), &ctx)) {
    doc->timexes.clear();
    rec = std::make_unique<Recognizer>(*lexicon_, text, ctx);
    pass(*rec);
  }
  for (const Timex& t : doc->timexes) {
    if (t.flagged) {
      doc->AddProblem("timex", "'" + t.text + "' (" + t.id +
                                   "): impossible date or weekday contradicting the date");
    }
  }
  if (rec->underspecified() > 0 && !ctx.has_dct) {
    doc->AddProblem("timex", "document date unknown: " + std::to_string(rec->underspecified()) +
                                 " relative expressions left underspecified (XXXX)");
  }
}

}  // namespace sitrep::timex
