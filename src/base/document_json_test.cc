// DocumentToJson writes its text directly (base/json_writer.h): it must be
// the text the nlohmann tree it replaced wrote, byte for byte, since stores
// and golden files hold it.
#include "sitrep/document_json.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "sitrep/version.h"

namespace sitrep {
namespace {

using json = nlohmann::json;

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
json OrNull(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

json ValueJson(const ClaimValue& v) {
  return {{"min", OrNull(v.min)}, {"max", OrNull(v.max)}, {"approx", v.approx}};
}

// The writer before: a JSON tree, dumped.
std::string ReferenceToJson(const Document& doc, const JsonWriteOptions& options) {
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

Document Rich(const std::string& odd) {
  Document d;
  d.id = "d-0123456789abcdef";
  d.source = "Kyiv \xD0\x9F\xD1\x80\xD0\xB0\xD0\xB2\xD0\xB4\xD0\xB0" + odd;
  d.source_provenance = "metadata";
  d.url = "https://example.org/a?b=\"c\"&d=\\e";
  d.title = "Tab\there, newline\n, cr\r, bell\x07, del\x7f, \x01\x1f" + odd;
  d.language = "en";
  d.published = {"2024-03-01", "metadata", ""};
  d.origin = "corpus.jsonl:17";
  d.format = "jsonl";
  d.raw = "<p>raw \xE2\x80\x94 text</p>" + odd;
  d.text = "Clean text \xF0\x9F\x98\x80 with emoji." + odd;
  d.offsets.clean = {0, 5, 4000000000u};
  d.offsets.raw = {3, 9, 123456789012345ull};
  d.duplicate_of = "d-fedcba9876543210";
  d.sightings = {{"AP", "https://ap.org/x", "2024-03-02", "f.jsonl:3"}, {"", "", "", ""}};
  d.removed = {{1, 2, "Read more" + odd, "boilerplate: read-more"}};
  d.cited_sources = {{"Reuters", 10, 50}};
  d.pipeline = "";
  d.sentences = {{0, 10}, {11, 40}};
  d.tokens = {{0, 5, 0, "NN"}, {6, 10, 0, ""}};
  Timex t;
  t.id = "t1";
  t.start = 1;
  t.end = 2;
  t.text = "Tuesday" + odd;
  t.type = "DATE";
  t.value = "2024-02-27";
  d.timexes.push_back(t);
  t.id = "t2";
  t.mod = "APPROX";
  t.range_begin = "2024-01";
  t.flagged = true;
  t.anchor = "t1";
  d.timexes.push_back(t);
  t.range_begin = "";
  t.range_end = "2024-05";
  d.timexes.push_back(t);
  d.entities = {{"e1", 0, 4, "Kyiv", "GPE", "kyiv@UA", "UA"},
                {"e2", 5, 9, "them" + odd, "ORG", "", ""}};
  Quantity q;
  q.id = "q1";
  q.text = "3,000";
  q.min = 3000;
  q.max = 3000.5;
  d.quantities.push_back(q);
  q.id = "q2";
  q.min = 0.1;
  q.max = 1e21;
  q.approx = true;
  q.bound = "at-least";
  q.magnitude = "thousands";
  q.unit = "%";
  q.counted = "troops";
  q.increment = true;
  d.quantities.push_back(q);
  q.min = std::nullopt;
  q.max = -2.5e-7;
  d.quantities.push_back(q);
  q.min = std::numeric_limits<double>::quiet_NaN();
  q.max = std::numeric_limits<double>::infinity();
  d.quantities.push_back(q);
  d.attributions = {{"a1", 3, 8, "said", "officials" + odd, "", "a2"},
                    {"a2", 3, 8, "according to", "AP", "ap@US", ""}};
  EventMention e;
  e.id = "v1";
  e.trigger = {3, 5};
  e.type = "MOBILIZE";
  d.events.push_back(e);
  e.subtype = "deploy";
  e.cameo = "15";
  e.actor = "e1";
  e.target = "e2";
  e.location = "e1";
  e.time = "t1";
  e.time_source = "timex";
  e.quantities = {"q1", "q2" + odd};
  e.modality = "reported";
  e.attribution = "a1";
  d.events.push_back(e);
  Claim c;
  c.id = "c1";
  c.subject = "russia@RU";
  c.measure = "troops deployed";
  d.claims.push_back(c);
  c.value = {1000, 2000, true};
  c.event = "v1";
  c.time = "t1";
  c.attribution = "a1";
  c.modality = "hedged";
  d.claims.push_back(c);
  d.problems = {{"clean", "odd bytes" + odd}};
  return d;
}

TEST(DocumentJsonTest, WritesWhatTheJsonTreeWrote) {
  const std::string odds[] = {"",
                              "\"q\"\\",
                              "\xFF",
                              "a\xC3",
                              "\xE0\x80\x80",
                              "\xED\xA0\x80",
                              "\xF4\x90\x80\x80",
                              "\xC0\xAF",
                              "x\xF0\x9F\x98",
                              "\xE2\x82\xAC"};
  for (const std::string& odd : odds) {
    Document d = Rich(odd);
    for (int mask = 0; mask < 8; ++mask) {
      JsonWriteOptions o;
      o.include_text = (mask & 1) != 0;
      o.include_tokens = (mask & 2) != 0;
      o.include_internal = (mask & 4) != 0;
      EXPECT_EQ(DocumentToJson(d, o), ReferenceToJson(d, o)) << "mask " << mask;
    }
    d.pipeline = "sitrep 0.0.9";
    d.cited_sources.clear();
    d.duplicate_of.clear();
    d.published = {};
    EXPECT_EQ(DocumentToJson(d), ReferenceToJson(d, {}));
  }
  EXPECT_EQ(DocumentToJson(Document{}), ReferenceToJson(Document{}, {}));
}

TEST(DocumentJsonTest, RoundTrips) {
  Document d = Rich("");
  StatusOr<Document> back = DocumentFromJson(DocumentToJson(d));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(DocumentToJson(*back), DocumentToJson(d));
}

}  // namespace
}  // namespace sitrep
