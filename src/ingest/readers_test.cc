// ReadInputs on each input format and on bad input: every problem names the
// file (and line), and the rest of the batch is read.
#include "ingest/readers.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "sitrep/ingest.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

class ReadersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("sitrep_readers_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

  void Read(const std::vector<std::string>& paths, IngestOptions options = {}) {
    Status s = ReadInputs(
        paths, options, [&](Document&& d) { docs_.push_back(std::move(d)); },
        [&](const ReadProblem& p) { problems_.push_back(p); });
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  std::string ProblemsText() const {
    std::string out;
    for (const auto& p : problems_) out += p.origin + ": " + p.message + "\n";
    return out;
  }

  fs::path dir_;
  std::vector<Document> docs_;
  std::vector<ReadProblem> problems_;
};

constexpr char kArticle[] =
    "Valdoria said on Monday that its troops had withdrawn from the border town of Esk, "
    "a claim the Morrow government denied.";

TEST_F(ReadersTest, JsonLinesWithCommonFieldsAndABrokenLine) {
  std::string path =
      Write("feed.jsonl",
            "{\"text\": \"" + std::string(kArticle) +
                "\", \"title\": \"Withdrawal claimed\", \"url\": \"https://news.example/a\", "
                "\"seendate\": \"20310304T101500Z\"}\n"
                "{\"text\": \"broken line\n"
                "\n"
                "{\"content\": \"Morrow denied on Tuesday that any withdrawal had taken place.\", "
                "\"outlet\": \"Morrow Daily\", \"published_at\": \"2031-03-05T08:00:00Z\"}\n");
  Read({path});
  ASSERT_EQ(docs_.size(), 2u) << ProblemsText();
  EXPECT_EQ(docs_[0].title, "Withdrawal claimed");
  EXPECT_EQ(docs_[0].source, "news.example");
  EXPECT_EQ(docs_[0].published.date, "2031-03-04");
  EXPECT_EQ(docs_[0].origin, path + ":1");
  EXPECT_EQ(docs_[0].format, "jsonl");
  EXPECT_EQ(docs_[1].source, "Morrow Daily");
  EXPECT_EQ(docs_[1].published.date, "2031-03-05");
  EXPECT_EQ(docs_[1].origin, path + ":4");
  ASSERT_EQ(problems_.size(), 1u);
  EXPECT_EQ(problems_[0].origin, path + ":2");
  EXPECT_NE(problems_[0].message.find("invalid JSON"), std::string::npos);
}

TEST_F(ReadersTest, JsonArrayAndFieldMapping) {
  std::string path =
      Write("items.json", "[{\"story\": \"" + std::string(kArticle) +
                              "\", \"when\": \"2031-03-04\", \"paper\": \"Esk Herald\"},"
                              " {\"story\": \"\"}, 7]");
  IngestOptions options;
  options.field_map = {{"text", "story"}, {"date", "when"}, {"source", "paper"}};
  Read({path}, options);
  ASSERT_EQ(docs_.size(), 1u) << ProblemsText();
  EXPECT_EQ(docs_[0].source, "Esk Herald");
  EXPECT_EQ(docs_[0].published.date, "2031-03-04");
  ASSERT_EQ(problems_.size(), 2u);
  EXPECT_EQ(problems_[0].origin, path + ":[1]");
  EXPECT_NE(problems_[0].message.find("no text"), std::string::npos);
  EXPECT_EQ(problems_[1].origin, path + ":[2]");
}

TEST_F(ReadersTest, HtmlVisibleTextAndMetadata) {
  std::string html =
      "<!DOCTYPE html><html><head><title>Esk withdrawal</title>"
      "<meta property=\"og:site_name\" content=\"Esk Herald\">"
      "<meta property=\"article:published_time\" content=\"2031-03-04T09:00:00Z\">"
      "<style>p { color: red }</style><script>var x = 1;</script></head>"
      "<body><h1>Esk withdrawal</h1><p>Valdoria said on Monday that its troops had "
      "withdrawn &amp; regrouped.</p><p>Morrow denied it.</p></body></html>";
  std::string path = Write("page.html", html);
  Read({path});
  ASSERT_EQ(docs_.size(), 1u) << ProblemsText();
  const Document& d = docs_[0];
  EXPECT_EQ(d.format, "html");
  EXPECT_EQ(d.title, "Esk withdrawal");
  EXPECT_EQ(d.source, "Esk Herald");
  EXPECT_EQ(d.published.date, "2031-03-04");
  EXPECT_EQ(d.raw, html);
  EXPECT_EQ(d.text.find("color"), std::string::npos);
  EXPECT_EQ(d.text.find("var x"), std::string::npos);
  EXPECT_NE(d.text.find("withdrawn & regrouped."), std::string::npos);
  size_t at = d.text.find("Morrow denied it.");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(d.raw.substr(d.offsets.ToRaw(static_cast<uint32_t>(at)), 17), "Morrow denied it.");
}

TEST_F(ReadersTest, BadInputIsReportedAndTheBatchGoesOn) {
  std::string good = Write("dir/good.txt", kArticle);
  Write("dir/empty.txt", "");
  Write("dir/binary.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  Write("dir/latin1.txt", std::string(kArticle) + " Caf\xE9 owners agreed.");
  Write("dir/nobody.html", "<html><head><title>x</title></head><body></body></html>");
  Write("dir/boiler.txt", "Leave a comment\nShare this article\n");
  Write("dir/notes.csv", "a,b\n");
  fs::create_symlink(dir_ / "missing.txt", dir_ / "dir" / "dangling.txt");
  Read({(dir_ / "dir").string(), (dir_ / "nope.txt").string()});
  ASSERT_EQ(docs_.size(), 2u) << ProblemsText();
  EXPECT_EQ(docs_[0].origin, (dir_ / "dir" / "good.txt").string());
  // Latin-1 is read as Windows-1252, and said so on the document.
  EXPECT_EQ(docs_[1].origin, (dir_ / "dir" / "latin1.txt").string());
  ASSERT_FALSE(docs_[1].problems.empty());
  EXPECT_NE(docs_[1].problems[0].message.find("Windows-1252"), std::string::npos);
  EXPECT_NE(docs_[1].text.find("Caf\xC3\xA9 owners"), std::string::npos);

  std::map<std::string, std::string> by_file;
  for (const auto& p : problems_) by_file[fs::path(p.origin).filename().string()] = p.message;
  EXPECT_EQ(by_file.size(), 6u) << ProblemsText();
  EXPECT_EQ(by_file["empty.txt"], "empty file");
  EXPECT_NE(by_file["binary.txt"].find("binary"), std::string::npos);
  EXPECT_NE(by_file["nobody.html"].find("no body"), std::string::npos);
  EXPECT_NE(by_file["boiler.txt"].find("cleans to nothing"), std::string::npos);
  EXPECT_EQ(by_file["dangling.txt"], "broken symbolic link");
  EXPECT_EQ(by_file["nope.txt"], "no such file or directory");
}

TEST_F(ReadersTest, BrokenUtf8IsRepairedAndUtf16Converted) {
  // Mostly UTF-8 ("Zelenskyy\u2019s") with one stray byte: repaired in place.
  std::string mixed =
      Write("mixed.txt", std::string(kArticle) + " Zelenskyy\xE2\x80\x99s office \xFF replied.");
  std::u16string u16 = u"Morrow denied on Tuesday that any withdrawal had taken place.";
  std::string utf16 = "\xFF\xFE";
  for (char16_t c : u16) {
    utf16.push_back(static_cast<char>(c & 0xFF));
    utf16.push_back(static_cast<char>(c >> 8));
  }
  std::string wide = Write("wide.txt", utf16);
  Read({mixed, wide});
  ASSERT_EQ(docs_.size(), 2u) << ProblemsText();
  EXPECT_NE(docs_[0].text.find("Zelenskyy's office \xEF\xBF\xBD replied."), std::string::npos);
  ASSERT_FALSE(docs_[0].problems.empty());
  EXPECT_NE(docs_[0].problems[0].message.find("invalid UTF-8: 1 sequence"), std::string::npos);
  EXPECT_EQ(docs_[1].text, "Morrow denied on Tuesday that any withdrawal had taken place.");
  ASSERT_FALSE(docs_[1].problems.empty());
  EXPECT_EQ(docs_[1].problems[0].message, "converted from UTF-16LE");
}

TEST_F(ReadersTest, UnreadableFileInADirectory) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads files whatever their mode";
  Write("dir/a.txt", kArticle);
  std::string locked = Write("dir/locked.txt", kArticle);
  fs::permissions(locked, fs::perms::none);
  Read({(dir_ / "dir").string()});
  EXPECT_EQ(docs_.size(), 1u);
  ASSERT_EQ(problems_.size(), 1u);
  EXPECT_EQ(problems_[0].origin, locked);
  EXPECT_NE(problems_[0].message.find("cannot open"), std::string::npos);
}

TEST_F(ReadersTest, HugeSingleLineFilesAreRefusedWithAReason) {
  std::string big(ingest::kMaxDocumentBytes + 10, 'a');
  std::string txt = Write("big.txt", big);
  std::string jsonl = Write(
      "big.jsonl", "{\"text\": \"" + big + "\"}\n{\"text\": \"" + std::string(kArticle) + "\"}\n");
  Read({txt, jsonl});
  EXPECT_EQ(docs_.size(), 1u);
  ASSERT_EQ(problems_.size(), 2u) << ProblemsText();
  EXPECT_EQ(problems_[0].origin, txt);
  EXPECT_NE(problems_[0].message.find("too large"), std::string::npos);
  EXPECT_EQ(problems_[1].origin, jsonl + ":1");
}

// A JSON Lines file is read a chunk at a time; what comes out must be what
// reading it whole gives: records across chunk boundaries, a byte order
// mark, CRLF, blank and broken lines, a line over the limit, no final newline.
TEST_F(ReadersTest, StreamedJsonLinesReadAsTheWholeFile) {
  std::string bytes = "\xEF\xBB\xBF{\"text\": \"" + std::string(kArticle) + "\"}\r\n\n";
  bytes += "{\"title\": \"Long\", \"text\": \"" + std::string(kArticle);
  while (bytes.size() < (1u << 20) + 4096) bytes += " More words about the border talks.";
  bytes += "\"}\n   \n{\"text\": broken}\n";
  bytes += "{\"text\": \"" + std::string(ingest::kMaxJsonLineBytes, 'a') + "\"}\n";
  bytes += "{\"text\": \"Closing record without a newline, officials said on Friday.\"}";
  std::string path = Write("stream.jsonl", bytes);
  Read({path});
  std::vector<Document> streamed = std::move(docs_);
  std::vector<ReadProblem> streamed_problems = std::move(problems_);
  docs_.clear();
  problems_.clear();
  IngestOptions options;
  DocumentCallback on_doc = [&](Document&& d) { docs_.push_back(std::move(d)); };
  ProblemCallback on_problem = [&](const ReadProblem& p) { problems_.push_back(p); };
  ingest::ReadBytes(bytes, ingest::Format::kJsonLines, path, {options, on_doc, on_problem});
  ASSERT_EQ(streamed.size(), 3u) << ProblemsText();
  ASSERT_EQ(streamed.size(), docs_.size());
  for (size_t i = 0; i < docs_.size(); ++i) {
    EXPECT_EQ(streamed[i].origin, docs_[i].origin);
    EXPECT_EQ(streamed[i].id, docs_[i].id);
    EXPECT_EQ(streamed[i].text, docs_[i].text);
    EXPECT_EQ(streamed[i].title, docs_[i].title);
  }
  EXPECT_EQ(streamed[1].title, "Long");
  EXPECT_EQ(streamed[2].origin, path + ":7");
  ASSERT_EQ(streamed_problems.size(), 2u);
  ASSERT_EQ(problems_.size(), 2u);
  for (size_t i = 0; i < problems_.size(); ++i) {
    EXPECT_EQ(streamed_problems[i].origin, problems_[i].origin);
    EXPECT_EQ(streamed_problems[i].message, problems_[i].message);
  }
  EXPECT_EQ(streamed_problems[1].origin, path + ":6");
  EXPECT_NE(streamed_problems[1].message.find("line too long"), std::string::npos);
}

TEST_F(ReadersTest, MarkdownSyntaxIsDropped) {
  std::string path = Write("post.md",
                           "# Esk talks\n\n> **Valdoria** said on Monday that talks with "
                           "[Morrow](https://morrow.example) would resume.\n\n- First point\n");
  Read({path});
  ASSERT_EQ(docs_.size(), 1u) << ProblemsText();
  EXPECT_EQ(docs_[0].text,
            "Esk talks\n\nValdoria said on Monday that talks with Morrow would resume.\n\n"
            "First point");
  EXPECT_EQ(docs_[0].title, "Esk talks");
}

TEST(FormatTest, ByExtensionAndContent) {
  using ingest::Format;
  EXPECT_EQ(ingest::FormatFromPath("a/b.JSONL"), Format::kJsonLines);
  EXPECT_EQ(ingest::FormatFromPath("a.b/c"), Format::kUnknown);
  EXPECT_EQ(ingest::SniffFormat("  [{\"text\": 1}]"), Format::kJson);
  EXPECT_EQ(ingest::SniffFormat("<!doctype html><p>x"), Format::kHtml);
  EXPECT_EQ(ingest::SniffFormat("Plain <b> text"), Format::kText);
}

}  // namespace
}  // namespace sitrep
