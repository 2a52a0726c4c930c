// Consolidation across documents: the core of the situation brief.
//
//   auto lex = ReportLexicons::LoadDefault();
//   Consolidator c(**lex, {.as_of = "2026-09-30"});
//   store->ForEach({}, [&](const Document& d) { c.Add(d); return true; });
//   Brief brief = c.Finish();
//
// Add digests a document (keeping only what the brief needs: event and claim
// mentions with their sentences, entity counts, framing markers, citations)
// so a store of 100,000 documents never has to be held in memory. Finish
// merges event mentions into consolidated events, groups claims, profiles
// sources and lists caveats. The result does not depend on the order in which
// documents were added. Not thread-safe; the lexicons must outlive it.
#ifndef SITREP_REPORT_CONSOLIDATE_H_
#define SITREP_REPORT_CONSOLIDATE_H_

#include <memory>
#include <string>
#include <vector>

#include "report/brief.h"
#include "report/lexicons.h"
#include "sitrep/document.h"

namespace sitrep::report {

struct ConsolidateOptions {
  std::string as_of;  // "YYYY-MM-DD": only what could be published by then; empty = all
  // Leave out documents of unknown date that may have been published by the
  // as-of date (by default they are used, with a caveat).
  bool exclude_uncertain = false;
  std::string topic;  // shown in the header only
  int max_key_developments = 5;
  int max_citations = 3;  // per timeline line
  int max_timeline = 0;   // most important events kept, then date order; 0 = all
  int max_dates = 0;      // keep events of the N most important dates; 0 = all
  int max_actors = 12;
  int max_caveats_per_kind = 8;
  // Claim groups kept, most contested and best attested first; 0 = all. A
  // brief of a large store has thousands of figures told once.
  int max_claim_groups = 0;
  // Figures shown per group (each source's latest first); 0 = all.
  int max_values_per_group = 0;
  // Claims kept (sitrep claims): subject or actor id containing claim_actor,
  // measure containing claim_measure (both ignoring case), published within
  // [claim_since, claim_until]; empty = no filter.
  std::string claim_actor, claim_measure, claim_since, claim_until;
};

// A claim as `sitrep claims` lists it (SCHEMA.md: a claim plus doc, source,
// published, quote).
struct ClaimRow {
  std::string doc, source, published, quote;
  uint32_t start = 0, end = 0;  // the sentence
  uint32_t claim_start = 0, claim_end = 0;
  std::string id, subject, measure, modality, attribution, time;
  std::optional<double> min, max;
  bool approx = false;
  std::string bound;
  bool anonymous = false;
};

class Consolidator {
 public:
  Consolidator(const ReportLexicons& lexicons, ConsolidateOptions options);
  ~Consolidator();
  Consolidator(const Consolidator&) = delete;
  Consolidator& operator=(const Consolidator&) = delete;

  // Digests one document, or counts it as excluded by the as-of date.
  void Add(const Document& doc);
  // Builds the brief from everything added. Call once.
  Brief Finish();
  // The individual claims of the documents used (for `sitrep claims`).
  std::vector<ClaimRow> ClaimRows() const;

  int added() const;
  int excluded() const;

  // Internal (consolidate_state.h), public only so the files that build the
  // parts of the brief can name it.
  struct State;

 private:
  std::unique_ptr<State> state_;
};

// Convenience: consolidates a vector of annotated documents.
Brief Consolidate(const std::vector<Document>& docs, const ReportLexicons& lexicons,
                  const ConsolidateOptions& options);

}  // namespace sitrep::report

#endif  // SITREP_REPORT_CONSOLIDATE_H_
