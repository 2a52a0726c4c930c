#include "text/segmenter.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

std::vector<std::string> SentenceTexts(const std::string& text) {
  Segmenter seg;
  std::vector<std::string> out;
  for (const auto& s : seg.SplitSentences(text))
    out.push_back(text.substr(s.start, s.end - s.start));
  return out;
}

std::vector<std::string> TokenTexts(const std::string& text) {
  Segmenter seg;
  std::vector<Token> tokens;
  seg.Tokenize(text, 0, static_cast<uint32_t>(text.size()), 0, &tokens);
  std::vector<std::string> out;
  for (const auto& t : tokens) out.push_back(text.substr(t.start, t.end - t.start));
  return out;
}

TEST(SegmenterTest, NoBreakAfterTitlesAndInitialisms) {
  EXPECT_EQ(SentenceTexts("Gen. Valery Gerasimov briefed Mr. Putin. The U.S. State Department "
                          "objected."),
            (std::vector<std::string>{"Gen. Valery Gerasimov briefed Mr. Putin.",
                                      "The U.S. State Department objected."}));
}

TEST(SegmenterTest, GluedFullStopOfScrapedTextEndsASentence) {
  // Joined paragraphs lose the space after the full stop; initials, short
  // abbreviations and lowercase continuations do not break.
  EXPECT_EQ(SentenceTexts("Troops left on Tuesday.The ministry confirmed it.\u201dShe "
                          "agreed. He met St.Petersburg officials in the U.S.A and visited "
                          "example.com."),
            (std::vector<std::string>{
                "Troops left on Tuesday.", "The ministry confirmed it.\u201d", "She agreed.",
                "He met St.Petersburg officials in the U.S.A and visited example.com."}));
}

TEST(SegmenterTest, LineBreaksEndHeadings) {
  EXPECT_EQ(SentenceTexts("Seoul also confirms: the alliance deepens\nThe news is corroborated."),
            (std::vector<std::string>{"Seoul also confirms: the alliance deepens",
                                      "The news is corroborated."}));
}

TEST(SegmenterTest, QuoteClosesSentence) {
  auto s = SentenceTexts("\"We will never forget,\" Putin said. \"Never.\" He left.");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[1], "\"Never.\"");
}

TEST(SegmenterTest, TokensSplitCliticsKeepNumbers) {
  EXPECT_EQ(TokenTexts("Russia's 10,000 troops didn't (reportedly) arrive in the U.S."),
            (std::vector<std::string>{"Russia", "'s", "10,000", "troops", "did", "n't", "(",
                                      "reportedly", ")", "arrive", "in", "the", "U.S."}));
}

TEST(SegmenterTest, TypographicQuotesAreTokens) {
  EXPECT_EQ(TokenTexts("\xE2\x80\x9CShared blood\xE2\x80\x9D bond"),
            (std::vector<std::string>{"\xE2\x80\x9C", "Shared", "blood", "\xE2\x80\x9D", "bond"}));
}

TEST(SegmenterTest, CurrencyAndPercentSplitAsInTreebank) {
  EXPECT_EQ(TokenTexts("Aid rose to $1.5 billion, up 12%, and \xE2\x82\xAC"
                       "40 million."),
            (std::vector<std::string>{"Aid", "rose", "to", "$", "1.5", "billion", ",", "up", "12",
                                      "%", ",", "and", "\xE2\x82\xAC", "40", "million", "."}));
}

TEST(SegmenterTest, HyphenatedNamesStayWhole) {
  EXPECT_EQ(TokenTexts("Kim Jong-un's U.S.-led rivals"),
            (std::vector<std::string>{"Kim", "Jong-un", "'s", "U.S.-led", "rivals"}));
}

TEST(SegmenterTest, EmptyAndSpaceOnly) {
  EXPECT_TRUE(SentenceTexts("").empty());
  EXPECT_TRUE(SentenceTexts(" \n\n  \t").empty());
  EXPECT_TRUE(TokenTexts("   ").empty());
}

}  // namespace
}  // namespace sitrep
