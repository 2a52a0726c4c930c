#include "ner/conll.h"

#include <fstream>
#include <random>

#include "sitrep/data_path.h"

namespace sitrep {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

// Splits on tabs, or on runs of spaces when the line has no tab.
std::vector<std::string_view> Columns(std::string_view line) {
  std::vector<std::string_view> cols;
  const char sep = line.find('\t') != std::string_view::npos ? '\t' : ' ';
  size_t i = 0;
  while (i <= line.size()) {
    size_t j = line.find(sep, i);
    if (j == std::string_view::npos) j = line.size();
    if (j > i || sep == '\t') cols.push_back(line.substr(i, j - i));
    i = j + 1;
  }
  return cols;
}

}  // namespace

StatusOr<std::vector<ConllSentence>> ReadConll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::vector<ConllSentence> out;
  ConllSentence cur;
  std::string line;
  size_t line_no = 0;
  auto flush = [&] {
    if (!cur.words.empty()) out.push_back(std::move(cur));
    cur = ConllSentence();
  };
  while (std::getline(in, line)) {
    ++line_no;
    std::string_view l = Trim(line);
    if (l.empty()) {
      flush();
      continue;
    }
    if (l.starts_with("-DOCSTART-")) {
      flush();
      continue;
    }
    std::vector<std::string_view> cols = Columns(l);
    if (cols.size() < 2 || cols.front().empty() || cols.back().empty()) {
      return Status::InvalidArgument(path + ":" + std::to_string(line_no) +
                                     ": expected 'word [columns...] tag'");
    }
    cur.words.emplace_back(cols.front());
    if (cols.size() >= 3) cur.pos.emplace_back(cols[1]);
    cur.tags.emplace_back(cols.back());
  }
  flush();
  for (auto& s : out) {
    if (s.pos.size() != s.words.size()) s.pos.clear();
  }
  return out;
}

std::vector<WordSpan> SpansFromTags(const std::vector<std::string>& tags) {
  std::vector<WordSpan> spans;
  bool open = false;
  auto close = [&](uint32_t end) {
    if (open) spans.back().end = end;
    open = false;
  };
  for (uint32_t i = 0; i < tags.size(); ++i) {
    std::string_view t = tags[i];
    char p = 'O';
    std::string_view type;
    if (t.size() > 2 && t[1] == '-') {
      p = t[0];
      type = t.substr(2);
    } else if (t != "O") {
      p = 'U';  // a bare type: a one-word span... unless it continues one
      type = t;
      if (open && spans.back().type == type) p = 'I';
    }
    if (p == 'E') p = 'L';
    if (p == 'S') p = 'U';
    switch (p) {
      case 'B':
        close(i);
        spans.push_back({i, i + 1, std::string(type)});
        open = true;
        break;
      case 'I':
      case 'L':
        if (!open || spans.back().type != type) {
          close(i);
          spans.push_back({i, i + 1, std::string(type)});
          open = true;
        }
        spans.back().end = i + 1;
        if (p == 'L') close(i + 1);
        break;
      case 'U':
        close(i);
        spans.push_back({i, i + 1, std::string(type)});
        break;
      default:
        close(i);
    }
  }
  close(static_cast<uint32_t>(tags.size()));
  return spans;
}

std::vector<std::string> TagsFromSpans(size_t n, const std::vector<WordSpan>& spans, bool bilou) {
  std::vector<std::string> tags(n, "O");
  for (const auto& s : spans) {
    if (s.begin >= s.end || s.end > n) continue;
    for (uint32_t i = s.begin; i < s.end; ++i) {
      char p = i == s.begin ? 'B' : 'I';
      if (bilou && s.end - s.begin == 1)
        p = 'U';
      else if (bilou && i + 1 == s.end)
        p = 'L';
      tags[i] = std::string(1, p) + "-" + s.type;
    }
  }
  return tags;
}

EntityTypeMap EntityTypeMap::Default() {
  EntityTypeMap m;
  // Exact names first: sitrep's own types, CoNLL-2003 and OntoNotes labels.
  // Lowercase keys are GMB's (whose "gpe" means demonyms, hence NORP).
  const char* const pairs[][2] = {
      {"PERSON", "PERSON"}, {"ORG", "ORG"},       {"GPE", "GPE"},          {"LOC", "GPE"},
      {"NORP", "NORP"},     {"MISC", "MISC"},     {"MILITARY", "ORG"},     {"PER", "PERSON"},
      {"FAC", "GPE"},       {"EVENT", "MISC"},    {"WORK_OF_ART", "MISC"}, {"LAW", "MISC"},
      {"PRODUCT", "MISC"},  {"LANGUAGE", "MISC"}, {"per", "PERSON"},       {"org", "ORG"},
      {"geo", "GPE"},       {"gpe", "NORP"},      {"art", "MISC"},         {"eve", "MISC"},
      {"nat", "MISC"},      {"tim", "O"}};
  for (const auto& p : pairs) m.map_[p[0]] = p[1];
  return m;
}

Status EntityTypeMap::Add(std::string_view assignment) {
  size_t eq = assignment.find('=');
  if (eq == std::string_view::npos || eq == 0 || eq + 1 == assignment.size()) {
    return Status::InvalidArgument("expected TAG=TYPE, got '" + std::string(assignment) + "'");
  }
  map_[std::string(assignment.substr(0, eq))] = std::string(assignment.substr(eq + 1));
  return Status::OK();
}

std::string EntityTypeMap::Map(std::string_view corpus_type) const {
  auto it = map_.find(std::string(corpus_type));
  if (it == map_.end()) it = map_.find(Lower(corpus_type));
  return it == map_.end() ? std::string() : it->second;
}

StatusOr<TitleLexicon> TitleLexicon::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open title lexicon");
  std::unordered_set<std::string> titles;
  std::string line;
  while (std::getline(in, line)) {
    std::string_view l = Trim(line);
    if (l.empty() || l[0] == '#') continue;
    titles.insert(Lower(l));
  }
  return TitleLexicon(std::move(titles));
}

StatusOr<TitleLexicon> TitleLexicon::LoadDefault() { return Load(DataPath("lexicons/titles.txt")); }

bool TitleLexicon::IsTitle(std::string_view word) const { return titles_.count(Lower(word)) > 0; }

void TitleLexicon::StripPersonTitles(const std::vector<std::string>& words,
                                     std::vector<WordSpan>* spans) const {
  std::vector<WordSpan> kept;
  for (WordSpan s : *spans) {
    if (s.type == "PERSON") {
      bool stripped = false;
      while (s.begin < s.end) {
        const std::string& w = words[s.begin];
        bool title = IsTitle(w);
        // "Secretary of State X": the connectives only after a title.
        bool connective = stripped && s.begin + 1 < s.end && (w == "of" || w == "the");
        if (!title && !connective) break;
        stripped = true;
        ++s.begin;
      }
      if (s.begin == s.end) continue;
    }
    kept.push_back(std::move(s));
  }
  *spans = std::move(kept);
}

std::vector<ConllSentence> DedupeSentences(std::vector<ConllSentence> sentences) {
  std::unordered_set<std::string> seen;
  std::vector<ConllSentence> out;
  out.reserve(sentences.size());
  for (auto& s : sentences) {
    std::string key;
    for (const auto& w : s.words) {
      key += w;
      key += '\x01';
    }
    if (seen.insert(std::move(key)).second) out.push_back(std::move(s));
  }
  return out;
}

void SplitIndices(size_t n, uint64_t seed, double heldout_fraction, std::vector<size_t>* train,
                  std::vector<size_t>* heldout) {
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::mt19937_64 rng(seed);
  for (size_t i = n; i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
  size_t cut = n - static_cast<size_t>(static_cast<double>(n) * heldout_fraction);
  train->assign(order.begin(), order.begin() + static_cast<long>(cut));
  heldout->assign(order.begin() + static_cast<long>(cut), order.end());
}

std::vector<std::vector<WordSpan>> MappedSpans(const std::vector<ConllSentence>& sentences,
                                               const EntityTypeMap& map,
                                               const TitleLexicon* titles) {
  std::vector<std::vector<WordSpan>> out;
  out.reserve(sentences.size());
  for (const auto& s : sentences) {
    std::vector<WordSpan> spans;
    for (auto& span : SpansFromTags(s.tags)) {
      std::string type = map.Map(span.type);
      if (type.empty() || type == "O") continue;
      span.type = std::move(type);
      spans.push_back(std::move(span));
    }
    if (titles != nullptr) titles->StripPersonTitles(s.words, &spans);
    out.push_back(std::move(spans));
  }
  return out;
}

std::vector<std::string> NerClasses(bool bilou) {
  std::vector<std::string> classes = {"O"};
  for (const char* type : {"PERSON", "ORG", "GPE", "NORP", "MISC"}) {
    for (const char* p : bilou ? std::vector<const char*>{"B", "I", "L", "U"}
                               : std::vector<const char*>{"B", "I"}) {
      classes.push_back(std::string(p) + "-" + type);
    }
  }
  return classes;
}

}  // namespace sitrep
