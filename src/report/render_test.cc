#include "report/render.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace sitrep::report {
namespace {

Brief SampleBrief() {
  Brief b;
  b.as_of = "2026-09-30";
  b.as_of_given = true;
  b.generated_by = "sitrep test";
  b.documents = 2;
  b.sources = {"Meridian Wire", "Halvany Watch"};
  b.period_begin = "2026-09-03";
  b.period_end = "2026-09-17";
  TimelineEntry e;
  e.id = "ev1";
  e.date = "2026-09-17";
  e.precision = "day";
  e.date_text = "2026-09-17";
  e.begin_day = e.end_day = 20713;
  e.type = "ASSAULT";
  e.summary = "A strike on <Kelm> killed \"at least\" 12 people.";
  e.status = "happened";
  e.sources = {"Meridian Wire"};
  e.citations = {"c1"};
  e.confidence = 0.5;
  b.timeline.push_back(e);
  b.key_developments = {"ev1"};
  ClaimGroup g;
  g.id = "g1";
  g.measure = "people killed";
  g.status = "divergent";
  g.range_min = 12;
  g.range_max = 19;
  ClaimValueEntry v;
  v.source = "Meridian Wire";
  v.min = 12;
  v.bound = "at-least";
  v.modality = "asserted";
  v.citation = "c1";
  g.values.push_back(v);
  b.claim_groups.push_back(g);
  Citation c;
  c.id = "c1";
  c.doc = "d-1";
  c.source = "Meridian Wire";
  c.title = "Strike, \"12 dead\"";
  c.published = "2026-09-18";
  c.start = 10;
  c.end = 80;
  c.quote = "A strike on <script>alert(1)</script> Kelm killed at least 12, people said.";
  b.citations.emplace("c1", c);
  b.citation_order = {"c1"};
  return b;
}

TEST(RenderTest, JsonFollowsTheSchema) {
  auto j = nlohmann::json::parse(RenderJson(SampleBrief()));
  EXPECT_EQ(j["schema_version"], 1);
  EXPECT_EQ(j["as_of"], "2026-09-30");
  EXPECT_EQ(j["documents"], 2);
  EXPECT_EQ(j["period"]["begin"], "2026-09-03");
  EXPECT_EQ(j["key_developments"][0], "ev1");
  EXPECT_EQ(j["timeline"][0]["precision"], "day");
  EXPECT_EQ(j["timeline"][0]["citations"][0], "c1");
  EXPECT_EQ(j["claim_groups"][0]["range"]["max"], 19);
  EXPECT_EQ(j["claim_groups"][0]["values"][0]["value"]["min"], 12);
  EXPECT_TRUE(j["claim_groups"][0]["values"][0]["value"]["max"].is_null());
  EXPECT_EQ(j["citations"]["c1"]["doc"], "d-1");
  EXPECT_EQ(j["citations"]["c1"]["start"], 10);
  EXPECT_EQ(j["citations"]["c1"]["end"], 80);
}

TEST(RenderTest, HtmlEscapesArticleTextAndIsSelfContained) {
  std::string html = RenderHtml(SampleBrief());
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;Kelm&gt;"), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org/2000/svg"));  // no remote assets
  EXPECT_EQ(html.find("https://"), std::string::npos);
  // The citation mark carries its quote for hover.
  EXPECT_NE(html.find("title=\"Meridian Wire, 2026-09-18: “A strike on &lt;script&gt;"),
            std::string::npos);
}

TEST(RenderTest, MarkdownCitesAndListsQuotes) {
  std::string md = RenderMarkdown(SampleBrief());
  EXPECT_NE(md.find("## Key developments"), std::string::npos);
  EXPECT_NE(md.find("[1]"), std::string::npos);
  EXPECT_NE(md.find("## Citations"), std::string::npos);
  EXPECT_NE(md.find("at least 12"), std::string::npos);
  EXPECT_NE(md.find("**divergent**"), std::string::npos);
}

TEST(RenderTest, CsvQuotesFieldsAndDefusesFormulas) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("=HYPERLINK(1)"), "\"'=HYPERLINK(1)\"");
  std::string csv = RenderClaimGroupsCsv(SampleBrief());
  EXPECT_NE(csv.find("g1,,people killed,divergent,12,19,Meridian Wire,12,"), std::string::npos);
  std::string tl = RenderTimelineCsv(SampleBrief());
  EXPECT_NE(tl.find("\"A strike on <Kelm> killed \"\"at least\"\" 12 people.\""),
            std::string::npos);
}

}  // namespace
}  // namespace sitrep::report
