// The acceptance checks on the seed articles in ../shared, run
// through the default stages. Skipped when ../shared is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline/stages.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

std::string SeedsDir() { return std::string(SITREP_SOURCE_DIR) + "/../shared/corpus/seeds"; }

class SeedsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(SeedsDir())) GTEST_SKIP() << "../shared absent";
    for (auto* f : {&MakeSegmenter, &MakePosTagger, &MakeTimexTagger, &MakeEntityTagger,
                    &MakeQuantityTagger, &MakeAttributionTagger, &MakeEventTagger}) {
      AnnotatorOr a = (*f)();
      // A stage of another module that cannot load its model is left out:
      // the claims stages degrade without it.
      if (a.ok() && *a) stages_.push_back(std::move(*a));
    }
  }
  Document Annotate(std::string_view prefix, std::string dct) {
    Document doc;
    for (const auto& entry : fs::directory_iterator(SeedsDir())) {
      if (entry.path().filename().string().rfind(prefix, 0) != 0) continue;
      std::ifstream in(entry.path());
      std::stringstream ss;
      ss << in.rdbuf();
      doc.text = ss.str();
    }
    AnnotateOptions o;
    o.dct = dct;
    doc.published.date = dct;
    for (const auto& s : stages_) EXPECT_TRUE(s->Annotate(&doc, o).ok()) << s->name();
    return doc;
  }
  static const Attribution* Attr(const Document& doc, const std::string& id) {
    for (const auto& a : doc.attributions) {
      if (a.id == id) return &a;
    }
    return nullptr;
  }
  static const Timex* Time(const Document& doc, const std::string& id) {
    for (const auto& t : doc.timexes) {
      if (t.id == id) return &t;
    }
    return nullptr;
  }
  // The first claim whose measure contains `measure` and whose min is `min`.
  static const Claim* FindClaim(const Document& doc, std::string_view measure, double min) {
    for (const auto& c : doc.claims) {
      if (c.measure.find(measure) != std::string::npos && c.value.min && *c.value.min == min) {
        return &c;
      }
    }
    return nullptr;
  }
  static std::string SourceOf(const Document& doc, const Claim& c) {
    const Attribution* a = Attr(doc, c.attribution);
    return a ? a->source_text : "";
  }
  std::vector<std::unique_ptr<Annotator>> stages_;
};

TEST_F(SeedsTest, Seed000TroopsCasualtiesAndArtilleryShare) {
  Document doc = Annotate("000_", "2025-04-29");
  const Claim* troops = FindClaim(doc, "troops deployed", 10000);
  ASSERT_NE(troops, nullptr);
  EXPECT_EQ(troops->subject, "north-korea@KP");
  EXPECT_EQ(*troops->value.max, 14000);
  EXPECT_EQ(SourceOf(doc, *troops), "Intelligence estimates");
  EXPECT_EQ(troops->modality, "estimated");

  const Claim* losses = FindClaim(doc, "killed or wounded", 4000);
  ASSERT_NE(losses, nullptr);
  EXPECT_EQ(losses->subject, "north-korea@KP");
  EXPECT_TRUE(losses->value.approx);
  EXPECT_EQ(SourceOf(doc, *losses), "South Korean intelligence");

  const Claim* share = FindClaim(doc, "share of artillery", 70);
  ASSERT_NE(share, nullptr);
  EXPECT_TRUE(share->value.approx);
  EXPECT_EQ(share->modality, "estimated");
}

TEST_F(SeedsTest, Seed000CeasefireAnnouncedAndPlanned) {
  Document doc = Annotate("000_", "2025-04-29");
  bool planned_ceasefire = false, announced_on_28 = false;
  for (const auto& e : doc.events) {
    const Timex* t = Time(doc, e.time);
    if (t == nullptr) continue;
    std::string when = t->range_begin.empty() ? t->value : t->range_begin;
    if (e.subtype == "ceasefire" && when.rfind("2025-05-0", 0) == 0 && e.modality == "planned") {
      planned_ceasefire = true;
    }
    if (e.type == "STATEMENT" && t->value == "2025-04-28") announced_on_28 = true;
  }
  EXPECT_TRUE(planned_ceasefire);
  EXPECT_TRUE(announced_on_28);
}

TEST_F(SeedsTest, Seed002TreatySigningAndIntelligenceFigures) {
  Document doc = Annotate("002_", "2025-04-30");
  bool signed_june_19 = false;
  for (const auto& e : doc.events) {
    const Timex* t = Time(doc, e.time);
    if (e.type == "AGREE" && e.subtype == "sign" && t && t->value == "2024-06-19") {
      signed_june_19 = true;
    }
  }
  EXPECT_TRUE(signed_june_19);
  // A claim, not only an event: the treaty signed on that day.
  bool treaty_claim = false;
  for (const auto& c : doc.claims) {
    const Timex* t = Time(doc, c.time);
    treaty_claim |= c.measure == "treaty signed" && t && t->value == "2024-06-19";
  }
  EXPECT_TRUE(treaty_claim);
  const Claim* fall = FindClaim(doc, "troops", 10000);
  ASSERT_NE(fall, nullptr);
  EXPECT_FALSE(fall->value.max.has_value());  // "over 10,000"
  EXPECT_NE(SourceOf(doc, *fall).find("National Intelligence Service"), std::string::npos);
  // "troops were sent to Russia": whose troops the text said earlier ("the
  // deployment of DPRK troops"), as the id the entity linker gives the
  // country, so that it groups with the other documents' figures.
  EXPECT_EQ(fall->subject, "north-korea@KP");
  EXPECT_EQ(fall->measure, "troops deployed");
  const Claim* winter = FindClaim(doc, "troops", 3000);
  ASSERT_NE(winter, nullptr);
  EXPECT_EQ(winter->subject, "north-korea@KP");
  const Timex* wt = Time(doc, winter->time);
  ASSERT_NE(wt, nullptr);
  EXPECT_EQ(wt->value, "2025-WI");  // "another 3,000 in the winter of 2025"
  bool increment = false;
  for (const auto& q : doc.quantities) increment |= q.increment && q.min && *q.min == 3000;
  EXPECT_TRUE(increment);
}

TEST_F(SeedsTest, Seed003OpenSourceEstimate) {
  Document doc = Annotate("003_", "2026-01-05");
  const Claim* c = FindClaim(doc, "personnel", 10000);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->subject, "north-korea@KP");
  EXPECT_EQ(*c->value.max, 15000);
  EXPECT_NE(SourceOf(doc, *c).find("assessments"), std::string::npos);
  EXPECT_EQ(c->modality, "estimated");
}

TEST_F(SeedsTest, Seed004OfficersChainsHedgeAndDenials) {
  Document doc = Annotate("004_", "2024-10-20");
  const Claim* killed = FindClaim(doc, "officers killed", 6);
  ASSERT_NE(killed, nullptr);
  EXPECT_EQ(killed->modality, "hedged");  // "reportedly"
  EXPECT_NE(SourceOf(doc, *killed).find("Ukrainian sources"), std::string::npos);
  const Claim* injured = FindClaim(doc, "officers wounded", 3);
  ASSERT_NE(injured, nullptr);
  EXPECT_EQ(injured->subject, "north-korea@KP");
  EXPECT_NE(SourceOf(doc, *injured).find("Telegram channel"), std::string::npos);
  // The anonymous sources reached readers through the Kyiv Post.
  bool chain = false;
  for (const auto& a : doc.attributions) {
    const Attribution* next = Attr(doc, a.via);
    if (next && a.source_text.find("Kyiv Post") != std::string::npos &&
        next->source_text == "anonymous intelligence sources") {
      chain = true;
    }
  }
  EXPECT_TRUE(chain);
  // The minister's "highly likely".
  bool minister = false;
  for (const auto& c : doc.claims) {
    const Timex* t = Time(doc, c.time);
    if (c.measure == "officers killed" && c.modality == "hedged" &&
        SourceOf(doc, c).find("Kim Yong-hyun") != std::string::npos && t &&
        t->value.rfind("2024-10-03", 0) == 0) {
      minister = true;
    }
  }
  EXPECT_TRUE(minister);
  // "Despite official denials from both the Russian and North Korean sides".
  bool denials = false;
  for (const auto& e : doc.events) denials |= e.type == "REJECT" && e.subtype == "deny";
  EXPECT_TRUE(denials);
  // Figures that are not counts give no claim: no year, no "1991 agreement".
  for (const auto& c : doc.claims) {
    if (c.value.min) EXPECT_LT(*c.value.min, 1900) << c.measure;
  }
}

}  // namespace
}  // namespace sitrep
