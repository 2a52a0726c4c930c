// The situation brief as data: what Consolidate produces and every renderer
// (Markdown, HTML, JSON, CSV) reads. Field names follow docs/brief-json.md.
#ifndef SITREP_REPORT_BRIEF_H_
#define SITREP_REPORT_BRIEF_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sitrep::report {

// A pointer from a line of the brief to the sentence it rests on.
struct Citation {
  std::string id;  // "c4"
  std::string doc, source, title, published;
  uint32_t start = 0, end = 0;  // byte span of the sentence in the document's text
  std::string quote;
};

struct TimelineEntry {
  std::string id;         // "ev3"
  std::string date;       // TimeML at its precision: "2026-09-03", "2025-12", "2025"
  std::string date_end;   // last day of a range; empty = none
  std::string precision;  // day | week | month | season | quarter | year | decade | approximate
  std::string date_text;  // "2026-09-03", "late 2025", "October 10–12, 2026"
  bool date_reported = false;          // no date in the text: the report's publication date
  int32_t begin_day = 0, end_day = 0;  // for sorting and drawing
  std::string type, subtype;
  std::string summary;  // one readable sentence
  std::string status;   // happened | planned | denied
  std::vector<std::string> sources;
  std::vector<std::string> citations;  // citation ids, best first
  std::vector<std::string> actors;     // canonical actor ids
  double confidence = 0;
  int mentions = 0;
  double importance = 0;  // ranking score for key developments and --max-dates
};

struct ClaimValueEntry {
  std::string source;
  std::optional<double> min, max;
  bool approx = false;
  std::string bound;        // at-least | at-most | ... ; empty = null
  bool increment = false;   // "another 3,000"
  std::string attribution;  // "Defence Intelligence Directorate, citing ..."; empty = none
  bool anonymous = false;
  std::string modality;
  std::string published;
  std::string citation;
  bool superseded = false;  // a later figure from the same source and attribution updates it
};

struct ClaimGroup {
  std::string id;  // "g1"
  std::string subject, subject_name, measure;
  std::string status;  // consistent | divergent | contradictory | single-source
  std::optional<double> range_min, range_max;
  std::vector<ClaimValueEntry> values;  // by source, then date
  int values_total = 0;                 // before max_values_per_group left some out
  int source_count = 0;
};

struct ActorEntry {
  std::string id, name, type;
  int mentions = 0;
  int sources = 0;
  std::vector<std::string> events;  // timeline ids where the actor acts, most important first
};

struct FramingUse {
  std::string marker, stance;
  int documents = 0;
};

struct OutletEntry {
  std::string source;
  int documents = 0;
  std::string first, last;                       // publication dates
  std::string affiliation, affiliation_country;  // empty = unknown
  std::vector<FramingUse> framing;
  std::vector<std::string> cites;
};

struct Caveat {
  std::string kind;  // single-source | anonymous | denied | planned | undated | date-conflict
  std::string text;
  std::vector<std::string> citations;
};

struct Brief {
  int schema_version = 1;
  std::string as_of;  // the as-of date given, or the latest publication date used
  bool as_of_given = false;
  std::string generated_by;
  std::string topic;
  int documents = 0;           // documents used (near-duplicates included)
  int documents_excluded = 0;  // left out by --as-of
  std::vector<std::string> sources;
  std::string period_begin, period_end;
  std::vector<std::string> key_developments;  // timeline ids
  std::vector<TimelineEntry> timeline;        // date order
  std::vector<ClaimGroup> claim_groups;
  int claim_groups_total = 0;  // before --max-claim-groups left some out
  std::vector<ActorEntry> actors;
  std::vector<OutletEntry> outlets;
  std::vector<Caveat> caveats;
  std::map<std::string, Citation> citations;  // by id
  std::vector<std::string> citation_order;    // ids in the order they were first used

  const TimelineEntry* FindEvent(const std::string& id) const {
    for (const auto& e : timeline) {
      if (e.id == id) return &e;
    }
    return nullptr;
  }
};

}  // namespace sitrep::report

#endif  // SITREP_REPORT_BRIEF_H_
