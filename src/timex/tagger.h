// The time-expression annotator: fills Document::timexes (TIMEX3 style,
// docs/timex.md). Resolves relative expressions against AnnotateOptions::dct
// if set, else Document::published.date; without either, leaves them
// underspecified ("XXXX-10-03") and records a Problem saying so.
//
// Thread safety: Annotate is const and safe to call on many documents at once.
#ifndef SITREP_TIMEX_TAGGER_H_
#define SITREP_TIMEX_TAGGER_H_

#include <memory>
#include <string>
#include <string_view>

#include "sitrep/annotator.h"
#include "timex/lexicon.h"

namespace sitrep::timex {

class TimexTagger : public Annotator {
 public:
  // Loads the lexicons from `lexicon_dir` (default: DataPath("lexicons")).
  static StatusOr<std::unique_ptr<TimexTagger>> Create(std::string lexicon_dir = "");
  explicit TimexTagger(std::unique_ptr<Lexicon> lexicon) : lexicon_(std::move(lexicon)) {}

  std::string_view name() const override { return "timex"; }
  Layers requires_layers() const override { return kLayerSentences | kLayerTokens; }
  Layers assigns_layers() const override { return kLayerTimexes; }
  Status Annotate(Document* doc, const AnnotateOptions& options) const override;

  // Tags doc->text with `dct` ("YYYY-MM-DD", or "" for unknown), using
  // doc->sentences when present (else the whole text is one sentence).
  void Tag(Document* doc, std::string_view dct) const;

  const Lexicon& lexicon() const { return *lexicon_; }

 private:
  std::unique_ptr<Lexicon> lexicon_;
};

}  // namespace sitrep::timex

#endif  // SITREP_TIMEX_TAGGER_H_
