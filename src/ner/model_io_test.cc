#include "ner/model_io.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace sitrep {
namespace {

ModelData SmallModel() {
  ModelData m;
  m.kind = "ner";
  m.feature_set_version = 1;
  m.bucket_bits = 12;
  m.classes = {"O", "B-PERSON", "I-PERSON"};
  m.scale = 0.5f;
  m.entries = {{3, 0, 12}, {3, 2, -7}, {400, 1, 32767}, {4095, 0, -32768}};
  return m;
}

TEST(ModelIoTest, RoundTrip) {
  ModelData m = SmallModel();
  auto parsed = ParseModel(SerializeModel(m));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->kind, "ner");
  EXPECT_EQ(parsed->bucket_bits, 12u);
  EXPECT_EQ(parsed->classes, m.classes);
  EXPECT_EQ(parsed->scale, 0.5f);
  ASSERT_EQ(parsed->entries.size(), 4u);
  EXPECT_EQ(parsed->entries[2].bucket, 400u);
  EXPECT_EQ(parsed->entries[2].q, 32767);
  EXPECT_EQ(parsed->entries[3].q, -32768);
}

TEST(ModelIoTest, StartsWithMagicAndVersion) {
  std::string bytes = SerializeModel(SmallModel());
  EXPECT_EQ(bytes.substr(0, 4), "SRTG");
  EXPECT_EQ(static_cast<uint8_t>(bytes[4]), kModelFormatVersion);
}

TEST(ModelIoTest, RejectsDamage) {
  std::string bytes = SerializeModel(SmallModel());
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x40;
  EXPECT_TRUE(ParseModel(flipped).status().IsCorruption());
  EXPECT_TRUE(ParseModel(bytes.substr(0, bytes.size() - 3)).status().IsCorruption());
  EXPECT_TRUE(ParseModel("").status().IsCorruption());
  EXPECT_TRUE(ParseModel("GIF89a and some more bytes here").status().IsCorruption());
}

TEST(ModelIoTest, FileErrors) {
  EXPECT_TRUE(ReadModelFile("/nonexistent/dir/ner.bin").status().IsNotFound());
  std::string path = ::testing::TempDir() + "/model_io_test.bin";
  ASSERT_TRUE(WriteModelFile(path, SmallModel()).ok());
  auto back = ReadModelFile(path);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->entries.size(), 4u);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace sitrep
