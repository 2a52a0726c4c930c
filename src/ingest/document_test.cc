// MakeDocument and ids: the whole cleaning chain on realistic articles.
#include <gtest/gtest.h>

#include "sitrep/ingest.h"

namespace sitrep {
namespace {

constexpr char kBlogPost[] =
    "Valdoria\xE2\x80\x99s troops cross into Morrow ...News\n"
    "\n"
    "News by : (Eastern Courier) -\n"
    "\n"
    "As of March 3, 2031, between 10, 000 and 12, 000 Valdorian soldiers have entered "
    "Morrow, according to the Morrow Defence Ministry.\n"
    "\n"
    "Read more Why Valdoria moved now\n"
    "\n"
    "General Ilsa Varn denied the figure on Thursday, calling it \xE2\x80\x9C"
    "a fabrication\xE2\x80\x9D.\n"
    "\n"
    "Leave a comment\n";

TEST(MakeDocumentTest, CleansAndReadsMetadataFromText) {
  Document meta;
  meta.origin = "blog.txt";
  auto doc = MakeDocument(kBlogPost, meta);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->source, "Eastern Courier");
  EXPECT_EQ(doc->source_provenance, "credit-line");
  EXPECT_EQ(doc->published.date, "2031-03-03");
  EXPECT_EQ(doc->published.provenance, "dateline");
  EXPECT_EQ(doc->title, "Valdoria's troops cross into Morrow");
  EXPECT_EQ(doc->language, "en");
  EXPECT_EQ(doc->text,
            "Valdoria's troops cross into Morrow\n\n"
            "As of March 3, 2031, between 10,000 and 12,000 Valdorian soldiers have entered "
            "Morrow, according to the Morrow Defence Ministry.\n\n"
            "General Ilsa Varn denied the figure on Thursday, calling it \"a fabrication\".");
  // Credit line, read-more, comment prompt, title suffix and two number repairs.
  EXPECT_EQ(doc->removed.size(), 6u);
  for (const auto& r : doc->removed) {
    EXPECT_EQ(doc->raw.substr(r.raw_start, r.raw_end - r.raw_start), r.text) << r.reason;
  }
  // Spans of the clean text map back to the same words in the raw bytes.
  for (std::string_view word : {"General Ilsa Varn", "Morrow Defence Ministry", "fabrication"}) {
    size_t at = doc->text.find(word);
    ASSERT_NE(at, std::string::npos);
    EXPECT_EQ(doc->raw.substr(doc->offsets.ToRaw(static_cast<uint32_t>(at)), word.size()), word);
  }
}

TEST(MakeDocumentTest, MetadataWinsAndUrlHostIsTheFallback) {
  Document meta;
  meta.source = "Morrow Times";
  auto a = MakeDocument("(CNN) -- Talks collapsed on Monday in the capital.", meta);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->source, "Morrow Times");
  EXPECT_EQ(a->source_provenance, "metadata");

  Document with_url;
  with_url.url = "https://www.morrow-times.example/world/talks?id=3";
  auto b = MakeDocument("Talks collapsed on Monday in the capital.", with_url);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->source, "morrow-times.example");
  EXPECT_EQ(b->source_provenance, "url");

  auto c = MakeDocument("Talks collapsed on Monday in the capital.", Document{});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->source, "");
  EXPECT_EQ(c->source_provenance, "unknown");
  EXPECT_EQ(c->published.provenance, "unknown");
}

TEST(MakeDocumentTest, TextThatCleansToNothingIsRefused) {
  auto doc = MakeDocument("Leave a comment\n\nShare this article\n", Document{});
  ASSERT_FALSE(doc.ok());
  EXPECT_TRUE(doc.status().IsInvalidArgument());
  EXPECT_NE(doc.status().message().find("cleans to nothing"), std::string::npos);
}

TEST(DocumentIdTest, StableUnderWhitespaceOnly) {
  std::string a = DocumentId("Troops crossed the border.\n\nOfficials confirmed it.");
  EXPECT_EQ(a, DocumentId("  Troops crossed  the border.\r\nOfficials confirmed it. "));
  EXPECT_NE(a, DocumentId("Troops crossed the border. Officials denied it."));
  EXPECT_EQ(a.size(), 18u);
  EXPECT_EQ(a.substr(0, 2), "d-");
}

TEST(NearDuplicateTest, SimilarTextsScoreHigh) {
  std::string base =
      "Valdorian forces crossed the river at dawn on Thursday, the defence ministry in Morrow "
      "said, adding that about 4,000 soldiers had taken part in the operation and that the "
      "fighting continued near the town of Esk late into the evening, according to local "
      "officials who spoke on condition of anonymity.";
  std::string edited = base;
  edited.replace(edited.find("4,000"), 5, "5,000");
  std::string other =
      "The central bank raised interest rates by half a point on Wednesday, citing inflation "
      "that has stayed above its target for a year, and signalled further increases.";
  auto sa = NearDuplicateSignature(base);
  EXPECT_DOUBLE_EQ(SignatureSimilarity(sa, NearDuplicateSignature(base)), 1.0);
  EXPECT_GT(SignatureSimilarity(sa, NearDuplicateSignature(edited)), 0.6);
  EXPECT_LT(SignatureSimilarity(sa, NearDuplicateSignature(other)), 0.1);
}

}  // namespace
}  // namespace sitrep
