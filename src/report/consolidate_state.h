// Internal: what Consolidator::Add keeps of each document, shared by the
// files that build the parts of the brief (events.cc, claims.cc,
// profiles.cc). Not part of the report's API.
#ifndef SITREP_REPORT_CONSOLIDATE_STATE_H_
#define SITREP_REPORT_CONSOLIDATE_STATE_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "report/brief.h"
#include "report/consolidate.h"
#include "report/doc_dates.h"
#include "report/lexicons.h"
#include "report/time_value.h"

namespace sitrep::report {

struct DocInfo {
  std::string id, source, title, url, duplicate_of;
  std::string published;  // effective date as text; empty = unknown
  DocDate date;
  bool uncertain = false;          // included although its date is unknown
  std::vector<int> framing;        // framing marker indices found
  std::vector<std::string> cites;  // attribution sources and inline chips
  std::string source_key;          // evidence key after duplicate folding (set in Finish)
  std::string source_name;         // display name of the source
  int source_index = -1;           // source_key as a small integer (set in Finish)
};

// A sentence of a document, kept for summaries and citations.
struct SentenceRef {
  int doc = -1;
  uint32_t start = 0, end = 0;
  std::string text;
};

struct EventRec {
  int doc = -1;
  std::string type, subtype, modality;
  TimeValue time;
  bool time_reported = false;  // no timex: the document's date
  // Participants as State::Intern keys of canonical actor ids (or "~" plus
  // the lowercased text); -1 = none.
  std::vector<int> agents, targets;
  std::vector<int> countries;  // "@RU" keys of the participants of known country
  int location = -1;
  SentenceRef sentence;
  uint32_t trigger_start = 0, trigger_end = 0;  // relative to the sentence
  bool anonymous = false;
};

struct ClaimRec {
  int doc = -1;
  std::string id, subject, subject_name, measure, modality, attribution, time;
  std::optional<double> min, max;
  bool approx = false, increment = false, anonymous = false;
  std::string bound;
  SentenceRef sentence;
  uint32_t claim_start = 0, claim_end = 0;
};

struct ActorAcc {
  std::map<std::string, int> names;
  std::map<std::string, int> types;
  int mentions = 0;
  std::vector<int> docs;  // ascending, no repeats (documents are digested in turn)
};

struct Consolidator::State {
  const ReportLexicons* lex = nullptr;
  ConsolidateOptions options;
  std::optional<Day> as_of;
  int excluded = 0;
  std::vector<DocInfo> docs;
  std::vector<EventRec> events;
  std::vector<ClaimRec> claims;
  std::unordered_map<std::string, ActorAcc> actors;
  std::unordered_map<std::string, int> doc_index;  // id → docs index
  // Participant keys as integers, so that clustering compares ints.
  std::unordered_map<std::string, int> key_ids;
  std::vector<std::string> keys;
  int Intern(const std::string& key) {
    auto [it, added] = key_ids.emplace(key, static_cast<int>(keys.size()));
    if (added) keys.push_back(key);
    return it->second;
  }
  int source_count = 0;  // distinct source keys (set in Finish)

  // Filled by Finish.
  Day reference = 0;  // the as-of day, or the latest publication day
  Brief brief;
  std::map<std::tuple<int, uint32_t, uint32_t>, std::string> citation_ids;

  // Returns the id of the citation of a sentence, creating it.
  std::string Cite(const SentenceRef& s);
  const DocInfo& Doc(int i) const { return docs[i]; }
};

// Parts of Finish, in order.
void FoldDuplicates(Consolidator::State* st);
void BuildTimeline(Consolidator::State* st);
void BuildClaimGroups(Consolidator::State* st);
void BuildActors(Consolidator::State* st);
void BuildOutlets(Consolidator::State* st);
void BuildCaveats(Consolidator::State* st);

// Text helpers shared by the parts.
std::string FormatNumber(double v);
std::string FormatValue(const std::optional<double>& min, const std::optional<double>& max,
                        bool approx, const std::string& bound, bool increment);
// The group's range of figures, with an end that came from "thousands" or
// "millions" shown as that word ("thousands–millions"), or "none".
std::string FormatGroupRange(const ClaimGroup& g);

}  // namespace sitrep::report

#endif  // SITREP_REPORT_CONSOLIDATE_STATE_H_
