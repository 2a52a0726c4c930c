#include "timex/eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "timex/tagger.h"

namespace sitrep::timex {
namespace {

TEST(EvalTest, ParsesInlineTimeMLWithDctAndEntities) {
  auto doc = ParseInlineGold(
      "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2025-04-29\" "
      "functionInDocument=\"CREATION_TIME\">2025-04-29</TIMEX3></DCT>"
      "<TEXT>Talks &amp; a truce on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2025-05-08\">"
      "May 8</TIMEX3> for <TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P3D\">three days"
      "</TIMEX3>.</TEXT></TimeML>",
      "x.tml");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->dct, "2025-04-29");
  EXPECT_EQ(doc->text, "Talks & a truce on May 8 for three days.");
  ASSERT_EQ(doc->timexes.size(), 2u);
  EXPECT_EQ(doc->timexes[0].text, "May 8");
  EXPECT_EQ(doc->timexes[1].type, "DURATION");
  EXPECT_FALSE(ParseInlineGold("<TEXT><TIMEX3 value=\"1\">x</TEXT>", "bad").ok());
}

TEST(EvalTest, ScoresStrictRelaxedAndValue) {
  GoldDoc gold;
  gold.text = "On Thursday, October 3, and in late 2024.";
  gold.timexes = {{3, 22, "Thursday, October 3", "DATE", "2024-10-03", ""},
                  {31, 40, "late 2024", "DATE", "2024", "END"}};
  std::vector<Timex> sys(2);
  sys[0].start = 3, sys[0].end = 22, sys[0].type = "DATE", sys[0].value = "2024-10-03";
  sys[1].start = 36, sys[1].end = 40, sys[1].type = "DATE", sys[1].value = "2023";
  Scores s = Score(gold, sys);
  EXPECT_EQ(s.strict_gold, 1);
  EXPECT_EQ(s.relaxed_gold, 2);
  EXPECT_EQ(s.matched, 2);
  EXPECT_EQ(s.value_ok, 1);
  EXPECT_DOUBLE_EQ(s.RelaxedF1(), 1.0);
  EXPECT_DOUBLE_EQ(s.ValueF1(), 0.5);
  EXPECT_TRUE(SameValue("194", "194X", true));
  EXPECT_FALSE(SameValue("194", "194X", false));
}

TEST(EvalTest, StandoffSpansMustMatchTheText) {
  std::string text = "Signed in June 2024.";
  EXPECT_TRUE(
      ParseStandoffGold("# dct: 2025-04-29\n10\t19\tJune 2024\tDATE\t2024-06\t\n", text, "a.tsv")
          .ok());
  EXPECT_FALSE(ParseStandoffGold("9\t19\tJune 2024\tDATE\t2024-06\t\n", text, "b.tsv").ok());
}

// The hand-made seed gold, when ../shared is there: the tagger must find most
// of it (a floor well below the measured score, to catch regressions).
TEST(EvalTest, SeedGoldWhenSharedIsPresent) {
  namespace fs = std::filesystem;
  fs::path seeds = "../shared/corpus/seeds";
  if (!fs::exists(seeds)) GTEST_SKIP() << "../shared absent";
  auto tagger = TimexTagger::Create("data/lexicons");
  ASSERT_TRUE(tagger.ok());
  Scores total;
  for (const auto& e : fs::directory_iterator("eval/timex/seeds")) {
    std::ifstream in(e.path());
    std::stringstream tsv;
    tsv << in.rdbuf();
    std::string t = tsv.str();
    size_t h = t.find("# text: ");
    ASSERT_NE(h, std::string::npos);
    std::string name = t.substr(h + 8, t.find('\n', h) - h - 8);
    std::ifstream tin(seeds / name, std::ios::binary);
    std::stringstream text;
    text << tin.rdbuf();
    auto gold = ParseStandoffGold(t, text.str(), e.path().filename().string());
    ASSERT_TRUE(gold.ok()) << gold.status().ToString();
    Document doc;
    doc.text = gold->text;
    (*tagger)->Tag(&doc, gold->dct);
    total.Add(Score(*gold, doc.timexes));
  }
  EXPECT_GT(total.gold, 50);
  EXPECT_GT(total.RelaxedF1(), 0.8);
  EXPECT_GT(total.ValueF1(), 0.75);
}

}  // namespace
}  // namespace sitrep::timex
