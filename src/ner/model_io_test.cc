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
  // Without a tag dictionary: version 2, as before dictionaries existed.
  EXPECT_EQ(static_cast<uint8_t>(bytes[4]), 2);
  ModelData m = SmallModel();
  m.dictionary = {{"the", 0}};
  EXPECT_EQ(static_cast<uint8_t>(SerializeModel(m)[4]), kModelFormatVersion);
}

TEST(ModelIoTest, TagDictionaryRoundTripThroughFile) {
  ModelData m = SmallModel();
  m.dictionary = {{",", 0}, {"Monday", 1}, {"the", 2}, {std::string(24, 'x'), 1}};
  std::string path = ::testing::TempDir() + "/model_io_dictionary_test.bin";
  ASSERT_TRUE(WriteModelFile(path, m).ok());
  auto back = ReadModelFile(path);
  std::remove(path.c_str());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ASSERT_EQ(back->dictionary.size(), 4u);
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(back->dictionary[i].word, m.dictionary[i].word);
    EXPECT_EQ(back->dictionary[i].cls, m.dictionary[i].cls);
  }
  EXPECT_EQ(back->entries.size(), 4u);
  EXPECT_EQ(SerializeModel(*back), SerializeModel(m));
}

TEST(ModelIoTest, RejectsBadDictionary) {
  const std::vector<std::vector<DictionaryEntry>> bad = {
      {{"the", 0}, {"a", 0}},       // not sorted
      {{"a", 0}, {"a", 1}},         // repeated
      {{"the", 3}},                 // no such class
      {{std::string(25, 'x'), 0}},  // longer than the tagger's word key
  };
  for (const auto& d : bad) {
    ModelData m = SmallModel();
    m.dictionary = d;
    EXPECT_TRUE(ParseModel(SerializeModel(m)).status().IsCorruption()) << d[0].word;
  }
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
