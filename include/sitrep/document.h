// The document model: one ingested article, its clean text, and every
// annotation layer, each annotation a byte span [start, end) into `text`.
//
// Field names follow the JSON contract in docs/annotate-json.md (SCHEMA.md of
// the design). An empty string stands for JSON null in optional text fields.
#ifndef SITREP_DOCUMENT_H_
#define SITREP_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

// A half-open byte range into Document::text.
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - start; }
  bool operator==(const Span&) const = default;
};

struct Sentence {
  uint32_t start = 0;
  uint32_t end = 0;
};

// One token. `pos` is a Penn Treebank tag, empty until a tagger has run.
struct Token {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t sentence = 0;  // index into Document::sentences
  std::string pos;
};

struct Timex {
  std::string id;  // "t1"
  uint32_t start = 0, end = 0;
  std::string text;
  std::string type;                    // DATE | TIME | DURATION | SET
  std::string value;                   // TIMEX3 value: 2024-10-03, 2024-Q4, P3D, PAST_REF ...
  std::string mod;                     // START | MID | END | APPROX | BEFORE | ... ; empty = null
  std::string range_begin, range_end;  // both empty = no range
  std::string anchor = "dct";          // "dct", a timex id, or "none"
  bool flagged = false;                // e.g. weekday contradicts date
};

struct EntityMention {
  std::string id;  // "e1"
  uint32_t start = 0, end = 0;
  std::string text;
  std::string type;     // PERSON | ORG | GPE | LOC | NORP | MISC | MILITARY
  std::string actor;    // canonical actor id "vladimir-putin@RU"; empty = null
  std::string country;  // ISO 3166-1 alpha-2 where known
};

struct Quantity {
  std::string id;  // "q1"
  uint32_t start = 0, end = 0;
  std::string text;
  std::optional<double> min, max;
  bool approx = false;
  std::string bound;       // at-least | at-most | more-than | less-than; empty = null
  std::string magnitude;   // "thousands", "millions" ...; empty = null
  std::string unit;        // "troops", "%", "USD" ...
  std::string counted;     // the counted noun with its modifiers
  bool increment = false;  // "another 3,000": adds to an earlier figure
};

struct Attribution {
  std::string id;  // "a1"
  uint32_t start = 0, end = 0;
  std::string cue;           // "according to", "said"
  std::string source_text;   // "South Korean intelligence"
  std::string source_actor;  // canonical actor id; empty = null
  std::string via;           // id of the next link of a chain; empty = null
};

struct EventMention {
  std::string id;               // "v1"
  uint32_t start = 0, end = 0;  // the sentence (or clause) it is in
  Span trigger;
  std::string type;                      // PLOVER: AGREE, CONSULT, MOBILIZE, ASSAULT, ...
  std::string subtype;                   // "deploy", "sign", ...; empty = null
  std::string cameo;                     // CAMEO root code "15"; empty = null
  std::string actor, target, location;   // entity mention ids; empty = null
  std::string time;                      // timex id; empty = null
  std::string time_source = "reported";  // "timex" | "reported" (document date)
  std::vector<std::string> quantities;   // quantity ids
  std::string modality = "asserted";
  std::string attribution;  // attribution id; empty = null
};

struct ClaimValue {
  std::optional<double> min, max;
  bool approx = false;
};

struct Claim {
  std::string id;  // "c1"
  uint32_t start = 0, end = 0;
  std::string subject;  // canonical actor id or normalized text
  std::string measure;  // normalized: "troops deployed"
  ClaimValue value;
  std::string event;        // event mention id; empty = null
  std::string time;         // timex id; empty = null
  std::string attribution;  // attribution id; empty = null
  std::string modality = "asserted";
};

// Something that went wrong or looked wrong while reading this document; the
// document is still stored.
struct Problem {
  std::string stage;  // read | clean | extract | timex | ...
  std::string message;
};

// A piece of the raw input that cleaning removed, recorded so nothing is cut
// silently (`sitrep show DOC --removed`).
struct Removal {
  uint64_t raw_start = 0, raw_end = 0;  // byte range in Document::raw
  std::string text;
  std::string reason;  // "boilerplate: read-more", "inline source chip" ...
};

// A source name left at a paragraph end by a scraping tool ("Wikipedia",
// "The Korea Times+1"), kept as metadata of the paragraph it closed.
struct CitedSource {
  std::string name;
  uint32_t paragraph_start = 0, paragraph_end = 0;  // span in text
};

// One time the same text was seen (exact duplicate after cleaning).
struct Sighting {
  std::string source, url, published, origin;  // origin: file[:line]
};

struct PublishedDate {
  std::string date;                    // ISO 8601 day (or coarser); empty = unknown
  std::string provenance = "unknown";  // metadata | dateline | inferred | unknown
  std::string earliest;                // earliest possible date, inferred from text; empty = null
};

// Maps positions in the clean text back to the raw bytes. Stored as sorted
// anchor pairs: clean offset `clean[i]` corresponds to raw offset `raw[i]`,
// and positions between anchors advance one-to-one.
struct OffsetMap {
  std::vector<uint32_t> clean;
  std::vector<uint64_t> raw;
  // Raw byte offset for a clean-text offset.
  uint64_t ToRaw(uint32_t clean_offset) const;
};

struct Document {
  std::string id;                 // "d-" + hex of the normalized raw-text hash
  std::string source;             // outlet; empty = unknown
  std::string source_provenance;  // metadata | credit-line | url | unknown
  std::string url, title, language;
  PublishedDate published;
  std::string origin;  // where it was read: path[:line], or "-" for stdin
  std::string format;  // text | html | jsonl | json

  std::string raw;   // the input bytes of the article body (or whole page)
  std::string text;  // clean text; all spans point here
  OffsetMap offsets;

  std::string duplicate_of;  // near-duplicate: id of the first copy; empty = none
  std::vector<Sighting> sightings;
  std::vector<Removal> removed;
  std::vector<CitedSource> cited_sources;

  std::string pipeline;  // "sitrep 0.1.0": what produced the annotations
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Timex> timexes;
  std::vector<EntityMention> entities;
  std::vector<Quantity> quantities;
  std::vector<Attribution> attributions;
  std::vector<EventMention> events;
  std::vector<Claim> claims;
  std::vector<Problem> problems;

  std::string_view SpanText(uint32_t start, uint32_t end) const {
    return std::string_view(text).substr(start, end - start);
  }
  void AddProblem(std::string stage, std::string message) {
    problems.push_back({std::move(stage), std::move(message)});
  }
};

}  // namespace sitrep

#endif  // SITREP_DOCUMENT_H_
