#include "html/extract_eval.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "html/hints.h"
#include "html/metadata.h"
#include "html/prescan.h"

namespace sitrep::html {
namespace {

using ::testing::ElementsAre;

TEST(ExtractEvalTest, WordTokensAreLowercasedUnicodeWords) {
  EXPECT_THAT(WordTokens("Kyiv's MAYOR, Ölçer_2 — 3,000 troops!"),
              ElementsAre("kyiv", "s", "mayor", "ölçer_2", "3", "000", "troops"));
}

TEST(ExtractEvalTest, NgramOverlap) {
  std::string gold = "one two three four five six";  // 3 grams
  OverlapScore same = NgramOverlap(gold, gold);
  EXPECT_DOUBLE_EQ(same.f1, 1.0);
  // Extracted adds boilerplate: 3 of its 6 grams are right, all gold found.
  OverlapScore extra = NgramOverlap("one two three four five six menu home login", gold);
  EXPECT_DOUBLE_EQ(extra.recall, 1.0);
  EXPECT_DOUBLE_EQ(extra.precision, 0.5);
  EXPECT_NEAR(extra.f1, 2 * 0.5 / 1.5, 1e-12);
  EXPECT_DOUBLE_EQ(NgramOverlap("", gold).f1, 0.0);
  EXPECT_DOUBLE_EQ(NgramOverlap("", "").f1, 1.0);
  // Multiset: a repeated gram counts only as often as the gold has it.
  OverlapScore rep = NgramOverlap("a b c d a b c d", "a b c d");
  EXPECT_DOUBLE_EQ(rep.recall, 1.0);
  EXPECT_DOUBLE_EQ(rep.precision, 1.0 / 5.0);
}

TEST(HintLexiconTest, ScoresSplitWords) {
  auto lex = HintLexicon::Parse("article\t25\ncomment*\t-30\nshare\tdrop\n");
  ASSERT_TRUE(lex.ok());
  EXPECT_EQ(lex->Score("article-body main").weight, 25);
  EXPECT_EQ(lex->Score("commentList").weight, -30);
  EXPECT_EQ(lex->Score("articleComments").weight, -5);
  EXPECT_TRUE(lex->Score("share_tools").drop);
  EXPECT_FALSE(lex->Score("shared").drop);
  EXPECT_FALSE(HintLexicon::Parse("article 25\n").ok());
  EXPECT_FALSE(HintLexicon::Parse("article\tmany\n").ok());
}

TEST(HintLexiconTest, DefaultLexiconLoads) {
  std::string error;
  const HintLexicon& lex = HintLexicon::Default(&error);
  EXPECT_EQ(error, "");
  EXPECT_FALSE(lex.empty());
  EXPECT_LT(lex.Score("related-stories").weight, 0);
  EXPECT_GT(lex.Score("story-body").weight, 0);
}

TEST(MetadataTest, UrlHostAndDates) {
  EXPECT_EQ(UrlHost("https://www.Example.co.uk/news/1?x=2"), "example.co.uk");
  EXPECT_EQ(UrlHost("not a url"), "");
  EXPECT_EQ(NormalizeDate("2019-04-28 06:01:07"), "2019-04-28T06:01:07");
  EXPECT_EQ(NormalizeDate(" 2024-03-14T08:30:00+01:00 "), "2024-03-14T08:30:00+01:00");
  EXPECT_EQ(NormalizeDate("20240314"), "2024-03-14");
  EXPECT_EQ(NormalizeDate("March 14"), "");
}

TEST(PrescanTest, DropsScriptsKeepsJsonLdAndMapsOffsets) {
  std::string in =
      "<p>a</p><script>x<y</script><!-- c --><script type=\"application/ld+json\">{}</script>"
      "<p data-x=\"long attribute nobody reads\" class=\"k\">b</p>";
  PrescanResult r = Prescan(in, 100);
  EXPECT_EQ(r.html, "<p>a</p><p class=\"k\">b</p>");
  ASSERT_EQ(r.json_ld.size(), 1u);
  EXPECT_EQ(r.json_ld[0], "{}");
  size_t b = r.html.find(">b<") + 1;
  EXPECT_EQ(in[r.to_input.ToRaw(static_cast<uint32_t>(b))], 'b');
}

TEST(PrescanTest, FlattensBeyondTheDepthLimit) {
  std::string in;
  for (int i = 0; i < 10; ++i) in += "<div>";
  in += "x";
  PrescanResult r = Prescan(in, 4);
  EXPECT_EQ(r.flattened_tags, 6u);
  EXPECT_EQ(r.html.size(), in.size());  // flattened tags become spaces
  // Unmatched end tags do not lower the depth.
  PrescanResult s = Prescan("<div></x></x></x><div><div>", 2);
  EXPECT_EQ(s.flattened_tags, 1u);
}

}  // namespace
}  // namespace sitrep::html
