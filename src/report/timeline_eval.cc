#include "report/timeline_eval.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <unordered_map>

#include "report/time_value.h"

namespace sitrep::report {
namespace {

// Lowercased alphanumeric tokens (PTB quotes and punctuation dropped).
std::vector<std::string> Tokens(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) {
      cur += static_cast<char>(std::tolower(c));
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

double RougeN(const std::vector<std::string>& pred, const std::vector<std::string>& gold, int n) {
  auto grams = [n](const std::vector<std::string>& t) {
    std::unordered_map<std::string, int> m;
    for (size_t i = 0; i + n <= t.size(); ++i) {
      std::string g = t[i];
      for (int k = 1; k < n; ++k) g += " " + t[i + k];
      ++m[g];
    }
    return m;
  };
  auto p = grams(pred), g = grams(gold);
  double overlap = 0, np = 0, ng = 0;
  for (auto& [k, c] : p) {
    np += c;
    auto it = g.find(k);
    if (it != g.end()) overlap += std::min(c, it->second);
  }
  for (auto& [k, c] : g) ng += c;
  if (np == 0 || ng == 0) return 0;
  return F1(overlap / np, overlap / ng);
}

// Words too common to say what a sentence is about.
bool Stopword(const std::string& w) {
  static const std::set<std::string> kStop = {
      "the",   "a",    "an",    "of",    "to",   "in",   "and",  "or",    "on",   "at",
      "for",   "with", "by",    "from",  "is",   "was",  "were", "are",   "be",   "been",
      "has",   "have", "had",   "it",    "its",  "that", "this", "as",    "he",   "she",
      "they",  "his",  "her",   "their", "said", "says", "will", "would", "but",  "not",
      "after", "who",  "which", "s",     "we",   "i",    "you",  "there", "also", "more"};
  return kStop.count(w) > 0;
}

struct Candidate {
  const Document* doc;
  uint32_t start, end;
  bool mentions_date;  // holds a timex of this day (else: lead sentence of a next-day report)
};

}  // namespace

std::vector<DatedSummary> BuildDateTimeline(const std::vector<Document>& docs,
                                            const DateTimelineOptions& options) {
  std::map<Day, double> score;
  std::map<Day, std::vector<Candidate>> cands;
  std::unordered_map<std::string, int> df;  // document frequency of words, for idf
  Day lo = 0, hi = 0;
  bool any = false;
  for (const auto& d : docs) {
    auto pub = ParseIsoDay(d.published.date);
    if (!pub) continue;
    if (!any || *pub < lo) lo = *pub;
    if (!any || *pub > hi) hi = *pub;
    any = true;
  }
  if (!any) return {};
  for (const auto& d : docs) {
    auto pub = ParseIsoDay(d.published.date);
    if (!pub) continue;
    std::set<std::string> words;
    for (auto& w : Tokens(d.text)) words.insert(std::move(w));
    for (const auto& w : words) ++df[w];
    // Articles report the previous day's events: a weak vote for it.
    score[*pub - 1] += 0.25;
    std::set<Day> mentioned;
    for (const auto& t : d.timexes) {
      if (t.type != "DATE") continue;
      auto v = ParseTimeValue(t.value, t.mod);
      if (!v || v->precision != Precision::kDay) continue;
      Day day = v->begin;
      if (day > hi || day < lo - 3650) continue;  // not a future plan, not ancient history
      // The sentence holding the mention.
      auto it = std::upper_bound(d.sentences.begin(), d.sentences.end(), t.start,
                                 [](uint32_t p, const Sentence& s) { return p < s.start; });
      if (it != d.sentences.begin()) {
        --it;
        if (t.start < it->end) cands[day].push_back({&d, it->start, it->end, true});
      }
      if (!mentioned.insert(day).second) continue;
      // A mention of the publication day itself is weaker evidence than a
      // date named in retrospect.
      score[day] += day == *pub ? 0.5 : 1.0;
    }
    // The lead sentence of the article stands for the previous day and the
    // publication day when nothing else does.
    if (!d.sentences.empty()) {
      const Sentence& s = d.sentences.front();
      cands[*pub - 1].push_back({&d, s.start, s.end, false});
      cands[*pub].push_back({&d, s.start, s.end, false});
    }
  }
  std::vector<std::pair<double, Day>> ranked;
  for (auto& [day, s] : score) ranked.push_back({s, day});
  std::sort(ranked.begin(), ranked.end(), [](auto& a, auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  if (static_cast<int>(ranked.size()) > options.max_dates) ranked.resize(options.max_dates);
  const double n_docs = static_cast<double>(docs.size());
  std::vector<DatedSummary> out;
  for (auto& [s, day] : ranked) {
    DatedSummary ds;
    ds.date = IsoDay(day);
    ds.score = s;
    auto& cs = cands[day];
    bool have_mentions = std::any_of(cs.begin(), cs.end(), [](auto& c) { return c.mentions_date; });
    // Centroid of the candidate sentences, tf-idf weighted.
    std::unordered_map<std::string, double> centroid;
    std::vector<std::vector<std::string>> toks;
    for (const auto& c : cs) {
      toks.push_back(Tokens(c.doc->SpanText(c.start, c.end)));
      if (have_mentions && !c.mentions_date) continue;
      for (const auto& w : toks.back()) {
        if (Stopword(w)) continue;
        centroid[w] += std::log((n_docs + 1) / (df[w] + 1));
      }
    }
    std::vector<std::pair<double, size_t>> best;
    std::set<std::string> seen;
    for (size_t i = 0; i < cs.size(); ++i) {
      if (have_mentions && !cs[i].mentions_date) continue;
      const auto& t = toks[i];
      if (t.size() < 6 || t.size() > 60) continue;
      double dot = 0, norm = 0;
      std::set<std::string> uniq(t.begin(), t.end());
      for (const auto& w : uniq) {
        if (Stopword(w)) continue;
        double wt = std::log((n_docs + 1) / (df[w] + 1));
        norm += wt * wt;
        auto it = centroid.find(w);
        if (it != centroid.end()) dot += wt * it->second;
      }
      if (norm == 0) continue;
      best.push_back({dot / std::sqrt(norm), i});
    }
    std::sort(best.begin(), best.end(), [](auto& a, auto& b) { return a.first > b.first; });
    for (const auto& [sc, i] : best) {
      if (static_cast<int>(ds.sentences.size()) >= options.sentences_per_date) break;
      std::string text(cs[i].doc->SpanText(cs[i].start, cs[i].end));
      if (!seen.insert(text).second) continue;
      ds.sentences.push_back(std::move(text));
    }
    out.push_back(std::move(ds));
  }
  std::sort(out.begin(), out.end(),
            [](const DatedSummary& a, const DatedSummary& b) { return a.date < b.date; });
  return out;
}

TimelineScores ScoreTimeline(const std::vector<DatedSummary>& predicted,
                             const std::vector<DatedSummary>& gold) {
  TimelineScores s;
  std::set<std::string> p, g;
  for (const auto& d : predicted) p.insert(d.date);
  for (const auto& d : gold) g.insert(d.date);
  size_t hit = 0;
  for (const auto& d : p) hit += g.count(d);
  s.date_precision = p.empty() ? 0 : static_cast<double>(hit) / p.size();
  s.date_recall = g.empty() ? 0 : static_cast<double>(hit) / g.size();
  s.date_f1 = F1(s.date_precision, s.date_recall);
  std::vector<std::string> pt, gt;
  for (const auto& d : predicted) {
    for (const auto& sent : d.sentences) {
      auto t = Tokens(sent);
      pt.insert(pt.end(), t.begin(), t.end());
    }
  }
  for (const auto& d : gold) {
    for (const auto& sent : d.sentences) {
      auto t = Tokens(sent);
      gt.insert(gt.end(), t.begin(), t.end());
    }
  }
  s.rouge1_f1 = RougeN(pt, gt, 1);
  s.rouge2_f1 = RougeN(pt, gt, 2);
  return s;
}

StatusOr<std::vector<Document>> ReadTimeline17Articles(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open");
  std::stringstream buf;
  buf << in.rdbuf();
  auto j = nlohmann::json::parse(buf.str(), nullptr, false);
  if (j.is_discarded() || !j.is_array()) {
    return Status::InvalidArgument(path + ": expected a JSON array of articles");
  }
  std::vector<Document> docs;
  docs.reserve(j.size());
  for (const auto& a : j) {
    if (!a.is_object() || !a.contains("text") || !a["text"].is_string()) continue;
    Document d;
    d.id = a.contains("uid") ? a["uid"].dump() : std::to_string(docs.size());
    d.origin = path;
    d.text = a["text"].get<std::string>();
    d.raw = d.text;
    if (a.contains("dct") && a["dct"].is_string()) {
      d.published.date = a["dct"].get<std::string>().substr(0, 10);
      d.published.provenance = "metadata";
    }
    docs.push_back(std::move(d));
  }
  return docs;
}

StatusOr<std::vector<DatedSummary>> ReadGoldTimeline(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open");
  std::stringstream buf;
  buf << in.rdbuf();
  auto j = nlohmann::json::parse(buf.str(), nullptr, false);
  if (j.is_discarded() || !j.is_array()) {
    return Status::InvalidArgument(path + ": expected a JSON array of {date, text}");
  }
  std::map<std::string, DatedSummary> by_date;
  for (const auto& e : j) {
    if (!e.is_object() || !e.contains("date") || !e["date"].is_string()) continue;
    std::string date = e["date"].get<std::string>().substr(0, 10);
    auto& ds = by_date[date];
    ds.date = date;
    if (e.contains("text") && e["text"].is_string()) ds.sentences.push_back(e["text"]);
  }
  std::vector<DatedSummary> out;
  for (auto& [d, ds] : by_date) out.push_back(std::move(ds));
  return out;
}

}  // namespace sitrep::report
