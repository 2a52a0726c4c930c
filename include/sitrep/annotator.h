// Annotators: the per-document stages of the pipeline.
//
// Each annotator reads layers that earlier ones set and fills its own. It
// declares both, so that building a pipeline can check that every layer an
// annotator requires is assigned by an earlier one (as spaCy does).
// Annotators are stateless per call and thread-safe: Annotate is const and
// may run on many documents at once.
#ifndef SITREP_ANNOTATOR_H_
#define SITREP_ANNOTATOR_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/status.h"

namespace sitrep {

enum Layer : uint32_t {
  kLayerNone = 0,
  kLayerSentences = 1u << 0,
  kLayerTokens = 1u << 1,
  kLayerPos = 1u << 2,
  kLayerTimexes = 1u << 3,
  kLayerEntities = 1u << 4,
  kLayerQuantities = 1u << 5,
  kLayerAttributions = 1u << 6,
  kLayerEvents = 1u << 7,
  kLayerClaims = 1u << 8,
};
using Layers = uint32_t;

// Work that stages of one Pipeline::Annotate call share, so that it is done
// once per document (e.g. the claims stages' view of the tokens). Defined
// inside the library (src/pipeline/annotate_scratch.h); opaque to callers.
struct AnnotateScratch;

// Options shared by all annotators of one pipeline.
struct AnnotateOptions {
  // Document creation date to resolve relative dates against, overriding
  // what ingest found ("YYYY-MM-DD"); empty = use Document::published.
  std::string dct;
  // Set by Pipeline::Annotate for the length of one call; leave it null. An
  // annotator called on its own gets null and builds what it needs itself.
  AnnotateScratch* scratch = nullptr;
};

class Annotator {
 public:
  virtual ~Annotator() = default;
  virtual std::string_view name() const = 0;
  virtual Layers requires_layers() const = 0;
  virtual Layers assigns_layers() const = 0;
  // Fills this annotator's layers. A problem with one document is recorded
  // with doc->AddProblem and OK is returned; a non-OK status means the
  // annotator itself is broken (e.g. a lexicon failed to load).
  virtual Status Annotate(Document* doc, const AnnotateOptions& options) const = 0;
};

}  // namespace sitrep

#endif  // SITREP_ANNOTATOR_H_
