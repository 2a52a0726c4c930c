#include "sitrep/document_json.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>

#include "base/json_writer.h"
#include "base/removals_json.h"
#include "sitrep/version.h"

namespace sitrep {
namespace {

using json = nlohmann::json;

}  // namespace

void WriteRemovals(const std::vector<Removal>& removed, JsonWriter* w) {
  w->BeginArray();
  for (const auto& r : removed) {
    w->BeginObject();
    w->Field("raw_end", r.raw_end);
    w->Field("raw_start", r.raw_start);
    w->Field("reason", r.reason);
    w->Field("text", r.text);
    w->EndObject();
  }
  w->EndArray();
}

std::string DocumentToJson(const Document& doc, const JsonWriteOptions& options) {
  // Keys in sorted order (base/json_writer.h): the text is the one the
  // nlohmann tree this replaced wrote, byte for byte.
  std::string out;
  out.reserve(1024 + 96 * (doc.entities.size() + doc.timexes.size() + doc.sentences.size()) +
              192 * (doc.events.size() + doc.claims.size() + doc.quantities.size()) +
              (options.include_text ? doc.text.size() + doc.text.size() / 16 : 0) +
              (options.include_internal ? doc.raw.size() + doc.raw.size() / 16 : 0));
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("attributions");
  w.BeginArray();
  for (const auto& a : doc.attributions) {
    w.BeginObject();
    w.Field("cue", a.cue);
    w.Field("end", a.end);
    w.Field("id", a.id);
    w.Key("source_actor");
    w.StringOrNull(a.source_actor);
    w.Field("source_text", a.source_text);
    w.Field("start", a.start);
    w.Key("via");
    w.StringOrNull(a.via);
    w.EndObject();
  }
  w.EndArray();
  if (!doc.cited_sources.empty()) {
    w.Key("cited_sources");
    w.BeginArray();
    for (const auto& c : doc.cited_sources) {
      w.BeginObject();
      w.Field("end", c.paragraph_end);
      w.Field("name", c.name);
      w.Field("start", c.paragraph_start);
      w.EndObject();
    }
    w.EndArray();
  }
  w.Key("claims");
  w.BeginArray();
  for (const auto& c : doc.claims) {
    w.BeginObject();
    w.Key("attribution");
    w.StringOrNull(c.attribution);
    w.Field("end", c.end);
    w.Key("event");
    w.StringOrNull(c.event);
    w.Field("id", c.id);
    w.Field("measure", c.measure);
    w.Field("modality", c.modality);
    w.Field("start", c.start);
    w.Field("subject", c.subject);
    w.Key("time");
    w.StringOrNull(c.time);
    w.Key("value");
    w.BeginObject();
    w.Field("approx", c.value.approx);
    w.Key("max");
    w.NumberOrNull(c.value.max);
    w.Key("min");
    w.NumberOrNull(c.value.min);
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  if (!doc.duplicate_of.empty()) w.Field("duplicate_of", doc.duplicate_of);
  w.Key("entities");
  w.BeginArray();
  for (const auto& e : doc.entities) {
    w.BeginObject();
    w.Key("actor");
    w.StringOrNull(e.actor);
    if (!e.country.empty()) w.Field("country", e.country);
    w.Field("end", e.end);
    w.Field("id", e.id);
    w.Field("start", e.start);
    w.Field("text", e.text);
    w.Field("type", e.type);
    w.EndObject();
  }
  w.EndArray();
  w.Key("events");
  w.BeginArray();
  for (const auto& e : doc.events) {
    w.BeginObject();
    w.Key("actor");
    w.StringOrNull(e.actor);
    w.Key("attribution");
    w.StringOrNull(e.attribution);
    w.Key("cameo");
    w.StringOrNull(e.cameo);
    w.Field("end", e.end);
    w.Field("id", e.id);
    w.Key("location");
    w.StringOrNull(e.location);
    w.Field("modality", e.modality);
    w.Key("quantities");
    w.BeginArray();
    for (const auto& q : e.quantities) w.Value(q);
    w.EndArray();
    w.Field("start", e.start);
    w.Key("subtype");
    w.StringOrNull(e.subtype);
    w.Key("target");
    w.StringOrNull(e.target);
    w.Key("time");
    w.StringOrNull(e.time);
    w.Field("time_source", e.time_source);
    w.Key("trigger");
    w.BeginObject();
    w.Field("end", e.trigger.end);
    w.Field("start", e.trigger.start);
    w.EndObject();
    w.Field("type", e.type);
    w.EndObject();
  }
  w.EndArray();
  if (options.include_internal) {
    w.Field("format", doc.format);
  }
  w.Field("id", doc.id);
  w.Key("language");
  w.StringOrNull(doc.language);
  if (options.include_internal) {
    w.Key("offsets");
    w.BeginObject();
    w.Key("clean");
    w.BeginArray();
    for (uint32_t v : doc.offsets.clean) w.Value(v);
    w.EndArray();
    w.Key("raw");
    w.BeginArray();
    for (uint64_t v : doc.offsets.raw) w.Value(v);
    w.EndArray();
    w.EndObject();
    w.Field("origin", doc.origin);
  }
  w.Field("pipeline",
          doc.pipeline.empty() ? std::string_view(kPipelineName) : std::string_view(doc.pipeline));
  w.Key("problems");
  w.BeginArray();
  for (const auto& p : doc.problems) {
    w.BeginObject();
    w.Field("message", p.message);
    w.Field("stage", p.stage);
    w.EndObject();
  }
  w.EndArray();
  w.Key("published");
  w.BeginObject();
  w.Key("date");
  w.StringOrNull(doc.published.date);
  w.Key("earliest");
  w.StringOrNull(doc.published.earliest);
  w.Field("provenance", doc.published.provenance);
  w.EndObject();
  w.Key("quantities");
  w.BeginArray();
  for (const auto& q : doc.quantities) {
    w.BeginObject();
    w.Field("approx", q.approx);
    w.Key("bound");
    w.StringOrNull(q.bound);
    w.Key("counted");
    w.StringOrNull(q.counted);
    w.Field("end", q.end);
    w.Field("id", q.id);
    if (q.increment) w.Field("increment", true);
    w.Key("magnitude");
    w.StringOrNull(q.magnitude);
    w.Key("max");
    w.NumberOrNull(q.max);
    w.Key("min");
    w.NumberOrNull(q.min);
    w.Field("start", q.start);
    w.Field("text", q.text);
    w.Key("unit");
    w.StringOrNull(q.unit);
    w.EndObject();
  }
  w.EndArray();
  if (options.include_internal) {
    w.Field("raw", doc.raw);
    w.Key("removed");
    WriteRemovals(doc.removed, &w);
  }
  w.Field("schema_version", kSchemaVersion);
  w.Key("sentences");
  w.BeginArray();
  for (const auto& s : doc.sentences) {
    w.BeginObject();
    w.Field("end", s.end);
    w.Field("start", s.start);
    w.EndObject();
  }
  w.EndArray();
  if (options.include_internal) {
    w.Key("sightings");
    w.BeginArray();
    for (const auto& s : doc.sightings) {
      w.BeginObject();
      w.Field("origin", s.origin);
      w.Field("published", s.published);
      w.Field("source", s.source);
      w.Field("url", s.url);
      w.EndObject();
    }
    w.EndArray();
  }
  w.Key("source");
  w.StringOrNull(doc.source);
  if (options.include_internal) w.Field("source_provenance", doc.source_provenance);
  if (options.include_text) w.Field("text", doc.text);
  w.Key("timexes");
  w.BeginArray();
  for (const auto& t : doc.timexes) {
    w.BeginObject();
    w.Field("anchor", t.anchor);
    w.Field("end", t.end);
    if (t.flagged) w.Field("flagged", true);
    w.Field("id", t.id);
    w.Key("mod");
    w.StringOrNull(t.mod);
    w.Key("range");
    if (!t.range_begin.empty() || !t.range_end.empty()) {
      w.BeginObject();
      w.Key("begin");
      w.StringOrNull(t.range_begin);
      w.Key("end");
      w.StringOrNull(t.range_end);
      w.EndObject();
    } else {
      w.Null();
    }
    w.Field("start", t.start);
    w.Field("text", t.text);
    w.Field("type", t.type);
    w.Field("value", t.value);
    w.EndObject();
  }
  w.EndArray();
  w.Key("title");
  w.StringOrNull(doc.title);
  if (options.include_tokens) {
    w.Key("tokens");
    w.BeginArray();
    for (const auto& t : doc.tokens) {
      w.BeginObject();
      w.Field("end", t.end);
      w.Key("pos");
      w.StringOrNull(t.pos);
      w.Field("sentence", t.sentence);
      w.Field("start", t.start);
      w.EndObject();
    }
    w.EndArray();
  }
  w.Key("url");
  w.StringOrNull(doc.url);
  w.EndObject();
  return out;
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
  bool number_float(number_float_t v, const string_t&) override { return Number(v, ToInt64(v)); }
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

  // Offsets are integers; a float there (1e21 from a hand-edited or fuzzed
  // file) saturates instead of overflowing, which is undefined in C++.
  static int64_t ToInt64(double v) {
    if (std::isnan(v)) return 0;
    if (v >= 9.2e18) return std::numeric_limits<int64_t>::max();
    if (v <= -9.2e18) return std::numeric_limits<int64_t>::min();
    return static_cast<int64_t>(v);
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
