#include "html/charset.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "html/extractor.h"

namespace sitrep::html {
namespace {

using ::testing::HasSubstr;

TEST(CharsetTest, MetaCharsetWindows1252) {
  std::string page =
      "<html><head><meta charset=\"windows-1252\"></head><body><p>\x93No comment,\x94 the "
      "minister\x92s spokesman said on Friday when asked about the caf\xE9 owners\x92 "
      "complaints over the new licensing rules.</p></body></html>";
  DecodedPage d = DecodePage(page);
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_EQ(d.source, "meta");
  EXPECT_TRUE(IsValidUtf8(d.utf8));
  ExtractedArticle a = ExtractArticle(page);
  EXPECT_THAT(a.text, HasSubstr("“No comment,” the minister’s spokesman"));
  EXPECT_THAT(a.text, HasSubstr("café owners’"));
  // Offsets still point at the raw (single-byte) page.
  size_t pos = a.text.find("owners");
  EXPECT_EQ(page.compare(a.offsets.ToRaw(static_cast<uint32_t>(pos)), 6, "owners"), 0);
}

TEST(CharsetTest, HttpEquivLatin1IsWindows1252) {
  std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
      "</head><body>Se\xF1or</body></html>";
  std::string how;
  EXPECT_EQ(DeclaredCharset(page, &how), "windows-1252");
  EXPECT_EQ(how, "http-equiv");
  EXPECT_THAT(DecodePage(page).utf8, HasSubstr("Señor"));
}

TEST(CharsetTest, Utf8Bom) {
  std::string page = "\xEF\xBB\xBF<p>Zürich</p>";
  DecodedPage d = DecodePage(page);
  EXPECT_EQ(d.source, "bom");
  EXPECT_EQ(d.utf8, "<p>Zürich</p>");
  EXPECT_EQ(d.to_raw.ToRaw(0), 3u);
}

TEST(CharsetTest, Utf16LittleEndianBom) {
  std::string ascii = "<p>Kyiv</p>";
  std::string page = "\xFF\xFE";
  for (char c : ascii) {
    page += c;
    page += '\0';
  }
  DecodedPage d = DecodePage(page);
  EXPECT_EQ(d.utf8, ascii);
  EXPECT_EQ(d.to_raw.ToRaw(3), 2u + 6u);  // 'K' is the fourth UTF-16 unit
}

TEST(CharsetTest, WrongDeclarationOfUtf8Bytes) {
  std::string page = "<meta charset=\"iso-8859-1\"><p>São Paulo — “quoted”</p>";
  DecodedPage d = DecodePage(page);
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_THAT(d.utf8, HasSubstr("São Paulo — “quoted”"));
  EXPECT_FALSE(d.warnings.empty());
}

TEST(CharsetTest, MissingCharsetIsDetected) {
  std::string page =
      "<html><body><p>Le pr\xE9sident a d\xE9"
      "clar\xE9 que la r\xE9"
      "forme des retraites serait "
      "pr\xE9sent\xE9"
      "e au conseil des ministres avant l'\xE9t\xE9, selon plusieurs "
      "sources proches du dossier.</p></body></html>";
  DecodedPage d = DecodePage(page);
  EXPECT_EQ(d.source, "detected");
  EXPECT_TRUE(IsValidUtf8(d.utf8));
  EXPECT_THAT(d.utf8, HasSubstr("président a déclaré"));
}

TEST(CharsetTest, InvalidUtf8IsReplaced) {
  std::string page = "<meta charset=utf-8><p>bad \xC3 byte and \xFF end</p>";
  DecodedPage d = DecodePage(page);
  EXPECT_TRUE(IsValidUtf8(d.utf8));
  EXPECT_THAT(d.utf8, HasSubstr("bad \xEF\xBF\xBD byte"));
  size_t end = d.utf8.find("end");
  EXPECT_EQ(page.compare(d.to_raw.ToRaw(static_cast<uint32_t>(end)), 3, "end"), 0);
}

}  // namespace
}  // namespace sitrep::html
