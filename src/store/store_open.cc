// Store::Open: the SQLite store with ingest's MinHash signatures. Kept apart
// from sqlite_store.cc so the store's own tests do not need ingest.
#include "sitrep/ingest.h"
#include "sitrep/store.h"
#include "store/sqlite_store.h"

namespace sitrep {

StatusOr<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  store::SqliteStoreOptions sqlite_options;
  sqlite_options.store = options;
  sqlite_options.signature = [](std::string_view text) { return NearDuplicateSignature(text); };
  return store::OpenSqliteStore(path, sqlite_options);
}

}  // namespace sitrep
