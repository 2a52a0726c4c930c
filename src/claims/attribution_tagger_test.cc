#include "claims/attribution_tagger.h"

#include <gtest/gtest.h>

#include "claims/doc_view.h"
#include "claims/test_util.h"

namespace sitrep::claims {
namespace {

using testing::AddEntity;
using testing::AddTimex;
using testing::MakeDoc;
using testing::SetPosTags;

class AttributionTaggerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto t = AttributionTagger::Create();
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    tagger_ = std::move(*t);
  }
  std::vector<Attribution> Tag(Document* doc) {
    EXPECT_TRUE(tagger_->Annotate(doc, {}).ok());
    return doc->attributions;
  }
  std::vector<Attribution> Tag(std::string text) {
    Document doc = MakeDoc(std::move(text));
    return Tag(&doc);
  }
  std::unique_ptr<AttributionTagger> tagger_;
};

TEST_F(AttributionTaggerTest, AccordingToWithActor) {
  Document doc = MakeDoc("Two bridges were destroyed, according to Ukraine's General Staff.");
  AddEntity(&doc, "Ukraine", "GPE", "ukraine@UA");
  AddEntity(&doc, "General Staff", "ORG", "general-staff@UA");
  auto a = Tag(&doc);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].cue, "according to");
  EXPECT_EQ(a[0].source_text, "Ukraine's General Staff");
  EXPECT_EQ(a[0].source_actor, "general-staff@UA");
  EXPECT_EQ(doc.SpanText(a[0].start, a[0].end), "according to Ukraine's General Staff");
}

TEST_F(AttributionTaggerTest, SubjectOfReportingVerb) {
  auto a = Tag("The regional governor said on Sunday that power was restored.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].cue, "said");
  EXPECT_EQ(a[0].source_text, "The regional governor");
}

TEST_F(AttributionTaggerTest, RelativeClauseSubject) {
  auto a = Tag("The report came from Defence Minister Anna Berg, who said the drills would end.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].source_text, "Defence Minister Anna Berg");
}

TEST_F(AttributionTaggerTest, PronounSpeakerIsThePersonJustNamed) {
  Document doc = MakeDoc(
      "Mr Varadkar said: \xE2\x80\x9CWe will help.\xE2\x80\x9D\n\n"
      "Mr Zelensky thanked the people of Ireland for their support.\n\n"
      "\xE2\x80\x9CThis is very important,\xE2\x80\x9D he said.");
  AddEntity(&doc, "Varadkar", "PERSON", "leo-varadkar@IE");
  AddEntity(&doc, "Zelensky", "PERSON", "volodymyr-zelensky@UA");
  AddEntity(&doc, "Ireland", "GPE", "ireland@IE");
  auto a = Tag(&doc);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[1].source_actor, "volodymyr-zelensky@UA");

  // With no person named since, "he" is the last named source.
  Document same = MakeDoc(
      "Mr Varadkar said: \xE2\x80\x9CWe will help.\xE2\x80\x9D\n\n"
      "The visit lasted a day.\n\n"
      "\xE2\x80\x9CThis is very important,\xE2\x80\x9D he said.");
  AddEntity(&same, "Varadkar", "PERSON", "leo-varadkar@IE");
  auto b = Tag(&same);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[1].source_text, b[0].source_text);
}

TEST_F(AttributionTaggerTest, InvertedAfterQuote) {
  auto a = Tag("\xE2\x80\x9CWe will not retreat,\xE2\x80\x9D said the commander.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].source_text, "the commander");
}

TEST_F(AttributionTaggerTest, InvertedAfterSingleOrDoubledSingleQuotes) {
  // British copy quotes with single marks; scraped pages double them.
  for (const char* text : {"\xE2\x80\x98We will not retreat,\xE2\x80\x99 said Colonel Brandt.",
                           "''We will not retreat,'' said Colonel Brandt.",
                           "\xE2\x80\x98\xE2\x80\x98We will not retreat,\xE2\x80\x99"
                           "\xE2\x80\x99 said Colonel Brandt."}) {
    auto a = Tag(text);
    ASSERT_EQ(a.size(), 1u) << text;
    EXPECT_EQ(a[0].source_text, "Colonel Brandt") << text;
  }
}

TEST_F(AttributionTaggerTest, ApostropheIsNoQuote) {
  Document doc = MakeDoc("The soldiers' families said 'enough' on Monday.");
  DocView v(doc);
  std::vector<size_t> open, close;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v.IsOpenQuote(i)) open.push_back(i);
    if (v.IsCloseQuote(i)) close.push_back(i);
  }
  ASSERT_EQ(open.size(), 1u);
  ASSERT_EQ(close.size(), 1u);
  EXPECT_EQ(v.word(open[0] + 1), "enough");
  EXPECT_EQ(v.word(close[0] - 1), "enough");
}

TEST_F(AttributionTaggerTest, ReportOwnerAfterItsParticipleAndDate) {
  Document doc = MakeDoc(
      "The number rose to 110 million, according to a report released on Wednesday by UNHCR.");
  ASSERT_TRUE(SetPosTags(&doc, "DT NN VBD TO CD CD , VBG TO DT NN VBN IN NNP IN NNP ."));
  AddTimex(&doc, "Wednesday", "2023-06-14");
  AddEntity(&doc, "UNHCR", "ORG", "unhcr");
  auto a = Tag(&doc);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].source_text, "UNHCR");
  EXPECT_EQ(a[0].source_actor, "unhcr");
  EXPECT_EQ(a[0].cue, "according to report");
}

TEST_F(AttributionTaggerTest, ParticipleSpeaksForTheSentenceSubject) {
  Document doc = MakeDoc(
      "Yevgeny Prigozhin posted a video on Telegram, saying he had 25,000 fighters. "
      "Reserves are low, saying nothing. It also lists 75 cases by Ukrainian forces, saying "
      "most were unlawful. \"We lost 20 tanks,\" Colonel Ostap Hal said, noting that Russia "
      "lost more.");
  AddEntity(&doc, "Yevgeny Prigozhin", "PERSON", "yevgeny-prigozhin@RU");
  AddEntity(&doc, "Telegram", "ORG", "telegram");
  AddEntity(&doc, "Ukrainian", "NORP", "ukraine@UA");
  AddEntity(&doc, "Ostap Hal", "PERSON", "ostap-hal");
  AddEntity(&doc, "Russia", "GPE", "russia@RU", doc.text.find("Russia "));
  auto a = Tag(&doc);
  // The report's own subject is no name; the colonel already speaks.
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].cue, "saying");
  EXPECT_EQ(a[0].source_text, "Yevgeny Prigozhin");
  EXPECT_EQ(a[1].cue, "said");
}

TEST_F(AttributionTaggerTest, CitingChain) {
  auto a = Tag("The convoy was hit twice, reports Reuters, citing the Red Cross office in Gaza.");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].source_text, "Reuters");
  EXPECT_EQ(a[1].cue, "citing");
  EXPECT_EQ(a[1].source_text, "the Red Cross office");
  EXPECT_EQ(a[0].via, a[1].id);
}

TEST_F(AttributionTaggerTest, ToldIsAChain) {
  auto a = Tag("A senior diplomat told Reuters the talks had stalled.");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].source_text, "A senior diplomat");
  EXPECT_EQ(a[1].source_text, "Reuters");
  EXPECT_EQ(a[1].via, a[0].id);
}

TEST_F(AttributionTaggerTest, ReportNounAsSubject) {
  auto a = Tag("Western intelligence estimates suggest that the brigade lost half its tanks.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].cue, "estimates suggest");
  EXPECT_EQ(a[0].source_text, "Western intelligence estimates");
}

TEST_F(AttributionTaggerTest, ReportsFrom) {
  auto a = Tag("Nine died, including reports from local officials of a second blast.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].cue, "reports from");
  EXPECT_EQ(a[0].source_text, "local officials");
  a = Tag("The toll rose to nine, according to reports from local officials.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].cue, "according to reports");
  EXPECT_EQ(a[0].source_text, "local officials");
}

TEST_F(AttributionTaggerTest, PassiveWithChannelAndAgent) {
  auto a = Tag("The losses, reported to the Kyiv Independent by two military sources, were heavy.");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].source_text, "the Kyiv Independent");
  EXPECT_EQ(a[1].source_text, "two military sources");
  EXPECT_EQ(a[0].via, a[1].id);
}

TEST_F(AttributionTaggerTest, PronounTakesLastNamedSource) {
  auto a = Tag("Mayor Lina Holt said the shelter was full. She said more buses were coming.");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[1].source_text, "Mayor Lina Holt");
}

TEST_F(AttributionTaggerTest, NoCueNoAttribution) {
  EXPECT_TRUE(Tag("Heavy rain fell over the port on Tuesday.").empty());
  // A capitalized cue word is part of a name.
  EXPECT_TRUE(Tag("Officials of the United States met.").empty());
}

TEST_F(AttributionTaggerTest, CitingParentheticalBetweenSubjectAndVerb) {
  // The subject before ", citing X," relays X; "reported that" introduces a
  // clause, not a source after the verb.
  auto a =
      Tag("The Kyiv Independent, citing the General Staff, reported that Russia lost 90 tanks.");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].source_text, "the General Staff");
  EXPECT_EQ(a[1].source_text, "The Kyiv Independent");
  EXPECT_EQ(a[1].via, a[0].id);
}

TEST_F(AttributionTaggerTest, CitingParentheticalWithALongerSource) {
  auto a =
      Tag("Ukrainska Pravda, citing sources in the Defence Intelligence of Ukraine, reported that "
          "two Russian ships were hit overnight.");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].source_text, "sources in the Defence Intelligence of Ukraine");
  EXPECT_EQ(a[1].source_text, "Ukrainska Pravda");
  EXPECT_EQ(a[1].via, a[0].id);
  // Without the comma before the cue it is an ordinary "X reported that".
  auto b = Tag("Ukrainska Pravda reported that two Russian ships were hit.");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].source_text, "Ukrainska Pravda");
  EXPECT_TRUE(b[0].via.empty());
}

TEST_F(AttributionTaggerTest, HeWithNoSourceBeforeIsThePersonNamedInItsSentence) {
  Document doc = MakeDoc(
      "Peskov said the drills were ordered. Macron last week proposed sending troops, as he "
      "warned of the risks.");
  AddEntity(&doc, "Peskov", "PERSON", "dmitry-peskov@RU");
  AddEntity(&doc, "Macron", "PERSON", "emmanuel-macron@FR");
  auto a = Tag(&doc);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[1].source_text, "Macron");
  EXPECT_EQ(a[1].source_actor, "emmanuel-macron@FR");
  // With no person in its sentence, "he" is the last named source.
  Document d2 = MakeDoc("Peskov said the drills were ordered. He added that they were routine.");
  AddEntity(&d2, "Peskov", "PERSON", "dmitry-peskov@RU");
  auto b = Tag(&d2);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[1].source_text, "Peskov");
}

TEST_F(AttributionTaggerTest, ADeadlineAfterByIsNoAgent) {
  Document doc =
      MakeDoc("The Aid Council said at least 900 people had fled the valley by Friday evening.");
  ASSERT_TRUE(SetPosTags(&doc, "DT NNP NNP VBD IN JJS CD NNS VBD VBN DT NN IN NNP NN ."));
  AddTimex(&doc, "Friday evening", "2026-03-06TEV");
  auto a = Tag(&doc);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].source_text, "The Aid Council");
}

TEST_F(AttributionTaggerTest, SubjectBeforeAnAsideSpeaks) {
  Document report = MakeDoc(
      "The report, published by Amnesty International on Thursday, found that 200 civilians "
      "were killed.");
  ASSERT_TRUE(SetPosTags(&report, "DT NN , VBN IN NNP NNP IN NNP , VBD IN CD NNS VBD VBN ."));
  AddEntity(&report, "Amnesty International", "ORG", "amnesty-international");
  auto a = Tag(&report);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].source_text, "Amnesty International");

  Document person =
      MakeDoc("Zelensky, speaking in Kyiv on Monday, said 500 soldiers were captured.");
  ASSERT_TRUE(SetPosTags(&person, "NNP , NN IN NNP IN NNP , VBD CD NNS VBD VBN ."));
  AddEntity(&person, "Zelensky", "PERSON", "volodymyr-zelenskyy@UA");
  AddEntity(&person, "Kyiv", "GPE", "kyiv@UA");
  a = Tag(&person);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].source_text, "Zelensky");

  Document apposition = MakeDoc("Shoigu, the defence minister, said 300 tanks were lost.");
  ASSERT_TRUE(SetPosTags(&apposition, "NNP , DT NN NN , VBD CD NNS VBD VBN ."));
  AddEntity(&apposition, "Shoigu", "PERSON", "sergei-shoigu@RU");
  a = Tag(&apposition);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].source_text, "Shoigu");

  // A relative clause's verb speaks for nobody before it.
  Document relative = MakeDoc(
      "Australia gave $156m since the invasion in February, including $91m in aid, which was "
      "confirmed in the budget.");
  ASSERT_TRUE(SetPosTags(&relative,
                         "NNP VBD $ CD IN DT NN IN NNP , VBG $ CD IN NN , WDT VBD "
                         "VBN IN DT NN ."));
  for (const auto& x : Tag(&relative)) EXPECT_EQ(x.source_text, "");
}

}  // namespace
}  // namespace sitrep::claims
