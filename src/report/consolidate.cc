#include "report/consolidate.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "report/consolidate_state.h"
#include "report/summary.h"
#include "sitrep/version.h"

namespace sitrep::report {
namespace {

int SentenceAt(const Document& doc, uint32_t pos) {
  auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), pos,
                             [](uint32_t p, const Sentence& s) { return p < s.start; });
  if (it == doc.sentences.begin()) return -1;
  --it;
  return pos < it->end ? static_cast<int>(it - doc.sentences.begin()) : -1;
}

// The sentence around [start, end): from the sentence layer, else the span.
SentenceRef SentenceOf(const Document& doc, int doc_index, uint32_t start, uint32_t end) {
  SentenceRef ref;
  ref.doc = doc_index;
  int s = SentenceAt(doc, start);
  if (s >= 0) {
    ref.start = doc.sentences[s].start;
    ref.end = std::max(doc.sentences[s].end, std::min<uint32_t>(end, doc.text.size()));
  } else {
    ref.start = std::min<uint32_t>(start, doc.text.size());
    ref.end = std::min<uint32_t>(std::max(end, start), doc.text.size());
  }
  ref.text = std::string(doc.SpanText(ref.start, ref.end));
  return ref;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool ContainsNoCase(std::string_view hay, const std::string& needle_lower) {
  return needle_lower.empty() || Lower(hay).find(needle_lower) != std::string::npos;
}

template <typename T>
const T* FindById(const std::vector<T>& items, const std::string& id) {
  if (id.empty()) return nullptr;
  // Ids are usually "x<index+1>": try that position first.
  if (id.size() > 1) {
    size_t n = 0;
    bool digits = true;
    for (size_t i = 1; i < id.size(); ++i) {
      if (id[i] < '0' || id[i] > '9') {
        digits = false;
        break;
      }
      n = n * 10 + (id[i] - '0');
    }
    if (digits && n >= 1 && n <= items.size() && items[n - 1].id == id) return &items[n - 1];
  }
  for (const auto& it : items) {
    if (it.id == id) return &it;
  }
  return nullptr;
}

// The key under which an entity mention takes part in an event.
std::string ParticipantKey(const EntityMention* e) {
  if (!e) return {};
  if (!e->actor.empty()) return e->actor;
  return "~" + Lower(e->text);
}

// "Meridian Wire, citing two Western officials" from an attribution chain.
std::string AttributionText(const Document& doc, const std::string& id, bool* anonymous,
                            const PhraseSet& cues) {
  std::string out;
  const Attribution* a = FindById(doc.attributions, id);
  for (int hops = 0; a && hops < 4; ++hops) {
    std::string name = a->source_text.empty() ? a->source_actor : a->source_text;
    if (!name.empty()) {
      if (!out.empty()) out += ", citing ";
      out += name;
      if (cues.Has(name, "anonymous")) *anonymous = true;
    }
    if (a->via.empty() || a->via == a->id) break;
    a = FindById(doc.attributions, a->via);
  }
  return out;
}

}  // namespace

std::string FormatNumber(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e15) {
    std::string digits = fmt::format("{:.0f}", std::fabs(v));
    std::string out;
    int n = 0;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
      if (n > 0 && n % 3 == 0) out += ',';
      out += *it;
      ++n;
    }
    if (v < 0) out += '-';
    std::reverse(out.begin(), out.end());
    return out;
  }
  return fmt::format("{:g}", v);
}

namespace {

// The quantity tagger keeps "thousands" or "millions" as the range of numbers
// the word allows (1,000-999,999); shown as digits that range reads like an
// invented figure, so it is shown as the word again.
const char* MagnitudeWord(double min, double max) {
  static const struct {
    double min, max;
    const char* word;
  } kMagnitudes[] = {
      {1e2, 999, "hundreds"},
      {1e3, 999999, "thousands"},
      {1e4, 99999, "tens of thousands"},
      {1e5, 999999, "hundreds of thousands"},
      {1e6, 999999999, "millions"},
      {1e7, 99999999, "tens of millions"},
      {1e8, 999999999, "hundreds of millions"},
      {1e9, 999999999999, "billions"},
  };
  for (const auto& m : kMagnitudes) {
    if (min == m.min && max == m.max) return m.word;
  }
  return nullptr;
}

}  // namespace

std::string FormatValue(const std::optional<double>& min, const std::optional<double>& max,
                        bool approx, const std::string& bound, bool increment) {
  std::string v;
  if (min && max && MagnitudeWord(*min, *max) != nullptr) {
    v = MagnitudeWord(*min, *max);
    if (increment) v = "+" + v;
    return v;
  }
  if (min && max && *min != *max) {
    v = FormatNumber(*min) + "–" + FormatNumber(*max);
  } else if (min || max) {
    v = FormatNumber(min ? *min : *max);
  } else {
    v = "?";
  }
  if (bound == "at-least") v = "at least " + v;
  if (bound == "more-than") v = "more than " + v;
  if (bound == "at-most") v = "at most " + v;
  if (bound == "less-than") v = "fewer than " + v;
  if (bound.empty() && min && !max) v = "at least " + v;
  if (bound.empty() && max && !min) v = "at most " + v;
  if (approx) v = "about " + v;
  if (increment) v = "+" + v;
  return v;
}

std::string FormatGroupRange(const ClaimGroup& g) {
  if (!g.range_min || !g.range_max) return "none";
  // An end of the range is shown as a word when the value that set it was an
  // order of magnitude; its digits would read like a figure somebody gave.
  auto end_text = [&](double end, bool lower) {
    for (const auto& v : g.values) {
      if (!v.min || !v.max) continue;
      const char* word = MagnitudeWord(*v.min, *v.max);
      if (word != nullptr && (lower ? *v.min : *v.max) == end) return std::string(word);
    }
    return FormatNumber(end);
  };
  std::string lo = end_text(*g.range_min, true);
  std::string hi = end_text(*g.range_max, false);
  if (*g.range_min == *g.range_max || lo == hi) return lo;
  return lo + "–" + hi;
}

std::string Consolidator::State::Cite(const SentenceRef& s) {
  auto key = std::make_tuple(s.doc, s.start, s.end);
  auto it = citation_ids.find(key);
  if (it != citation_ids.end()) return it->second;
  std::string id = "c" + std::to_string(citation_ids.size() + 1);
  citation_ids.emplace(key, id);
  const DocInfo& d = docs[s.doc];
  Citation c;
  c.id = id;
  c.doc = d.id;
  c.source = d.source_name;
  c.title = d.title;
  c.published = d.published;
  c.start = s.start;
  c.end = s.end;
  c.quote = CleanQuote(s.text);
  brief.citations.emplace(id, std::move(c));
  brief.citation_order.push_back(id);
  return id;
}

Consolidator::Consolidator(const ReportLexicons& lexicons, ConsolidateOptions options)
    : state_(std::make_unique<State>()) {
  state_->lex = &lexicons;
  state_->options = std::move(options);
  if (!state_->options.as_of.empty()) {
    if (auto v = ParseTimeValue(state_->options.as_of)) state_->as_of = v->end;
  }
}

Consolidator::~Consolidator() = default;

int Consolidator::added() const { return static_cast<int>(state_->docs.size()); }
int Consolidator::excluded() const { return state_->excluded; }

void Consolidator::Add(const Document& doc) {
  State& st = *state_;
  const PhraseSet& cues = st.lex->cues;
  DocDate date = ResolveDocDate(doc, cues);
  AsOfDecision decision = DecideAsOf(date, st.as_of, st.options.exclude_uncertain);
  if (decision == AsOfDecision::kExclude) {
    ++st.excluded;
    return;
  }
  if (st.doc_index.count(doc.id)) return;  // the same document twice
  const int di = static_cast<int>(st.docs.size());
  st.doc_index.emplace(doc.id, di);
  DocInfo info;
  info.id = doc.id;
  info.source = doc.source;
  info.title = doc.title;
  info.url = doc.url;
  info.duplicate_of = doc.duplicate_of;
  info.date = date;
  info.published = date.effective ? IsoDay(*date.effective) : std::string();
  info.uncertain = decision == AsOfDecision::kIncludeUncertain;
  info.framing = st.lex->framing.Match(doc.text);
  for (const auto& a : doc.attributions) {
    std::string name = a.source_text.empty() ? a.source_actor : a.source_text;
    if (!name.empty()) info.cites.push_back(std::move(name));
  }
  for (const auto& c : doc.cited_sources) info.cites.push_back(c.name);
  st.docs.push_back(std::move(info));

  for (const auto& e : doc.entities) {
    if (e.actor.empty()) continue;
    ActorAcc& acc = st.actors[e.actor];
    ++acc.mentions;
    ++acc.names[e.text];
    ++acc.types[e.type];
    if (acc.docs.empty() || acc.docs.back() != di) acc.docs.push_back(di);
  }

  for (const auto& ev : doc.events) {
    EventRec rec;
    rec.doc = di;
    rec.type = ev.type;
    rec.subtype = ev.subtype;
    rec.modality = ev.modality.empty() ? "asserted" : ev.modality;
    std::optional<TimeValue> tv;
    if (const Timex* t = FindById(doc.timexes, ev.time)) {
      tv = t->range_begin.empty() ? ParseTimeValue(t->value, t->mod)
                                  : ParseTimeRange(t->range_begin, t->range_end);
    }
    if (!tv) {
      // No date in the text: the report's date places it, when the report
      // has one. An inferred date is only the earliest possible one, which
      // says nothing of when the event took place.
      if (!date.effective || date.inferred) continue;
      TimeValue r;
      r.begin = *date.effective - 2;  // "reported" news is about the last days
      r.end = *date.effective;
      r.precision = Precision::kDay;
      r.value = IsoDay(*date.effective);
      tv = r;
      rec.time_reported = true;
    }
    rec.time = *tv;
    // A participant is its actor and, for an actor of known country, the
    // country too: "Vladimir Putin", "Moscow" and "Russia" signing in June
    // 2024 are one party to one treaty.
    auto add_participant = [&](std::vector<int>* out, const std::string& key) {
      if (key.empty()) return;
      out->push_back(st.Intern(key));
      size_t at = key.rfind('@');
      if (key[0] != '~' && at != std::string::npos && at + 1 < key.size()) {
        rec.countries.push_back(st.Intern(key.substr(at)));
      }
    };
    add_participant(&rec.agents, ParticipantKey(FindById(doc.entities, ev.actor)));
    add_participant(&rec.targets, ParticipantKey(FindById(doc.entities, ev.target)));
    if (auto p = ParticipantKey(FindById(doc.entities, ev.location)); !p.empty()) {
      rec.location = st.Intern(p);
    }
    uint32_t start = ev.trigger.end > ev.trigger.start ? ev.trigger.start : ev.start;
    rec.sentence = SentenceOf(doc, di, start, std::max(start, ev.trigger.end));
    rec.trigger_start =
        ev.trigger.start >= rec.sentence.start ? ev.trigger.start - rec.sentence.start : 0;
    rec.trigger_end =
        ev.trigger.end >= rec.sentence.start ? ev.trigger.end - rec.sentence.start : 0;
    bool anonymous = false;
    AttributionText(doc, ev.attribution, &anonymous, cues);
    rec.anonymous = anonymous;
    st.events.push_back(std::move(rec));
  }

  const std::string want_actor = Lower(st.options.claim_actor);
  const std::string want_measure = Lower(st.options.claim_measure);
  const std::string& published = st.docs.back().published;
  bool claims_in_period = (st.options.claim_since.empty() ||
                           (!published.empty() && published >= st.options.claim_since)) &&
                          (st.options.claim_until.empty() ||
                           (!published.empty() && published <= st.options.claim_until));
  for (const auto& c : doc.claims) {
    if (!claims_in_period) break;
    if (c.measure.empty() || (!c.value.min && !c.value.max)) continue;
    if (!ContainsNoCase(c.measure, want_measure)) continue;
    if (!want_actor.empty() && !ContainsNoCase(c.subject, want_actor)) {
      bool named = false;  // the subject's surface name, e.g. "Eskara"
      for (const auto& e : doc.entities) {
        if (e.actor == c.subject && ContainsNoCase(e.text, want_actor)) named = true;
      }
      if (!named) continue;
    }
    ClaimRec rec;
    rec.doc = di;
    rec.id = c.id;
    rec.subject = c.subject;
    rec.measure = c.measure;
    rec.modality = c.modality.empty() ? "asserted" : c.modality;
    rec.min = c.value.min;
    rec.max = c.value.max;
    rec.approx = c.value.approx;
    if (const Timex* t = FindById(doc.timexes, c.time)) rec.time = t->value;
    bool anonymous = false;
    rec.attribution = AttributionText(doc, c.attribution, &anonymous, cues);
    rec.sentence = SentenceOf(doc, di, c.start, c.start);
    if (!anonymous) {
      anonymous = cues.Has(rec.sentence.text, "anonymous");
    }
    rec.anonymous = anonymous;
    rec.claim_start = c.start;
    rec.claim_end = c.end;
    // The quantity behind the value: its bound and whether it adds to an
    // earlier figure ("another 3,000").
    for (const auto& q : doc.quantities) {
      if (q.start < c.start || q.end > c.end) continue;
      if (q.min == c.value.min && q.max == c.value.max) {
        rec.bound = q.bound;
        rec.increment = q.increment;
        break;
      }
    }
    for (const auto& e : doc.entities) {
      if (!c.subject.empty() && e.actor == c.subject) {
        rec.subject_name = e.text;
        break;
      }
    }
    st.claims.push_back(std::move(rec));
  }
}

void FoldDuplicates(Consolidator::State* st) {
  // Evidence key: the outlet; a document of unknown outlet is its own
  // source; a near-duplicate counts as the source of its first copy when that
  // copy is among the documents used.
  for (auto& d : st->docs) {
    d.source_name =
        d.source.empty() ? "unknown source (" + (d.title.empty() ? d.id : d.title) + ")" : d.source;
  }
  for (auto& d : st->docs) {
    const DocInfo* root = &d;
    for (int hops = 0; hops < 8 && !root->duplicate_of.empty(); ++hops) {
      auto it = st->doc_index.find(root->duplicate_of);
      if (it == st->doc_index.end()) break;
      root = &st->docs[it->second];
    }
    d.source_key =
        root->source.empty() ? "doc:" + root->id : "src:" + NormalizeOutletKey(root->source);
  }
  std::unordered_map<std::string, int> index;
  for (auto& d : st->docs) {
    d.source_index = index.emplace(d.source_key, static_cast<int>(index.size())).first->second;
  }
  st->source_count = static_cast<int>(index.size());
}

Brief Consolidator::Finish() {
  State& st = *state_;
  Brief& b = st.brief;
  b.schema_version = kSchemaVersion;
  b.generated_by = kPipelineName;
  b.topic = st.options.topic;
  b.as_of_given = st.as_of.has_value();
  std::optional<Day> latest;
  for (const auto& d : st.docs) {
    if (d.date.effective && (!latest || *d.date.effective > *latest)) latest = d.date.effective;
  }
  st.reference = st.as_of ? *st.as_of : latest.value_or(0);
  b.as_of = st.as_of ? st.options.as_of : (latest ? IsoDay(*latest) : std::string());
  b.documents = static_cast<int>(st.docs.size());
  b.documents_excluded = st.excluded;
  FoldDuplicates(&st);
  {
    std::map<std::string, std::string> names;  // key → display name
    for (const auto& d : st.docs) {
      const DocInfo* shown = &d;
      if (d.source_key.rfind("doc:", 0) == 0) {
        auto it = st.doc_index.find(d.source_key.substr(4));
        if (it != st.doc_index.end()) shown = &st.docs[it->second];
      }
      names.emplace(d.source_key, shown->source_name);
    }
    for (const auto& [key, name] : names) b.sources.push_back(name);
    std::sort(b.sources.begin(), b.sources.end());
    b.sources.erase(std::unique(b.sources.begin(), b.sources.end()), b.sources.end());
  }
  BuildTimeline(&st);
  BuildClaimGroups(&st);
  BuildActors(&st);
  BuildOutlets(&st);
  BuildCaveats(&st);
  // Period covered: the events' dates, else the documents'.
  // Coarse dates ("2026", "the 2010s") only widen the period when nothing
  // finer is known.
  auto fine = [](const TimelineEntry& e) {
    return e.precision == "day" || e.precision == "week" || e.precision == "month";
  };
  bool any_fine = std::any_of(b.timeline.begin(), b.timeline.end(), fine);
  if (!b.timeline.empty()) {
    const TimelineEntry* first = nullptr;
    const TimelineEntry* last = nullptr;
    for (const auto& e : b.timeline) {
      if (any_fine && !fine(e)) continue;
      if (!first || e.begin_day < first->begin_day) first = &e;
      if (!last || e.end_day > last->end_day) last = &e;
    }
    b.period_begin = first->date;
    b.period_end = last->date_end.empty() ? last->date : last->date_end;
  } else {
    std::optional<Day> lo, hi;
    for (const auto& d : st.docs) {
      if (!d.date.effective) continue;
      if (!lo || *d.date.effective < *lo) lo = d.date.effective;
      if (!hi || *d.date.effective > *hi) hi = d.date.effective;
    }
    if (lo) b.period_begin = IsoDay(*lo);
    if (hi) b.period_end = IsoDay(*hi);
  }
  return std::move(b);
}

std::vector<ClaimRow> Consolidator::ClaimRows() const {
  const State& st = *state_;
  std::vector<ClaimRow> rows;
  rows.reserve(st.claims.size());
  for (const auto& c : st.claims) {
    const DocInfo& d = st.docs[c.doc];
    ClaimRow r;
    r.doc = d.id;
    r.source =
        d.source.empty() ? "unknown source (" + (d.title.empty() ? d.id : d.title) + ")" : d.source;
    r.published = d.published;
    r.quote = CleanQuote(c.sentence.text);
    r.start = c.sentence.start;
    r.end = c.sentence.end;
    r.claim_start = c.claim_start;
    r.claim_end = c.claim_end;
    r.id = c.id;
    r.subject = c.subject;
    r.measure = c.measure;
    r.modality = c.modality;
    r.attribution = c.attribution;
    r.time = c.time;
    r.min = c.min;
    r.max = c.max;
    r.approx = c.approx;
    r.bound = c.bound;
    r.anonymous = c.anonymous;
    rows.push_back(std::move(r));
  }
  std::sort(rows.begin(), rows.end(), [](const ClaimRow& a, const ClaimRow& b) {
    return std::tie(a.published, a.doc, a.claim_start) <
           std::tie(b.published, b.doc, b.claim_start);
  });
  return rows;
}

Brief Consolidate(const std::vector<Document>& docs, const ReportLexicons& lexicons,
                  const ConsolidateOptions& options) {
  Consolidator c(lexicons, options);
  for (const auto& d : docs) c.Add(d);
  return c.Finish();
}

}  // namespace sitrep::report
