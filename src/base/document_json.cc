#include "sitrep/document_json.h"

#include <nlohmann/json.hpp>

#include "sitrep/version.h"

namespace sitrep {
namespace {

using json = nlohmann::json;

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
json OrNull(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

// Reading uses ordered_json: its objects are small vectors rather than
// std::map trees, which makes parsing a stored document's annotations (tens
// of thousands of small objects for `sitrep brief` over a store) about a
// third cheaper. Writing keeps json, whose sorted keys the output contract
// shows.
using rjson = nlohmann::ordered_json;

std::string Str(const rjson& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return {};
  return it->get<std::string>();
}
uint32_t U32(const rjson& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return 0;
  return it->get<uint32_t>();
}
std::optional<double> OptNum(const rjson& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}
bool Bool(const rjson& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}
const rjson& Arr(const rjson& j, const char* key) {
  static const rjson kEmpty = rjson::array();
  auto it = j.find(key);
  return (it != j.end() && it->is_array()) ? *it : kEmpty;
}

json ValueJson(const ClaimValue& v) {
  return {{"min", OrNull(v.min)}, {"max", OrNull(v.max)}, {"approx", v.approx}};
}

}  // namespace

std::string DocumentToJson(const Document& doc, const JsonWriteOptions& options) {
  json j;
  j["schema_version"] = kSchemaVersion;
  j["id"] = doc.id;
  j["source"] = OrNull(doc.source);
  j["url"] = OrNull(doc.url);
  j["title"] = OrNull(doc.title);
  j["language"] = OrNull(doc.language);
  j["published"] = {{"date", OrNull(doc.published.date)},
                    {"provenance", doc.published.provenance},
                    {"earliest", OrNull(doc.published.earliest)}};
  j["pipeline"] = doc.pipeline.empty() ? std::string(kPipelineName) : doc.pipeline;
  if (options.include_text) j["text"] = doc.text;
  json sentences = json::array();
  for (const auto& s : doc.sentences) sentences.push_back({{"start", s.start}, {"end", s.end}});
  j["sentences"] = std::move(sentences);
  if (options.include_tokens) {
    json tokens = json::array();
    for (const auto& t : doc.tokens) {
      tokens.push_back(
          {{"start", t.start}, {"end", t.end}, {"sentence", t.sentence}, {"pos", OrNull(t.pos)}});
    }
    j["tokens"] = std::move(tokens);
  }
  json timexes = json::array();
  for (const auto& t : doc.timexes) {
    json range = nullptr;
    if (!t.range_begin.empty() || !t.range_end.empty()) {
      range = {{"begin", OrNull(t.range_begin)}, {"end", OrNull(t.range_end)}};
    }
    json tj = {{"id", t.id},           {"start", t.start}, {"end", t.end},
               {"text", t.text},       {"type", t.type},   {"value", t.value},
               {"mod", OrNull(t.mod)}, {"range", range},   {"anchor", t.anchor}};
    if (t.flagged) tj["flagged"] = true;
    timexes.push_back(std::move(tj));
  }
  j["timexes"] = std::move(timexes);
  json entities = json::array();
  for (const auto& e : doc.entities) {
    json ej = {{"id", e.id},     {"start", e.start}, {"end", e.end},
               {"text", e.text}, {"type", e.type},   {"actor", OrNull(e.actor)}};
    if (!e.country.empty()) ej["country"] = e.country;
    entities.push_back(std::move(ej));
  }
  j["entities"] = std::move(entities);
  json quantities = json::array();
  for (const auto& q : doc.quantities) {
    json qj = {{"id", q.id},
               {"start", q.start},
               {"end", q.end},
               {"text", q.text},
               {"min", OrNull(q.min)},
               {"max", OrNull(q.max)},
               {"approx", q.approx},
               {"bound", OrNull(q.bound)},
               {"magnitude", OrNull(q.magnitude)},
               {"unit", OrNull(q.unit)},
               {"counted", OrNull(q.counted)}};
    if (q.increment) qj["increment"] = true;
    quantities.push_back(std::move(qj));
  }
  j["quantities"] = std::move(quantities);
  json attributions = json::array();
  for (const auto& a : doc.attributions) {
    attributions.push_back({{"id", a.id},
                            {"start", a.start},
                            {"end", a.end},
                            {"cue", a.cue},
                            {"source_text", a.source_text},
                            {"source_actor", OrNull(a.source_actor)},
                            {"via", OrNull(a.via)}});
  }
  j["attributions"] = std::move(attributions);
  json events = json::array();
  for (const auto& e : doc.events) {
    events.push_back({{"id", e.id},
                      {"start", e.start},
                      {"end", e.end},
                      {"trigger", {{"start", e.trigger.start}, {"end", e.trigger.end}}},
                      {"type", e.type},
                      {"subtype", OrNull(e.subtype)},
                      {"cameo", OrNull(e.cameo)},
                      {"actor", OrNull(e.actor)},
                      {"target", OrNull(e.target)},
                      {"location", OrNull(e.location)},
                      {"time", OrNull(e.time)},
                      {"time_source", e.time_source},
                      {"quantities", e.quantities},
                      {"modality", e.modality},
                      {"attribution", OrNull(e.attribution)}});
  }
  j["events"] = std::move(events);
  json claims = json::array();
  for (const auto& c : doc.claims) {
    claims.push_back({{"id", c.id},
                      {"start", c.start},
                      {"end", c.end},
                      {"subject", c.subject},
                      {"measure", c.measure},
                      {"value", ValueJson(c.value)},
                      {"event", OrNull(c.event)},
                      {"time", OrNull(c.time)},
                      {"attribution", OrNull(c.attribution)},
                      {"modality", c.modality}});
  }
  j["claims"] = std::move(claims);
  json problems = json::array();
  for (const auto& p : doc.problems)
    problems.push_back({{"stage", p.stage}, {"message", p.message}});
  j["problems"] = std::move(problems);
  if (!doc.duplicate_of.empty()) j["duplicate_of"] = doc.duplicate_of;
  if (!doc.cited_sources.empty()) {
    json cs = json::array();
    for (const auto& c : doc.cited_sources) {
      cs.push_back({{"name", c.name}, {"start", c.paragraph_start}, {"end", c.paragraph_end}});
    }
    j["cited_sources"] = std::move(cs);
  }
  if (options.include_internal) {
    j["origin"] = doc.origin;
    j["format"] = doc.format;
    j["source_provenance"] = doc.source_provenance;
    j["raw"] = doc.raw;
    j["offsets"] = {{"clean", doc.offsets.clean}, {"raw", doc.offsets.raw}};
    json removed = json::array();
    for (const auto& r : doc.removed) {
      removed.push_back({{"raw_start", r.raw_start},
                         {"raw_end", r.raw_end},
                         {"text", r.text},
                         {"reason", r.reason}});
    }
    j["removed"] = std::move(removed);
    json sightings = json::array();
    for (const auto& s : doc.sightings) {
      sightings.push_back(
          {{"source", s.source}, {"url", s.url}, {"published", s.published}, {"origin", s.origin}});
    }
    j["sightings"] = std::move(sightings);
  }
  // Invalid UTF-8 must never abort a batch: replace it in the output.
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

StatusOr<Document> DocumentFromJson(std::string_view text) {
  rjson j = rjson::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::Corruption("document JSON does not parse");
  }
  Document d;
  d.id = Str(j, "id");
  d.source = Str(j, "source");
  d.url = Str(j, "url");
  d.title = Str(j, "title");
  d.language = Str(j, "language");
  if (auto it = j.find("published"); it != j.end() && it->is_object()) {
    d.published.date = Str(*it, "date");
    d.published.provenance = Str(*it, "provenance");
    d.published.earliest = Str(*it, "earliest");
  }
  d.pipeline = Str(j, "pipeline");
  d.text = Str(j, "text");
  for (const auto& s : Arr(j, "sentences")) d.sentences.push_back({U32(s, "start"), U32(s, "end")});
  for (const auto& t : Arr(j, "tokens")) {
    d.tokens.push_back({U32(t, "start"), U32(t, "end"), U32(t, "sentence"), Str(t, "pos")});
  }
  for (const auto& t : Arr(j, "timexes")) {
    Timex x;
    x.id = Str(t, "id");
    x.start = U32(t, "start");
    x.end = U32(t, "end");
    x.text = Str(t, "text");
    x.type = Str(t, "type");
    x.value = Str(t, "value");
    x.mod = Str(t, "mod");
    if (auto r = t.find("range"); r != t.end() && r->is_object()) {
      x.range_begin = Str(*r, "begin");
      x.range_end = Str(*r, "end");
    }
    x.anchor = Str(t, "anchor");
    x.flagged = Bool(t, "flagged");
    d.timexes.push_back(std::move(x));
  }
  for (const auto& e : Arr(j, "entities")) {
    d.entities.push_back({Str(e, "id"), U32(e, "start"), U32(e, "end"), Str(e, "text"),
                          Str(e, "type"), Str(e, "actor"), Str(e, "country")});
  }
  for (const auto& q : Arr(j, "quantities")) {
    Quantity x;
    x.id = Str(q, "id");
    x.start = U32(q, "start");
    x.end = U32(q, "end");
    x.text = Str(q, "text");
    x.min = OptNum(q, "min");
    x.max = OptNum(q, "max");
    x.approx = Bool(q, "approx");
    x.bound = Str(q, "bound");
    x.magnitude = Str(q, "magnitude");
    x.unit = Str(q, "unit");
    x.counted = Str(q, "counted");
    x.increment = Bool(q, "increment");
    d.quantities.push_back(std::move(x));
  }
  for (const auto& a : Arr(j, "attributions")) {
    d.attributions.push_back({Str(a, "id"), U32(a, "start"), U32(a, "end"), Str(a, "cue"),
                              Str(a, "source_text"), Str(a, "source_actor"), Str(a, "via")});
  }
  for (const auto& e : Arr(j, "events")) {
    EventMention x;
    x.id = Str(e, "id");
    x.start = U32(e, "start");
    x.end = U32(e, "end");
    if (auto t = e.find("trigger"); t != e.end() && t->is_object()) {
      x.trigger = {U32(*t, "start"), U32(*t, "end")};
    }
    x.type = Str(e, "type");
    x.subtype = Str(e, "subtype");
    x.cameo = Str(e, "cameo");
    x.actor = Str(e, "actor");
    x.target = Str(e, "target");
    x.location = Str(e, "location");
    x.time = Str(e, "time");
    x.time_source = Str(e, "time_source");
    for (const auto& q : Arr(e, "quantities")) {
      if (q.is_string()) x.quantities.push_back(q.get<std::string>());
    }
    x.modality = Str(e, "modality");
    x.attribution = Str(e, "attribution");
    d.events.push_back(std::move(x));
  }
  for (const auto& c : Arr(j, "claims")) {
    Claim x;
    x.id = Str(c, "id");
    x.start = U32(c, "start");
    x.end = U32(c, "end");
    x.subject = Str(c, "subject");
    x.measure = Str(c, "measure");
    if (auto v = c.find("value"); v != c.end() && v->is_object()) {
      x.value.min = OptNum(*v, "min");
      x.value.max = OptNum(*v, "max");
      x.value.approx = Bool(*v, "approx");
    }
    x.event = Str(c, "event");
    x.time = Str(c, "time");
    x.attribution = Str(c, "attribution");
    x.modality = Str(c, "modality");
    d.claims.push_back(std::move(x));
  }
  for (const auto& p : Arr(j, "problems"))
    d.problems.push_back({Str(p, "stage"), Str(p, "message")});
  d.duplicate_of = Str(j, "duplicate_of");
  for (const auto& c : Arr(j, "cited_sources")) {
    d.cited_sources.push_back({Str(c, "name"), U32(c, "start"), U32(c, "end")});
  }
  d.origin = Str(j, "origin");
  d.format = Str(j, "format");
  d.source_provenance = Str(j, "source_provenance");
  d.raw = Str(j, "raw");
  if (auto o = j.find("offsets"); o != j.end() && o->is_object()) {
    for (const auto& v : Arr(*o, "clean")) d.offsets.clean.push_back(v.get<uint32_t>());
    for (const auto& v : Arr(*o, "raw")) d.offsets.raw.push_back(v.get<uint64_t>());
    if (d.offsets.clean.size() != d.offsets.raw.size()) {
      return Status::Corruption("document JSON: offset map arrays differ in length");
    }
  }
  for (const auto& r : Arr(j, "removed")) {
    Removal x;
    x.raw_start = r.value("raw_start", uint64_t{0});
    x.raw_end = r.value("raw_end", uint64_t{0});
    x.text = Str(r, "text");
    x.reason = Str(r, "reason");
    d.removed.push_back(std::move(x));
  }
  for (const auto& s : Arr(j, "sightings")) {
    d.sightings.push_back({Str(s, "source"), Str(s, "url"), Str(s, "published"), Str(s, "origin")});
  }
  return d;
}

}  // namespace sitrep
