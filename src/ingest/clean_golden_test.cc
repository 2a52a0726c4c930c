// Data-driven cleaning tests: src/ingest/testdata/clean/<case>.txt with the
// expected clean text, removals and metadata beside it (README.md there).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sitrep/ingest.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

constexpr char kDir[] = "src/ingest/testdata/clean";

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string line;
  while (std::getline(ss, line)) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

void CheckCase(const fs::path& input) {
  SCOPED_TRACE(input.string());
  Document meta;
  meta.origin = input.string();
  auto doc = MakeDocument(ReadFile(input), meta);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();

  fs::path clean = fs::path(input).replace_extension(".clean");
  ASSERT_TRUE(fs::exists(clean)) << "missing " << clean;
  EXPECT_EQ(doc->text, ReadFile(clean));

  fs::path removed = fs::path(input).replace_extension(".removed");
  if (fs::exists(removed)) {
    std::vector<std::string> want = Lines(ReadFile(removed));
    std::vector<std::string> got;
    for (const auto& r : doc->removed) got.push_back(r.reason + "\t" + r.text);
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, want);
  }

  fs::path meta_file = fs::path(input).replace_extension(".meta");
  if (!fs::exists(meta_file)) return;
  std::vector<std::string> cited;
  bool check_cited = false;
  for (const auto& line : Lines(ReadFile(meta_file))) {
    size_t eq = line.find('=');
    ASSERT_NE(eq, std::string::npos) << line;
    std::string key = line.substr(0, eq), value = line.substr(eq + 1);
    if (key == "source") {
      EXPECT_EQ(doc->source, value);
    } else if (key == "source_provenance") {
      EXPECT_EQ(doc->source_provenance, value);
    } else if (key == "published") {
      EXPECT_EQ(doc->published.date, value);
    } else if (key == "published_provenance") {
      EXPECT_EQ(doc->published.provenance, value);
    } else if (key == "title") {
      EXPECT_EQ(doc->title, value);
    } else if (key == "cited") {
      check_cited = true;
      cited.push_back(value);
    } else {
      ADD_FAILURE() << "unknown field " << key;
    }
  }
  if (check_cited) {
    std::vector<std::string> got;
    for (const auto& c : doc->cited_sources) got.push_back(c.name);
    EXPECT_EQ(got, cited);
  }
}

TEST(CleanGoldenTest, AllCases) {
  ASSERT_TRUE(fs::exists(kDir)) << "run from the repository root";
  int cases = 0;
  std::vector<fs::path> inputs;
  for (const auto& e : fs::directory_iterator(kDir)) {
    if (e.path().extension() == ".txt") inputs.push_back(e.path());
  }
  std::sort(inputs.begin(), inputs.end());
  for (const auto& p : inputs) {
    CheckCase(p);
    ++cases;
  }
  EXPECT_GE(cases, 3);
}

}  // namespace
}  // namespace sitrep
