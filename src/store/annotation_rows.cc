#include "store/annotation_rows.h"

#include <cstdint>
#include <optional>

namespace sitrep::store {
namespace {

void BindOptional(Statement& st, int index, const std::optional<double>& v) {
  if (v) {
    st.Bind(index, *v);
  } else {
    st.BindNull(index);
  }
}

}  // namespace

Status AnnotationRowWriter::Prepare(sqlite3* db) {
  const char* tables[4] = {"entities", "timexes", "events", "claims"};
  for (int i = 0; i < 4; ++i) {
    SITREP_RETURN_IF_ERROR(
        delete_[i].Prepare(db, std::string("DELETE FROM ") + tables[i] + " WHERE doc = ?"));
  }
  SITREP_RETURN_IF_ERROR(
      entity_.Prepare(db, "INSERT OR REPLACE INTO entities VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  SITREP_RETURN_IF_ERROR(
      timex_.Prepare(db, "INSERT OR REPLACE INTO timexes VALUES(?1, ?2, ?3, ?4, ?5, ?6)"));
  SITREP_RETURN_IF_ERROR(
      event_.Prepare(db, "INSERT OR REPLACE INTO events VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  SITREP_RETURN_IF_ERROR(claim_.Prepare(
      db, "INSERT OR REPLACE INTO claims VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
  return Status::OK();
}

Status AnnotationRowWriter::Write(const Document& doc, int64_t doc_rowid) {
  for (auto& st : delete_) SITREP_RETURN_IF_ERROR(st.Bind(1, doc_rowid).Run());
  for (const auto& e : doc.entities) {
    entity_.Bind(1, doc_rowid).BindText(2, e.id).Bind(3, int64_t{e.start}).Bind(4, int64_t{e.end});
    entity_.Bind(5, e.type).Bind(6, e.actor).Bind(7, e.text);
    SITREP_RETURN_IF_ERROR(entity_.Run());
  }
  for (const auto& t : doc.timexes) {
    timex_.Bind(1, doc_rowid).BindText(2, t.id).Bind(3, int64_t{t.start}).Bind(4, int64_t{t.end});
    timex_.Bind(5, t.type).Bind(6, t.value);
    SITREP_RETURN_IF_ERROR(timex_.Run());
  }
  for (const auto& e : doc.events) {
    event_.Bind(1, doc_rowid).BindText(2, e.id).Bind(3, int64_t{e.start}).Bind(4, int64_t{e.end});
    event_.Bind(5, e.type).Bind(6, e.modality).Bind(7, e.time);
    SITREP_RETURN_IF_ERROR(event_.Run());
  }
  for (const auto& c : doc.claims) {
    claim_.Bind(1, doc_rowid).BindText(2, c.id).Bind(3, int64_t{c.start}).Bind(4, int64_t{c.end});
    claim_.Bind(5, c.subject).Bind(6, c.measure);
    BindOptional(claim_, 7, c.value.min);
    BindOptional(claim_, 8, c.value.max);
    claim_.Bind(9, c.modality);
    SITREP_RETURN_IF_ERROR(claim_.Run());
  }
  return Status::OK();
}

}  // namespace sitrep::store
