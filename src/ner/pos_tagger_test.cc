#include "ner/pos_tagger.h"

#include <gtest/gtest.h>

#include "pipeline/stages.h"
#include "text/segmenter.h"

namespace sitrep {
namespace {

std::vector<std::string> Tags(const std::string& text) {
  Document doc;
  doc.text = text;
  Segmenter().Segment(&doc);
  auto annotator = MakePosTagger();
  EXPECT_TRUE(annotator.ok()) << annotator.status().ToString();
  EXPECT_NE(*annotator, nullptr);
  EXPECT_EQ((*annotator)->assigns_layers(), kLayerPos);
  EXPECT_TRUE((*annotator)->requires_layers() & kLayerTokens);
  EXPECT_TRUE((*annotator)->Annotate(&doc, AnnotateOptions()).ok());
  std::vector<std::string> out;
  for (const Token& t : doc.tokens) {
    out.push_back(text.substr(t.start, t.end - t.start) + "/" + t.pos);
  }
  return out;
}

TEST(PosTaggerTest, NewsSentence) {
  auto t = Tags("The defense ministry said 3,000 troops had arrived in Kursk on Monday.");
  EXPECT_EQ(t, (std::vector<std::string>{"The/DT", "defense/NN", "ministry/NN", "said/VBD",
                                         "3,000/CD", "troops/NNS", "had/VBD", "arrived/VBN",
                                         "in/IN", "Kursk/NNP", "on/IN", "Monday/NNP", "./."}));
}

TEST(PosTaggerTest, VerbsAndProperNounsInAttribution) {
  auto t = Tags("According to South Korean intelligence, Pyongyang will send more soldiers.");
  ASSERT_EQ(t.size(), 12u);
  EXPECT_EQ(t[0], "According/VBG");
  EXPECT_EQ(t[4], "intelligence/NN");
  EXPECT_EQ(t[6], "Pyongyang/NNP");
  EXPECT_EQ(t[7], "will/MD");
  EXPECT_EQ(t[8], "send/VB");
  EXPECT_EQ(t[10], "soldiers/NNS");
}

TEST(PosTaggerTest, EveryTokenGetsATag) {
  for (const auto& s : Tags("BREAKING: MISSILES HIT KHARKIV\nnobody knows why 🙂 x\xD0\xB0y.")) {
    EXPECT_NE(s.back(), '/') << s;
  }
  EXPECT_TRUE(Tags("").empty());
}

TEST(PosTaggerTest, LoadErrors) {
  EXPECT_TRUE(PosTagger::Load("/nonexistent/pos.bin").status().IsNotFound());
}

}  // namespace
}  // namespace sitrep
