// Writes a document's annotations as rows of the entities, timexes, events
// and claims tables (schema v2, keyed by the document's rowid since v4), the
// form SQL queries filter on. The document's full annotation JSON stays the
// source of truth.
#ifndef SITREP_STORE_ANNOTATION_ROWS_H_
#define SITREP_STORE_ANNOTATION_ROWS_H_

#include <sqlite3.h>

#include <cstdint>
#include <string_view>

#include "sitrep/document.h"
#include "sitrep/status.h"
#include "store/sqlite_util.h"

namespace sitrep::store {

class AnnotationRowWriter {
 public:
  Status Prepare(sqlite3* db);
  // Replaces the rows of the document (documents.rowid = doc_rowid) with
  // its current annotations.
  Status Write(const Document& doc, int64_t doc_rowid);

 private:
  Statement delete_[4];
  Statement entity_, timex_, event_, claim_;
};

}  // namespace sitrep::store

#endif  // SITREP_STORE_ANNOTATION_ROWS_H_
