// The events and claims layers.
//
// Events: typed mentions (PLOVER type and subtype, CAMEO root code) found by
// trigger lemma (data/lexicons/event-triggers.tsv), with actor, target and
// location (entity mention ids), time (the timex that governs the trigger
// in its sentence, else the document date flagged as "reported"), the
// quantities of the sentence closest to this trigger, the attribution of the
// sentence (or of the quote the sentence belongs to) and a modality.
//
// Claims: one per quantity with a counted noun or unit: subject (the actor
// the counted phrase or the event names), a measure built from the counted
// noun, its modifiers and the event ("troops deployed", "soldiers killed or
// wounded", "share of artillery used by Russian forces") - never taken from
// a list of known measures - and the value, time, attribution and modality.
// Events without a quantity that change the situation (agreements,
// ceasefires, deployments, withdrawals, sanctions, denials ...) give a claim
// with no value.
#ifndef SITREP_CLAIMS_EVENT_TAGGER_H_
#define SITREP_CLAIMS_EVENT_TAGGER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "claims/doc_view.h"
#include "claims/lemmatizer.h"
#include "claims/lexicon.h"
#include "claims/modality.h"
#include "claims/phrases.h"
#include "ner/gazetteer.h"
#include "sitrep/annotator.h"

namespace sitrep::claims {

struct TriggerEntry {
  std::vector<std::string> rest;  // words after the lemma ("for" in "call for")
  char pos = '*';                 // V, N or *
  std::string type, subtype, cameo, measure, condition;
};

class EventTagger : public Annotator {
 public:
  static StatusOr<std::unique_ptr<EventTagger>> Create();

  std::string_view name() const override { return "events"; }
  Layers requires_layers() const override {
    return kLayerSentences | kLayerTokens | kLayerQuantities | kLayerAttributions;
  }
  Layers assigns_layers() const override { return kLayerEvents | kLayerClaims; }
  Status Annotate(Document* doc, const AnnotateOptions& options) const override;

 private:
  EventTagger() = default;

  // The trigger at token i, if any (checks POS and condition).
  // *cond is set to the token that satisfied the entry's condition (or
  // SIZE_MAX): "treaty" for "signed".
  const TriggerEntry* TriggerAt(const DocView& v, const std::vector<std::string_view>& lemmas,
                                size_t i, size_t first, size_t limit, size_t* len,
                                size_t* cond) const;
  // Where an event's trigger is and the word its claims' measures take.
  struct EventInfo {
    size_t token, token_end;
    std::string measure;
    size_t condition_token;  // SIZE_MAX: none
    // "were sanctioned by": what stands before the trigger undergoes it.
    bool passive = false;
    // "amid fears of an invasion", "would not rule out sending troops": the
    // event is spoken of as possible (ModalityScorer::Score's `possible`).
    bool possible = false;
  };
  // Which event a quantity is an argument of (index into doc->events, -1:
  // none) and, failing a trigger, the past form of the verb that governs it
  // ("destroyed" in "20 tanks were destroyed").
  struct Attachment {
    int event = -1;
    std::string verb;
    size_t verb_token = SIZE_MAX;  // where `verb` is when it precedes the figure
  };
  Attachment Attach(const DocView& v, const Document& doc, size_t k, size_t qt, size_t first,
                    size_t limit, const std::vector<EventInfo>& info, size_t first_event) const;
  // Token range [*counted_first, return) of quantity k's counted phrase; both
  // are the token after the figure when it has none.
  size_t CountedEnd(const DocView& v, const Document& doc, size_t k, size_t* counted_first) const;
  // The counted phrase of quantity k names a population ("30 countries",
  // "43 million Ukrainians": quantity-population-nouns.tsv or a nationality).
  // Who speaks in attribution `attribution`, as a country where its source
  // actor has one ("joe-biden@US" -> united-states@US), else the actor.
  std::string SpeakerActor(const Document& doc, const std::string& attribution) const;
  // The attribution whose statement the timex dates (inside its source
  // phrase or right after its cue: "the ministry said this week"), or -1.
  int StatementTime(const Document& doc, const std::string& timex_id) const;
  // `kind`: "people" or "states" only, empty for either.
  bool CountsPopulation(const DocView& v, const Document& doc, size_t k,
                        std::string_view kind = {}) const;
  // Fills doc->claims from the quantities and the events (claim_builder.cc).
  void BuildClaims(const DocView& v, const std::vector<EventInfo>& info,
                   const std::vector<int>& q_event, const std::vector<std::string>& q_verb,
                   const std::vector<size_t>& q_verb_token, const std::vector<int>& sentence_attr,
                   const std::string& dct, Document* doc) const;
  // Appends claims of how long something went on ("talks lasted five
  // hours", "two years of war"; duration_claims.cc).
  void BuildDurationClaims(const DocView& v, const std::vector<int>& sentence_attr,
                           Document* doc) const;
  // The actor id a claim's subject takes for entity k: the country for a
  // nationality, an armed force or a capital ("North Korean troops" ->
  // north-korea@KP, the id the entity linker gives the country itself), so
  // that figures from different documents share a subject.
  std::string SubjectActor(const Document& doc, int k) const;
  bool ConditionHolds(const DocView& v, size_t i, size_t first, size_t limit,
                      const std::string& condition, size_t* where) const;

  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::vector<TriggerEntry>, Hash, std::equal_to<>> triggers_;
  std::unordered_map<std::string, std::string> argument_words_;  // word -> category
  PhraseLexicon argument_first_;    // the words of argument_words_, to skip others fast
  PhraseLexicon rate_words_;        // "a day", "per month": quantity-rate-words.tsv
  PhraseLexicon amount_nouns_;      // "total", "force": quantity-amount-nouns.tsv
  PhraseLexicon population_nouns_;  // "countries", "people": quantity-population-nouns.tsv
  PhraseLexicon duration_cues_;     // "lasted", "war": duration-cues.tsv
  PhraseLexicon light_verbs_;       // "launched", "held": event-light-verbs.tsv
  // First three letters of every trigger lemma and of every irregular form
  // of one ("met" for "meet"): words starting otherwise are not lemmatized.
  // As bits indexed by the three letters (a-z), so the check costs no
  // hashing; words with other bytes there are never triggers.
  std::vector<uint64_t> prefixes_ = std::vector<uint64_t>(26 * 26 * 26 / 64 + 1, 0);
  static int PrefixBit(std::string_view w) {
    if (w.size() < 3) return -1;
    int b = 0;
    for (int k = 0; k < 3; ++k) {
      if (w[k] < 'a' || w[k] > 'z') return -1;
      b = b * 26 + (w[k] - 'a');
    }
    return b;
  }
  void AddPrefix(std::string_view w) {
    int b = PrefixBit(w);
    if (b >= 0) prefixes_[b / 64] |= uint64_t{1} << (b % 64);
  }
  bool HasPrefix(std::string_view w) const {
    int b = PrefixBit(w);
    return b >= 0 && ((prefixes_[b / 64] >> (b % 64)) & 1);
  }
  Lemmatizer lemmatizer_;
  // Inflected form -> trigger lemma ("signed" -> "sign", "met" -> "meet").
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> forms_;
  Chunker chunker_;
  ModalityScorer modality_;
  std::shared_ptr<const Gazetteer> gazetteer_;  // null: no country mapping
};

}  // namespace sitrep::claims

#endif  // SITREP_CLAIMS_EVENT_TAGGER_H_
