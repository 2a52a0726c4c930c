#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ner/entity_fold.h"
#include "ner/gazetteer.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

class GazetteerCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("sitrep-gazcache-" + std::to_string(::getpid()));
    fs::create_directories(dir_ / "actors");
    WriteTable(
        "kim-jong-un@KP\tPERSON\tKP\tKim Jong Un\tKim Jong-un|Kim Jong Eun\n"
        "kursk@RU\tGPE\tRU\tKursk\t\n"
        "national-intelligence-service@KR\tORG\tKR\tNational Intelligence Service\tNIS\n");
    options_.use_debian = false;  // curated tables only: fast and hermetic
    options_.actors_dir = (dir_ / "actors").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  void WriteTable(const std::string& rows) { std::ofstream(dir_ / "actors" / "test.tsv") << rows; }
  std::string CachePath() const { return (dir_ / "cache" / "gazetteer.bin").string(); }
  static std::string ReadAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  // Lookups that touch every table of a gazetteer.
  static void Exercise(const Gazetteer& g) {
    for (const char* name : {"Kim Jong-un", "KIM JONG UN", "Kursk", "NIS", "Kurks", "nobody",
                             "National Intelligence", "the", "Korea"}) {
      const std::string key = Fold(name);
      bool prefix = false;
      if (const NameEntry* e = g.FindWithPrefix(key, &prefix)) (void)g.actor(e->actor).id;
      if (const NameEntry* e = g.FindFuzzy(key)) (void)g.actor(e->actor).id;
      (void)g.IsCommonWord(key);
      (void)g.IsFunctionWord(key);
      (void)g.IsTitle(key);
    }
    (void)g.CountryActor("KP");
  }

  fs::path dir_;
  GazetteerOptions options_;
};

TEST_F(GazetteerCacheTest, RoundTripKeepsEverything) {
  auto built = Gazetteer::Build(options_);
  ASSERT_TRUE(built.ok()) << built.status().ToString();
  const uint64_t fp = Gazetteer::SourceFingerprint(options_);
  const std::string bytes = (*built)->SerializeCache(fp);
  auto parsed = Gazetteer::ParseCache(bytes, fp);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ((*parsed)->SerializeCache(fp), bytes);
  const NameEntry* e = (*parsed)->Find(Fold("Kim Jong-un"));
  ASSERT_NE(e, nullptr);
  EXPECT_EQ((*parsed)->actor(e->actor).id, "kim-jong-un@KP");
  const NameEntry* fuzzy = (*parsed)->FindFuzzy(Fold("Kurks"));
  ASSERT_NE(fuzzy, nullptr);
  EXPECT_EQ((*parsed)->actor(fuzzy->actor).id, "kursk@RU");
  EXPECT_EQ((*parsed)->num_names(), (*built)->num_names());
  EXPECT_EQ((*parsed)->FindActor("kursk@RU"), (*built)->FindActor("kursk@RU"));
  // Another fingerprint is a stale cache.
  EXPECT_TRUE(Gazetteer::ParseCache(bytes, fp + 1).status().IsCorruption());
}

// Every truncation, and byte flips everywhere (with and without a fixed-up
// checksum, so the structural checks are reached), give an error or a
// usable gazetteer, never a crash or an endless probe.
TEST_F(GazetteerCacheTest, CorruptCacheNeverCrashes) {
  auto built = Gazetteer::Build(options_);
  ASSERT_TRUE(built.ok());
  const uint64_t fp = Gazetteer::SourceFingerprint(options_);
  const std::string bytes = (*built)->SerializeCache(fp);
  for (size_t n = 0; n < bytes.size(); n += 1 + n / 16) {
    EXPECT_FALSE(Gazetteer::ParseCache(bytes.substr(0, n), fp).ok());
  }
  auto fix_checksum = [](std::string* b) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i + 8 < b->size(); ++i) {
      h = (h ^ static_cast<unsigned char>((*b)[i])) * 0x100000001b3ull;
    }
    for (int i = 0; i < 8; ++i) (*b)[b->size() - 8 + i] = static_cast<char>(h >> (8 * i));
  };
  size_t accepted = 0, tried = 0;
  // Every byte of the header and of a sample of the rest.
  const size_t step = std::max<size_t>(1, bytes.size() / 1500);
  for (size_t pos = 0; pos < bytes.size(); pos += pos < 256 ? 1 : step) {
    ++tried;
    for (unsigned char x : {0x01, 0x80, 0xff}) {
      std::string bad = bytes;
      bad[pos] = static_cast<char>(bad[pos] ^ x);
      EXPECT_FALSE(Gazetteer::ParseCache(bad, fp).ok());
      fix_checksum(&bad);
      auto g = Gazetteer::ParseCache(bad, fp);
      if (g.ok()) {
        ++accepted;  // e.g. a changed letter in a display name
        Exercise(**g);
      }
    }
  }
  EXPECT_LT(accepted, tried * 3);
}

// The full gazetteer (Debian data) survives the cache byte for byte.
TEST(GazetteerCacheDebianTest, RoundTrip) {
  GazetteerOptions options;
  if (!fs::exists(options.iso_codes_dir + "/iso_3166-1.json") ||
      !fs::exists(options.wordnet_dir + "/data.noun")) {
    GTEST_SKIP() << "iso-codes or wordnet-base not installed";
  }
  auto built = Gazetteer::Build(options);
  ASSERT_TRUE(built.ok()) << built.status().ToString();
  const std::string bytes = (*built)->SerializeCache(7);
  auto parsed = Gazetteer::ParseCache(bytes, 7);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ((*parsed)->SerializeCache(7), bytes);
  const NameEntry* e = (*parsed)->Find(Fold("Pyongyang"));
  ASSERT_NE(e, nullptr);
  EXPECT_EQ((*parsed)->actor(e->actor).capital_of, "KP");
}

TEST_F(GazetteerCacheTest, LoadOrBuildWritesReadsAndRebuilds) {
  const std::string path = CachePath();
  auto first = Gazetteer::LoadOrBuild(options_, path);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_TRUE(fs::exists(path));
  const std::string written = ReadAll(path);
  EXPECT_TRUE(Gazetteer::ParseCache(written, Gazetteer::SourceFingerprint(options_)).ok());

  auto second = Gazetteer::LoadOrBuild(options_, path);
  ASSERT_TRUE(second.ok());
  EXPECT_NE((*second)->Find(Fold("NIS")), nullptr);

  // A changed source table makes the cache stale: rebuilt with the new name.
  WriteTable("kursk@RU\tGPE\tRU\tKursk\tKoursk\n");
  auto third = Gazetteer::LoadOrBuild(options_, path);
  ASSERT_TRUE(third.ok());
  EXPECT_NE((*third)->Find(Fold("Koursk")), nullptr);
  EXPECT_EQ((*third)->Find(Fold("NIS")), nullptr);
  EXPECT_NE(ReadAll(path), written);

  // Garbage in the cache file: rebuilt and overwritten.
  std::ofstream(path, std::ios::binary | std::ios::trunc) << "SRGZ garbage";
  auto fourth = Gazetteer::LoadOrBuild(options_, path);
  ASSERT_TRUE(fourth.ok());
  EXPECT_NE((*fourth)->Find(Fold("Koursk")), nullptr);
  EXPECT_TRUE(Gazetteer::ParseCache(ReadAll(path), Gazetteer::SourceFingerprint(options_)).ok());

  // An unwritable cache location only costs the rebuild.
  auto fifth = Gazetteer::LoadOrBuild(options_, "/proc/sitrep-no-such-dir/gazetteer.bin");
  EXPECT_TRUE(fifth.ok());
}

}  // namespace
}  // namespace sitrep
