#include "claims/number_parser.h"

#include <gtest/gtest.h>

namespace sitrep::claims {
namespace {

class NumberParserTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(parser_.Load().ok()); }
  std::optional<NumberMatch> Parse(std::vector<std::string_view> words) {
    return parser_.ParseAt(words, 0);
  }
  NumberParser parser_;
};

TEST_F(NumberParserTest, Digits) {
  NumberMatch m;
  ASSERT_TRUE(parser_.ParseDigitToken("10,000", &m));
  EXPECT_EQ(m.min, 10000);
  EXPECT_TRUE(m.has_comma);
  ASSERT_TRUE(parser_.ParseDigitToken("3.5", &m));
  EXPECT_DOUBLE_EQ(m.min, 3.5);
  ASSERT_TRUE(parser_.ParseDigitToken("1,250,000", &m));
  EXPECT_EQ(m.max, 1250000);
}

TEST_F(NumberParserTest, SymbolsAndSuffixes) {
  NumberMatch m;
  ASSERT_TRUE(parser_.ParseDigitToken("70%", &m));
  EXPECT_EQ(m.min, 70);
  EXPECT_EQ(m.unit, "%");
  ASSERT_TRUE(parser_.ParseDigitToken("$3.5bn", &m));
  EXPECT_DOUBLE_EQ(m.min, 3.5e9);
  EXPECT_EQ(m.unit, "USD");
  ASSERT_TRUE(
      parser_.ParseDigitToken("\xC2\xA3"
                              "20m",
                              &m));  // £20m
  EXPECT_DOUBLE_EQ(m.min, 20e6);
  EXPECT_EQ(m.unit, "GBP");
}

TEST_F(NumberParserTest, CurrencySymbolAsItsOwnToken) {
  // The segmenter splits "$95" into "$" and "95".
  std::vector<std::string_view> w = {"a", "$", "95", "billion", "aid", "bill"};
  auto m = parser_.ParseAt(w, 1);
  ASSERT_TRUE(m.has_value());
  EXPECT_DOUBLE_EQ(m->min, 95e9);
  EXPECT_EQ(m->unit, "USD");
  EXPECT_EQ(m->end, 4u);
  std::vector<std::string_view> lone = {"the", "$", "sign"};
  EXPECT_FALSE(parser_.ParseAt(lone, 1).has_value());
}

TEST_F(NumberParserTest, RangeInOneToken) {
  NumberMatch m;
  ASSERT_TRUE(
      parser_.ParseDigitToken("10,000\xE2\x80\x93"
                              "15,000",
                              &m));  // en dash
  EXPECT_EQ(m.min, 10000);
  EXPECT_EQ(m.max, 15000);
}

TEST_F(NumberParserTest, NotPlainNumbers) {
  NumberMatch m;
  EXPECT_FALSE(parser_.ParseDigitToken("1st", &m));
  EXPECT_FALSE(parser_.ParseDigitToken("F-16", &m));
  EXPECT_FALSE(parser_.ParseDigitToken("abc", &m));
  // A number used as a modifier keeps its value.
  ASSERT_TRUE(parser_.ParseDigitToken("1,000-strong", &m));
  EXPECT_EQ(m.min, 1000);
}

TEST_F(NumberParserTest, Words) {
  auto m = Parse({"six", "officers"});
  ASSERT_TRUE(m);
  EXPECT_EQ(m->min, 6);
  EXPECT_EQ(m->end, 1u);
  m = Parse({"twenty-five", "soldiers"});
  ASSERT_TRUE(m);
  EXPECT_EQ(m->min, 25);
  m = Parse({"a", "dozen", "drones"});
  ASSERT_TRUE(m);
  EXPECT_EQ(m->min, 12);
  EXPECT_EQ(m->end, 2u);
  m = Parse({"three", "hundred", "and", "twenty", "men"});
  ASSERT_TRUE(m);
  EXPECT_EQ(m->min, 320);
  EXPECT_FALSE(Parse({"a", "soldier"}));
}

TEST_F(NumberParserTest, FractionOfAScaleWord) {
  auto m = Parse({"half", "a", "million", "refugees"});
  ASSERT_TRUE(m);
  EXPECT_EQ(m->min, 500000);
  EXPECT_EQ(m->end, 3u);
  m = Parse({"a", "quarter", "of", "a", "million", "people"});
  ASSERT_TRUE(m);
  EXPECT_EQ(m->max, 250000);
  EXPECT_EQ(m->end, 5u);
  m = Parse({"two", "and", "a", "half", "million", "tonnes"});
  ASSERT_TRUE(m);
  EXPECT_EQ(m->min, 2500000);
  EXPECT_EQ(m->end, 5u);
  // "half" of a non-scale word is no number.
  EXPECT_FALSE(Parse({"half", "a", "battalion"}));
  // Before "of" a fraction is a share, in percent, ending at "of".
  m = Parse({"half", "of", "the", "troops"});
  ASSERT_TRUE(m);
  EXPECT_EQ(m->unit, "%");
  EXPECT_EQ(m->min, 50);
  EXPECT_EQ(m->end, 1u);
  m = Parse({"two-thirds", "of", "ukrainians"});
  ASSERT_TRUE(m);
  EXPECT_NEAR(m->min, 66.7, 0.01);
  m = Parse({"three", "quarters", "of", "the", "budget"});
  ASSERT_TRUE(m);
  EXPECT_EQ(m->min, 75);
  EXPECT_EQ(m->end, 2u);
  // "the third of the convoys" is an ordinal.
  EXPECT_FALSE(Parse({"third", "of", "the", "convoys"}));
  m = Parse({"two", "and", "a", "half", "years"});
  ASSERT_TRUE(m);
  EXPECT_EQ(m->end, 1u);
}

TEST_F(NumberParserTest, ScaleWordAfterDigits) {
  auto m = Parse({"3.5", "million", "shells"});
  ASSERT_TRUE(m);
  EXPECT_DOUBLE_EQ(m->min, 3.5e6);
  EXPECT_EQ(m->end, 2u);
  m = Parse({"two", "billion", "dollars"});
  ASSERT_TRUE(m);
  EXPECT_DOUBLE_EQ(m->min, 2e9);
}

TEST_F(NumberParserTest, MagnitudesKeptAsSuch) {
  auto m = Parse({"thousands", "of", "shells"});
  ASSERT_TRUE(m);
  EXPECT_EQ(m->magnitude, "thousands");
  EXPECT_EQ(m->min, 1000);
  EXPECT_EQ(m->max, 999999);
  EXPECT_EQ(m->end, 2u);  // consumed "of"
  m = Parse({"tens", "of", "thousands", "of", "people"});
  ASSERT_TRUE(m);
  EXPECT_EQ(m->magnitude, "tens of thousands");
  EXPECT_EQ(m->min, 10000);
  EXPECT_EQ(m->max, 99999);
}

TEST_F(NumberParserTest, Units) {
  std::string unit;
  size_t len = 0;
  std::vector<std::string_view> w = {"per", "cent", "of"};
  ASSERT_TRUE(parser_.UnitAt(w, 0, &unit, &len));
  EXPECT_EQ(unit, "%");
  EXPECT_EQ(len, 2u);
  w = {"kilometres"};
  ASSERT_TRUE(parser_.UnitAt(w, 0, &unit, &len));
  EXPECT_EQ(unit, "km");
}

}  // namespace
}  // namespace sitrep::claims
