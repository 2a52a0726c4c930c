// Folding, alias tables, the one-edit index and the Debian-built gazetteer.
#include "ner/gazetteer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "ner/entity_fold.h"
#include "ner/gazetteer_match.h"

namespace sitrep {
namespace {

TEST(EntityFold, FoldsCaseHyphensSpacesAndScripts) {
  EXPECT_EQ(Fold("Kim Jong-un"), "kimjongun");
  EXPECT_EQ(Fold("KIM JONG UN"), "kimjongun");
  EXPECT_EQ(Fold("U.S."), "us");
  EXPECT_EQ(Fold("People's"), "peoples");
  EXPECT_EQ(Fold("Erdo\xC4\x9F"
                 "an"),
            "erdogan");
  // Cyrillic Р (U+0420) inside a Latin word is its Latin look-alike P.
  EXPECT_EQ(Fold("\xD0\xA0utin"), "putin");
  // All-Cyrillic is transliterated: Путин.
  EXPECT_EQ(Fold("\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD"), "putin");
  EXPECT_EQ(Fold("--"), "");
}

TEST(EntityFold, Slugs) {
  EXPECT_EQ(Slugify("Korean People's Army"), "korean-peoples-army");
  EXPECT_EQ(Slugify("  Kim Jong-un "), "kim-jong-un");
  EXPECT_EQ(Slugify("Erdo\xC4\x9F"
                    "an"),
            "erdogan");
  EXPECT_EQ(Slugify("Russia\xE2\x80\x99s army"), "russias-army");
}

class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("sitrep-gaz-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string Write(const std::string& name, const std::string& content) {
    std::string p = (path_ / name).string();
    std::ofstream(p) << content;
    return p;
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

GazetteerOptions CuratedOnly(const std::string& actors_dir) {
  GazetteerOptions o;
  o.use_debian = false;
  o.actors_dir = actors_dir;
  return o;
}

TEST(ActorTable, LoadsAliasesAndRejectsBadRows) {
  TempDir dir;
  dir.Write("a.tsv",
            "# comment\n"
            "kim-jong-un@KP\tPERSON\tKP\tKim Jong Un\tKim Jong-un|Kim Jongun\n"
            "national-intelligence-service@KR\tORG\tKR\tNational Intelligence Service\tNIS\n"
            "nato\tORG\t\tNATO\tNato|North Atlantic Treaty Organization\n");
  auto gaz = Gazetteer::Build(CuratedOnly(dir.path()));
  ASSERT_TRUE(gaz.ok()) << gaz.status().ToString();
  const NameEntry* e = (*gaz)->Find(Fold("Kim Jong-un"));
  ASSERT_NE(e, nullptr);
  EXPECT_EQ((*gaz)->actor(e->actor).id, "kim-jong-un@KP");
  EXPECT_EQ((*gaz)->actor(e->actor).type, ActorType::kPerson);
  const NameEntry* nis = (*gaz)->Find("nis");
  ASSERT_NE(nis, nullptr);
  EXPECT_TRUE(nis->acronym);
  // "Nato" is listed, so NATO may be written in mixed case.
  const NameEntry* nato = (*gaz)->Find("nato");
  ASSERT_NE(nato, nullptr);
  EXPECT_FALSE(nato->acronym);
  EXPECT_TRUE((*gaz)->IsPrefix("kimjong"));
  EXPECT_FALSE((*gaz)->IsPrefix("kimj"));

  for (const char* bad : {"x\tPERSON\tKP\tName\n",            // 4 fields
                          "Bad Id@KP\tPERSON\tKP\tName\t\n",  // id
                          "kim@KP\tHERO\tKP\tName\t\n",       // type
                          "kim@KP\tPERSON\tkp\tName\t\n",     // country
                          "kim@KP\tPERSON\tKR\tName\t\n"}) {  // id vs country
    TempDir bad_dir;
    bad_dir.Write("bad.tsv", std::string("# header\n") + bad);
    auto g = Gazetteer::Build(CuratedOnly(bad_dir.path()));
    ASSERT_FALSE(g.ok()) << bad;
    EXPECT_TRUE(g.status().IsInvalidArgument());
    EXPECT_NE(g.status().message().find("bad.tsv:2"), std::string::npos) << g.status().message();
  }
}

TEST(ActorTable, RepositoryTablesLoad) {
  auto gaz = Gazetteer::Build(CuratedOnly(""));
  ASSERT_TRUE(gaz.ok()) << gaz.status().ToString();
  EXPECT_GE((*gaz)->actors().size(), 250u);
}

TEST(Gazetteer, OneEditOnlyAgainstLongNames) {
  TempDir dir;
  dir.Write("a.tsv",
            "kursk@RU\tGPE\tRU\tKursk\t\n"
            "kurds\tNORP\t\tKurds\t\n"
            "oslo@NO\tGPE\tNO\tOslo\t\n"
            "abrama@IN\tGPE\tIN\tAbrama\t\n");
  auto gaz = Gazetteer::Build(CuratedOnly(dir.path()));
  ASSERT_TRUE(gaz.ok());
  std::string matched;
  const NameEntry* e = (*gaz)->FindFuzzy("kurks", &matched);  // swap beats substitution
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(matched, "kursk");
  EXPECT_NE((*gaz)->FindFuzzy("kurrsk"), nullptr);  // insertion
  // A final "s" changed or added makes another word: a surname, a plural.
  EXPECT_EQ((*gaz)->FindFuzzy("abrams"), nullptr);
  EXPECT_EQ((*gaz)->FindFuzzy("kursks"), nullptr);
  EXPECT_NE((*gaz)->FindFuzzy("krsk"), nullptr);   // deletion
  EXPECT_EQ((*gaz)->FindFuzzy("oslp"), nullptr);   // Oslo has 4 letters
  EXPECT_EQ((*gaz)->FindFuzzy("kxrxk"), nullptr);  // two edits
}

TEST(GazetteerMatch, LongestMatchAndCasing) {
  TempDir dir;
  dir.Write("a.tsv",
            "north-korea@KP\tGPE\tKP\tNorth Korea\tDPRK\n"
            "korean-peoples-army@KP\tMILITARY\tKP\tKorean People's Army\tKPA\n"
            "united-states@US\tGPE\tUS\tUnited States\tUS\n");
  auto gaz = Gazetteer::Build(CuratedOnly(dir.path()));
  ASSERT_TRUE(gaz.ok());
  SentenceWords w;
  for (const char* t :
       {"The", "Korean", "People", "'s", "Army", "told", "us", "that", "US", "officials", "lie"}) {
    w.Add(t);
  }
  w.Finish(false);
  std::vector<NameMatch> m = MatchNames(**gaz, w);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].begin, 1u);
  EXPECT_EQ(m[0].end, 5u);
  EXPECT_EQ(m[1].begin, 8u);  // "US", not "us"
}

TEST(Gazetteer, OneEditKeepsTheFirstLetter) {
  TempDir dir;
  dir.Write("a.tsv",
            "randers@DK\tGPE\tDK\tRanders\t\n"
            "khan-yunis@PS\tGPE\tPS\tKhan Yunis\t\n");
  auto gaz = Gazetteer::Build(CuratedOnly(dir.path()));
  ASSERT_TRUE(gaz.ok());
  EXPECT_EQ((*gaz)->FindFuzzy("sanders"), nullptr);  // a senator, not a Danish town
  EXPECT_NE((*gaz)->FindFuzzy("randars"), nullptr);
  // Names of several words answer only a probe of several words.
  EXPECT_EQ((*gaz)->FindFuzzy("khanyounis"), nullptr);
  const NameEntry* e = (*gaz)->FindFuzzy("khanyounis", nullptr, /*multiword=*/true);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ((*gaz)->actor(e->actor).id, "khan-yunis@PS");
}

std::vector<NameMatch> MatchWords(const Gazetteer& gaz, std::initializer_list<const char*> words) {
  SentenceWords w;
  for (const char* t : words) w.Add(t);
  w.Finish(false);
  return MatchNames(gaz, w);
}

TEST(GazetteerMatch, OneEditAcrossTwoWords) {
  TempDir dir;
  dir.Write("a.tsv", "khan-yunis@PS\tGPE\tPS\tKhan Yunis\t\nkursk@RU\tGPE\tRU\tKursk\t\n");
  auto gaz = Gazetteer::Build(CuratedOnly(dir.path()));
  ASSERT_TRUE(gaz.ok());
  std::vector<NameMatch> m =
      MatchWords(**gaz, {"Tanks", "moved", "into", "El", "Fasher", "and", "Khan", "Younis"});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].begin, 6u);
  EXPECT_EQ(m[0].end, 8u);
  EXPECT_TRUE(m[0].fuzzy);
  // No one-edit guess for a word with a capital inside: a brand or acronym.
  EXPECT_TRUE(MatchWords(**gaz, {"Reporters", "at", "KurKs", "said"}).empty());
  EXPECT_EQ(MatchWords(**gaz, {"Reporters", "at", "Kurks", "said"}).size(), 1u);
}

TEST(GazetteerMatch, ClosedClassWordsAreNoMisspelledPlaces) {
  TempDir dir;
  dir.Write("a.tsv", "sinoe@LR\tGPE\tLR\tSinoe\t\n");
  auto gaz = Gazetteer::Build(CuratedOnly(dir.path()));
  ASSERT_TRUE(gaz.ok());
  EXPECT_TRUE(MatchWords(**gaz, {"Since", "the", "spring", ",", "prices", "rose"}).empty());
  EXPECT_EQ(MatchWords(**gaz, {"Rebels", "left", "Sinoe"}).size(), 1u);
}

TEST(GazetteerMatch, NamesDoNotEndInALowercaseWord) {
  TempDir dir;
  dir.Write("a.tsv",
            "russian-armed-forces@RU\tMILITARY\tRU\tRussian Armed Forces\tRussian troops\n"
            "kursk-oblast@RU\tGPE\tRU\tKursk Oblast\tKursk region\n");
  auto gaz = Gazetteer::Build(CuratedOnly(dir.path()));
  ASSERT_TRUE(gaz.ok());
  // The curated tables' aliases and a subdivision's generic word may end a
  // name in lower case ...
  std::vector<NameMatch> m = MatchWords(**gaz, {"Drones", "hit", "the", "Kursk", "region"});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].end - m[0].begin, 2u);
  m = MatchWords(**gaz, {"Russian", "troops", "crossed", "the", "river"});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].end - m[0].begin, 2u);
  // ... other names not: WordNet's "Russian capital" (Moscow) in cased text.
  auto full = Gazetteer::LoadDefault();
  ASSERT_TRUE(full.ok());
  const NameEntry* e = (*full)->Find("russiancapital");
  if (e == nullptr || e->priority >= kPriorityCurated) GTEST_SKIP() << "no WordNet name";
  EXPECT_TRUE(MatchWords(**full, {"Crowds", "filled", "the", "Russian", "capital"}).empty() ||
              MatchWords(**full, {"Crowds", "filled", "the", "Russian", "capital"})[0].end == 4u);
}

TEST(Gazetteer, OutletsAreOrganizations) {
  TempDir dir;
  dir.Write("outlets.tsv",
            "# outlet affiliation country aliases\n"
            "BelTA\tstate-owned\tBY\tBelarusian Telegraph Agency|belta.by|eng.belta.by\n");
  GazetteerOptions o = CuratedOnly(dir.path() + "/none");
  o.outlets_path = dir.path() + "/outlets.tsv";
  auto gaz = Gazetteer::Build(o);
  ASSERT_TRUE(gaz.ok()) << gaz.status().ToString();
  for (const char* name : {"BelTA", "Belarusian Telegraph Agency"}) {
    const NameEntry* e = (*gaz)->Find(Fold(name));
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ((*gaz)->actor(e->actor).id, "belta@BY");
    EXPECT_EQ((*gaz)->actor(e->actor).type, ActorType::kOrg);
  }
  EXPECT_EQ((*gaz)->Find(Fold("belta.by")), nullptr);  // a web address
  o.outlets_path = "-";
  auto none = Gazetteer::Build(o);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ((*none)->Find(Fold("BelTA")), nullptr);
}

// The gazetteer built from the Debian packages (skips if they are missing).
TEST(Gazetteer, DebianSources) {
  if (!std::filesystem::exists("/usr/share/iso-codes/json/iso_3166-1.json") ||
      !std::filesystem::exists("/usr/share/wordnet/data.noun")) {
    GTEST_SKIP() << "iso-codes or wordnet-base not installed";
  }
  auto gaz = Gazetteer::LoadDefault();
  ASSERT_TRUE(gaz.ok()) << gaz.status().ToString();
  const Gazetteer& g = **gaz;
  auto id_of = [&](const char* name) -> std::string {
    const NameEntry* e = g.Find(Fold(name));
    return e == nullptr ? "" : g.actor(e->actor).id;
  };
  EXPECT_EQ(id_of("North Korea"), "north-korea@KP");
  EXPECT_EQ(id_of("Democratic People's Republic of Korea"), "north-korea@KP");  // iso official
  EXPECT_EQ(id_of("Ivory Coast"), "cote-divoire@CI");                           // CLDR variant
  EXPECT_EQ(id_of("Burma"), "myanmar@MM");                                      // "(Burma)"
  EXPECT_EQ(id_of("Kursk"), "kursk@RU");                       // WordNet city, part of Russia
  EXPECT_EQ(id_of("Luhansk"), "luhansk@UA");                   // curated spelling
  EXPECT_EQ(id_of("Kurskaja oblast'"), "kurskaja-oblast@RU");  // ISO 3166-2
  EXPECT_EQ(id_of("Donetska oblast"), "donetska-oblast@UA");
  const NameEntry* seoul = g.Find("seoul");
  ASSERT_NE(seoul, nullptr);
  EXPECT_EQ(g.actor(seoul->actor).capital_of, "KR");
  const NameEntry* norp = g.Find(Fold("North Koreans"));
  ASSERT_NE(norp, nullptr);
  // The curated NORP row wins; its mentions link to the country's actor.
  EXPECT_EQ(g.actor(norp->actor).type, ActorType::kNorp);
  EXPECT_EQ(g.actor(g.CountryActor(g.actor(norp->actor).country)).id, "north-korea@KP");
  const NameEntry* dem = g.Find(Fold("Ukrainians"));  // from WordNet
  ASSERT_NE(dem, nullptr);
  EXPECT_TRUE(dem->demonym);
  EXPECT_EQ(g.actor(dem->actor).id, "ukraine@UA");
  const NameEntry* sea = g.Find(Fold("Black Sea"));
  ASSERT_NE(sea, nullptr);
  EXPECT_EQ(g.actor(sea->actor).type, ActorType::kLoc);
  const NameEntry* reading = g.Find("reading");
  ASSERT_NE(reading, nullptr);
  EXPECT_TRUE(reading->common);
  EXPECT_TRUE(g.IsCommonWord("central"));
}

}  // namespace
}  // namespace sitrep
