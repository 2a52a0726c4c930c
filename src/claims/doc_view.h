// A read-only view of an annotated Document shaped for the claims stages:
// lowercased token words, token ranges of sentences, and which token each
// earlier layer (timexes, entities) covers. Built once per document and
// shared by the claims stages of a pipeline (SharedView); string_views point
// into the view's own lowercased copy of the text, so it must outlive them.
#ifndef SITREP_CLAIMS_DOC_VIEW_H_
#define SITREP_CLAIMS_DOC_VIEW_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/annotator.h"
#include "sitrep/document.h"

namespace sitrep::claims {

class DocView {
 public:
  explicit DocView(const Document& doc);

  const Document& doc() const { return doc_; }
  size_t size() const { return words_.size(); }
  // Lowercased (ASCII) token text.
  const std::vector<std::string_view>& words() const { return words_; }
  std::string_view word(size_t i) const { return words_[i]; }
  // Original-case token text.
  std::string_view text(size_t i) const {
    return std::string_view(doc_.text).substr(doc_.tokens[i].start,
                                              doc_.tokens[i].end - doc_.tokens[i].start);
  }
  std::string_view pos(size_t i) const { return doc_.tokens[i].pos; }
  bool has_pos() const { return has_pos_; }
  uint32_t start(size_t i) const { return doc_.tokens[i].start; }
  uint32_t end(size_t i) const { return doc_.tokens[i].end; }
  uint32_t sentence(size_t i) const { return doc_.tokens[i].sentence; }

  // Token range [first, last) of sentence s.
  size_t sentence_first(size_t s) const { return sent_first_[s]; }
  size_t sentence_last(size_t s) const { return sent_first_[s + 1]; }
  size_t num_sentences() const { return sent_first_.size() - 1; }

  // Index into doc.timexes / doc.entities covering token i, or -1.
  int timex_at(size_t i) const { return timex_at_[i]; }
  int entity_at(size_t i) const { return entity_at_[i]; }
  // Index of the token that starts at or after byte offset b (size() if none).
  size_t TokenAt(uint32_t b) const;

  bool IsCapitalized(size_t i) const;
  bool IsPunct(size_t i) const;
  bool IsOpenQuote(size_t i) const;
  bool IsCloseQuote(size_t i) const;
  bool IsQuote(size_t i) const { return IsOpenQuote(i) || IsCloseQuote(i); }

 private:
  // Token i is a single quote mark touching another one before (dir < 0) or
  // after (dir > 0) it: "''".
  bool GluedSingleQuote(size_t i, int dir) const;

  const Document& doc_;
  std::string lower_;
  std::vector<std::string_view> words_;
  std::vector<size_t> sent_first_;
  std::vector<int> timex_at_, entity_at_;
  bool has_pos_ = false;
};

// The layers a DocView is built from: a stage that assigns one of them makes
// a shared view stale.
inline constexpr Layers kDocViewLayers =
    kLayerSentences | kLayerTokens | kLayerPos | kLayerTimexes | kLayerEntities;

// The view of `doc` for a claims stage. Inside Pipeline::Annotate
// (options.scratch set) the first claims stage builds it and the later ones
// reuse it: building it three times cost about 3% of the pipeline. Called on
// its own (no scratch), a stage builds it into *local.
const DocView& SharedView(const Document& doc, const AnnotateOptions& options,
                          std::optional<DocView>* local);

}  // namespace sitrep::claims

#endif  // SITREP_CLAIMS_DOC_VIEW_H_
