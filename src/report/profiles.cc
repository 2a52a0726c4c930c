// Actors, source profiles and caveats of the brief.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "report/consolidate_state.h"
#include "report/summary.h"

namespace sitrep::report {
namespace {

template <typename Map>
std::string MostCommon(const Map& counts) {
  std::string best;
  int n = -1;
  for (const auto& [k, c] : counts) {
    if (c > n || (c == n && k.size() > best.size())) {
      best = k;
      n = c;
    }
  }
  return best;
}

std::string TrimCite(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == '.')) s.pop_back();
  size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  return s.substr(i);
}

bool IsPronoun(const std::string& s) {
  static const std::set<std::string> kPronouns = {"he",  "she", "they", "it",  "we", "i",
                                                  "him", "her", "them", "you", "who"};
  std::string l = s;
  for (char& c : l) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return kPronouns.count(l) > 0;
}

}  // namespace

void BuildActors(Consolidator::State* st) {
  struct Row {
    std::string id;
    const ActorAcc* acc;
    int sources;
  };
  std::vector<Row> rows;
  rows.reserve(st->actors.size());
  std::vector<int> seen(st->source_count, -1);  // source → last actor row counted
  for (const auto& [id, acc] : st->actors) {
    const int row = static_cast<int>(rows.size());
    int sources = 0;
    for (int d : acc.docs) {
      int& s = seen[st->docs[d].source_index];
      if (s != row) {
        s = row;
        ++sources;
      }
    }
    rows.push_back({id, &acc, sources});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.sources != b.sources) return a.sources > b.sources;
    if (a.acc->mentions != b.acc->mentions) return a.acc->mentions > b.acc->mentions;
    return a.id < b.id;
  });
  if (static_cast<int>(rows.size()) > st->options.max_actors) rows.resize(st->options.max_actors);
  for (const auto& r : rows) {
    ActorEntry a;
    a.id = r.id;
    a.name = MostCommon(r.acc->names);
    a.type = MostCommon(r.acc->types);
    a.mentions = r.acc->mentions;
    a.sources = r.sources;
    std::vector<const TimelineEntry*> did;
    for (const auto& e : st->brief.timeline) {
      if (std::find(e.actors.begin(), e.actors.end(), r.id) != e.actors.end()) did.push_back(&e);
    }
    std::sort(did.begin(), did.end(), [](const TimelineEntry* x, const TimelineEntry* y) {
      return x->importance > y->importance;
    });
    for (size_t i = 0; i < did.size() && i < 3; ++i) a.events.push_back(did[i]->id);
    st->brief.actors.push_back(std::move(a));
  }
}

void BuildOutlets(Consolidator::State* st) {
  struct Acc {
    int documents = 0;
    std::string first, last;
    std::map<int, int> framing;  // marker → documents
    std::map<std::string, int> cites;
    std::map<std::string, std::string> cite_names;
    std::string url;
  };
  std::map<std::string, Acc> by_source;
  for (const auto& d : st->docs) {
    Acc& a = by_source[d.source_name];
    ++a.documents;
    if (!d.published.empty()) {
      if (a.first.empty() || d.published < a.first) a.first = d.published;
      if (a.last.empty() || d.published > a.last) a.last = d.published;
    }
    for (int m : d.framing) ++a.framing[m];
    std::set<std::string> seen;
    for (const auto& c : d.cites) {
      std::string name = TrimCite(c);
      if (name.empty() || IsPronoun(name)) continue;
      std::string key = NormalizeOutletKey(name);
      if (key == NormalizeOutletKey(d.source) || !seen.insert(key).second) continue;
      ++a.cites[key];
      a.cite_names.emplace(key, name);
    }
    if (a.url.empty()) a.url = d.url;
  }
  const auto& markers = st->lex->framing.entries();
  for (auto& [source, a] : by_source) {
    OutletEntry o;
    o.source = source;
    o.documents = a.documents;
    o.first = a.first;
    o.last = a.last;
    const Affiliation* aff = st->lex->affiliations.Find(source);
    if (!aff && !a.url.empty()) {
      // The URL's host: "https://www.rt.com/news/..." → "rt.com".
      std::string_view u = a.url;
      size_t p = u.find("://");
      if (p != std::string_view::npos) u.remove_prefix(p + 3);
      u = u.substr(0, u.find('/'));
      aff = st->lex->affiliations.Find(u);
    }
    if (aff) {
      o.affiliation = aff->affiliation;
      o.affiliation_country = aff->country;
    }
    std::vector<std::pair<int, int>> fr(a.framing.begin(), a.framing.end());
    std::sort(fr.begin(), fr.end(), [](auto& x, auto& y) {
      return x.second != y.second ? x.second > y.second : x.first < y.first;
    });
    for (const auto& [m, n] : fr) o.framing.push_back({markers[m].label, markers[m].klass, n});
    std::vector<std::pair<std::string, int>> cites(a.cites.begin(), a.cites.end());
    std::sort(cites.begin(), cites.end(), [](auto& x, auto& y) {
      return x.second != y.second ? x.second > y.second : x.first < y.first;
    });
    for (size_t i = 0; i < cites.size() && i < 8; ++i)
      o.cites.push_back(a.cite_names[cites[i].first]);
    st->brief.outlets.push_back(std::move(o));
  }
  std::sort(st->brief.outlets.begin(), st->brief.outlets.end(),
            [](const OutletEntry& x, const OutletEntry& y) {
              return x.documents != y.documents ? x.documents > y.documents : x.source < y.source;
            });
}

void BuildCaveats(Consolidator::State* st) {
  Brief& b = st->brief;
  const int cap = st->options.max_caveats_per_kind;
  std::map<std::string, int> counts;
  auto add = [&](Caveat c) {
    if (++counts[c.kind] > cap) return;
    b.caveats.push_back(std::move(c));
  };
  // Claims: single-source groups, anonymous and denied figures.
  for (const auto& g : b.claim_groups) {
    std::string what =
        g.measure + (g.subject_name.empty() ? (g.subject.empty() ? "" : " (" + g.subject + ")")
                                            : " (" + g.subject_name + ")");
    if (g.status == "single-source" && !g.values.empty()) {
      const auto& v = g.values.back();
      add({"single-source",
           fmt::format("Only {} gives a figure for {}: {}{}.", v.source, what,
                       FormatValue(v.min, v.max, v.approx, v.bound, v.increment),
                       v.attribution.empty() ? "" : ", according to " + v.attribution),
           {v.citation}});
    }
    for (const auto& v : g.values) {
      if (v.anonymous) {
        add({"anonymous",
             fmt::format("{}: {} rests on an unnamed source ({}, {}).", what,
                         FormatValue(v.min, v.max, v.approx, v.bound, v.increment),
                         v.attribution.empty() ? "unattributed" : v.attribution, v.source),
             {v.citation}});
      }
      if (v.modality == "denied" || v.modality == "negated") {
        add({"denied",
             fmt::format("{} denies the figure of {} for {}{}.", v.source,
                         FormatValue(v.min, v.max, v.approx, v.bound, v.increment), what,
                         v.attribution.empty() ? "" : " (" + v.attribution + ")"),
             {v.citation}});
      }
    }
  }
  // Events: planned and not yet confirmed, denied, single-source key events.
  for (const auto& e : b.timeline) {
    if (e.status == "planned") {
      add({"planned",
           fmt::format("Planned for {}, not yet confirmed to have happened: {}", e.date_text,
                       e.summary),
           e.citations});
    } else if (e.status == "denied") {
      add({"denied", fmt::format("Denied ({}): {}", e.date_text, e.summary), e.citations});
    }
  }
  for (const auto& id : b.key_developments) {
    const TimelineEntry* e = b.FindEvent(id);
    if (e && e->sources.size() == 1 && e->status != "planned") {
      add({"single-source",
           fmt::format("Reported by one source only ({}): {}", e->sources.front(), e->summary),
           e->citations});
    }
  }
  // Documents: unknown dates, and metadata dates contradicted by the text.
  for (size_t i = 0; i < st->docs.size(); ++i) {
    const DocInfo& d = st->docs[i];
    std::string name = d.title.empty() ? d.id : "\"" + d.title + "\"";
    if (d.uncertain) {
      std::string text =
          d.date.inferred
              ? fmt::format(
                    "{} ({}) has no publication date; published on {} at the earliest "
                    "(inferred from the dates it reports as past).",
                    name, d.source_name, d.published)
              : fmt::format("{} ({}) has no publication date and none could be inferred.", name,
                            d.source_name);
      std::vector<std::string> cites;
      if (d.date.inferred && d.date.past_end > d.date.past_start) {
        // Cite the sentence that carries the inferred date, if it was kept.
        auto it = st->citation_ids.lower_bound(
            std::make_tuple(static_cast<int>(i), d.date.past_start, uint32_t{0}));
        for (; it != st->citation_ids.end() && std::get<0>(it->first) == static_cast<int>(i) &&
               std::get<1>(it->first) == d.date.past_start;
             ++it) {
          cites.push_back(it->second);
        }
      }
      add({"undated", text, cites});
    }
    if (d.date.conflict) {
      add({"date-conflict",
           fmt::format("{} ({}) is dated {} but reports {} as past; the later date is used.", name,
                       d.source_name, IsoDay(*d.date.metadata), IsoDay(*d.date.text_past)),
           {}});
    }
  }
  for (const auto& [kind, n] : counts) {
    if (n > cap) {
      b.caveats.push_back({kind, fmt::format("… and {} more {} caveats.", n - cap, kind), {}});
    }
  }
}

}  // namespace sitrep::report
