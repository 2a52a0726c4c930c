#include "claims/modality.h"

namespace sitrep::claims {

Status ModalityScorer::Load() {
  SITREP_RETURN_IF_ERROR(hedges_.Load("lexicons/hedge-cues.tsv", 2));
  SITREP_RETURN_IF_ERROR(cues_.Load("lexicons/modality-cues.tsv", 3));
  SITREP_RETURN_IF_ERROR(attribution_cues_.Load("lexicons/attribution-cues.tsv", 3));
  SITREP_RETURN_IF_ERROR(report_nouns_.Load("lexicons/attribution-report-nouns.tsv", 2));
  return Status::OK();
}

std::string ModalityScorer::CueModality(std::string_view cue) const {
  // "estimates suggest", "according to estimates", "reported to": any word
  // of the cue may carry the framing; the strongest wins.
  std::string best = "reported";
  size_t pos = 0;
  std::vector<std::string_view> words;
  while (pos < cue.size()) {
    size_t sp = cue.find(' ', pos);
    if (sp == std::string_view::npos) sp = cue.size();
    words.push_back(cue.substr(pos, sp - pos));
    pos = sp + 1;
  }
  for (size_t i = 0; i < words.size(); ++i) {
    size_t len = 0;
    std::string m;
    if (const PhraseEntry* e = attribution_cues_.Match(words, i, &len)) m = e->field(1);
    if (const PhraseEntry* n = report_nouns_.Find(words[i])) {
      if (n->field(0) != "reported") m = n->field(0);
    }
    if (m == "denied") return m;
    if (m == "estimated" || (m == "hedged" && best != "estimated")) best = m;
  }
  return best;
}

std::string ModalityScorer::Score(const DocView& v, size_t first, size_t trigger,
                                  size_t trigger_end, size_t limit,
                                  std::string_view attribution_cue, bool future,
                                  bool is_denial_event, const std::vector<uint8_t>* hedge_at,
                                  const std::string* precomputed, bool* possible_out) const {
  const auto& words = v.words();
  bool negated = false, planned = false, denied = false, hedged = false, possible = false;
  // Under a condition ("if", "unless"): with a date to come, a plan that
  // depends on something ("if Russia sought peace, a ceasefire should begin
  // ... May 8").
  bool conditional = false;
  size_t from = trigger > first + 6 ? trigger - 6 : first;
  // A condition governs its whole clause, asides included: "if Russian
  // forces, based in occupied territory, chose to launch attacks".
  for (size_t i = trigger > first + 20 ? trigger - 20 : first; i < from && !possible; ++i) {
    if (words[i] == ";" || words[i] == ":") continue;
    size_t len = 0;
    const PhraseEntry* e = cues_.Match(words, i, &len);
    if (e != nullptr && e->field(1) == "clause" && e->field(0) == "hedged") {
      possible = conditional = true;
    }
  }
  for (size_t i = from; i < trigger; ++i) {
    if (v.timex_at(i) >= 0) continue;
    size_t len = 0;
    const PhraseEntry* e = cues_.Match(words, i, &len);
    if (e == nullptr || e->field(1) == "after" || e->field(1) == "next") continue;
    const std::string& m = e->field(0);
    if (m == "negated" && trigger - i <= 3) negated = true;
    if (m == "planned") planned = true;
    if (m == "hedged") possible = true;
    if (m == "hedged" && e->field(1) == "clause") conditional = true;
    if (m == "denied" && !is_denial_event) denied = true;
    i += len - 1;  // "not rule out": its "not" negates nothing on its own
  }
  // Where a modal belongs to the event noun: right after it, or after its
  // complement ("an invasion of Ukraine could occur").
  size_t after_noun = trigger_end;
  if (after_noun < limit &&
      (words[after_noun] == "of" || words[after_noun] == "on" || words[after_noun] == "against")) {
    size_t j = after_noun + 1;
    while (j < limit && j < after_noun + 6 &&
           (v.entity_at(j) >= 0 || v.pos(j) == "DT" || v.pos(j) == "JJ" || v.pos(j) == "NNP" ||
            v.pos(j) == "NNPS")) {
      ++j;
    }
    if (j > after_noun + 1) after_noun = j;
  }
  size_t to = std::min(limit, std::max(trigger_end + 6, after_noun + 1));
  for (size_t i = trigger_end; i < to; ++i) {
    if (words[i] == "," && i > trigger_end + 1) break;
    size_t len = 0;
    const PhraseEntry* e = cues_.Match(words, i, &len);
    if (e == nullptr || e->field(1) == "before") continue;
    // "an invasion could start": a modal right after the noun; later in
    // the clause it belongs to another verb ("invaded in 2022 and could").
    if (e->field(1) == "next" && ((i != trigger_end && i != after_noun) || v.timex_at(i) >= 0)) {
      continue;
    }
    if (e->field(0) == "planned") planned = true;
    if (e->field(0) == "hedged") possible = true;  // "sending troops cannot be ruled out"
    // "reports of 8,000 soldiers are fully invented"
    if (e->field(0) == "denied" && e->field(1) != "before" && !is_denial_event) denied = true;
    i += len - 1;
  }
  // A condition after the trigger, up to the end of its clause ("sanctions
  // for the elites if Moscow invades").
  for (size_t i = trigger_end; i < limit && !possible; ++i) {
    std::string_view w = words[i];
    if (w == ";" || w == ":" || (w == "," && i > trigger_end + 1)) break;
    size_t len = 0;
    const PhraseEntry* e = cues_.Match(words, i, &len);
    if (e != nullptr && e->field(1) == "clause" && e->field(0) == "hedged") {
      possible = conditional = true;
    }
  }
  // Hedges anywhere before the trigger in its sentence, or right after it.
  size_t hedge_to = std::min(limit, trigger_end + 2);
  for (size_t i = first; i < hedge_to; ++i) {
    if (hedge_at != nullptr) {
      if ((*hedge_at)[i]) {
        hedged = true;
        break;
      }
      continue;
    }
    if (v.timex_at(i) >= 0 || (i > first && v.IsCapitalized(i))) continue;  // "May 8"
    size_t len = 0;
    if (hedges_.Match(words, i, &len) != nullptr) {
      hedged = true;
      break;
    }
  }
  if (possible_out != nullptr) *possible_out = possible;
  std::string framing = attribution_cue.empty()  ? ""
                        : precomputed != nullptr ? *precomputed
                                                 : CueModality(attribution_cue);
  if (denied || framing == "denied") return "denied";
  if (negated) return "negated";
  if (possible) return conditional && future ? "planned" : "hedged";
  if (planned || future) return "planned";
  if (hedged || framing == "hedged") return "hedged";
  if (framing == "estimated") return "estimated";
  if (!framing.empty()) return "reported";
  return "asserted";
}

}  // namespace sitrep::claims

namespace sitrep::claims {

std::vector<uint8_t> ModalityScorer::MarkHedges(const DocView& v) const {
  std::vector<uint8_t> out(v.size(), 0);
  for (size_t s = 0; s < v.num_sentences(); ++s) {
    size_t first = v.sentence_first(s);
    for (size_t i = first; i < v.sentence_last(s); ++i) {
      if (v.timex_at(i) >= 0 || (i > first && v.IsCapitalized(i))) continue;  // "May 8"
      size_t len = 0;
      if (hedges_.Match(v.words(), i, &len) != nullptr) out[i] = 1;
    }
  }
  return out;
}

}  // namespace sitrep::claims
