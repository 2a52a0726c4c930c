#include "claims/quantity_tagger.h"

#include <gtest/gtest.h>

#include "claims/test_util.h"

namespace sitrep::claims {
namespace {

using testing::AddTimex;
using testing::MakeDoc;

class QuantityTaggerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto t = QuantityTagger::Create();
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    tagger_ = std::move(*t);
  }
  std::vector<Quantity> Tag(Document* doc) {
    EXPECT_TRUE(tagger_->Annotate(doc, {}).ok());
    return doc->quantities;
  }
  std::vector<Quantity> Tag(std::string text) {
    Document doc = MakeDoc(std::move(text));
    return Tag(&doc);
  }
  std::unique_ptr<QuantityTagger> tagger_;
};

TEST_F(QuantityTaggerTest, RangeWithCountedNoun) {
  auto q = Tag("Seoul said Pyongyang had sent between 10,000 and 14,000 North Korean troops.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "between 10,000 and 14,000");
  EXPECT_EQ(*q[0].min, 10000);
  EXPECT_EQ(*q[0].max, 14000);
  EXPECT_EQ(q[0].counted, "North Korean troops");
  EXPECT_EQ(q[0].unit, "troops");
  EXPECT_FALSE(q[0].approx);
}

TEST_F(QuantityTaggerTest, DashRangeAndScaleSharedAcrossRange) {
  auto q =
      Tag("Officials put the total at 10,000\xE2\x80\x93"
          "15,000 soldiers, and the cost at "
          "2 to 3 billion dollars.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(*q[0].min, 10000);
  EXPECT_EQ(*q[0].max, 15000);
  EXPECT_DOUBLE_EQ(*q[1].min, 2e9);
  EXPECT_DOUBLE_EQ(*q[1].max, 3e9);
  EXPECT_EQ(q[1].unit, "USD");
}

TEST_F(QuantityTaggerTest, BoundsAndApproximations) {
  auto q =
      Tag("More than 200 civilians fled, at least 12 people died and up to 40 were hurt; "
          "nearly 500 homes and some 3,000 acres burned.");
  ASSERT_EQ(q.size(), 5u);
  EXPECT_EQ(q[0].bound, "more-than");
  EXPECT_EQ(q[0].counted, "civilians");
  EXPECT_EQ(q[1].bound, "at-least");
  EXPECT_EQ(q[2].bound, "at-most");
  EXPECT_EQ(q[3].bound, "at-most");
  EXPECT_TRUE(q[3].approx);
  EXPECT_TRUE(q[4].approx);
  EXPECT_EQ(*q[4].min, 3000);
}

TEST_F(QuantityTaggerTest, IncrementAndEllipsis) {
  auto q = Tag("About 8,000 reservists were called up in March, and another 2,500 in May.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_FALSE(q[0].increment);
  EXPECT_TRUE(q[1].increment);
  EXPECT_EQ(*q[1].min, 2500);
  EXPECT_EQ(q[1].counted, "reservists");  // carried from the first figure
}

TEST_F(QuantityTaggerTest, PercentOfNounPhraseWithReducedRelative) {
  auto q = Tag("Imported rounds made up roughly 60% of the ammunition fired by the army.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].unit, "%");
  EXPECT_TRUE(q[0].approx);
  EXPECT_EQ(q[0].counted, "ammunition fired by the army");
}

TEST_F(QuantityTaggerTest, MagnitudesWordsAndDozen) {
  auto q = Tag("The ministry said thousands of drones, six tanks and a dozen howitzers arrived.");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].magnitude, "thousands");
  EXPECT_TRUE(q[0].approx);
  EXPECT_EQ(q[0].counted, "drones");
  EXPECT_EQ(*q[1].min, 6);
  EXPECT_EQ(*q[2].min, 12);
  EXPECT_EQ(q[2].counted, "howitzers");
}

TEST_F(QuantityTaggerTest, ParticipleStandsForCountedPeople) {
  auto q = Tag("The strikes left 37 killed or wounded.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].counted, "killed or wounded");
}

TEST_F(QuantityTaggerTest, ScrapedThousandsSeparator) {
  auto q = Tag("Estimates range from 10, 000 to 14, 000 troops.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(*q[0].min, 10000);
  EXPECT_EQ(*q[0].max, 14000);
}

TEST_F(QuantityTaggerTest, NotQuantities) {
  // Years, labels, dates and "one of" are not figures.
  auto q = Tag("In 2023, Article 5 was cited on May 9 by one of the envoys.");
  EXPECT_TRUE(q.empty()) << q[0].text;
}

TEST_F(QuantityTaggerTest, MoneyWithASplitCurrencySymbol) {
  auto q = Tag("Biden signed into law a $95 billion war aid measure.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].unit, "USD");
  EXPECT_DOUBLE_EQ(*q[0].max, 95e9);
  EXPECT_EQ(q[0].text, "$95 billion");
}

TEST_F(QuantityTaggerTest, MoneyConvertedInBracketsAndWhatItIsFor) {
  auto q =
      Tag("He announced an extra $713m (\xC2\xA3"
          "559m) of military aid to Ukraine.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].unit, "USD");
  EXPECT_EQ(q[0].counted, "military aid");
  q = Tag("The firms generated $136 billion in revenue last year.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].counted, "revenue");
  // A place or a date after "in" is not what is counted.
  q = Tag("Donors gave $5 billion in Kyiv on Monday.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_TRUE(q[0].counted.empty());
}

TEST_F(QuantityTaggerTest, HouseNumbersAreNotFigures) {
  auto q = Tag("The office at 12 Baker Street and 1600 Pennsylvania Avenue was closed.");
  EXPECT_TRUE(q.empty()) << q[0].text;
}

TEST_F(QuantityTaggerTest, NumbersBeforeCapitalizedNamesThatAreNotStreetsAreKept) {
  auto q = Tag("The brigade lost 12 Leopard tanks and 40 Bradley Fighting Vehicles.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(*q[1].max, 40);
  // "Court" is not a street word: the nine judges are counted.
  EXPECT_EQ(Tag("The 9 Supreme Court judges ruled.").size(), 1u);
}

TEST_F(QuantityTaggerTest, BareNumberOpeningAClauseIsKept) {
  // "Five have been lost": counts what the text counted before.
  auto q = Tag("Five have been lost since Monday.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(*q[0].max, 5);
  EXPECT_TRUE(Tag("He met one of the envoys.").empty());
}

TEST_F(QuantityTaggerTest, NumbersInsideTimexesAreSkipped) {
  Document doc = MakeDoc("The truce runs for three days from 8 May.");
  AddTimex(&doc, "three days", "P3D", "DURATION");
  AddTimex(&doc, "8 May", "2025-05-08");
  EXPECT_TRUE(Tag(&doc).empty());
}

TEST_F(QuantityTaggerTest, SpansPointIntoText) {
  Document doc = MakeDoc("Kyiv said over 1,200 shells hit the city.");
  auto q = Tag(&doc);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(doc.SpanText(q[0].start, q[0].end), "over 1,200");
  EXPECT_EQ(q[0].id, "q1");
}

TEST_F(QuantityTaggerTest, NumbersThatNameRatherThanCount) {
  // Model designations, compounds, clock times, ages and codes are not figures.
  EXPECT_TRUE(Tag("The jets were Su-34 bombers and S-400 batteries.").empty());
  auto q = Tag("Berlin will send 14 Leopard 2 tanks.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(*q[0].min, 14);
  EXPECT_TRUE(Tag("The 32-member bloc met a 20-year-old envoy.").empty());
  EXPECT_TRUE(Tag("The summit begins at 14.00 in Brussels.").empty());
  EXPECT_TRUE(Tag("The leaders met after 17 o'clock and again at 9 pm.").empty());
  EXPECT_EQ(Tag("The strike wounded 5 local residents.").size(), 1u);
  EXPECT_TRUE(Tag("The soldier, aged 45, was 45 years old.").empty());
  EXPECT_TRUE(Tag("Call 555-123-4567 for details.").empty());
  // A ratio is no count; "struck three times" still counts strikes.
  EXPECT_TRUE(Tag("The war displaced three times as many people.").empty());
  EXPECT_EQ(Tag("Drones struck the depot three times.").size(), 1u);
  // "-strong" still counts people.
  q = Tag("A 1,000-strong force crossed the river.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(*q[0].min, 1000);
}

TEST_F(QuantityTaggerTest, OrJoinsDigitsOnlyWhenTheScaleIsShared) {
  auto q = Tag("He put the losses at 70 or 80,000 men.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(*q[0].min, 70000);
  EXPECT_EQ(*q[0].max, 80000);
  // Two small numbers joined by "or" may be alternatives, not a range.
  q = Tag("Choose answer 1 or 2 below.");
  for (const auto& x : q) EXPECT_NE(x.text, "1 or 2");
}

TEST_F(QuantityTaggerTest, GalleryCounterIsNoFigure) {
  EXPECT_TRUE(Tag("Photo 4 of 9 next").empty());
  EXPECT_TRUE(Tag("Image 2 of 3 prev").empty());
}

TEST_F(QuantityTaggerTest, RatePhraseAndPlacingDistanceCountNothing) {
  auto q = Tag("The pipeline will carry 20 million cubic metres a day.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].unit, "m3");
  EXPECT_TRUE(q[0].counted.empty()) << q[0].counted;
  EXPECT_TRUE(Tag("Shelling hit villages within 30 kilometres of Sumy.").empty());
  EXPECT_TRUE(Tag("The depot lies 12 km north of the city.").empty());
  EXPECT_EQ(Tag("The troops advanced 12 km on Monday.").size(), 1u);
}

TEST_F(QuantityTaggerTest, ADateAfterTheFigureIsNotWhatItCounts) {
  Document doc = MakeDoc("Its estimate rose to 14,000, up from 9,000 last month.");
  AddTimex(&doc, "last month", "2026-08");
  auto q = Tag(&doc);
  for (const auto& x : q) EXPECT_EQ(x.counted.find("month"), std::string::npos) << x.counted;
}

TEST_F(QuantityTaggerTest, TranslatedPluralScalesAndNegatedBounds) {
  auto q = Tag("Reports of 5 thousands or 7 thousands Dravian soldiers are wrong.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(*q[0].min, 5000);
  EXPECT_EQ(*q[0].max, 7000);
  q = Tag("The mission has not more than 300 persons.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].bound, "at-most");
}

}  // namespace
}  // namespace sitrep::claims
