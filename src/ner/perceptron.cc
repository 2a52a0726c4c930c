#include "ner/perceptron.h"

#include <algorithm>
#include <limits>

#include "ner/features.h"

namespace sitrep {
namespace {

// "B-PER" -> ('B', "PER"); "O" -> ('O', ""); "NNP" -> (0, "").
char SchemePrefix(std::string_view c, std::string_view* type) {
  *type = {};
  if (c == "O") return 'O';
  if (c.size() > 2 && c[1] == '-' && (c[0] == 'B' || c[0] == 'I' || c[0] == 'L' || c[0] == 'U')) {
    *type = c.substr(2);
    return c[0];
  }
  return 0;
}

}  // namespace

std::vector<uint8_t> TransitionMask(const std::vector<std::string>& classes) {
  const size_t c = classes.size();
  std::vector<uint8_t> allowed((c + 1) * c, 1);
  std::vector<char> prefix(c);
  std::vector<std::string_view> type(c);
  bool scheme = true;
  for (size_t i = 0; i < c; ++i) {
    prefix[i] = SchemePrefix(classes[i], &type[i]);
    if (prefix[i] == 0) scheme = false;
  }
  if (!scheme) return allowed;
  for (size_t p = 0; p <= c; ++p) {
    // p == 0: sentence start, acts like "O".
    char pp = p == 0 ? 'O' : prefix[p - 1];
    std::string_view pt = p == 0 ? std::string_view() : type[p - 1];
    bool open = pp == 'B' || pp == 'I';  // a span is open and may continue
    for (size_t k = 0; k < c; ++k) {
      // I-X and L-X only continue an open span of type X. O, B and U may
      // follow anything: after an open span they close it implicitly, so a
      // greedy decoder that opened a span by mistake is not forced to run
      // on until an L-X wins ("Victory Day celebrations from May").
      bool ok = true;
      if (prefix[k] == 'I' || prefix[k] == 'L') ok = open && type[k] == pt;
      allowed[p * c + k] = ok ? 1 : 0;
    }
  }
  return allowed;
}

StatusOr<std::unique_ptr<PerceptronTagger>> PerceptronTagger::FromModel(
    const ModelData& model, std::string_view expected_kind) {
  if (model.kind != expected_kind) {
    return Status::InvalidArgument("model kind is '" + model.kind + "', expected '" +
                                   std::string(expected_kind) + "'");
  }
  if (model.feature_set_version != kFeatureSetVersion) {
    return Status::InvalidArgument(
        "model feature set " + std::to_string(model.feature_set_version) +
        " does not match this build's " + std::to_string(kFeatureSetVersion) + "; retrain it");
  }
  if (model.classes.empty() || model.classes.size() > 255) {
    return Status::InvalidArgument("a model needs 1..255 classes");
  }
  if (model.bucket_bits < 10 || model.bucket_bits > 26) {
    return Status::InvalidArgument("bucket bits out of range");
  }
  std::unique_ptr<PerceptronTagger> t(new PerceptronTagger());
  t->classes_ = model.classes;
  t->shift_ = 64 - model.bucket_bits;
  const size_t c = model.classes.size();
  t->row_of_.assign(size_t{1} << model.bucket_bits, 0);
  size_t rows = 1;
  for (size_t i = 0; i < model.entries.size(); ++i) {
    if (i == 0 || model.entries[i].bucket != model.entries[i - 1].bucket) ++rows;
  }
  t->stride_ = (c + 7) / 8 * 8;  // padded so the row sums vectorize
  t->rows_.assign(rows * t->stride_, 0);
  uint32_t row = 0;
  for (size_t i = 0; i < model.entries.size(); ++i) {
    const ModelEntry& e = model.entries[i];
    if (i == 0 || e.bucket != model.entries[i - 1].bucket) {
      ++row;
      t->row_of_[e.bucket] = row;
    }
    if (e.cls >= c) return Status::Corruption("weight of an unknown class");
    t->rows_[row * t->stride_ + e.cls] = e.q;
  }
  t->allowed_ = TransitionMask(t->classes_);
  return t;
}

StatusOr<std::unique_ptr<PerceptronTagger>> PerceptronTagger::Load(const std::string& path,
                                                                   std::string_view expected_kind) {
  auto model = ReadModelFile(path);
  if (!model.ok()) return model.status();
  auto t = FromModel(*model, expected_kind);
  if (!t.ok()) return t.status().WithPrefix(path);
  return t;
}

void PerceptronTagger::Tag(const std::vector<std::string_view>& words, const uint8_t* hints,
                           std::vector<uint16_t>* out) const {
  const size_t n = words.size();
  out->resize(n);
  if (n == 0) return;
  thread_local std::vector<uint64_t> features;
  thread_local std::vector<WordHashes> hashes;
  thread_local std::vector<int32_t> static_scores;
  ExtractStaticFeatures(words, hints, &features, &hashes);
  const int c = num_classes();
  const size_t stride = stride_;
  const int16_t* rows = rows_.data();
  // The static features do not depend on the decoded history, so their sums
  // are computed for the whole sentence first, in three passes that keep
  // many cache misses in flight: prefetch the row index of every feature,
  // then read the indexes and prefetch the rows, then add the rows up.
  const size_t nf = n * kNumStaticFeatures;
  thread_local std::vector<uint32_t> row_index;
  row_index.resize(nf);
  const uint64_t* f = features.data();
  for (size_t j = 0; j < nf; ++j) __builtin_prefetch(&row_of_[f[j] >> shift_]);
  for (size_t j = 0; j < nf; ++j) {
    // kNoFeature hashes to bucket 0; its row is ignored below.
    const uint32_t r = f[j] == kNoFeature ? 0 : row_of_[f[j] >> shift_];
    row_index[j] = r;
    const int16_t* w = rows + static_cast<size_t>(r) * stride;
    __builtin_prefetch(w);
    __builtin_prefetch(w + stride - 1);
  }
  static_scores.assign(n * stride, 0);
  for (size_t i = 0; i < n; ++i) {
    int32_t* sc = static_scores.data() + i * stride;
    const uint32_t* ri = row_index.data() + i * kNumStaticFeatures;
    for (int j = 0; j < kNumStaticFeatures; ++j) {
      if (ri[j] == 0) continue;
      const int16_t* w = rows + static_cast<size_t>(ri[j]) * stride;
      for (size_t k = 0; k < stride; ++k) sc[k] += w[k];
    }
  }
  int prev1 = -1, prev2 = -1;
  for (size_t i = 0; i < n; ++i) {
    int32_t* sc = static_scores.data() + i * stride;
    uint64_t dyn[kNumDynamicFeatures];
    ExtractDynamicFeatures(hashes[i], prev1, prev2, dyn);
    for (int j = 0; j < kNumDynamicFeatures; ++j) {
      const uint32_t r = row_of_[dyn[j] >> shift_];
      if (r == 0) continue;
      const int16_t* w = rows + static_cast<size_t>(r) * stride;
      for (size_t k = 0; k < stride; ++k) sc[k] += w[k];
    }
    const uint8_t* ok = allowed_.data() + static_cast<size_t>(prev1 + 1) * c;
    int best = -1;
    int32_t best_score = std::numeric_limits<int32_t>::min();
    for (int k = 0; k < c; ++k) {
      if (ok[k] && sc[k] > best_score) {
        best_score = sc[k];
        best = k;
      }
    }
    if (best < 0) best = 0;
    (*out)[i] = static_cast<uint16_t>(best);
    prev2 = prev1;
    prev1 = best;
  }
}

}  // namespace sitrep
