#include "ner/train.h"

#include <algorithm>
#include <set>

namespace sitrep {

StatusOr<Corpus> PrepareCorpus(const std::string& path, const EntityTypeMap& map,
                               const TitleLexicon* titles, uint64_t seed) {
  auto sentences = ReadConll(path);
  if (!sentences.ok()) return sentences.status();
  Corpus c;
  c.read = sentences->size();
  c.sentences = DedupeSentences(std::move(*sentences));
  c.spans = MappedSpans(c.sentences, map, titles);
  SplitIndices(c.sentences.size(), seed, kHeldoutFraction, &c.train, &c.heldout);
  return c;
}

StatusOr<ModelData> TrainNer(const Corpus& corpus, bool bilou, PerceptronTrainOptions options,
                             std::FILE* log, const HintFunction& hinter) {
  const std::vector<std::string> classes = NerClasses(bilou);
  std::map<std::string, uint16_t> index;
  for (size_t i = 0; i < classes.size(); ++i) index[classes[i]] = static_cast<uint16_t>(i);
  std::vector<TrainSentence> data;
  data.reserve(corpus.train.size());
  for (size_t i : corpus.train) {
    const ConllSentence& s = corpus.sentences[i];
    TrainSentence t;
    t.words = s.words;
    for (const std::string& tag : TagsFromSpans(s.words.size(), corpus.spans[i], bilou)) {
      auto it = index.find(tag);
      if (it == index.end()) return Status::InvalidArgument("unexpected entity class " + tag);
      t.gold.push_back(it->second);
    }
    if (hinter) hinter(t.words, &t.hints);
    data.push_back(std::move(t));
  }
  options.kind = "ner";
  return TrainPerceptron(data, classes, options, log);
}

StatusOr<ModelData> TrainPos(const Corpus& corpus, PerceptronTrainOptions options, std::FILE* log) {
  std::set<std::string> tagset;
  for (size_t i : corpus.train) {
    const ConllSentence& s = corpus.sentences[i];
    if (s.pos.size() != s.words.size()) {
      return Status::InvalidArgument("sentence without a part-of-speech column");
    }
    tagset.insert(s.pos.begin(), s.pos.end());
  }
  std::vector<std::string> classes(tagset.begin(), tagset.end());
  if (classes.size() > 255) return Status::InvalidArgument("more than 255 POS tags");
  std::map<std::string, uint16_t> index;
  for (size_t i = 0; i < classes.size(); ++i) index[classes[i]] = static_cast<uint16_t>(i);
  std::vector<TrainSentence> data;
  data.reserve(corpus.train.size());
  for (size_t i : corpus.train) {
    const ConllSentence& s = corpus.sentences[i];
    TrainSentence t;
    t.words = s.words;
    for (const std::string& tag : s.pos) t.gold.push_back(index[tag]);
    data.push_back(std::move(t));
  }
  options.kind = "pos";
  return TrainPerceptron(data, classes, options, log);
}

void ScoreSpans(const std::vector<WordSpan>& gold, const std::vector<WordSpan>& predicted,
                std::map<std::string, SpanCounts>* counts) {
  for (const WordSpan& g : gold) {
    bool found = std::find(predicted.begin(), predicted.end(), g) != predicted.end();
    if (found) {
      ++(*counts)[g.type].tp;
    } else {
      ++(*counts)[g.type].fn;
    }
  }
  for (const WordSpan& p : predicted) {
    if (std::find(gold.begin(), gold.end(), p) == gold.end()) ++(*counts)[p.type].fp;
  }
}

}  // namespace sitrep
