// The part-of-speech annotator of the default pipeline: Token::pos from the
// perceptron model in models/pos.bin (docs/tagger.md).
#include "ner/pos_tagger.h"
#include "pipeline/stages.h"

namespace sitrep {
namespace {

class PosAnnotator : public Annotator {
 public:
  explicit PosAnnotator(std::unique_ptr<PosTagger> tagger) : tagger_(std::move(tagger)) {}
  std::string_view name() const override { return "pos"; }
  Layers requires_layers() const override { return kLayerSentences | kLayerTokens; }
  Layers assigns_layers() const override { return kLayerPos; }
  Status Annotate(Document* doc, const AnnotateOptions&) const override {
    tagger_->TagDocument(doc);
    return Status::OK();
  }

 private:
  std::unique_ptr<PosTagger> tagger_;
};

}  // namespace

AnnotatorOr MakePosTagger() {
  auto tagger = PosTagger::LoadDefault();
  if (!tagger.ok()) return tagger.status();
  return std::unique_ptr<Annotator>(new PosAnnotator(std::move(*tagger)));
}

}  // namespace sitrep
