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
