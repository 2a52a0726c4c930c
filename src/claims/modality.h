// Modality of an event or figure: asserted | reported | estimated | hedged |
// denied | planned | negated, from the cues around its trigger
// (data/lexicons/hedge-cues.tsv, data/lexicons/modality-cues.tsv), the cue
// of its attribution (data/lexicons/attribution-cues.tsv and
// attribution-report-nouns.tsv), and whether its time lies after the
// document date.
#ifndef SITREP_CLAIMS_MODALITY_H_
#define SITREP_CLAIMS_MODALITY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "claims/doc_view.h"
#include "claims/lexicon.h"
#include "sitrep/status.h"

namespace sitrep::claims {

class ModalityScorer {
 public:
  Status Load();

  // How an attribution's cue frames what it introduces: reported |
  // estimated | hedged | denied.
  std::string CueModality(std::string_view cue) const;
  // Whether this one word is an attribution cue ("said", "reported").
  bool IsAttributionCue(std::string_view word) const { return attribution_cues_.Contains(word); }
  // Whether this one word is a cue of denial that follows what it denies
  // ("... are invented").
  bool IsDenialCue(std::string_view word) const {
    const PhraseEntry* e = cues_.Find(word);
    return e != nullptr && e->field(0) == "denied" && e->field(1) != "before";
  }

  // REQUIRES: first <= trigger < limit, tokens of one sentence.
  // `attribution_cue` is empty when the statement has no attribution;
  // `future` is true when its governing time lies after the document date.
  // `hedge_at` (optional, one entry per token of v, from MarkHedges) saves
  // matching the hedge lexicon again for every statement of a sentence;
  // `framing` (optional) is CueModality(attribution_cue) computed already.
  // `possible` (optional) is set when a cue speaks of the event as possible
  // or feared ("fears of", "not rule out"), as against a hedge of the
  // source ("reportedly"): both score "hedged".
  std::string Score(const DocView& v, size_t first, size_t trigger, size_t trigger_end,
                    size_t limit, std::string_view attribution_cue, bool future,
                    bool is_denial_event, const std::vector<uint8_t>* hedge_at = nullptr,
                    const std::string* framing = nullptr, bool* possible = nullptr) const;
  // 1 for each token where a hedge cue starts and counts (not in a timex,
  // not a capitalized word inside a sentence: "May 8").
  std::vector<uint8_t> MarkHedges(const DocView& v) const;

 private:
  PhraseLexicon hedges_, cues_, attribution_cues_, report_nouns_;
};

}  // namespace sitrep::claims

#endif  // SITREP_CLAIMS_MODALITY_H_
