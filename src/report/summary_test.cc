#include "report/summary.h"

#include <gtest/gtest.h>

namespace sitrep::report {
namespace {

TEST(SummaryTest, StripsWireDateline) {
  EXPECT_EQ(SummarizeSentence("DELLIN, Sept 4 (Meridian Wire) - Armoured columns crossed into "
                              "Halvany on Thursday, officials said."),
            "Armoured columns crossed into Halvany on Thursday, officials said.");
  EXPECT_EQ(SummarizeSentence("KELM — The death toll rose to 19 on Sunday."),
            "The death toll rose to 19 on Sunday.");
  EXPECT_EQ(SummarizeSentence("(CNN) -- Talks resumed in Geneva."), "Talks resumed in Geneva.");
}

TEST(SummaryTest, KeepsOrdinarySentencesWithDashes) {
  std::string s = "Marrovia's parliament - meeting in emergency session - approved the request.";
  EXPECT_EQ(SummarizeSentence(s), s);
}

TEST(SummaryTest, TrimsLongSentencesAtAClauseKeepingTheTrigger) {
  std::string s =
      "Marrovia and Tarsk agreed on Thursday to a three-day ceasefire in Halvany province from "
      "October 10 to October 12, to allow civilians to leave the besieged city of Kelm, Sorlund's "
      "foreign minister said after a second round of talks that lasted well into the night.";
  size_t trigger_end = s.find("agreed") + 6;
  std::string out = SummarizeSentence(s, trigger_end, 160);
  EXPECT_LE(out.size(), 165u);
  EXPECT_NE(out.find("agreed"), std::string::npos);
  EXPECT_EQ(out.substr(out.size() - 3), "…");
}

TEST(SummaryTest, CollapsesWhitespaceAndCloses) {
  EXPECT_EQ(SummarizeSentence("  talks  were\n held in Aventa  "), "Talks were held in Aventa.");
}

TEST(SummaryTest, EllipsizeNeverSplitsUtf8) {
  std::string s = "ÉÉÉÉÉÉÉÉÉÉ";
  std::string out = Ellipsize(s, 7);
  // Each É is two bytes: a cut at 7 must back up to 6.
  EXPECT_EQ(out, "ÉÉÉ…");
}

}  // namespace
}  // namespace sitrep::report
