// The quantities layer: every figure a sentence states, with its bounds,
// approximation, increment flag, unit and counted noun phrase.
//
//   "over 10,000 North Korean troops"  -> min 10000, bound more-than,
//                                         counted "North Korean troops"
//   "thousands of artillery shells"    -> magnitude "thousands", 1000..999999
//   "approximately 70% of the artillery used by Russian forces"
//                                      -> 70, approx, unit "%",
//                                         counted "artillery used by Russian forces"
//
// Numbers inside a time expression (the timexes layer) are not quantities;
// without a timex layer, years and day numbers after a month are skipped by
// shape and by data/lexicons/quantity-not-before.tsv.
#ifndef SITREP_CLAIMS_QUANTITY_TAGGER_H_
#define SITREP_CLAIMS_QUANTITY_TAGGER_H_

#include <memory>
#include <optional>

#include "claims/lexicon.h"
#include "claims/number_parser.h"
#include "claims/phrases.h"
#include "sitrep/annotator.h"

namespace sitrep::claims {

class QuantityTagger : public Annotator {
 public:
  static StatusOr<std::unique_ptr<QuantityTagger>> Create();

  std::string_view name() const override { return "quantities"; }
  Layers requires_layers() const override { return kLayerSentences | kLayerTokens; }
  Layers assigns_layers() const override { return kLayerQuantities; }
  Status Annotate(Document* doc, const AnnotateOptions& options) const override;

 private:
  QuantityTagger() = default;
  // Tries to read a quantity starting at token i; appends it and returns the
  // token after it, or returns i when there is none.
  size_t TagAt(const DocView& v, size_t i, size_t limit, Document* doc) const;
  // A number at token j, including "10, 000" split by scraping.
  std::optional<NumberMatch> ParseNumber(const DocView& v, size_t j, size_t limit) const;
  // The counted noun phrase after token i: sets doc fields on q.
  size_t CountedAt(const DocView& v, size_t i, size_t limit, Quantity* q) const;
  // Whether the digits at token j name, number or time something rather
  // than count it: model designations ("Su-34", "Leopard 2"), compounds
  // ("32-member"), clock times, codes, ages.
  bool NamesSomething(const DocView& v, size_t j, const NumberMatch& m, size_t first,
                      size_t limit) const;

  NumberParser numbers_;
  Chunker chunker_;
  PhraseLexicon modifiers_;                   // quantity-modifiers.tsv
  PhraseLexicon not_before_;                  // quantity-not-before.tsv
  PhraseLexicon rate_words_;                  // quantity-rate-words.tsv
  PhraseLexicon address_words_;               // quantity-address-words.tsv
  PhraseLexicon clock_before_, clock_after_;  // quantity-clock-words.tsv
};

}  // namespace sitrep::claims

#endif  // SITREP_CLAIMS_QUANTITY_TAGGER_H_
