// The embedded store: one SQLite file holding documents, their sightings and
// annotations, with full-text search. The interface is kept free of SQLite
// so a server-grade engine can implement it later (docs/store.md).
#ifndef SITREP_STORE_H_
#define SITREP_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/status.h"

namespace sitrep {

struct StoreOptions {
  bool read_only = false;
};

// What one Put did with each document.
struct PutResult {
  int added = 0;            // new documents
  int sightings = 0;        // exact duplicates recorded as sightings of a stored one
  int unchanged = 0;        // already stored with this very sighting: nothing changed
  int near_duplicates = 0;  // stored and linked to an earlier copy
};

struct DocumentFilter {
  std::string published_before;  // "YYYY-MM-DD" inclusive upper bound; empty = all
  std::vector<std::string> ids;  // empty = all
  std::string fts_query;         // FTS5 query over the clean text; empty = all
  // Only metadata, clean text and sightings: no raw bytes, offsets or
  // annotations (fast listing).
  bool metadata_only = false;
};

// Counts over the whole store (`sitrep stats`).
struct StoreStats {
  int schema_version = 0;
  int64_t documents = 0;
  int64_t sightings = 0;             // including each document's first sighting
  int64_t near_duplicates = 0;       // documents linked to an earlier copy
  int64_t near_duplicate_pairs = 0;  // pairs above the similarity threshold
  int64_t sources = 0;               // distinct outlets (documents of unknown outlet excluded)
  int64_t unknown_source = 0;
  int64_t undated = 0;
  std::string first_published, last_published;  // empty when no dated document
  int64_t raw_bytes = 0, text_bytes = 0, file_bytes = 0;
  int64_t stale = 0;  // annotated by another pipeline version than this build's
  int64_t timexes = 0, entities = 0, events = 0, claims = 0;
  std::vector<std::pair<std::string, int64_t>> languages;  // most frequent first
  std::vector<std::pair<std::string, int64_t>> pipelines;
};

// One sentence of a search result, with the matched terms as spans into
// the document's text.
struct SearchMatch {
  Sentence sentence;
  std::vector<Span> highlights;
};

struct SearchResult {
  Document doc;      // metadata, text and sentences
  double score = 0;  // bm25: lower is better
  std::vector<SearchMatch> matches;
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

  // Whether a document with doc.id, or with the same clean text, is stored
  // (then Put only records a sighting, so annotating it first is wasted).
  virtual StatusOr<bool> Contains(const Document& doc) = 0;
  // The full id for an id or a unique prefix of one. NotFound when nothing
  // matches, InvalidArgument when the prefix is ambiguous.
  virtual StatusOr<std::string> ResolveId(const std::string& id_or_prefix) = 0;
  // Replaces the annotations and pipeline of stored documents (matched by
  // id) in one transaction; metadata, text and sightings are kept.
  virtual Status UpdateAnnotations(const std::vector<Document>& docs) = 0;
  // Ids of documents whose annotations were not made by `pipeline` (or were
  // invalidated, e.g. by an earlier sighting changing the date), in
  // (published date, id) order.
  virtual StatusOr<std::vector<std::string>> StaleIds(const std::string& pipeline) = 0;
  virtual StatusOr<StoreStats> Stats() = 0;
  // Checks the store's physical and logical consistency (for SQLite:
  // PRAGMA integrity_check and the full-text index). Corruption on failure.
  virtual Status CheckIntegrity() = 0;
  // Documents whose clean text matches an FTS5 query, best first, each with
  // its matching sentences. InvalidArgument for a malformed query.
  virtual StatusOr<std::vector<SearchResult>> Search(const std::string& query, int limit) = 0;
};

}  // namespace sitrep

#endif  // SITREP_STORE_H_
