// End-to-end: `sitrep ingest` and the store commands, run as a user would.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "cli_test_util.h"
#include "e2e_corpus.h"

namespace sitrep::testing {
namespace {

using json = nlohmann::json;

json ParseJson(const std::string& text) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(j.is_discarded()) << "not JSON: " << text;
  return j;
}

class E2eIngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteCorpus(t_);
    RunResult r = t_.Run({"ingest", "--db", t_.db(), "--format", "json", "corpus"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    first_ = ParseJson(r.out);
  }
  CliTest t_;
  json first_;
};

TEST_F(E2eIngestTest, StoresDocumentsAndRecrawlsAsSightings) {
  EXPECT_EQ(first_["records"], 5);
  EXPECT_EQ(first_["added"], 4);
  EXPECT_EQ(first_["sightings"], 1);
  EXPECT_EQ(first_["skipped"], 0);

  RunResult docs = t_.Run({"docs", "--db", t_.db(), "--format", "json"});
  ASSERT_EQ(docs.exit_code, 0) << docs.err;
  json list = ParseJson(docs.out);
  ASSERT_EQ(list.size(), 4u);
  int with_two = 0;
  for (const auto& d : list) {
    if (d["sightings"] == 2) {
      ++with_two;
      // The earliest sighting's date and outlet.
      EXPECT_EQ(d["published"], "2031-03-15");
      EXPECT_EQ(d["source"], "Vareno Today");
    }
  }
  EXPECT_EQ(with_two, 1);
  // Listed in date order, undated last.
  std::vector<std::string> dates;
  for (const auto& d : list)
    dates.push_back(d["published"].is_null() ? "~" : d["published"].get<std::string>());
  EXPECT_TRUE(std::is_sorted(dates.begin(), dates.end()));
}

TEST_F(E2eIngestTest, SecondRunAddsNothing) {
  RunResult before = t_.Run({"stats", "--db", t_.db(), "--format", "json"});
  RunResult r = t_.Run({"ingest", "--db", t_.db(), "--format", "json", "corpus"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json second = ParseJson(r.out);
  EXPECT_EQ(second["added"], 0);
  EXPECT_EQ(second["sightings"], 0);
  EXPECT_EQ(second["unchanged"], 5);
  RunResult after = t_.Run({"stats", "--db", t_.db(), "--format", "json"});
  json a = ParseJson(after.out), b = ParseJson(before.out);
  EXPECT_EQ(a["documents"], b["documents"]);
  EXPECT_EQ(a["sightings"], b["sightings"]);
}

TEST_F(E2eIngestTest, ParallelIngestStoresTheSameAsOneJob) {
  RunResult one =
      t_.Run({"ingest", "--db", t_.Path("one.db"), "--jobs", "1", "--batch", "2", "corpus"});
  RunResult two =
      t_.Run({"ingest", "--db", t_.Path("two.db"), "--jobs", "2", "--batch", "2", "corpus"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  ASSERT_EQ(two.exit_code, 0) << two.err;
  EXPECT_EQ(one.out, two.out);
  RunResult d1 = t_.Run({"docs", "--db", t_.Path("one.db"), "--format", "tsv"});
  RunResult d2 = t_.Run({"docs", "--db", t_.Path("two.db"), "--format", "tsv"});
  EXPECT_EQ(d1.out, d2.out);
  EXPECT_FALSE(d1.out.empty());
}

TEST_F(E2eIngestTest, ShowPrintsMetadataSentencesAndRemovals) {
  RunResult docs = t_.Run({"docs", "--db", t_.db(), "--format", "json"});
  std::string wire_id;
  for (const auto& d : ParseJson(docs.out)) {
    if (d["title"].is_string() && d["title"].get<std::string>().find("Ceasefire talks") == 0) {
      wire_id = d["id"];
    }
  }
  ASSERT_FALSE(wire_id.empty()) << docs.out;
  // A unique prefix is enough.
  RunResult show = t_.Run({"show", "--db", t_.db(), wire_id.substr(0, 8)});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find(wire_id), std::string::npos);
  EXPECT_NE(show.out.find("Lorvan Wire"), std::string::npos);
  EXPECT_NE(show.out.find("[1] 0-"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("withdrawal of artillery"), std::string::npos);
  EXPECT_EQ(show.out.find("Read more: Border crisis timeline"), std::string::npos) << show.out;

  RunResult removed = t_.Run({"show", "--db", t_.db(), "--removed", wire_id});
  ASSERT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_NE(removed.out.find("removed by cleaning"), std::string::npos);
  EXPECT_NE(removed.out.find("Read more: Border crisis timeline"), std::string::npos)
      << removed.out;

  RunResult as_json = t_.Run({"show", "--db", t_.db(), "--format", "json", wire_id});
  json j = ParseJson(as_json.out);
  EXPECT_EQ(j["schema_version"], 1);
  EXPECT_EQ(j["id"], wire_id);
}

TEST_F(E2eIngestTest, SearchHighlightsMatchingSentences) {
  RunResult r = t_.Run({"search", "--db", t_.db(), "artillery"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("**artillery**"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Grain ships"), std::string::npos);

  RunResult j = t_.Run({"search", "--db", t_.db(), "--format", "json", "grain", "ships"});
  json results = ParseJson(j.out);
  ASSERT_EQ(results.size(), 1u);
  const auto& s = results[0]["sentences"][0];
  std::string text = s["text"];
  EXPECT_NE(text.find("grain ships"), std::string::npos);
  EXPECT_EQ(s["highlights"].size(), 2u);

  RunResult bad = t_.Run({"search", "--db", t_.db(), "AND", "OR"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("search query"), std::string::npos) << bad.err;
}

TEST_F(E2eIngestTest, StatsCountsAndChecksIntegrity) {
  RunResult r = t_.Run({"stats", "--db", t_.db(), "--check", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json s = ParseJson(r.out);
  EXPECT_EQ(s["documents"], 4);
  EXPECT_EQ(s["sightings"], 5);
  EXPECT_EQ(s["integrity"], "ok");
  EXPECT_EQ(s["stale"], 0);
  RunResult text = t_.Run({"stats", "--db", t_.db()});
  EXPECT_NE(text.out.find("documents        4"), std::string::npos) << text.out;
}

TEST_F(E2eIngestTest, ReannotateRedoesDocumentsOfAnotherPipeline) {
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(t_.db().c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "UPDATE documents SET pipeline = 'sitrep 0.0.1' WHERE rowid IN "
                           "(SELECT rowid FROM documents ORDER BY id LIMIT 2)",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  RunResult stats = t_.Run({"stats", "--db", t_.db(), "--format", "json"});
  EXPECT_EQ(ParseJson(stats.out)["stale"], 2);
  RunResult r = t_.Run({"reannotate", "--db", t_.db()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2 documents"), std::string::npos) << r.out;
  stats = t_.Run({"stats", "--db", t_.db(), "--format", "json"});
  EXPECT_EQ(ParseJson(stats.out)["stale"], 0);
  r = t_.Run({"reannotate", "--db", t_.db()});
  EXPECT_NE(r.out.find("0 documents"), std::string::npos) << r.out;
}

TEST_F(E2eIngestTest, DefaultStoreComesFromEnvironmentOrWorkingDirectory) {
  unsetenv("SITREP_DB");
  RunResult r = t_.Run({"docs"});  // no sitrep.db in the test's directory
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("sitrep.db"), std::string::npos) << r.err;
  setenv("SITREP_DB", t_.db().c_str(), 1);
  r = t_.Run({"docs", "--format", "tsv"});
  unsetenv("SITREP_DB");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Lines(r.out).size(), 4u);
}

TEST_F(E2eIngestTest, ExitCodesForMistakes) {
  EXPECT_EQ(t_.Run({"ingest", "--db", t_.db(), "--bogus", "corpus"}).exit_code, 2);
  EXPECT_EQ(t_.Run({"ingest", "--db", t_.db()}).exit_code, 2);
  EXPECT_EQ(t_.Run({"ingest", "--db", t_.db(), "--field", "body", "corpus"}).exit_code, 2);
  RunResult missing = t_.Run({"show", "--db", t_.db(), "d-ffffffffffffffff"});
  EXPECT_EQ(missing.exit_code, 4);
  EXPECT_NE(missing.err.find("d-ffffffffffffffff"), std::string::npos);
  EXPECT_EQ(t_.Run({"show", "--db", t_.db(), "d-"}).exit_code, 2);  // ambiguous
  EXPECT_EQ(t_.Run({"nonsense"}).exit_code, 2);
  RunResult absent = t_.Run({"ingest", "--db", t_.db(), "no-such-dir"});
  EXPECT_EQ(absent.exit_code, 3);
  EXPECT_NE(absent.err.find("no-such-dir"), std::string::npos);
}

}  // namespace
}  // namespace sitrep::testing
