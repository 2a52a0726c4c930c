// Inline source chips: the name of a cited source that some scraping and
// summarizing tools leave after the last sentence of a paragraph ("... ties.
// Wikipedia", "... capabilities. The Korea Times+1", "... norms. dailynk.com").
// They are cut from the text and kept as CitedSource metadata of their
// paragraph. The shape of a chip is a pattern in
// data/lexicons/source-chips.tsv (docs/lexicon-source-chips.md).
#ifndef SITREP_INGEST_SOURCE_CHIPS_H_
#define SITREP_INGEST_SOURCE_CHIPS_H_

#include <re2/re2.h>

#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "ingest/boilerplate.h"
#include "ingest/clean_text.h"
#include "sitrep/status.h"

namespace sitrep::ingest {

class SourceChipRemover {
 public:
  // A chip is at most this long; the paragraph before it at least this long.
  static constexpr size_t kMaxChipBytes = 48;
  static constexpr size_t kMinParagraphBytes = 60;

  // `abbreviations`: words such as "U.S." whose period does not end a sentence.
  static StatusOr<std::unique_ptr<SourceChipRemover>> Load(
      const std::string& path, std::unordered_set<std::string> abbreviations);

  // A chip that is site furniture ("... won. Advertisement": a line the
  // remover cuts as "site-furniture") is cut with that reason and not kept as
  // a cited source. Not owned; may be null.
  void set_furniture(const BoilerplateRemover* furniture) { furniture_ = furniture; }

  // Must run last among the steps that change the text: the paragraph spans
  // of *cited are offsets into the returned text.
  CleanText Remove(const CleanText& in, std::vector<Removal>* removed,
                   std::vector<CitedSource>* cited) const;

 private:
  // Start of the chip at the end of `para` (including the space before it),
  // or npos.
  size_t FindChip(std::string_view para) const;

  std::vector<std::unique_ptr<RE2>> shapes_;
  std::unordered_set<std::string> abbreviations_;
  const BoilerplateRemover* furniture_ = nullptr;
};

}  // namespace sitrep::ingest

#endif  // SITREP_INGEST_SOURCE_CHIPS_H_
