// The store's SQL schema and its migrations. The schema version lives in
// SQLite's `PRAGMA user_version`; migration N takes a store from version N-1
// to N inside one transaction, so a crash mid-migration leaves the old
// version intact (docs/store.md lists what each version added).
#ifndef SITREP_STORE_SCHEMA_H_
#define SITREP_STORE_SCHEMA_H_

#include <sqlite3.h>

#include "sitrep/status.h"

namespace sitrep::store {

// The version a store written by this build has.
inline constexpr int kLatestSchemaVersion = 4;

// Brings the store up to `target` (default: the latest version). Fails with
// Unsupported when the file was written by a newer sitrep, and with
// Corruption when it is an SQLite file that is not a sitrep store.
Status Migrate(sqlite3* db, int target = kLatestSchemaVersion);

// PRAGMA user_version.
StatusOr<int> SchemaVersion(sqlite3* db);

}  // namespace sitrep::store

#endif  // SITREP_STORE_SCHEMA_H_
