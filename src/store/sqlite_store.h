// The SQLite implementation of sitrep::Store (docs/store.md). Store::Open
// wires it to ingest's MinHash signatures; tests open it directly with a
// signature function of their own, or through a fault-injecting VFS.
#ifndef SITREP_STORE_SQLITE_STORE_H_
#define SITREP_STORE_SQLITE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/store.h"

namespace sitrep::store {

using SignatureFn = std::function<std::vector<uint64_t>(std::string_view clean_text)>;

// Documents whose estimated Jaccard similarity of word shingles reaches this
// are near-duplicates (docs/store.md).
inline constexpr double kNearDuplicateThreshold = 0.8;

struct SqliteStoreOptions {
  StoreOptions store;
  // MinHash signature of a clean text; null disables near-duplicate links.
  SignatureFn signature;
  double near_duplicate_threshold = kNearDuplicateThreshold;
  // Name of a registered SQLite VFS; empty = the default one.
  std::string vfs;
};

StatusOr<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                                 const SqliteStoreOptions& options);

// 64-bit FNV-1a of the clean text as 16 hex digits: the exact-duplicate key.
std::string TextHash(std::string_view text);

}  // namespace sitrep::store

#endif  // SITREP_STORE_SQLITE_STORE_H_
