#include "timex/tagger.h"

#include <algorithm>
#include <memory>

#include "sitrep/data_path.h"
#include "timex/recognizer.h"
#include "timex/scanner.h"

namespace sitrep::timex {
namespace {

// True when most explicit years lie well before the document date: a history
// narrative, where year-less dates follow the story rather than the DCT.
bool LooksNarrative(const std::set<int>& years, bool has_dct, int dct_year) {
  if (years.size() < 3) return false;
  if (!has_dct) return true;
  size_t old = 0;
  for (int y : years) old += y < dct_year - 2;
  return old * 10 >= years.size() * 7;
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
  ctx.narrative = LooksNarrative(ctx.years, ctx.has_dct, ctx.dct.y);

  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
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
