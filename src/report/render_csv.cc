// CSV (RFC 4180) for spreadsheet users: timeline, claims, outlets.
#include <fmt/format.h>

#include "report/consolidate_state.h"
#include "report/render.h"

namespace sitrep::report {
namespace {

std::string Num(const std::optional<double>& v) { return v ? fmt::format("{:g}", *v) : ""; }

std::string JoinSemi(const std::vector<std::string>& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? "; " : "") + v[i];
  return out;
}

void Row(std::string* out, std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (auto f : fields) {
    if (!first) *out += ',';
    *out += CsvField(f);
    first = false;
  }
  *out += "\r\n";
}

}  // namespace

std::string CsvField(std::string_view s) {
  bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos;
  // A leading = + - @ would run as a formula in spreadsheets: quote and prefix.
  bool formula = !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '@');
  if (!quote && !formula) return std::string(s);
  std::string out = "\"";
  if (formula) out += '\'';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string RenderTimelineCsv(const Brief& b) {
  std::string out;
  Row(&out, {"id", "date", "date_end", "precision", "date_text", "type", "status", "confidence",
             "sources", "summary", "citations", "quote"});
  for (const auto& e : b.timeline) {
    std::string quote = e.citations.empty() ? "" : b.citations.at(e.citations.front()).quote;
    Row(&out, {e.id, e.date, e.date_end, e.precision, e.date_text, e.type, e.status,
               fmt::format("{:.2f}", e.confidence), JoinSemi(e.sources), e.summary,
               JoinSemi(e.citations), quote});
  }
  return out;
}

std::string RenderClaimGroupsCsv(const Brief& b) {
  std::string out;
  Row(&out, {"group",       "subject",   "measure",   "status",    "range_min",  "range_max",
             "source",      "value_min", "value_max", "approx",    "bound",      "increment",
             "attribution", "anonymous", "modality",  "published", "superseded", "citation",
             "doc",         "start",     "end",       "quote"});
  for (const auto& g : b.claim_groups) {
    for (const auto& v : g.values) {
      const Citation& c = b.citations.at(v.citation);
      Row(&out, {g.id,
                 g.subject,
                 g.measure,
                 g.status,
                 Num(g.range_min),
                 Num(g.range_max),
                 v.source,
                 Num(v.min),
                 Num(v.max),
                 v.approx ? "true" : "false",
                 v.bound,
                 v.increment ? "true" : "false",
                 v.attribution,
                 v.anonymous ? "true" : "false",
                 v.modality,
                 v.published,
                 v.superseded ? "true" : "false",
                 v.citation,
                 c.doc,
                 std::to_string(c.start),
                 std::to_string(c.end),
                 c.quote});
    }
  }
  return out;
}

std::string RenderOutletsCsv(const Brief& b) {
  std::string out;
  Row(&out, {"source", "documents", "first", "last", "affiliation", "affiliation_country",
             "framing", "cites"});
  for (const auto& o : b.outlets) {
    std::vector<std::string> framing;
    for (const auto& f : o.framing) framing.push_back(f.marker + " (" + f.stance + ")");
    Row(&out, {o.source, std::to_string(o.documents), o.first, o.last, o.affiliation,
               o.affiliation_country, JoinSemi(framing), JoinSemi(o.cites)});
  }
  return out;
}

std::string RenderClaimRowsCsv(const std::vector<ClaimRow>& rows) {
  std::string out;
  Row(&out, {"doc", "source", "published", "subject", "measure", "value_min", "value_max", "approx",
             "bound", "modality", "attribution", "anonymous", "time", "start", "end", "quote"});
  for (const auto& r : rows) {
    Row(&out, {r.doc, r.source, r.published, r.subject, r.measure, Num(r.min), Num(r.max),
               r.approx ? "true" : "false", r.bound, r.modality, r.attribution,
               r.anonymous ? "true" : "false", r.time, std::to_string(r.claim_start),
               std::to_string(r.claim_end), r.quote});
  }
  return out;
}

}  // namespace sitrep::report
