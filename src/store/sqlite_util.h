// Thin RAII wrappers over the SQLite C API: a connection and a prepared
// statement, with errors turned into Status. Internal to the store.
#ifndef SITREP_STORE_SQLITE_UTIL_H_
#define SITREP_STORE_SQLITE_UTIL_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "sitrep/status.h"

namespace sitrep::store {

// Status for a SQLite result code: IOError for disk and locking trouble,
// Corruption for a damaged file, Internal for misuse.
Status SqliteStatus(sqlite3* db, int rc, std::string_view what);

// A prepared statement. Bind* calls use 1-based parameter indexes.
class Statement {
 public:
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
    other.stmt_ = nullptr;
  }
  Statement& operator=(Statement&& other) noexcept;
  ~Statement();

  Status Prepare(sqlite3* db, std::string_view sql);
  bool prepared() const { return stmt_ != nullptr; }

  Statement& Bind(int index, std::string_view text);      // empty binds NULL
  Statement& BindText(int index, std::string_view text);  // empty binds ''
  Statement& BindBlob(int index, std::string_view bytes);
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, double value);
  Statement& BindNull(int index);

  // Runs one step: true when a row is available, false when done.
  StatusOr<bool> Step();
  // Runs to completion, ignoring rows.
  Status Run();
  // Resets for re-use and clears bindings.
  void Reset();

  std::string Text(int column) const;  // NULL reads as ""
  int64_t Int(int column) const;
  double Double(int column) const;
  bool IsNull(int column) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// Runs one or more statements with no parameters.
Status Exec(sqlite3* db, const std::string& sql);

// Opens a transaction on construction (BEGIN IMMEDIATE, so a writer never
// deadlocks on upgrade) and rolls it back on destruction unless committed.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) {}
  ~Transaction();
  Status Begin();
  Status Commit();

 private:
  sqlite3* db_;
  bool open_ = false;
};

}  // namespace sitrep::store

#endif  // SITREP_STORE_SQLITE_UTIL_H_
