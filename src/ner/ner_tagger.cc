#include "ner/ner_tagger.h"

#include <algorithm>

#include "ner/gazetteer.h"
#include "ner/gazetteer_match.h"
#include "ner/model_io.h"
#include "ner/perceptron.h"

namespace sitrep {

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "PERSON";
    case EntityType::kOrg:
      return "ORG";
    case EntityType::kGpe:
      return "GPE";
    case EntityType::kNorp:
      return "NORP";
    case EntityType::kMisc:
      return "MISC";
  }
  return "MISC";
}

bool ParseEntityType(std::string_view name, EntityType* type) {
  for (EntityType t : {EntityType::kPerson, EntityType::kOrg, EntityType::kGpe, EntityType::kNorp,
                       EntityType::kMisc}) {
    if (EntityTypeName(t) == name) {
      *type = t;
      return true;
    }
  }
  return false;
}

NerTagger::NerTagger(std::unique_ptr<PerceptronTagger> model) : model_(std::move(model)) {}
NerTagger::~NerTagger() = default;

StatusOr<std::unique_ptr<NerTagger>> NerTagger::Load(const std::string& path) {
  // Plain lowercase words outside a span are "O" without scoring: the full
  // model gave another class to 30 of 82,626 such tokens of GMB's held-out
  // tenth and 160 of 214,055 of the war corpus, mostly stray punctuation
  // (docs/tagger.md, "Tokens not scored").
  TagRules rules;
  rules.plain_outside_is_o = true;
  auto model = PerceptronTagger::Load(path, "ner", rules);
  if (!model.ok()) return model.status();
  std::unique_ptr<NerTagger> tagger(new NerTagger(std::move(*model)));
  for (const std::string& c : tagger->model_->classes()) {
    EntityType type;
    if (c == "O") {
      tagger->type_of_class_.push_back(-1);
    } else if (c.size() > 2 && c[1] == '-' &&
               ParseEntityType(std::string_view(c).substr(2), &type)) {
      tagger->type_of_class_.push_back(static_cast<int8_t>(type));
    } else {
      return Status::Corruption(path + ": unknown NER class '" + c + "'");
    }
  }
  if (tagger->model_->uses_hints()) {
    auto gazetteer = Gazetteer::LoadDefault();
    if (!gazetteer.ok()) return gazetteer.status().WithPrefix(path + ": model uses the gazetteer");
    tagger->gazetteer_ = *gazetteer;
  }
  return tagger;
}

StatusOr<std::unique_ptr<NerTagger>> NerTagger::LoadDefault() { return Load(ModelPath("ner.bin")); }

std::vector<EntitySpan> NerTagger::TagWords(const std::vector<std::string_view>& words,
                                            const uint8_t* hints) const {
  std::vector<EntitySpan> spans;
  if (words.empty()) return spans;
  thread_local std::vector<uint16_t> classes;
  thread_local std::vector<uint8_t> own_hints;
  if (!model_->uses_hints()) {
    hints = nullptr;  // hint features would only hash into other features' rows
  } else if (hints == nullptr && gazetteer_ != nullptr) {
    own_hints.resize(words.size());
    GazetteerHints(*gazetteer_, words, own_hints.data());
    hints = own_hints.data();
  }
  model_->Tag(words, hints, &classes);
  const auto& names = model_->classes();
  // Spans from B/I/L/U classes; the decoder's constraints make them well
  // formed, but a span left open at the sentence end is closed there.
  bool open = false;
  for (uint32_t i = 0; i < classes.size(); ++i) {
    const int8_t type = type_of_class_[classes[i]];
    const char p = type < 0 ? 'O' : names[classes[i]][0];
    const bool continues =
        open && (p == 'I' || p == 'L') && static_cast<int8_t>(spans.back().type) == type;
    if (continues) {
      spans.back().token_end = i + 1;
    } else if (type >= 0) {
      spans.push_back({i, i + 1, 0, 0, static_cast<EntityType>(type)});
    }
    open = type >= 0 && (p == 'B' || p == 'I');
  }
  return spans;
}

std::vector<EntitySpan> NerTagger::Tag(const Document& doc, uint32_t sentence_index,
                                       const std::vector<uint8_t>* gazetteer_hint) const {
  if (sentence_index >= doc.sentences.size()) return {};
  // Tokens are sorted by sentence: find this sentence's run.
  auto first = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), sentence_index,
                                [](const Token& t, uint32_t s) { return t.sentence < s; });
  auto last = first;
  while (last != doc.tokens.end() && last->sentence == sentence_index) ++last;
  const uint32_t base = static_cast<uint32_t>(first - doc.tokens.begin());
  thread_local std::vector<std::string_view> words;
  words.clear();
  for (auto it = first; it != last; ++it) {
    if (it->end < it->start || it->end > doc.text.size()) return {};
    words.push_back(std::string_view(doc.text).substr(it->start, it->end - it->start));
  }
  const uint8_t* hints = nullptr;
  if (gazetteer_hint != nullptr && gazetteer_hint->size() == doc.tokens.size()) {
    hints = gazetteer_hint->data() + base;
  }
  std::vector<EntitySpan> spans = TagWords(words, hints);
  for (EntitySpan& s : spans) {
    s.token_begin += base;
    s.token_end += base;
    s.start = doc.tokens[s.token_begin].start;
    s.end = doc.tokens[s.token_end - 1].end;
  }
  return spans;
}

std::vector<EntitySpan> NerTagger::TagDocument(const Document& doc,
                                               const std::vector<uint8_t>* gazetteer_hint) const {
  std::vector<EntitySpan> all;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    std::vector<EntitySpan> spans = Tag(doc, s, gazetteer_hint);
    all.insert(all.end(), spans.begin(), spans.end());
  }
  return all;
}

}  // namespace sitrep
