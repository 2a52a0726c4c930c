#include "report/doc_dates.h"

#include <algorithm>
#include <cstdlib>

namespace sitrep::report {
namespace {

// Index of the sentence holding byte `pos`, or -1.
int SentenceAt(const Document& doc, uint32_t pos) {
  auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), pos,
                             [](uint32_t p, const Sentence& s) { return p < s.start; });
  if (it == doc.sentences.begin()) return -1;
  --it;
  return pos < it->end ? static_cast<int>(it - doc.sentences.begin()) : -1;
}

// A date resolved against an earlier expression of the narrative ("April
// 28" after "April 26, 2025", "the beginning of October" after "the winter
// of 2025") has a safe year only close to that expression: far from it, the
// story may have moved to another year, and a lower bound on the publication
// date must not rest on a guess.
bool NearItsAnchor(const Document& doc, const Timex& t, const TimeValue& v) {
  const Timex* a = nullptr;
  // Ids are "t<index + 1>": look there first.
  size_t n = t.anchor.size() > 1 ? std::strtoul(t.anchor.c_str() + 1, nullptr, 10) : 0;
  if (n >= 1 && n <= doc.timexes.size() && doc.timexes[n - 1].id == t.anchor) {
    a = &doc.timexes[n - 1];
  } else {
    for (const auto& x : doc.timexes) {
      if (x.id == t.anchor) a = &x;
    }
  }
  if (!a) return false;
  auto av = ParseTimeValue(a->value, a->mod);
  if (!av) return false;
  constexpr Day kNear = 31;
  return v.begin <= av->end + kNear && av->begin <= v.end + kNear;
}

}  // namespace

DocDate ResolveDocDate(const Document& doc, const PhraseSet& cues) {
  DocDate out;
  if (!doc.published.date.empty() && doc.published.provenance != "inferred") {
    if (auto d = ParseTimeValue(doc.published.date)) {
      if (d->precision == Precision::kDay) out.metadata = d->begin;
    }
  }
  const bool undated = !out.metadata.has_value();
  // Sentences holding a planned event: their dates are not past.
  std::vector<char> planned_sentence(doc.sentences.size(), 0);
  for (const auto& ev : doc.events) {
    if (ev.modality != "planned") continue;
    // A planned event told in the past tense ("met ... on September 24") is
    // no evidence of the future: its "planned" may come from the very date
    // we are checking against the metadata.
    auto tok = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), ev.trigger.start,
                                [](const Token& t, uint32_t p) { return t.start < p; });
    if (tok != doc.tokens.end() && tok->start == ev.trigger.start && tok->pos == "VBD") continue;
    int s = SentenceAt(doc, ev.trigger.start);
    if (s >= 0) planned_sentence[s] = 1;
  }
  std::vector<signed char> future_cache(doc.sentences.size(), -1);
  for (const auto& t : doc.timexes) {
    if (t.type != "DATE" && t.type != "TIME") continue;
    if (undated && t.anchor == "dct") continue;  // resolved against nothing known
    auto v = ParseTimeValue(t.value, t.mod);
    if (!v) continue;
    if (undated && !t.anchor.empty() && t.anchor != "none" && !NearItsAnchor(doc, t, *v)) {
      continue;
    }
    if (v->precision != Precision::kDay && v->precision != Precision::kMonth &&
        v->precision != Precision::kWeek) {
      continue;
    }
    if (!undated && v->precision != Precision::kDay) continue;
    // Overruling a metadata date takes a date the text writes out ("May 9",
    // "9 May 2025"): a named day ("Victory Day", "Christmas") is placed in
    // a year by the tagger's guess and is as often the next one as the last.
    if (!undated &&
        std::none_of(t.text.begin(), t.text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      continue;
    }
    int s = SentenceAt(doc, t.start);
    if (s >= 0) {
      if (planned_sentence[s]) continue;
      if (future_cache[s] < 0) {
        const auto& sent = doc.sentences[s];
        future_cache[s] = cues.Has(doc.SpanText(sent.start, sent.end), "future") ? 1 : 0;
      }
      if (future_cache[s]) continue;
    }
    // A past period was under way by its first day at the latest.
    Day past = v->begin;
    if (!out.text_past || past > *out.text_past) {
      out.text_past = past;
      if (s >= 0) {
        out.past_start = doc.sentences[s].start;
        out.past_end = doc.sentences[s].end;
      } else {
        out.past_start = t.start;
        out.past_end = t.end;
      }
    }
  }
  if (!doc.published.earliest.empty()) {
    if (auto e = ParseIsoDay(doc.published.earliest)) {
      if (!out.text_past || *e > *out.text_past) out.text_past = *e;
    }
  }
  if (out.metadata) {
    out.effective = out.metadata;
    if (out.text_past && *out.text_past > *out.metadata) {
      out.conflict = true;
      out.effective = out.text_past;
    }
  } else if (out.text_past) {
    out.inferred = true;
    out.effective = out.text_past;
  }
  return out;
}

AsOfDecision DecideAsOf(const DocDate& date, std::optional<Day> as_of, bool exclude_uncertain) {
  if (!as_of) return date.metadata ? AsOfDecision::kInclude : AsOfDecision::kIncludeUncertain;
  if (date.effective && *date.effective > *as_of) return AsOfDecision::kExclude;
  if (date.metadata) return AsOfDecision::kInclude;
  return exclude_uncertain ? AsOfDecision::kExclude : AsOfDecision::kIncludeUncertain;
}

}  // namespace sitrep::report
