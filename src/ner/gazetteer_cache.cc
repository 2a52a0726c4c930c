// The compiled gazetteer cache: a finished Gazetteer written as one binary
// file, so that a process reads a few megabytes instead of parsing WordNet,
// iso-codes and CLDR again (about 1.2 s of CPU). Format in docs/gazetteer.md.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ner/gazetteer.h"
#include "ner/gazetteer_geonames.h"
#include "sitrep/data_path.h"

namespace sitrep {
namespace {

constexpr char kMagic[4] = {'S', 'R', 'G', 'Z'};
// Bump when the layout below or anything that Build computes changes.
constexpr uint32_t kCacheVersion = 2;

uint64_t Fnv(uint64_t h, std::string_view bytes) {
  for (unsigned char c : bytes) h = (h ^ c) * 0x100000001b3ull;
  return h;
}
constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ull;

uint64_t FnvNumber(uint64_t h, uint64_t v) {
  char b[8];
  for (int i = 0; i < 8; ++i) b[i] = static_cast<char>(v >> (8 * i));
  return Fnv(h, std::string_view(b, 8));
}

// Path, size and modification time: Debian files change only with their
// package, and hashing their 30 MB would cost more than the cache saves.
uint64_t StatFile(uint64_t h, const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  h = Fnv(h, path);
  const uintmax_t size = fs::file_size(path, ec);
  if (ec) return FnvNumber(h, ~0ull);
  const auto mtime = fs::last_write_time(path, ec);
  h = FnvNumber(h, size);
  return FnvNumber(h, ec ? 0 : static_cast<uint64_t>(mtime.time_since_epoch().count()));
}

// Small curated files are hashed by content: an edit within the same second
// keeps size and time.
uint64_t HashFile(uint64_t h, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  h = Fnv(h, path);
  if (!in) return FnvNumber(h, ~0ull);
  std::stringstream ss;
  ss << in.rdbuf();
  return Fnv(h, ss.str());
}

void PutStrings(ByteWriter* w, const std::vector<std::string>& v) {
  w->U32(static_cast<uint32_t>(v.size()));
  for (const auto& s : v) w->Str(s);
}

std::vector<std::string> GetStrings(ByteReader* r) {
  std::vector<std::string> v(r->Count(4));
  for (auto& s : v) s = std::string(r->Str());
  return v;
}

void PutPairs(ByteWriter* w, const std::vector<std::pair<std::string, std::string>>& v) {
  w->U32(static_cast<uint32_t>(v.size()));
  for (const auto& [a, b] : v) {
    w->Str(a);
    w->Str(b);
  }
}

std::vector<std::pair<std::string, std::string>> GetPairs(ByteReader* r) {
  std::vector<std::pair<std::string, std::string>> v(r->Count(8));
  for (auto& [a, b] : v) {
    a = std::string(r->Str());
    b = std::string(r->Str());
  }
  return v;
}

}  // namespace

uint64_t Gazetteer::SourceFingerprint(const GazetteerOptions& options) {
  uint64_t h = FnvNumber(kFnvOffset, kCacheVersion);
  h = FnvNumber(h, options.use_debian ? 1 : 0);
  if (options.use_debian) {
    for (const char* f : {"/iso_3166-1.json", "/iso_3166-2.json"}) {
      h = StatFile(h, options.iso_codes_dir + f);
    }
    for (const char* f : {"/main/en.xml", "/subdivisions/en.xml"}) {
      h = StatFile(h, options.cldr_dir + f);
    }
    for (const char* f : {"/data.noun", "/data.adj", "/data.verb", "/data.adv", "/index.noun",
                          "/index.adj", "/index.verb", "/index.adv"}) {
      h = StatFile(h, options.wordnet_dir + f);
    }
    h = StatFile(h, DefaultGeoNamesPath());
  }
  h = HashFile(
      h, options.words_path.empty() ? DataPath("lexicons/entity-words.tsv") : options.words_path);
  if (options.outlets_path != "-") {
    h = HashFile(h, options.outlets_path.empty() ? DataPath("lexicons/outlet-affiliation.tsv")
                                                 : options.outlets_path);
  }
  const std::string dir = options.actors_dir.empty() ? DataPath("actors") : options.actors_dir;
  std::vector<std::string> tables;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".tsv") tables.push_back(e.path().string());
  }
  std::sort(tables.begin(), tables.end());
  for (const auto& t : tables) h = HashFile(h, t);
  return h;
}

std::string Gazetteer::SerializeCache(uint64_t fingerprint) const {
  std::string out(kMagic, 4);
  ByteWriter w(&out);
  w.U32(kCacheVersion);
  w.U64(fingerprint);
  w.U32(static_cast<uint32_t>(actors_.size()));
  for (const Actor& a : actors_) {
    w.Str(a.id);
    w.Str(a.name);
    w.Str(a.country);
    w.U8(static_cast<uint8_t>(a.type));
    w.Str(a.capital_of);
  }
  w.U32(static_cast<uint32_t>(entries_.size()));
  for (const NameEntry& e : entries_) {
    w.U32(e.actor);
    w.U8(e.priority);
    w.U8(static_cast<uint8_t>(e.acronym | e.common << 1 | e.ambiguous << 2 | e.demonym << 3 |
                              e.multiword << 4));
  }
  lookup_.AppendTo(&w);
  common_table_.AppendTo(&w);
  function_table_.AppendTo(&w);
  deletes_.AppendTo(&w);
  w.U32(static_cast<uint32_t>(delete_lists_.size()));
  for (const auto& list : delete_lists_) {
    w.U32(static_cast<uint32_t>(list.size()));
    for (uint32_t v : list) w.U32(v);
  }
  PutStrings(&w, fuzzy_keys_);
  w.U32(static_cast<uint32_t>(fuzzy_entries_.size()));
  for (uint32_t v : fuzzy_entries_) w.U32(v);
  PutStrings(&w, warnings_);
  PutStrings(&w, words_.function_words);
  PutStrings(&w, words_.subdivision_types);
  PutPairs(&w, words_.wordnet_classes);
  PutStrings(&w, words_.locatives);
  PutPairs(&w, words_.heads);
  PutStrings(&w, words_.titles);
  PutStrings(&w, words_.actor_verbs);
  PutStrings(&w, words_.document_heads);
  std::vector<std::pair<std::string, uint32_t>> countries(country_actor_.begin(),
                                                          country_actor_.end());
  std::sort(countries.begin(), countries.end());
  w.U32(static_cast<uint32_t>(countries.size()));
  for (const auto& [code, actor] : countries) {
    w.Str(code);
    w.U32(actor);
  }
  w.U64(Fnv(kFnvOffset, out));
  return out;
}

StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::ParseCache(std::string_view bytes,
                                                           uint64_t fingerprint) {
  auto bad = [](const std::string& why) { return Status::Corruption("gazetteer cache: " + why); };
  if (bytes.size() < 4 + 4 + 8 + 8 || bytes.substr(0, 4) != std::string_view(kMagic, 4)) {
    return bad("not a gazetteer cache");
  }
  const std::string_view body = bytes.substr(0, bytes.size() - 8);
  ByteReader tail(bytes.substr(bytes.size() - 8));
  if (tail.U64() != Fnv(kFnvOffset, body)) return bad("checksum mismatch");
  ByteReader r(body.substr(4));
  if (r.U32() != kCacheVersion) return bad("other format version");
  if (r.U64() != fingerprint) return bad("stale (sources changed)");

  auto gaz = std::make_unique<Gazetteer>();
  gaz->actors_.resize(r.Count(17));
  for (Actor& a : gaz->actors_) {
    a.id = std::string(r.Str());
    a.name = std::string(r.Str());
    a.country = std::string(r.Str());
    const uint8_t type = r.U8();
    if (type > static_cast<uint8_t>(ActorType::kMisc)) r.Fail();
    a.type = static_cast<ActorType>(type);
    a.capital_of = std::string(r.Str());
  }
  const uint32_t actors = static_cast<uint32_t>(gaz->actors_.size());
  gaz->entries_.resize(r.Count(6));
  for (NameEntry& e : gaz->entries_) {
    e.actor = r.U32();
    e.priority = r.U8();
    const uint8_t f = r.U8();
    if (e.actor >= actors || f > 31) r.Fail();
    e.acronym = f & 1;
    e.common = f & 2;
    e.ambiguous = f & 4;
    e.demonym = f & 8;
    e.multiword = f & 16;
  }
  const uint32_t entries = static_cast<uint32_t>(gaz->entries_.size());
  if (!r.ok()) return bad("truncated or malformed actors and names");
  if (!gaz->lookup_.ReadFrom(&r) || !gaz->common_table_.ReadFrom(&r) ||
      !gaz->function_table_.ReadFrom(&r) || !gaz->deletes_.ReadFrom(&r)) {
    return bad("malformed lookup table");
  }
  const bool lookup_ok = gaz->lookup_.AllValues([&](uint32_t v) {
    v &= ~kPrefixBit;
    return v == kNoEntry || v < entries;
  });
  gaz->delete_lists_.resize(r.Count(4));
  for (auto& list : gaz->delete_lists_) {
    list.resize(r.Count(4));
    for (uint32_t& v : list) v = r.U32();
  }
  gaz->fuzzy_keys_ = GetStrings(&r);
  gaz->fuzzy_entries_.resize(r.Count(4));
  for (uint32_t& v : gaz->fuzzy_entries_) {
    v = r.U32();
    if (v >= entries) r.Fail();
  }
  const size_t fuzzy = gaz->fuzzy_keys_.size();
  if (!r.ok() || !lookup_ok || gaz->fuzzy_entries_.size() != fuzzy) {
    return bad("malformed name index");
  }
  const size_t lists = gaz->delete_lists_.size();
  if (!gaz->deletes_.AllValues([&](uint32_t v) { return v < lists; })) {
    return bad("malformed one-edit index");
  }
  for (const auto& list : gaz->delete_lists_) {
    for (uint32_t v : list) {
      if (v >= fuzzy) return bad("malformed one-edit index");
    }
  }
  for (const auto& k : gaz->fuzzy_keys_) {
    if (k.empty()) return bad("malformed one-edit index");
  }
  gaz->warnings_ = GetStrings(&r);
  EntityWords words;
  words.function_words = GetStrings(&r);
  words.subdivision_types = GetStrings(&r);
  words.wordnet_classes = GetPairs(&r);
  words.locatives = GetStrings(&r);
  words.heads = GetPairs(&r);
  words.titles = GetStrings(&r);
  words.actor_verbs = GetStrings(&r);
  words.document_heads = GetStrings(&r);
  const uint32_t countries = r.Count(8);
  for (uint32_t i = 0; i < countries && r.ok(); ++i) {
    std::string code(r.Str());
    const uint32_t actor = r.U32();
    if (actor >= actors) r.Fail();
    gaz->country_actor_[code] = actor;
  }
  if (!r.ok() || !r.done()) return bad("truncated or trailing bytes");
  gaz->SetWords(std::move(words));
  for (uint32_t i = 0; i < actors; ++i) gaz->actor_index_.emplace(gaz->actors_[i].id, i);
  gaz->finished_ = true;
  gaz->fuzzy_generation_ = NextFuzzyGeneration();
  return gaz;
}

StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::LoadOrBuild(const GazetteerOptions& options,
                                                            const std::string& cache_path) {
  if (cache_path.empty()) return Build(options);
  const uint64_t fingerprint = SourceFingerprint(options);
  {
    std::ifstream in(cache_path, std::ios::binary);
    if (in) {
      std::stringstream ss;
      ss << in.rdbuf();
      auto cached = ParseCache(ss.str(), fingerprint);
      if (cached.ok()) return cached;
      // Missing, stale or corrupt: rebuilt and rewritten below.
    }
  }
  auto built = Build(options);
  if (!built.ok()) return built;
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(fs::path(cache_path).parent_path(), ec);
  // Written beside the target and renamed over it, so a reader never sees
  // half a file and two writers do not mix their bytes.
  const std::string tmp = cache_path + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    const std::string bytes = (*built)->SerializeCache(fingerprint);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      fs::remove(tmp, ec);
      return built;
    }
  }
  fs::rename(tmp, cache_path, ec);
  if (ec) fs::remove(tmp, ec);
  return built;
}

std::string Gazetteer::DefaultCachePath() {
  if (const char* dir = std::getenv("SITREP_CACHE_DIR")) {
    return *dir == '\0' ? std::string() : std::string(dir) + "/gazetteer.bin";
  }
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg != '\0') {
    return std::string(xdg) + "/sitrep/gazetteer.bin";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::string(home) + "/.cache/sitrep/gazetteer.bin";
  }
  return "";
}

}  // namespace sitrep
