// End-to-end: `sitrep annotate` prints the JSON contract, one document per
// line, in input order, identically for any number of jobs.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_test_util.h"
#include "e2e_corpus.h"

namespace sitrep::testing {
namespace {

using json = nlohmann::json;

TEST(E2eAnnotateTest, PrintsOneObjectPerDocumentInInputOrder) {
  CliTest t;
  WriteCorpus(t);
  RunResult r = t.Run({"annotate", "corpus/feed.jsonl", "corpus/lorvan-wire-0312.txt"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 4u) << r.out;  // no store: re-crawls are printed too
  std::vector<std::string> titles;
  for (const auto& line : lines) {
    json j = json::parse(line, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << line;
    EXPECT_EQ(j["schema_version"], 1);
    for (const char* layer : {"sentences", "timexes", "entities", "quantities", "attributions",
                              "events", "claims", "problems"}) {
      EXPECT_TRUE(j[layer].is_array()) << layer;
    }
    EXPECT_TRUE(j["published"].is_object());
    std::string text = j["text"];
    for (const auto& s : j["sentences"]) {
      EXPECT_LE(s["end"].get<size_t>(), text.size());
    }
    titles.push_back(j["title"].is_string() ? j["title"].get<std::string>() : "");
  }
  EXPECT_EQ(titles[0], "Shelling resumes near Vareno border");
  EXPECT_EQ(titles[1], "Mediators set date for third round");
  EXPECT_EQ(titles[2], "Shelling resumes near Vareno border");
  EXPECT_EQ(lines[0].find("\"source\":\"Vareno Today\"") != std::string::npos ||
                lines[0].find("\"source\": \"Vareno Today\"") != std::string::npos,
            true);
}

TEST(E2eAnnotateTest, OutputDoesNotDependOnJobs) {
  CliTest t;
  WriteCorpus(t);
  RunResult one = t.Run({"annotate", "--jobs", "1", "--batch", "1", "corpus"});
  RunResult two = t.Run({"annotate", "--jobs", "2", "--batch", "2", "corpus"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  ASSERT_EQ(two.exit_code, 0) << two.err;
  EXPECT_EQ(Lines(one.out).size(), 5u);
  EXPECT_EQ(one.out, two.out);
}

TEST(E2eAnnotateTest, ReadsStdinAndHonoursDct) {
  CliTest t;
  std::string in = t.Write("story.txt",
                           "Officials in Lorvan said on Thursday that the border crossing would "
                           "reopen next week.\n");
  RunResult r = t.Run({"annotate", "--dct", "2031-03-14", "-"}, in);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  EXPECT_EQ(j["published"]["date"], "2031-03-14");
}

TEST(E2eAnnotateTest, EvalNerScoresTheTaggerOrTheWholeEntityStage) {
  // Two sentences in GMB's word<TAB>POS<TAB>tag layout.
  CliTest t;
  t.Write("mini.conll",
          "Officials\tNNS\tO\nin\tIN\tO\nNorway\tNNP\tB-geo\nsaid\tVBD\tO\n"
          "Vladimir\tNNP\tB-per\nPutin\tNNP\tI-per\nspoke\tVBD\tO\n.\t.\tO\n\n"
          "The\tDT\tO\nUnited\tNNP\tB-org\nNations\tNNP\tI-org\nmet\tVBD\tO\nin\tIN\tO\n"
          "Geneva\tNNP\tB-geo\n.\t.\tO\n");
  for (bool stage : {false, true}) {
    std::vector<std::string> args = {"eval", "ner", "--conll", "mini.conll"};
    if (stage) args.push_back("--stage");
    RunResult r = t.Run(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("2 sentences"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("P+O+G"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(stage ? "POS and entity stages" : "tagging only"), std::string::npos)
        << r.out;
    // The GPE row: type, P, R, F1, gold, predicted. Norway is in every
    // gazetteer and every model finds it.
    size_t at = r.out.find("\nGPE");
    ASSERT_NE(at, std::string::npos) << r.out;
    std::istringstream row(r.out.substr(at + 1));
    std::string type;
    double p = 0, rec = 0, f1 = 0;
    int gold = 0;
    row >> type >> p >> rec >> f1 >> gold;
    EXPECT_EQ(gold, 2) << r.out;
    EXPECT_GE(rec, 50.0) << r.out;
  }
}

TEST(E2eAnnotateTest, BadRecordIsReportedAndTheRestPrinted) {
  CliTest t;
  t.Write("feed.jsonl", std::string(kFeedRecord1) + "\n[1, 2\n" + kFeedRecord2 + "\n");
  RunResult r = t.Run({"annotate", "feed.jsonl"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(Lines(r.out).size(), 2u);
  EXPECT_NE(r.err.find("feed.jsonl:2: "), std::string::npos) << r.err;
}

}  // namespace
}  // namespace sitrep::testing
