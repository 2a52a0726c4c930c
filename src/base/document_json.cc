#include "sitrep/document_json.h"

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

namespace {

// Reads a document straight from the parser's events (SAX) into the
// Document, without building a JSON tree first: loading a store for `sitrep
// brief` spends most of its time here, and the tree (an object per
// annotation, a map per object) cost three times the parse itself. Missing
// or mistyped fields are left at their defaults, as before.
class DocumentSax : public nlohmann::json_sax<json> {
 public:
  explicit DocumentSax(Document* d) : d_(d) {}

  // A scalar outside any object: the document is not an object.
  bool null() override { return !stack_.empty(); }
  bool boolean(bool v) override {
    if (stack_.empty()) return false;
    if (Top() == kItem || Top() == kSub) SetBool(v);
    return true;
  }
  bool number_integer(number_integer_t v) override { return Number(static_cast<double>(v), v); }
  bool number_unsigned(number_unsigned_t v) override {
    return Number(static_cast<double>(v), static_cast<int64_t>(v));
  }
  bool number_float(number_float_t v, const string_t&) override {
    return Number(v, static_cast<int64_t>(v));
  }
  bool binary(binary_t&) override { return !stack_.empty(); }
  bool string(string_t& v) override {
    if (stack_.empty()) return false;
    Frame& f = stack_.back();
    if (f.kind == kList && f.list == kEventQuantities) {
      d_->events.back().quantities.push_back(std::move(v));
    } else if (f.kind == kTop || f.kind == kItem || f.kind == kSub || f.kind == kPublished) {
      if (std::string* s = StrField()) *s = std::move(v);
    }
    return true;
  }
  bool start_object(std::size_t) override {
    if (stack_.empty()) {
      stack_.push_back({kTop});
      return true;
    }
    Frame& f = stack_.back();
    if (f.kind == kSkip) {
      ++f.depth;
      return true;
    }
    if (f.kind == kList) {
      NewItem(f.list);
      stack_.push_back({kItem, f.list});
      return true;
    }
    if (f.kind == kTop && key_ == "published") {
      d_->published = PublishedDate{};
      d_->published.provenance.clear();
      stack_.push_back({kPublished});
      return true;
    }
    if (f.kind == kTop && key_ == "offsets") {
      stack_.push_back({kOffsets});
      return true;
    }
    if (f.kind == kItem &&
        ((f.list == kEvents && key_ == "trigger") || (f.list == kClaims && key_ == "value") ||
         (f.list == kTimexes && key_ == "range"))) {
      stack_.push_back({kSub, f.list});
      return true;
    }
    stack_.push_back({kSkip});
    return true;
  }
  bool key(string_t& k) override {
    key_ = std::move(k);
    return true;
  }
  bool end_object() override { return Pop(); }
  bool start_array(std::size_t) override {
    if (stack_.empty()) return false;  // a document is an object
    Frame& f = stack_.back();
    if (f.kind == kSkip) {
      ++f.depth;
      return true;
    }
    int list = -1;
    if (f.kind == kTop) list = TopList(key_);
    if (f.kind == kItem && f.list == kEvents && key_ == "quantities") list = kEventQuantities;
    if (f.kind == kOffsets && key_ == "clean") list = kOffsetsClean;
    if (f.kind == kOffsets && key_ == "raw") list = kOffsetsRaw;
    stack_.push_back(list < 0 ? Frame{kSkip} : Frame{kList, list});
    return true;
  }
  bool end_array() override { return Pop(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  enum Kind { kTop, kPublished, kOffsets, kList, kItem, kSub, kSkip };
  enum List {
    kSentences,
    kTokens,
    kTimexes,
    kEntities,
    kQuantities,
    kAttributions,
    kEvents,
    kClaims,
    kProblems,
    kCitedSources,
    kRemoved,
    kSightings,
    kEventQuantities,
    kOffsetsClean,
    kOffsetsRaw,
  };
  struct Frame {
    Kind kind;
    int list = -1;
    int depth = 0;  // kSkip: containers opened inside the skipped one
  };

  static int TopList(const std::string& k) {
    static const char* const kNames[] = {"sentences",  "tokens",        "timexes", "entities",
                                         "quantities", "attributions",  "events",  "claims",
                                         "problems",   "cited_sources", "removed", "sightings"};
    for (int i = 0; i < 12; ++i) {
      if (k == kNames[i]) return i;
    }
    return -1;
  }

  Kind Top() const { return stack_.back().kind; }

  bool Pop() {
    Frame& f = stack_.back();
    if (f.kind == kSkip && f.depth > 0) {
      --f.depth;
      return true;
    }
    stack_.pop_back();
    return true;
  }

  void NewItem(int list) {
    switch (list) {
      case kSentences:
        d_->sentences.emplace_back();
        break;
      case kTokens:
        d_->tokens.emplace_back();
        break;
      case kTimexes:
        d_->timexes.emplace_back();
        break;
      case kEntities:
        d_->entities.emplace_back();
        break;
      case kQuantities:
        d_->quantities.emplace_back();
        break;
      case kAttributions:
        d_->attributions.emplace_back();
        break;
      case kEvents:
        d_->events.emplace_back();
        break;
      case kClaims:
        d_->claims.emplace_back();
        break;
      case kProblems:
        d_->problems.emplace_back();
        break;
      case kCitedSources:
        d_->cited_sources.emplace_back();
        break;
      case kRemoved:
        d_->removed.emplace_back();
        break;
      case kSightings:
        d_->sightings.emplace_back();
        break;
      default:
        break;
    }
  }

  // The string field the current key names, or null.
  std::string* StrField() {
    const Frame& f = stack_.back();
    const std::string& k = key_;
    if (f.kind == kTop) {
      if (k == "id") return &d_->id;
      if (k == "source") return &d_->source;
      if (k == "url") return &d_->url;
      if (k == "title") return &d_->title;
      if (k == "language") return &d_->language;
      if (k == "pipeline") return &d_->pipeline;
      if (k == "text") return &d_->text;
      if (k == "duplicate_of") return &d_->duplicate_of;
      if (k == "origin") return &d_->origin;
      if (k == "format") return &d_->format;
      if (k == "source_provenance") return &d_->source_provenance;
      if (k == "raw") return &d_->raw;
      return nullptr;
    }
    if (f.kind == kPublished) {
      if (k == "date") return &d_->published.date;
      if (k == "provenance") return &d_->published.provenance;
      if (k == "earliest") return &d_->published.earliest;
      return nullptr;
    }
    if (f.kind == kSub) {
      if (f.list == kTimexes) {
        if (k == "begin") return &d_->timexes.back().range_begin;
        if (k == "end") return &d_->timexes.back().range_end;
      }
      return nullptr;
    }
    switch (f.list) {
      case kTokens:
        return k == "pos" ? &d_->tokens.back().pos : nullptr;
      case kTimexes: {
        Timex& x = d_->timexes.back();
        if (k == "id") return &x.id;
        if (k == "text") return &x.text;
        if (k == "type") return &x.type;
        if (k == "value") return &x.value;
        if (k == "mod") return &x.mod;
        if (k == "anchor") return &x.anchor;
        return nullptr;
      }
      case kEntities: {
        EntityMention& x = d_->entities.back();
        if (k == "id") return &x.id;
        if (k == "text") return &x.text;
        if (k == "type") return &x.type;
        if (k == "actor") return &x.actor;
        if (k == "country") return &x.country;
        return nullptr;
      }
      case kQuantities: {
        Quantity& x = d_->quantities.back();
        if (k == "id") return &x.id;
        if (k == "text") return &x.text;
        if (k == "bound") return &x.bound;
        if (k == "magnitude") return &x.magnitude;
        if (k == "unit") return &x.unit;
        if (k == "counted") return &x.counted;
        return nullptr;
      }
      case kAttributions: {
        Attribution& x = d_->attributions.back();
        if (k == "id") return &x.id;
        if (k == "cue") return &x.cue;
        if (k == "source_text") return &x.source_text;
        if (k == "source_actor") return &x.source_actor;
        if (k == "via") return &x.via;
        return nullptr;
      }
      case kEvents: {
        EventMention& x = d_->events.back();
        if (k == "id") return &x.id;
        if (k == "type") return &x.type;
        if (k == "subtype") return &x.subtype;
        if (k == "cameo") return &x.cameo;
        if (k == "actor") return &x.actor;
        if (k == "target") return &x.target;
        if (k == "location") return &x.location;
        if (k == "time") return &x.time;
        if (k == "time_source") return &x.time_source;
        if (k == "modality") return &x.modality;
        if (k == "attribution") return &x.attribution;
        return nullptr;
      }
      case kClaims: {
        Claim& x = d_->claims.back();
        if (k == "id") return &x.id;
        if (k == "subject") return &x.subject;
        if (k == "measure") return &x.measure;
        if (k == "event") return &x.event;
        if (k == "time") return &x.time;
        if (k == "attribution") return &x.attribution;
        if (k == "modality") return &x.modality;
        return nullptr;
      }
      case kProblems: {
        Problem& x = d_->problems.back();
        if (k == "stage") return &x.stage;
        if (k == "message") return &x.message;
        return nullptr;
      }
      case kCitedSources:
        return k == "name" ? &d_->cited_sources.back().name : nullptr;
      case kRemoved: {
        Removal& x = d_->removed.back();
        if (k == "text") return &x.text;
        if (k == "reason") return &x.reason;
        return nullptr;
      }
      case kSightings: {
        Sighting& x = d_->sightings.back();
        if (k == "source") return &x.source;
        if (k == "url") return &x.url;
        if (k == "published") return &x.published;
        if (k == "origin") return &x.origin;
        return nullptr;
      }
      default:
        return nullptr;
    }
  }

  void SetBool(bool v) {
    const Frame& f = stack_.back();
    const std::string& k = key_;
    if (f.kind == kSub) {
      if (f.list == kClaims && k == "approx") d_->claims.back().value.approx = v;
      return;
    }
    if (f.list == kTimexes && k == "flagged") d_->timexes.back().flagged = v;
    if (f.list == kQuantities && k == "approx") d_->quantities.back().approx = v;
    if (f.list == kQuantities && k == "increment") d_->quantities.back().increment = v;
  }

  bool Number(double v, int64_t i) {
    if (stack_.empty()) return false;
    const Frame& f = stack_.back();
    const uint32_t u = static_cast<uint32_t>(i);
    const std::string& k = key_;
    if (f.kind == kList) {
      if (f.list == kOffsetsClean) d_->offsets.clean.push_back(u);
      if (f.list == kOffsetsRaw) d_->offsets.raw.push_back(static_cast<uint64_t>(i));
      return true;
    }
    if (f.kind == kSub) {
      if (f.list == kEvents) {
        if (k == "start") d_->events.back().trigger.start = u;
        if (k == "end") d_->events.back().trigger.end = u;
      } else if (f.list == kClaims) {
        if (k == "min") d_->claims.back().value.min = v;
        if (k == "max") d_->claims.back().value.max = v;
      }
      return true;
    }
    if (f.kind != kItem) return true;
    auto span = [&](uint32_t* start, uint32_t* end) {
      if (k == "start") *start = u;
      if (k == "end") *end = u;
    };
    switch (f.list) {
      case kSentences:
        span(&d_->sentences.back().start, &d_->sentences.back().end);
        break;
      case kTokens:
        span(&d_->tokens.back().start, &d_->tokens.back().end);
        if (k == "sentence") d_->tokens.back().sentence = u;
        break;
      case kTimexes:
        span(&d_->timexes.back().start, &d_->timexes.back().end);
        break;
      case kEntities:
        span(&d_->entities.back().start, &d_->entities.back().end);
        break;
      case kQuantities:
        span(&d_->quantities.back().start, &d_->quantities.back().end);
        if (k == "min") d_->quantities.back().min = v;
        if (k == "max") d_->quantities.back().max = v;
        break;
      case kAttributions:
        span(&d_->attributions.back().start, &d_->attributions.back().end);
        break;
      case kEvents:
        span(&d_->events.back().start, &d_->events.back().end);
        break;
      case kClaims:
        span(&d_->claims.back().start, &d_->claims.back().end);
        break;
      case kCitedSources:
        span(&d_->cited_sources.back().paragraph_start, &d_->cited_sources.back().paragraph_end);
        break;
      case kRemoved:
        if (k == "raw_start") d_->removed.back().raw_start = static_cast<uint64_t>(i);
        if (k == "raw_end") d_->removed.back().raw_end = static_cast<uint64_t>(i);
        break;
      default:
        break;
    }
    return true;
  }

  Document* d_;
  std::vector<Frame> stack_;
  std::string key_;
};

}  // namespace

StatusOr<Document> DocumentFromJson(std::string_view text) {
  Document d;
  DocumentSax sax(&d);
  if (!json::sax_parse(text.begin(), text.end(), &sax)) {
    return Status::Corruption("document JSON does not parse");
  }
  if (d.offsets.clean.size() != d.offsets.raw.size()) {
    return Status::Corruption("document JSON: offset map arrays differ in length");
  }
  return d;
}

}  // namespace sitrep
