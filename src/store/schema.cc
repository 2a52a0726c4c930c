#include "store/schema.h"

#include <string>

#include "sitrep/document_json.h"
#include "store/annotation_rows.h"
#include "store/doc_codec.h"
#include "store/sqlite_util.h"

namespace sitrep::store {
namespace {

// Version 1: documents, their sightings, near-duplicate detection and
// full-text search.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE documents(
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  text_hash TEXT NOT NULL UNIQUE,
  source TEXT,
  source_provenance TEXT,
  url TEXT,
  title TEXT,
  language TEXT,
  published TEXT,
  published_provenance TEXT NOT NULL DEFAULT 'unknown',
  published_earliest TEXT,
  origin TEXT,
  format TEXT,
  raw BLOB NOT NULL,
  text TEXT NOT NULL,
  offsets TEXT NOT NULL DEFAULT '{}',
  removed TEXT NOT NULL DEFAULT '[]',
  duplicate_of TEXT,
  pipeline TEXT NOT NULL DEFAULT '',
  annotations TEXT NOT NULL DEFAULT '{}',
  stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX documents_by_date ON documents(published, id);
CREATE INDEX documents_by_duplicate ON documents(duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE TABLE sightings(
  doc_id TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  published TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(doc_id, source, url, published)
) WITHOUT ROWID;
CREATE TABLE signatures(
  doc_id TEXT PRIMARY KEY,
  signature BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE lsh_buckets(
  band INTEGER NOT NULL,
  bucket INTEGER NOT NULL,
  doc_id TEXT NOT NULL,
  PRIMARY KEY(band, bucket, doc_id)
) WITHOUT ROWID;
CREATE TABLE near_duplicates(
  a TEXT NOT NULL,
  b TEXT NOT NULL,
  similarity REAL NOT NULL,
  PRIMARY KEY(a, b)
) WITHOUT ROWID;
CREATE INDEX near_duplicates_by_b ON near_duplicates(b);
CREATE VIRTUAL TABLE documents_fts USING fts5(
  text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
)sql";

// Version 2: annotation rows for queries that filter on annotations
// (entities by actor, events by type, claims by measure). Their rows are
// written by version 4, which gives the tables their present keys.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE entities(
  doc_id TEXT NOT NULL, mention TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  type TEXT, actor TEXT, text TEXT,
  PRIMARY KEY(doc_id, mention)) WITHOUT ROWID;
CREATE INDEX entities_by_actor ON entities(actor) WHERE actor IS NOT NULL;
CREATE TABLE timexes(
  doc_id TEXT NOT NULL, mention TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  type TEXT, value TEXT,
  PRIMARY KEY(doc_id, mention)) WITHOUT ROWID;
CREATE TABLE events(
  doc_id TEXT NOT NULL, mention TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  type TEXT, modality TEXT, time TEXT,
  PRIMARY KEY(doc_id, mention)) WITHOUT ROWID;
CREATE INDEX events_by_type ON events(type);
CREATE TABLE claims(
  doc_id TEXT NOT NULL, mention TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  subject TEXT, measure TEXT, min REAL, max REAL, modality TEXT,
  PRIMARY KEY(doc_id, mention)) WITHOUT ROWID;
CREATE INDEX claims_by_measure ON claims(measure, subject);
)sql";

// Version 3: raw, offsets, removed and annotations are packed
// (store/doc_codec.h: zlib, the raw input against the clean text as
// dictionary), so raw_size keeps the raw input's size for statistics.
// Rows written before stay as they are: unpacking reads both forms.
constexpr const char* kSchemaV3 = R"sql(
ALTER TABLE documents ADD COLUMN raw_size INTEGER;
)sql";

// Version 4: the annotation rows name their document by documents.rowid
// (a small integer) instead of its 18-byte id, in each row and in each
// index entry; the rows are written again from the annotation JSON.
constexpr const char* kSchemaV4 = R"sql(
DROP TABLE entities;
DROP TABLE timexes;
DROP TABLE events;
DROP TABLE claims;
CREATE TABLE entities(
  doc INTEGER NOT NULL, mention TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  type TEXT, actor TEXT, text TEXT,
  PRIMARY KEY(doc, mention)) WITHOUT ROWID;
CREATE INDEX entities_by_actor ON entities(actor) WHERE actor IS NOT NULL;
CREATE TABLE timexes(
  doc INTEGER NOT NULL, mention TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  type TEXT, value TEXT,
  PRIMARY KEY(doc, mention)) WITHOUT ROWID;
CREATE TABLE events(
  doc INTEGER NOT NULL, mention TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  type TEXT, modality TEXT, time TEXT,
  PRIMARY KEY(doc, mention)) WITHOUT ROWID;
CREATE INDEX events_by_type ON events(type);
CREATE TABLE claims(
  doc INTEGER NOT NULL, mention TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  subject TEXT, measure TEXT, min REAL, max REAL, modality TEXT,
  PRIMARY KEY(doc, mention)) WITHOUT ROWID;
CREATE INDEX claims_by_measure ON claims(measure, subject);
)sql";

Status BackfillAnnotationRows(sqlite3* db) {
  Statement select;
  SITREP_RETURN_IF_ERROR(select.Prepare(db, "SELECT id, annotations, rowid FROM documents"));
  AnnotationRowWriter writer;
  SITREP_RETURN_IF_ERROR(writer.Prepare(db));
  for (;;) {
    StatusOr<bool> row = select.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    std::string id = select.Text(0);
    StatusOr<std::string> json = UnpackColumn(select.Text(1));
    if (!json.ok()) return json.status().WithPrefix("document " + id);
    StatusOr<Document> doc = DocumentFromJson(*json);
    if (!doc.ok()) return doc.status().WithPrefix("document " + id);
    doc->id = id;
    SITREP_RETURN_IF_ERROR(writer.Write(*doc, select.Int(2)));
  }
  return Status::OK();
}

Status Apply(sqlite3* db, int version) {
  switch (version) {
    case 1:
      return Exec(db, kSchemaV1);
    case 2:
      return Exec(db, kSchemaV2);
    case 3:
      return Exec(db, kSchemaV3);
    case 4:
      SITREP_RETURN_IF_ERROR(Exec(db, kSchemaV4));
      return BackfillAnnotationRows(db);
    default:
      return Status::Internal("no migration to schema version " + std::to_string(version));
  }
}

}  // namespace

StatusOr<int> SchemaVersion(sqlite3* db) {
  Statement st;
  SITREP_RETURN_IF_ERROR(st.Prepare(db, "PRAGMA user_version"));
  StatusOr<bool> row = st.Step();
  if (!row.ok()) return row.status();
  return static_cast<int>(*row ? st.Int(0) : 0);
}

Status Migrate(sqlite3* db, int target) {
  StatusOr<int> current = SchemaVersion(db);
  if (!current.ok()) return current.status();
  if (*current > kLatestSchemaVersion) {
    return Status::Unsupported("store schema version " + std::to_string(*current) +
                               " is newer than this sitrep understands (" +
                               std::to_string(kLatestSchemaVersion) + "); upgrade sitrep");
  }
  if (*current >= target) return Status::OK();
  Transaction txn(db);
  SITREP_RETURN_IF_ERROR(txn.Begin());
  // Re-read inside the write lock: another process may have migrated meanwhile.
  current = SchemaVersion(db);
  if (!current.ok()) return current.status();
  if (*current == 0) {
    Statement tables;
    SITREP_RETURN_IF_ERROR(tables.Prepare(db, "SELECT count(*) FROM sqlite_schema"));
    StatusOr<bool> row = tables.Step();
    if (!row.ok()) return row.status();
    if (tables.Int(0) != 0) {
      return Status::Corruption("the file is an SQLite database but not a sitrep store");
    }
  }
  for (int v = *current + 1; v <= target; ++v) {
    SITREP_RETURN_IF_ERROR(
        Apply(db, v).WithPrefix("migrating the store to version " + std::to_string(v)));
  }
  SITREP_RETURN_IF_ERROR(Exec(db, "PRAGMA user_version = " + std::to_string(target)));
  return txn.Commit();
}

}  // namespace sitrep::store
