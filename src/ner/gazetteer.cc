#include "ner/gazetteer.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>

#include "ner/entity_fold.h"
#include "ner/entity_words.h"
#include "sitrep/data_path.h"

namespace sitrep {
namespace {

constexpr std::string_view kTypeNames[] = {"PERSON", "ORG",      "GPE", "LOC",
                                           "NORP",   "MILITARY", "MISC"};

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      out.push_back(line.substr(start));
      return out;
    }
    out.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

bool IsValidId(std::string_view id) {
  size_t at = id.find('@');
  std::string_view slug = id.substr(0, at);
  if (slug.empty() || slug.front() == '-' || slug.back() == '-') return false;
  for (char c : slug) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  if (at == std::string_view::npos) return true;
  std::string_view cc = id.substr(at + 1);
  return cc.size() == 2 && cc[0] >= 'A' && cc[0] <= 'Z' && cc[1] >= 'A' && cc[1] <= 'Z';
}

bool IsCountryCode(std::string_view cc) {
  return cc.size() == 2 && cc[0] >= 'A' && cc[0] <= 'Z' && cc[1] >= 'A' && cc[1] <= 'Z';
}

// Written in capitals with at most five letters: "NIS", "U.S.", "MI6".
bool LooksLikeAcronym(std::string_view surface) {
  int letters = 0;
  for (unsigned char c : surface) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
    if (c == ' ') return false;
  }
  return letters >= 1 && letters <= 5;
}

// How `b` differs from `a` by one edit: 1 = adjacent swap, 2 = insertion or
// deletion, 3 = substitution; 0 = equal or more than one edit.
int OneEditKind(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return 0;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() != b.size()) return a.substr(i) == b.substr(i + 1) ? 2 : 0;
  if (i == a.size()) return 0;  // equal
  if (i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
      a.substr(i + 2) == b.substr(i + 2)) {
    return 1;
  }
  return a.substr(i + 1) == b.substr(i + 1) ? 3 : 0;
}

}  // namespace

std::string_view ActorTypeName(ActorType type) { return kTypeNames[static_cast<int>(type)]; }

bool ParseActorType(std::string_view name, ActorType* type) {
  for (int i = 0; i < 7; ++i) {
    if (kTypeNames[i] == name) {
      *type = static_cast<ActorType>(i);
      return true;
    }
  }
  return false;
}

Gazetteer::Gazetteer() = default;
Gazetteer::~Gazetteer() = default;

uint32_t Gazetteer::AddActor(const Actor& a, bool override) {
  auto it = actor_index_.find(a.id);
  if (it != actor_index_.end()) {
    Actor& old = actors_[it->second];
    auto take = [&](std::string& field, const std::string& value) {
      if (!value.empty() && (override || field.empty())) field = value;
    };
    take(old.name, a.name);
    take(old.country, a.country);
    take(old.capital_of, a.capital_of);
    if (override && a.type != ActorType::kMisc) old.type = a.type;
    return it->second;
  }
  uint32_t index = static_cast<uint32_t>(actors_.size());
  actors_.push_back(a);
  actor_index_.emplace(a.id, index);
  return index;
}

void Gazetteer::AddName(std::string_view surface, uint32_t actor, uint8_t priority, bool demonym) {
  // A leading article is not part of the name: "the Kremlin" is "Kremlin".
  if (surface.size() > 4 && (surface.substr(0, 4) == "the " || surface.substr(0, 4) == "The ")) {
    surface.remove_prefix(4);
  }
  std::string key = Fold(surface);
  if (key.empty()) return;
  NameEntry entry;
  entry.actor = actor;
  entry.priority = priority;
  entry.acronym = LooksLikeAcronym(surface);
  entry.demonym = demonym;
  entry.multiword = surface.find(' ') != std::string_view::npos;

  auto [it, inserted] = names_.try_emplace(key, entry);
  if (!inserted) {
    NameEntry& old = it->second;
    if (old.actor == actor) {
      // The least strict spelling decides: "Nato" lets "NATO" match "Nato".
      old.acronym = old.acronym && entry.acronym;
      old.priority = std::max(old.priority, priority);
      old.multiword = old.multiword || entry.multiword;
    } else if (priority > old.priority ||
               (priority == kPriorityCurated && old.priority == kPriorityCurated)) {
      // A curated "Kiev" taking over WordNet's Kiev keeps its capital role.
      const Actor& prev = actors_[old.actor];
      Actor& next = actors_[actor];
      if (!prev.capital_of.empty() && next.capital_of.empty() && prev.country == next.country &&
          next.type == ActorType::kGpe) {
        next.capital_of = prev.capital_of;
      }
      old = entry;
    } else if (priority == old.priority && !old.demonym) {
      // A place keeps its name against a person or organization of the same
      // source ("Berlin" the city, not Irving Berlin): news names places
      // far more often. Otherwise the name is ambiguous.
      ActorType had = actors_[old.actor].type;
      bool place = had == ActorType::kGpe || had == ActorType::kLoc;
      ActorType now = actors_[actor].type;
      if (!place || now == ActorType::kGpe || now == ActorType::kLoc) old.ambiguous = true;
    }
  }
  // Word-boundary prefixes, so matching can stop early on token n-grams.
  for (size_t i = 1; i < surface.size(); ++i) {
    unsigned char c = surface[i];
    if (c == ' ' || c == '-' || c == '\'' || c == '.' || c == '/') {
      std::string prefix = Fold(surface.substr(0, i));
      if (!prefix.empty() && prefix.size() < key.size()) prefixes_.insert(std::move(prefix));
    }
  }
}

void Gazetteer::AddCommonWord(std::string_view folded) {
  if (!folded.empty()) common_words_.emplace(folded);
}
void Gazetteer::AddFunctionWord(std::string_view folded) {
  if (!folded.empty()) function_words_.emplace(folded);
}

Status Gazetteer::LoadActorTable(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto bad = [&](const std::string& why) {
      return Status::InvalidArgument(path + ":" + std::to_string(line_no) + ": " + why);
    };
    std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() != 5) {
      return bad("expected 5 TAB-separated fields (id type country name aliases), got " +
                 std::to_string(f.size()));
    }
    Actor a;
    a.id = std::string(f[0]);
    if (!IsValidId(a.id)) return bad("bad actor id '" + a.id + "'");
    if (!ParseActorType(f[1], &a.type) || a.type == ActorType::kMisc) {
      return bad("bad type '" + std::string(f[1]) + "'");
    }
    a.country = std::string(f[2]);
    if (!a.country.empty() && !IsCountryCode(a.country)) {
      return bad("bad country code '" + a.country + "'");
    }
    size_t at = a.id.find('@');
    if (at != std::string::npos && a.id.substr(at + 1) != a.country) {
      return bad("id '" + a.id + "' does not end in its country '" + a.country + "'");
    }
    a.name = std::string(f[3]);
    if (a.name.empty()) return bad("empty name");
    uint32_t index = AddActor(a, /*override=*/true);
    AddName(f[3], index, kPriorityCurated);
    std::string_view aliases = f[4];
    while (!aliases.empty()) {
      size_t bar = aliases.find('|');
      std::string_view alias = aliases.substr(0, bar);
      if (!alias.empty()) AddName(alias, index, kPriorityCurated);
      if (bar == std::string_view::npos) break;
      aliases.remove_prefix(bar + 1);
    }
  }
  return Status::OK();
}

Status Gazetteer::LoadOutletTable(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() < 3 || f[0].empty()) continue;  // the framing lexicon checks its rows
    Actor a;
    a.type = ActorType::kOrg;
    if (IsCountryCode(f[2])) a.country = std::string(f[2]);
    a.id = Slugify(f[0]) + (a.country.empty() ? "" : "@" + a.country);
    a.name = std::string(f[0]);
    if (!IsValidId(a.id)) continue;
    const uint32_t index = AddActor(a, /*override=*/false);
    AddName(f[0], index, kPriorityCountry);
    std::string_view aliases = f.size() > 3 ? f[3] : std::string_view();
    while (!aliases.empty()) {
      size_t bar = aliases.find('|');
      std::string_view alias = aliases.substr(0, bar);
      // "rt.com", "eng.belta.by": a web address, not a name in running text.
      const bool domain =
          alias.find('.') != std::string_view::npos &&
          std::none_of(alias.begin(), alias.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      if (!alias.empty() && !domain) AddName(alias, index, kPriorityCountry);
      if (bar == std::string_view::npos) break;
      aliases.remove_prefix(bar + 1);
    }
  }
  return Status::OK();
}

void Gazetteer::Finish() {
  entries_.clear();
  std::vector<std::pair<std::string_view, uint32_t>> items;
  items.reserve(names_.size() + prefixes_.size());
  std::unordered_map<std::string_view, uint32_t> index;
  for (auto& [key, entry] : names_) {
    entry.common = entry.priority <= kPrioritySubdivision && !entry.demonym &&
                   (common_words_.count(key) > 0 || function_words_.count(key) > 0);
    uint32_t i = static_cast<uint32_t>(entries_.size());
    entries_.push_back(entry);
    index.emplace(key, i);
    items.emplace_back(key, i | (prefixes_.count(key) ? kPrefixBit : 0));
  }
  for (const auto& p : prefixes_) {
    if (names_.find(p) == names_.end()) items.emplace_back(p, kNoEntry | kPrefixBit);
  }
  lookup_.Build(items);

  items.clear();
  for (const auto& w : common_words_) items.emplace_back(w, 1);
  common_table_.Build(items);
  items.clear();
  for (const auto& w : function_words_) items.emplace_back(w, 1);
  function_table_.Build(items);

  // One-edit index over place names: single words of five or more letters,
  // names of several words whose folded key has eight or more.
  fuzzy_keys_.clear();
  fuzzy_entries_.clear();
  delete_lists_.clear();
  std::unordered_map<std::string, uint32_t> lists;  // deletion -> list index
  auto note = [&](std::string d, uint32_t fuzzy) {
    auto [it, inserted] = lists.try_emplace(std::move(d), delete_lists_.size());
    if (inserted) delete_lists_.emplace_back();
    auto& v = delete_lists_[it->second];
    if (v.empty() || v.back() != fuzzy) v.push_back(fuzzy);
  };
  for (const auto& [key, entry] : names_) {
    if (key.size() < (entry.multiword ? 8u : 5u) || entry.acronym || entry.common) continue;
    if (function_words_.count(key) > 0 || common_words_.count(key) > 0) continue;
    // Places only: "Kurks" is Kursk, but people's names vary too much for a
    // one-edit guess ("Korea" is not Korda).
    ActorType type = actors_[entry.actor].type;
    if (entry.demonym || (type != ActorType::kGpe && type != ActorType::kLoc)) continue;
    uint32_t fuzzy = static_cast<uint32_t>(fuzzy_keys_.size());
    fuzzy_keys_.push_back(key);
    fuzzy_entries_.push_back(index[key]);
    note(key, fuzzy);
    for (size_t i = 0; i < key.size(); ++i) note(key.substr(0, i) + key.substr(i + 1), fuzzy);
  }
  items.clear();
  for (const auto& [d, list] : lists) items.emplace_back(d, list);
  deletes_.Build(items);
  finished_ = true;
  fuzzy_generation_ = NextFuzzyGeneration();
}

const NameEntry* Gazetteer::FindWithPrefix(std::string_view key, uint64_t hash,
                                           bool* is_prefix) const {
  if (!finished_) {
    *is_prefix = prefixes_.find(key) != prefixes_.end();
    auto it = names_.find(key);
    return it == names_.end() ? nullptr : &it->second;
  }
  uint32_t v = lookup_.Find(key, hash);
  if (v == FlatStringTable::kMissing) {
    *is_prefix = false;
    return nullptr;
  }
  *is_prefix = (v & kPrefixBit) != 0;
  v &= ~kPrefixBit;
  return v == kNoEntry ? nullptr : &entries_[v];
}

const NameEntry* Gazetteer::Find(std::string_view key) const {
  bool prefix;
  return FindWithPrefix(key, &prefix);
}

uint64_t Gazetteer::NextFuzzyGeneration() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1);
}

const NameEntry* Gazetteer::FindFuzzy(std::string_view key, std::string* matched_key,
                                      bool multiword) const {
  if (!finished_ || key.size() < 4 || key.size() > 40) return nullptr;
  if (matched_key != nullptr) return FindFuzzyUncached(key, matched_key, multiword);
  // Direct-mapped by the key's hash; a slot holds one answer of one
  // gazetteer (generation) as an entry index.
  constexpr size_t kSlots = 2048;
  constexpr uint32_t kNone = 0xffffffffu;
  struct Slot {
    uint64_t generation = 0;  // 0: empty
    char key[40] = {};
    uint8_t len = 0;
    bool multiword = false;
    uint32_t entry = kNone;
  };
  thread_local std::vector<Slot> cache(kSlots);
  const uint64_t h = FlatStringTable::Hash(key);
  Slot& slot = cache[(h >> 20) & (kSlots - 1)];
  if (slot.generation == fuzzy_generation_ && slot.multiword == multiword &&
      slot.len == key.size() && std::memcmp(slot.key, key.data(), key.size()) == 0) {
    return slot.entry == kNone ? nullptr : &entries_[slot.entry];
  }
  const NameEntry* e = FindFuzzyUncached(key, nullptr, multiword);
  slot.generation = fuzzy_generation_;
  std::memcpy(slot.key, key.data(), key.size());
  slot.len = static_cast<uint8_t>(key.size());
  slot.multiword = multiword;
  slot.entry = e == nullptr ? kNone : static_cast<uint32_t>(e - entries_.data());
  return e;
}

const NameEntry* Gazetteer::FindFuzzyUncached(std::string_view key, std::string* matched_key,
                                              bool multiword) const {
  // Candidates within one edit. When several actors tie, the likeliest
  // typo wins: a swap of adjacent letters ("Kurks"), then a dropped or doubled
  // letter, then a wrong letter; then a candidate keeping the first letter.
  uint32_t cands[8];
  int kinds[8];
  int n = 0;
  auto consider = [&](std::string_view probe) {
    uint32_t list = deletes_.Find(probe);
    if (list == FlatStringTable::kMissing) return;
    for (uint32_t cand : delete_lists_[list]) {
      // A changed first letter is rarely a spelling variant ("Sanders" is
      // not Randers).
      if (fuzzy_keys_[cand][0] != key[0]) continue;
      if (entries_[fuzzy_entries_[cand]].multiword != multiword) continue;
      // A final "s" changed or added is another word, not a typo: a surname
      // or a plural ("Abrams" is not Abrama, "Leopards" not Leopard).
      std::string_view ck = fuzzy_keys_[cand];
      if (key.size() > 1 && key.back() == 's' &&
          ((ck.size() == key.size() && ck.back() != 's' &&
            ck.substr(0, ck.size() - 1) == key.substr(0, key.size() - 1)) ||
           (ck.size() + 1 == key.size() && ck == key.substr(0, ck.size())))) {
        continue;
      }
      int kind = OneEditKind(fuzzy_keys_[cand], key);
      if (kind == 0) continue;
      bool dup = false;
      for (int i = 0; i < n; ++i) dup = dup || cands[i] == cand;
      if (!dup && n < 8) {
        kinds[n] = kind;
        cands[n++] = cand;
      }
    }
  };
  consider(key);
  char buf[64];
  for (size_t i = 0; i < key.size(); ++i) {
    std::memcpy(buf, key.data(), i);
    std::memcpy(buf + i, key.data() + i + 1, key.size() - i - 1);
    consider(std::string_view(buf, key.size() - 1));
  }
  int best_kind = 4;
  for (int i = 0; i < n; ++i) best_kind = std::min(best_kind, kinds[i]);
  auto actor_of = [&](uint32_t cand) { return entries_[fuzzy_entries_[cand]].actor; };
  auto pick = [&](bool same_first) -> int {
    int found = -1;
    for (int i = 0; i < n; ++i) {
      if (kinds[i] != best_kind) continue;
      if (same_first && fuzzy_keys_[cands[i]][0] != key[0]) continue;
      if (found >= 0 && actor_of(cands[found]) != actor_of(cands[i])) return -1;
      if (found < 0) found = i;
    }
    return found;
  };
  int found = pick(false);
  if (found < 0) found = pick(true);
  if (found < 0) return nullptr;
  if (matched_key != nullptr) *matched_key = fuzzy_keys_[cands[found]];
  return &entries_[fuzzy_entries_[cands[found]]];
}

void Gazetteer::SetWords(EntityWords words) {
  words_ = std::move(words);
  for (const auto& w : words_.function_words) AddFunctionWord(w);
  auto build = [](const std::vector<std::string>& list, FlatStringTable* table) {
    std::vector<std::pair<std::string_view, uint32_t>> items;
    items.reserve(list.size());
    for (const std::string& w : list) items.emplace_back(w, 1);
    table->Build(items);
  };
  build(words_.titles, &titles_);
  build(words_.locatives, &locatives_);
  build(words_.actor_verbs, &actor_verbs_);
  build(words_.document_heads, &document_heads_);
}

int Gazetteer::CountryActor(std::string_view code) const {
  auto it = country_actor_.find(code);
  return it == country_actor_.end() ? -1 : static_cast<int>(it->second);
}

bool Gazetteer::IsCommonWord(std::string_view key) const {
  if (finished_) return common_table_.Find(key) != FlatStringTable::kMissing;
  return common_words_.find(key) != common_words_.end();
}
bool Gazetteer::IsFunctionWord(std::string_view key) const {
  if (finished_) return function_table_.Find(key) != FlatStringTable::kMissing;
  return function_words_.find(key) != function_words_.end();
}

bool Gazetteer::IsCommonWord(std::string_view key, uint64_t hash) const {
  if (finished_) return common_table_.Find(key, hash) != FlatStringTable::kMissing;
  return common_words_.find(key) != common_words_.end();
}
bool Gazetteer::IsFunctionWord(std::string_view key, uint64_t hash) const {
  if (finished_) return function_table_.Find(key, hash) != FlatStringTable::kMissing;
  return function_words_.find(key) != function_words_.end();
}

int Gazetteer::FindActor(std::string_view id) const {
  auto it = actor_index_.find(id);
  return it == actor_index_.end() ? -1 : static_cast<int>(it->second);
}

StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::Build(const GazetteerOptions& options) {
  auto gaz = std::make_unique<Gazetteer>();
  std::string words_path =
      options.words_path.empty() ? DataPath("lexicons/entity-words.tsv") : options.words_path;
  StatusOr<EntityWords> words = EntityWords::Load(words_path);
  if (!words.ok()) return words.status();
  gaz->SetWords(*words);
  if (options.use_debian) SITREP_RETURN_IF_ERROR(AddDebianSources(options, gaz.get()));

  std::string dir = options.actors_dir.empty() ? DataPath("actors") : options.actors_dir;
  std::vector<std::string> tables;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".tsv") tables.push_back(e.path().string());
  }
  if (ec) gaz->AddWarning(dir + ": " + ec.message());
  std::sort(tables.begin(), tables.end());
  if (options.outlets_path != "-") {
    SITREP_RETURN_IF_ERROR(gaz->LoadOutletTable(options.outlets_path.empty()
                                                    ? DataPath("lexicons/outlet-affiliation.tsv")
                                                    : options.outlets_path));
  }
  for (const auto& t : tables) SITREP_RETURN_IF_ERROR(gaz->LoadActorTable(t));
  gaz->Finish();
  return gaz;
}

StatusOr<std::shared_ptr<const Gazetteer>> Gazetteer::LoadDefault() {
  static std::mutex mu;
  static std::shared_ptr<const Gazetteer> cached;
  std::lock_guard<std::mutex> lock(mu);
  if (cached) return cached;
  StatusOr<std::unique_ptr<Gazetteer>> built = LoadOrBuild(GazetteerOptions{}, DefaultCachePath());
  if (!built.ok()) return built.status();
  cached = std::shared_ptr<const Gazetteer>(std::move(*built));
  return cached;
}

}  // namespace sitrep
