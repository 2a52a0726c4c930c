#include "timex/tagger.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "timex/calendar.h"
#include "timex/recognizer.h"

namespace sitrep::timex {
namespace {

class TaggerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto t = TimexTagger::Create("data/lexicons");
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    tagger_ = t->release();
  }
  static void TearDownTestSuite() { delete tagger_; }

  // Tags `text` with the document date `dct` (2025-04-29 is a Tuesday).
  Document Tag(const std::string& text, const std::string& dct = "2025-04-29") {
    Document doc;
    doc.text = text;
    tagger_->Tag(&doc, dct);
    return doc;
  }
  // The first timex whose text is `span`, or null.
  static const Timex* Find(const Document& d, const std::string& span) {
    for (const auto& t : d.timexes) {
      if (t.text == span) return &t;
    }
    return nullptr;
  }
  // The value of the first timex whose text is `span`, or "<none>".
  static std::string ValueOf(const Document& d, const std::string& span) {
    const Timex* t = Find(d, span);
    return t == nullptr ? "<none>" : t->value;
  }
  static TimexTagger* tagger_;
};
TimexTagger* TaggerTest::tagger_ = nullptr;

TEST_F(TaggerTest, AbsoluteDatesInCommonForms) {
  Document d =
      Tag("The talks opened on April 28, 2025 in Geneva. A deal dated 28 April 2025 was leaked; "
          "the file was stamped 2025-04-28 and a copy 4/28/2025.");
  ASSERT_EQ(d.timexes.size(), 4u);
  for (const auto& t : d.timexes) {
    EXPECT_EQ(t.type, "DATE");
    EXPECT_EQ(t.value, "2025-04-28") << t.text;
  }
  EXPECT_EQ(d.timexes[0].text, "April 28, 2025");
  EXPECT_EQ(d.SpanText(d.timexes[0].start, d.timexes[0].end), "April 28, 2025");
}

TEST_F(TaggerTest, PartialDatesTakeTheYearFromTheDocumentDate) {
  Document d =
      Tag("The pact was signed in June 2024. Troops arrived on October 3, officials said, "
          "and fighting began in 2022.");
  const Timex* june = Find(d, "June 2024");
  ASSERT_NE(june, nullptr);
  EXPECT_EQ(june->value, "2024-06");
  const Timex* oct = Find(d, "October 3");
  ASSERT_NE(oct, nullptr);
  EXPECT_EQ(oct->value, "2024-10-03");  // past tense, more than two months ahead: last year
  EXPECT_EQ(oct->anchor, "dct");
  ASSERT_NE(Find(d, "2022"), nullptr);
}

TEST_F(TaggerTest, WeekdaysLookBackUnlessTheVerbLooksAhead) {
  Document d =
      Tag("Zelenskyy said on Thursday that the strikes continued. "
          "The ministers will meet on Friday.");
  const Timex* thu = Find(d, "Thursday");
  ASSERT_NE(thu, nullptr);
  EXPECT_EQ(thu->value, "2025-04-24");
  const Timex* fri = Find(d, "Friday");
  ASSERT_NE(fri, nullptr);
  EXPECT_EQ(fri->value, "2025-05-02");
}

// The verb group that governs a year-less date decides its tense; an
// explicit one (not the default) moves a date that lies on the wrong side of
// the document date by more than two days to the other year. DCT 2023-06-14
// is a Wednesday.
TEST_F(TaggerTest, ExplicitPastVerbGroupMovesALaterDateToTheYearBefore) {
  const std::string dct = "2023-06-14";
  Document d =
      Tag("Russian general Oleg Tsokov was killed in a missile strike on Berdyansk on July 10, the "
          "governor said.",
          dct);
  EXPECT_EQ(ValueOf(d, "July 10"), "2022-07-10");
  d = Tag("Kyiv said its forces had recaptured the village in August after weeks of fighting.",
          dct);
  EXPECT_EQ(ValueOf(d, "August"), "2022-08");
  // Simple past, present perfect, and a negated past.
  d = Tag("Ukrainian troops retook the bridgehead on July 2.", dct);
  EXPECT_EQ(ValueOf(d, "July 2"), "2022-07-02");
  d = Tag("The regional administration has rebuilt the school it lost in September.", dct);
  EXPECT_EQ(ValueOf(d, "September"), "2022-09");
  d = Tag("Moscow didn't confirm the losses it suffered on June 30.", dct);
  EXPECT_EQ(ValueOf(d, "June 30"), "2022-06-30");
}

TEST_F(TaggerTest, FutureVerbGroupKeepsTheDateAheadEvenWithAPastForm) {
  const std::string dct = "2023-06-14";
  // "held" is a past form, but the group is "will be held".
  Document d = Tag("Talks between the two delegations will be held on July 10 in Istanbul.", dct);
  EXPECT_EQ(ValueOf(d, "July 10"), "2023-07-10");
  d =
      Tag("The NATO summit, which is expected to be held in Vilnius on July 11, will discuss "
          "air defence.",
          dct);
  EXPECT_EQ(ValueOf(d, "July 11"), "2023-07-11");
  d = Tag("Zelensky is to address the parliament on July 4.", dct);
  EXPECT_EQ(ValueOf(d, "July 4"), "2023-07-04");
  // A strong future more than two weeks behind the document date is next
  // year's; within two weeks it is a report seen late or an old quote.
  d = Tag("The new conscription law will take effect on May 20.", dct);
  EXPECT_EQ(ValueOf(d, "May 20"), "2024-05-20");
  d = Tag("\"We will defend our land on June 10,\" the president told the nation.", dct);
  EXPECT_EQ(ValueOf(d, "June 10"), "2023-06-10");
  // The weekday of the document date is that day ("will travel on Wednesday"
  // in a Wednesday report).
  d = Tag("The German chancellor will travel to Kyiv on Wednesday.", dct);
  EXPECT_EQ(ValueOf(d, "Wednesday"), "2023-06-14");
  // A weekday after "will be held" is the one after the document date.
  d = Tag("The next round of talks will be held on Friday, the Kremlin said.", dct);
  EXPECT_EQ(ValueOf(d, "Friday"), "2023-06-16");
}

TEST_F(TaggerTest, WeakTenseReadingsKeepTheWideTolerance) {
  const std::string dct = "2023-06-14";
  // A reporting verb: what is announced is often ahead.
  Document d = Tag("The White House announced a visit by Zelensky to Washington in July.", dct);
  EXPECT_EQ(ValueOf(d, "July"), "2023-07");
  // A target or an infinitive after a past verb: the date is what is aimed at.
  d = Tag("The referendum was postponed to July 10 because of the shelling.", dct);
  EXPECT_EQ(ValueOf(d, "July 10"), "2023-07-10");
  d = Tag("Putin and Erdogan agreed to meet in Sochi on July 20.", dct);
  EXPECT_EQ(ValueOf(d, "July 20"), "2023-07-20");
  // One day ahead of the document date: a time-zone difference, not last year.
  d = Tag("Russian missiles struck the port of Odesa on June 15, officials said.", dct);
  EXPECT_EQ(ValueOf(d, "June 15"), "2023-06-15");
  // An -ed word after a preposition is an adjective, not the verb.
  d = Tag("Moscow will hold referendums in occupied areas on July 25.", dct);
  EXPECT_EQ(ValueOf(d, "July 25"), "2023-07-25");
}

TEST_F(TaggerTest, TenseOfADateBeforeItsVerb) {
  const std::string dct = "2023-06-14";
  Document d = Tag("On Friday, Russian forces launched 30 drones at Kyiv.", dct);
  EXPECT_EQ(ValueOf(d, "Friday"), "2023-06-09");
  d = Tag("The governor said that on Friday the evacuation will begin.", dct);
  EXPECT_EQ(ValueOf(d, "Friday"), "2023-06-16");
  d = Tag("On July 3 the Russian army shelled the town again.", dct);
  EXPECT_EQ(ValueOf(d, "July 3"), "2022-07-03");
}

TEST_F(TaggerTest, RelativeToTheDocumentDate) {
  Document d =
      Tag("Yesterday the army said that last week it lost ground it had taken last year. "
          "Two days ago a convoy was hit, and earlier this year the front held.");
  EXPECT_EQ(Find(d, "Yesterday")->value, "2025-04-28");
  EXPECT_EQ(Find(d, "last week")->value, "2025-W17");
  EXPECT_EQ(Find(d, "last year")->value, "2024");
  EXPECT_EQ(Find(d, "Two days ago")->value, "2025-04-27");
  EXPECT_EQ(Find(d, "earlier this year")->value, "2025");
}

TEST_F(TaggerTest, NarrativeAnchorsFollowThePreviousExpression) {
  Document d =
      Tag("The offensive began on March 3, 2022. The next day the city fell, "
          "and three weeks later the siege was over.");
  const Timex* next = Find(d, "The next day");
  ASSERT_NE(next, nullptr);
  EXPECT_EQ(next->value, "2022-03-04");
  EXPECT_EQ(next->anchor, d.timexes[0].id);
  const Timex* later = Find(d, "three weeks later");
  ASSERT_NE(later, nullptr);
  EXPECT_EQ(later->value, "2022-W12");
}

TEST_F(TaggerTest, NewsThatCitesOldYearsStaysNews) {
  // Three old years as background, but the report is about the days around
  // its date: "In November" is the November before the DCT, not 2014's.
  Document d =
      Tag("The reactor at Chernobyl exploded in 1986. Ukraine became independent in 1991, and "
          "Russia annexed Crimea in 2014.\n\nIn November, Ukrainian troops retook Kherson. On "
          "Tuesday, the governor said the city was shelled again yesterday.",
          "2023-05-10");
  const Timex* nov = Find(d, "November");
  ASSERT_NE(nov, nullptr);
  EXPECT_EQ(nov->value, "2022-11");
  EXPECT_EQ(nov->anchor, "dct");
  EXPECT_EQ(Find(d, "Tuesday")->value, "2023-05-09");
  EXPECT_EQ(Find(d, "yesterday")->value, "2023-05-09");
}

TEST_F(TaggerTest, HistoryTextWithADateFollowsTheStory) {
  // Many old years and nothing about the days around the date: a narrative.
  // Weekdays and "today" inside quotations are not news cues.
  Document d =
      Tag("The war began on September 1, 1939. In 1940 the front was quiet until spring. In May, "
          "Germany invaded France, and Paris fell in June. Churchill said: \"We shall fight on, "
          "today and on Sunday.\" In 1941 Germany turned east. On June 22, 1941, it invaded the "
          "Soviet Union, and in December the offensive stalled before Moscow. By 1942 the war had "
          "spread, and in 1943 and 1944 the Allies advanced until 1945.",
          "2009-12-19");
  const Timex* may = Find(d, "May");
  ASSERT_NE(may, nullptr);
  EXPECT_EQ(may->value, "1940-05");
  EXPECT_EQ(Find(d, "December")->value, "1941-12");
}

TEST_F(TaggerTest, YearlessDatesTakeTheYearWrittenCloseBefore) {
  // News: a year-less date takes the year of an expression earlier in its
  // sentence that wrote one (the next year when that is within two months).
  Document d =
      Tag("Russia annexed Crimea in March 2014, and in April separatists seized buildings in "
          "Donetsk. Strikes hit Kyiv on December 29, 2022 and resumed on January 1.",
          "2023-05-10");
  const Timex* april = Find(d, "April");
  ASSERT_NE(april, nullptr);
  EXPECT_EQ(april->value, "2014-04");
  EXPECT_EQ(april->anchor, Find(d, "March 2014")->id);
  EXPECT_EQ(Find(d, "January 1")->value, "2023-01-01");
}

TEST_F(TaggerTest, YearWrittenCloseBeforeIsNotAlwaysTheYear) {
  // A bare year in another clause, a date running to now ("since"), and a
  // sentence that looks ahead: the document date decides, with tense.
  Document d =
      Tag("Russia annexed Crimea in 2014 and launched its full-scale invasion in February. "
          "The 2022 report counts losses since January 1. Putin will not be invited to the "
          "anniversary of the 1944 landings in June.\n\nThe ministry spoke on Tuesday.",
          "2023-04-17");
  EXPECT_EQ(Find(d, "February")->value, "2023-02");
  EXPECT_EQ(Find(d, "January 1")->value, "2023-01-01");
  const Timex* june = Find(d, "June");
  ASSERT_NE(june, nullptr);
  EXPECT_EQ(june->value, "2023-06");
  EXPECT_EQ(june->anchor, "dct");
}

TEST_F(TaggerTest, FuzzyPeriodsAndModifiers) {
  Document d =
      Tag("Shipments grew in late 2024 and early December, peaked in the fall of 2024, "
          "and recalled the 1990s. Ties are the closest since the Cold War.");
  const Timex* late = Find(d, "late 2024");
  ASSERT_NE(late, nullptr);
  EXPECT_EQ(late->value, "2024");
  EXPECT_EQ(late->mod, "END");
  EXPECT_EQ(Find(d, "early December")->mod, "START");
  EXPECT_EQ(Find(d, "the fall of 2024")->value, "2024-FA");
  EXPECT_EQ(Find(d, "the 1990s")->value, "199X");
  const Timex* cold = Find(d, "the Cold War");
  ASSERT_NE(cold, nullptr);
  EXPECT_EQ(cold->range_begin, "1947");
}

TEST_F(TaggerTest, PreAndPostPrefixesAreOpenEnded) {
  Document d =
      Tag("Troops crossed the pre-2022 border, and the post-2014 sanctions stayed. "
          "The Post 2024 survey and a post office were untouched.");
  const Timex* pre = Find(d, "pre-2022");
  ASSERT_NE(pre, nullptr);
  EXPECT_EQ(pre->value, "2022");
  EXPECT_EQ(pre->mod, "BEFORE");
  const Timex* post = Find(d, "post-2014");
  ASSERT_NE(post, nullptr);
  EXPECT_EQ(post->mod, "AFTER");
  EXPECT_EQ(Find(d, "Post 2024"), nullptr);
}

TEST_F(TaggerTest, RangesTimesDurationsAndSets) {
  Document d =
      Tag("Drills will run from May 8 to 10. Polls will close at 2100 GMT on May 7, and a "
          "first round at 5 a.m. Kyiv time. After a three-day pause and more than four "
          "decades of rivalry, talks are held every year.");
  const Timex* range = Find(d, "May 8 to 10");
  ASSERT_NE(range, nullptr);
  EXPECT_EQ(range->range_begin, "2025-05-08");
  EXPECT_EQ(range->range_end, "2025-05-10");
  const Timex* gmt = Find(d, "2100 GMT on May 7");
  ASSERT_NE(gmt, nullptr);
  EXPECT_EQ(gmt->type, "TIME");
  EXPECT_EQ(gmt->value, "2025-05-07T21:00Z");
  const Timex* kyiv = Find(d, "5 a.m. Kyiv time");
  ASSERT_NE(kyiv, nullptr);
  EXPECT_EQ(kyiv->value, "2025-04-29T05:00+03:00");  // summer time in Kyiv
  EXPECT_EQ(Find(d, "three-day")->value, "P3D");
  const Timex* decades = Find(d, "more than four decades");
  ASSERT_NE(decades, nullptr);
  EXPECT_EQ(decades->value, "P4DE");
  EXPECT_EQ(decades->mod, "MORE_THAN");
  const Timex* every = Find(d, "every year");
  ASSERT_NE(every, nullptr);
  EXPECT_EQ(every->type, "SET");
  EXPECT_EQ(every->value, "P1Y");
}

TEST_F(TaggerTest, NamedDays) {
  Document d = Tag("Moscow will hold a parade on Victory Day. Fighting paused at New Year.");
  EXPECT_EQ(Find(d, "Victory Day")->value, "2025-05-09");
  EXPECT_EQ(Find(d, "New Year")->value, "2025-01-01");
}

TEST_F(TaggerTest, UnknownDocumentDateLeavesYearsOpenAndSaysSo) {
  Document d = Tag("The envoy arrived on October 3 and left yesterday.", "");
  EXPECT_EQ(Find(d, "October 3")->value, "XXXX-10-03");
  EXPECT_EQ(Find(d, "yesterday")->anchor, "none");
  ASSERT_FALSE(d.problems.empty());
  EXPECT_NE(d.problems.back().message.find("document date unknown"), std::string::npos);
}

TEST_F(TaggerTest, WeekdayFixesTheYearOrIsFlagged) {
  // October 3 was a Thursday in 2024 and a Friday in 2025.
  Document d = Tag("In 2024 and 2025 the talks stalled. On Thursday, October 3, they resumed.", "");
  const Timex* t = Find(d, "Thursday, October 3");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->value, "2024-10-03");
  EXPECT_FALSE(t->flagged);
  Document bad = Tag("On Monday, October 3, 2024, they resumed.");
  ASSERT_EQ(bad.timexes.size(), 1u);
  EXPECT_TRUE(bad.timexes[0].flagged);
  EXPECT_FALSE(bad.problems.empty());
}

TEST_F(TaggerTest, UndatedWeekdayAndYearlessDayAgreeOnOneYear) {
  // No document date. October 3 was a Thursday in 2024 (a Tuesday in 2023,
  // a Friday in 2025); the latest year written is 2024, so it is 2024 and
  // "Thursday" is that day.
  Document d =
      Tag("On Thursday, six officers were killed in a strike. The agency had reported in "
          "September 2023 that talks began. In 2024 the two signed a treaty. The minister said "
          "the officers were killed in a strike on October 3.",
          "");
  const Timex* oct = Find(d, "October 3");
  ASSERT_NE(oct, nullptr);
  EXPECT_EQ(oct->value, "2024-10-03");
  const Timex* thu = Find(d, "Thursday");
  ASSERT_NE(thu, nullptr);
  EXPECT_EQ(thu->value, "2024-10-03");
  // The same text with another weekday: no year in 2023..2025 agrees, so
  // nothing is fixed and the weekday stays open.
  Document mon =
      Tag("On Monday, six officers were killed. In 2024 the two signed a treaty. They were "
          "killed on October 3.",
          "");
  EXPECT_EQ(Find(mon, "Monday")->value, "XXXX-WXX-1");
  EXPECT_NE(Find(mon, "October 3")->value, "2024-10-03");
  // With a document date the weekday is resolved against it, as before.
  Document dated =
      Tag("On Thursday, officers were killed. In 2024 ... on October 3.", "2025-04-29");
  EXPECT_EQ(Find(dated, "Thursday")->value, "2025-04-24");
}

TEST_F(TaggerTest, StartAndEndToldAsSuchAreOneRange) {
  Document d = Tag("Putin announced a ceasefire, set to begin on May 8 and concluding on May 10.");
  const Timex* may8 = Find(d, "May 8");
  ASSERT_NE(may8, nullptr);
  EXPECT_EQ(may8->range_begin, "2025-05-08");
  EXPECT_EQ(may8->range_end, "2025-05-10");
  // Two dates joined by "and" without a start and an end: no range.
  Document two = Tag("They met on May 8 and on May 10.");
  EXPECT_TRUE(Find(two, "May 8")->range_begin.empty());
}

TEST(PairWeekdaysTest, OnlyUnambiguousReadingsAreFixed) {
  DocContext ctx;
  ctx.years = {2023, 2024};
  // June 19 was a Wednesday only in 2024 among 2023..2025.
  EXPECT_TRUE(PairWeekdaysWithDates({3}, {619}, &ctx));
  EXPECT_EQ(ctx.yearless_fix.at(619), 2024);
  EXPECT_EQ(ctx.weekday_fix.at(3), (Ymd{2024, 6, 19}));
  // Two days on the same weekday: each gets its year, the weekday neither.
  DocContext two;
  two.years = {2024};
  EXPECT_TRUE(PairWeekdaysWithDates({4}, {1003, 1010}, &two));
  EXPECT_EQ(two.yearless_fix.size(), 2u);
  EXPECT_TRUE(two.weekday_fix.empty());
  // A dated document never needs this.
  DocContext dated;
  dated.has_dct = true;
  dated.years = {2024};
  EXPECT_FALSE(PairWeekdaysWithDates({4}, {1003}, &dated));
}

TEST_F(TaggerTest, RejectsNumbersThatAreNotDates) {
  Document d =
      Tag("Call 555-123-4567 or 2882015. The top 20 teams met; the score was 3-1, "
          "and two F-16 jets flew over 1,500 troops.");
  EXPECT_TRUE(d.timexes.empty()) << d.timexes[0].text;
  Document feb = Tag("The decree is dated February 30, 2025.");
  ASSERT_EQ(feb.timexes.size(), 1u);
  EXPECT_TRUE(feb.timexes[0].flagged);
}

TEST(CalendarTest, WeekdaysWeeksAndEaster) {
  EXPECT_EQ(Weekday(2025, 4, 29), 2);
  int wy = 0, wk = 0;
  IsoWeek({2025, 4, 29}, &wy, &wk);
  EXPECT_EQ(wk, 18);
  IsoWeek({2021, 1, 1}, &wy, &wk);
  EXPECT_EQ(wy, 2020);
  EXPECT_EQ(wk, 53);
  EXPECT_EQ(WesternEaster(2025), (Ymd{2025, 4, 20}));
  EXPECT_EQ(OrthodoxEaster(2024), (Ymd{2024, 5, 5}));
  EXPECT_FALSE(IsValidDate(2025, 2, 29));
  EXPECT_TRUE(IsValidDate(2024, 2, 29));
}

}  // namespace
}  // namespace sitrep::timex
