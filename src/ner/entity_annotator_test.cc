// The entity annotator on realistic news text, gazetteer only (no trained
// model), so the tests do not depend on the statistical tagger's weights.
#include "ner/entity_annotator.h"

#include <gtest/gtest.h>

#include <string>

#include "text/segmenter.h"

namespace sitrep {
namespace {

class EntityAnnotatorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto g = Gazetteer::LoadDefault();
    ASSERT_TRUE(g.ok()) << g.status().ToString();
    gazetteer_ = new std::shared_ptr<const Gazetteer>(*g);
  }
  static void TearDownTestSuite() {
    delete gazetteer_;
    gazetteer_ = nullptr;
  }

  Document Annotate(const std::string& text) {
    Document doc;
    doc.text = text;
    Segmenter().Segment(&doc);
    EntityAnnotator annotator(*gazetteer_, nullptr);
    EXPECT_TRUE(annotator.Annotate(&doc, {}).ok());
    for (const auto& e : doc.entities) {
      EXPECT_LE(e.start, e.end);
      EXPECT_LE(e.end, doc.text.size());
      EXPECT_EQ(e.text, doc.text.substr(e.start, e.end - e.start));
    }
    return doc;
  }

  // The mention whose text is `text` (the n-th one), or null.
  static const EntityMention* Find(const Document& doc, const std::string& text, int n = 0) {
    for (const auto& e : doc.entities) {
      if (e.text == text && n-- == 0) return &e;
    }
    return nullptr;
  }

  static std::shared_ptr<const Gazetteer>* gazetteer_;
};

std::shared_ptr<const Gazetteer>* EntityAnnotatorTest::gazetteer_ = nullptr;

TEST_F(EntityAnnotatorTest, LinksVariantsOfOneLeader) {
  Document doc = Annotate(
      "North Korean leader Kim Jong-un inspected a missile factory on Monday. "
      "Kim Jong Un was accompanied by his sister. Kim later told officials the tests "
      "would continue.");
  const EntityMention* a = Find(doc, "Kim Jong-un");
  const EntityMention* b = Find(doc, "Kim Jong Un");
  const EntityMention* c = Find(doc, "Kim");
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(a->actor, "kim-jong-un@KP");
  EXPECT_EQ(b->actor, "kim-jong-un@KP");
  EXPECT_EQ(c->actor, "kim-jong-un@KP");
  EXPECT_EQ(c->type, "PERSON");
  const EntityMention* norp = Find(doc, "North Korean");
  ASSERT_NE(norp, nullptr);
  EXPECT_EQ(norp->type, "NORP");
  EXPECT_EQ(norp->actor, "north-korea@KP");
}

TEST_F(EntityAnnotatorTest, CapitalAsActorButNotAsPlace) {
  Document doc = Annotate(
      "Pyongyang denied sending troops. Diplomats in Pyongyang said the embassy was calm.");
  const EntityMention* actor = Find(doc, "Pyongyang", 0);
  const EntityMention* place = Find(doc, "Pyongyang", 1);
  ASSERT_NE(actor, nullptr);
  ASSERT_NE(place, nullptr);
  EXPECT_EQ(actor->actor, "north-korea@KP");
  EXPECT_EQ(place->actor, "pyongyang@KP");
  EXPECT_EQ(place->type, "GPE");
}

TEST_F(EntityAnnotatorTest, KremlinAndAcronyms) {
  Document doc = Annotate(
      "The Kremlin said the talks were useful. South Korea's National Intelligence "
      "Service said KPA units had moved. The NIS briefed lawmakers, but the agency "
      "gave no figures. US officials told us nothing.");
  const EntityMention* kremlin = Find(doc, "Kremlin");
  ASSERT_NE(kremlin, nullptr);
  EXPECT_EQ(kremlin->actor, "russian-presidency@RU");
  const EntityMention* kpa = Find(doc, "KPA");
  ASSERT_NE(kpa, nullptr);
  EXPECT_EQ(kpa->actor, "korean-peoples-army@KP");
  EXPECT_EQ(kpa->type, "MILITARY");
  const EntityMention* nis = Find(doc, "NIS");
  ASSERT_NE(nis, nullptr);
  EXPECT_EQ(nis->actor, "national-intelligence-service@KR");
  const EntityMention* agency = Find(doc, "the agency");
  ASSERT_NE(agency, nullptr);
  EXPECT_EQ(agency->actor, "national-intelligence-service@KR");
  ASSERT_NE(Find(doc, "US"), nullptr);
  EXPECT_EQ(Find(doc, "us"), nullptr);  // the pronoun
}

TEST_F(EntityAnnotatorTest, AllCapsHeadline) {
  Document doc = Annotate("PUTIN AND KIM SIGN DEFENCE PACT IN PYONGYANG\n\nThe deal was signed.");
  const EntityMention* putin = Find(doc, "PUTIN");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->actor, "vladimir-putin@RU");
  const EntityMention* city = Find(doc, "PYONGYANG");
  ASSERT_NE(city, nullptr);
  EXPECT_EQ(city->actor, "pyongyang@KP");
  EXPECT_EQ(Find(doc, "AND"), nullptr);
  EXPECT_EQ(Find(doc, "IN"), nullptr);
}

TEST_F(EntityAnnotatorTest, LowercaseText) {
  std::string text =
      "zelensky met officials in kyiv on tuesday and said russian forces had shelled "
      "kharkiv overnight. the talks in the city lasted for hours and ended without any "
      "statement from the delegations, who left for their hotels after a short dinner "
      "that was described by those present as calm and businesslike in every way.";
  Document doc = Annotate(text);
  const EntityMention* z = Find(doc, "zelensky");
  ASSERT_NE(z, nullptr);
  EXPECT_EQ(z->actor, "volodymyr-zelenskyy@UA");
  const EntityMention* kyiv = Find(doc, "kyiv");
  ASSERT_NE(kyiv, nullptr);
  EXPECT_EQ(kyiv->actor, "kyiv@UA");
  ASSERT_NE(Find(doc, "russian forces"), nullptr);
  EXPECT_EQ(Find(doc, "in"), nullptr);
  EXPECT_EQ(Find(doc, "who"), nullptr);
}

TEST_F(EntityAnnotatorTest, MixedScriptAndTransliteration) {
  // "Рutin" starts with a Cyrillic Р; "Зеленський" is Ukrainian Cyrillic.
  Document doc = Annotate(
      "\xD0\xA0utin met \xD0\x97\xD0\xB5\xD0\xBB\xD0\xB5\xD0\xBD\xD1\x81"
      "\xD1\x8C\xD0\xBA\xD0\xB8\xD0\xB9 nowhere. Erdo\xC4\x9F"
      "an spoke.");
  ASSERT_GE(doc.entities.size(), 3u);
  EXPECT_EQ(doc.entities[0].actor, "vladimir-putin@RU");
  EXPECT_EQ(doc.entities[1].actor, "volodymyr-zelenskyy@UA");
  EXPECT_EQ(doc.entities[2].actor, "recep-tayyip-erdogan@TR");
}

TEST_F(EntityAnnotatorTest, OneEditFromAPlaceName) {
  Document doc = Annotate("Ukrainian troops advanced near Kurks on Friday.");
  const EntityMention* k = Find(doc, "Kurks");
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->actor, "kursk@RU");
  EXPECT_EQ(k->type, "GPE");
}

TEST_F(EntityAnnotatorTest, LocationsThatAreNotPoliticalUnits) {
  Document doc = Annotate("Drones struck ships in the Black Sea and near the Dnieper.");
  const EntityMention* sea = Find(doc, "Black Sea");
  ASSERT_NE(sea, nullptr);
  EXPECT_EQ(sea->type, "LOC");
}

TEST_F(EntityAnnotatorTest, CommonWordsAreNotPlacesWithoutTheTagger) {
  Document doc = Annotate("Reading the report, Central bankers said Nice things.");
  EXPECT_EQ(Find(doc, "Reading"), nullptr);
  EXPECT_EQ(Find(doc, "Central"), nullptr);
}

TEST_F(EntityAnnotatorTest, EmptyAndOddInput) {
  EXPECT_TRUE(Annotate("").entities.empty());
  EXPECT_TRUE(Annotate("...\n\n!!!").entities.empty());
  std::string long_token(5000, 'A');
  Document doc = Annotate(long_token + " met Putin.");
  ASSERT_NE(Find(doc, "Putin"), nullptr);
}

TEST_F(EntityAnnotatorTest, SameIdAcrossDocuments) {
  Document a = Annotate("Ukrainian President Volodymyr Zelenskyy spoke in Kyiv.");
  Document b = Annotate("ZELENSKY WARNS OF NEW OFFENSIVE");
  ASSERT_NE(Find(a, "Volodymyr Zelenskyy"), nullptr);
  ASSERT_NE(Find(b, "ZELENSKY"), nullptr);
  EXPECT_EQ(Find(a, "Volodymyr Zelenskyy")->actor, Find(b, "ZELENSKY")->actor);
}

TEST_F(EntityAnnotatorTest, WordsGluedIntoOneTokenAreSplit) {
  // A sentence glued to the next, punctuation glued to a name.
  Document doc = Annotate(
      "The convoy finally reached Kharkiv.Residents said the shelling had stopped. "
      "Nobody spoke about the future of Ukraine.- The minister left early.");
  const EntityMention* k = Find(doc, "Kharkiv");
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->type, "GPE");
  ASSERT_NE(Find(doc, "Ukraine"), nullptr);
  EXPECT_EQ(Find(doc, "Ukraine.-"), nullptr);
  // A name and a lower-case word; two names; names between slashes.
  doc = Annotate(
      "A U.S.-based think tank said Kremlin-backed outlets spread the claim. "
      "Photo: Petro Ivanenko/Reuters/Getty Images");
  ASSERT_NE(Find(doc, "U.S."), nullptr);
  EXPECT_EQ(Find(doc, "U.S.")->type, "GPE");
  ASSERT_NE(Find(doc, "Kremlin"), nullptr);
  ASSERT_NE(Find(doc, "Reuters"), nullptr);
  EXPECT_EQ(Find(doc, "Reuters")->type, "ORG");
  doc = Annotate("RUSSIA-UKRAINE TALKS STALL AGAIN");
  ASSERT_NE(Find(doc, "RUSSIA"), nullptr);
  ASSERT_NE(Find(doc, "UKRAINE"), nullptr);
  // One name with a hyphen stays whole.
  doc = Annotate("Missiles hit Rostov-on-Don overnight.");
  ASSERT_NE(Find(doc, "Rostov-on-Don"), nullptr);
}

TEST_F(EntityAnnotatorTest, ClosedClassWordsAreNoPlaces) {
  Document doc = Annotate("Since February the brigade has held the line near Bakhmut.");
  EXPECT_EQ(Find(doc, "Since"), nullptr);
  ASSERT_NE(Find(doc, "Bakhmut"), nullptr);
}

TEST_F(EntityAnnotatorTest, OutletsAreOrganizations) {
  Document doc = Annotate(
      "MINSK, 3 May (BelTA) - Belarus will hold joint drills with Russia, BelTA has learned.");
  const EntityMention* b = Find(doc, "BelTA");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->type, "ORG");
  EXPECT_EQ(b->actor, "belta@BY");
}

TEST_F(EntityAnnotatorTest, DescriptionsOfAPlaceAreNotItsName) {
  Document doc = Annotate("Thousands of people marched through the Russian capital on Sunday.");
  EXPECT_EQ(Find(doc, "Russian capital"), nullptr);
  ASSERT_NE(Find(doc, "Russian"), nullptr);
  EXPECT_EQ(Find(doc, "Russian")->type, "NORP");
}

// The same stage with the statistical tagger (skips when models/ner.bin is
// missing or stale).
class EntityAnnotatorTaggerTest : public EntityAnnotatorTest {
 protected:
  Document AnnotateWithTagger(const std::string& text) {
    auto tagger = NerTagger::LoadDefault();
    if (!tagger.ok()) return Document();
    Document doc;
    doc.text = text;
    Segmenter().Segment(&doc);
    EntityAnnotator annotator(*gazetteer_, std::move(*tagger));
    EXPECT_TRUE(annotator.Annotate(&doc, {}).ok());
    return doc;
  }
  void SetUp() override {
    if (!NerTagger::LoadDefault().ok()) GTEST_SKIP() << "no NER model";
  }
};

TEST_F(EntityAnnotatorTaggerTest, PersonNamesAroundKnownWords) {
  // "Elizabeth" is a WordNet person and "Warren" a town, "Bernie" is one edit
  // from Berne: the names side by side are one person each.
  Document doc = AnnotateWithTagger(
      "Senators Bernie Sanders, Elizabeth Warren and Chris Murphy wrote to the White House.");
  for (const char* name : {"Bernie Sanders", "Elizabeth Warren", "Chris Murphy"}) {
    const EntityMention* m = Find(doc, name);
    ASSERT_NE(m, nullptr) << name;
    EXPECT_EQ(m->type, "PERSON") << name;
  }
  doc = AnnotateWithTagger("The former ambassador Nikki Haley said the plan would fail.");
  ASSERT_NE(Find(doc, "Nikki Haley"), nullptr);
  EXPECT_EQ(Find(doc, "Nikki Haley")->type, "PERSON");
  doc = AnnotateWithTagger("Charles Michel spoke with the Polish prime minister on Friday.");
  ASSERT_NE(Find(doc, "Charles Michel"), nullptr);
}

TEST_F(EntityAnnotatorTaggerTest, AdjectivePhrasesOfDemonymsAreNotOrganizations) {
  Document doc = AnnotateWithTagger(
      "The governments of Eastern European countries continue to send shells to Kyiv.");
  const EntityMention* m = Find(doc, "Eastern European");
  if (m != nullptr) EXPECT_EQ(m->type, "NORP");
  for (const auto& e : doc.entities) EXPECT_NE(e.type, "ORG") << e.text;
}

TEST_F(EntityAnnotatorTaggerTest, DemonymBeforeAnOrganizationIsPartOfItsName) {
  Document doc = AnnotateWithTagger(
      "The minister told Polish Radio that Belarusian Army units had moved, while Russian "
      "Gazprom cut supplies.");
  const EntityMention* m = Find(doc, "Polish Radio");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->type, "ORG");
  EXPECT_EQ(m->country, "PL");
  ASSERT_NE(Find(doc, "Belarusian Army"), nullptr);
  EXPECT_EQ(Find(doc, "Russian Gazprom"), nullptr);  // no org word: two names
}

TEST_F(EntityAnnotatorTaggerTest, TreatiesAreDocumentsNotActors) {
  Document doc = AnnotateWithTagger(
      "Both sides signed the Minsk Protocol in 2014, and Moscow later suspended the New START "
      "Treaty.");
  for (const char* name : {"Minsk Protocol", "New START Treaty"}) {
    const EntityMention* m = Find(doc, name);
    ASSERT_NE(m, nullptr) << name;
    EXPECT_EQ(m->type, "MISC") << name;
    EXPECT_TRUE(m->actor.empty()) << name;
  }
}

TEST_F(EntityAnnotatorTaggerTest, SentenceOpeningWordsAndPlaceNamesInLists) {
  Document doc = AnnotateWithTagger(
      "As he wrote on Twitter, the talks had failed. Fighting spread to El Fasher and Khan "
      "Younis on Monday.");
  EXPECT_EQ(Find(doc, "As"), nullptr);
  EXPECT_EQ(Find(doc, "As he"), nullptr);
  EXPECT_EQ(Find(doc, "El Fasher and Khan Younis"), nullptr);
  if (const EntityMention* k = Find(doc, "Khan Younis")) EXPECT_EQ(k->type, "GPE");
  // Sentences glued together: no function word or English word opens a name.
  doc = AnnotateWithTagger(
      "The conflict looks dangerously real.Although Moscow denied any plan, troops massed. "
      "He resigned in a letter.Honesty and respect, he wrote, had been lost.");
  EXPECT_EQ(Find(doc, "Although Moscow"), nullptr);
  ASSERT_NE(Find(doc, "Moscow"), nullptr);
  EXPECT_EQ(Find(doc, "Honesty"), nullptr);
}

}  // namespace
}  // namespace sitrep
