// A write failure (a full or failing disk, injected through the fault VFS)
// must give a clear error and never corrupt the store: the failed batch is
// absent, earlier batches are intact, and the same batch can be stored later.
#include "store/fault_vfs.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdio>
#include <string>

#include "store/sqlite_store.h"
#include "store/test_util.h"

namespace sitrep::store {
namespace {

using testing::MakeDoc;
using testing::TempDir;
using testing::TestOptions;

std::vector<Document> Batch(const std::string& prefix, int n, const std::string& date) {
  std::vector<Document> docs;
  for (int i = 0; i < n; ++i) {
    std::string id = prefix + std::to_string(i);
    docs.push_back(MakeDoc(id,
                           "Report " + id + ": shelling near the " + std::to_string(i * 7 + 3) +
                               "th district of Vareno continued overnight, regional officials "
                               "said, and " +
                               std::to_string(i + 2) + " civilians were taken to hospital in " +
                               prefix + ".",
                           date, "Wire " + prefix));
  }
  return docs;
}

// integrity_check and the document count, read with SQLite's default VFS.
std::pair<std::string, int> Check(const std::string& path) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
  std::string integrity = "no result";
  int count = -1;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    integrity = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  }
  sqlite3_finalize(st);
  if (sqlite3_prepare_v2(db, "SELECT count(*) FROM documents", -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    count = sqlite3_column_int(st, 0);
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return {integrity, count};
}

class FaultVfsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(RegisterFaultVfs().ok()); }
  void TearDown() override { FailWritesAfter(-1); }
  static SqliteStoreOptions Options() {
    SqliteStoreOptions o = TestOptions();
    o.vfs = kFaultVfsName;
    return o;
  }
};

TEST_F(FaultVfsTest, FailedWriteAtEveryPointLeavesStoreConsistent) {
  TempDir dir;
  const std::string path = dir.File("s.db");
  {
    auto store = OpenSqliteStore(path, Options());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)->Put(Batch("Lorvan", 4, "2024-05-01")).ok());
  }
  const std::vector<Document> second = Batch("Kessaly", 6, "2024-05-02");
  int failures = 0;
  bool stored = false;
  for (int n = 0; n < 400 && !stored; ++n) {
    auto store = OpenSqliteStore(path, Options());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    FailWritesAfter(n);
    auto put = (*store)->Put(second);
    FailWritesAfter(-1);
    if (put.ok()) {
      stored = true;
      EXPECT_EQ(put->added, 6);
    } else {
      ++failures;
      EXPECT_TRUE(put.status().IsIOError()) << put.status().ToString();
      EXPECT_NE(put.status().message().find("I/O error"), std::string::npos)
          << put.status().message();
    }
    store = StatusOr<std::unique_ptr<Store>>(Status::NotFound("closed"));
    auto [integrity, count] = Check(path);
    EXPECT_EQ(integrity, "ok") << "after failing write " << n;
    // All of the batch or none of it.
    EXPECT_EQ(count, stored ? 10 : 4) << "after failing write " << n;
  }
  EXPECT_TRUE(stored);
  // A batch of six documents takes many page writes: each was a failure point.
  EXPECT_GT(failures, 5);
  std::printf("write failures injected before the batch went through: %d\n", failures);
}

TEST_F(FaultVfsTest, SameConnectionRecoversAfterFailure) {
  TempDir dir;
  auto store = OpenSqliteStore(dir.File("s.db"), Options());
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->Put(Batch("Lorvan", 2, "2024-05-01")).ok());
  FailWritesAfter(1);
  auto failed = (*store)->Put(Batch("Kessaly", 3, "2024-05-02"));
  FailWritesAfter(-1);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ((*store)->Stats()->documents, 2);
  auto retried = (*store)->Put(Batch("Kessaly", 3, "2024-05-02"));
  ASSERT_TRUE(retried.ok()) << retried.status().ToString();
  EXPECT_EQ(retried->added, 3);
  EXPECT_EQ((*store)->Stats()->documents, 5);
}

TEST_F(FaultVfsTest, CreatingStoreOnFailingDiskNamesTheFile) {
  TempDir dir;
  FailWritesAfter(0);
  auto store = OpenSqliteStore(dir.File("new.db"), Options());
  FailWritesAfter(-1);
  ASSERT_FALSE(store.ok());
  EXPECT_TRUE(store.status().IsIOError()) << store.status().ToString();
  EXPECT_NE(store.status().message().find("new.db"), std::string::npos);
}

}  // namespace
}  // namespace sitrep::store
