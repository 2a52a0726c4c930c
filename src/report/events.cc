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

struct Cluster {
  std::string type;
  TimeValue time;
  bool time_reported = true;
  std::vector<int> members;  // indices into State::events
  std::set<std::string> participants;
  std::set<std::string> locations;
};

bool Intersects(const std::vector<std::string>& a, const std::set<std::string>& b) {
  for (const auto& x : a) {
    if (b.count(x)) return true;
  }
  return false;
}

// Participant compatibility: when both sides name participants they must
// share one; otherwise when both name a place it must be the same.
bool ParticipantsCompatible(const EventRec& m, const Cluster& c) {
  bool m_has = !m.agents.empty() || !m.targets.empty();
  if (m_has && !c.participants.empty()) {
    return Intersects(m.agents, c.participants) || Intersects(m.targets, c.participants);
  }
  if (!m.location.empty() && !c.locations.empty()) return c.locations.count(m.location) > 0;
  return true;
}

int MonthKey(Day d) {
  int y, m, dd;
  CivilFromDays(d, &y, &m, &dd);
  return y * 12 + (m - 1);
}

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

  std::vector<Cluster> clusters;
  // (type, month) → clusters whose interval touches that month; wide
  // intervals (over ~13 months) are kept per type and always checked.
  std::map<std::pair<std::string, int>, std::vector<int>> buckets;
  std::map<std::string, std::vector<int>> wide;
  std::vector<int> seen_stamp;
  int stamp = 0;
  auto index_cluster = [&](int ci) {
    const Cluster& c = clusters[ci];
    if (c.time.width() > 400) {
      wide[c.type].push_back(ci);
      return;
    }
    for (int mk = MonthKey(c.time.begin); mk <= MonthKey(c.time.end); ++mk) {
      buckets[{c.type, mk}].push_back(ci);
    }
  };

  for (int ei : order) {
    const EventRec& m = events[ei];
    ++stamp;
    int best = -1;
    auto consider = [&](int ci) {
      if (ci >= static_cast<int>(seen_stamp.size())) seen_stamp.resize(ci + 1, 0);
      if (seen_stamp[ci] == stamp) return;
      seen_stamp[ci] = stamp;
      const Cluster& c = clusters[ci];
      if (!Overlaps(c.time, m.time)) return;
      if (!ParticipantsCompatible(m, c)) return;
      if (best < 0 || clusters[best].members.size() < c.members.size()) best = ci;
    };
    if (m.time.width() > 400) {
      for (size_t ci = 0; ci < clusters.size(); ++ci) {
        if (clusters[ci].type == m.type) consider(static_cast<int>(ci));
      }
    } else {
      for (int mk = MonthKey(m.time.begin); mk <= MonthKey(m.time.end); ++mk) {
        auto it = buckets.find({m.type, mk});
        if (it == buckets.end()) continue;
        for (int ci : it->second) consider(ci);
      }
      auto w = wide.find(m.type);
      if (w != wide.end()) {
        for (int ci : w->second) consider(ci);
      }
    }
    if (best < 0) {
      Cluster c;
      c.type = m.type;
      c.time = m.time;
      c.time_reported = m.time_reported;
      clusters.push_back(std::move(c));
      best = static_cast<int>(clusters.size()) - 1;
      index_cluster(best);
    } else if (clusters[best].time_reported && !m.time_reported) {
      // A date from the text beats the report's publication date.
      clusters[best].time = m.time;
      clusters[best].time_reported = false;
      index_cluster(best);
    }
    Cluster& c = clusters[best];
    c.members.push_back(ei);
    for (const auto& p : m.agents) c.participants.insert(p);
    for (const auto& p : m.targets) c.participants.insert(p);
    if (!m.location.empty()) c.locations.insert(m.location);
  }

  // Each cluster becomes a timeline entry.
  struct Built {
    TimelineEntry entry;
    std::vector<int> cite_members;
  };
  std::vector<Built> built;
  built.reserve(clusters.size());
  for (const Cluster& c : clusters) {
    Built b;
    TimelineEntry& e = b.entry;
    e.type = c.type;
    e.date = SchemaDate(c.time);
    if (c.time.is_range) e.date_end = IsoDay(c.time.end);
    e.precision = std::string(PrecisionName(c.time.precision));
    e.date_text = c.time_reported ? "reported " + IsoDay(c.time.end) : DisplayDate(c.time);
    e.date_reported = c.time_reported;
    e.begin_day = c.time_reported ? c.time.end : c.time.begin;
    e.end_day = c.time.end;
    e.mentions = static_cast<int>(c.members.size());
    // Per source: the strongest modality, and its best mention.
    std::map<std::string, int> best_by_source;  // source key → event index
    int planned = 0, denied = 0, other = 0;
    std::map<std::string, int> subtypes;
    for (int ei : c.members) {
      const EventRec& m = st->events[ei];
      if (m.modality == "planned") {
        ++planned;
      } else if (m.modality == "denied" || m.modality == "negated") {
        ++denied;
      } else {
        ++other;
      }
      if (!m.subtype.empty()) ++subtypes[m.subtype];
      const std::string& key = st->docs[m.doc].source_key;
      auto it = best_by_source.find(key);
      auto score = [&](const EventRec& r) {
        double s = ModalityWeight(r.modality) * 4;
        if (!r.time_reported) s += 2;
        if (st->docs[r.doc].duplicate_of.empty()) s += 1;
        if (!r.agents.empty()) s += 1;
        if (r.anonymous) s -= 1;
        double len = static_cast<double>(r.sentence.text.size());
        s -= std::fabs(len - 160.0) / 120.0;
        return s;
      };
      if (it == best_by_source.end() || score(m) > score(st->events[it->second])) {
        best_by_source[key] = ei;
      }
    }
    if (!subtypes.empty()) {
      e.subtype = std::max_element(subtypes.begin(), subtypes.end(), [](auto& a, auto& b) {
                    return a.second < b.second;
                  })->first;
    }
    double doubt = 1.0;
    bool all_anonymous = true;
    for (const auto& [key, ei] : best_by_source) {
      const EventRec& m = st->events[ei];
      doubt *= 1.0 - ModalityWeight(m.modality);
      all_anonymous = all_anonymous && m.anonymous;
    }
    e.confidence = 1.0 - doubt;
    if (all_anonymous) e.confidence *= 0.7;
    e.confidence = std::round(e.confidence * 100) / 100;
    if (other == 0 && planned > 0) {
      e.status = "planned";
    } else if (other == 0 && denied > 0) {
      e.status = "denied";
    } else if (e.begin_day > st->reference && !c.time_reported) {
      e.status = "planned";
    } else {
      e.status = "happened";
    }
    // Sources, most supportive first; the best mention leads the citations.
    std::vector<int> cands;
    for (const auto& [key, ei] : best_by_source) cands.push_back(ei);
    std::sort(cands.begin(), cands.end(), [&](int a, int b) {
      const EventRec& x = st->events[a];
      const EventRec& y = st->events[b];
      double sx = ModalityWeight(x.modality) * 4 + (x.time_reported ? 0 : 2) +
                  (st->docs[x.doc].duplicate_of.empty() ? 1 : 0) -
                  std::fabs(static_cast<double>(x.sentence.text.size()) - 160.0) / 120.0;
      double sy = ModalityWeight(y.modality) * 4 + (y.time_reported ? 0 : 2) +
                  (st->docs[y.doc].duplicate_of.empty() ? 1 : 0) -
                  std::fabs(static_cast<double>(y.sentence.text.size()) - 160.0) / 120.0;
      if (sx != sy) return sx > sy;
      return std::tie(st->docs[x.doc].id, x.sentence.start) <
             std::tie(st->docs[y.doc].id, y.sentence.start);
    });
    for (int ei : cands) e.sources.push_back(st->docs[st->events[ei].doc].source_name);
    std::sort(e.sources.begin(), e.sources.end());
    e.sources.erase(std::unique(e.sources.begin(), e.sources.end()), e.sources.end());
    b.cite_members = cands;
    const EventRec& lead = st->events[cands.front()];
    e.summary = SummarizeSentence(lead.sentence.text, lead.trigger_end);
    for (const auto& p : c.participants) {
      if (!p.empty() && p[0] != '~') e.actors.push_back(p);
    }
    double n_sources = static_cast<double>(best_by_source.size());
    e.importance = (n_sources + 0.5 * std::log1p(e.mentions)) * (0.3 + e.confidence) *
                   Recency(st->reference, e);
    if (c.time.precision > Precision::kMonth && !c.time_reported) e.importance *= 0.5;
    // An event whose date is only its report's date is less certain in time
    // and usually background ("the deployment of troops"): rank it lower.
    if (c.time_reported) e.importance *= 0.35;
    built.push_back(std::move(b));
  }

  // Which entries to keep: the N most important dates, or the M most
  // important events; then date order.
  std::vector<int> keep(built.size());
  for (size_t i = 0; i < keep.size(); ++i) keep[i] = static_cast<int>(i);
  auto by_importance = [&](int a, int b) {
    if (built[a].entry.importance != built[b].entry.importance) {
      return built[a].entry.importance > built[b].entry.importance;
    }
    return std::tie(built[a].entry.begin_day, built[a].entry.summary) <
           std::tie(built[b].entry.begin_day, built[b].entry.summary);
  };
  std::sort(keep.begin(), keep.end(), by_importance);
  if (st->options.max_dates > 0) {
    std::map<std::string, double> date_score;
    for (int i : keep) date_score[built[i].entry.date] += built[i].entry.importance;
    std::vector<std::pair<double, std::string>> dates;
    for (auto& [d, s] : date_score) dates.push_back({-s, d});
    std::sort(dates.begin(), dates.end());
    std::set<std::string> chosen;
    for (size_t i = 0; i < dates.size() && static_cast<int>(i) < st->options.max_dates; ++i) {
      chosen.insert(dates[i].second);
    }
    std::erase_if(keep, [&](int i) { return !chosen.count(built[i].entry.date); });
  }
  if (st->options.max_timeline > 0 && static_cast<int>(keep.size()) > st->options.max_timeline) {
    keep.resize(st->options.max_timeline);
  }
  std::sort(keep.begin(), keep.end(), [&](int a, int b) {
    const TimelineEntry& x = built[a].entry;
    const TimelineEntry& y = built[b].entry;
    return std::tie(x.begin_day, x.end_day, x.type, x.summary) <
           std::tie(y.begin_day, y.end_day, y.type, y.summary);
  });
  auto& timeline = st->brief.timeline;
  for (int i : keep) {
    TimelineEntry e = std::move(built[i].entry);
    e.id = "ev" + std::to_string(timeline.size() + 1);
    int n = 0;
    for (int ei : built[i].cite_members) {
      if (n++ >= st->options.max_citations) break;
      e.citations.push_back(st->Cite(st->events[ei].sentence));
    }
    timeline.push_back(std::move(e));
  }
  // Key developments: the most important recent events (not mere dates of
  // the past), most important first.
  std::vector<const TimelineEntry*> ranked;
  for (const auto& e : timeline) {
    if (e.status != "denied") ranked.push_back(&e);
  }
  std::sort(ranked.begin(), ranked.end(), [](const TimelineEntry* a, const TimelineEntry* b) {
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
