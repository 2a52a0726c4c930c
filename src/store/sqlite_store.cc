#include "store/sqlite_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <thread>
#include <utility>

#include "sitrep/document_json.h"
#include "sitrep/version.h"
#include "store/annotation_rows.h"
#include "store/doc_codec.h"
#include "store/schema.h"
#include "store/search_highlight.h"
#include "store/sqlite_util.h"

namespace sitrep::store {
namespace {

// Rows per LSH band: with 5 rows a pair of similarity 0.8 shares at least
// one band with probability > 0.99 for 64 or more hashes, and a pair of 0.3
// with probability < 0.07 (the candidates are then checked exactly).
constexpr int kRowsPerBand = 5;
// Bound on the documents read from one bucket, so that a bucket every
// template-heavy page falls into cannot make ingest quadratic.
constexpr int kMaxBucketCandidates = 256;

// Documents are ordered by publication date (undated last), then id: the
// order that decides which of two near-duplicates is the first copy.
struct DocKey {
  std::string published;
  std::string id;
};

bool KeyLess(const DocKey& a, const DocKey& b) {
  if (a.published.empty() != b.published.empty()) return b.published.empty();
  if (a.published != b.published) return a.published < b.published;
  return a.id < b.id;
}

int64_t BandBucket(const uint64_t* rows, int n, int band) {
  uint64_t h = 1469598103934665603ull ^ static_cast<uint64_t>(band);
  for (int i = 0; i < n; ++i) {
    h ^= rows[i];
    h *= 1099511628211ull;
    h ^= h >> 29;
  }
  return static_cast<int64_t>(h);
}

constexpr const char* kDocColumns =
    "d.id, d.source, d.source_provenance, d.url, d.title, d.language, d.published, "
    "d.published_provenance, d.published_earliest, d.origin, d.format, d.text, "
    "d.duplicate_of, d.pipeline";
constexpr const char* kFullColumns = ", d.raw, d.offsets, d.removed, d.annotations";
constexpr const char* kMetadataColumns = ", NULL, NULL, NULL, NULL";
constexpr const char* kDateOrder = " ORDER BY d.published IS NULL, d.published, d.id";

class SqliteStore : public Store {
 public:
  SqliteStore(sqlite3* db, SqliteStoreOptions options) : db_(db), options_(std::move(options)) {
    const char* delay = std::getenv("SITREP_FAULT_PUT_DELAY_US");
    if (delay != nullptr) put_delay_us_ = std::atoi(delay);
  }
  ~SqliteStore() override {
    // Statements are finalized by their destructors after this; close_v2
    // defers the close until they are.
    sqlite3_close_v2(db_);
  }

  Status Init() {
    SITREP_RETURN_IF_ERROR(
        find_.Prepare(db_, "SELECT id, published FROM documents WHERE id = ?1 OR text_hash = ?2"));
    SITREP_RETURN_IF_ERROR(insert_doc_.Prepare(
        db_,
        "INSERT INTO documents(id, text_hash, source, source_provenance, url, title, language, "
        "published, published_provenance, published_earliest, origin, format, raw, text, "
        "offsets, removed, pipeline, annotations, raw_size) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
        "?19)"));
    SITREP_RETURN_IF_ERROR(
        insert_fts_.Prepare(db_, "INSERT INTO documents_fts(rowid, text) VALUES(?1, ?2)"));
    SITREP_RETURN_IF_ERROR(insert_sighting_.Prepare(
        db_,
        "INSERT OR IGNORE INTO sightings(doc_id, source, url, published, origin) "
        "VALUES(?1, ?2, ?3, ?4, ?5)"));
    SITREP_RETURN_IF_ERROR(redate_.Prepare(
        db_,
        "UPDATE documents SET published = ?2, published_provenance = ?3, "
        "source = coalesce(?4, source), source_provenance = coalesce(?5, source_provenance), "
        "url = coalesce(?6, url), pipeline = '' WHERE id = ?1"));
    SITREP_RETURN_IF_ERROR(insert_signature_.Prepare(
        db_, "INSERT OR REPLACE INTO signatures(doc_id, signature) VALUES(?1, ?2)"));
    SITREP_RETURN_IF_ERROR(
        select_signature_.Prepare(db_, "SELECT signature FROM signatures WHERE doc_id = ?1"));
    SITREP_RETURN_IF_ERROR(select_bucket_.Prepare(
        db_, "SELECT doc_id FROM lsh_buckets WHERE band = ?1 AND bucket = ?2 LIMIT " +
                 std::to_string(kMaxBucketCandidates)));
    SITREP_RETURN_IF_ERROR(insert_bucket_.Prepare(
        db_, "INSERT OR IGNORE INTO lsh_buckets(band, bucket, doc_id) VALUES(?1, ?2, ?3)"));
    SITREP_RETURN_IF_ERROR(insert_pair_.Prepare(
        db_, "INSERT OR REPLACE INTO near_duplicates(a, b, similarity) VALUES(?1, ?2, ?3)"));
    SITREP_RETURN_IF_ERROR(
        select_neighbors_.Prepare(db_,
                                  "SELECT id, published FROM documents WHERE id IN "
                                  "(SELECT b FROM near_duplicates WHERE a = ?1 "
                                  "UNION ALL SELECT a FROM near_duplicates WHERE b = ?1)"));
    SITREP_RETURN_IF_ERROR(
        select_key_.Prepare(db_, "SELECT published, duplicate_of FROM documents WHERE id = ?1"));
    SITREP_RETURN_IF_ERROR(
        set_duplicate_.Prepare(db_, "UPDATE documents SET duplicate_of = ?2 WHERE id = ?1"));
    SITREP_RETURN_IF_ERROR(select_sightings_.Prepare(
        db_,
        "SELECT source, url, published, origin FROM sightings WHERE doc_id = ?1 "
        "ORDER BY published = '', published, source, url"));
    SITREP_RETURN_IF_ERROR(get_.Prepare(db_, std::string("SELECT ") + kDocColumns + kFullColumns +
                                                 " FROM documents d WHERE d.id = ?1"));
    SITREP_RETURN_IF_ERROR(update_annotations_.Prepare(
        db_, "UPDATE documents SET annotations = ?2, pipeline = ?3 WHERE id = ?1 RETURNING rowid"));
    return rows_.Prepare(db_);
  }

  StatusOr<PutResult> Put(const std::vector<Document>& docs) override {
    const std::vector<Encoded> encoded = EncodeAll(docs);
    Transaction txn(db_);
    SITREP_RETURN_IF_ERROR(txn.Begin());
    PutResult result;
    for (size_t i = 0; i < docs.size(); ++i) {
      const Document& doc = docs[i];
      Status s = PutOne(doc, encoded[i], &result);
      if (!s.ok()) return s.WithPrefix("storing " + (doc.origin.empty() ? doc.id : doc.origin));
      // Fault tests widen the open transaction so kill -9 lands inside it.
      if (put_delay_us_ > 0) std::this_thread::sleep_for(std::chrono::microseconds(put_delay_us_));
    }
    SITREP_RETURN_IF_ERROR(txn.Commit());
    return result;
  }

  StatusOr<Document> Get(const std::string& id) override {
    get_.BindText(1, id);
    StatusOr<bool> row = get_.Step();
    if (!row.ok()) return row.status();
    if (!*row) {
      get_.Reset();
      return Status::NotFound("no document " + id);
    }
    StatusOr<Document> doc = RowToDocument(get_, /*metadata_only=*/false);
    get_.Reset();
    if (!doc.ok()) return doc.status();
    SITREP_RETURN_IF_ERROR(LoadSightings(&*doc));
    return doc;
  }

  Status ForEach(const DocumentFilter& filter,
                 const std::function<bool(const Document&)>& fn) override {
    std::string sql = std::string("SELECT ") + kDocColumns +
                      (filter.metadata_only ? kMetadataColumns : kFullColumns) +
                      " FROM documents d";
    if (!filter.fts_query.empty()) {
      sql += " JOIN documents_fts ON documents_fts.rowid = d.rowid AND documents_fts MATCH ?1";
    }
    sql += " WHERE 1";
    if (!filter.published_before.empty()) {
      sql += " AND d.published IS NOT NULL AND d.published <= ?2";
    }
    if (!filter.ids.empty()) sql += " AND d.id IN (SELECT value FROM json_each(?3))";
    sql += kDateOrder;
    Statement st;
    SITREP_RETURN_IF_ERROR(st.Prepare(db_, sql));
    if (!filter.fts_query.empty()) st.BindText(1, filter.fts_query);
    if (!filter.published_before.empty()) st.BindText(2, filter.published_before);
    if (!filter.ids.empty()) st.BindText(3, JsonStringArray(filter.ids));
    for (;;) {
      StatusOr<bool> row = st.Step();
      if (!row.ok()) return QueryStatus(row.status());
      if (!*row) break;
      StatusOr<Document> doc = RowToDocument(st, filter.metadata_only);
      if (!doc.ok()) return doc.status();
      SITREP_RETURN_IF_ERROR(LoadSightings(&*doc));
      if (!fn(*doc)) break;
    }
    return Status::OK();
  }

  StatusOr<bool> Contains(const Document& doc) override {
    find_.BindText(1, doc.id).BindText(2, TextHash(doc.text));
    StatusOr<bool> row = find_.Step();
    find_.Reset();
    return row;
  }

  StatusOr<std::string> ResolveId(const std::string& prefix) override {
    for (const std::string& p : {prefix, "d-" + prefix}) {
      Statement st;
      SITREP_RETURN_IF_ERROR(st.Prepare(
          db_, "SELECT id FROM documents WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT 2"));
      st.BindText(1, p).BindText(2, p + "\xff");
      std::vector<std::string> found;
      for (;;) {
        StatusOr<bool> row = st.Step();
        if (!row.ok()) return row.status();
        if (!*row) break;
        found.push_back(st.Text(0));
      }
      if (found.size() == 1 || (!found.empty() && found[0] == p)) return found[0];
      if (found.size() > 1) {
        return Status::InvalidArgument("document id prefix '" + prefix + "' is ambiguous");
      }
      if (prefix.rfind("d-", 0) == 0) break;
    }
    return Status::NotFound("no document with id '" + prefix + "'");
  }

  Status UpdateAnnotations(const std::vector<Document>& docs) override {
    Transaction txn(db_);
    SITREP_RETURN_IF_ERROR(txn.Begin());
    for (const Document& doc : docs) {
      update_annotations_.BindText(1, doc.id)
          .BindBlob(2, PackColumn(AnnotationJson(doc)))
          .BindText(3, doc.pipeline);
      StatusOr<bool> row = update_annotations_.Step();
      const int64_t rowid = row.ok() && *row ? update_annotations_.Int(0) : 0;
      update_annotations_.Reset();
      if (!row.ok()) return row.status();
      if (!*row) return Status::NotFound("no document " + doc.id);
      SITREP_RETURN_IF_ERROR(rows_.Write(doc, rowid));
    }
    return txn.Commit();
  }

  StatusOr<std::vector<std::string>> StaleIds(const std::string& pipeline) override {
    Statement st;
    SITREP_RETURN_IF_ERROR(st.Prepare(
        db_, std::string("SELECT d.id FROM documents d WHERE d.pipeline IS NOT ?1") + kDateOrder));
    st.BindText(1, pipeline);
    std::vector<std::string> ids;
    for (;;) {
      StatusOr<bool> row = st.Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      ids.push_back(st.Text(0));
    }
    return ids;
  }

  StatusOr<StoreStats> Stats() override;
  Status CheckIntegrity() override;
  StatusOr<std::vector<SearchResult>> Search(const std::string& query, int limit) override;

 private:
  static std::string JsonStringArray(const std::vector<std::string>& values);
  static std::string AnnotationJson(const Document& doc) {
    JsonWriteOptions o;
    o.include_text = false;
    return DocumentToJson(doc, o);
  }
  // FTS5 reports a malformed query as a plain SQL error.
  static Status QueryStatus(const Status& s) {
    if (s.code() == Status::Code::kInternal) return Status::InvalidArgument(s.message());
    return s;
  }

  // What Put stores of a document beyond its metadata, computed before the
  // transaction: the costly part of storing, done on several threads.
  struct Encoded {
    std::string text_hash, raw, offsets, removed, annotations;
    std::vector<uint64_t> signature;  // empty without a signature function
  };
  Encoded Encode(const Document& doc) const;
  std::vector<Encoded> EncodeAll(const std::vector<Document>& docs) const;
  Status PutOne(const Document& doc, const Encoded& encoded, PutResult* result);
  Status AddSightings(const std::string& id, const Document& doc, bool* added);
  Status LinkNearDuplicates(const Document& doc, const std::vector<uint64_t>& sig,
                            PutResult* result);
  Status Neighbors(const std::string& id, std::vector<DocKey>* out);
  Status Relink(const std::string& id, PutResult* result);
  Status RelinkWithNeighbors(const std::string& id, PutResult* result);
  StatusOr<Document> RowToDocument(const Statement& st, bool metadata_only);
  Status LoadSightings(Document* doc);
  StatusOr<int64_t> Count(const std::string& sql);

  sqlite3* db_;
  SqliteStoreOptions options_;
  int put_delay_us_ = 0;
  Statement find_, insert_doc_, insert_fts_, insert_sighting_, redate_;
  Statement insert_signature_, select_signature_, select_bucket_, insert_bucket_, insert_pair_;
  Statement select_neighbors_, select_key_, set_duplicate_, select_sightings_, get_;
  Statement update_annotations_;
  AnnotationRowWriter rows_;
};

std::string SqliteStore::JsonStringArray(const std::vector<std::string>& values) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    out += '"';
    for (char c : values[i]) {
      if (c == '"' || c == '\\') out += '\\';
      if (static_cast<unsigned char>(c) >= 0x20) out += c;
    }
    out += '"';
  }
  return out + "]";
}

SqliteStore::Encoded SqliteStore::Encode(const Document& doc) const {
  Encoded e;
  e.text_hash = TextHash(doc.text);
  e.raw = PackColumn(doc.raw, doc.text);
  e.offsets = PackColumn(EncodeOffsets(doc.offsets));
  e.removed = PackColumn(EncodeRemovals(doc.removed));
  e.annotations = PackColumn(AnnotationJson(doc));
  if (options_.signature) e.signature = options_.signature(doc.text);
  return e;
}

std::vector<SqliteStore::Encoded> SqliteStore::EncodeAll(const std::vector<Document>& docs) const {
  std::vector<Encoded> out(docs.size());
  // A few documents per thread, so a small batch does not pay for threads.
  size_t threads =
      std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), (docs.size() + 3) / 4);
  std::atomic<size_t> next{0};
  auto run = [&] {
    for (size_t i = next++; i < docs.size(); i = next++) out[i] = Encode(docs[i]);
  };
  if (threads <= 1) {
    run();
    return out;
  }
  // The calling thread only waits: it is the writer that every other
  // thread of `sitrep ingest` waits for, so it keeps none of this work.
  std::vector<std::thread> pool;
  for (size_t t = 0; t < threads; ++t) pool.emplace_back(run);
  for (auto& t : pool) t.join();
  return out;
}

Status SqliteStore::PutOne(const Document& doc, const Encoded& encoded, PutResult* result) {
  if (doc.id.empty()) return Status::InvalidArgument("document has no id");
  const std::string& hash = encoded.text_hash;
  find_.BindText(1, doc.id).BindText(2, hash);
  StatusOr<bool> found = find_.Step();
  if (!found.ok()) return found.status();
  if (*found) {
    // An exact duplicate: one more sighting of the stored document, whose
    // date becomes the earliest sighting's.
    std::string id = find_.Text(0), published = find_.Text(1);
    find_.Reset();
    bool added = false;
    SITREP_RETURN_IF_ERROR(AddSightings(id, doc, &added));
    if (!added) {
      ++result->unchanged;
      return Status::OK();
    }
    ++result->sightings;
    const std::string& date = doc.published.date;
    if (!date.empty() && (published.empty() || date < published)) {
      // The annotations resolved relative dates against the old date: they
      // are marked stale (pipeline '') for reannotation.
      redate_.BindText(1, id).BindText(2, date).BindText(3, doc.published.provenance);
      redate_.Bind(4, doc.source).Bind(5, doc.source_provenance).Bind(6, doc.url);
      SITREP_RETURN_IF_ERROR(redate_.Run());
      SITREP_RETURN_IF_ERROR(RelinkWithNeighbors(id, result));
    }
    return Status::OK();
  }
  find_.Reset();

  insert_doc_.BindText(1, doc.id).BindText(2, hash).Bind(3, doc.source);
  insert_doc_.Bind(4, doc.source_provenance).Bind(5, doc.url).Bind(6, doc.title);
  insert_doc_.Bind(7, doc.language).Bind(8, doc.published.date);
  insert_doc_.BindText(9, doc.published.provenance.empty() ? "unknown" : doc.published.provenance);
  insert_doc_.Bind(10, doc.published.earliest).Bind(11, doc.origin).Bind(12, doc.format);
  insert_doc_.BindBlob(13, encoded.raw).BindText(14, doc.text);
  insert_doc_.BindBlob(15, encoded.offsets).BindBlob(16, encoded.removed);
  insert_doc_.BindText(17, doc.pipeline).BindBlob(18, encoded.annotations);
  insert_doc_.Bind(19, static_cast<int64_t>(doc.raw.size()));
  SITREP_RETURN_IF_ERROR(insert_doc_.Run());
  const int64_t rowid = sqlite3_last_insert_rowid(db_);
  insert_fts_.Bind(1, rowid).BindText(2, doc.text);
  SITREP_RETURN_IF_ERROR(insert_fts_.Run());
  bool added = false;
  SITREP_RETURN_IF_ERROR(AddSightings(doc.id, doc, &added));
  SITREP_RETURN_IF_ERROR(rows_.Write(doc, rowid));
  ++result->added;
  return LinkNearDuplicates(doc, encoded.signature, result);
}

Status SqliteStore::AddSightings(const std::string& id, const Document& doc, bool* added) {
  auto add = [&](const Sighting& s) -> Status {
    insert_sighting_.BindText(1, id).BindText(2, s.source).BindText(3, s.url);
    insert_sighting_.BindText(4, s.published).BindText(5, s.origin);
    SITREP_RETURN_IF_ERROR(insert_sighting_.Run());
    if (sqlite3_changes(db_) > 0) *added = true;
    return Status::OK();
  };
  SITREP_RETURN_IF_ERROR(add({doc.source, doc.url, doc.published.date, doc.origin}));
  for (const Sighting& s : doc.sightings) SITREP_RETURN_IF_ERROR(add(s));
  return Status::OK();
}

Status SqliteStore::LinkNearDuplicates(const Document& doc, const std::vector<uint64_t>& sig,
                                       PutResult* result) {
  if (!options_.signature) return Status::OK();
  // A text without a single shingle has the all-maximum signature: it is
  // like nothing, rather than like every other empty text.
  if (std::all_of(sig.begin(), sig.end(), [](uint64_t v) { return v == ~uint64_t{0}; })) {
    return Status::OK();
  }
  insert_signature_.BindText(1, doc.id).BindBlob(2, EncodeSignature(sig));
  SITREP_RETURN_IF_ERROR(insert_signature_.Run());

  const int rows = sig.size() >= 2 * kRowsPerBand ? kRowsPerBand : 1;
  const int bands = static_cast<int>(sig.size()) / rows;
  std::set<std::string> candidates;
  for (int band = 0; band < bands; ++band) {
    int64_t bucket = BandBucket(sig.data() + band * rows, rows, band);
    select_bucket_.Bind(1, int64_t{band}).Bind(2, bucket);
    for (;;) {
      StatusOr<bool> row = select_bucket_.Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      candidates.insert(select_bucket_.Text(0));
    }
    select_bucket_.Reset();
    insert_bucket_.Bind(1, int64_t{band}).Bind(2, bucket).BindText(3, doc.id);
    SITREP_RETURN_IF_ERROR(insert_bucket_.Run());
  }
  candidates.erase(doc.id);
  bool linked = false;
  for (const std::string& other : candidates) {
    select_signature_.BindText(1, other);
    StatusOr<bool> row = select_signature_.Step();
    if (!row.ok()) return row.status();
    double similarity =
        *row ? SignatureAgreement(sig, DecodeSignature(select_signature_.Text(0))) : 0.0;
    select_signature_.Reset();
    if (similarity < options_.near_duplicate_threshold) continue;
    const std::string& a = std::min(doc.id, other);
    const std::string& b = std::max(doc.id, other);
    insert_pair_.BindText(1, a).BindText(2, b).Bind(3, similarity);
    SITREP_RETURN_IF_ERROR(insert_pair_.Run());
    linked = true;
  }
  if (!linked) return Status::OK();
  return RelinkWithNeighbors(doc.id, result);
}

Status SqliteStore::Neighbors(const std::string& id, std::vector<DocKey>* out) {
  out->clear();
  select_neighbors_.BindText(1, id);
  for (;;) {
    StatusOr<bool> row = select_neighbors_.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out->push_back({select_neighbors_.Text(1), select_neighbors_.Text(0)});
  }
  select_neighbors_.Reset();
  return Status::OK();
}

// A document's first copy is its earliest near-duplicate that is earlier
// than itself. It depends only on the pairs and the dates, never on the
// order documents arrived in.
Status SqliteStore::Relink(const std::string& id, PutResult* result) {
  select_key_.BindText(1, id);
  StatusOr<bool> row = select_key_.Step();
  if (!row.ok()) return row.status();
  if (!*row) {
    select_key_.Reset();
    return Status::OK();
  }
  DocKey self{select_key_.Text(0), id};
  std::string current = select_key_.Text(1);
  select_key_.Reset();
  std::vector<DocKey> neighbors;
  SITREP_RETURN_IF_ERROR(Neighbors(id, &neighbors));
  const DocKey* best = nullptr;
  for (const DocKey& n : neighbors) {
    if (KeyLess(n, self) && (best == nullptr || KeyLess(n, *best))) best = &n;
  }
  std::string first = best != nullptr ? best->id : std::string();
  if (first == current) return Status::OK();
  if (current.empty()) ++result->near_duplicates;
  if (first.empty()) --result->near_duplicates;
  set_duplicate_.BindText(1, id).Bind(2, first);
  return set_duplicate_.Run();
}

Status SqliteStore::RelinkWithNeighbors(const std::string& id, PutResult* result) {
  std::vector<DocKey> neighbors;
  SITREP_RETURN_IF_ERROR(Neighbors(id, &neighbors));
  SITREP_RETURN_IF_ERROR(Relink(id, result));
  for (const DocKey& n : neighbors) SITREP_RETURN_IF_ERROR(Relink(n.id, result));
  return Status::OK();
}

StatusOr<Document> SqliteStore::RowToDocument(const Statement& st, bool metadata_only) {
  Document doc;
  const std::string id = st.Text(0);
  if (!metadata_only) {
    const std::string where = "document " + id;
    StatusOr<std::string> json = UnpackColumn(st.Text(17));
    if (!json.ok()) return json.status().WithPrefix(where);
    StatusOr<Document> parsed = DocumentFromJson(*json);
    if (!parsed.ok()) return parsed.status().WithPrefix(where);
    doc = std::move(*parsed);
    StatusOr<std::string> raw = UnpackColumn(st.Text(14), st.Text(11));
    StatusOr<std::string> offsets = UnpackColumn(st.Text(15));
    StatusOr<std::string> removed = UnpackColumn(st.Text(16));
    for (const auto* part : {&raw, &offsets, &removed}) {
      if (!part->ok()) return part->status().WithPrefix(where);
    }
    doc.raw = std::move(*raw);
    SITREP_RETURN_IF_ERROR(DecodeOffsets(*offsets, &doc.offsets).WithPrefix(where));
    SITREP_RETURN_IF_ERROR(DecodeRemovals(*removed, &doc.removed).WithPrefix(where));
  }
  doc.id = id;
  doc.source = st.Text(1);
  doc.source_provenance = st.Text(2);
  doc.url = st.Text(3);
  doc.title = st.Text(4);
  doc.language = st.Text(5);
  doc.published.date = st.Text(6);
  doc.published.provenance = st.Text(7);
  doc.published.earliest = st.Text(8);
  doc.origin = st.Text(9);
  doc.format = st.Text(10);
  doc.text = st.Text(11);
  doc.duplicate_of = st.Text(12);
  doc.pipeline = st.Text(13);
  return doc;
}

Status SqliteStore::LoadSightings(Document* doc) {
  doc->sightings.clear();
  select_sightings_.BindText(1, doc->id);
  for (;;) {
    StatusOr<bool> row = select_sightings_.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    doc->sightings.push_back({select_sightings_.Text(0), select_sightings_.Text(1),
                              select_sightings_.Text(2), select_sightings_.Text(3)});
  }
  select_sightings_.Reset();
  return Status::OK();
}

StatusOr<int64_t> SqliteStore::Count(const std::string& sql) {
  Statement st;
  SITREP_RETURN_IF_ERROR(st.Prepare(db_, sql));
  StatusOr<bool> row = st.Step();
  if (!row.ok()) return row.status();
  return *row ? st.Int(0) : 0;
}

StatusOr<StoreStats> SqliteStore::Stats() {
  StoreStats s;
  StatusOr<int> version = SchemaVersion(db_);
  if (!version.ok()) return version.status();
  s.schema_version = *version;
  struct Target {
    int64_t* out;
    const char* sql;
  };
  const Target counts[] = {
      {&s.documents, "SELECT count(*) FROM documents"},
      {&s.sightings, "SELECT count(*) FROM sightings"},
      {&s.near_duplicates, "SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL"},
      {&s.near_duplicate_pairs, "SELECT count(*) FROM near_duplicates"},
      {&s.sources, "SELECT count(DISTINCT source) FROM documents WHERE source IS NOT NULL"},
      {&s.unknown_source, "SELECT count(*) FROM documents WHERE source IS NULL"},
      {&s.undated, "SELECT count(*) FROM documents WHERE published IS NULL"},
      {&s.raw_bytes,
       "SELECT coalesce(sum(coalesce(raw_size, length(CAST(raw AS BLOB)))), 0) FROM documents"},
      {&s.text_bytes, "SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM documents"},
      {&s.file_bytes, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"},
      {&s.timexes, "SELECT count(*) FROM timexes"},
      {&s.entities, "SELECT count(*) FROM entities"},
      {&s.events, "SELECT count(*) FROM events"},
      {&s.claims, "SELECT count(*) FROM claims"},
  };
  for (const Target& t : counts) {
    StatusOr<int64_t> n = Count(t.sql);
    if (!n.ok()) return n.status();
    *t.out = *n;
  }
  Statement st;
  SITREP_RETURN_IF_ERROR(
      st.Prepare(db_, "SELECT count(*) FROM documents WHERE pipeline IS NOT ?1"));
  st.BindText(1, kPipelineName);
  StatusOr<bool> row = st.Step();
  if (!row.ok()) return row.status();
  s.stale = st.Int(0);
  st.Reset();

  SITREP_RETURN_IF_ERROR(st.Prepare(
      db_, "SELECT min(published), max(published) FROM documents WHERE published IS NOT NULL"));
  row = st.Step();
  if (!row.ok()) return row.status();
  s.first_published = st.Text(0);
  s.last_published = st.Text(1);

  auto group = [&](const char* sql, std::vector<std::pair<std::string, int64_t>>* out) -> Status {
    Statement g;
    SITREP_RETURN_IF_ERROR(g.Prepare(db_, sql));
    for (;;) {
      StatusOr<bool> r = g.Step();
      if (!r.ok()) return r.status();
      if (!*r) break;
      out->emplace_back(g.Text(0), g.Int(1));
    }
    return Status::OK();
  };
  SITREP_RETURN_IF_ERROR(
      group("SELECT coalesce(language, 'unknown'), count(*) AS n FROM documents "
            "GROUP BY 1 ORDER BY n DESC, 1",
            &s.languages));
  SITREP_RETURN_IF_ERROR(
      group("SELECT pipeline, count(*) AS n FROM documents "
            "GROUP BY 1 ORDER BY n DESC, 1",
            &s.pipelines));
  return s;
}

Status SqliteStore::CheckIntegrity() {
  Statement st;
  SITREP_RETURN_IF_ERROR(st.Prepare(db_, "PRAGMA integrity_check"));
  std::string problems;
  for (;;) {
    StatusOr<bool> row = st.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    if (st.Text(0) != "ok") problems += (problems.empty() ? "" : "; ") + st.Text(0);
  }
  if (!problems.empty()) return Status::Corruption("integrity check: " + problems);
  // The external-content FTS index must match the documents it indexes.
  Status fts =
      Exec(db_, "INSERT INTO documents_fts(documents_fts, rank) VALUES('integrity-check', 1)");
  if (!fts.ok()) return Status::Corruption("full-text index: " + fts.message());
  StatusOr<int64_t> orphans = Count(
      "SELECT count(*) FROM sightings s WHERE NOT EXISTS "
      "(SELECT 1 FROM documents d WHERE d.id = s.doc_id)");
  if (!orphans.ok()) return orphans.status();
  if (*orphans > 0) {
    return Status::Corruption(std::to_string(*orphans) + " sightings of no stored document");
  }
  return Status::OK();
}

StatusOr<std::vector<SearchResult>> SqliteStore::Search(const std::string& query, int limit) {
  if (query.empty()) return Status::InvalidArgument("empty search query");
  Statement st;
  SITREP_RETURN_IF_ERROR(
      st.Prepare(db_,
                 "SELECT d.id, highlight(documents_fts, 0, char(1), char(2)), bm25(documents_fts) "
                 "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
                 "WHERE documents_fts MATCH ?1 ORDER BY bm25(documents_fts), d.id LIMIT ?2"));
  st.BindText(1, query).Bind(2, int64_t{limit});
  std::vector<std::pair<std::string, std::pair<std::string, double>>> hits;
  for (;;) {
    StatusOr<bool> row = st.Step();
    if (!row.ok()) return QueryStatus(row.status()).WithPrefix("search query '" + query + "'");
    if (!*row) break;
    hits.push_back({st.Text(0), {st.Text(1), st.Double(2)}});
  }
  std::vector<SearchResult> results;
  for (auto& [id, highlighted] : hits) {
    StatusOr<Document> doc = Get(id);
    if (!doc.ok()) return doc.status();
    SearchResult r;
    r.score = highlighted.second;
    r.matches = MatchingSentences(*doc, highlighted.first);
    r.doc = std::move(*doc);
    r.doc.raw.clear();
    results.push_back(std::move(r));
  }
  return results;
}

}  // namespace

std::string TextHash(std::string_view text) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[i] = kHex[h & 0xf];
  return out;
}

StatusOr<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                                 const SqliteStoreOptions& options) {
  const bool read_only = options.store.read_only;
  std::error_code ec;
  if (read_only && !std::filesystem::exists(path, ec)) {
    return Status::NotFound("no store at " + path + " (create one with `sitrep ingest`)");
  }
  sqlite3* db = nullptr;
  int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  // A Store is used by one thread at a time (sitrep ingest guards the
  // shared read-only lookup with a mutex): SQLite's per-call connection
  // mutex is not needed.
  flags |= SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags,
                           options.vfs.empty() ? nullptr : options.vfs.c_str());
  if (rc != SQLITE_OK) {
    Status s = SqliteStatus(db, rc, "cannot open store " + path);
    sqlite3_close_v2(db);
    return s;
  }
  auto store = std::make_unique<SqliteStore>(db, options);
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, 10000);
  const std::string where = "store " + path;
  if (!read_only) {
    // WAL: readers never block the writer, and a crash leaves the last
    // committed batch intact. NORMAL sync is safe against process crashes.
    SITREP_RETURN_IF_ERROR(
        Exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL").WithPrefix(where));
    // The writer's page cache (64 MiB, not the default 2 MiB) holds the
    // b-tree pages an ingest keeps revisiting (annotation-row indexes, LSH
    // buckets, the FTS index), instead of reading them back through the
    // kernel; a checkpoint every 8192 pages (32 MiB of WAL, not 4 MiB)
    // copies a page changed by many batches into the database file once.
    // Neither changes what a crash can leave: the WAL still commits each
    // batch whole.
    SITREP_RETURN_IF_ERROR(
        Exec(db, "PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 8192").WithPrefix(where));
    SITREP_RETURN_IF_ERROR(Migrate(db).WithPrefix(where));
  } else {
    StatusOr<int> version = SchemaVersion(db);
    if (!version.ok()) return version.status().WithPrefix(where);
    if (*version != kLatestSchemaVersion) {
      return Status::Unsupported(where + ": schema version " + std::to_string(*version) +
                                 ", expected " + std::to_string(kLatestSchemaVersion) +
                                 " (open it once for writing to migrate)");
    }
  }
  SITREP_RETURN_IF_ERROR(store->Init().WithPrefix(where));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace sitrep::store
