#include "ingest/normalize.h"

#include <gtest/gtest.h>

#include "sitrep/document.h"

namespace sitrep::ingest {
namespace {

std::string Clean(std::string_view raw) {
  return NormalizeCharacters(NormalizeNfc(CleanText::Identity(raw))).text();
}

TEST(NormalizeTest, ComposesToNfc) {
  // "Zelenskyy's café" with a combining acute accent.
  EXPECT_EQ(Clean("the cafe\xCC\x81 in Kyiv"), "the caf\xC3\xA9 in Kyiv");
}

TEST(NormalizeTest, QuotesDashesAndSpaces) {
  EXPECT_EQ(Clean("Pyongyang\xE2\x80\x99s \xE2\x80\x9Cshared blood\xE2\x80\x9D bond"),
            "Pyongyang's \"shared blood\" bond");
  EXPECT_EQ(Clean("Russo\xE2\x80\x91Pyongyang ties"), "Russo-Pyongyang ties");
  // En and em dashes stay: "10,000\u201315,000" is a range.
  EXPECT_EQ(Clean("10,000\xE2\x80\x93"
                  "15,000 troops"),
            "10,000\xE2\x80\x93"
            "15,000 troops");
  EXPECT_EQ(Clean("six\xC2\xA0officers  were\tkilled"), "six officers were killed");
  EXPECT_EQ(Clean("zero\xE2\x80\x8Bwidth"), "zerowidth");
}

TEST(NormalizeTest, LinesTrimmedAndBlankLinesCollapsed) {
  EXPECT_EQ(Clean("  Title  \r\n\r\n\r\n\r\nFirst paragraph. \nSecond line.\n\n"),
            "Title\n\nFirst paragraph.\nSecond line.");
}

TEST(NormalizeTest, OffsetsPointBackToRawBytes) {
  std::string raw = "A  \xE2\x80\x9Cquote\xE2\x80\x9D here";
  CleanText t = NormalizeCharacters(CleanText::Identity(raw));
  ASSERT_EQ(t.text(), "A \"quote\" here");
  OffsetMap map = t.ToOffsetMap();
  size_t q = t.text().find("quote");
  EXPECT_EQ(raw.substr(map.ToRaw(static_cast<uint32_t>(q)), 5), "quote");
  size_t h = t.text().find("here");
  EXPECT_EQ(raw.substr(map.ToRaw(static_cast<uint32_t>(h)), 4), "here");
}

TEST(NormalizeTest, IdTextIgnoresWhitespaceAndForm) {
  EXPECT_EQ(NormalizeForId("North Korea\n\n sent  troops "), "North Korea sent troops");
  EXPECT_EQ(NormalizeForId("cafe\xCC\x81"), NormalizeForId("caf\xC3\xA9"));
  // Quotes are content for the id: a better cleaner must not change ids, so
  // only Unicode form and whitespace are normalized.
  EXPECT_NE(NormalizeForId("it\xE2\x80\x99s"), NormalizeForId("it's"));
}

TEST(NormalizeTest, RepairsInvalidUtf8) {
  std::string s = "Kyiv \xFF\xFE said";
  size_t first = 0;
  EXPECT_EQ(RepairUtf8(&s, &first), 2u);
  EXPECT_EQ(first, 5u);
  EXPECT_EQ(s, "Kyiv \xEF\xBF\xBD\xEF\xBF\xBD said");
  std::string ok = "valid \xC3\xA9";
  EXPECT_EQ(RepairUtf8(&ok, &first), 0u);
}

}  // namespace
}  // namespace sitrep::ingest
