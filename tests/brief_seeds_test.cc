// End to end: what the brief must show on the seed articles
// (../shared/corpus/seeds; skipped when absent) and the shape it keeps on
// the bundled sample corpus (examples/; always runs).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "cli_test_util.h"

namespace sitrep::testing {
namespace {

using nlohmann::json;

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Every citation of every line resolves to a quoted sentence.
void ExpectCitationsResolve(const json& b) {
  for (const auto& e : b["timeline"]) {
    EXPECT_FALSE(e["citations"].empty()) << e["summary"];
    for (const auto& c : e["citations"]) {
      ASSERT_TRUE(b["citations"].contains(c.get<std::string>())) << c;
      const auto& cit = b["citations"][c.get<std::string>()];
      EXPECT_LT(cit["start"].get<int>(), cit["end"].get<int>());
      EXPECT_FALSE(cit["quote"].get<std::string>().empty());
    }
  }
  for (const auto& g : b["claim_groups"]) {
    for (const auto& v : g["values"]) {
      EXPECT_TRUE(b["citations"].contains(v["citation"].get<std::string>()));
    }
  }
}

// The timeline entries dated `date` whose summary mentions one of `words`.
std::vector<json> EntriesOn(const json& b, const std::string& date,
                            const std::vector<std::string>& words) {
  std::vector<json> out;
  for (const auto& e : b["timeline"]) {
    if (e["date"] != date) continue;
    std::string s = Lower(e["summary"].get<std::string>());
    for (const auto& w : words) {
      if (s.find(w) != std::string::npos) {
        out.push_back(e);
        break;
      }
    }
  }
  return out;
}

class BriefSeedsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    seeds_ = std::filesystem::absolute("../shared/corpus/seeds").string();
    if (!std::filesystem::is_directory(seeds_)) return;
    cli_ = new CliTest();
    RunResult ingest = cli_->Run({"ingest", "--db", cli_->db(), seeds_});
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
    RunResult all = cli_->Run({"brief", "--db", cli_->db(), "--format", "json"});
    ASSERT_EQ(all.exit_code, 0) << all.err;
    brief_ = new json(json::parse(all.out));
    RunResult y2024 =
        cli_->Run({"brief", "--db", cli_->db(), "--format", "json", "--as-of", "2024-12-31"});
    ASSERT_EQ(y2024.exit_code, 0) << y2024.err;
    brief_2024_ = new json(json::parse(y2024.out));
  }
  static void TearDownTestSuite() {
    delete brief_;
    delete brief_2024_;
    delete cli_;
  }
  void SetUp() override {
    if (!cli_) GTEST_SKIP() << "../shared/corpus/seeds absent";
    ASSERT_NE(brief_, nullptr);
  }
  static std::string seeds_;
  static CliTest* cli_;
  static json* brief_;
  static json* brief_2024_;
};
std::string BriefSeedsTest::seeds_;
CliTest* BriefSeedsTest::cli_ = nullptr;
json* BriefSeedsTest::brief_ = nullptr;
json* BriefSeedsTest::brief_2024_ = nullptr;

TEST_F(BriefSeedsTest, CitationsResolve) {
  ExpectCitationsResolve(*brief_);
  ExpectCitationsResolve(*brief_2024_);
}

TEST_F(BriefSeedsTest, DatedEventsOfTheStory) {
  const json& b = *brief_;
  // The treaty at the day one source gives, although others say "June 2024".
  EXPECT_FALSE(EntriesOn(b, "2024-06-19", {"treaty"}).empty());
  EXPECT_FALSE(EntriesOn(b, "2024-08-06", {"kursk"}).empty());
  // Seed 004 is undated: "On Thursday" and "October 3" agree on 2024.
  EXPECT_FALSE(EntriesOn(b, "2024-10-03", {"missile", "strike", "killed"}).empty());
  EXPECT_FALSE(EntriesOn(b, "2024-11-01", {"foreign minister", "negotiations"}).empty());
  // April 26: Gerasimov's report in seed 002 ("mentioned"); April 27: the
  // party committee's statement and North Korea's confirmation.
  for (const char* day : {"2025-04-26", "2025-04-27", "2025-04-28"}) {
    EXPECT_FALSE(
        EntriesOn(b, day, {"putin", "gerasimov", "north korea", "statement", "ceasefire", "korean"})
            .empty())
        << day;
  }
  // The ceasefire of May 8-10 is planned, not done.
  bool ceasefire = false;
  for (const auto& e : b["timeline"]) {
    std::string s = Lower(e["summary"].get<std::string>());
    if (e["date"] == "2025-05-08" && s.find("ceasefire") != std::string::npos) {
      ceasefire = true;
      EXPECT_EQ(e["status"], "planned") << e["summary"];
    }
  }
  EXPECT_TRUE(ceasefire);
}

TEST_F(BriefSeedsTest, NorthKoreanTroopsAreOneDivergentGroup) {
  int groups = 0;
  for (const auto& g : (*brief_)["claim_groups"]) {
    std::string subject = g["subject"].is_string() ? g["subject"].get<std::string>() : "";
    std::string measure = g["measure"].get<std::string>();
    if (subject.size() < 3 || subject.substr(subject.size() - 3) != "@KP") continue;
    // The troops sent, not those killed or wounded.
    if (measure.rfind("troops", 0) != 0 || measure.find("kill") != std::string::npos ||
        measure.find("wound") != std::string::npos) {
      continue;
    }
    ++groups;
    EXPECT_EQ(g["status"], "divergent");
    EXPECT_GE(g["sources"].get<int>(), 3);
  }
  EXPECT_EQ(groups, 1);
}

TEST_F(BriefSeedsTest, AsOfTheEndOf2024ShowsNothingOf2025) {
  const json& b = *brief_2024_;
  EXPECT_EQ(b["as_of"], "2024-12-31");
  EXPECT_FALSE(b["timeline"].empty());
  for (const auto& e : b["timeline"]) {
    EXPECT_LT(e["date"].get<std::string>(), "2025") << e["summary"];
  }
  for (const auto& [id, c] : b["citations"].items()) {
    if (c["published"].is_string()) EXPECT_LE(c["published"].get<std::string>(), "2024-12-31");
  }
  EXPECT_GT(b["documents_excluded"].get<int>(), 0);
  // The 2024 treaty, told as "a defense pact signed in June 2024" and as "In
  // 2024, Putin and Kim Jong-un signed", is one line.
  int treaty = 0;
  for (const auto& e : b["timeline"]) {
    if (e["type"] == "AGREE" && e["date"].get<std::string>().starts_with("2024")) ++treaty;
  }
  EXPECT_EQ(treaty, 1);
}

// The sample corpus: one line per reported sentence and date, key
// developments dated by the texts when they can be.
TEST(BriefSampleTest, OneLinePerSentenceAndDatedKeyDevelopments) {
  CliTest cli;
  std::string examples = std::filesystem::absolute("examples").string();
  RunResult r = cli.Run({"brief", examples, "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json b = json::parse(r.out);
  ExpectCitationsResolve(b);
  // No two lines rest on the same single sentence for overlapping dates.
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& e : b["timeline"]) {
    if (e["citations"].size() != 1) continue;
    auto key = std::make_pair(e["citations"][0].get<std::string>(), e["date"].get<std::string>());
    EXPECT_TRUE(seen.insert(key).second) << "typed twice: " << e["summary"];
  }
  ASSERT_FALSE(b["key_developments"].empty());
  int dated = 0;
  for (const auto& id : b["key_developments"]) {
    for (const auto& e : b["timeline"]) {
      if (e["id"] == id && e["date_source"] == "text") ++dated;
    }
  }
  EXPECT_GT(dated, 0);
  // --as-of before everything: an empty but well-formed brief.
  RunResult early = cli.Run({"brief", examples, "--format", "json", "--as-of", "2000-01-01"});
  ASSERT_EQ(early.exit_code, 0) << early.err;
  json e = json::parse(early.out);
  EXPECT_TRUE(e["timeline"].empty());
  EXPECT_EQ(e["documents"], 0);
}

}  // namespace
}  // namespace sitrep::testing
