// End-to-end: every kind of bad input is reported on stderr with its file
// (and line), the rest of the batch is stored, and the exit code is 3.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_test_util.h"
#include "e2e_corpus.h"

namespace sitrep::testing {
namespace {

using json = nlohmann::json;

class BadInputTest : public ::testing::Test {
 protected:
  void SetUp() override { t_.Write("in/good.txt", kWireStory); }

  // Ingests dir/in; expects the good article stored plus `extra` documents.
  RunResult Ingest(int extra = 0) {
    RunResult r = t_.Run({"ingest", "--db", t_.db(), "--format", "json", "in"});
    json s = json::parse(r.out, nullptr, false);
    EXPECT_FALSE(s.is_discarded()) << r.out << r.err;
    if (!s.is_discarded()) EXPECT_EQ(s["added"], 1 + extra) << r.err;
    return r;
  }
  CliTest t_;
};

TEST_F(BadInputTest, EmptyFile) {
  t_.Write("in/empty.txt", "");
  RunResult r = Ingest();
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("in/empty.txt: "), std::string::npos) << r.err;
}

TEST_F(BadInputTest, BinaryFile) {
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0", 20);
  for (int i = 0; i < 2000; ++i) png += static_cast<char>((i * 37) & 0xff);
  t_.Write("in/photo.txt", png);
  RunResult r = Ingest();
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("in/photo.txt: "), std::string::npos) << r.err;
}

TEST_F(BadInputTest, InvalidUtf8IsRepairedOrRejectedWithAReason) {
  t_.Write("in/latin1.txt",
           "Caf\xe9 owners in Lorvan said on Monday that the curfew had cost them half their "
           "trade, and the city council promised compensation of 2,000 cr\xe9"
           "dits each.\n");
  RunResult r = t_.Run({"ingest", "--db", t_.db(), "--format", "json", "in"});
  // Either way the file is named, with what was done.
  EXPECT_NE(r.err.find("in/latin1.txt"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("UTF-8"), std::string::npos) << r.err;
  json s = json::parse(r.out, nullptr, false);
  ASSERT_FALSE(s.is_discarded());
  if (r.exit_code == 3) {
    EXPECT_EQ(s["added"], 1);  // rejected
  } else {
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(s["added"], 2);  // repaired and stored
  }
}

TEST_F(BadInputTest, HtmlWithoutBody) {
  t_.Write("in/blank.html", "<html><head><title>Loading...</title></head></html>");
  RunResult r = Ingest();
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("in/blank.html: "), std::string::npos) << r.err;
}

TEST_F(BadInputTest, JsonLinesWithBrokenLineInTheMiddle) {
  t_.Write("in/feed.jsonl", std::string(kFeedRecord1) + "\n" +
                                R"({"title": "Cut off", "text": "The convoy reached)" + "\n" +
                                kFeedRecord2 + "\n");
  RunResult r = Ingest(2);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("in/feed.jsonl:2: "), std::string::npos) << r.err;
}

TEST_F(BadInputTest, RecordThatCleansToNothing) {
  t_.Write("in/feed.jsonl",
           std::string(R"({"title": "Live", "text": "   \n\n  "})") + "\n" + kFeedRecord2 + "\n");
  RunResult r = Ingest(1);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("in/feed.jsonl:1: "), std::string::npos) << r.err;
}

TEST_F(BadInputTest, HundredMegabyteSingleLine) {
  {
    std::ofstream out(t_.Path("in/dump.txt"), std::ios::binary);
    std::string chunk;
    for (int i = 0; i < 1024; ++i) chunk += "troops ";
    for (size_t written = 0; written < (100u << 20); written += chunk.size()) out << chunk;
  }
  RunResult r = Ingest();
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("in/dump.txt: "), std::string::npos) << r.err;
}

TEST_F(BadInputTest, BrokenSymlinkInDirectory) {
  std::filesystem::create_symlink(t_.Path("gone.txt"), t_.Path("in/moved.txt"));
  RunResult r = Ingest();
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("in/moved.txt: "), std::string::npos) << r.err;
}

TEST_F(BadInputTest, UnreadableFileInDirectory) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads files whatever their mode";
  std::string p = t_.Write("in/secret.txt", kWireStory);
  chmod(p.c_str(), 0);
  RunResult r = Ingest();
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("in/secret.txt: "), std::string::npos) << r.err;
}

TEST_F(BadInputTest, AllAtOnceStoresTheGoodOnes) {
  t_.Write("in/empty.txt", "");
  t_.Write("in/blank.html", "<html><head></head></html>");
  t_.Write("in/feed.jsonl", std::string(kFeedRecord1) + "\n{not json\n" + kFeedRecord2 + "\n");
  RunResult r = Ingest(2);
  EXPECT_EQ(r.exit_code, 3);
  // One error line per bad input; documents that were stored may add warnings
  // (e.g. an undated text whose relative dates stay open), which are not errors.
  std::vector<std::string> errors;
  for (const std::string& line : Lines(r.err)) {
    if (line.find(": warning: ") == std::string::npos) errors.push_back(line);
  }
  ASSERT_EQ(errors.size(), 3u) << r.err;
  EXPECT_NE(errors[0].find("in/blank.html: "), std::string::npos) << r.err;
  EXPECT_NE(errors[1].find("in/empty.txt: "), std::string::npos) << r.err;
  EXPECT_NE(errors[2].find("in/feed.jsonl:2: "), std::string::npos) << r.err;
}

}  // namespace
}  // namespace sitrep::testing
