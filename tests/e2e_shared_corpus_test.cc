// End-to-end on the shared corpus (skipped when ../shared is absent): the
// seeds and the war corpus, whose re-crawled articles become sightings.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_test_util.h"

namespace sitrep::testing {
namespace {

using json = nlohmann::json;

TEST(E2eSharedCorpusTest, IngestsSeedsAndWarCorpusOnceAndOnlyOnce) {
  if (!SharedCorpusPresent()) GTEST_SKIP() << "../shared absent";
  const std::string shared = std::string(SITREP_SOURCE_DIR) + "/../shared/corpus/";
  CliTest t;
  const std::vector<std::string> args = {"ingest",
                                         "--db",
                                         t.db(),
                                         "--format",
                                         "json",
                                         shared + "seeds",
                                         shared + "ukraine-war-2022-2024/articles.jsonl"};
  RunResult r = t.Run(args);
  ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 3) << r.err;
  json first = json::parse(r.out, nullptr, false);
  ASSERT_FALSE(first.is_discarded()) << r.out << r.err;
  EXPECT_EQ(first["records"].get<int>() + first["skipped"].get<int>(), 452) << r.err;
  EXPECT_EQ(first["added"], 427) << r.err;
  // Each re-crawl is a new sighting, or the same sighting again when its
  // outlet, url and date are those of an earlier record.
  EXPECT_EQ(
      first["added"].get<int>() + first["sightings"].get<int>() + first["unchanged"].get<int>(),
      first["records"].get<int>());

  RunResult again = t.Run(args);
  json second = json::parse(again.out, nullptr, false);
  ASSERT_FALSE(second.is_discarded()) << again.out;
  EXPECT_EQ(second["added"], 0);
  EXPECT_EQ(second["sightings"], 0);
  EXPECT_EQ(second["near_duplicates"], 0);
  EXPECT_EQ(second["unchanged"], first["records"]);

  RunResult stats = t.Run({"stats", "--db", t.db(), "--check", "--format", "json"});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  json s = json::parse(stats.out, nullptr, false);
  EXPECT_EQ(s["documents"], 427);
  EXPECT_EQ(s["integrity"], "ok");
}

}  // namespace
}  // namespace sitrep::testing
