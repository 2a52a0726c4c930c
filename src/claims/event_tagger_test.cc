#include "claims/event_tagger.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "claims/attribution_tagger.h"
#include "claims/quantity_tagger.h"
#include "claims/test_util.h"

namespace sitrep::claims {
namespace {

using testing::AddEntity;
using testing::AddTimex;
using testing::MakeDoc;
using testing::SetPosTags;

class EventTaggerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto q = QuantityTagger::Create();
    auto a = AttributionTagger::Create();
    auto e = EventTagger::Create();
    ASSERT_TRUE(q.ok() && a.ok() && e.ok());
    quantities_ = std::move(*q);
    attributions_ = std::move(*a);
    events_ = std::move(*e);
  }
  void Run(Document* doc) {
    AnnotateOptions o;
    ASSERT_TRUE(quantities_->Annotate(doc, o).ok());
    ASSERT_TRUE(attributions_->Annotate(doc, o).ok());
    ASSERT_TRUE(events_->Annotate(doc, o).ok());
  }
  // Sets the part-of-speech tags of the document's tokens, in order, from
  // a space-separated list (as the POS stage would).
  const EventMention* FindEvent(const Document& doc, std::string_view type) {
    for (const auto& e : doc.events) {
      if (e.type == type) return &e;
    }
    return nullptr;
  }
  std::unique_ptr<QuantityTagger> quantities_;
  std::unique_ptr<AttributionTagger> attributions_;
  std::unique_ptr<EventTagger> events_;
};

TEST_F(EventTaggerTest, DeploymentClaimWithAttributionAndTime) {
  Document doc = MakeDoc(
      "Western officials estimated that Belarus had deployed about 4,000 Belarusian troops "
      "to the border in March.");
  AddEntity(&doc, "Belarus", "GPE", "belarus@BY");
  AddEntity(&doc, "Belarusian", "NORP", "belarus@BY", 60);
  std::string t = AddTimex(&doc, "March", "2025-03");
  Run(&doc);
  const EventMention* ev = FindEvent(doc, "MOBILIZE");
  ASSERT_NE(ev, nullptr);
  EXPECT_EQ(ev->subtype, "deploy");
  EXPECT_EQ(ev->cameo, "15");
  EXPECT_EQ(ev->actor, "e1");
  EXPECT_EQ(ev->time, t);
  EXPECT_EQ(ev->time_source, "timex");
  EXPECT_EQ(ev->modality, "estimated");
  ASSERT_EQ(ev->quantities.size(), 1u);
  ASSERT_EQ(doc.claims.size(), 1u);
  const Claim& c = doc.claims[0];
  EXPECT_EQ(c.subject, "belarus@BY");
  EXPECT_EQ(c.measure, "troops deployed");
  EXPECT_EQ(*c.value.min, 4000);
  EXPECT_TRUE(c.value.approx);
  EXPECT_EQ(c.event, ev->id);
  EXPECT_EQ(c.attribution, doc.attributions[0].id);
  EXPECT_EQ(c.modality, "estimated");
}

TEST_F(EventTaggerTest, CoordinatedCasualtiesAndHedge) {
  Document doc =
      MakeDoc("Some 300 Wagner fighters were reportedly killed or wounded near Bakhmut.");
  AddEntity(&doc, "Wagner", "ORG", "wagner-group@RU");
  AddEntity(&doc, "Bakhmut", "GPE", "bakhmut@UA");
  Run(&doc);
  const EventMention* ev = FindEvent(doc, "CASUALTIES");
  ASSERT_NE(ev, nullptr);
  EXPECT_EQ(ev->modality, "hedged");
  EXPECT_EQ(ev->location, "e2");
  EXPECT_EQ(ev->time_source, "reported");
  ASSERT_FALSE(doc.claims.empty());
  EXPECT_EQ(doc.claims[0].measure, "fighters killed or wounded");
  EXPECT_EQ(doc.claims[0].subject, "wagner-group@RU");
}

TEST_F(EventTaggerTest, PlannedByCueAndByFutureDate) {
  Document doc = MakeDoc(
      "On Monday the president announced a truce, set to begin on June 2. "
      "Both sides will hold talks in Geneva.");
  AddEntity(&doc, "Geneva", "GPE", "geneva@CH");
  AddTimex(&doc, "Monday", "2025-04-28");
  AddTimex(&doc, "June 2", "2025-06-02");
  Run(&doc);
  const EventMention* truce = FindEvent(doc, "CONCEDE");
  ASSERT_NE(truce, nullptr);
  EXPECT_EQ(truce->subtype, "ceasefire");
  EXPECT_EQ(truce->modality, "planned");
  EXPECT_EQ(truce->time, "t2");
  const EventMention* announce = FindEvent(doc, "STATEMENT");
  ASSERT_NE(announce, nullptr);
  EXPECT_EQ(announce->time, "t1");
  EXPECT_EQ(announce->modality, "asserted");
  const EventMention* talks = FindEvent(doc, "CONSULT");
  ASSERT_NE(talks, nullptr);
  EXPECT_EQ(talks->modality, "planned");
  EXPECT_EQ(talks->location, "e1");
}

TEST_F(EventTaggerTest, NegatedAndDenied) {
  Document doc =
      MakeDoc("The army did not withdraw from the town. Minsk denied that it had sent troops.");
  AddEntity(&doc, "Minsk", "GPE", "belarus@BY");
  Run(&doc);
  const EventMention* retreat = FindEvent(doc, "RETREAT");
  ASSERT_NE(retreat, nullptr);
  EXPECT_EQ(retreat->modality, "negated");
  const EventMention* deny = FindEvent(doc, "REJECT");
  ASSERT_NE(deny, nullptr);
  EXPECT_EQ(deny->actor, "e1");
  const EventMention* sent = FindEvent(doc, "MOBILIZE");
  ASSERT_NE(sent, nullptr);
  EXPECT_EQ(sent->modality, "denied");
}

TEST_F(EventTaggerTest, SendChoosesReadingByWhatIsSent) {
  Document doc = MakeDoc("Oslo will send artillery shells. Rome sent 200 soldiers.");
  Run(&doc);
  ASSERT_EQ(doc.events.size(), 2u);
  EXPECT_EQ(doc.events[0].type, "AID");
  EXPECT_EQ(doc.events[1].type, "MOBILIZE");
}

TEST_F(EventTaggerTest, SpeakerCarriedAcrossQuote) {
  Document doc = MakeDoc(
      "\xE2\x80\x9CThe enemy shelled the station overnight. Three workers were killed,\xE2\x80\x9D "
      "the governor said.");
  Run(&doc);
  const EventMention* shell = FindEvent(doc, "ASSAULT");
  ASSERT_NE(shell, nullptr);
  EXPECT_FALSE(shell->attribution.empty());
  EXPECT_EQ(shell->modality, "reported");
}

TEST_F(EventTaggerTest, QuotedParagraphContinuesThePreviousSpeaker) {
  Document doc = MakeDoc(
      "\xE2\x80\x9CThe station is closed,\xE2\x80\x9D the governor said on Monday.\n\n"
      "\xE2\x80\x9CThe enemy shelled the station overnight. We are repairing it.\xE2\x80\x9D\n\n"
      "The army shelled the depot on Tuesday.");
  Run(&doc);
  std::vector<const EventMention*> shelled;
  for (const auto& e : doc.events) {
    if (e.type == "ASSAULT") shelled.push_back(&e);
  }
  ASSERT_EQ(shelled.size(), 2u);
  // The second paragraph is all quotation: the governor's.
  EXPECT_FALSE(shelled[0]->attribution.empty());
  EXPECT_EQ(shelled[0]->modality, "reported");
  // The third is the reporter's own.
  EXPECT_TRUE(shelled[1]->attribution.empty());
  EXPECT_EQ(shelled[1]->modality, "asserted");
}

TEST_F(EventTaggerTest, AgreementSignedOnDate) {
  Document doc = MakeDoc("On March 3, 2025, Armenia and Azerbaijan signed a peace treaty.");
  AddEntity(&doc, "Armenia", "GPE", "armenia@AM");
  AddEntity(&doc, "Azerbaijan", "GPE", "azerbaijan@AZ");
  AddTimex(&doc, "March 3, 2025", "2025-03-03");
  Run(&doc);
  const EventMention* sign = FindEvent(doc, "AGREE");
  ASSERT_NE(sign, nullptr);
  EXPECT_EQ(sign->subtype, "sign");
  EXPECT_EQ(sign->time, "t1");
  // Both parties: the first conjunct acts, the other is the counterpart.
  EXPECT_EQ(sign->actor, doc.entities[0].id);
  EXPECT_EQ(sign->target, doc.entities[1].id);
  ASSERT_EQ(doc.claims.size(), 1u);
  EXPECT_EQ(doc.claims[0].measure, "treaty signed");
  EXPECT_EQ(doc.claims[0].subject, "armenia@AM");
}

TEST_F(EventTaggerTest, CoordinatedAttackersAreNotCounterparts) {
  Document doc = MakeDoc("Russia and Belarus attacked Ukraine on Monday.");
  AddEntity(&doc, "Russia", "GPE", "russia@RU");
  AddEntity(&doc, "Belarus", "GPE", "belarus@BY");
  AddEntity(&doc, "Ukraine", "GPE", "ukraine@UA");
  Run(&doc);
  const EventMention* attack = FindEvent(doc, "ASSAULT");
  ASSERT_NE(attack, nullptr);
  EXPECT_EQ(attack->target, doc.entities[2].id);
}

TEST_F(EventTaggerTest, EmptyDocument) {
  Document doc = MakeDoc("");
  Run(&doc);
  EXPECT_TRUE(doc.events.empty());
  EXPECT_TRUE(doc.claims.empty());
}

TEST_F(EventTaggerTest, FigureGoesToTheTriggerItIsAnArgumentOf) {
  // "attack" stands nearer to the figure than "lost", but the figures are
  // the objects of "lost"; the list shares it.
  Document doc = MakeDoc(
      "After the attack, officials said Russia has lost nearly 24,000 soldiers, more than "
      "1,000 tanks, and around 500 artillery systems.");
  AddEntity(&doc, "Russia", "GPE", "russia@RU");
  Run(&doc);
  std::vector<std::string> measures;
  for (const auto& c : doc.claims) {
    if (c.value.min || c.value.max) measures.push_back(c.measure);
  }
  EXPECT_EQ(measures,
            (std::vector<std::string>{"soldiers lost", "tanks lost", "artillery systems lost"}));
}

TEST_F(EventTaggerTest, FigureNearATriggerButNotItsArgumentHasNoEvent) {
  Document doc = MakeDoc("The attack came as 27 countries met in Brussels.");
  Run(&doc);
  for (const auto& c : doc.claims) EXPECT_EQ(c.measure.find("attacked"), std::string::npos);
}

TEST_F(EventTaggerTest, ConditionalIsHedged) {
  Document doc = MakeDoc("If talks fail, Russia would send 5,000 troops to the border.");
  AddEntity(&doc, "Russia", "GPE", "russia@RU");
  Run(&doc);
  ASSERT_FALSE(doc.claims.empty());
  EXPECT_EQ(doc.claims[0].measure, "troops deployed");
  EXPECT_EQ(doc.claims[0].modality, "hedged");
}

TEST_F(EventTaggerTest, ConditionalOrDeliberatedEventGivesNoDatedClaim) {
  // A condition after the event, in its clause.
  Document cond = MakeDoc(
      "On Monday the Commission prepared sanctions on Belarusian banks if Minsk sends troops.",
      "2023-03-08");
  AddEntity(&cond, "Commission", "ORG", "european-commission");
  AddEntity(&cond, "Belarusian", "NORP", "belarus@BY");
  AddEntity(&cond, "Minsk", "GPE", "minsk@BY");
  AddTimex(&cond, "Monday", "2023-03-06");
  Run(&cond);
  for (const auto& c : cond.claims) ADD_FAILURE() << c.measure << "|" << c.subject;

  // Still weighed.
  Document weigh =
      MakeDoc("On Monday the Senate weighed whether to impose sanctions on Minsk.", "2023-03-08");
  AddEntity(&weigh, "Senate", "ORG", "us-senate@US");
  AddEntity(&weigh, "Minsk", "GPE", "minsk@BY");
  AddTimex(&weigh, "Monday", "2023-03-06");
  Run(&weigh);
  for (const auto& c : weigh.claims) ADD_FAILURE() << c.measure << "|" << c.subject;

  // A condition on an event still to come makes a plan, not a fact.
  Document plan =
      MakeDoc("If Russia sought peace, a ceasefire should start on May 8.", "2025-04-29");
  AddEntity(&plan, "Russia", "GPE", "russia@RU");
  AddTimex(&plan, "May 8", "2025-05-08");
  Run(&plan);
  ASSERT_EQ(plan.events.size(), 1u);
  EXPECT_EQ(plan.events[0].modality, "planned");
  for (const auto& c : plan.claims) ADD_FAILURE() << c.measure << "|" << c.subject;

  // The same event, done, is a claim.
  Document done =
      MakeDoc("On Monday the Senate imposed sanctions on Belarusian banks.", "2023-03-08");
  AddEntity(&done, "Senate", "ORG", "us-senate@US");
  AddEntity(&done, "Belarusian", "NORP", "belarus@BY");
  AddTimex(&done, "Monday", "2023-03-06");
  Run(&done);
  EXPECT_EQ(done.claims.size(), 1u);
}

TEST_F(EventTaggerTest, LinkingVerbsAndRaisingCuesPassOnToTheParticiple) {
  Document linked = MakeDoc("At the end of the year, 4.2 million Moldovans remained displaced.");
  ASSERT_TRUE(SetPosTags(&linked, "IN DT NN IN DT NN , CD CD NNPS VBD JJ ."));
  Run(&linked);
  ASSERT_EQ(linked.claims.size(), 1u);
  EXPECT_EQ(linked.claims[0].measure, "moldovans displaced");

  Document raised = MakeDoc("About 500 fighters are believed to be trapped in the plant.");
  ASSERT_TRUE(SetPosTags(&raised, "RB CD NNS VBP VBN TO VB VBN IN DT NN ."));
  Run(&raised);
  ASSERT_EQ(raised.claims.size(), 1u);
  EXPECT_EQ(raised.claims[0].measure, "fighters trapped");
  EXPECT_EQ(raised.claims[0].modality, "hedged");
  // Believed by nobody named: the fighters are no source.
  ASSERT_EQ(raised.attributions.size(), 1u);
  EXPECT_EQ(raised.attributions[0].source_text, "");
}

TEST_F(EventTaggerTest, AChangeByAFigureIsMeasuredAndFramedInItsOwnClause) {
  Document doc = MakeDoc(
      "At least 190 children have been killed in Darfur, and the number of hungry people is "
      "estimated to rise by more than 2 million.");
  ASSERT_TRUE(SetPosTags(
      &doc,
      "IN JJS CD NNS VBP VBN VBN IN NNP , CC DT NN IN JJ NNS VBZ VBN TO VB IN JJR IN CD CD ."));
  AddEntity(&doc, "Darfur", "GPE", "darfur@SD");
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 2u);
  EXPECT_EQ(doc.claims[0].measure, "children killed");
  EXPECT_EQ(doc.claims[0].modality, "asserted");
  EXPECT_EQ(doc.claims[1].measure, "hungry people rise");
  EXPECT_EQ(*doc.claims[1].value.min, 2000000);
  EXPECT_EQ(doc.claims[1].modality, "estimated");
  // "by more than 2 million" is an amount, not the one who estimates.
  for (const auto& a : doc.attributions) EXPECT_EQ(a.source_text, "") << a.cue;
}

TEST_F(EventTaggerTest, AQuotationWithNoSpeakerQuotesTheSourceJustNamed) {
  Document doc = MakeDoc(
      "The agency said the crisis was the largest in Europe. By December, "
      "\xE2\x80\x9C"
      "4.2 million Moldovans were displaced, and 1.1 million refugees fled abroad,"
      "\xE2\x80\x9D a record. Officials called it a \xE2\x80\x9C"
      "grave crisis\xE2\x80\x9D in which 300 schools closed.");
  ASSERT_TRUE(SetPosTags(&doc,
                         "DT NN VBD DT NN VBD DT JJS IN NNP . "
                         "IN NNP , `` CD CD NNPS VBD VBN , CC CD CD NNS VBD RB , '' DT NN . "
                         "NNS VBD PRP DT `` JJ NN '' IN WDT CD NNS VBD ."));
  Run(&doc);
  ASSERT_EQ(doc.attributions.size(), 1u);
  ASSERT_EQ(doc.claims.size(), 3u);
  EXPECT_EQ(doc.claims[0].attribution, doc.attributions[0].id);
  EXPECT_EQ(doc.claims[1].attribution, doc.attributions[0].id);
  // A quoted phrase is the writer's own sentence.
  EXPECT_EQ(doc.claims[2].attribution, "");
}

TEST_F(EventTaggerTest, CoordinatedVerbSharesTheSubjectAndNamesItsObject) {
  Document doc = MakeDoc(
      "On Monday, Foreign Minister Lina Varga blamed Moscow for the war in Georgia and "
      "criticized the West for its sanctions.",
      "2023-05-10");
  ASSERT_TRUE(SetPosTags(&doc,
                         "IN NNP , NNP NNP NNP NNP VBD NNP IN DT NN IN NNP CC VBD DT NNP IN "
                         "PRP$ NNS ."));
  AddEntity(&doc, "Lina Varga", "PERSON", "lina-varga@HU");
  AddEntity(&doc, "Moscow", "GPE", "moscow@RU");
  AddEntity(&doc, "Georgia", "GPE", "georgia@GE");
  AddTimex(&doc, "Monday", "2023-05-08");
  Run(&doc);
  std::vector<std::string> got;
  for (const auto& c : doc.claims) got.push_back(c.subject + "|" + c.measure);
  EXPECT_NE(std::find(got.begin(), got.end(), "lina-varga@HU|moscow blamed"), got.end());
  // Georgia, named after "the war in", is not who criticized.
  EXPECT_NE(std::find(got.begin(), got.end(), "lina-varga@HU|west criticized"), got.end());
  for (const auto& c : doc.claims) EXPECT_NE(c.subject, "georgia@GE") << c.measure;
}

TEST_F(EventTaggerTest, DurationsTiedToWhatTheyMeasureAreClaims) {
  Document doc = MakeDoc(
      "The first round of talks lasted more than five hours on Monday. After 18 months of war, "
      "the town held out. He had served for two years.",
      "2023-06-14");
  ASSERT_TRUE(SetPosTags(&doc,
                         "DT JJ NN IN NNS VBD JJR IN CD NNS IN NNP . IN CD NNS IN NN , DT NN "
                         "VBD RP . PRP VBD VBN IN CD NNS ."));
  AddTimex(&doc, "more than five hours", "PT5H", "DURATION");
  doc.timexes.back().mod = "MORE_THAN";
  std::string monday = AddTimex(&doc, "Monday", "2023-06-12");
  AddTimex(&doc, "18 months", "P18M", "DURATION");
  AddTimex(&doc, "two years", "P2Y", "DURATION");
  Run(&doc);
  std::vector<const Claim*> durations;
  for (const auto& c : doc.claims) {
    if (c.measure.find("duration") != std::string::npos) durations.push_back(&c);
  }
  // "served for two years" describes; no cue ties it to anything measured.
  // (A place in time is no duration: see OrdinalDayIsNoDuration.)
  ASSERT_EQ(durations.size(), 2u);
  EXPECT_EQ(durations[0]->measure, "talks duration in hours");
  EXPECT_EQ(*durations[0]->value.min, 5);
  EXPECT_FALSE(durations[0]->value.max);
  EXPECT_EQ(durations[0]->time, monday);
  EXPECT_EQ(durations[1]->measure, "war duration in months");
  EXPECT_EQ(*durations[1]->value.max, 18);
}

TEST_F(EventTaggerTest, AShareThatChangesMeasuresThePhraseBeforeIt) {
  Document doc = MakeDoc(
      "In 2023, the number of displaced people grew by 12%. The grain exports fell 30 percent.");
  ASSERT_TRUE(SetPosTags(&doc, "IN CD , DT NN IN JJ NNS VBD IN CD NN . DT NN NNS VBD CD NN ."));
  AddTimex(&doc, "2023", "2023");
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 2u);
  EXPECT_EQ(doc.claims[0].measure, "displaced people increase in percent");
  EXPECT_EQ(*doc.claims[0].value.min, 12);
  EXPECT_EQ(doc.claims[1].measure, "grain exports decrease in percent");
  EXPECT_EQ(*doc.claims[1].value.min, 30);

  // A level, not a change: "rose to", "stood at".
  Document level =
      MakeDoc("The birth rate rose to 16%. Unemployment in the region stood at 12 percent.");
  ASSERT_TRUE(SetPosTags(&level, "DT NN NN VBD TO CD NN . NN IN DT NN VBD IN CD NN ."));
  Run(&level);
  ASSERT_EQ(level.claims.size(), 2u);
  EXPECT_EQ(level.claims[0].measure, "birth rate in percent");
  EXPECT_EQ(level.claims[1].measure, "unemployment in percent");
  EXPECT_EQ(*level.claims[1].value.max, 12);
}

TEST_F(EventTaggerTest, DatedEventsWithoutAFigure) {
  // Ground taken; an attack placed by "near"; a text adopted.
  Document doc = MakeDoc(
      "Russian forces captured the town of Soledar on January 13. Ukraine launched a "
      "counteroffensive near Kherson on March 22. The General Assembly adopted a resolution "
      "condemning the invasion on March 3.",
      "2023-03-25");
  ASSERT_TRUE(SetPosTags(&doc,
                         "JJ NNS VBD DT NN IN NNP IN NNP CD . NNP VBD DT NN IN NNP IN NNP CD "
                         ". DT NNP NNP VBD DT NN VBG DT NN IN NNP CD ."));
  AddEntity(&doc, "Russian", "NORP", "russia@RU");
  AddEntity(&doc, "Soledar", "GPE", "soledar@UA");
  AddEntity(&doc, "Ukraine", "GPE", "ukraine@UA");
  AddEntity(&doc, "Kherson", "GPE", "kherson@UA");
  AddEntity(&doc, "General Assembly", "ORG", "un-general-assembly");
  AddTimex(&doc, "January 13", "2023-01-13");
  AddTimex(&doc, "March 22", "2023-03-22");
  AddTimex(&doc, "March 3", "2023-03-03");
  Run(&doc);
  std::vector<std::string> got;
  for (const auto& c : doc.claims) got.push_back(c.subject + "|" + c.measure);
  auto has = [&](const std::string& s) {
    return std::find(got.begin(), got.end(), s) != got.end();
  };
  EXPECT_TRUE(has("russia@RU|soledar captured"));
  EXPECT_TRUE(has("ukraine@UA|kherson attacked"));
  EXPECT_TRUE(has("un-general-assembly|resolution adopted"));
  EXPECT_TRUE(has("un-general-assembly|invasion condemned"));
  // The Assembly condemned the invasion; it did not invade.
  for (const auto& c : doc.claims) {
    EXPECT_FALSE(c.subject == "un-general-assembly" &&
                 c.measure.find("invaded") != std::string::npos);
  }
}

TEST_F(EventTaggerTest, AnEventNounUnderAVerbThatDoesNotDoItHasNoActorFromTheClause) {
  Document doc = MakeDoc(
      "On Sunday, Russia asked China to support the invasion of Ukraine. On Monday, Russia "
      "launched an invasion of Georgia.",
      "2022-03-15");
  ASSERT_TRUE(SetPosTags(&doc,
                         "IN NNP , NNP VBD NNP TO VB DT NN IN NNP . IN NNP , NNP VBD DT NN IN "
                         "NNP ."));
  AddEntity(&doc, "Russia", "GPE", "russia@RU");
  AddEntity(&doc, "China", "GPE", "china@CN");
  AddEntity(&doc, "Ukraine", "GPE", "ukraine@UA");
  AddEntity(&doc, "Russia", "GPE", "russia@RU", 70);
  AddEntity(&doc, "Georgia", "GPE", "georgia@GE");
  AddTimex(&doc, "Sunday", "2022-03-13");
  AddTimex(&doc, "Monday", "2022-03-14");
  Run(&doc);
  ASSERT_EQ(doc.events.size(), 2u);
  EXPECT_EQ(doc.events[0].actor, "");
  EXPECT_EQ(doc.events[1].actor, doc.entities[3].id);
}

TEST_F(EventTaggerTest, AnInfinitiveWithItsOwnSubjectIsNotTheClauseSubjects) {
  Document doc = MakeDoc(
      "Russia launched its invasion in February, prompting Western countries to send 300 tanks. "
      "Poland urged Germany to send 14 tanks. Berlin agreed to send 20 howitzers.",
      "2022-03-15");
  ASSERT_TRUE(SetPosTags(&doc,
                         "NNP VBD PRP$ NN IN NNP , VBG JJ NNS TO VB CD NNS . NNP VBD NNP TO "
                         "VB CD NNS . NNP VBD TO VB CD NNS ."));
  AddEntity(&doc, "Russia", "GPE", "russia@RU");
  AddEntity(&doc, "Poland", "GPE", "poland@PL");
  AddEntity(&doc, "Germany", "GPE", "germany@DE");
  AddEntity(&doc, "Berlin", "GPE", "germany@DE");
  AddTimex(&doc, "February", "2022-02");
  Run(&doc);
  std::vector<std::string> got;
  for (const auto& c : doc.claims) {
    if (c.value.max)
      got.push_back(c.subject + "|" + std::to_string(static_cast<int>(*c.value.max)));
  }
  auto has = [&](const std::string& s) {
    return std::find(got.begin(), got.end(), s) != got.end();
  };
  EXPECT_TRUE(has("|300")) << ::testing::PrintToString(got);
  EXPECT_TRUE(has("germany@DE|14")) << ::testing::PrintToString(got);
  EXPECT_TRUE(has("germany@DE|20")) << ::testing::PrintToString(got);
}

TEST_F(EventTaggerTest, IfNotConcedesAHigherFigure) {
  Document doc = MakeDoc(
      "The strikes mean that hundreds of thousands, if not a million more Ukrainians will flee.");
  ASSERT_TRUE(SetPosTags(&doc, "DT NNS VBP IN NNS IN NNS , IN RB DT CD JJR NNPS MD VB ."));
  AddEntity(&doc, "Ukrainians", "NORP", "ukraine@UA");
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 1u);
  EXPECT_EQ(*doc.claims[0].value.min, 100000);
  EXPECT_EQ(*doc.claims[0].value.max, 1000000);
  EXPECT_NE(doc.claims[0].modality, "negated");
}

TEST_F(EventTaggerTest, OrdinalDayIsNoDuration) {
  Document doc = MakeDoc("She has not appeared since the first day of the invasion.");
  ASSERT_TRUE(SetPosTags(&doc, "PRP VBZ RB VBN IN DT JJ NN IN DT NN ."));
  AddTimex(&doc, "the first day", "P1D", "DURATION");
  Run(&doc);
  for (const auto& c : doc.claims) ADD_FAILURE() << c.measure;
}

TEST_F(EventTaggerTest, MoneyValuesThePhraseBeforeItsVerbOrWorth) {
  Document doc = MakeDoc(
      "China sold Russia drones and parts worth $12 million. Libya's GDP was estimated at "
      "$75 billion.");
  ASSERT_TRUE(
      SetPosTags(&doc, "NNP VBD NNP NNS CC NNS JJ $ CD CD . NNP POS NNP VBD VBN IN $ CD CD ."));
  AddEntity(&doc, "China", "GPE", "china@CN");
  AddEntity(&doc, "Russia", "GPE", "russia@RU");
  AddEntity(&doc, "Libya", "GPE", "libya@LY");
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 2u);
  EXPECT_EQ(doc.claims[0].measure.substr(0, 16), "drones and parts");
  EXPECT_EQ(doc.claims[1].measure, "gdp");
  EXPECT_EQ(doc.claims[1].subject, "libya@LY");
  // Estimated by nobody named: the GDP is not a source.
  ASSERT_FALSE(doc.claims[1].attribution.empty());
  for (const auto& a : doc.attributions) {
    if (a.id == doc.claims[1].attribution) EXPECT_EQ(a.source_text, "");
  }
}

TEST_F(EventTaggerTest, AnEventNounsOwnerWinsOverTheAgentOfAnotherVerb) {
  Document doc = MakeDoc("A resolution on Russia's invasion of Ukraine was passed by the IAEA.");
  ASSERT_TRUE(SetPosTags(&doc, "DT NN IN NNP POS NN IN NNP VBD VBN IN DT NNP ."));
  AddEntity(&doc, "Russia", "GPE", "russia@RU");
  AddEntity(&doc, "Ukraine", "GPE", "ukraine@UA");
  AddEntity(&doc, "IAEA", "ORG", "iaea");
  Run(&doc);
  ASSERT_FALSE(doc.events.empty());
  EXPECT_EQ(doc.events[0].actor, doc.entities[0].id);
  EXPECT_EQ(doc.events[0].target, doc.entities[1].id);
}

TEST_F(EventTaggerTest, ANamingParticipleSaysNothingHappened) {
  Document doc =
      MakeDoc("North of the city lie 1,000 square miles of wetlands known as the Marsh.");
  ASSERT_TRUE(SetPosTags(&doc, "RB IN DT NN VBP CD JJ NNS IN NNS VBN IN DT NNP ."));
  Run(&doc);
  for (const auto& c : doc.claims) EXPECT_EQ(c.measure.find("known"), std::string::npos);
}

TEST_F(EventTaggerTest, ArrestsAndExpulsionsAreCoercion) {
  Document doc = MakeDoc(
      "Ukraine's security service detained Viktor Medvedchuk on Tuesday. Moscow expelled two "
      "Polish diplomats on Friday.",
      "2023-06-14");
  ASSERT_TRUE(SetPosTags(&doc, "NNP POS NN NN VBD NNP NNP IN NNP . NNP VBD CD JJ NNS IN NNP ."));
  AddEntity(&doc, "Ukraine", "GPE", "ukraine@UA");
  AddEntity(&doc, "Viktor Medvedchuk", "PERSON", "viktor-medvedchuk");
  AddEntity(&doc, "Moscow", "GPE", "russia@RU");
  AddEntity(&doc, "Polish", "NORP", "poland@PL");
  AddTimex(&doc, "Tuesday", "2023-06-13");
  AddTimex(&doc, "Friday", "2023-06-09");
  Run(&doc);
  ASSERT_EQ(doc.events.size(), 2u);
  EXPECT_EQ(doc.events[0].type, "COERCE");
  EXPECT_EQ(doc.events[0].cameo, "17");
  std::vector<std::string> got;
  for (const auto& c : doc.claims) got.push_back(c.subject + "|" + c.measure);
  auto has = [&](const std::string& s) {
    return std::find(got.begin(), got.end(), s) != got.end();
  };
  EXPECT_TRUE(has("ukraine@UA|viktor medvedchuk detained")) << ::testing::PrintToString(got);
  EXPECT_TRUE(has("russia@RU|polish diplomats expelled")) << ::testing::PrintToString(got);
}

TEST_F(EventTaggerTest, ListItemsShareTheOwnerTheFirstNames) {
  Document doc =
      MakeDoc("The list names 14 Russian generals, 58 colonels and 176 lieutenant colonels.");
  ASSERT_TRUE(SetPosTags(&doc, "DT NN VBZ CD JJ NNS , CD NNS CC CD JJ NNS ."));
  AddEntity(&doc, "Russian", "NORP", "russia@RU");
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 3u);
  for (const auto& c : doc.claims) EXPECT_EQ(c.subject, "russia@RU") << c.measure;
}

TEST_F(EventTaggerTest, ADateAFigureIsCountedBeforeIsNotItsDate) {
  Document doc = MakeDoc(
      "Before the war began on February 24, the city had 120,000 inhabitants. The army lost "
      "300 tanks on March 3.");
  ASSERT_TRUE(
      SetPosTags(&doc, "IN DT NN VBD IN NNP CD , DT NN VBD CD NNS . DT NN VBD CD NNS IN NNP CD ."));
  AddTimex(&doc, "February 24", "2022-02-24");
  std::string march = AddTimex(&doc, "March 3", "2022-03-03");
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 2u);
  EXPECT_EQ(doc.claims[0].time, "");
  EXPECT_EQ(doc.claims[1].time, march);
}

TEST_F(EventTaggerTest, BareFigureBorrowsThePreviousCountedNoun) {
  Document doc = MakeDoc("Germany sent 12 tanks to Ukraine. Five have been destroyed since then.");
  AddEntity(&doc, "Germany", "GPE", "germany@DE");
  AddEntity(&doc, "Ukraine", "GPE", "ukraine@UA");
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 2u);
  EXPECT_EQ(doc.claims[1].measure.substr(0, 5), "tanks");
  EXPECT_EQ(*doc.claims[1].value.max, 5);
}

TEST_F(EventTaggerTest, BorrowedFigureNeedsAParticipleOrAnEvent) {
  // The owner of the counted noun carries over; with nothing said about the
  // bare figure, no claim.
  Document doc = MakeDoc(
      "Poland has delivered 14 Leopard tanks to Ukraine. Two are in repair. Four have been "
      "damaged in fighting near Avdiivka.");
  AddEntity(&doc, "Poland", "GPE", "poland@PL");
  AddEntity(&doc, "Ukraine", "GPE", "ukraine@UA");
  AddEntity(&doc, "Avdiivka", "GPE", "avdiivka@UA");
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 2u);
  EXPECT_EQ(*doc.claims[1].value.max, 4);
  EXPECT_EQ(doc.claims[1].measure.substr(0, 5), "tanks");
  EXPECT_EQ(doc.claims[1].subject, doc.claims[0].subject);
}

TEST_F(EventTaggerTest, DatedAttackOnANamedTargetIsAClaimOnlyWhenRecent) {
  Document doc = MakeDoc("Russia launched a missile attack on Kyiv on Monday.", "2024-03-20");
  AddEntity(&doc, "Russia", "GPE", "russia@RU");
  AddEntity(&doc, "Kyiv", "GPE", "kyiv@UA");
  AddTimex(&doc, "Monday", "2024-03-18");
  Run(&doc);
  EXPECT_EQ(doc.claims.size(), 1u);

  // An old attack with no territory taken is background.
  Document old = MakeDoc("Germany bombed Warsaw in 1939.", "2024-03-20");
  AddEntity(&old, "Germany", "GPE", "germany@DE");
  AddEntity(&old, "Warsaw", "GPE", "warsaw@PL");
  AddTimex(&old, "1939", "1939");
  Run(&old);
  for (const auto& c : old.claims) ADD_FAILURE() << c.measure << "|" << c.subject;
}

TEST_F(EventTaggerTest, FearedInvasionIsHedgedAndNoClaim) {
  Document doc =
      MakeDoc("Markets fell amid fears of a Russian invasion of Ukraine on February 16, 2022.",
              "2022-02-14");
  AddEntity(&doc, "Russian", "NORP", "russia@RU");
  AddEntity(&doc, "Ukraine", "GPE", "ukraine@UA");
  AddTimex(&doc, "February 16, 2022", "2022-02-16");
  Run(&doc);
  const EventMention* ev = FindEvent(doc, "ASSAULT");
  ASSERT_NE(ev, nullptr);
  EXPECT_EQ(ev->modality, "hedged");
  for (const auto& c : doc.claims) ADD_FAILURE() << c.measure << "|" << c.subject;

  // So does a conditional before it.
  Document cond = MakeDoc(
      "On Monday the senator backed sanctions in the event of a Russian invasion of Ukraine.",
      "2022-01-25");
  AddEntity(&cond, "Russian", "NORP", "russia@RU");
  AddEntity(&cond, "Ukraine", "GPE", "ukraine@UA");
  AddTimex(&cond, "Monday", "2022-01-24");
  Run(&cond);
  for (const auto& c : cond.claims) {
    EXPECT_EQ(c.measure.find("invaded"), std::string::npos) << c.measure << "|" << c.subject;
  }

  // A modal right after the noun makes it possible, not past.
  for (const char* text : {"On Friday officials said that an invasion could occur at any time.",
                           "On Friday officials said that Russia's invasion of Ukraine could occur "
                           "at any time."}) {
    Document could = MakeDoc(text, "2022-02-12");
    if (std::string_view(text).find("Russia") != std::string_view::npos) {
      AddEntity(&could, "Russia", "GPE", "russia@RU");
      AddEntity(&could, "Ukraine", "GPE", "ukraine@UA");
    }
    AddTimex(&could, "Friday", "2022-02-11");
    Run(&could);
    for (const auto& c : could.claims)
      ADD_FAILURE() << text << ": " << c.measure << "|" << c.modality;
  }

  // The same invasion stated as a fact is a claim.
  Document fact = MakeDoc(
      "Markets fell after the Russian invasion of Ukraine on February 24, 2022.", "2022-02-25");
  AddEntity(&fact, "Russian", "NORP", "russia@RU");
  AddEntity(&fact, "Ukraine", "GPE", "ukraine@UA");
  AddTimex(&fact, "February 24, 2022", "2022-02-24");
  Run(&fact);
  EXPECT_EQ(fact.claims.size(), 1u);
}

TEST_F(EventTaggerTest, DatedInvasionNamedByANounIsAClaim) {
  // The possessive is the invader; the day dates it, however long ago.
  Document doc =
      MakeDoc("Analysts fear the war sparked by Russia's invasion on February 24, 2022 will go on.",
              "2023-02-20");
  AddEntity(&doc, "Russia", "GPE", "russia@RU");
  std::string t = AddTimex(&doc, "February 24, 2022", "2022-02-24");
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 1u);
  EXPECT_EQ(doc.claims[0].subject, "russia@RU");
  EXPECT_EQ(doc.claims[0].measure, "invaded");
  EXPECT_EQ(doc.claims[0].time, t);
  EXPECT_EQ(doc.claims[0].modality, "asserted");

  // After an attack noun "of" names the territory and "by" the actor.
  Document annex =
      MakeDoc("Serbia has not joined sanctions since the annexation of Crimea by Russia in 2014.",
              "2023-02-20");
  AddEntity(&annex, "Serbia", "GPE", "serbia@RS");
  AddEntity(&annex, "Crimea", "GPE", "crimea@UA");
  AddEntity(&annex, "Russia", "GPE", "russia@RU");
  std::string y = AddTimex(&annex, "2014", "2014");
  Run(&annex);
  const EventMention* ev = FindEvent(annex, "ASSAULT");
  ASSERT_NE(ev, nullptr);
  EXPECT_EQ(ev->actor, "e3");
  EXPECT_EQ(ev->target, "e2");
  const Claim* c = nullptr;
  for (const auto& cl : annex.claims) {
    if (cl.event == ev->id) c = &cl;
  }
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->subject, "russia@RU");
  EXPECT_EQ(c->measure, "crimea annexed");
  EXPECT_EQ(c->time, y);

  // A year before the noun with nobody named: background, no claim.
  Document bare = MakeDoc("Prices have soared since the 2022 invasion.", "2024-05-01");
  AddTimex(&bare, "2022", "2022");
  Run(&bare);
  EXPECT_TRUE(bare.claims.empty());
}

TEST_F(EventTaggerTest, SanctionedEntitiesAreTheObjectNotTheActor) {
  // The nationality of what is sanctioned describes it; who sanctions is
  // the subject, whether the figure follows "sanctions on" ...
  Document doc =
      MakeDoc("The United States on Wednesday imposed new sanctions on 300 Chinese entities.");
  AddEntity(&doc, "United States", "GPE", "united-states@US");
  AddEntity(&doc, "Chinese", "NORP", "china@CN");
  std::string t = AddTimex(&doc, "Wednesday", "2025-04-23");
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 2u);
  EXPECT_EQ(doc.claims[0].subject, "united-states@US");
  EXPECT_EQ(doc.claims[0].measure, "chinese entities sanctioned");
  EXPECT_EQ(*doc.claims[0].value.min, 300);
  EXPECT_EQ(doc.claims[0].time, t);
  // The dated imposition itself, named by its own verb.
  EXPECT_EQ(doc.claims[1].measure, "sanctions imposed");
  EXPECT_FALSE(doc.claims[1].value.min);

  // ... or is the subject of a passive with its agent after "by".
  Document passive = MakeDoc("Some 120 Iranian firms were sanctioned by the European Union.");
  AddEntity(&passive, "Iranian", "NORP", "iran@IR");
  AddEntity(&passive, "European Union", "ORG", "european-union");
  Run(&passive);
  ASSERT_EQ(passive.claims.size(), 1u);
  EXPECT_EQ(passive.claims[0].subject, "european-union");
  EXPECT_EQ(passive.claims[0].measure, "iranian firms sanctioned");

  // A participle with its agent: "sanctions imposed by X on N entities".
  Document reduced =
      MakeDoc("The sanctions imposed by Britain on 45 individuals were lifted in May.");
  AddEntity(&reduced, "Britain", "GPE", "united-kingdom@GB");
  Run(&reduced);
  ASSERT_FALSE(reduced.claims.empty());
  EXPECT_EQ(reduced.claims[0].subject, "united-kingdom@GB");
  EXPECT_EQ(reduced.claims[0].measure, "individuals sanctioned");
}

TEST_F(EventTaggerTest, ChangeFromOneFigureToAnotherIsOneClaimOfTheLater) {
  Document doc = MakeDoc(
      "Since the start of the war, the US troop presence has risen from "
      "5,000 to about 24,000.");
  AddEntity(&doc, "US", "GPE", "united-states@US");
  Run(&doc);
  ASSERT_EQ(doc.quantities.size(), 1u);
  EXPECT_EQ(doc.quantities[0].text, "from 5,000 to about 24,000");
  ASSERT_EQ(doc.claims.size(), 1u);
  const Claim& c = doc.claims[0];
  EXPECT_EQ(c.subject, "united-states@US");
  EXPECT_EQ(c.measure, "troop presence");
  EXPECT_EQ(*c.value.min, 24000);
  EXPECT_EQ(*c.value.max, 24000);
  EXPECT_TRUE(c.value.approx);

  // The moving phrase may carry a place after it; a counted noun after the
  // later figure is the measure as usual.
  Document in = MakeDoc("France's troop presence in Romania has grown from 300 to 969.");
  AddEntity(&in, "France", "GPE", "france@FR");
  AddEntity(&in, "Romania", "GPE", "romania@RO", 20);
  Run(&in);
  ASSERT_EQ(in.claims.size(), 1u);
  EXPECT_EQ(in.claims[0].subject, "france@FR");
  EXPECT_EQ(in.claims[0].measure, "troop presence");
  EXPECT_EQ(*in.claims[0].value.min, 969);

  Document counted = MakeDoc("Poland increased its brigades from 12 to 18 brigades last year.");
  Run(&counted);
  ASSERT_EQ(counted.quantities.size(), 1u);
  EXPECT_EQ(*counted.quantities[0].min, 18);

  // Without a verb of change "from ... to" is a range.
  Document range = MakeDoc("Estimates range from 5,000 to 7,000 troops.");
  Run(&range);
  ASSERT_EQ(range.quantities.size(), 1u);
  EXPECT_EQ(*range.quantities[0].min, 5000);
  EXPECT_EQ(*range.quantities[0].max, 7000);
}

TEST_F(EventTaggerTest, NotRulingOutIsAPossibilityNotANegation) {
  Document doc = MakeDoc("Macron said France would not rule out sending 2,000 troops to Ukraine.");
  AddEntity(&doc, "Macron", "PERSON", "emmanuel-macron@FR");
  AddEntity(&doc, "France", "GPE", "france@FR");
  AddEntity(&doc, "Ukraine", "GPE", "ukraine@UA");
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 1u);
  EXPECT_EQ(doc.claims[0].modality, "hedged");

  Document after = MakeDoc("Sending 2,000 troops to Ukraine cannot be ruled out, Macron said.");
  AddEntity(&after, "Macron", "PERSON", "emmanuel-macron@FR");
  AddEntity(&after, "Ukraine", "GPE", "ukraine@UA");
  Run(&after);
  ASSERT_EQ(after.claims.size(), 1u);
  EXPECT_EQ(after.claims[0].modality, "hedged");

  Document plain = MakeDoc("France did not send 2,000 troops to Ukraine.");
  AddEntity(&plain, "France", "GPE", "france@FR");
  AddEntity(&plain, "Ukraine", "GPE", "ukraine@UA");
  Run(&plain);
  ASSERT_EQ(plain.claims.size(), 1u);
  EXPECT_EQ(plain.claims[0].modality, "negated");
}

TEST_F(EventTaggerTest, AccusedOfIsNotASource) {
  Document doc = MakeDoc(
      "The United States on Wednesday imposed sanctions on 300 companies, including a dozen "
      "Chinese entities accused of helping Moscow.");
  AddEntity(&doc, "United States", "GPE", "united-states@US");
  AddEntity(&doc, "Chinese", "NORP", "china@CN");
  AddEntity(&doc, "Moscow", "GPE", "russia@RU");
  Run(&doc);
  EXPECT_TRUE(doc.attributions.empty()) << doc.attributions[0].source_text;
}

TEST_F(EventTaggerTest, ASourceOpeningALaterClauseDoesNotGovernTheFirst) {
  Document doc = MakeDoc(
      "Germany plans to send 2,000 troops to Lithuania, and Cameron said Britain would "
      "train 500 Ukrainian pilots.");
  AddEntity(&doc, "Germany", "GPE", "germany@DE");
  AddEntity(&doc, "Lithuania", "GPE", "lithuania@LT");
  AddEntity(&doc, "Cameron", "PERSON", "david-cameron@GB");
  AddEntity(&doc, "Britain", "GPE", "united-kingdom@GB");
  Run(&doc);
  ASSERT_EQ(doc.attributions.size(), 1u);
  ASSERT_GE(doc.claims.size(), 1u);
  EXPECT_EQ(*doc.claims[0].value.max, 2000);
  EXPECT_TRUE(doc.claims[0].attribution.empty());
  // "..., officials said" with no conjunction still governs.
  Document inv = MakeDoc("Germany sent 2,000 troops to Lithuania, officials said.");
  AddEntity(&inv, "Germany", "GPE", "germany@DE");
  AddEntity(&inv, "Lithuania", "GPE", "lithuania@LT");
  Run(&inv);
  ASSERT_EQ(inv.claims.size(), 1u);
  EXPECT_FALSE(inv.claims[0].attribution.empty());
}

TEST_F(EventTaggerTest, AQuoteOpeningMidSentenceIsNotTheWholeSentence) {
  // No comma before "and", and the speaker's words are quoted after it:
  // the figure before the conjunction is the outlet's own.
  Document doc = MakeDoc(
      "Turkey has moved 3,000 soldiers to the border and Fidan said an offensive \xE2\x80\x9C"
      "is not planned\xE2\x80\x9D.");
  ASSERT_TRUE(SetPosTags(&doc, "NNP VBZ VBN CD NNS TO DT NN CC NNP VBD DT NN `` VBZ RB VBN '' ."));
  AddEntity(&doc, "Turkey", "GPE", "turkey@TR");
  AddEntity(&doc, "Fidan", "PERSON", "hakan-fidan@TR");
  Run(&doc);
  ASSERT_EQ(doc.attributions.size(), 1u);
  ASSERT_GE(doc.claims.size(), 1u);
  EXPECT_EQ(*doc.claims[0].value.max, 3000);
  EXPECT_TRUE(doc.claims[0].attribution.empty());
  // After a name, "and" may join two sources: they still govern.
  Document two = MakeDoc("Some 3,000 soldiers moved, Turkey and Fidan said.");
  AddEntity(&two, "Turkey", "GPE", "turkey@TR");
  AddEntity(&two, "Fidan", "PERSON", "hakan-fidan@TR");
  Run(&two);
  ASSERT_GE(two.claims.size(), 1u);
  EXPECT_FALSE(two.claims[0].attribution.empty());
}

TEST_F(EventTaggerTest, OwnerOfPossessiveHasAndOfAnInstrument) {
  Document doc = MakeDoc(
      "Serbia has about 40,000 reservists. Hungary has ringed the town with 900 police "
      "officers.");
  ASSERT_TRUE(SetPosTags(&doc, "NNP VBZ RB CD NNS . NNP VBZ VBN DT NN IN CD NN NNS ."));
  AddEntity(&doc, "Serbia", "GPE", "serbia@RS");
  AddEntity(&doc, "Hungary", "GPE", "hungary@HU");
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 2u);
  EXPECT_EQ(doc.claims[0].subject, "serbia@RS");
  EXPECT_EQ(doc.claims[1].subject, "hungary@HU");
  EXPECT_EQ(doc.claims[1].measure, "police officers");
}

TEST_F(EventTaggerTest, PeoplePolledAreMeasuredNotTheSource) {
  Document doc = MakeDoc(
      "As many as 58% of Georgians believe that the talks will fail. The Centre added that 12% "
      "of respondents had no view.");
  ASSERT_TRUE(SetPosTags(
      &doc, "RB JJ IN CD NN IN NNPS VBP IN DT NNS MD VB . DT NNP VBD IN CD NN IN NNS VBD DT NN ."));
  AddEntity(&doc, "Georgians", "NORP", "georgia@GE");
  AddEntity(&doc, "Centre", "ORG", "");
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 2u);
  // "As many as" stresses the size; it is no ceiling.
  EXPECT_EQ(*doc.claims[0].value.min, 58);
  EXPECT_TRUE(doc.claims[0].attribution.empty());
  EXPECT_EQ(doc.claims[0].modality, "asserted");
  // The source of a share is not its owner.
  EXPECT_EQ(doc.claims[1].measure, "share of respondents");
  EXPECT_TRUE(doc.claims[1].subject.empty()) << doc.claims[1].subject;
  EXPECT_FALSE(doc.claims[1].attribution.empty());
}

TEST_F(EventTaggerTest, ParticipleBeforeTheCountedNounIsPartOfIt) {
  Document doc = MakeDoc("Prosecutors have opened 1,200 registered war crimes cases.");
  ASSERT_TRUE(SetPosTags(&doc, "NNS VBP VBN CD VBN NN NNS NNS ."));
  Run(&doc);
  ASSERT_EQ(doc.quantities.size(), 1u);
  EXPECT_EQ(doc.quantities[0].counted, "registered war crimes cases");
}

TEST_F(EventTaggerTest, TheObjectOfAgainstIsNoActor) {
  Document doc = MakeDoc(
      "Armenia's campaign against Azerbaijan began in May 1992 with the annexation of Shusha.",
      "2020-01-10");
  ASSERT_TRUE(SetPosTags(&doc, "NNP POS NN IN NNP VBD IN NNP CD IN DT NN IN NNP ."));
  AddEntity(&doc, "Armenia", "GPE", "armenia@AM");
  AddEntity(&doc, "Azerbaijan", "GPE", "azerbaijan@AZ");
  AddEntity(&doc, "Shusha", "GPE", "shusha@AZ");
  AddTimex(&doc, "May 1992", "1992-05");
  Run(&doc);
  const EventMention* ev = FindEvent(doc, "ASSAULT");
  ASSERT_NE(ev, nullptr);
  EXPECT_EQ(ev->actor, "e1");
}

TEST_F(EventTaggerTest, ComparedPopulationsAndNamedAlliancesAreNoClaims) {
  Document doc = MakeDoc(
      "Moscow eyed Estonia (pop. 1 million vs 140 million). A \xE2\x80\x9C"
      "Coalition of the "
      "Willing\xE2\x80\x9D of 31 nations was praised.");
  ASSERT_TRUE(SetPosTags(
      &doc,
      "NNP VBD NNP LRB NN . CD CD NN CD CD RRB . DT `` NNP IN DT NNP '' IN CD NNS VBD VBN ."));
  AddEntity(&doc, "Moscow", "GPE", "moscow@RU");
  AddEntity(&doc, "Estonia", "GPE", "estonia@EE");
  Run(&doc);
  for (const auto& c : doc.claims) ADD_FAILURE() << c.measure << " " << *c.value.max;
}

TEST_F(EventTaggerTest, CalibresRanksAndParticipantsAreNoFigures) {
  Document doc = MakeDoc(
      "A 122 mm howitzer fires near Avdiivka. Poland aims to join the top ten economies. The "
      "summit of 27 EU states opened.");
  ASSERT_TRUE(SetPosTags(
      &doc, "DT CD NN NN VBZ IN NNP . NNP VBZ TO VB DT JJ CD NNS . DT NN IN CD NNP NNS VBD ."));
  AddEntity(&doc, "Avdiivka", "GPE", "avdiivka@UA");
  AddEntity(&doc, "Poland", "GPE", "poland@PL");
  AddEntity(&doc, "EU", "ORG", "european-union");
  Run(&doc);
  for (const auto& c : doc.claims) ADD_FAILURE() << c.measure << " " << *c.value.max;
  // A distance that is not before a noun is a figure.
  Document adv = MakeDoc("Ukrainian troops advanced 12 km into the region.");
  ASSERT_TRUE(SetPosTags(&adv, "JJ NNS VBD CD NN IN DT NN ."));
  Run(&adv);
  ASSERT_EQ(adv.quantities.size(), 1u);
}

TEST_F(EventTaggerTest, FirstConjunctSignsEvenWithATargetLater) {
  Document doc =
      MakeDoc("Serbia and Hungary signed an agreement to build a pipeline to Austria in June 2023.",
              "2023-07-01");
  AddEntity(&doc, "Serbia", "GPE", "serbia@RS");
  AddEntity(&doc, "Hungary", "GPE", "hungary@HU");
  AddEntity(&doc, "Austria", "GPE", "austria@AT");
  AddTimex(&doc, "June 2023", "2023-06");
  Run(&doc);
  const EventMention* ev = FindEvent(doc, "AGREE");
  ASSERT_NE(ev, nullptr);
  EXPECT_EQ(ev->actor, "e1");
}

TEST_F(EventTaggerTest, MembershipCountsAndQuotedFiguresOfAPossessor) {
  Document doc = MakeDoc(
      "The network now covers 18 countries. Maersk has \xE2\x80\x9C"
      "about 300 staff\xE2\x80\x9D "
      "in Russia.");
  ASSERT_TRUE(SetPosTags(&doc, "DT NN RB VBZ CD NNS . NNP VBZ VBN IN CD NN `` IN NNP ."));
  AddEntity(&doc, "Maersk", "ORG", "maersk");
  AddEntity(&doc, "Russia", "GPE", "russia@RU");
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 1u);
  EXPECT_EQ(doc.claims[0].measure, "staff");
  EXPECT_EQ(doc.claims[0].subject, "maersk");
}

TEST_F(EventTaggerTest, AgreeingToSendIsPlanned) {
  Document doc = MakeDoc("Norway has agreed to send 8 Leopard 2 tanks to Ukraine.");
  ASSERT_TRUE(SetPosTags(&doc, "NNP VBZ VBN TO VB CD NNP CD NNS TO NNP ."));
  AddEntity(&doc, "Norway", "GPE", "norway@NO");
  AddEntity(&doc, "Ukraine", "GPE", "ukraine@UA");
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 1u);
  EXPECT_EQ(doc.claims[0].modality, "planned");
  EXPECT_EQ(doc.claims[0].subject, "norway@NO");
}

TEST_F(EventTaggerTest, ADateInTheNextClauseDatesOnlyThatClause) {
  Document doc = MakeDoc(
      "Ukrainian gunners are killing 300 Russian soldiers each day, and they destroyed 40 tanks "
      "in late March.",
      "2023-04-10");
  ASSERT_TRUE(SetPosTags(&doc, "JJ NNS VBP VBG CD JJ NNS DT NN , CC PRP VBD CD NNS IN JJ NNP ."));
  AddEntity(&doc, "Russian", "NORP", "russia@RU");
  std::string t = AddTimex(&doc, "late March", "2023-03");
  Run(&doc);
  ASSERT_GE(doc.claims.size(), 1u);
  EXPECT_EQ(*doc.claims[0].value.max, 300);
  EXPECT_TRUE(doc.claims[0].time.empty()) << doc.claims[0].time;
  if (doc.claims.size() > 1) {
    EXPECT_EQ(doc.claims[1].time, t);
  }
}

TEST_F(EventTaggerTest, TheDateOfAStatementDoesNotDateWhatItMentions) {
  // The ministry's "this week" is when it spoke, not when Russia invaded.
  Document doc = MakeDoc(
      "Russian aviation has struggled in Russia's invasion of Ukraine, the Dutch defence "
      "ministry said this week.",
      "2022-06-20");
  AddEntity(&doc, "Russian", "NORP", "russia@RU");
  AddEntity(&doc, "Russia", "GPE", "russia@RU", doc.text.find("Russia's"));
  AddEntity(&doc, "Ukraine", "GPE", "ukraine@UA");
  AddEntity(&doc, "Dutch", "NORP", "netherlands@NL");
  AddTimex(&doc, "this week", "2022-W25");
  Run(&doc);
  for (const auto& c : doc.claims) ADD_FAILURE() << c.measure << "|" << c.subject;
  // A speaker dating its own intent keeps the date.
  Document own = MakeDoc("Russia said on Monday it would invade Georgia.", "2022-06-20");
  AddEntity(&own, "Russia", "GPE", "russia@RU");
  AddEntity(&own, "Georgia", "GPE", "georgia@GE");
  AddTimex(&own, "Monday", "2022-06-20");
  Run(&own);
  EXPECT_EQ(own.claims.size(), 1u);
}

TEST_F(EventTaggerTest, DestroyedEquipmentIsALoss) {
  Document doc = MakeDoc(
      "Kyiv reported the destruction of 35 Russian tanks. Drones destroyed 12 more trucks.");
  ASSERT_TRUE(SetPosTags(&doc, "NNP VBD DT NN IN CD JJ NNS . NNS VBD CD JJR NNS ."));
  AddEntity(&doc, "Kyiv", "GPE", "kyiv@UA");
  AddEntity(&doc, "Russian", "NORP", "russia@RU");
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 2u);
  EXPECT_EQ(doc.claims[0].measure, "tanks destroyed");
  EXPECT_EQ(doc.claims[0].subject, "russia@RU");
  EXPECT_EQ(doc.claims[1].measure, "trucks destroyed");
}

TEST_F(EventTaggerTest, VerbAfterACoordinatedPhraseAndOfAPassiveAgent) {
  Document doc = MakeDoc(
      "Some 40 deputies and aides of the speaker resigned. The appeal was endorsed by about 90 "
      "groups.");
  ASSERT_TRUE(SetPosTags(&doc, "DT CD NNS CC NNS IN DT NN VBD . DT NN VBD VBN IN RB CD NNS ."));
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 2u);
  EXPECT_EQ(doc.claims[0].measure, "deputies resigned");
  EXPECT_EQ(doc.claims[1].measure, "groups endorsed");
  // A figure that is a verb's object keeps that verb, not a later one.
  Document obj = MakeDoc("Minsk has moved up 5,000 troops near Brest and held drills.");
  ASSERT_TRUE(SetPosTags(&obj, "NNP VBZ VBN RP CD NNS IN NNP CC VBD NNS ."));
  AddEntity(&obj, "Minsk", "GPE", "minsk@BY");
  AddEntity(&obj, "Brest", "GPE", "brest@BY");
  Run(&obj);
  ASSERT_EQ(obj.claims.size(), 1u);
  EXPECT_EQ(obj.claims[0].measure, "troops moved up");
}

TEST_F(EventTaggerTest, FirstPersonSpeakerOwnsTheFigure) {
  Document doc = MakeDoc(
      "\xE2\x80\x9CWe have trained 9,000 cadets,\xE2\x80\x9D the Lithuanian defence minister "
      "said.");
  ASSERT_TRUE(SetPosTags(&doc, "`` PRP VBP VBN CD NNS , '' DT JJ NN NN VBD ."));
  AddEntity(&doc, "Lithuanian", "NORP", "lithuania@LT");
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 1u);
  ASSERT_FALSE(doc.claims[0].attribution.empty());
  EXPECT_EQ(doc.claims[0].measure, "cadets trained");
  EXPECT_EQ(doc.claims[0].subject, "lithuania@LT");
}

TEST_F(EventTaggerTest, NoBorrowingFromASourceAndIncrementsByParticiple) {
  // The bare figure must not count the "officials" of the source phrase.
  Document doc = MakeDoc("The Korva Herald, citing two local officials, reported at least 700.");
  ASSERT_TRUE(SetPosTags(&doc, "DT NNP NNP , VBG CD JJ NNS , VBD IN JJS CD ."));
  Run(&doc);
  for (const auto& c : doc.claims) ADD_FAILURE() << c.measure;
  // "another 2,000 expected": more of the same troops, expected.
  Document inc =
      MakeDoc("About 9,000 Dravian troops are in the valley, with another 2,000 expected in May.");
  ASSERT_TRUE(SetPosTags(&inc, "RB CD JJ NNS VBP IN DT NN , IN DT CD VBN IN NNP ."));
  AddEntity(&inc, "Dravian", "NORP", "dravia@XD");
  Run(&inc);
  ASSERT_EQ(inc.claims.size(), 2u);
  EXPECT_EQ(inc.claims[1].measure, inc.claims[0].measure + " expected");
  EXPECT_EQ(inc.claims[1].subject, inc.claims[0].subject);
}

TEST_F(EventTaggerTest, AFigureCalledInventedIsDeniedAndUpToIsNoParticle) {
  Document doc = MakeDoc(
      "Claims of 4,000 Dravian soldiers in the valley are invented. The raid eliminated up to "
      "30 Korvan fighters.");
  ASSERT_TRUE(SetPosTags(&doc, "NNS IN CD JJ NNS IN DT NN VBP VBN . DT NN VBD RP TO CD JJ NNS ."));
  AddEntity(&doc, "Dravian", "NORP", "dravia@XD");
  AddEntity(&doc, "Korvan", "NORP", "korva@XK");
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 2u);
  EXPECT_EQ(doc.claims[0].modality, "denied");
  EXPECT_EQ(doc.claims[0].measure, "soldiers");
  EXPECT_EQ(doc.claims[1].measure.find("up"), std::string::npos) << doc.claims[1].measure;
  EXPECT_EQ(*doc.claims[1].value.max, 30);
}

TEST_F(EventTaggerTest, CountedPhraseBeforeTheFigure) {
  Document doc =
      MakeDoc("Two officials put the number of Dravian troops in the valley at about 7,000.");
  ASSERT_TRUE(SetPosTags(&doc, "CD NNS VBD DT NN IN JJ NNS IN DT NN IN RB CD ."));
  AddEntity(&doc, "Dravian", "NORP", "dravia@XD");
  Run(&doc);
  const Claim* c = nullptr;
  for (const auto& cl : doc.claims) {
    if (cl.value.max && *cl.value.max == 7000) c = &cl;
  }
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->measure, "troops");
  EXPECT_EQ(c->subject, "dravia@XD");
}

TEST_F(EventTaggerTest, MoneyConvertedInBracketsKeepsWhatItPaysFor) {
  Document doc = MakeDoc(
      "Austin announced the US would allocate an extra $713m (\xC2\xA3"
      "559m) of military aid to "
      "Ukraine.");
  AddEntity(&doc, "Austin", "PERSON", "lloyd-austin@US");
  AddEntity(&doc, "US", "GPE", "united-states@US");
  AddEntity(&doc, "Ukraine", "GPE", "ukraine@UA");
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 1u);
  EXPECT_EQ(doc.claims[0].measure.substr(0, 12), "military aid");
  EXPECT_DOUBLE_EQ(*doc.claims[0].value.max, 713e6);
}

TEST_F(EventTaggerTest, PassiveAgentOfAVerbThatIsNoTrigger) {
  // A place phrase stands between the counted noun and its verb; the agent
  // after "by" did what the verb says.
  Document doc = MakeDoc("Sixteen companies in China were named by the Biden administration.");
  ASSERT_TRUE(SetPosTags(&doc, "CD NNS IN NNP VBD VBN IN DT NNP NN ."));
  AddEntity(&doc, "China", "GPE", "china@CN");
  AddEntity(&doc, "Biden", "PERSON", "joe-biden@US");
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 1u);
  EXPECT_EQ(doc.claims[0].measure, "companies named");
  EXPECT_EQ(doc.claims[0].subject, "joe-biden@US");
  EXPECT_EQ(*doc.claims[0].value.min, 16);
}

TEST_F(EventTaggerTest, FigureAfterABracketedAsideKeepsItsVerb) {
  // "241" borrows what the first figure counted; its own verb, past the
  // share in brackets, says what happened to them.
  Document doc = MakeDoc("Out of 1,361 western companies in Russia only 241 (17%) have exited.");
  ASSERT_TRUE(SetPosTags(&doc, "IN IN CD JJ NNS IN NNP RB CD LRB CD NN RRB VBP VBN ."));
  AddEntity(&doc, "Russia", "GPE", "russia@RU");
  Run(&doc);
  const Claim* c = nullptr;
  for (const auto& cl : doc.claims) {
    if (cl.value.min && *cl.value.min == 241) c = &cl;
  }
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->measure, "western companies exited");
}

TEST_F(EventTaggerTest, PassingAnAidPackageIsADatedApproval) {
  Document doc = MakeDoc("The United States last month passed a long-delayed aid package for Kyiv.",
                         "2024-05-06");
  AddEntity(&doc, "United States", "GPE", "united-states@US");
  AddEntity(&doc, "Kyiv", "GPE", "kyiv@UA");
  std::string t = AddTimex(&doc, "last month", "2024-04");
  Run(&doc);
  const EventMention* ev = FindEvent(doc, "AID");
  ASSERT_NE(ev, nullptr);
  EXPECT_EQ(ev->time, t);
  ASSERT_EQ(doc.claims.size(), 1u);
  EXPECT_EQ(doc.claims[0].subject, "united-states@US");
  EXPECT_EQ(doc.claims[0].measure, "package approved");
  EXPECT_EQ(doc.claims[0].time, t);

  // "Pass" needs aid near it to be one.
  Document other = MakeDoc("The convoy passed the checkpoint last month.", "2024-05-06");
  AddTimex(&other, "last month", "2024-04");
  Run(&other);
  EXPECT_EQ(FindEvent(other, "AID"), nullptr);
}

TEST_F(EventTaggerTest, ParticleStaysWithItsVerb) {
  // "built up" is not "built": the particle between the verb and the figure
  // is part of what happened.
  Document doc = MakeDoc("Moscow has built up nearly 90,000 soldiers along the frontier.");
  ASSERT_TRUE(SetPosTags(&doc, "NNP VBZ VBN RP RB CD NNS IN DT NN ."));
  AddEntity(&doc, "Moscow", "GPE", "moscow@RU");
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 1u);
  EXPECT_EQ(doc.claims[0].measure, "soldiers built up");
  EXPECT_EQ(*doc.claims[0].value.min, 90000);
}

TEST_F(EventTaggerTest, FigurePerDayIsARate) {
  Document doc = MakeDoc("Officials said some 600 refugees crossed the border each day in May.");
  ASSERT_TRUE(SetPosTags(&doc, "NNS VBD DT CD NNS VBD DT NN DT NN IN NNP ."));
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 1u);
  EXPECT_EQ(doc.claims[0].measure, "refugees crossed per day");

  // "a day after" dates, it does not divide.
  Document other = MakeDoc("Some 600 refugees crossed the border a day after the strike.");
  ASSERT_TRUE(SetPosTags(&other, "DT CD NNS VBD DT NN DT NN IN DT NN ."));
  Run(&other);
  ASSERT_EQ(other.claims.size(), 1u);
  EXPECT_EQ(other.claims[0].measure, "refugees crossed");
}

TEST_F(EventTaggerTest, MoneyTakesTheThingNamedBeforeIt) {
  // In brackets after what it is worth, or after "to" of a running total.
  Document doc = MakeDoc(
      "Canada bought steel ($40m) and grain ($12m) from Ukraine. The pledge brings Canada's "
      "humanitarian contributions to Ukraine to $300m.");
  ASSERT_TRUE(SetPosTags(
      &doc,
      "NNP VBD NN LRB $ CD RRB CC NN LRB $ CD RRB IN NNP . DT NN VBZ NNP POS JJ NNS TO NNP TO $ "
      "CD ."));
  AddEntity(&doc, "Canada", "GPE", "canada@CA");
  AddEntity(&doc, "Ukraine", "GPE", "ukraine@UA");
  AddEntity(&doc, "Canada", "GPE", "canada@CA", doc.text.find("The pledge"));
  AddEntity(&doc, "Ukraine", "GPE", "ukraine@UA", doc.text.find("The pledge"));
  Run(&doc);
  std::vector<std::string> measures;
  for (const auto& c : doc.claims) measures.push_back(c.measure);
  ASSERT_EQ(doc.claims.size(), 3u);
  EXPECT_EQ(measures[0], "steel");
  EXPECT_EQ(measures[1], "grain");
  EXPECT_EQ(measures[2], "humanitarian contributions");
  EXPECT_EQ(doc.claims[2].subject, "canada@CA");
  EXPECT_DOUBLE_EQ(*doc.claims[2].value.min, 300e6);

  // Money that says nothing about what it is gives no claim.
  Document bare = MakeDoc("The ban could cost the economy more than $3 billion.");
  Run(&bare);
  EXPECT_TRUE(bare.claims.empty());
}

TEST_F(EventTaggerTest, PopulationAfterANounOnlyDescribesIt) {
  Document doc = MakeDoc("The bloc of 27 countries shares the hopes of 38 million Poles.");
  ASSERT_TRUE(SetPosTags(&doc, "DT NN IN CD NNS VBZ DT NNS IN CD CD NNPS ."));
  AddEntity(&doc, "Poles", "NORP", "poland@PL");
  Run(&doc);
  for (const auto& c : doc.claims) ADD_FAILURE() << c.measure;

  // A quantity noun introduces a figure; a deverbal one reports it.
  Document other = MakeDoc(
      "A total of 4,000 people fled. The capture of 12 villages was confirmed by the army.");
  ASSERT_TRUE(SetPosTags(&other, "DT NN IN CD NNS VBD . DT NN IN CD NNS VBD VBN IN DT NN ."));
  Run(&other);
  EXPECT_EQ(other.claims.size(), 2u);
}

TEST_F(EventTaggerTest, IngAdjectiveIsNoTrigger) {
  Document doc = MakeDoc("The number of dead in the village was striking, 40 residents said.");
  ASSERT_TRUE(SetPosTags(&doc, "DT NN IN NN IN DT NN VBD JJ , CD NNS VBD ."));
  Run(&doc);
  for (const auto& e : doc.events) EXPECT_NE(e.type, "ASSAULT");
}

TEST_F(EventTaggerTest, DatedPassiveEventSaysWhatItHappenedTo) {
  Document doc =
      MakeDoc("A Russian military helicopter was shot down over the Bryansk region on Saturday.");
  ASSERT_TRUE(SetPosTags(&doc, "DT JJ JJ NN VBD VBN RP IN DT NNP NN IN NNP ."));
  AddEntity(&doc, "Russian", "NORP", "russia@RU");
  AddEntity(&doc, "Bryansk", "GPE", "bryansk@RU");
  std::string t = AddTimex(&doc, "Saturday", "2023-06-24");
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 1u);
  EXPECT_EQ(doc.claims[0].measure, "russian military helicopter shot down");
  EXPECT_EQ(doc.claims[0].subject, "");  // nobody named as shooting
  EXPECT_EQ(doc.claims[0].time, t);

  // The noun a phrase hangs on, and the agent after "by".
  Document bill = MakeDoc("The aid bill for Ukraine was approved by Congress in December 2022.");
  ASSERT_TRUE(SetPosTags(&bill, "DT NN NN IN NNP VBD VBN IN NNP IN NNP CD ."));
  AddEntity(&bill, "Ukraine", "GPE", "ukraine@UA");
  AddEntity(&bill, "Congress", "ORG", "us-congress@US");
  AddTimex(&bill, "December 2022", "2022-12");
  Run(&bill);
  ASSERT_EQ(bill.claims.size(), 1u);
  EXPECT_EQ(bill.claims[0].measure, "aid bill approved");
  EXPECT_EQ(bill.claims[0].subject, "us-congress@US");

  // Undated, or dated only by a year that names another event: no claim.
  Document undated = MakeDoc(
      "Following the 2022 invasion, Russia has been sanctioned by the West. The bridge was "
      "attacked.");
  ASSERT_TRUE(SetPosTags(&undated, "VBG DT CD NN , NNP VBZ VBN VBN IN DT NNP . DT NN VBD VBN ."));
  AddEntity(&undated, "Russia", "GPE", "russia@RU");
  AddTimex(&undated, "2022", "2022");
  Run(&undated);
  for (const auto& c : undated.claims) ADD_FAILURE() << c.measure;
}

TEST_F(EventTaggerTest, CasualtyWithoutFigureOnlyForANamedPerson) {
  Document doc = MakeDoc(
      "Russian general Oleg Tsokov was killed in a missile strike on July 10. Two days later "
      "civilians were killed in Kherson.");
  ASSERT_TRUE(SetPosTags(&doc,
                         "JJ NN NNP NNP VBD VBN IN DT NN NN IN NNP CD . CD NNS RB NNS VBD "
                         "VBN IN NNP ."));
  AddEntity(&doc, "Russian", "NORP", "russia@RU");
  AddEntity(&doc, "Oleg Tsokov", "PERSON", "oleg-tsokov@RU");
  AddEntity(&doc, "Kherson", "GPE", "kherson@UA");
  AddTimex(&doc, "July 10", "2023-07-10");
  AddTimex(&doc, "Two days later", "2023-07-12");
  Run(&doc);
  std::vector<std::string> measures;
  for (const auto& c : doc.claims) measures.push_back(c.measure);
  EXPECT_NE(std::find(measures.begin(), measures.end(), "oleg tsokov killed"), measures.end());
  EXPECT_EQ(std::count(measures.begin(), measures.end(), "civilians killed"), 0);
  // The strike is not the victim's: the name stands before another verb.
  for (const auto& e : doc.events) {
    if (e.type == "ASSAULT") EXPECT_NE(e.actor, "e2");
  }
}

TEST_F(EventTaggerTest, ActiveCasualtyVerbHasItsDoerBeforeIt) {
  Document doc = MakeDoc("Ukrainian forces destroyed 12 of the 20 tanks.");
  ASSERT_TRUE(SetPosTags(&doc, "JJ NNS VBD CD IN DT CD NNS ."));
  AddEntity(&doc, "Ukrainian", "NORP", "ukraine@UA");
  Run(&doc);
  ASSERT_FALSE(doc.claims.empty());
  EXPECT_EQ(doc.claims[0].measure, "tanks destroyed");
  EXPECT_EQ(doc.claims[0].subject, "ukraine@UA");
  EXPECT_EQ(*doc.claims[0].value.min, 12);

  // A name inside an aside is not the doer.
  Document aside = MakeDoc(
      "The famine, called the Holodomor by Ukrainians, killed an estimated five million "
      "people.");
  ASSERT_TRUE(SetPosTags(&aside, "DT NN , VBN DT NNP IN NNPS , VBD DT VBN CD CD NNS ."));
  AddEntity(&aside, "Ukrainians", "NORP", "ukraine@UA");
  Run(&aside);
  ASSERT_FALSE(aside.claims.empty());
  EXPECT_EQ(aside.claims[0].subject, "");
}

TEST_F(EventTaggerTest, PastTenseEventIsNotPlannedByItsDate) {
  // (The date was put in the coming month by the time tagger; the verb says
  // it happened.)
  Document doc =
      MakeDoc("The Kerch bridge was attacked on July 17. Russia will attack on July 20.");
  ASSERT_TRUE(SetPosTags(&doc, "DT NNP NN VBD VBN IN NNP CD . NNP MD VB IN NNP CD ."));
  AddEntity(&doc, "Kerch", "GPE", "kerch@UA");
  AddEntity(&doc, "Russia", "GPE", "russia@RU");
  AddTimex(&doc, "July 17", "2025-07-17");
  AddTimex(&doc, "July 20", "2025-07-20");
  AnnotateOptions o;
  o.dct = "2025-06-30";
  ASSERT_TRUE(quantities_->Annotate(&doc, o).ok());
  ASSERT_TRUE(attributions_->Annotate(&doc, o).ok());
  ASSERT_TRUE(events_->Annotate(&doc, o).ok());
  ASSERT_EQ(doc.events.size(), 2u);
  EXPECT_EQ(doc.events[0].modality, "asserted");
  EXPECT_EQ(doc.events[1].modality, "planned");
}

TEST_F(EventTaggerTest, PlaceTakenInThePerfectIsNewsUndated) {
  Document doc = MakeDoc(
      "Russian forces have captured the town of Marinka, the defence ministry claimed on "
      "Sunday. Russia annexed Crimea.");
  ASSERT_TRUE(
      SetPosTags(&doc, "JJ NNS VBP VBN DT NN IN NNP , DT NN NN VBD IN NNP . NNP VBD NNP ."));
  AddEntity(&doc, "Russian", "NORP", "russia@RU");
  AddEntity(&doc, "Marinka", "GPE", "marinka@UA");
  AddEntity(&doc, "Russia", "GPE", "russia@RU", 90);
  AddEntity(&doc, "Crimea", "GPE", "crimea@UA");
  AddTimex(&doc, "Sunday", "2023-12-24");
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 1u);  // (the bare past of "annexed" is background)
  EXPECT_EQ(doc.claims[0].measure, "marinka captured");
  EXPECT_EQ(doc.claims[0].subject, "russia@RU");
  EXPECT_EQ(doc.claims[0].time, "");  // the day of the claim, not of the capture
  EXPECT_EQ(doc.claims[0].modality, "reported");
}

TEST_F(EventTaggerTest, FirstPersonSpeaksForTheBodyNamedWithTheSpeaker) {
  Document doc = MakeDoc(
      "\"We shot down 20 drones overnight,\" Ukrainian Air Force spokesman Yuriy Ihnat said.");
  ASSERT_TRUE(SetPosTags(&doc, "`` PRP VBD RP CD NNS RB , '' JJ NNP NNP NN NNP NNP VBD ."));
  AddEntity(&doc, "Ukrainian Air Force", "ORG", "ukrainian-air-force@UA");
  AddEntity(&doc, "Yuriy Ihnat", "PERSON", "yuriy-ihnat");
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 1u);
  EXPECT_EQ(doc.claims[0].measure, "drones shot down");
  EXPECT_EQ(doc.claims[0].subject.substr(doc.claims[0].subject.size() - 3), "@UA");
}

TEST_F(EventTaggerTest, QuotationAndPartitiveContinueTheFigureBefore) {
  Document doc = MakeDoc(
      "\"We have lost 20 soldiers,\" the commander said. \"Another 15 were wounded.\" Russia "
      "fired 30 missiles. Ukraine said it had shot down 25 of them.");
  ASSERT_TRUE(SetPosTags(&doc,
                         "`` PRP VBP VBN CD NNS , '' DT NN VBD . `` DT CD VBD VBN . '' NNP "
                         "VBD CD NNS . NNP VBD PRP VBD VBN RP CD IN PRP ."));
  AddEntity(&doc, "Russia", "GPE", "russia@RU");
  AddEntity(&doc, "Ukraine", "GPE", "ukraine@UA");
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 4u);
  EXPECT_EQ(doc.claims[1].measure, "soldiers wounded");
  EXPECT_EQ(doc.claims[1].attribution, doc.claims[0].attribution);
  EXPECT_EQ(doc.claims[3].measure, "missiles shot down");
  EXPECT_EQ(doc.claims[3].subject, "ukraine@UA");
  EXPECT_EQ(*doc.claims[3].value.min, 25);
}

TEST_F(EventTaggerTest, PresentPerfectActIsNewsUndated) {
  Document doc = MakeDoc(
      "The US defence department has accused Russian President Vladimir Putin of depravity. "
      "Russia had detained Ilya Yashin.");
  ASSERT_TRUE(
      SetPosTags(&doc, "DT NNP NN NN VBZ VBN JJ NNP NNP NNP IN NN . NNP VBD VBN NNP NNP ."));
  AddEntity(&doc, "US", "GPE", "united-states@US");
  AddEntity(&doc, "Russian", "NORP", "russia@RU");
  AddEntity(&doc, "Vladimir Putin", "PERSON", "vladimir-putin@RU");
  AddEntity(&doc, "Russia", "GPE", "russia@RU", 60);
  AddEntity(&doc, "Ilya Yashin", "PERSON", "ilya-yashin@RU");
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 1u);  // (the past perfect is no news of the day)
  EXPECT_EQ(doc.claims[0].measure, "vladimir putin accused");
  EXPECT_EQ(doc.claims[0].time, "");

  // An accusation of nobody named gives none.
  Document bare = MakeDoc("Moscow has accused, again.");
  ASSERT_TRUE(SetPosTags(&bare, "NNP VBZ VBN , RB ."));
  AddEntity(&bare, "Moscow", "GPE", "moscow@RU");
  Run(&bare);
  EXPECT_TRUE(bare.claims.empty());
}

TEST_F(EventTaggerTest, CompoundDurationMeasuresTheNounAfterIt) {
  Document doc = MakeDoc(
      "Xi Jinping began a three-day visit to Moscow on Monday. He had a 20-year career. The "
      "2-year-old war goes on.",
      "2023-03-20");
  ASSERT_TRUE(SetPosTags(&doc,
                         "NNP NNP VBD DT JJ NN TO NNP IN NNP . PRP VBD DT JJ NN . DT JJ NN "
                         "VBZ RP ."));
  AddEntity(&doc, "Xi Jinping", "PERSON", "xi-jinping@CN");
  AddEntity(&doc, "Moscow", "GPE", "moscow@RU");
  AddTimex(&doc, "three-day", "P3D", "DURATION");
  AddTimex(&doc, "Monday", "2023-03-20");
  AddTimex(&doc, "20-year", "P20Y", "DURATION");
  AddTimex(&doc, "2-year-old", "P2Y", "DURATION");
  Run(&doc);
  std::vector<const Claim*> durations;
  for (const auto& c : doc.claims) {
    if (c.measure.find("duration") != std::string::npos) durations.push_back(&c);
  }
  // ("career" is no cue; "2-year-old" is an age.)
  ASSERT_EQ(durations.size(), 1u);
  EXPECT_EQ(durations[0]->measure, "visit duration in days");
  EXPECT_EQ(*durations[0]->value.min, 3);
  EXPECT_EQ(durations[0]->subject, "xi-jinping@CN");
}

TEST_F(EventTaggerTest, ReceiverBetweenGivingAndWhatIsGiven) {
  Document doc = MakeDoc(
      "The UK plans to give Ukraine 400 vehicles. Germany sent Kyiv 14 Leopard tanks. About 8,000 "
      "British troops have taken part in the drills.");
  ASSERT_TRUE(SetPosTags(&doc,
                         "DT NNP VBZ TO VB NNP CD NNS . NNP VBD NNP CD NNP NNS . RB CD JJ "
                         "NNS VBP VBN NN IN DT NNS ."));
  AddEntity(&doc, "UK", "GPE", "united-kingdom@GB");
  AddEntity(&doc, "Ukraine", "GPE", "ukraine@UA");
  AddEntity(&doc, "Germany", "GPE", "germany@DE");
  AddEntity(&doc, "Kyiv", "GPE", "kyiv@UA");
  AddEntity(&doc, "British", "NORP", "united-kingdom@GB");
  Run(&doc);
  ASSERT_EQ(doc.claims.size(), 3u);
  EXPECT_EQ(doc.claims[0].measure, "vehicles supplied");
  EXPECT_EQ(doc.claims[0].subject, "united-kingdom@GB");
  EXPECT_EQ(doc.claims[0].modality, "planned");
  EXPECT_EQ(*doc.claims[1].value.min, 14);
  EXPECT_EQ(doc.claims[1].subject, "germany@DE");
  EXPECT_EQ(doc.claims[2].measure, "troops taken part");
}

}  // namespace
}  // namespace sitrep::claims
