// Consolidated events: event mentions about the same real event merged into
// one timeline entry (same type, compatible time at its precision,
// overlapping participants or place), with the distinct sources that report
// it and a confidence from corroboration and modality.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "report/consolidate_state.h"
#include "report/summary.h"

namespace sitrep::report {
namespace {

// How much one source's mention supports that the event happened as told.
double ModalityWeight(const std::string& m) {
  if (m == "asserted") return 0.5;
  if (m == "reported") return 0.45;
  if (m == "estimated") return 0.4;
  if (m == "planned") return 0.4;
  if (m == "hedged") return 0.25;
  return 0.1;  // denied, negated
}

int PrecisionRank(const EventRec& e) {
  return e.time_reported ? 100 : static_cast<int>(e.time.precision);
}

// A small set of interned keys, kept sorted.
using KeySet = std::vector<int>;

void InsertKey(KeySet* s, int k) {
  auto it = std::lower_bound(s->begin(), s->end(), k);
  if (it == s->end() || *it != k) s->insert(it, k);
}

bool Intersects(const std::vector<int>& a, const KeySet& b) {
  for (int x : a) {
    if (std::binary_search(b.begin(), b.end(), x)) return true;
  }
  return false;
}

struct Cluster {
  int type = 0;
  TimeValue time;
  bool time_reported = true;
  bool merged_away = false;  // joined a finer cluster (see RefineCoarse)
  std::vector<int> members;  // indices into State::events
  KeySet participants;
  KeySet countries;
  KeySet locations;
};

// Whether a party of one side and a party of the other may be the same only
// by country ("Putin" and "Moscow"): fine for mentions of about the same
// precision, too loose when a mere "in 2024" would join one day of the
// year.
bool CountryMatchAllowed(const TimeValue& a, const TimeValue& b) {
  // Either side may be the coarser: a month mention meets a year cluster as
  // often as the other way round.
  return std::max(a.width(), b.width()) <= 40 * std::min(a.width(), b.width());
}

// Two sides that name the same two or more countries and nothing that tells
// them apart ("Putin and Kim signed" / "Russia and North Korea signed") are
// about one bilateral event at any precision: the coarse mention is the
// same pact or meeting told less exactly.
bool SameCountrySet(const KeySet& a, const KeySet& b) { return a.size() >= 2 && a == b; }

// Participant compatibility: when both sides name participants they must
// share one (an actor, or a country where CountryMatchAllowed); otherwise
// when both name a place it must be the same.
bool ParticipantsCompatible(const EventRec& m, const Cluster& c) {
  bool m_has = !m.agents.empty() || !m.targets.empty();
  if (m_has && !c.participants.empty()) {
    if (Intersects(m.agents, c.participants) || Intersects(m.targets, c.participants)) {
      return true;
    }
    return (CountryMatchAllowed(m.time, c.time) && Intersects(m.countries, c.countries)) ||
           SameCountrySet(m.countries, c.countries);
  }
  if (m.location >= 0 && !c.locations.empty()) {
    return std::binary_search(c.locations.begin(), c.locations.end(), m.location);
  }
  return true;
}

// The same between two clusters (x the coarser).
bool ClustersCompatible(const Cluster& x, const Cluster& y) {
  if (!x.participants.empty() && !y.participants.empty()) {
    if (Intersects(x.participants, y.participants)) return true;
    return (CountryMatchAllowed(x.time, y.time) && Intersects(x.countries, y.countries)) ||
           SameCountrySet(x.countries, y.countries);
  }
  if (!x.locations.empty() && !y.locations.empty()) return Intersects(x.locations, y.locations);
  return true;
}

// Of two compatible clusters for a mention: the finer date (the mention
// then shows at the best precision any source gives), then the larger.
bool BetterCluster(const Cluster& a, const Cluster& b) {
  if (a.time.width() != b.time.width()) return a.time.width() < b.time.width();
  return a.members.size() > b.members.size();
}

int MonthKey(Day d) {
  int y, m, dd;
  CivilFromDays(d, &y, &m, &dd);
  return y * 12 + (m - 1);
}

int WeekKey(Day d) { return d >= 0 ? d / 7 : -((-d + 6) / 7); }

// Where clusters are found by time: narrow ones (a day, a week, a month) per
// week they touch, longer ones up to about a year per month, wider ones per
// type. A mention looks in the buckets its own interval touches, so a
// store of a year of news compares each mention with the clusters of its
// week rather than of its month.
class ClusterIndex {
 public:
  void Add(int ci, const Cluster& c) {
    const Day w = c.time.width();
    if (w > kMonthTier) {
      wide_[c.type].push_back(ci);
    } else if (w > kWeekTier) {
      for (int k = MonthKey(c.time.begin); k <= MonthKey(c.time.end); ++k) {
        month_[Key(c.type, k)].push_back(ci);
      }
    } else {
      for (int k = WeekKey(c.time.begin); k <= WeekKey(c.time.end); ++k) {
        week_[Key(c.type, k)].push_back(ci);
      }
    }
    all_[c.type].push_back(ci);
  }

  // Calls fn(ci) for every cluster of `type` whose interval may overlap t
  // (a cluster may be visited more than once).
  template <typename Fn>
  void ForCandidates(int type, const TimeValue& t, Fn&& fn) const {
    if (t.width() > kMonthTier) {
      if (auto it = all_.find(type); it != all_.end()) {
        for (int ci : it->second) fn(ci);
      }
      return;
    }
    for (int k = WeekKey(t.begin); k <= WeekKey(t.end); ++k) {
      if (auto it = week_.find(Key(type, k)); it != week_.end()) {
        for (int ci : it->second) fn(ci);
      }
    }
    for (int k = MonthKey(t.begin); k <= MonthKey(t.end); ++k) {
      if (auto it = month_.find(Key(type, k)); it != month_.end()) {
        for (int ci : it->second) fn(ci);
      }
    }
    if (auto it = wide_.find(type); it != wide_.end()) {
      for (int ci : it->second) fn(ci);
    }
  }

 private:
  static constexpr Day kWeekTier = 62;
  static constexpr Day kMonthTier = 400;
  static uint64_t Key(int type, int bucket) {
    return (static_cast<uint64_t>(static_cast<uint32_t>(type)) << 32) |
           static_cast<uint32_t>(bucket);
  }
  std::unordered_map<uint64_t, std::vector<int>> week_, month_;
  std::unordered_map<int, std::vector<int>> wide_, all_;
};

double Recency(Day reference, const TimelineEntry& e) {
  if (e.end_day >= reference) return 1.0;
  // Recent events matter more, but an older turning point is never zero.
  return 0.15 + 0.85 * std::exp(-static_cast<double>(reference - e.end_day) / 90.0);
}

}  // namespace

void BuildTimeline(Consolidator::State* st) {
  auto& events = st->events;
  // Most precise first, so that coarse mentions ("in September") join the
  // precise events instead of founding their own; then a stable order.
  std::vector<int> order(events.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    const EventRec& x = events[a];
    const EventRec& y = events[b];
    auto kx = std::make_tuple(PrecisionRank(x), x.time.width(), x.time.begin,
                              std::cref(st->docs[x.doc].id), x.sentence.start + x.trigger_start);
    auto ky = std::make_tuple(PrecisionRank(y), y.time.width(), y.time.begin,
                              std::cref(st->docs[y.doc].id), y.sentence.start + y.trigger_start);
    return kx < ky;
  });

  // Types as small integers.
  std::unordered_map<std::string, int> type_ids;
  std::vector<int> type_of(events.size());
  for (size_t i = 0; i < events.size(); ++i) {
    type_of[i] = type_ids.emplace(events[i].type, static_cast<int>(type_ids.size())).first->second;
  }

  std::vector<Cluster> clusters;
  ClusterIndex index;
  std::vector<int> seen_stamp;
  int stamp = 0;
  for (int ei : order) {
    const EventRec& m = events[ei];
    const int type = type_of[ei];
    ++stamp;
    int best = -1;
    index.ForCandidates(type, m.time, [&](int ci) {
      if (seen_stamp[ci] == stamp) return;
      seen_stamp[ci] = stamp;
      const Cluster& c = clusters[ci];
      if (!Overlaps(c.time, m.time)) return;
      if (!ParticipantsCompatible(m, c)) return;
      if (best < 0 || BetterCluster(c, clusters[best])) best = ci;
    });
    if (best < 0) {
      Cluster c;
      c.type = type;
      c.time = m.time;
      c.time_reported = m.time_reported;
      clusters.push_back(std::move(c));
      seen_stamp.push_back(0);
      best = static_cast<int>(clusters.size()) - 1;
      index.Add(best, clusters[best]);
    }
    Cluster& c = clusters[best];
    c.members.push_back(ei);
    for (int p : m.agents) InsertKey(&c.participants, p);
    for (int p : m.targets) InsertKey(&c.participants, p);
    for (int p : m.countries) InsertKey(&c.countries, p);
    if (m.location >= 0) InsertKey(&c.locations, m.location);
  }

  // A coarse cluster whose first mention met no finer one ("Moscow signed
  // a treaty in June 2024" before "Kim Jong Un signed it with Russia in June
  // 2024" joined "June 19, 2024") joins the finest compatible cluster of
  // its type inside its interval once the clusters have all their
  // participants; narrower coarse clusters first, so that a year can then
  // join what a month joined.
  {
    std::vector<int> coarse;
    for (size_t ci = 0; ci < clusters.size(); ++ci) {
      if (!clusters[ci].time_reported && clusters[ci].time.width() > 1) {
        coarse.push_back(static_cast<int>(ci));
      }
    }
    std::stable_sort(coarse.begin(), coarse.end(), [&](int a, int b) {
      return clusters[a].time.width() < clusters[b].time.width();
    });
    for (int xi : coarse) {
      Cluster& x = clusters[xi];
      const int type = type_of[x.members.front()];
      ++stamp;
      int best = -1;
      index.ForCandidates(type, x.time, [&](int ci) {
        if (ci == xi || seen_stamp[ci] == stamp) return;
        seen_stamp[ci] = stamp;
        const Cluster& y = clusters[ci];
        if (y.merged_away || y.time_reported || y.time.width() >= x.time.width()) return;
        if (y.time.begin < x.time.begin || y.time.end > x.time.end) return;
        if (!ClustersCompatible(x, y)) return;
        if (best < 0 || BetterCluster(y, clusters[best])) best = ci;
      });
      if (best < 0) continue;
      Cluster& y = clusters[best];
      y.members.insert(y.members.end(), x.members.begin(), x.members.end());
      for (int p : x.participants) InsertKey(&y.participants, p);
      for (int p : x.countries) InsertKey(&y.countries, p);
      for (int p : x.locations) InsertKey(&y.locations, p);
      x.merged_away = true;
      x.members.clear();
    }
    std::erase_if(clusters, [](const Cluster& c) { return c.merged_away; });
  }

  // Each cluster is scored first; only the entries kept are written out
  // (summaries, source names, citations), which matters for a store of
  // 100,000 documents and a timeline of 40 lines.
  struct Built {
    int cluster = -1;
    std::vector<int> cite_members;    // best mention per source, best first
    std::vector<uint64_t> sentences;  // SentenceKey of every member, sorted
    std::string date;                 // SchemaDate, for --max-dates
    Day begin_day = 0, end_day = 0;
    const char* status = "happened";
    double confidence = 0, importance = 0;
    uint32_t lead_trigger = 0;  // trigger offset in the lead sentence: ties
  };
  auto sentence_key = [](const EventRec& r) {
    return (static_cast<uint64_t>(static_cast<uint32_t>(r.doc)) << 32) | r.sentence.start;
  };
  // How well a mention tells its event; `precision` is the event's: a
  // sentence that gives the date shown is the one to quote.
  auto mention_score = [&](const EventRec& r, Precision precision) {
    // A plan told as such ("set to begin on May 8") is the best account of
    // an event still to come.
    bool future_plan = r.modality == "planned" && r.time.begin > st->reference;
    double s = ModalityWeight(future_plan ? "asserted" : r.modality) * 4;
    if (!r.time_reported && r.time.precision == precision) s += 2;
    if (!r.time_reported) s += 2;
    if (st->docs[r.doc].duplicate_of.empty()) s += 1;
    if (!r.agents.empty()) s += 1;
    if (r.anonymous) s -= 1;
    s -= std::fabs(static_cast<double>(r.sentence.text.size()) - 160.0) / 120.0;
    return s;
  };
  std::vector<Built> built;
  built.reserve(clusters.size());
  std::vector<int> best_of_source(st->source_count, -1);
  for (size_t ci = 0; ci < clusters.size(); ++ci) {
    const Cluster& c = clusters[ci];
    Built b;
    b.cluster = static_cast<int>(ci);
    b.date = SchemaDate(c.time);
    b.begin_day = c.time_reported ? c.time.end : c.time.begin;
    b.end_day = c.time.end;
    // Per source: its best mention (the strongest modality first).
    std::vector<int> used_sources;
    int planned = 0, denied = 0, other = 0;
    for (int ei : c.members) {
      const EventRec& m = st->events[ei];
      if (m.modality == "planned") {
        ++planned;
      } else if (m.modality == "hedged") {
        // Spoken of as possible ("if Russia sought peace, a ceasefire
        // should ..."): no evidence either way that it happened, so it
        // counts neither way (its doubt is in the confidence).
      } else if (m.modality == "denied" || m.modality == "negated") {
        ++denied;
      } else {
        ++other;
      }
      b.sentences.push_back(sentence_key(m));
      int& slot = best_of_source[st->docs[m.doc].source_index];
      if (slot < 0) {
        used_sources.push_back(st->docs[m.doc].source_index);
        slot = ei;
      } else if (mention_score(m, c.time.precision) >
                 mention_score(st->events[slot], c.time.precision)) {
        slot = ei;
      }
    }
    std::sort(b.sentences.begin(), b.sentences.end());
    b.sentences.erase(std::unique(b.sentences.begin(), b.sentences.end()), b.sentences.end());
    double doubt = 1.0;
    bool all_anonymous = true;
    for (int src : used_sources) {
      const EventRec& m = st->events[best_of_source[src]];
      doubt *= 1.0 - ModalityWeight(m.modality);
      all_anonymous = all_anonymous && m.anonymous;
      b.cite_members.push_back(best_of_source[src]);
      best_of_source[src] = -1;
    }
    double confidence = 1.0 - doubt;
    if (all_anonymous) confidence *= 0.7;
    b.confidence = std::round(confidence * 100) / 100;
    if (other == 0 && planned > 0) {
      b.status = "planned";
    } else if (other == 0 && denied > 0) {
      b.status = "denied";
    } else if (b.begin_day > st->reference && !c.time_reported) {
      b.status = "planned";
    }
    // Sources, most supportive first; the best mention leads the citations.
    std::vector<std::pair<double, int>> scored;
    for (int ei : b.cite_members) {
      scored.push_back({mention_score(st->events[ei], c.time.precision), ei});
    }
    std::sort(scored.begin(), scored.end(), [&](const auto& x, const auto& y) {
      if (x.first != y.first) return x.first > y.first;
      const EventRec& a = st->events[x.second];
      const EventRec& b2 = st->events[y.second];
      return std::tie(st->docs[a.doc].id, a.sentence.start) <
             std::tie(st->docs[b2.doc].id, b2.sentence.start);
    });
    for (size_t i = 0; i < scored.size(); ++i) b.cite_members[i] = scored[i].second;
    b.lead_trigger = st->events[b.cite_members.front()].trigger_start;
    TimelineEntry probe;  // Recency reads only the days
    probe.end_day = b.end_day;
    double n_sources = static_cast<double>(used_sources.size());
    b.importance = (n_sources + 0.5 * std::log1p(static_cast<double>(c.members.size()))) *
                   (0.3 + b.confidence) * Recency(st->reference, probe);
    if (c.time.precision > Precision::kMonth && !c.time_reported) b.importance *= 0.5;
    // An event whose date is only its report's date is less certain in time
    // and usually background ("the deployment of troops"): rank it lower.
    if (c.time_reported) b.importance *= 0.35;
    built.push_back(std::move(b));
  }

  std::vector<int> keep(built.size());
  for (size_t i = 0; i < keep.size(); ++i) keep[i] = static_cast<int>(i);
  // Most important first; on a tie, the event whose trigger comes first in
  // its sentence (the main clause: "negotiations ... confirmed that Pyongyang
  // was providing assistance" is talks), then a stable order.
  auto lead_sentence = [&](const Built& b) -> const EventRec& {
    return st->events[b.cite_members.front()];
  };
  std::sort(keep.begin(), keep.end(), [&](int a, int b) {
    const Built& x = built[a];
    const Built& y = built[b];
    if (x.importance != y.importance) return x.importance > y.importance;
    if (x.lead_trigger != y.lead_trigger) return x.lead_trigger < y.lead_trigger;
    const EventRec& lx = lead_sentence(x);
    const EventRec& ly = lead_sentence(y);
    return std::tie(x.begin_day, st->docs[lx.doc].id, lx.sentence.start, x.cluster) <
           std::tie(y.begin_day, st->docs[ly.doc].id, ly.sentence.start, y.cluster);
  });
  // One sentence, one line: an entry whose every sentence is already told by
  // a more important entry of an overlapping date is the same report typed
  // twice ("signed a treaty ... that obliges military assistance if
  // attacked" is an agreement, not also aid and an assault).
  {
    std::unordered_map<uint64_t, std::vector<int>> told;  // sentence → kept entries
    std::vector<int> kept;
    for (int i : keep) {
      const Built& b = built[i];
      bool covered = false;
      auto it = told.find(b.sentences.front());
      if (it != told.end()) {
        for (int a : it->second) {
          const Built& o = built[a];
          if (o.end_day < b.begin_day || b.end_day < o.begin_day) continue;
          covered = std::all_of(b.sentences.begin(), b.sentences.end(), [&](uint64_t k) {
            return std::binary_search(o.sentences.begin(), o.sentences.end(), k);
          });
          if (covered) break;
        }
      }
      if (covered) continue;
      kept.push_back(i);
      for (uint64_t k : b.sentences) told[k].push_back(i);
    }
    keep = std::move(kept);
  }
  if (st->options.max_dates > 0) {
    std::map<std::string, double> date_score;
    for (int i : keep) date_score[built[i].date] += built[i].importance;
    std::vector<std::pair<double, std::string>> dates;
    for (auto& [d, s] : date_score) dates.push_back({-s, d});
    std::sort(dates.begin(), dates.end());
    std::set<std::string> chosen;
    for (size_t i = 0; i < dates.size() && static_cast<int>(i) < st->options.max_dates; ++i) {
      chosen.insert(dates[i].second);
    }
    std::erase_if(keep, [&](int i) { return !chosen.count(built[i].date); });
  }
  const int max_timeline = st->options.max_timeline;
  if (max_timeline > 0) {
    // A short timeline is for events the texts date. Those dated only by
    // their report take at most a quarter of it, and only when told more
    // than once, unless the timeline would otherwise stay half empty.
    const int max_reported = std::max(1, max_timeline / 4);
    int reported = 0;
    std::vector<int> kept, left;
    for (int i : keep) {
      if (static_cast<int>(kept.size()) >= max_timeline) break;
      const Cluster& c = clusters[built[i].cluster];
      if (c.time_reported && (c.members.size() < 2 || reported >= max_reported)) {
        left.push_back(i);
        continue;
      }
      if (c.time_reported) ++reported;
      kept.push_back(i);
    }
    for (int i : left) {
      if (static_cast<int>(kept.size()) >= std::max(1, max_timeline / 2)) break;
      kept.push_back(i);
    }
    keep = std::move(kept);
  }

  // The entries kept, written out.
  std::vector<TimelineEntry> entries;
  entries.reserve(keep.size());
  for (int i : keep) {
    const Built& b = built[i];
    const Cluster& c = clusters[b.cluster];
    TimelineEntry e;
    e.type = st->events[c.members.front()].type;
    e.date = b.date;
    if (c.time.is_range) e.date_end = IsoDay(c.time.end);
    e.precision = std::string(PrecisionName(c.time.precision));
    e.date_text = c.time_reported ? "reported " + IsoDay(c.time.end) : DisplayDate(c.time);
    e.date_reported = c.time_reported;
    e.begin_day = b.begin_day;
    e.end_day = b.end_day;
    e.mentions = static_cast<int>(c.members.size());
    e.status = b.status;
    e.confidence = b.confidence;
    e.importance = b.importance;
    std::map<std::string, int> subtypes;
    for (int ei : c.members) {
      if (!st->events[ei].subtype.empty()) ++subtypes[st->events[ei].subtype];
    }
    if (!subtypes.empty()) {
      e.subtype = std::max_element(subtypes.begin(), subtypes.end(), [](auto& a, auto& b) {
                    return a.second < b.second;
                  })->first;
    }
    for (int ei : b.cite_members) e.sources.push_back(st->docs[st->events[ei].doc].source_name);
    std::sort(e.sources.begin(), e.sources.end());
    e.sources.erase(std::unique(e.sources.begin(), e.sources.end()), e.sources.end());
    const EventRec& lead = st->events[b.cite_members.front()];
    e.summary = SummarizeSentence(lead.sentence.text, lead.trigger_end);
    for (int p : c.participants) {
      const std::string& key = st->keys[p];
      if (!key.empty() && key[0] != '~' && key[0] != '@') e.actors.push_back(key);
    }
    entries.push_back(std::move(e));
  }
  std::vector<int> order_out(entries.size());
  for (size_t i = 0; i < order_out.size(); ++i) order_out[i] = static_cast<int>(i);
  std::sort(order_out.begin(), order_out.end(), [&](int a, int b) {
    const TimelineEntry& x = entries[a];
    const TimelineEntry& y = entries[b];
    return std::tie(x.begin_day, x.end_day, x.type, x.summary) <
           std::tie(y.begin_day, y.end_day, y.type, y.summary);
  });
  auto& timeline = st->brief.timeline;
  for (int k : order_out) {
    TimelineEntry e = std::move(entries[k]);
    e.id = "ev" + std::to_string(timeline.size() + 1);
    int n = 0;
    for (int ei : built[keep[k]].cite_members) {
      if (n++ >= st->options.max_citations) break;
      e.citations.push_back(st->Cite(st->events[ei].sentence));
    }
    timeline.push_back(std::move(e));
  }
  // Key developments: the most important recent events (not mere dates of
  // the past), most important first. An event dated only by its report is
  // one only when more than one source tells it.
  std::vector<const TimelineEntry*> ranked;
  for (const auto& e : timeline) {
    if (e.status != "denied") ranked.push_back(&e);
  }
  auto weak = [](const TimelineEntry* e) { return e->date_reported && e->sources.size() < 2; };
  std::sort(ranked.begin(), ranked.end(), [&](const TimelineEntry* a, const TimelineEntry* b) {
    if (weak(a) != weak(b)) return !weak(a);  // the weak ones only fill up
    if (a->importance != b->importance) return a->importance > b->importance;
    return a->begin_day > b->begin_day;
  });
  // One line per development: an event typed twice from one sentence
  // (a strike and its casualties) is shown once.
  std::set<std::string> shown;
  for (const TimelineEntry* e : ranked) {
    if (static_cast<int>(st->brief.key_developments.size()) >= st->options.max_key_developments) {
      break;
    }
    if (!shown.insert(e->summary).second) continue;
    st->brief.key_developments.push_back(e->id);
  }
}

}  // namespace sitrep::report
