#include "store/sqlite_store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "store/schema.h"
#include "store/test_util.h"

namespace sitrep::store {
namespace {

using testing::MakeDoc;
using testing::TempDir;
using testing::TestOptions;

const char kPortText[] =
    "The port authority in Kessaly said on Tuesday that three grain ships had left the harbour "
    "under naval escort, the first departures since the blockade began in March. Officials "
    "declined to say where the convoy was heading. A spokesman for the shipping ministry told "
    "reporters that insurance costs had doubled and that 40 vessels were still waiting to load.";
const char kPortEdited[] =
    "The port authority in Kessaly said on Tuesday that three grain ships had left the harbour "
    "under naval escort, the first departures since the blockade began in March. Officials "
    "declined to say where the convoy was heading. A spokesman for the shipping ministry told "
    "journalists that insurance costs had doubled and that 40 vessels were still waiting to load.";
const char kPortRewrite[] =
    "The port authority in Kessaly said on Tuesday that three grain ships had left the harbour "
    "under naval escort, the first departures since the blockade began in March. Officials "
    "declined to say where the convoy was heading. A spokesman for the shipping ministry told "
    "reporters that insurance costs had doubled and that 40 vessels were still waiting.";
const char kTalksText[] =
    "Negotiators from both governments met in Lorvan for a second round of talks on a "
    "ceasefire, according to a statement from the foreign ministry. The statement gave no "
    "details, but two diplomats briefed on the meeting said the sides disagreed over the "
    "withdrawal of artillery from the border districts.";

std::unique_ptr<Store> OpenOrDie(const std::string& path) {
  auto store = OpenSqliteStore(path, TestOptions());
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? std::move(*store) : nullptr;
}

TEST(SqliteStoreTest, PutThenGetRoundTripsMetadataAndAnnotations) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("s.db"));
  Document d = MakeDoc("d-0001", kPortText, "2024-03-12", "Kessaly Wire", "https://kw.example/1");
  d.title = "Grain ships leave Kessaly";
  d.raw = "Grain ships leave Kessaly\n\n" + d.text + "\nRead more: shipping news";
  d.offsets.clean = {0};
  d.offsets.raw = {27};
  d.removed.push_back(
      {27 + d.text.size() + 1, d.raw.size(), "Read more: shipping news", "boilerplate: read-more"});
  d.cited_sources.push_back({"Kessaly Times", 0, 100});
  d.sentences = {{0, 160}, {161, 210}};
  d.entities.push_back({"e1", 14, 21, "Kessaly", "GPE", "kessaly@XK", ""});
  d.timexes.push_back({"t1", 30, 37, "Tuesday", "DATE", "2024-03-12", "", "", "", "dct", false});
  Claim c;
  c.id = "c1";
  c.start = 0;
  c.end = 160;
  c.subject = "kessaly@XK";
  c.measure = "ships departed";
  c.value.min = 3;
  c.value.max = 3;
  d.claims.push_back(c);
  d.AddProblem("clean", "one line of site furniture removed");
  auto put = store->Put({d});
  ASSERT_TRUE(put.ok()) << put.status().ToString();
  EXPECT_EQ(put->added, 1);

  auto got = store->Get("d-0001");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->text, d.text);
  EXPECT_EQ(got->raw, d.raw);
  EXPECT_EQ(got->title, d.title);
  EXPECT_EQ(got->source, "Kessaly Wire");
  EXPECT_EQ(got->published.date, "2024-03-12");
  EXPECT_EQ(got->published.provenance, "metadata");
  EXPECT_EQ(got->offsets.raw, d.offsets.raw);
  ASSERT_EQ(got->removed.size(), 1u);
  EXPECT_EQ(got->removed[0].reason, "boilerplate: read-more");
  ASSERT_EQ(got->cited_sources.size(), 1u);
  EXPECT_EQ(got->cited_sources[0].name, "Kessaly Times");
  ASSERT_EQ(got->sentences.size(), 2u);
  ASSERT_EQ(got->entities.size(), 1u);
  EXPECT_EQ(got->entities[0].actor, "kessaly@XK");
  ASSERT_EQ(got->claims.size(), 1u);
  EXPECT_EQ(*got->claims[0].value.max, 3);
  ASSERT_EQ(got->problems.size(), 1u);
  ASSERT_EQ(got->sightings.size(), 1u);
  EXPECT_EQ(got->sightings[0].url, "https://kw.example/1");
  EXPECT_EQ(got->pipeline, "sitrep test");

  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 1);
  EXPECT_EQ(stats->entities, 1);
  EXPECT_EQ(stats->timexes, 1);
  EXPECT_EQ(stats->claims, 1);
  EXPECT_EQ(stats->schema_version, kLatestSchemaVersion);
  EXPECT_EQ(stats->raw_bytes, static_cast<int64_t>(d.raw.size()));
  EXPECT_TRUE(store->Get("d-none").status().IsNotFound());
}

TEST(SqliteStoreTest, ExactDuplicateBecomesSightingWithEarliestDate) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("s.db"));
  ASSERT_TRUE(store->Put({MakeDoc("d-late", kPortText, "2024-03-14", "Blog", "https://b/1")}).ok());
  // Re-crawled two days earlier by another outlet, different id (raw
  // differed), same clean text.
  auto put = store->Put({MakeDoc("d-early", kPortText, "2024-03-12", "Wire", "https://w/1")});
  ASSERT_TRUE(put.ok());
  EXPECT_EQ(put->added, 0);
  EXPECT_EQ(put->sightings, 1);
  auto doc = store->Get("d-late");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->published.date, "2024-03-12");
  EXPECT_EQ(doc->source, "Wire");
  ASSERT_EQ(doc->sightings.size(), 2u);
  EXPECT_EQ(doc->sightings[0].published, "2024-03-12");
  EXPECT_TRUE(store->Get("d-early").status().IsNotFound());
  // Its annotations resolved dates against the later date: stale now.
  auto stale = store->StaleIds("sitrep test");
  ASSERT_TRUE(stale.ok());
  EXPECT_EQ(*stale, std::vector<std::string>{"d-late"});
}

TEST(SqliteStoreTest, SameIdWithLaterSightingKeepsDate) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("s.db"));
  ASSERT_TRUE(store->Put({MakeDoc("d-1", kTalksText, "2024-05-01", "Wire")}).ok());
  auto put = store->Put({MakeDoc("d-1", kTalksText, "2024-05-09", "Aggregator")});
  ASSERT_TRUE(put.ok());
  EXPECT_EQ(put->sightings, 1);
  auto doc = store->Get("d-1");
  EXPECT_EQ(doc->published.date, "2024-05-01");
  EXPECT_EQ(doc->source, "Wire");
  EXPECT_TRUE(store->StaleIds("sitrep test")->empty());
}

TEST(SqliteStoreTest, PuttingTheSameBatchAgainChangesNothing) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("s.db"));
  std::vector<Document> batch = {MakeDoc("d-a", kPortText, "2024-03-12", "Wire"),
                                 MakeDoc("d-b", kPortEdited, "2024-03-13", "Blog"),
                                 MakeDoc("d-c", kTalksText, "", "")};
  auto first = store->Put(batch);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->added, 3);
  auto before = store->Stats();
  auto second = store->Put(batch);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->added, 0);
  EXPECT_EQ(second->sightings, 0);
  EXPECT_EQ(second->unchanged, 3);
  EXPECT_EQ(second->near_duplicates, 0);
  auto after = store->Stats();
  EXPECT_EQ(after->documents, before->documents);
  EXPECT_EQ(after->sightings, before->sightings);
  EXPECT_EQ(after->near_duplicate_pairs, before->near_duplicate_pairs);
}

TEST(SqliteStoreTest, BatchIsAllOrNothing) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("s.db"));
  Document bad = MakeDoc("", kTalksText, "2024-05-01");
  auto put = store->Put({MakeDoc("d-a", kPortText, "2024-03-12"), bad});
  EXPECT_FALSE(put.ok());
  EXPECT_EQ(store->Stats()->documents, 0);
  EXPECT_TRUE(store->Get("d-a").status().IsNotFound());
}

// Which copy is first must not depend on the order documents arrive in, or
// on how they are split into batches.
TEST(SqliteStoreTest, NearDuplicateLinksDoNotDependOnOrder) {
  const std::vector<Document> docs = {
      MakeDoc("d-b", kPortEdited, "2024-03-13", "Blog"),
      MakeDoc("d-a", kPortText, "2024-03-12", "Wire"),
      MakeDoc("d-c", kPortRewrite, "2024-03-12", "Aggregator"),
      MakeDoc("d-t", kTalksText, "2024-03-11", "Wire"),
  };
  std::vector<int> order = {0, 1, 2, 3};
  int runs = 0;
  do {
    for (size_t batch_size : {size_t{1}, size_t{3}}) {
      TempDir dir;
      auto store = OpenOrDie(dir.File("s.db"));
      for (size_t i = 0; i < order.size(); i += batch_size) {
        std::vector<Document> batch;
        for (size_t j = i; j < std::min(order.size(), i + batch_size); ++j) {
          batch.push_back(docs[order[j]]);
        }
        ASSERT_TRUE(store->Put(batch).ok());
      }
      // d-a and d-c share the earliest date; the smaller id is first.
      EXPECT_EQ(store->Get("d-a")->duplicate_of, "");
      EXPECT_EQ(store->Get("d-c")->duplicate_of, "d-a");
      EXPECT_EQ(store->Get("d-b")->duplicate_of, "d-a");
      EXPECT_EQ(store->Get("d-t")->duplicate_of, "");
      EXPECT_EQ(store->Stats()->near_duplicates, 2);
      ++runs;
    }
  } while (std::next_permutation(order.begin(), order.end()));
  EXPECT_EQ(runs, 48);
}

TEST(SqliteStoreTest, EarlierSightingRelinksNearDuplicates) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("s.db"));
  ASSERT_TRUE(store
                  ->Put({MakeDoc("d-a", kPortText, "2024-03-15", "Wire"),
                         MakeDoc("d-b", kPortEdited, "2024-03-13", "Blog")})
                  .ok());
  EXPECT_EQ(store->Get("d-a")->duplicate_of, "d-b");
  // d-a's text turns out to have been seen on March 10.
  ASSERT_TRUE(store->Put({MakeDoc("d-a2", kPortText, "2024-03-10", "Archive")}).ok());
  EXPECT_EQ(store->Get("d-a")->duplicate_of, "");
  EXPECT_EQ(store->Get("d-b")->duplicate_of, "d-a");
}

TEST(SqliteStoreTest, ForEachFiltersAndOrdersByDate) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("s.db"));
  ASSERT_TRUE(
      store
          ->Put({MakeDoc("d-3", kTalksText, "2024-05-02"), MakeDoc("d-1", kPortText, "2024-03-12"),
                 MakeDoc("d-9", "An undated note about the harbour and its ships.", "")})
          .ok());
  auto ids = [&](const DocumentFilter& f) {
    std::vector<std::string> out;
    Status s = store->ForEach(f, [&](const Document& d) {
      out.push_back(d.id);
      return true;
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out;
  };
  EXPECT_EQ(ids({}), (std::vector<std::string>{"d-1", "d-3", "d-9"}));
  DocumentFilter before;
  before.published_before = "2024-04-30";
  EXPECT_EQ(ids(before), std::vector<std::string>{"d-1"});
  DocumentFilter by_id;
  by_id.ids = {"d-9", "d-3"};
  EXPECT_EQ(ids(by_id), (std::vector<std::string>{"d-3", "d-9"}));
  DocumentFilter fts;
  fts.fts_query = "harbour";
  EXPECT_EQ(ids(fts), (std::vector<std::string>{"d-1", "d-9"}));
  DocumentFilter meta;
  meta.metadata_only = true;
  Status s = store->ForEach(meta, [](const Document& d) {
    EXPECT_TRUE(d.raw.empty());
    EXPECT_FALSE(d.text.empty());
    return false;  // stops after one
  });
  EXPECT_TRUE(s.ok());
  DocumentFilter broken;
  broken.fts_query = "\"unterminated";
  EXPECT_TRUE(store->ForEach(broken, [](const Document&) { return true; }).IsInvalidArgument());
}

TEST(SqliteStoreTest, SearchReturnsSentencesWithHighlights) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("s.db"));
  Document port = MakeDoc("d-port", kPortText, "2024-03-12", "Wire");
  std::string text = port.text;
  uint32_t first_end = static_cast<uint32_t>(text.find("March.") + 6);
  port.sentences = {{0, first_end}, {first_end + 1, static_cast<uint32_t>(text.size())}};
  ASSERT_TRUE(store->Put({port, MakeDoc("d-talks", kTalksText, "2024-05-02")}).ok());
  auto results = store->Search("escort", 10);
  ASSERT_TRUE(results.ok()) << results.status().ToString();
  ASSERT_EQ(results->size(), 1u);
  const SearchResult& r = (*results)[0];
  EXPECT_EQ(r.doc.id, "d-port");
  ASSERT_EQ(r.matches.size(), 1u);
  EXPECT_EQ(r.matches[0].sentence.start, 0u);
  ASSERT_EQ(r.matches[0].highlights.size(), 1u);
  Span h = r.matches[0].highlights[0];
  EXPECT_EQ(text.substr(h.start, h.size()), "escort");

  // Without sentences, lines stand in for them; prefix queries work.
  auto talks = store->Search("artill*", 10);
  ASSERT_TRUE(talks.ok());
  ASSERT_EQ(talks->size(), 1u);
  ASSERT_EQ((*talks)[0].matches.size(), 1u);
  EXPECT_EQ((*talks)[0].matches[0].highlights.size(), 1u);

  EXPECT_TRUE(store->Search("AND AND", 10).status().IsInvalidArgument());
  EXPECT_TRUE(store->Search("zeppelin", 10)->empty());
}

TEST(SqliteStoreTest, ResolvesUniqueIdPrefixes) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("s.db"));
  ASSERT_TRUE(store
                  ->Put({MakeDoc("d-5f1c20", kPortText, "2024-03-12"),
                         MakeDoc("d-5f9a00", kTalksText, "2024-05-02")})
                  .ok());
  EXPECT_EQ(*store->ResolveId("d-5f1"), "d-5f1c20");
  EXPECT_EQ(*store->ResolveId("5f9"), "d-5f9a00");
  EXPECT_TRUE(store->ResolveId("d-5f").status().IsInvalidArgument());
  EXPECT_TRUE(store->ResolveId("d-77").status().IsNotFound());
}

TEST(SqliteStoreTest, UpdateAnnotationsReplacesLayersInPlace) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("s.db"));
  Document d = MakeDoc("d-1", kTalksText, "2024-05-02", "Wire");
  d.pipeline = "sitrep 0.0.1";
  d.entities.push_back({"e1", 38, 44, "Lorvan", "GPE", "", ""});
  ASSERT_TRUE(store->Put({d}).ok());
  EXPECT_EQ(*store->StaleIds("sitrep 0.0.2"), std::vector<std::string>{"d-1"});

  Document again = *store->Get("d-1");
  again.pipeline = "sitrep 0.0.2";
  again.entities.clear();
  EventMention ev;
  ev.id = "v1";
  ev.type = "CONSULT";
  again.events.push_back(ev);
  ASSERT_TRUE(store->UpdateAnnotations({again}).ok());
  auto got = store->Get("d-1");
  EXPECT_EQ(got->pipeline, "sitrep 0.0.2");
  EXPECT_TRUE(got->entities.empty());
  ASSERT_EQ(got->events.size(), 1u);
  EXPECT_EQ(got->source, "Wire");
  EXPECT_EQ(got->sightings.size(), 1u);
  EXPECT_TRUE(store->StaleIds("sitrep 0.0.2")->empty());
  auto stats = store->Stats();
  EXPECT_EQ(stats->entities, 0);
  EXPECT_EQ(stats->events, 1);
  Document missing = MakeDoc("d-404", kPortText, "");
  EXPECT_TRUE(store->UpdateAnnotations({missing}).IsNotFound());
}

TEST(SqliteStoreTest, DataSurvivesReopen) {
  TempDir dir;
  {
    auto store = OpenOrDie(dir.File("s.db"));
    ASSERT_TRUE(store->Put({MakeDoc("d-1", kTalksText, "2024-05-02", "Wire")}).ok());
  }
  auto store = OpenOrDie(dir.File("s.db"));
  EXPECT_EQ(store->Get("d-1")->source, "Wire");
  SqliteStoreOptions ro = TestOptions();
  ro.store.read_only = true;
  auto reader = OpenSqliteStore(dir.File("s.db"), ro);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  EXPECT_EQ((*reader)->Stats()->documents, 1);
  EXPECT_FALSE((*reader)->Put({MakeDoc("d-2", kPortText, "")}).ok());
  EXPECT_TRUE(OpenSqliteStore(dir.File("absent.db"), ro).status().IsNotFound());
}

TEST(TextHashTest, IsStableHex) {
  EXPECT_EQ(TextHash(""), "cbf29ce484222325");
  EXPECT_EQ(TextHash("a").size(), 16u);
  EXPECT_NE(TextHash("a"), TextHash("b"));
}

}  // namespace
}  // namespace sitrep::store

namespace sitrep::store {
namespace {

TEST(SqliteStoreNearDuplicateTest, TextsWithoutShinglesAreNotNearDuplicates) {
  testing::TempDir dir;
  SqliteStoreOptions options;
  // What a MinHash gives a text with no words: every position at its maximum.
  options.signature = [](std::string_view) { return std::vector<uint64_t>(64, ~uint64_t{0}); };
  auto store = OpenSqliteStore(dir.File("s.db"), options);
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)
                  ->Put({testing::MakeDoc("d-1", "* * *", "2024-01-01"),
                         testing::MakeDoc("d-2", "— —", "2024-01-02")})
                  .ok());
  auto stats = (*store)->Stats();
  EXPECT_EQ(stats->near_duplicate_pairs, 0);
  EXPECT_EQ(stats->near_duplicates, 0);
}

}  // namespace
}  // namespace sitrep::store
