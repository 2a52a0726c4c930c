#include "ner/pos_tagger.h"

#include "ner/model_io.h"
#include "ner/perceptron.h"

namespace sitrep {

PosTagger::PosTagger(std::unique_ptr<PerceptronTagger> model) : model_(std::move(model)) {}
PosTagger::~PosTagger() = default;

StatusOr<std::unique_ptr<PosTagger>> PosTagger::Load(const std::string& path) {
  auto model = PerceptronTagger::Load(path, "pos");
  if (!model.ok()) return model.status();
  return std::unique_ptr<PosTagger>(new PosTagger(std::move(*model)));
}

StatusOr<std::unique_ptr<PosTagger>> PosTagger::LoadDefault() { return Load(ModelPath("pos.bin")); }

void PosTagger::TagWords(const std::vector<std::string_view>& words,
                         std::vector<std::string_view>* tags) const {
  thread_local std::vector<uint16_t> classes;
  model_->Tag(words, nullptr, &classes);
  tags->resize(classes.size());
  for (size_t i = 0; i < classes.size(); ++i) (*tags)[i] = model_->classes()[classes[i]];
}

void PosTagger::TagDocument(Document* doc) const {
  thread_local std::vector<std::string_view> words;
  thread_local std::vector<uint16_t> classes;
  const std::string_view text = doc->text;
  size_t i = 0;
  while (i < doc->tokens.size()) {
    size_t j = i;
    words.clear();
    while (j < doc->tokens.size() && doc->tokens[j].sentence == doc->tokens[i].sentence) {
      const Token& t = doc->tokens[j];
      // A token outside the text would be a segmenter bug: tag it as empty.
      words.push_back(t.start <= t.end && t.end <= text.size()
                          ? text.substr(t.start, t.end - t.start)
                          : std::string_view());
      ++j;
    }
    model_->Tag(words, nullptr, &classes);
    for (size_t k = 0; k < classes.size(); ++k)
      doc->tokens[i + k].pos = model_->classes()[classes[k]];
    i = j;
  }
}

}  // namespace sitrep
