// The gazetteer: every known name of every known actor or place, keyed by its
// folded form (entity_fold.h), with the canonical actor it stands for.
//
// It is built at first load (docs/gazetteer.md) from Debian data packages —
// iso-codes (countries, first-level subdivisions), unicode-cldr-core (English
// territory and subdivision names), wordnet-base (instance nouns: cities,
// places, people, organizations; demonyms) — and the curated alias tables in
// data/actors/*.tsv (docs/lexicon-actors.md), which win over Debian data.
//
//   auto gaz = Gazetteer::LoadDefault();
//   if (!gaz.ok()) return gaz.status();
//   if (const NameEntry* e = (*gaz)->Find(Fold("Kim Jong-un")))
//     Use((*gaz)->actor(e->actor).id);  // "kim-jong-un@KP"
//
// Thread safety: a built Gazetteer is immutable; all const methods may run on
// many threads.
#ifndef SITREP_NER_GAZETTEER_H_
#define SITREP_NER_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ner/entity_words.h"
#include "ner/gazetteer_table.h"
#include "sitrep/status.h"

namespace sitrep {

enum class ActorType : uint8_t { kPerson, kOrg, kGpe, kLoc, kNorp, kMilitary, kMisc };

// "PERSON", "ORG", "GPE", "LOC", "NORP", "MILITARY", "MISC".
std::string_view ActorTypeName(ActorType type);
// Inverse of ActorTypeName; false for anything else.
bool ParseActorType(std::string_view name, ActorType* type);

struct Actor {
  std::string id;       // canonical slug, "kim-jong-un@KP"
  std::string name;     // display name
  std::string country;  // ISO 3166-1 alpha-2; empty = unknown / international
  ActorType type = ActorType::kMisc;
  // For a national capital: the country it stands for when used as an actor
  // ("Pyongyang denied ..."); empty otherwise.
  std::string capital_of;
};

// Where a name came from; a higher value wins when two actors claim one key.
enum NamePriority : uint8_t {
  kPrioritySubdivisionShort = 10,  // "Kursk" derived from "Kurskaja oblast'"
  kPriorityWordNet = 20,
  kPrioritySubdivision = 30,
  kPriorityCountry = 40,  // countries and demonyms
  kPriorityCurated = 50,  // data/actors/*.tsv
};

// What one folded key stands for.
struct NameEntry {
  uint32_t actor = 0;  // index into actors()
  uint8_t priority = 0;
  // Written in capitals in the source (NIS, KPA, US): in mixed-case text it
  // matches only a token written in capitals.
  bool acronym = false;
  // Also a common English word ("Reading", "Central"): accepted only where
  // the statistical tagger also sees an entity.
  bool common = false;
  // Several actors of the same priority share this key (a bare surname of
  // two WordNet people): the type is known, the actor is not.
  bool ambiguous = false;
  // A demonym ("Russian", "North Koreans"): typed NORP, links to the country.
  bool demonym = false;
  // The key's original name has spaces ("Kim Jong Un"): a full name.
  bool multiword = false;
};

struct GazetteerOptions {
  // Debian data; a missing source is skipped with a warning.
  std::string iso_codes_dir = "/usr/share/iso-codes/json";
  std::string cldr_dir = "/usr/share/unicode/cldr/common";
  std::string wordnet_dir = "/usr/share/wordnet";
  // Curated alias tables: every *.tsv file in this directory, in name order.
  // Empty = DataPath("actors").
  std::string actors_dir;
  // data/lexicons files; empty = DataPath(...).
  std::string words_path;  // data/lexicons/entity-words.tsv (docs/gazetteer.md)
  // Outlets (data/lexicons/outlet-affiliation.tsv): their names are ORG.
  // Empty = DataPath(...); "-" = none.
  std::string outlets_path;
  bool use_debian = true;  // false: curated tables only (tests)
};

class Gazetteer {
 public:
  Gazetteer();
  ~Gazetteer();

  // Builds from the Debian sources and the alias tables. Returns
  // InvalidArgument naming file and line for a malformed alias table.
  static StatusOr<std::unique_ptr<Gazetteer>> Build(const GazetteerOptions& options);
  // Build(GazetteerOptions{}) through the compiled cache (DefaultCachePath),
  // once per process and shared.
  static StatusOr<std::shared_ptr<const Gazetteer>> LoadDefault();

  // --- Compiled cache (gazetteer_cache.cc; format in docs/gazetteer.md) ---
  // A 64-bit fingerprint of everything Build(options) reads: the paths,
  // sizes and modification times of the Debian files, the bytes of the
  // curated tables and word list, and the cache format version.
  static uint64_t SourceFingerprint(const GazetteerOptions& options);
  // The cache of a finished gazetteer built from sources of `fingerprint`.
  std::string SerializeCache(uint64_t fingerprint) const;
  // Corruption if `bytes` is not a complete, consistent cache of this format
  // with this fingerprint (a stale cache is Corruption too).
  static StatusOr<std::unique_ptr<Gazetteer>> ParseCache(std::string_view bytes,
                                                         uint64_t fingerprint);
  // Reads the cache at `cache_path` if it is valid for `options`, else
  // builds and (re)writes it, atomically; a cache that cannot be written
  // is skipped. An empty path builds without a cache.
  static StatusOr<std::unique_ptr<Gazetteer>> LoadOrBuild(const GazetteerOptions& options,
                                                          const std::string& cache_path);
  // $SITREP_CACHE_DIR/gazetteer.bin if the variable is set (empty: no
  // cache), else $XDG_CACHE_HOME/sitrep/gazetteer.bin, else
  // $HOME/.cache/sitrep/gazetteer.bin; empty if none of them is set.
  static std::string DefaultCachePath();

  // --- Building (before Finish) ---
  // Adds an actor or, if its id exists, returns the existing index after
  // filling its empty fields from `a` (with `override`, the non-empty fields
  // of `a` win: curated rows correct Debian data).
  uint32_t AddActor(const Actor& a, bool override = false);
  // Adds a surface name of actor `actor`. A key already held by another
  // actor is taken over only with a higher priority (equal priority and a
  // different actor marks it ambiguous; curated rows always take over).
  void AddName(std::string_view surface, uint32_t actor, uint8_t priority, bool demonym = false);
  // Marks folded words as common English words / function words.
  void AddCommonWord(std::string_view folded);
  void AddFunctionWord(std::string_view folded);
  // Marks folded words as English adjectives or adverbs ("west", "central"):
  // build-time knowledge, used to skip region names that are directions.
  void AddAdjective(std::string_view folded) { adjectives_.emplace(folded); }
  bool IsAdjective(std::string_view folded) const {
    return adjectives_.find(folded) != adjectives_.end();
  }
  // Reads one alias table (docs/lexicon-actors.md).
  Status LoadActorTable(const std::string& path);
  // The outlets of data/lexicons/outlet-affiliation.tsv (outlet, affiliation,
  // country, aliases) as ORG names below the curated tables; web domains
  // among the aliases are skipped.
  Status LoadOutletTable(const std::string& path);
  // Computes the common flags, the prefix set and the one-edit index.
  void Finish();

  // --- Lookup ---
  const NameEntry* Find(std::string_view key) const;
  // Find, and whether some name's key starts with `key` at a word boundary
  // of the name (so a longer token n-gram may still match): one probe.
  const NameEntry* FindWithPrefix(std::string_view key, bool* is_prefix) const {
    return FindWithPrefix(key, FlatStringTable::Hash(key), is_prefix);
  }
  // The same with hash == FlatStringTable::Hash(key), after PrefetchKey(hash)
  // for the keys of a sentence.
  const NameEntry* FindWithPrefix(std::string_view key, uint64_t hash, bool* is_prefix) const;
  void PrefetchKey(uint64_t hash) const {
    if (finished_) lookup_.Prefetch(hash);
  }
  bool IsPrefix(std::string_view key) const {
    bool prefix = false;
    FindWithPrefix(key, &prefix);
    return prefix;
  }
  // The single place name of five or more letters one edit (insertion,
  // deletion, substitution, adjacent swap) away from `key`, with the same first
  // letter ("Sanders" is not Randers); null if none or several. `multiword`:
  // among names of several words whose folded key has eight or more letters
  // ("khanyounis" -> Khan Yunis), else among one-word names.
  // Answers without `matched_key` are kept in a small per-thread cache: the
  // same unknown names come back in every sentence that names them.
  const NameEntry* FindFuzzy(std::string_view key, std::string* matched_key = nullptr,
                             bool multiword = false) const;
  bool IsCommonWord(std::string_view key) const;
  bool IsFunctionWord(std::string_view key) const;
  // The same with hash == FlatStringTable::Hash(key) already computed.
  bool IsCommonWord(std::string_view key, uint64_t hash) const;
  bool IsFunctionWord(std::string_view key, uint64_t hash) const;

  const Actor& actor(uint32_t index) const { return actors_[index]; }
  const std::vector<Actor>& actors() const { return actors_; }
  // Index of the actor with this id, or -1.
  int FindActor(std::string_view id) const;
  size_t num_names() const { return finished_ ? entries_.size() : names_.size(); }
  const std::vector<std::string>& warnings() const { return warnings_; }
  // The word lists it was built with (locatives, heads, titles ...).
  const EntityWords& words() const { return words_; }
  bool IsTitle(std::string_view key) const {
    return titles_.Find(key) != FlatStringTable::kMissing;
  }
  bool IsTitle(std::string_view key, uint64_t hash) const {
    return titles_.Find(key, hash) != FlatStringTable::kMissing;
  }
  bool IsLocative(std::string_view key) const {
    return locatives_.Find(key) != FlatStringTable::kMissing;
  }
  bool IsActorVerb(std::string_view key) const {
    return actor_verbs_.Find(key) != FlatStringTable::kMissing;
  }
  // "Treaty", "Protocol": a name ending in one is a document (MISC).
  bool IsDocumentHead(std::string_view key) const {
    return document_heads_.Find(key) != FlatStringTable::kMissing;
  }
  // The country actor of an ISO alpha-2 code, or -1.
  int CountryActor(std::string_view code) const;
  void SetCountryActor(const std::string& code, uint32_t actor) { country_actor_[code] = actor; }
  // Uses these word lists (function words, titles, locatives).
  void SetWords(EntityWords words);
  void AddWarning(std::string w) { warnings_.push_back(std::move(w)); }

 private:
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using KeyMap = std::unordered_map<std::string, NameEntry, StringHash, std::equal_to<>>;

  std::vector<Actor> actors_;
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> actor_index_;
  KeyMap names_;
  std::unordered_set<std::string, StringHash, std::equal_to<>> prefixes_;
  std::unordered_set<std::string, StringHash, std::equal_to<>> common_words_;
  std::unordered_set<std::string, StringHash, std::equal_to<>> function_words_;
  std::unordered_set<std::string, StringHash, std::equal_to<>> adjectives_;
  // Frozen by Finish(): key -> entry index | kPrefixBit (kNoEntry: prefix only).
  static constexpr uint32_t kPrefixBit = 0x80000000u;
  static constexpr uint32_t kNoEntry = 0x7ffffffeu;  // | kPrefixBit != kMissing
  bool finished_ = false;
  // Set anew whenever the one-edit index is finished (Finish, ParseCache):
  // keys the per-thread cache of FindFuzzy answers, never 0.
  uint64_t fuzzy_generation_ = 0;
  static uint64_t NextFuzzyGeneration();
  const NameEntry* FindFuzzyUncached(std::string_view key, std::string* matched_key,
                                     bool multiword) const;
  FlatStringTable lookup_;
  std::vector<NameEntry> entries_;
  FlatStringTable common_table_, function_table_;
  // One-edit index (symmetric deletes): deletion -> index into delete_lists_,
  // whose members index fuzzy_keys_ / fuzzy_entries_.
  FlatStringTable deletes_;
  std::vector<std::vector<uint32_t>> delete_lists_;
  std::vector<std::string> fuzzy_keys_;
  std::vector<uint32_t> fuzzy_entries_;
  std::vector<std::string> warnings_;
  EntityWords words_;
  // Asked for most tokens: flat tables, not node-based sets.
  FlatStringTable titles_, locatives_, actor_verbs_, document_heads_;
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> country_actor_;
};

// Builds the Debian-derived part; defined in gazetteer_debian.cc.
Status AddDebianSources(const GazetteerOptions& options, Gazetteer* gazetteer);

}  // namespace sitrep

#endif  // SITREP_NER_GAZETTEER_H_
