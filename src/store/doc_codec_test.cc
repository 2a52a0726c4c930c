#include "store/doc_codec.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace sitrep::store {
namespace {

std::string Article() {
  std::string text;
  for (int i = 0; i < 40; ++i) {
    text += "Officials in Lorvan said on Tuesday that " + std::to_string(i * 37) +
            " troops had been pulled back from the border. ";
  }
  return text;
}

TEST(PackColumnTest, RoundTripsAndShrinks) {
  const std::string json = "{\"entities\":[" + std::string(2000, ' ') + "]}";
  std::string packed = PackColumn(json);
  EXPECT_LT(packed.size(), json.size() / 10);
  EXPECT_EQ(packed.substr(0, 2), "\xFFz");
  EXPECT_EQ(*UnpackColumn(packed), json);
}

TEST(PackColumnTest, RawInputAgainstItsCleanTextIsNearlyFree) {
  const std::string text = Article();
  const std::string raw = "  " + text + "\n\nRead more: the border crisis\n";
  std::string alone = PackColumn(raw);
  std::string with_text = PackColumn(raw, text);
  EXPECT_EQ(with_text.substr(0, 2),
            "\xFF"
            "d");
  EXPECT_LT(with_text.size(), alone.size() / 2);
  EXPECT_LT(with_text.size(), 120u);
  EXPECT_EQ(*UnpackColumn(with_text, text), raw);
  // Without the dictionary it cannot be read: that is damage, not data.
  EXPECT_TRUE(UnpackColumn(with_text, "").status().IsCorruption());
}

TEST(PackColumnTest, SmallAndIncompressibleValuesAreKeptAsTheyAre) {
  EXPECT_EQ(PackColumn("{}"), std::string("\xFFp{}"));
  EXPECT_EQ(*UnpackColumn(PackColumn("{}")), "{}");
  std::string noise;
  uint32_t x = 12345;
  for (int i = 0; i < 300; ++i) {
    x = x * 1103515245 + 12345;
    noise.push_back(static_cast<char>(x >> 24));
  }
  std::string packed = PackColumn(noise);
  EXPECT_LE(packed.size(), noise.size() + 2);
  EXPECT_EQ(*UnpackColumn(packed), noise);
  EXPECT_EQ(*UnpackColumn(PackColumn("")), "");
}

TEST(PackColumnTest, ValuesWrittenBeforeVersionThreeReadAsTheyAre) {
  EXPECT_EQ(*UnpackColumn("{\"clean\":[0],\"raw\":[0]}"), "{\"clean\":[0],\"raw\":[0]}");
  EXPECT_EQ(*UnpackColumn("Plain raw text."), "Plain raw text.");
  EXPECT_EQ(*UnpackColumn(""), "");
}

TEST(PackColumnTest, DamageIsCorruption) {
  std::string packed = PackColumn(Article());
  EXPECT_TRUE(UnpackColumn(packed.substr(0, packed.size() / 2)).status().IsCorruption());
  std::string flipped = packed;
  flipped[10] = static_cast<char>(flipped[10] ^ 0x5A);
  EXPECT_FALSE(UnpackColumn(flipped).ok());
  EXPECT_TRUE(UnpackColumn("\xFFq").status().IsCorruption());
  // A size no deflate stream can reach is refused before allocating it.
  EXPECT_TRUE(
      UnpackColumn(std::string("\xFFz\xFF\xFF\xFF\x7F\x78\x9C", 8)).status().IsCorruption());
}

// The offsets and removals are written directly (base/json_writer.h), as
// the nlohmann tree they were built as before wrote them.
TEST(DocCodecTest, WritesWhatTheJsonTreeWrote) {
  using json = nlohmann::json;
  OffsetMap offsets;
  offsets.clean = {0, 7, 4000000000u};
  offsets.raw = {2, 9, 123456789012345ull};
  EXPECT_EQ(EncodeOffsets(offsets), json({{"clean", offsets.clean}, {"raw", offsets.raw}}).dump());
  EXPECT_EQ(EncodeOffsets({}), json({{"clean", json::array()}, {"raw", json::array()}}).dump());
  std::vector<Removal> removed = {{1, 2, "Read more \xE2\x80\x94 \"here\"\n\x01", "boilerplate"},
                                  {3, 4, "bad \xC3(", "chip\\"}};
  json j = json::array();
  for (const auto& r : removed) {
    j.push_back({{"raw_start", r.raw_start},
                 {"raw_end", r.raw_end},
                 {"text", r.text},
                 {"reason", r.reason}});
  }
  EXPECT_EQ(EncodeRemovals(removed), j.dump(-1, ' ', false, json::error_handler_t::replace));
  EXPECT_EQ(EncodeRemovals({}), "[]");
}

}  // namespace
}  // namespace sitrep::store
