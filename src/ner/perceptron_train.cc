#include "ner/perceptron_train.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <random>
#include <string_view>

#include "ner/features.h"
#include "ner/perceptron.h"

namespace sitrep {
namespace {

void CaseMap(std::string* w, bool upper) {
  for (char& ch : *w) {
    if (upper && ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 32);
    if (!upper && ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
  }
}

// Averaged weights -> quantized sparse entries, pruned to fit the budget.
StatusOr<ModelData> Finish(const std::vector<float>& w, const std::vector<double>& u, double count,
                           const std::vector<std::string>& classes,
                           const PerceptronTrainOptions& options, std::FILE* log) {
  const size_t c = classes.size();
  std::vector<float> avg(w.size());
  float max_abs = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    avg[i] = static_cast<float>(w[i] - u[i] / count);
    max_abs = std::max(max_abs, std::fabs(avg[i]));
  }
  if (max_abs == 0) return Status::InvalidArgument("training produced an all-zero model");
  ModelData m;
  m.kind = options.kind;
  m.flags = options.uses_hints ? kModelUsesGazetteerHints : 0;
  m.feature_set_version = kFeatureSetVersion;
  m.bucket_bits = options.bucket_bits;
  m.classes = classes;
  m.scale = max_abs / 32767.0f;
  std::vector<ModelEntry> all;
  for (size_t i = 0; i < avg.size(); ++i) {
    long q = std::lround(avg[i] / m.scale);
    if (q == 0) continue;
    all.push_back({static_cast<uint32_t>(i / c), static_cast<uint16_t>(i % c),
                   static_cast<int16_t>(std::clamp<long>(q, -32767, 32767))});
  }
  if (log != nullptr) {
    size_t nonzero = 0;
    for (float a : avg) nonzero += a != 0.0f;
    std::fprintf(log, "  max |w| %.3f, %zu non-zero averaged weights, %zu after 16-bit rounding\n",
                 max_abs, nonzero, all.size());
  }
  for (int threshold = 1;; threshold *= 2) {
    m.entries.clear();
    for (const auto& e : all) {
      if (std::abs(e.q) >= threshold) m.entries.push_back(e);
    }
    size_t bytes = SerializeModel(m).size();
    if (log != nullptr) {
      std::fprintf(log, "  prune |q| < %d: %zu weights, %zu bytes\n", threshold, m.entries.size(),
                   bytes);
    }
    if (bytes <= options.max_model_bytes) break;
    if (threshold > 32767) return Status::Internal("cannot fit model into the size budget");
  }
  return m;
}

}  // namespace

StatusOr<ModelData> TrainPerceptron(const std::vector<TrainSentence>& data,
                                    const std::vector<std::string>& classes,
                                    const PerceptronTrainOptions& options, std::FILE* log) {
  const size_t c = classes.size();
  if (c < 2 || c > 255) return Status::InvalidArgument("need 2..255 classes");
  if (options.bucket_bits < 10 || options.bucket_bits > 26) {
    return Status::InvalidArgument("bucket bits must be 10..26");
  }
  PerceptronTrainOptions opts = options;
  for (const auto& s : data) {
    if (!s.hints.empty()) opts.uses_hints = true;
  }
  for (const auto& s : data) {
    if (s.words.size() != s.gold.size()) return Status::InvalidArgument("words/gold mismatch");
    if (!s.hints.empty() && s.hints.size() != s.words.size()) {
      return Status::InvalidArgument("words/hints mismatch");
    }
    for (uint16_t g : s.gold) {
      if (g >= c) return Status::InvalidArgument("gold class out of range");
    }
  }
  const uint32_t shift = 64 - options.bucket_bits;
  const size_t rows = size_t{1} << options.bucket_bits;
  std::vector<float> w(rows * c, 0.0f);
  std::vector<double> u(rows * c, 0.0);
  const std::vector<uint8_t> allowed = TransitionMask(classes);
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  double count = 1;
  std::vector<uint64_t> features;
  std::vector<WordHashes> hashes;
  std::vector<std::string> words;
  std::vector<std::string_view> views;
  std::vector<float> scores(c);
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    auto t0 = std::chrono::steady_clock::now();
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    size_t tokens = 0, errors = 0;
    for (size_t idx : order) {
      const TrainSentence& s = data[idx];
      const size_t n = s.words.size();
      if (n == 0) continue;
      double r = static_cast<double>(rng() >> 11) / 9007199254740992.0;
      words = s.words;
      if (r < options.upper_fraction) {
        for (auto& x : words) CaseMap(&x, true);
      } else if (r < options.upper_fraction + options.lower_fraction) {
        for (auto& x : words) CaseMap(&x, false);
      }
      views.assign(words.begin(), words.end());
      ExtractStaticFeatures(views, s.hints.empty() ? nullptr : s.hints.data(), &features, &hashes);
      int prev1 = -1, prev2 = -1;
      for (size_t i = 0; i < n; ++i) {
        uint64_t f[kNumStaticFeatures + kNumDynamicFeatures];
        std::copy_n(features.data() + i * kNumStaticFeatures, kNumStaticFeatures, f);
        ExtractDynamicFeatures(hashes[i], prev1, prev2, f + kNumStaticFeatures);
        std::fill(scores.begin(), scores.end(), 0.0f);
        for (uint64_t feature : f) {
          if (feature == kNoFeature) continue;
          const float* row = w.data() + (feature >> shift) * c;
          for (size_t k = 0; k < c; ++k) scores[k] += row[k];
        }
        const uint8_t* ok = allowed.data() + static_cast<size_t>(prev1 + 1) * c;
        int best = -1;
        float best_score = -std::numeric_limits<float>::infinity();
        for (size_t k = 0; k < c; ++k) {
          if (ok[k] && scores[k] > best_score) {
            best_score = scores[k];
            best = static_cast<int>(k);
          }
        }
        if (best < 0) best = 0;
        const int gold = s.gold[i];
        if (best != gold) {
          ++errors;
          for (uint64_t feature : f) {
            if (feature == kNoFeature) continue;
            size_t base = (feature >> shift) * c;
            w[base + gold] += 1.0f;
            u[base + gold] += count;
            w[base + best] -= 1.0f;
            u[base + best] -= count;
          }
        }
        count += 1;
        ++tokens;
        prev2 = prev1;
        prev1 = best;  // history is the model's own prediction, as at run time
      }
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (log != nullptr) {
      std::fprintf(log, "epoch %d: %zu tokens, train error %.2f%%, %.1fs\n", epoch + 1, tokens,
                   tokens ? 100.0 * static_cast<double>(errors) / static_cast<double>(tokens) : 0.0,
                   secs);
    }
  }
  return Finish(w, u, count, classes, opts, log);
}

}  // namespace sitrep
