#include "report/doc_dates.h"

#include <gtest/gtest.h>

#include "report/test_docs.h"

namespace sitrep::report {
namespace {

using testing::DocBuilder;

class DocDatesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(cues_.Add("will", "future", "(?i)\\bwill\\b").ok());
    ASSERT_TRUE(cues_.Add("planned", "future", "(?i)\\bplanned\\b").ok());
    ASSERT_TRUE(cues_.Compile().ok());
  }
  PhraseSet cues_;
};

TEST_F(DocDatesTest, MetadataDateEarlierThanAReportedPastDateIsFlagged) {
  DocBuilder b("d1", "SBC", "2026-09-20",
               "The foreign ministers met in Aventa on September 24. They will meet again on "
               "October 1.");
  b.Timex("September 24", "2026-09-24");
  b.Timex("October 1", "2026-10-01");
  DocDate d = ResolveDocDate(b.Build(), cues_);
  ASSERT_TRUE(d.metadata && d.text_past && d.effective);
  EXPECT_TRUE(d.conflict);
  EXPECT_EQ(IsoDay(*d.metadata), "2026-09-20");
  EXPECT_EQ(IsoDay(*d.effective), "2026-09-24");  // the later one; October 1 is future
  EXPECT_FALSE(d.inferred);
}

TEST_F(DocDatesTest, UndatedDocumentGetsItsLatestPastDate) {
  DocBuilder b("d2", "Halvany Watch", "",
               "The deal was announced in Aventa on October 1. A ceasefire is planned for "
               "October 10 to 12. The first talks were on September 24.");
  b.Timex("October 1", "2026-10-01", "", "none");
  b.Timex("October 10", "2026-10-10", "", "none");
  b.Timex("September 24", "2026-09-24", "", "none");
  DocDate d = ResolveDocDate(b.Build(), cues_);
  ASSERT_TRUE(d.effective);
  EXPECT_TRUE(d.inferred);
  EXPECT_FALSE(d.conflict);
  EXPECT_EQ(IsoDay(*d.effective), "2026-10-01");
}

TEST_F(DocDatesTest, UndatedDocumentIgnoresDatesResolvedAgainstNothing) {
  DocBuilder b("d3", "", "", "Fighting resumed on Thursday.");
  b.Timex("Thursday", "2026-09-17", "", "dct");
  DocDate d = ResolveDocDate(b.Build(), cues_);
  EXPECT_FALSE(d.effective);
}

TEST_F(DocDatesTest, UndatedDocumentTrustsNarrativeDatesOnlyNearTheirAnchor) {
  DocBuilder b("d4", "", "",
               "On April 26, 2025, the general reported. On April 28, the president spoke. "
               "Another 3,000 came in the winter of 2025. Coverage began as early as the "
               "beginning of October.");
  b.Timex("April 26, 2025", "2025-04-26", "", "none");
  b.Timex("April 28", "2025-04-28", "", "t1");
  b.Timex("the winter of 2025", "2025-WI", "", "none");
  b.Timex("the beginning of October", "2025-10", "START", "t3");
  DocDate d = ResolveDocDate(b.Build(), cues_);
  ASSERT_TRUE(d.effective);
  // "October" took its year from a winter months away: not evidence.
  EXPECT_EQ(IsoDay(*d.effective), "2025-04-28");
}

TEST_F(DocDatesTest, NamedDaysDoNotOverruleAMetadataDate) {
  DocBuilder b("d5", "SBC", "2025-04-29",
               "This timing corresponds with the anniversary of Victory Day, a holiday in Russia.");
  b.Timex("Victory Day", "2025-05-09");
  DocDate d = ResolveDocDate(b.Build(), cues_);
  EXPECT_FALSE(d.conflict);
  EXPECT_EQ(IsoDay(*d.effective), "2025-04-29");
}

TEST_F(DocDatesTest, AsOfDecisions) {
  DocDate dated;
  dated.metadata = dated.effective = DaysFromCivil(2026, 9, 20);
  DocDate inferred;
  inferred.inferred = true;
  inferred.effective = DaysFromCivil(2026, 10, 1);
  DocDate unknown;
  Day sept30 = DaysFromCivil(2026, 9, 30);
  EXPECT_EQ(DecideAsOf(dated, sept30, false), AsOfDecision::kInclude);
  EXPECT_EQ(DecideAsOf(dated, DaysFromCivil(2026, 9, 19), false), AsOfDecision::kExclude);
  EXPECT_EQ(DecideAsOf(inferred, sept30, false), AsOfDecision::kExclude);
  EXPECT_EQ(DecideAsOf(inferred, DaysFromCivil(2026, 10, 5), false),
            AsOfDecision::kIncludeUncertain);
  EXPECT_EQ(DecideAsOf(inferred, DaysFromCivil(2026, 10, 5), true), AsOfDecision::kExclude);
  EXPECT_EQ(DecideAsOf(unknown, sept30, false), AsOfDecision::kIncludeUncertain);
  EXPECT_EQ(DecideAsOf(unknown, sept30, true), AsOfDecision::kExclude);
}

}  // namespace
}  // namespace sitrep::report
