#include "report/consolidate.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "report/consolidate_state.h"
#include "report/test_docs.h"

namespace sitrep::report {
namespace {

using testing::DocBuilder;

class ConsolidateTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto lex = ReportLexicons::LoadDefault();
    ASSERT_TRUE(lex.ok()) << lex.status().ToString();
    lex_ = std::move(*lex).release();
  }
  static ReportLexicons* lex_;

  // The Kelm strike told by three outlets, one of them twice (a
  // near-duplicate), plus a denial and figures that disagree.
  std::vector<Document> Corpus() {
    std::vector<Document> docs;
    {
      DocBuilder b("d-wire", "Meridian Wire", "2026-09-18",
                   "A Tarskian missile strike on Kelm killed at least 12 people on Thursday, "
                   "Marrovia's State Emergency Service said. The foreign ministers will meet in "
                   "Aventa on September 24.");
      auto t = b.Timex("Thursday", "2026-09-17");
      auto t2 = b.Timex("September 24", "2026-09-24");
      auto tarsk = b.Entity("Tarskian", "NORP", "tarsk@XB");
      auto kelm = b.Entity("Kelm", "GPE", "kelm@XA");
      auto a = b.Attribution("said", "Marrovia's State Emergency Service");
      b.Event("strike", "ASSAULT", t, tarsk, "", kelm, "asserted", a);
      b.Event("meet", "CONSULT", t2, "", "", "", "planned");
      b.Claim("at least 12", "kelm@XA", "people killed", 12, std::nullopt, "asserted", a,
              "at-least");
      docs.push_back(b.Build());
    }
    {
      DocBuilder b("d-copy", "Sorlund Broadcasting Corporation", "2026-09-18",
                   "A Tarskian missile strike on Kelm killed at least 12 people on Thursday, "
                   "the emergency service said.");
      auto t = b.Timex("Thursday", "2026-09-17");
      auto tarsk = b.Entity("Tarskian", "NORP", "tarsk@XB");
      b.Event("strike", "ASSAULT", t, tarsk);
      b.DuplicateOf("d-wire");
      docs.push_back(b.Build());
    }
    {
      DocBuilder b("d-courier", "The Dellin Courier", "2026-09-21",
                   "KELM — The number of people killed in the September strike on Kelm has risen "
                   "to 19, the emergency service said. Tarsk's invasion has displaced thousands.");
      auto t = b.Timex("September", "2026-09");
      auto kelm = b.Entity("Kelm", "GPE", "kelm@XA");
      auto a = b.Attribution("said", "the emergency service");
      b.Event("strike", "ASSAULT", t, "", "", kelm);
      b.Claim("19", "kelm@XA", "people killed", 19, 19, "asserted", a);
      docs.push_back(b.Build());
    }
    {
      DocBuilder b("d-tfn", "Tarsk Federal Network", "2026-09-19",
                   "Reports by the Dellin regime that 12 civilians were killed in Kelm are a "
                   "fabrication, the ministry said. The liberation of Halvany continues.");
      auto kelm = b.Entity("Kelm", "GPE", "kelm@XA");
      auto a = b.Attribution("said", "the ministry");
      b.Claim("12", "kelm@XA", "people killed", 12, 12, "denied", a);
      b.Event("killed", "ASSAULT", "", "", "", kelm, "denied", a);
      docs.push_back(b.Build());
    }
    return docs;
  }
};

ReportLexicons* ConsolidateTest::lex_ = nullptr;

const TimelineEntry* FindType(const Brief& b, const std::string& type) {
  for (const auto& e : b.timeline) {
    if (e.type == type) return &e;
  }
  return nullptr;
}

TEST_F(ConsolidateTest, MergesMentionsOfOneEventAcrossPrecisions) {
  Brief b = Consolidate(Corpus(), *lex_, {});
  int assaults = 0;
  for (const auto& e : b.timeline) assaults += e.type == "ASSAULT";
  // The wire, its copy, the Courier's "September strike" and the reported
  // denial are one event.
  EXPECT_EQ(assaults, 1);
  const TimelineEntry* strike = FindType(b, "ASSAULT");
  ASSERT_NE(strike, nullptr);
  EXPECT_EQ(strike->date, "2026-09-17");
  EXPECT_EQ(strike->precision, "day");
  EXPECT_EQ(strike->status, "happened");
  EXPECT_FALSE(strike->citations.empty());
  EXPECT_NE(strike->summary.find("strike on Kelm"), std::string::npos);
}

Document PactDoc(const std::string& id, const std::string& outlet, const std::string& text,
                 const std::string& when, const std::string& when_value,
                 const std::vector<std::pair<std::string, std::string>>& parties) {
  DocBuilder b(id, outlet, "2026-11-02", text);
  auto t = b.Timex(when, when_value);
  auto agent = b.Entity(parties[0].first, "GPE", parties[0].second);
  auto target = b.Entity(parties[1].first, "GPE", parties[1].second);
  b.Event("signed", "AGREE", t, agent, target);
  return b.Build();
}

TEST_F(ConsolidateTest, BilateralEventJoinsAcrossPrecisionByItsCountries) {
  Document day = PactDoc(
      "d-day", "The Dellin Courier", "Tarsk and Marrovia signed a defence pact on March 14, 2026.",
      "March 14, 2026", "2026-03-14", {{"Tarsk", "tarsk@XB"}, {"Marrovia", "marrovia@XA"}});
  // The leaders of the same two countries, dated only by the year: far too
  // coarse for one shared country, but the pair of countries is the pact.
  Document year =
      PactDoc("d-year", "Meridian Wire", "In 2026, Orlov and Vann signed a defence pact.", "2026",
              "2026", {{"Orlov", "orlov@XB"}, {"Vann", "vann@XA"}});
  Brief b = Consolidate({day, year}, *lex_, {});
  ASSERT_EQ(b.timeline.size(), 1u);
  EXPECT_EQ(b.timeline[0].date, "2026-03-14");
  EXPECT_EQ(b.timeline[0].sources.size(), 2u);

  // Sharing one country of two is not enough between a day and a year.
  Document other = PactDoc("d-other", "Tarsk Federal Network",
                           "In 2026, Orlov and Sorlund signed a trade accord.", "2026", "2026",
                           {{"Orlov", "orlov@XB"}, {"Sorlund", "sorlund@XC"}});
  b = Consolidate({day, other}, *lex_, {});
  EXPECT_EQ(b.timeline.size(), 2u);
}

TEST_F(ConsolidateTest, NearDuplicatesCountAsTheirFirstCopysSource) {
  Brief b = Consolidate(Corpus(), *lex_, {});
  const TimelineEntry* strike = FindType(b, "ASSAULT");
  ASSERT_NE(strike, nullptr);
  // Meridian Wire, The Dellin Courier, Tarsk Federal Network: the Sorlund
  // copy of the wire text does not add a source.
  EXPECT_EQ(std::count(strike->sources.begin(), strike->sources.end(),
                       "Sorlund Broadcasting Corporation"),
            0);
  EXPECT_EQ(strike->sources.size(), 3u);
}

TEST_F(ConsolidateTest, UnknownOutletsAreSeparateSources) {
  std::vector<Document> docs;
  for (std::string id : {"d-a", "d-b"}) {
    DocBuilder b(id, "", "2026-09-18", "Shelling hit Kelm on Thursday.");
    auto t = b.Timex("Thursday", "2026-09-17");
    b.Event("Shelling", "ASSAULT", t);
    docs.push_back(b.Build());
  }
  Brief b = Consolidate(docs, *lex_, {});
  ASSERT_EQ(b.timeline.size(), 1u);
  EXPECT_EQ(b.timeline[0].sources.size(), 2u);
  EXPECT_EQ(b.sources.size(), 2u);
}

TEST_F(ConsolidateTest, ClaimGroupShowsPerSourceValuesAndContradiction) {
  Brief b = Consolidate(Corpus(), *lex_, {});
  ASSERT_EQ(b.claim_groups.size(), 1u);
  const ClaimGroup& g = b.claim_groups[0];
  EXPECT_EQ(g.measure, "people killed");
  EXPECT_EQ(g.source_count, 3);
  // 19 fits "at least 12", but Tarsk denies: contradictory.
  EXPECT_EQ(g.status, "contradictory");
  ASSERT_TRUE(g.range_min && g.range_max);
  EXPECT_EQ(*g.range_min, 12);
  EXPECT_EQ(*g.range_max, 19);
  for (const auto& v : g.values) {
    EXPECT_FALSE(v.citation.empty());
    EXPECT_TRUE(b.citations.count(v.citation));
  }
}

TEST_F(ConsolidateTest, ClaimStatusesFromRanges) {
  auto doc = [](std::string id, std::string src, std::string date, std::string text,
                std::string qty, std::optional<double> lo, std::optional<double> hi,
                std::string bound = "") {
    DocBuilder b(std::move(id), std::move(src), std::move(date), std::move(text));
    b.Entity("Eskaran", "NORP", "eskara@XC");
    b.Claim(qty, "eskara@XC", "troops deployed", lo, hi, "estimated", "", bound);
    return b.Build();
  };
  std::vector<Document> docs = {
      doc("d1", "Meridian Wire", "2026-09-11", "Some 8,000 to 12,000 Eskaran troops are there.",
          "8,000 to 12,000", 8000, 12000),
      doc("d2", "Halvany Watch", "2026-09-15", "As many as 15,000 Eskaran troops are there.",
          "15,000", std::nullopt, 15000, "at-most"),
      doc("d3", "The Dellin Courier", "2026-09-16", "At least 6,000 Eskaran troops are there.",
          "6,000", 6000, std::nullopt, "at-least"),
  };
  Brief b = Consolidate(docs, *lex_, {});
  ASSERT_EQ(b.claim_groups.size(), 1u);
  EXPECT_EQ(b.claim_groups[0].status, "divergent");
  EXPECT_EQ(*b.claim_groups[0].range_min, 6000);
  EXPECT_EQ(*b.claim_groups[0].range_max, 15000);

  docs.push_back(doc("d4", "ESKA News Agency", "2026-09-12",
                     "Not more than 500 Eskaran troops are there.", "500", std::nullopt, 500,
                     "at-most"));
  b = Consolidate(docs, *lex_, {});
  EXPECT_EQ(b.claim_groups[0].status, "contradictory");  // 500 is disjoint from 8,000–12,000

  std::vector<Document> one = {docs[0]};
  b = Consolidate(one, *lex_, {});
  EXPECT_EQ(b.claim_groups[0].status, "single-source");
  bool caveat = false;
  for (const auto& c : b.caveats) caveat = caveat || c.kind == "single-source";
  EXPECT_TRUE(caveat);
}

TEST_F(ConsolidateTest, DifferentWordingsOfOneFigureAreOneGroup) {
  auto doc = [](std::string id, std::string src, std::string text, std::string qty,
                std::string subject, std::string measure, double lo, double hi) {
    DocBuilder b(std::move(id), std::move(src), "2026-09-11", std::move(text));
    b.Claim(qty, std::move(subject), std::move(measure), lo, hi, "estimated");
    return b.Build();
  };
  std::vector<Document> docs = {
      doc("d1", "Meridian Wire", "Some 8,000 to 12,000 Eskaran troops were sent.",
          "8,000 to 12,000", "eskara@XC", "troops deployed", 8000, 12000),
      // The capital as actor, and "personnel" for "troops", without an event.
      doc("d2", "Halvany Watch", "About 10,000 Eskaran personnel are in Halvany.", "10,000",
          "ostrel@XC", "personnel", 10000, 10000),
      // The same measure under another country stays apart.
      doc("d3", "Tarsk Federal Network", "Some 2,000 Tarskian soldiers were sent.", "2,000",
          "tarsk@XB", "soldiers deployed", 2000, 2000),
  };
  Brief b = Consolidate(docs, *lex_, {});
  ASSERT_EQ(b.claim_groups.size(), 2u);
  int eskara = b.claim_groups[0].subject == "eskara@XC" ? 0 : 1;
  EXPECT_EQ(b.claim_groups[eskara].measure, "troops deployed");
  EXPECT_EQ(b.claim_groups[eskara].source_count, 2);
  EXPECT_EQ(b.claim_groups[1 - eskara].subject, "tarsk@XB");
  EXPECT_EQ(b.claim_groups[1 - eskara].measure, "troops deployed");
}

TEST_F(ConsolidateTest, LaterFigureFromTheSameSourceUpdatesTheEarlier) {
  auto doc = [](std::string id, std::string date, std::string text, std::string qty, double lo,
                double hi) {
    DocBuilder b(std::move(id), "Meridian Wire", std::move(date), std::move(text));
    auto a = b.Attribution("said", "Defence Intelligence Directorate");
    b.Claim(qty, "eskara@XC", "troops deployed", lo, hi, "estimated", a);
    return b.Build();
  };
  std::vector<Document> docs = {
      doc("d2", "2026-10-02", "About 14,000 troops are there, the directorate said.", "14,000",
          14000, 14000),
      doc("d1", "2026-09-11", "Some 8,000 to 12,000 troops are there, the directorate said.",
          "8,000 to 12,000", 8000, 12000),
  };
  Brief b = Consolidate(docs, *lex_, {});
  ASSERT_EQ(b.claim_groups.size(), 1u);
  const ClaimGroup& g = b.claim_groups[0];
  ASSERT_EQ(g.values.size(), 2u);
  EXPECT_EQ(g.values[0].published, "2026-09-11");  // kept, in order
  EXPECT_TRUE(g.values[0].superseded);
  EXPECT_FALSE(g.values[1].superseded);
  EXPECT_EQ(g.status, "single-source");  // an update is not a contradiction
  EXPECT_EQ(*g.range_min, 14000);
}

TEST_F(ConsolidateTest, AsOfLeavesOutLaterDocuments) {
  ConsolidateOptions options;
  options.as_of = "2026-09-18";
  Brief b = Consolidate(Corpus(), *lex_, options);
  EXPECT_EQ(b.documents, 2);  // the wire and its copy
  EXPECT_EQ(b.documents_excluded, 2);
  EXPECT_EQ(b.as_of, "2026-09-18");
  for (const auto& c : b.citations) EXPECT_LE(c.second.published, "2026-09-18");
  // The talks of September 24 are still to come.
  const TimelineEntry* talks = FindType(b, "CONSULT");
  ASSERT_NE(talks, nullptr);
  EXPECT_EQ(talks->status, "planned");
  bool planned_caveat = false;
  for (const auto& c : b.caveats) planned_caveat = planned_caveat || c.kind == "planned";
  EXPECT_TRUE(planned_caveat);
}

TEST_F(ConsolidateTest, UndatedDocumentsAreInferredAndWarned) {
  DocBuilder b("d-blog", "Halvany Watch", "",
               "Foreign ministers met in Aventa on September 24. Nobody believes it will hold.");
  auto t = b.Timex("September 24", "2026-09-24", "", "none");
  b.Event("met", "CONSULT", t);
  std::vector<Document> docs = {b.Build()};
  ConsolidateOptions options;
  options.as_of = "2026-09-20";
  Brief before = Consolidate(docs, *lex_, options);
  EXPECT_EQ(before.documents, 0);  // could not have been published by then
  options.as_of = "2026-09-30";
  Brief after = Consolidate(docs, *lex_, options);
  EXPECT_EQ(after.documents, 1);
  bool undated = false;
  for (const auto& c : after.caveats) undated = undated || c.kind == "undated";
  EXPECT_TRUE(undated);
  options.exclude_uncertain = true;
  EXPECT_EQ(Consolidate(docs, *lex_, options).documents, 0);
}

TEST_F(ConsolidateTest, SourceProfilesHaveFramingAffiliationAndCitedSources) {
  Brief b = Consolidate(Corpus(), *lex_, {});
  const OutletEntry* tfn = nullptr;
  const OutletEntry* courier = nullptr;
  for (const auto& o : b.outlets) {
    if (o.source == "Tarsk Federal Network") tfn = &o;
    if (o.source == "The Dellin Courier") courier = &o;
  }
  ASSERT_NE(tfn, nullptr);
  ASSERT_NE(courier, nullptr);
  EXPECT_EQ(tfn->affiliation, "state-owned");
  auto has = [](const OutletEntry* o, const std::string& marker) {
    for (const auto& f : o->framing) {
      if (f.marker == marker) return true;
    }
    return false;
  };
  EXPECT_TRUE(has(tfn, "liberation"));
  EXPECT_TRUE(has(tfn, "regime"));
  EXPECT_FALSE(has(tfn, "invasion"));
  EXPECT_TRUE(has(courier, "invasion"));
  EXPECT_EQ(courier->affiliation, "");
  ASSERT_FALSE(tfn->cites.empty());
  EXPECT_EQ(tfn->cites[0], "the ministry");
}

TEST_F(ConsolidateTest, ResultDoesNotDependOnInputOrder) {
  auto docs = Corpus();
  Brief a = Consolidate(docs, *lex_, {});
  std::reverse(docs.begin(), docs.end());
  Brief b = Consolidate(docs, *lex_, {});
  ASSERT_EQ(a.timeline.size(), b.timeline.size());
  for (size_t i = 0; i < a.timeline.size(); ++i) {
    EXPECT_EQ(a.timeline[i].summary, b.timeline[i].summary);
    EXPECT_EQ(a.timeline[i].sources, b.timeline[i].sources);
  }
  ASSERT_EQ(a.claim_groups.size(), b.claim_groups.size());
  EXPECT_EQ(a.claim_groups[0].status, b.claim_groups[0].status);
}

TEST(FormatValueTest, OrdersOfMagnitudeStayWords) {
  // "thousands of shells" is stored as the range the word allows.
  EXPECT_EQ(FormatValue(1000, 999999, true, "", false), "thousands");
  EXPECT_EQ(FormatValue(10000, 99999, false, "", false), "tens of thousands");
  EXPECT_EQ(FormatValue(1000000, 999999999, false, "", true), "+millions");
  // A stated range keeps its digits.
  EXPECT_EQ(FormatValue(10000, 14000, false, "", false), "10,000–14,000");
  EXPECT_EQ(FormatValue(1000, 9999, true, "", false), "about 1,000–9,999");
}

TEST(FormatGroupRangeTest, MagnitudeEndsStayWords) {
  ClaimGroup g;
  auto add = [&](double lo, double hi) {
    ClaimValueEntry v;
    v.min = lo;
    v.max = hi;
    g.values.push_back(v);
    g.range_min = g.range_min ? std::min(*g.range_min, lo) : lo;
    g.range_max = g.range_max ? std::max(*g.range_max, hi) : hi;
  };
  EXPECT_EQ(FormatGroupRange(g), "none");
  add(1000, 999999);  // "thousands of shells"
  EXPECT_EQ(FormatGroupRange(g), "thousands");
  add(1000000, 999999999);  // "millions of shells"
  EXPECT_EQ(FormatGroupRange(g), "thousands–millions");
  ClaimGroup mixed;
  g = mixed;
  add(5000, 5000);
  add(1000000, 999999999);
  EXPECT_EQ(FormatGroupRange(g), "5,000–millions");
  g = mixed;
  add(10000, 14000);
  add(12000, 15000);
  EXPECT_EQ(FormatGroupRange(g), "10,000–15,000");
}

}  // namespace
}  // namespace sitrep::report
