#include "ner/train.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <set>
#include <unordered_map>

#include "ner/features.h"

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

StatusOr<ModelData> TrainPos(const Corpus& corpus, PerceptronTrainOptions options, std::FILE* log,
                             const TagDictionaryOptions& dictionary) {
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
  auto model = TrainPerceptron(data, classes, options, log);
  if (!model.ok() || dictionary.min_count <= 0) return model;
  // Tag counts per word as written; std::map keeps the entries sorted.
  std::map<std::string, std::map<uint16_t, size_t>> counts;
  for (const TrainSentence& t : data) {
    for (size_t k = 0; k < t.words.size(); ++k) {
      const std::string& w = t.words[k];
      if (!w.empty() && w.size() <= kMaxDictionaryWordBytes) ++counts[w][t.gold[k]];
    }
  }
  for (const auto& [word, tags] : counts) {
    size_t total = 0, top = 0;
    uint16_t cls = 0;
    for (const auto& [tag, count] : tags) {
      total += count;
      if (count > top) {
        top = count;
        cls = tag;
      }
    }
    if (total >= static_cast<size_t>(dictionary.min_count) &&
        static_cast<double>(top) >= dictionary.min_share * static_cast<double>(total)) {
      model->dictionary.push_back({word, cls});
    }
  }
  if (log != nullptr) std::fprintf(log, "tag dictionary: %zu words\n", model->dictionary.size());
  return model;
}

namespace {

// A word's context vector: (dimension, weight) pairs, L2-normalized.
using SparseVector = std::vector<std::pair<uint32_t, float>>;

// Spherical k-means of `vectors` (indices `members`) into at most k groups;
// returns the group of each member. Seeds are k members drawn by `rng`.
std::vector<int> KMeans(const std::vector<SparseVector>& vectors,
                        const std::vector<size_t>& members, size_t dims, int k, int iterations,
                        std::mt19937_64* rng) {
  const size_t m = members.size();
  std::vector<int> group(m, 0);
  if (m <= static_cast<size_t>(k)) {
    for (size_t i = 0; i < m; ++i) group[i] = static_cast<int>(i);
    return group;
  }
  std::vector<size_t> order(m);
  for (size_t i = 0; i < m; ++i) order[i] = i;
  for (size_t i = m; i > 1; --i) std::swap(order[i - 1], order[(*rng)() % i]);
  std::vector<float> centroids(static_cast<size_t>(k) * dims, 0.0f);
  for (int c = 0; c < k; ++c) {
    for (const auto& [d, x] : vectors[members[order[c]]]) centroids[c * dims + d] = x;
  }
  std::vector<double> score(k);
  for (int it = 0; it < iterations; ++it) {
    for (size_t i = 0; i < m; ++i) {
      std::fill(score.begin(), score.end(), 0.0);
      for (const auto& [d, x] : vectors[members[i]]) {
        for (int c = 0; c < k; ++c) score[c] += x * centroids[c * dims + d];
      }
      group[i] = static_cast<int>(std::max_element(score.begin(), score.end()) - score.begin());
    }
    std::fill(centroids.begin(), centroids.end(), 0.0f);
    for (size_t i = 0; i < m; ++i) {
      for (const auto& [d, x] : vectors[members[i]]) centroids[group[i] * dims + d] += x;
    }
    for (int c = 0; c < k; ++c) {
      double norm = 0;
      for (size_t d = 0; d < dims; ++d) norm += centroids[c * dims + d] * centroids[c * dims + d];
      if (norm == 0) continue;
      const float inv = static_cast<float>(1.0 / std::sqrt(norm));
      for (size_t d = 0; d < dims; ++d) centroids[c * dims + d] *= inv;
    }
  }
  return group;
}

}  // namespace

std::vector<WordCluster> BuildClusters(
    const std::vector<const std::vector<std::string>*>& sentences, const ClusterOptions& options) {
  // Word ids by lowercased-word hash, with counts.
  std::unordered_map<uint64_t, uint32_t> id_of;
  std::vector<uint64_t> hash_of;
  std::vector<size_t> count;
  std::vector<std::vector<uint32_t>> ids(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    for (const std::string& w : *sentences[s]) {
      const uint64_t h = LowerWordHash(w);
      auto [it, added] = id_of.emplace(h, static_cast<uint32_t>(hash_of.size()));
      if (added) {
        hash_of.push_back(h);
        count.push_back(0);
      }
      ++count[it->second];
      ids[s].push_back(it->second);
    }
  }
  const size_t v = hash_of.size();
  // Context dimensions: the most frequent words (ties by hash), left and
  // right, plus one "other word" and one "sentence edge" dimension per side.
  std::vector<uint32_t> by_count(v);
  for (uint32_t i = 0; i < v; ++i) by_count[i] = i;
  std::sort(by_count.begin(), by_count.end(), [&](uint32_t a, uint32_t b) {
    return count[a] != count[b] ? count[a] > count[b] : hash_of[a] < hash_of[b];
  });
  const size_t top = std::min<size_t>(v, static_cast<size_t>(options.context_words));
  std::vector<uint32_t> context_dim(v, static_cast<uint32_t>(top));
  for (size_t r = 0; r < top; ++r) context_dim[by_count[r]] = static_cast<uint32_t>(r);
  const size_t side = top + 2;  // + other, + edge
  const size_t dims = 2 * side;
  std::vector<std::unordered_map<uint32_t, float>> counts(v);
  for (const auto& sentence : ids) {
    for (size_t i = 0; i < sentence.size(); ++i) {
      const uint32_t w = sentence[i];
      if (count[w] < static_cast<size_t>(options.min_count)) continue;
      const uint32_t left = i == 0 ? static_cast<uint32_t>(top + 1) : context_dim[sentence[i - 1]];
      const uint32_t right =
          i + 1 == sentence.size() ? static_cast<uint32_t>(top + 1) : context_dim[sentence[i + 1]];
      counts[w][left] += 1;
      counts[w][static_cast<uint32_t>(side) + right] += 1;
    }
  }
  std::vector<SparseVector> vectors(v);
  std::vector<size_t> members;
  for (uint32_t w : by_count) {
    if (count[w] < static_cast<size_t>(options.min_count)) continue;
    SparseVector& x = vectors[w];
    double norm = 0;
    for (const auto& [d, c] : counts[w]) {
      x.emplace_back(d, std::sqrt(c));
      norm += c;
    }
    std::sort(x.begin(), x.end());
    const float inv = static_cast<float>(1.0 / std::sqrt(norm));
    for (auto& e : x) e.second *= inv;
    members.push_back(w);
  }
  std::mt19937_64 rng(options.seed);
  const std::vector<int> coarse =
      KMeans(vectors, members, dims, options.coarse, options.iterations, &rng);
  std::vector<WordCluster> out;
  for (int c = 0; c < options.coarse; ++c) {
    std::vector<size_t> group;
    for (size_t i = 0; i < members.size(); ++i) {
      if (coarse[i] == c) group.push_back(members[i]);
    }
    const std::vector<int> fine =
        KMeans(vectors, group, dims, options.fine, options.iterations, &rng);
    for (size_t i = 0; i < group.size(); ++i) {
      out.push_back(
          {hash_of[group[i]], static_cast<uint8_t>(c + 1), static_cast<uint8_t>(fine[i] + 1)});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const WordCluster& a, const WordCluster& b) { return a.word < b.word; });
  return out;
}

Status WriteClusters(const std::string& path, const std::vector<WordCluster>& clusters,
                     const std::string& provenance) {
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (f == nullptr) return Status::IOError(path + ": cannot write");
  std::fprintf(f,
               "# Word clusters of the NER and POS features. Format: docs/clusters.md\n"
               "# (lowercased-word hash TAB coarse cluster TAB fine cluster).\n# %s\n",
               provenance.c_str());
  for (const WordCluster& c : clusters) {
    std::fprintf(f, "%016llx\t%u\t%u\n", static_cast<unsigned long long>(c.word), c.coarse, c.fine);
  }
  if (std::fclose(f) != 0) return Status::IOError(path + ": write failed");
  return Status::OK();
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
