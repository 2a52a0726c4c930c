// Reading and cleaning the shared seed articles and war corpus (../shared,
// skipped when absent): the acceptance checks of issue 2 that belong to
// reading and cleaning. Storing and duplicate linking are the store's.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "sitrep/ingest.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

constexpr char kSeeds[] = "../shared/corpus/seeds";
constexpr char kWar[] = "../shared/corpus/ukraine-war-2022-2024/articles.jsonl";

struct Batch {
  std::vector<Document> docs;
  std::vector<ReadProblem> problems;
};

Batch ReadAll(const std::vector<std::string>& paths) {
  Batch b;
  Status s = ReadInputs(
      paths, {}, [&](Document&& d) { b.docs.push_back(std::move(d)); },
      [&](const ReadProblem& p) { b.problems.push_back(p); });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return b;
}

const Document* Seed(const Batch& b, std::string_view prefix) {
  for (const auto& d : b.docs) {
    if (fs::path(d.origin).filename().string().starts_with(prefix)) return &d;
  }
  return nullptr;
}

bool Has(const Document& d, std::string_view s) { return d.text.find(s) != std::string::npos; }

class SharedCorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kSeeds)) GTEST_SKIP() << "../shared absent";
  }
};

TEST_F(SharedCorpusTest, SeedsAreCleaned) {
  Batch b = ReadAll({kSeeds});
  ASSERT_EQ(b.docs.size(), 5u);
  EXPECT_TRUE(b.problems.empty());

  const Document* s000 = Seed(b, "000_");
  ASSERT_NE(s000, nullptr);
  EXPECT_TRUE(Has(*s000, "10,000 to 14,000")) << "number artifacts repaired";
  EXPECT_FALSE(Has(*s000, "10, 000"));
  EXPECT_EQ(s000->published.date, "2025-04-29");
  EXPECT_EQ(s000->published.provenance, "dateline");

  const Document* s002 = Seed(b, "002_");
  ASSERT_NE(s002, nullptr);
  EXPECT_EQ(s002->source, "Russia Today");
  EXPECT_EQ(s002->source_provenance, "credit-line");
  for (std::string_view gone : {"Read more", "Read More Details", "Most Viewed News",
                                "Also on site", "PressBee", "News by", "\xD8"}) {
    EXPECT_FALSE(Has(*s002, gone)) << gone;
  }
  EXPECT_TRUE(Has(*s002, "Chief of the General Staff Valery Gerasimov"));

  const Document* s003 = Seed(b, "003_");
  ASSERT_NE(s003, nullptr);
  EXPECT_EQ(s003->source, "Global Geopolitics");
  EXPECT_EQ(s003->source_provenance, "credit-line");
  for (std::string_view gone :
       {"Authored By", "PAID SUBSCRIBER", "buymeacoffee", "ko-fi", "Leave a comment", "Wikipedia",
        "The Korea Times+1", "Reddit", "dailynk.com"}) {
    EXPECT_FALSE(Has(*s003, gone)) << gone;
  }
  std::set<std::string> cited;
  for (const auto& c : s003->cited_sources) cited.insert(c.name);
  for (const char* name : {"Wikipedia", "The Korea Times", "ISPI", "East Asia Forum", "NUS-ODPRT",
                           "Reddit", "orfonline.org", "dailynk.com"}) {
    EXPECT_TRUE(cited.count(name)) << name;
  }
  EXPECT_TRUE(Has(*s003, "strategic ties that have been decades in the making."));

  // Nothing is cut silently, and what was cut is where the raw text says.
  for (const auto& d : b.docs) {
    for (const auto& r : d.removed) {
      EXPECT_EQ(d.raw.substr(r.raw_start, r.raw_end - r.raw_start), r.text) << d.origin;
    }
  }
}

TEST_F(SharedCorpusTest, WarCorpusRecordsAndExactDuplicates) {
  if (!fs::exists(kWar)) GTEST_SKIP() << "../shared absent";
  Batch b = ReadAll({kSeeds, kWar});
  EXPECT_EQ(b.docs.size() + b.problems.size(), 452u);
  // Exact duplicates (same clean text) become sightings of one document in
  // the store: 427 distinct texts.
  std::set<std::string> texts;
  for (const auto& d : b.docs) texts.insert(d.text);
  EXPECT_EQ(texts.size(), 427u - 0u) << b.problems.size() << " problems";
  for (const auto& p : b.problems) ADD_FAILURE() << p.origin << ": " << p.message;
  size_t dated = 0;
  for (const auto& d : b.docs) dated += !d.published.date.empty();
  EXPECT_EQ(dated, b.docs.size() - 5 + 1);  // every record, and seed 000's dateline
}

}  // namespace
}  // namespace sitrep
