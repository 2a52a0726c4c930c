// Boilerplate, credit lines, datelines and inline source chips, each with the
// lexicon shipped in data/lexicons/.
#include <gtest/gtest.h>

#include "ingest/boilerplate.h"
#include "ingest/cleaner.h"
#include "ingest/credit_line.h"
#include "ingest/dates.h"
#include "ingest/source_chips.h"
#include "sitrep/data_path.h"

namespace sitrep::ingest {
namespace {

std::unique_ptr<BoilerplateRemover> Boilerplate() {
  auto r = BoilerplateRemover::Load(DataPath("lexicons/boilerplate.tsv"));
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(*r) : nullptr;
}

TEST(BoilerplateTest, CutsFurnitureLinesAndKeepsArticle) {
  auto remover = Boilerplate();
  ASSERT_NE(remover, nullptr);
  std::string raw =
      "Ministers meet in Valdoria ...News\n"
      "The foreign ministers met on Tuesday to discuss the border.\n"
      "Read more Inside the border talks: what we know\n"
      "Officials said they would read more reports before deciding.\n"
      "Share this article\n"
      "If you value independent reporting, becoming a PAID SUBSCRIBER truly makes a "
      "difference.\n"
      "buymeacoffee.com/someblog\n"
      "Leave a comment\n"
      "Most Viewed News\n";
  std::vector<Removal> removed;
  CleanText out = remover->Remove(CleanText::Identity(raw), &removed);
  EXPECT_EQ(out.text(),
            "Ministers meet in Valdoria\n"
            "The foreign ministers met on Tuesday to discuss the border.\n"
            "Officials said they would read more reports before deciding.\n");
  ASSERT_EQ(removed.size(), 7u);
  EXPECT_EQ(removed[0].reason, "boilerplate: site-suffix");
  EXPECT_EQ(removed[1].reason, "boilerplate: read-more");
  EXPECT_EQ(removed[1].text, "Read more Inside the border talks: what we know");
  EXPECT_EQ(raw.substr(removed[1].raw_start, removed[1].raw_end - removed[1].raw_start),
            removed[1].text);
  EXPECT_EQ(removed[2].reason, "boilerplate: share-prompt");
  EXPECT_EQ(removed[3].reason, "boilerplate: subscription-plea");
  EXPECT_EQ(removed[4].reason, "boilerplate: donation-link");
  EXPECT_EQ(removed[5].reason, "boilerplate: comments");
  EXPECT_EQ(removed[6].reason, "boilerplate: site-furniture");
}

TEST(BoilerplateTest, ForeignScriptFurnitureAtTheEdges) {
  auto remover = Boilerplate();
  ASSERT_NE(remover, nullptr);
  std::string raw =
      "The ceasefire in the north held for a third day, local officials said on Friday, "
      "while talks continued in the capital over the exchange of prisoners.\n"
      "\xD8\xAC\xD8\xAF\xD9\x8A\xD8\xAF \xD8\xA7\xD9\x84\xD8\xA7\xD8\xAE\xD8\xA8\xD8\xA7\xD8\xB1\n";
  std::vector<Removal> removed;
  CleanText out = remover->Remove(CleanText::Identity(raw), &removed);
  ASSERT_EQ(removed.size(), 1u);
  EXPECT_EQ(removed[0].reason, "boilerplate: foreign-script furniture");
  EXPECT_EQ(out.text().find("\xD8"), std::string::npos);
}

TEST(CreditLineTest, FindsOutletInCreditLines) {
  auto finder = CreditLineFinder::Load(DataPath("lexicons/credit-lines.tsv"));
  ASSERT_TRUE(finder.ok()) << finder.status().ToString();
  struct Case {
    std::string text, outlet;
    bool remove;
  } cases[] = {
      {"Headline here\n\nNews by : (Northern Herald) -\n\nBody text.", "Northern Herald", true},
      {"Body text.\nAuthored By : Global Briefing Desk\nLeave a comment", "Global Briefing Desk",
       true},
      {"(CNN) -- The talks collapsed on Monday.", "CNN", false},
      {"KYIV, Ukraine (Reuters) - Ukraine said on Monday it had repelled an attack.", "Reuters",
       false},
      {"By Anna Petrova, Baltic Wire\nThe ministers met on Monday.", "Baltic Wire", true},
      {"The ministers met on Monday. By noon, the talks had ended.", "", false},
  };
  for (const auto& c : cases) {
    CreditLine credit = (*finder)->Find(c.text);
    EXPECT_EQ(credit.outlet, c.outlet) << c.text;
    if (!c.outlet.empty()) {
      EXPECT_EQ(credit.remove, c.remove) << c.text;
    }
  }
}

TEST(DatesTest, MetadataFormats) {
  EXPECT_EQ(ParseMetadataDate("20220125T090000Z"), "2022-01-25");
  EXPECT_EQ(ParseMetadataDate("2024-06-19T10:00:00+03:00"), "2024-06-19");
  EXPECT_EQ(ParseMetadataDate("2024/06/19"), "2024-06-19");
  EXPECT_EQ(ParseMetadataDate("Wed, 19 Jun 2024 10:00:00 GMT"), "2024-06-19");
  EXPECT_EQ(ParseMetadataDate("June 19, 2024"), "2024-06-19");
  EXPECT_EQ(ParseMetadataDate("2024-06"), "2024-06");
  EXPECT_EQ(ParseMetadataDate("1718791200"), "2024-06-19");
  EXPECT_EQ(ParseMetadataDate("2025-02-30"), "");
  EXPECT_EQ(ParseMetadataDate("yesterday"), "");
}

TEST(DatesTest, DatelineAtTheStart) {
  auto finder = DatelineFinder::Load(DataPath("lexicons/datelines.tsv"));
  ASSERT_TRUE(finder.ok()) << finder.status().ToString();
  EXPECT_EQ((*finder)->Find("As of April 29, 2025, the talks have stalled."), "2025-04-29");
  EXPECT_EQ((*finder)->Find("Title\nPublished: 3 May 2024\nThe talks..."), "2024-05-03");
  EXPECT_EQ((*finder)->Find("Updated on Friday, March 1st, 2024\nBody"), "2024-03-01");
  EXPECT_EQ((*finder)->Find("The treaty was signed on June 19, 2024."), "");
  std::string late(700, 'x');
  EXPECT_EQ((*finder)->Find(late + " As of April 29, 2025"), "");
}

TEST(SourceChipTest, CutsChipsAndKeepsThemAsMetadata) {
  auto remover =
      SourceChipRemover::Load(DataPath("lexicons/source-chips.tsv"), LoadAbbreviations());
  ASSERT_TRUE(remover.ok()) << remover.status().ToString();
  std::string raw =
      "Valdoria and Morrow signed a defence pact in June, reviving old strategic ties. "
      "Wikipedia\n"
      "Analysts estimate that 8,000 to 9,000 soldiers have crossed the border since then. "
      "The Korea Times+1\n"
      "The partnership extends to logistics and the transfer of military technology. "
      "orfonline.org\n"
      "Sanctions were announced on Monday by officials at the U.S. Treasury Department\n"
      "Short line. Reuters\n";
  std::vector<Removal> removed;
  std::vector<CitedSource> cited;
  CleanText out = (*remover)->Remove(CleanText::Identity(raw), &removed, &cited);
  ASSERT_EQ(cited.size(), 3u);
  EXPECT_EQ(cited[0].name, "Wikipedia");
  EXPECT_EQ(cited[1].name, "The Korea Times");
  EXPECT_EQ(cited[2].name, "orfonline.org");
  EXPECT_EQ(out.text().substr(cited[1].paragraph_start,
                              cited[1].paragraph_end - cited[1].paragraph_start),
            "Analysts estimate that 8,000 to 9,000 soldiers have crossed the border since then.");
  EXPECT_EQ(removed.size(), 3u);
  EXPECT_EQ(removed[1].text, "The Korea Times+1");
  EXPECT_NE(out.text().find("U.S. Treasury Department\n"), std::string::npos);
  EXPECT_NE(out.text().find("Short line. Reuters"), std::string::npos);  // too short a paragraph
}

}  // namespace
}  // namespace sitrep::ingest
