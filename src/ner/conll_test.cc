#include "ner/conll.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace sitrep {
namespace {

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string::npos) j = s.size();
    out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

TEST(ConllTest, SpansFromIob2AndBilou) {
  EXPECT_EQ(SpansFromTags(Split("B-per I-per O B-geo B-geo I-geo")),
            (std::vector<WordSpan>{{0, 2, "per"}, {3, 4, "geo"}, {4, 6, "geo"}}));
  EXPECT_EQ(SpansFromTags(Split("U-ORG B-PERSON L-PERSON O U-GPE")),
            (std::vector<WordSpan>{{0, 1, "ORG"}, {1, 3, "PERSON"}, {4, 5, "GPE"}}));
}

TEST(ConllTest, LenientWithIob1AndBrokenSequences) {
  // IOB1 starts spans with I-; an I- of another type starts a new span.
  EXPECT_EQ(SpansFromTags(Split("I-ORG I-ORG I-PER O I-LOC")),
            (std::vector<WordSpan>{{0, 2, "ORG"}, {2, 3, "PER"}, {4, 5, "LOC"}}));
  EXPECT_TRUE(SpansFromTags({}).empty());
}

TEST(ConllTest, TagsFromSpansRoundTrip) {
  std::vector<WordSpan> spans = {{0, 1, "GPE"}, {2, 5, "PERSON"}};
  auto bilou = TagsFromSpans(6, spans, true);
  EXPECT_EQ(bilou, Split("U-GPE O B-PERSON I-PERSON L-PERSON O"));
  EXPECT_EQ(SpansFromTags(bilou), spans);
  auto iob = TagsFromSpans(6, spans, false);
  EXPECT_EQ(iob, Split("B-GPE O B-PERSON I-PERSON I-PERSON O"));
  EXPECT_EQ(SpansFromTags(iob), spans);
}

TEST(ConllTest, DefaultMapFollowsGmbAndSitrepNames) {
  EntityTypeMap m = EntityTypeMap::Default();
  EXPECT_EQ(m.Map("per"), "PERSON");
  EXPECT_EQ(m.Map("geo"), "GPE");
  EXPECT_EQ(m.Map("gpe"), "NORP");  // GMB's gpe are demonyms
  EXPECT_EQ(m.Map("GPE"), "GPE");   // sitrep's own GPE is not
  EXPECT_EQ(m.Map("tim"), "O");
  EXPECT_EQ(m.Map("eve"), "MISC");
  EXPECT_EQ(m.Map("LOC"), "GPE");
  EXPECT_EQ(m.Map("unknown"), "");
  ASSERT_TRUE(m.Add("tim=MISC").ok());
  EXPECT_EQ(m.Map("tim"), "MISC");
  EXPECT_TRUE(m.Add("tim").IsInvalidArgument());
  EXPECT_TRUE(m.Add("=GPE").IsInvalidArgument());
}

TEST(ConllTest, StripsTitlesFromPersonSpans) {
  TitleLexicon titles({"president", "mr.", "secretary", "state", "prime", "minister"});
  auto words = Split(
      "President George W. Bush met Secretary of State Condoleezza Rice and the "
      "Prime Minister in Mr. Putin 's office");
  std::vector<WordSpan> spans = {
      {0, 4, "PERSON"}, {5, 10, "PERSON"}, {12, 14, "PERSON"}, {15, 17, "PERSON"}, {5, 6, "ORG"}};
  titles.StripPersonTitles(words, &spans);
  EXPECT_EQ(spans, (std::vector<WordSpan>{
                       {1, 4, "PERSON"}, {8, 10, "PERSON"}, {16, 17, "PERSON"}, {5, 6, "ORG"}}));
}

TEST(ConllTest, TitleLexiconFileLoads) {
  auto titles = TitleLexicon::LoadDefault();
  ASSERT_TRUE(titles.ok()) << titles.status().ToString();
  EXPECT_TRUE(titles->IsTitle("Mr."));
  EXPECT_TRUE(titles->IsTitle("PRESIDENT"));
  EXPECT_FALSE(titles->IsTitle("Putin"));
}

TEST(ConllTest, ReadDedupeAndSplit) {
  std::string path = ::testing::TempDir() + "/conll_test.conll";
  {
    std::ofstream out(path);
    out << "Troops\tNNS\tO\nentered\tVBD\tO\nKursk\tNNP\tB-geo\n.\t.\tO\n\n"
        << "-DOCSTART-\tX\tO\n\n"
        << "Troops\tNNS\tO\nentered\tVBD\tO\nKursk\tNNP\tB-geo\n.\t.\tO\n\n\n"
        << "Kim\tNNP\tB-per\nspoke\tVBD\tO\n";
  }
  auto sentences = ReadConll(path);
  ASSERT_TRUE(sentences.ok()) << sentences.status().ToString();
  ASSERT_EQ(sentences->size(), 3u);
  EXPECT_EQ((*sentences)[0].pos[2], "NNP");
  EXPECT_EQ((*sentences)[2].tags[0], "B-per");
  auto unique = DedupeSentences(std::move(*sentences));
  EXPECT_EQ(unique.size(), 2u);
  {
    std::ofstream out(path);
    out << "Troops\tNNS\tO\nbroken-line-without-tag\n";
  }
  auto bad = ReadConll(path);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find(":2:"), std::string::npos);
  std::remove(path.c_str());
  EXPECT_TRUE(ReadConll("/nonexistent.conll").status().IsNotFound());
}

TEST(ConllTest, SplitIsSeededAndDisjoint) {
  std::vector<size_t> train, heldout, train2, heldout2;
  SplitIndices(1000, 7, 0.1, &train, &heldout);
  SplitIndices(1000, 7, 0.1, &train2, &heldout2);
  EXPECT_EQ(heldout.size(), 100u);
  EXPECT_EQ(train.size(), 900u);
  EXPECT_EQ(heldout, heldout2);
  std::vector<bool> seen(1000, false);
  for (size_t i : train) seen[i] = true;
  for (size_t i : heldout) {
    EXPECT_FALSE(seen[i]);
    seen[i] = true;
  }
  SplitIndices(1000, 8, 0.1, &train2, &heldout2);
  EXPECT_NE(heldout, heldout2);
}

}  // namespace
}  // namespace sitrep
