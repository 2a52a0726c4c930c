// The attributions layer: who each statement comes from, found through cues
// ("according to X", "X said", "X told Y", "citing X", "intelligence
// estimates suggest", "reports from X", a quote and its speaker), with the
// source as written and, when the entities layer links it, as an actor id.
// "Newsweek, citing the National Resistance Centre" is a chain: Newsweek's
// attribution has `via` set to the Centre's.
//
// Cues come from data/lexicons/attribution-cues.tsv and report nouns from
// data/lexicons/attribution-report-nouns.tsv (docs/lexicon-attribution.md).
#ifndef SITREP_CLAIMS_ATTRIBUTION_TAGGER_H_
#define SITREP_CLAIMS_ATTRIBUTION_TAGGER_H_

#include <memory>
#include <string>

#include "claims/doc_view.h"
#include "claims/lexicon.h"
#include "claims/phrases.h"
#include "sitrep/annotator.h"

namespace sitrep::claims {

class AttributionTagger : public Annotator {
 public:
  static StatusOr<std::unique_ptr<AttributionTagger>> Create();

  std::string_view name() const override { return "attributions"; }
  Layers requires_layers() const override { return kLayerSentences | kLayerTokens; }
  Layers assigns_layers() const override { return kLayerAttributions; }
  Status Annotate(Document* doc, const AnnotateOptions& options) const override;

 private:
  AttributionTagger() = default;

  // A source phrase after token i ("the National Resistance Centre of
  // Ukraine", "South Korea's National Intelligence Service"): returns its
  // end, == i when there is none.
  size_t SourceAfter(const DocView& v, size_t i, size_t limit) const;
  // Handles the cue at token i (matched entry e of len tokens); returns the
  // token to continue from.
  size_t HandleCue(const DocView& v, size_t i, size_t len, const PhraseEntry& e, size_t first,
                   size_t limit, Document* doc) const;
  // Appends an attribution for source tokens [sb, se) and cue tokens
  // [cb, ce); returns its index.
  size_t Add(const DocView& v, size_t sb, size_t se, size_t cb, size_t ce, std::string cue,
             Document* doc) const;

  Chunker chunker_;
  PhraseLexicon cues_;
  PhraseLexicon report_nouns_;
};

// The actor id of the most telling entity in [start, end): a person before
// an organization before a place or a nationality. Empty when none.
std::string ActorIn(const Document& doc, uint32_t start, uint32_t end);

}  // namespace sitrep::claims

#endif  // SITREP_CLAIMS_ATTRIBUTION_TAGGER_H_
