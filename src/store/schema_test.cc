#include "store/schema.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>

#include "sitrep/document_json.h"
#include "store/sqlite_store.h"
#include "store/sqlite_util.h"
#include "store/test_util.h"

namespace sitrep::store {
namespace {

using testing::MakeDoc;
using testing::TempDir;
using testing::TestOptions;

struct Db {
  sqlite3* db = nullptr;
  explicit Db(const std::string& path) { sqlite3_open(path.c_str(), &db); }
  ~Db() { sqlite3_close(db); }
};

// A store written by schema version 1 (before annotation rows existed) is
// migrated on open, and its annotations are backfilled into the new tables.
TEST(SchemaTest, MigratesVersionOneStoreAndBackfillsAnnotationRows) {
  TempDir dir;
  const std::string path = dir.File("v1.db");
  {
    Db db(path);
    ASSERT_TRUE(Migrate(db.db, 1).ok());
    EXPECT_EQ(*SchemaVersion(db.db), 1);
    Document d = MakeDoc("d-old", "Talks resumed in Lorvan on Monday.", "2024-05-06", "Wire");
    d.entities.push_back({"e1", 16, 22, "Lorvan", "GPE", "lorvan@XL", ""});
    d.claims.push_back({});
    d.claims[0].id = "c1";
    d.claims[0].measure = "rounds of talks";
    Statement st;
    ASSERT_TRUE(st.Prepare(db.db,
                           "INSERT INTO documents(id, text_hash, source, published, raw, text, "
                           "pipeline, annotations) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                    .ok());
    st.BindText(1, d.id).BindText(2, TextHash(d.text)).BindText(3, d.source);
    st.BindText(4, d.published.date).BindBlob(5, d.raw).BindText(6, d.text);
    st.BindText(7, d.pipeline).BindText(8, DocumentToJson(d, {.include_text = false}));
    ASSERT_TRUE(st.Run().ok());
  }
  auto store = OpenSqliteStore(path, TestOptions());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto stats = (*store)->Stats();
  EXPECT_EQ(stats->schema_version, kLatestSchemaVersion);
  EXPECT_EQ(stats->documents, 1);
  EXPECT_EQ(stats->entities, 1);
  EXPECT_EQ(stats->claims, 1);
  auto doc = (*store)->Get("d-old");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->entities[0].actor, "lorvan@XL");
}

// A version 2 store keeps its documents as they were (plain JSON, raw
// bytes): after the migration they read as before, their annotation rows
// are written again with the new keys, and new documents are packed.
TEST(SchemaTest, VersionTwoRowsReadAfterMigrationAndNewRowsArePacked) {
  TempDir dir;
  const std::string path = dir.File("v2.db");
  Document old =
      MakeDoc("d-old", "Talks resumed in Lorvan on Monday, officials said.", "2024-05-06", "Wire");
  old.raw = "  " + old.text + "\n";
  old.offsets.clean = {0, 10};
  old.offsets.raw = {2, 12};
  old.entities.push_back({"e1", 16, 22, "Lorvan", "GPE", "lorvan@XL", ""});
  {
    Db db(path);
    ASSERT_TRUE(Migrate(db.db, 2).ok());
    Statement st;
    ASSERT_TRUE(st.Prepare(db.db,
                           "INSERT INTO documents(id, text_hash, source, published, raw, text, "
                           "offsets, pipeline, annotations) "
                           "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                    .ok());
    st.BindText(1, old.id).BindText(2, TextHash(old.text)).BindText(3, old.source);
    st.BindText(4, old.published.date).BindBlob(5, old.raw).BindText(6, old.text);
    st.BindText(7, R"({"clean":[0,10],"raw":[2,12]})").BindText(8, old.pipeline);
    st.BindText(9, DocumentToJson(old, {.include_text = false}));
    ASSERT_TRUE(st.Run().ok());
    ASSERT_TRUE(
        Exec(db.db, "INSERT INTO documents_fts(rowid, text) SELECT rowid, text FROM documents")
            .ok());
  }
  auto store = OpenSqliteStore(path, TestOptions());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto got = (*store)->Get("d-old");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->raw, old.raw);
  EXPECT_EQ(got->offsets.raw, old.offsets.raw);
  ASSERT_EQ(got->entities.size(), 1u);
  EXPECT_EQ(got->entities[0].actor, "lorvan@XL");

  Document fresh =
      MakeDoc("d-new", std::string(400, 'x') + " new text about Lorvan.", "2024-05-07", "Wire");
  fresh.raw = fresh.text + "\n\nRead more";
  ASSERT_TRUE((*store)->Put({fresh}).ok());
  auto stats = (*store)->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->schema_version, kLatestSchemaVersion);
  EXPECT_EQ(stats->raw_bytes, static_cast<int64_t>(old.raw.size() + fresh.raw.size()));
  EXPECT_EQ(stats->entities, 1);  // the old document's, written again by version 4
  EXPECT_EQ((*store)->Get("d-new")->raw, fresh.raw);
  Status integrity = (*store)->CheckIntegrity();
  EXPECT_TRUE(integrity.ok()) << integrity.ToString();
  store->reset();
  Db db(path);
  Statement packed;
  ASSERT_TRUE(packed
                  .Prepare(db.db,
                           "SELECT substr(annotations, 1, 1) = x'FF', "
                           "length(raw) < 60 FROM documents WHERE id = 'd-new'")
                  .ok());
  ASSERT_TRUE(*packed.Step());
  EXPECT_EQ(packed.Int(0), 1);
  EXPECT_EQ(packed.Int(1), 1);
}

TEST(SchemaTest, RefusesStoreFromNewerSitrep) {
  TempDir dir;
  const std::string path = dir.File("future.db");
  {
    Db db(path);
    ASSERT_TRUE(Migrate(db.db).ok());
    ASSERT_TRUE(Exec(db.db, "PRAGMA user_version = 99").ok());
  }
  auto store = OpenSqliteStore(path, TestOptions());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kUnsupported);
  EXPECT_NE(store.status().message().find("newer"), std::string::npos);
}

TEST(SchemaTest, RefusesOtherSqliteDatabasesAndOtherFiles) {
  TempDir dir;
  {
    Db db(dir.File("other.db"));
    ASSERT_TRUE(Exec(db.db, "CREATE TABLE recipes(name TEXT)").ok());
  }
  auto other = OpenSqliteStore(dir.File("other.db"), TestOptions());
  ASSERT_FALSE(other.ok());
  EXPECT_TRUE(other.status().IsCorruption()) << other.status().ToString();
  EXPECT_NE(other.status().message().find("not a sitrep store"), std::string::npos);

  std::ofstream(dir.File("notes.db")) << "These are my notes, not a database. Lots of them.\n"
                                      << std::string(4096, 'x');
  auto text = OpenSqliteStore(dir.File("notes.db"), TestOptions());
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.status().message().find("notes.db"), std::string::npos);
}

TEST(SchemaTest, MigrationIsIdempotent) {
  TempDir dir;
  Db db(dir.File("s.db"));
  ASSERT_TRUE(Migrate(db.db).ok());
  ASSERT_TRUE(Migrate(db.db).ok());
  EXPECT_EQ(*SchemaVersion(db.db), kLatestSchemaVersion);
}

}  // namespace
}  // namespace sitrep::store
