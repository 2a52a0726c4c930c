#include "ner/gazetteer_wordnet.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string_view>
#include <vector>

#include "ner/entity_fold.h"

namespace sitrep {
namespace {

enum class Ptr : uint8_t { kHypernym, kInstanceOf, kPartOf, kDerived, kPertains };

struct Pointer {
  Ptr kind;
  char pos;  // 'n', 'a', 's', 'v', 'r' of the target
  uint32_t target;
};

struct Synset {
  uint32_t offset = 0;
  std::vector<std::string_view> lemmas;  // with '_' between words
  std::vector<Pointer> pointers;
  std::string_view gloss;
  bool instance = false;
};

// Reads a data.* file (whole, kept in *buf since lemmas point into it).
Status ReadDataFile(const std::string& path, std::string* buf, std::vector<Synset>* out,
                    std::unordered_map<uint32_t, uint32_t>* index) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  *buf = ss.str();
  std::string_view all(*buf);
  size_t pos = 0;
  while (pos < all.size()) {
    size_t nl = all.find('\n', pos);
    if (nl == std::string_view::npos) nl = all.size();
    std::string_view line = all.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.empty() || line[0] == ' ') continue;  // licence header
    size_t bar = line.find(" | ");
    std::string_view head = line.substr(0, bar);
    Synset s;
    if (bar != std::string_view::npos) s.gloss = line.substr(bar + 3);
    std::vector<std::string_view> f;
    size_t p = 0;
    while (p < head.size()) {
      size_t sp = head.find(' ', p);
      if (sp == std::string_view::npos) sp = head.size();
      if (sp > p) f.push_back(head.substr(p, sp - p));
      p = sp + 1;
    }
    if (f.size() < 4) continue;
    s.offset = static_cast<uint32_t>(std::strtoul(std::string(f[0]).c_str(), nullptr, 10));
    size_t w_cnt = std::strtoul(std::string(f[3]).c_str(), nullptr, 16);
    size_t i = 4;
    for (size_t w = 0; w < w_cnt && i + 1 < f.size(); ++w, i += 2) {
      std::string_view lemma = f[i];
      size_t paren = lemma.find('(');  // adjective markers: "galore(ip)"
      s.lemmas.push_back(lemma.substr(0, paren));
    }
    if (i >= f.size()) continue;
    size_t p_cnt = std::strtoul(std::string(f[i]).c_str(), nullptr, 10);
    ++i;
    for (size_t k = 0; k < p_cnt && i + 3 < f.size() + 0; ++k, i += 4) {
      std::string_view sym = f[i];
      Pointer ptr;
      ptr.pos = f[i + 2].empty() ? 'n' : f[i + 2][0];
      ptr.target = static_cast<uint32_t>(std::strtoul(std::string(f[i + 1]).c_str(), nullptr, 10));
      if (sym == "@") {
        ptr.kind = Ptr::kHypernym;
      } else if (sym == "@i") {
        ptr.kind = Ptr::kInstanceOf;
        s.instance = true;
      } else if (sym == "#p") {
        ptr.kind = Ptr::kPartOf;
      } else if (sym == "+") {
        ptr.kind = Ptr::kDerived;
      } else if (sym == "\\") {
        ptr.kind = Ptr::kPertains;
      } else {
        continue;
      }
      s.pointers.push_back(ptr);
    }
    (*index)[s.offset] = static_cast<uint32_t>(out->size());
    out->push_back(std::move(s));
  }
  return Status::OK();
}

// index.<pos>: lemma -> synset offsets in sense order (most frequent first).
Status ReadIndexFile(const std::string& path,
                     std::unordered_map<std::string, std::vector<uint32_t>>* out) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;
    std::istringstream ls(line);
    std::string lemma, pos;
    size_t synset_cnt = 0, p_cnt = 0;
    ls >> lemma >> pos >> synset_cnt >> p_cnt;
    std::string skip;
    for (size_t k = 0; k < p_cnt; ++k) ls >> skip;
    ls >> skip >> skip;  // sense_cnt, tagsense_cnt
    std::vector<uint32_t> offsets;
    uint32_t off;
    while (offsets.size() < synset_cnt && ls >> off) offsets.push_back(off);
    (*out)[lemma] = std::move(offsets);
  }
  return Status::OK();
}

std::string Spaced(std::string_view lemma) {
  std::string s(lemma);
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

bool StartsUpper(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }

class WordNetBuilder {
 public:
  WordNetBuilder(const EntityWords& words, const std::unordered_map<std::string, uint32_t>& c,
                 Gazetteer* gaz)
      : words_(words), countries_(c), gaz_(gaz) {}

  Status Run(const std::string& dir) {
    SITREP_RETURN_IF_ERROR(ReadDataFile(dir + "/data.noun", &noun_buf_, &nouns_, &noun_index_));
    SITREP_RETURN_IF_ERROR(ReadDataFile(dir + "/data.adj", &adj_buf_, &adjs_, &adj_index_));
    SITREP_RETURN_IF_ERROR(ReadIndexFile(dir + "/index.noun", &noun_senses_));
    AddCommonWords(dir);
    ResolveClasses();
    MapCountrySynsets();
    AddDemonyms();
    AddInstances();
    return Status::OK();
  }

 private:
  void AddCommonWords(const std::string& dir) {
    for (const auto& [lemma, offsets] : noun_senses_) {
      for (uint32_t off : offsets) {
        auto it = noun_index_.find(off);
        if (it != noun_index_.end() && !nouns_[it->second].instance) {
          gaz_->AddCommonWord(Fold(Spaced(lemma)));
          break;
        }
      }
    }
    for (const char* pos : {"verb", "adj", "adv"}) {
      std::unordered_map<std::string, std::vector<uint32_t>> idx;
      if (!ReadIndexFile(dir + "/index." + pos, &idx).ok()) continue;
      for (const auto& [lemma, offsets] : idx) {
        std::string key = Fold(Spaced(lemma));
        gaz_->AddCommonWord(key);
        if (pos[0] != 'v') gaz_->AddAdjective(key);
      }
    }
  }

  // "city%1" -> offset of sense 1 of "city".
  void ResolveClasses() {
    for (const auto& [spec, type] : words_.wordnet_classes) {
      size_t pct = spec.find('%');
      std::string lemma = spec.substr(0, pct);
      size_t sense =
          pct == std::string::npos ? 1 : std::strtoul(spec.c_str() + pct + 1, nullptr, 10);
      auto it = noun_senses_.find(lemma);
      if (it == noun_senses_.end() || sense == 0 || sense > it->second.size()) {
        gaz_->AddWarning("WordNet class '" + spec + "' not found");
        continue;
      }
      uint32_t off = it->second[sense - 1];
      if (type == "CAPITAL") {
        capital_class_ = off;
        class_type_[off] = ActorType::kGpe;
      } else {
        ActorType t;
        if (ParseActorType(type, &t)) class_type_[off] = t;
      }
    }
  }

  // Type of a synset: the nearest listed class up the hypernym graph.
  int TypeOf(uint32_t index, int depth = 0) {
    if (depth > 24) return -1;
    auto memo = memo_.find(index);
    if (memo != memo_.end()) return memo->second;
    const Synset& s = nouns_[index];
    auto cls = class_type_.find(s.offset);
    int result = -1;
    if (cls != class_type_.end()) {
      result = static_cast<int>(cls->second);
    } else {
      for (const Pointer& p : s.pointers) {
        if (p.kind != Ptr::kHypernym && p.kind != Ptr::kInstanceOf) continue;
        auto it = noun_index_.find(p.target);
        if (it == noun_index_.end()) continue;
        result = TypeOf(it->second, depth + 1);
        if (result >= 0) break;
      }
    }
    memo_[index] = result;
    return result;
  }

  // Country synsets: instances whose first lemma is a country's name.
  void MapCountrySynsets() {
    for (uint32_t i = 0; i < nouns_.size(); ++i) {
      const Synset& s = nouns_[i];
      if (!s.instance || s.lemmas.empty()) continue;
      const NameEntry* e = gaz_->Find(Fold(Spaced(s.lemmas[0])));
      if (e == nullptr || e->priority != kPriorityCountry || e->demonym) continue;
      const Actor& a = gaz_->actor(e->actor);
      if (countries_.count(a.country) == 0 || countries_.at(a.country) != e->actor) continue;
      country_of_synset_[s.offset] = a.country;
      for (size_t k = 1; k < s.lemmas.size(); ++k) {
        gaz_->AddName(Spaced(s.lemmas[k]), e->actor, kPriorityWordNet);
      }
    }
  }

  // Country of a place: itself or a part-holonym ancestor (depth <= 4).
  std::string PlaceCountry(const Synset& s, int depth = 0) {
    auto it = country_of_synset_.find(s.offset);
    if (it != country_of_synset_.end()) return it->second;
    if (depth >= 4) return "";
    for (const Pointer& p : s.pointers) {
      if (p.kind != Ptr::kPartOf) continue;
      auto t = noun_index_.find(p.target);
      if (t == noun_index_.end()) continue;
      std::string cc = PlaceCountry(nouns_[t->second], depth + 1);
      if (!cc.empty()) return cc;
    }
    return "";
  }

  // "Russian statesman ..." / "United States general ..." -> country code.
  std::string GlossCountry(std::string_view gloss) {
    std::vector<std::string_view> w;
    size_t p = 0;
    while (w.size() < 3 && p < gloss.size()) {
      size_t sp = gloss.find_first_of(" ;,", p);
      if (sp == std::string_view::npos) sp = gloss.size();
      w.push_back(gloss.substr(p, sp - p));
      p = sp + 1;
    }
    for (size_t n = std::min<size_t>(3, w.size()); n >= 1; --n) {
      std::string key;
      for (size_t k = 0; k < n; ++k) {
        if (!StartsUpper(w[k])) return "";
        AppendFolded(w[k], &key);
      }
      const NameEntry* e = gaz_->Find(key);
      if (e != nullptr && e->priority >= kPriorityCountry &&
          gaz_->actor(e->actor).type == ActorType::kGpe) {
        return gaz_->actor(e->actor).country;
      }
    }
    return "";
  }

  // Candidate demonyms: folded key -> (surface, country actor, score). A
  // demonym some adjective ties to two countries ("Chinese": China and
  // Taiwan) goes to the country whose name it shares most letters with.
  struct Demonym {
    std::string surface;
    uint32_t country;
    size_t score;
  };
  void NoteDemonym(std::string_view lemma, uint32_t country_actor,
                   std::unordered_map<std::string, Demonym>* out) {
    if (!StartsUpper(lemma)) return;
    std::string name = Spaced(lemma);
    std::string key = Fold(name);
    std::string country_key = Fold(gaz_->actor(country_actor).name);
    size_t score = 0;
    while (score < key.size() && score < country_key.size() && key[score] == country_key[score]) {
      ++score;
    }
    auto it = out->find(key);
    if (it == out->end() || it->second.score < score) {
      (*out)[key] = Demonym{name, country_actor, score};
    }
  }

  void AddDemonyms() {
    std::unordered_map<std::string, Demonym> found;
    std::unordered_map<uint32_t, uint32_t> adj_country;  // adj offset -> country actor
    for (const Synset& a : adjs_) {
      for (const Pointer& p : a.pointers) {
        if ((p.kind != Ptr::kPertains && p.kind != Ptr::kDerived) || p.pos != 'n') continue;
        auto it = country_of_synset_.find(p.target);
        if (it == country_of_synset_.end()) continue;
        auto c = countries_.find(it->second);
        if (c == countries_.end()) continue;
        adj_country[a.offset] = c->second;
        for (auto lemma : a.lemmas) NoteDemonym(lemma, c->second, &found);
        break;
      }
    }
    // Nouns derived from those adjectives: "a North Korean".
    for (const Synset& n : nouns_) {
      if (n.instance) continue;
      for (const Pointer& p : n.pointers) {
        if (p.kind != Ptr::kDerived || (p.pos != 'a' && p.pos != 's')) continue;
        auto it = adj_country.find(p.target);
        if (it == adj_country.end()) continue;
        for (auto lemma : n.lemmas) NoteDemonym(lemma, it->second, &found);
        break;
      }
    }
    for (const auto& [key, d] : found) {
      gaz_->AddName(d.surface, d.country, kPriorityCountry, /*demonym=*/true);
      // "Russians", "Israelis"; "Chinese" and "French" have no -s plural.
      if (d.surface.size() > 3 && (d.surface.ends_with("an") || d.surface.ends_with("i"))) {
        gaz_->AddName(d.surface + "s", d.country, kPriorityCountry, true);
      }
    }
  }

  // Sense rank of `offset` among the senses of `lemma` (0 = most frequent).
  size_t Rank(std::string_view lemma, uint32_t offset) {
    std::string lower(lemma);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto it = noun_senses_.find(lower);
    if (it == noun_senses_.end()) return 99;
    auto pos = std::find(it->second.begin(), it->second.end(), offset);
    return pos == it->second.end() ? 99 : static_cast<size_t>(pos - it->second.begin());
  }

  void AddInstances() {
    std::vector<std::pair<size_t, uint32_t>> order;  // (rank, index)
    for (uint32_t i = 0; i < nouns_.size(); ++i) {
      const Synset& s = nouns_[i];
      if (!s.instance || s.lemmas.empty() || country_of_synset_.count(s.offset)) continue;
      order.emplace_back(Rank(s.lemmas[0], s.offset), i);
    }
    std::stable_sort(order.begin(), order.end());
    for (const auto& [rank, i] : order) {
      const Synset& s = nouns_[i];
      int type = TypeOf(i);
      if (type < 0) continue;
      Actor a;
      a.type = static_cast<ActorType>(type);
      std::string display = Spaced(s.lemmas[0]);
      if (a.type == ActorType::kPerson) {
        for (auto l : s.lemmas) {
          if (l.find('_') != std::string_view::npos) {
            display = Spaced(l);
            break;
          }
        }
        a.country = GlossCountry(s.gloss);
      } else {
        a.country = PlaceCountry(s);
      }
      bool capital = false;
      for (const Pointer& p : s.pointers) {
        capital = capital || (p.kind == Ptr::kInstanceOf && p.target == capital_class_);
      }
      if (capital && !a.country.empty()) a.capital_of = a.country;
      a.name = display;
      a.id = Slugify(display) + (a.country.empty() ? "" : "@" + a.country);
      uint32_t index = gaz_->AddActor(a);
      for (auto l : s.lemmas) {
        if (l.starts_with("capital_of")) continue;
        gaz_->AddName(Spaced(l), index, kPriorityWordNet);
      }
    }
  }

  const EntityWords& words_;
  const std::unordered_map<std::string, uint32_t>& countries_;
  Gazetteer* gaz_;
  std::string noun_buf_, adj_buf_;
  std::vector<Synset> nouns_, adjs_;
  std::unordered_map<uint32_t, uint32_t> noun_index_, adj_index_;
  std::unordered_map<std::string, std::vector<uint32_t>> noun_senses_;
  std::unordered_map<uint32_t, ActorType> class_type_;
  uint32_t capital_class_ = 0xffffffff;
  std::unordered_map<uint32_t, int> memo_;
  std::unordered_map<uint32_t, std::string> country_of_synset_;
};

}  // namespace

Status AddWordNet(const std::string& dir, const EntityWords& words,
                  const std::unordered_map<std::string, uint32_t>& countries, Gazetteer* gaz) {
  WordNetBuilder builder(words, countries, gaz);
  return builder.Run(dir);
}

}  // namespace sitrep
