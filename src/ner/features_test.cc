#include "ner/features.h"

#include <gtest/gtest.h>

#include <string>

namespace sitrep {
namespace {

std::vector<uint64_t> Features(const std::vector<std::string_view>& words,
                               const uint8_t* hints = nullptr) {
  std::vector<uint64_t> f;
  std::vector<WordHashes> h;
  ExtractStaticFeatures(words, hints, &f, &h);
  EXPECT_EQ(f.size(), words.size() * kNumStaticFeatures);
  EXPECT_EQ(h.size(), words.size());
  return f;
}

TEST(FeaturesTest, LowercasedWordIgnoresCase) {
  auto a = Features({"troops", "left", "London"});
  auto b = Features({"TROOPS", "LEFT", "LONDON"});
  // Slot 1 is the lowercased word; slot 2 the word as written.
  EXPECT_EQ(a[2 * kNumStaticFeatures + 1], b[2 * kNumStaticFeatures + 1]);
  EXPECT_NE(a[2 * kNumStaticFeatures + 2], b[2 * kNumStaticFeatures + 2]);
}

TEST(FeaturesTest, ShapeGeneralizesNames) {
  auto a = Features({"in", "Kursk"});
  auto b = Features({"in", "Kherson"});
  EXPECT_EQ(a[kNumStaticFeatures + 3], b[kNumStaticFeatures + 3]);  // "Xx"
  EXPECT_NE(a[kNumStaticFeatures + 1], b[kNumStaticFeatures + 1]);
}

TEST(FeaturesTest, CyrillicCaseFolds) {
  auto a = Features({"МОСКВА"});
  auto b = Features({"москва"});
  EXPECT_EQ(a[1], b[1]);
}

// Slots of ExtractStaticFeatures: local ones first, then the context ones.
constexpr int kHint = kNumLocalFeatures + 5, kHintsAround = kNumLocalFeatures + 6;
constexpr int kCoarseCluster = 11, kFineCluster = 12;
constexpr int kNameRun = kNumLocalFeatures + 11, kNearOrgWord = kNumLocalFeatures + 12;

TEST(FeaturesTest, HintsOnlyWhenGiven) {
  std::vector<std::string_view> w = {"Kim", "visited", "Wonsan"};
  auto none = Features(w);
  EXPECT_EQ(none[kHint], kNoFeature);
  const uint8_t hints[] = {1, 0, 3};
  auto with = Features(w, hints);
  EXPECT_NE(with[kHint], kNoFeature);
  EXPECT_EQ(with[kNumStaticFeatures + kHint], kNoFeature);         // "visited" has no hint
  EXPECT_NE(with[kNumStaticFeatures + kHintsAround], kNoFeature);  // but neighbours do
}

TEST(FeaturesTest, LexiconAndClustersLoad) {
  std::string error;
  ASSERT_TRUE(LoadFeatureLexicon(&error)) << error;
  WordSummary s;
  uint64_t local[kNumLocalFeatures];
  AnalyzeWord("Ministry", &s, local);
  EXPECT_EQ(s.lex, kLexOrgWord);
  AnalyzeWord("of", &s, local);
  EXPECT_EQ(s.lex, kLexConnector);
  // A frequent word has a cluster; a made-up one has none.
  AnalyzeWord("the", &s, local);
  EXPECT_NE(s.coarse, 0);
  EXPECT_NE(local[kCoarseCluster], kNoFeature);
  AnalyzeWord("Zqxwvbn", &s, local);
  EXPECT_EQ(s.coarse, 0);
  EXPECT_EQ(local[kCoarseCluster], kNoFeature);
  EXPECT_EQ(local[kFineCluster], kNoFeature);
}

// WordSummary::plain: the words the NER skip rule may decide without scoring.
TEST(FeaturesTest, PlainWords) {
  std::string error;
  ASSERT_TRUE(LoadFeatureLexicon(&error)) << error;
  auto plain = [](std::string_view w) {
    WordSummary s;
    uint64_t local[kNumLocalFeatures];
    AnalyzeWord(w, &s, local);
    return s.plain;
  };
  for (const char* w :
       {"the", ",", "troops", "\xE2\x80\x99", "caf\xC3\xA9", "\xD0\xBC\xD0\xB8\xD1\x80"})
    EXPECT_TRUE(plain(w)) << w;
  // Capitals, digits, other scripts, and name-start words (lexicon).
  for (const char* w : {"Kyiv", "iPhone", "2022", "f-16",
                        "\xC5\x82\xC3\xB3"
                        "d\xC5\xBA",
                        "\xE4\xB8\xAD", "southern", "al", "von"})
    EXPECT_FALSE(plain(w)) << w;
}

TEST(FeaturesTest, NameRunSeesTheOrgWordAhead) {
  // "Zqx" in "Zqx Qzv Party" has an org word two words ahead, in its run of
  // capitalized words; in "Zqx Qzv Bird" it has none.
  auto a = Features({"the", "Zqx", "Qzv", "Party", "said"});
  auto b = Features({"the", "Zqx", "Qzv", "Bird", "said"});
  EXPECT_NE(a[kNumStaticFeatures + kNameRun], b[kNumStaticFeatures + kNameRun]);
  EXPECT_NE(a[kNumStaticFeatures + kNearOrgWord], kNoFeature);
  EXPECT_EQ(b[kNumStaticFeatures + kNearOrgWord], kNoFeature);
  // The same word and neighbours in an ALL-CAPS headline still see the org word.
  auto c = Features({"THE", "ZQX", "QZV", "PARTY", "SAID"});
  EXPECT_NE(c[kNumStaticFeatures + kNearOrgWord], kNoFeature);
}

TEST(FeaturesTest, OddTokensAreSafe) {
  std::string long_token(200000, 'a');
  std::string invalid = "\xFF\xC3";  // stray and truncated UTF-8
  std::string mixed =
      "M\xD0\xBE"
      "scow";  // Latin M, Cyrillic o
  auto f = Features({long_token, invalid, mixed, "", "\xE4\xB8\xAD\xE5\x9B\xBD"});
  for (uint64_t x : f) (void)x;
  EXPECT_TRUE(Features({}).empty());
}

TEST(FeaturesTest, DynamicFeaturesDependOnHistory) {
  WordHashes w{123, 456};
  uint64_t a[kNumDynamicFeatures], b[kNumDynamicFeatures];
  ExtractDynamicFeatures(w, -1, -1, a);
  ExtractDynamicFeatures(w, 2, -1, b);
  for (int i = 0; i < kNumDynamicFeatures; ++i) EXPECT_NE(a[i], b[i]);
}

}  // namespace
}  // namespace sitrep
