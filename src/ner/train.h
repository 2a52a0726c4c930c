// Training and scoring of the NER and POS taggers on a CoNLL corpus, shared
// by `sitrep train ner|pos` and `sitrep eval ner|pos` so both see the same
// preparation: duplicate sentences removed, then a seeded 90/10 split.
#ifndef SITREP_NER_TRAIN_H_
#define SITREP_NER_TRAIN_H_

#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "ner/conll.h"
#include "ner/model_io.h"
#include "ner/perceptron_train.h"
#include "sitrep/status.h"

namespace sitrep {

inline constexpr uint64_t kDefaultSplitSeed = 13;
inline constexpr double kHeldoutFraction = 0.1;

struct Corpus {
  std::vector<ConllSentence> sentences;      // deduplicated
  std::vector<std::vector<WordSpan>> spans;  // sitrep-typed, titles stripped
  std::vector<size_t> train, heldout;        // indices into sentences
  size_t read = 0;                           // sentences before deduplication
};

// Reads `path`, removes duplicate sentences, maps entity types with `map`,
// strips person titles when `titles` is not null, and splits by `seed`.
StatusOr<Corpus> PrepareCorpus(const std::string& path, const EntityTypeMap& map,
                               const TitleLexicon* titles, uint64_t seed);

// Fills one gazetteer hint per word of a sentence (GazetteerHint values).
using HintFunction =
    std::function<void(const std::vector<std::string>& words, std::vector<uint8_t>* hints)>;

// NER model from corpus.train; BILOU classes when `bilou`, else IOB2. With a
// `hinter`, the model learns weights for the gazetteer-hint features; the
// same hints must then be passed to NerTagger::Tag at run time.
StatusOr<ModelData> TrainNer(const Corpus& corpus, bool bilou, PerceptronTrainOptions options,
                             std::FILE* log, const HintFunction& hinter = nullptr);
// The tag dictionary of a POS model (docs/tagger.md, "Tokens not scored"):
// words of at most kMaxDictionaryWordBytes bytes, as written, seen at least
// `min_count` times in corpus.train with one tag at least `min_share` of
// the time. min_count 0: no dictionary.
struct TagDictionaryOptions {
  int min_count = 20;
  double min_share = 0.996;
};

// POS model from the second column of corpus.train, with its tag dictionary.
StatusOr<ModelData> TrainPos(const Corpus& corpus, PerceptronTrainOptions options, std::FILE* log,
                             const TagDictionaryOptions& dictionary = {});

// Distributional word clusters (docs/clusters.md): each lowercased word seen
// at least `min_count` times is described by counts of its left and right
// neighbours among the `context_words` most frequent words, and spherical
// k-means groups these vectors into `coarse` clusters, then each cluster into
// at most `fine` sub-clusters. Deterministic for given input and options.
struct ClusterOptions {
  int coarse = 32;
  int fine = 16;
  int min_count = 3;
  int context_words = 1000;
  int iterations = 12;
  uint64_t seed = 7;
};
struct WordCluster {
  uint64_t word = 0;             // LowerWordHash
  uint8_t coarse = 0, fine = 0;  // 1-based
};
// Clusters of the words of `sentences`, sorted by word hash.
std::vector<WordCluster> BuildClusters(
    const std::vector<const std::vector<std::string>*>& sentences, const ClusterOptions& options);
// Writes the clusters in the format of data/ner/clusters.tsv.
Status WriteClusters(const std::string& path, const std::vector<WordCluster>& clusters,
                     const std::string& provenance);

// Exact-span counts per type.
struct SpanCounts {
  size_t tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp ? static_cast<double>(tp) / (tp + fp) : 0; }
  double Recall() const { return tp + fn ? static_cast<double>(tp) / (tp + fn) : 0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  void Add(const SpanCounts& o) {
    tp += o.tp;
    fp += o.fp;
    fn += o.fn;
  }
};

// Adds the comparison of one sentence's spans to *counts (keyed by type).
void ScoreSpans(const std::vector<WordSpan>& gold, const std::vector<WordSpan>& predicted,
                std::map<std::string, SpanCounts>* counts);

}  // namespace sitrep

#endif  // SITREP_NER_TRAIN_H_
