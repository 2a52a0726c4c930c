// The embedded store: one SQLite file holding documents, their sightings and
// annotations, with full-text search. The interface is kept free of SQLite
// so a server-grade engine can implement it later (docs/store.md).
#ifndef SITREP_STORE_H_
#define SITREP_STORE_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/status.h"

namespace sitrep {

struct StoreOptions {
  bool read_only = false;
};

// What one Put did with each document.
struct PutResult {
  int added = 0;       // new documents
  int sightings = 0;   // exact duplicates recorded as sightings of a stored one
  int unchanged = 0;   // already stored with this very sighting: nothing changed
  int near_duplicates = 0;  // stored and linked to an earlier copy
};

struct DocumentFilter {
  std::string published_before;  // "YYYY-MM-DD" inclusive upper bound; empty = all
  std::vector<std::string> ids;  // empty = all
  std::string fts_query;         // FTS5 query over the clean text; empty = all
};

class Store {
 public:
  // Opens or creates the store at path, migrating an older schema.
  static StatusOr<std::unique_ptr<Store>> Open(const std::string& path,
                                               const StoreOptions& options = {});
  virtual ~Store() = default;

  // Stores annotated documents in one transaction (all or none).
  virtual StatusOr<PutResult> Put(const std::vector<Document>& docs) = 0;
  virtual StatusOr<Document> Get(const std::string& id) = 0;
  // Calls fn for each stored document (with its annotations) matching the
  // filter, in (published date, id) order; fn returns false to stop.
  virtual Status ForEach(const DocumentFilter& filter,
                         const std::function<bool(const Document&)>& fn) = 0;
};

}  // namespace sitrep

#endif  // SITREP_STORE_H_
