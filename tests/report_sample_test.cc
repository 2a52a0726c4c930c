// End to end: `sitrep brief` on the bundled sample corpus (examples/), which
// the README's main command prints.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace {

std::string RunSitrep(const std::string& args) {
  std::string cmd = std::string(SITREP_BINARY) + " " + args + " 2>/dev/null";
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  pclose(p);
  return out;
}

TEST(ReportSampleTest, BriefOfTheSampleCorpus) {
  auto j = nlohmann::json::parse(RunSitrep("brief examples --format json"), nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(j["schema_version"], 1);
  // 13 records: the NewsPulse re-post is a sighting of the wire story.
  EXPECT_EQ(j["documents"], 12);
  std::vector<std::string> sources = j["sources"];
  EXPECT_NE(std::find(sources.begin(), sources.end(), "Tarsk Federal Network"), sources.end());
  EXPECT_NE(std::find(sources.begin(), sources.end(), "Meridian Wire"), sources.end());
  EXPECT_FALSE(j["timeline"].empty());
  // Every citation a line uses resolves to a document span and its sentence.
  for (const auto& e : j["timeline"]) {
    for (const auto& c : e["citations"]) {
      ASSERT_TRUE(j["citations"].contains(c.get<std::string>()));
      const auto& cit = j["citations"][c.get<std::string>()];
      EXPECT_LT(cit["start"].get<int>(), cit["end"].get<int>());
      EXPECT_FALSE(cit["quote"].get<std::string>().empty());
    }
  }
  // The state broadcaster is profiled as such.
  bool tfn = false;
  for (const auto& o : j["outlets"]) {
    if (o["source"] == "Tarsk Federal Network") {
      tfn = true;
      EXPECT_EQ(o["affiliation"], "state-owned");
    }
  }
  EXPECT_TRUE(tfn);
}

TEST(ReportSampleTest, AsOfUsesOnlyWhatWasPublishedByThen) {
  auto j = nlohmann::json::parse(RunSitrep("brief examples --format json --as-of 2026-09-12"),
                                 nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(j["as_of"], "2026-09-12");
  EXPECT_GT(j["documents_excluded"].get<int>(), 0);
  for (auto& [id, c] : j["citations"].items()) {
    if (c["published"].is_string()) EXPECT_LE(c["published"].get<std::string>(), "2026-09-12");
  }
}

TEST(ReportSampleTest, HtmlIsEscapedAndOffline) {
  std::string html = RunSitrep("brief examples --format html");
  ASSERT_NE(html.find("<svg"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
}

}  // namespace
