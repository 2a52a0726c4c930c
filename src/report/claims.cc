// Claim groups: the figures sources give for one measure of one subject, per
// source with attribution and modality, a status and a reconciled range. A
// later figure from the same source and attribution updates the earlier one
// (both are kept, in order).
#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "report/consolidate_state.h"
#include "sitrep/data_path.h"

namespace sitrep::report {
namespace {

struct Interval {
  double lo, hi;
};

// The values a figure allows: "at least 6,000" is [6000, inf), "up to 500"
// [0, 500]; an approximate figure allows 10% either side.
Interval Allowed(const ClaimRec& c) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  double lo = c.min ? *c.min : (c.max ? *c.max : 0);
  double hi = c.max ? *c.max : (c.min ? *c.min : 0);
  if (c.bound == "at-least" || c.bound == "more-than" || (c.min && !c.max)) hi = kInf;
  if (c.bound == "at-most" || c.bound == "less-than" || (c.max && !c.min)) lo = 0;
  if (c.approx) {
    lo *= 0.9;
    if (hi != kInf) hi *= 1.1;
  }
  return {lo, hi};
}

bool Near(double a, double b) {
  if (a == b) return true;
  double m = std::max(std::fabs(a), std::fabs(b));
  return m > 0 && std::fabs(a - b) / m <= 0.05;
}

bool IsDenial(const std::string& modality) { return modality == "denied" || modality == "negated"; }

// Words that name the same counted thing ("personnel", "soldiers" -> "troops"),
// from data/lexicons/measure-synonyms.tsv (docs/lexicon-measure-synonyms.md).
const std::unordered_map<std::string, std::string>& MeasureSynonyms() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string, std::string>();
    std::ifstream in(DataPath("lexicons/measure-synonyms.tsv"));
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line[0] == '#') continue;
      size_t tab = line.find('\t');
      if (tab == std::string::npos) continue;
      (*t)[line.substr(0, tab)] = line.substr(tab + 1);
    }
    return t;
  }();
  return *table;
}

// The measure with each word replaced by its canonical synonym, then, when
// the whole result is an entry of several words ("troops entered"), by that
// entry's canonical measure ("troops deployed").
std::string CanonicalMeasure(const std::string& measure) {
  const auto& syn = MeasureSynonyms();
  std::istringstream in(measure);
  std::string out;
  for (std::string w; in >> w;) {
    auto it = syn.find(w);
    if (!out.empty()) out += ' ';
    out += it == syn.end() ? w : it->second;
  }
  if (out.find(' ') != std::string::npos) {
    if (auto it = syn.find(out); it != syn.end()) return it->second;
  }
  return out;
}

// Claims about one thing are worded differently across sources: "troops",
// "personnel" and "troops deployed" of one subject, or a figure whose subject
// the sentence did not name. Canonical synonyms first; then a bare noun
// measure joins the one event measure built on it for the same subject, and
// a claim without subject joins the one subject that has its measure. Only
// unambiguous cases are merged; the rest keep their own group.
void NormalizeClaimKeys(std::vector<ClaimRec>* claims) {
  for (auto& c : *claims) c.measure = CanonicalMeasure(c.measure);
  // An increment ("another 3,000", "an additional 3,000") adds to the figure
  // its document gave just before for the same counted noun: it is about the
  // same subject and measure, whatever its own sentence seems to name (often
  // the destination: "... and another 3,000 to Russia").
  auto head = [](const std::string& m) { return m.substr(0, m.find(' ')); };
  for (size_t i = 1; i < claims->size(); ++i) {
    ClaimRec& c = (*claims)[i];
    if (!c.increment) continue;
    for (size_t j = i; j-- > 0;) {
      const ClaimRec& base = (*claims)[j];
      if (base.doc != c.doc) break;  // claims are digested document by document
      if (base.increment || base.claim_start > c.claim_start) continue;
      if (c.claim_start - base.claim_start > 1500) break;  // a figure of another passage
      if (head(base.measure) != head(c.measure)) continue;
      c.subject = base.subject;
      c.subject_name = base.subject_name;
      c.measure = base.measure;
      break;
    }
  }
  // One subject per country: "north-korea@KP", "pyongyang@KP" (the capital as
  // actor) and "north-korean@KP" (the demonym) are one party to a figure; the
  // id used most often names the group.
  std::map<std::string, std::map<std::string, int>> ids_of_country;
  auto country = [](const std::string& id) {
    size_t at = id.rfind('@');
    return at == std::string::npos ? std::string() : id.substr(at + 1);
  };
  for (const auto& c : *claims) {
    if (!country(c.subject).empty()) ++ids_of_country[country(c.subject)][c.subject];
  }
  for (auto& c : *claims) {
    std::string cc = country(c.subject);
    if (cc.empty()) continue;
    const auto& ids = ids_of_country[cc];
    auto best = std::max_element(ids.begin(), ids.end(), [](const auto& a, const auto& b) {
      return a.second < b.second || (a.second == b.second && a.first > b.first);
    });
    c.subject = best->first;
  }
  // subject -> measure -> claims
  std::map<std::string, std::map<std::string, int>> measures_of;
  for (const auto& c : *claims) ++measures_of[c.subject][c.measure];
  for (auto& c : *claims) {
    if (c.measure.find(' ') != std::string::npos) continue;
    // The event measure built on this noun that most claims use, if one does.
    std::string best;
    int best_n = 0, ties = 0;
    for (const auto& [m, n] : measures_of[c.subject]) {
      if (m.size() <= c.measure.size() ||
          m.compare(0, c.measure.size() + 1, c.measure + " ") != 0) {
        continue;
      }
      if (n > best_n) {
        best = m;
        best_n = n;
        ties = 0;
      } else if (n == best_n) {
        ++ties;
      }
    }
    if (best_n > 0 && ties == 0) c.measure = best;
  }
  std::map<std::string, std::set<std::string>> subjects_of;  // measure -> subjects
  for (const auto& c : *claims) {
    if (!c.subject.empty()) subjects_of[c.measure].insert(c.subject);
  }
  for (auto& c : *claims) {
    if (!c.subject.empty()) continue;
    auto it = subjects_of.find(c.measure);
    if (it != subjects_of.end() && it->second.size() == 1) c.subject = *it->second.begin();
  }
}

}  // namespace

void BuildClaimGroups(Consolidator::State* st) {
  NormalizeClaimKeys(&st->claims);
  // Group by (subject, measure).
  std::map<std::pair<std::string, std::string>, std::vector<int>> groups;
  for (size_t i = 0; i < st->claims.size(); ++i) {
    const ClaimRec& c = st->claims[i];
    groups[{c.subject, c.measure}].push_back(static_cast<int>(i));
  }
  std::vector<ClaimGroup> out;
  for (auto& [key, members] : groups) {
    // By source, attribution, then publication date: updates follow what they update.
    std::sort(members.begin(), members.end(), [&](int a, int b) {
      const ClaimRec& x = st->claims[a];
      const ClaimRec& y = st->claims[b];
      const DocInfo& dx = st->docs[x.doc];
      const DocInfo& dy = st->docs[y.doc];
      return std::tie(dx.source_key, x.attribution, dx.published, dx.id, x.claim_start) <
             std::tie(dy.source_key, y.attribution, dy.published, dy.id, y.claim_start);
    });
    ClaimGroup g;
    g.subject = key.first;
    g.measure = key.second;
    std::vector<char> superseded(members.size(), 0);
    for (size_t i = 0; i + 1 < members.size(); ++i) {
      const ClaimRec& x = st->claims[members[i]];
      const ClaimRec& y = st->claims[members[i + 1]];
      const DocInfo& dx = st->docs[x.doc];
      const DocInfo& dy = st->docs[y.doc];
      if (dx.source_key == dy.source_key && x.attribution == y.attribution &&
          dx.published < dy.published && !x.increment && !y.increment &&
          IsDenial(x.modality) == IsDenial(y.modality)) {
        superseded[i] = 1;
      }
    }
    // Status over the current, non-denial figures.
    std::set<std::string> value_sources, denial_sources, all_sources;
    std::vector<Interval> current;
    std::vector<const ClaimRec*> current_recs;
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (size_t i = 0; i < members.size(); ++i) {
      const ClaimRec& c = st->claims[members[i]];
      const std::string& src = st->docs[c.doc].source_key;
      all_sources.insert(src);
      if (IsDenial(c.modality)) {
        denial_sources.insert(src);
        continue;
      }
      if (superseded[i] || c.increment) continue;
      value_sources.insert(src);
      current.push_back(Allowed(c));
      current_recs.push_back(&c);
      for (const auto& v : {c.min, c.max}) {
        if (v) {
          lo = std::min(lo, *v);
          hi = std::max(hi, *v);
        }
      }
    }
    bool other_denies = false;
    for (const auto& d : denial_sources) {
      if (!value_sources.count(d) || value_sources.size() > 1) other_denies = true;
    }
    g.source_count = static_cast<int>(all_sources.size());
    if (all_sources.size() <= 1) {
      g.status = "single-source";
    } else if (value_sources.size() <= 1) {
      g.status = other_denies ? "contradictory" : "single-source";
    } else {
      bool disjoint = false, all_near = true;
      for (size_t i = 0; i < current.size(); ++i) {
        for (size_t j = i + 1; j < current.size(); ++j) {
          if (current[i].hi < current[j].lo || current[j].hi < current[i].lo) disjoint = true;
          const ClaimRec& a = *current_recs[i];
          const ClaimRec& b = *current_recs[j];
          double amin = a.min ? *a.min : *a.max, amax = a.max ? *a.max : *a.min;
          double bmin = b.min ? *b.min : *b.max, bmax = b.max ? *b.max : *b.min;
          if (!Near(amin, bmin) || !Near(amax, bmax) || a.bound != b.bound) all_near = false;
        }
      }
      g.status = disjoint || other_denies ? "contradictory" : all_near ? "consistent" : "divergent";
    }
    if (lo <= hi) {
      g.range_min = lo;
      g.range_max = hi;
    }
    for (size_t i = 0; i < members.size(); ++i) {
      const ClaimRec& c = st->claims[members[i]];
      if (g.subject_name.empty()) g.subject_name = c.subject_name;
      ClaimValueEntry v;
      v.source = st->docs[c.doc].source_name;
      v.min = c.min;
      v.max = c.max;
      v.approx = c.approx;
      v.bound = c.bound;
      v.increment = c.increment;
      v.attribution = c.attribution;
      v.anonymous = c.anonymous;
      v.modality = c.modality;
      v.published = st->docs[c.doc].published;
      v.superseded = superseded[i];
      g.values.push_back(std::move(v));
    }
    out.push_back(std::move(g));
  }
  // Most contested and best attested first.
  std::vector<size_t> idx(out.size());
  for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  auto rank = [](const ClaimGroup& g) {
    int s = g.status == "contradictory" ? 3
            : g.status == "divergent"   ? 2
            : g.status == "consistent"  ? 1
                                        : 0;
    return std::make_tuple(-g.source_count, -s, -static_cast<int>(g.values.size()));
  };
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
    auto ra = rank(out[a]);
    auto rb = rank(out[b]);
    return std::tie(ra, out[a].measure, out[a].subject) <
           std::tie(rb, out[b].measure, out[b].subject);
  });
  // Citations in output order: rebuild the member lists per group.
  std::vector<std::vector<int>> member_lists;
  member_lists.reserve(groups.size());
  for (auto& [key, members] : groups) member_lists.push_back(members);
  st->brief.claim_groups_total = static_cast<int>(idx.size());
  const int cap = st->options.max_claim_groups;
  if (cap > 0 && static_cast<int>(idx.size()) > cap) idx.resize(cap);
  for (size_t k = 0; k < idx.size(); ++k) {
    ClaimGroup g = std::move(out[idx[k]]);
    g.id = "g" + std::to_string(k + 1);
    const auto& members = member_lists[idx[k]];
    g.values_total = static_cast<int>(g.values.size());
    std::vector<char> shown(g.values.size(), 1);
    const int max_values = st->options.max_values_per_group;
    if (max_values > 0 && static_cast<int>(g.values.size()) > max_values) {
      // Every source's latest current figure first, then the other current
      // figures, newest first, then the superseded ones: a reader sees who
      // says what now, and the count of what is left out.
      std::fill(shown.begin(), shown.end(), 0);
      int n = 0;
      auto take = [&](size_t i) {
        if (!shown[i] && n < max_values) {
          shown[i] = 1;
          ++n;
        }
      };
      for (size_t i = 0; i < g.values.size(); ++i) {
        bool last_of_source =
            i + 1 == g.values.size() || g.values[i + 1].source != g.values[i].source;
        if (last_of_source && !g.values[i].superseded) take(i);
      }
      std::vector<size_t> rest(g.values.size());
      for (size_t i = 0; i < rest.size(); ++i) rest[i] = i;
      std::stable_sort(rest.begin(), rest.end(), [&](size_t a, size_t b) {
        if (g.values[a].superseded != g.values[b].superseded) return !g.values[a].superseded;
        return g.values[a].published > g.values[b].published;
      });
      for (size_t i : rest) take(i);
    }
    std::vector<ClaimValueEntry> values;
    for (size_t i = 0; i < members.size(); ++i) {
      if (!shown[i]) continue;
      g.values[i].citation = st->Cite(st->claims[members[i]].sentence);
      values.push_back(std::move(g.values[i]));
    }
    g.values = std::move(values);
    st->brief.claim_groups.push_back(std::move(g));
  }
}

}  // namespace sitrep::report
