#include "ner/perceptron.h"

#include <sys/mman.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <new>

#include "ner/features.h"

namespace sitrep {
namespace {

constexpr size_t kHugePage = size_t{2} << 20;

void* AllocateLarge(size_t bytes) {
  if (bytes < kHugePage) return ::operator new(bytes);
  const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  void* p = std::aligned_alloc(kHugePage, rounded);
  if (p == nullptr) throw std::bad_alloc();
  madvise(p, rounded, MADV_HUGEPAGE);  // a hint: refusing it only costs speed
  return p;
}

void FreeLarge(void* p, size_t bytes) {
  if (bytes < kHugePage) {
    ::operator delete(p);
  } else {
    std::free(p);
  }
}

}  // namespace

template <typename T>
T* HugePageAllocator<T>::allocate(size_t n) {
  return static_cast<T*>(AllocateLarge(n * sizeof(T)));
}
template <typename T>
void HugePageAllocator<T>::deallocate(T* p, size_t n) {
  FreeLarge(p, n * sizeof(T));
}
template struct HugePageAllocator<uint32_t>;
template struct HugePageAllocator<int16_t>;
template struct HugePageAllocator<int32_t>;

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

namespace {

std::atomic<uint64_t> next_tagger_id{1};

// Words per thread and tagger; a power of two. News vocabulary is Zipfian:
// a few thousand word types make most tokens.
constexpr size_t kCacheWords = 8192;
// Longer words are rare and are scored feature by feature.
constexpr size_t kMaxCachedBytes = 24;
static_assert(kMaxCachedBytes == kMaxDictionaryWordBytes);
// Per cached word: its own features, and the features of the tokens at -2,
// -1, +1, +2 from it that read it (index = 2 + offset; the word's own at 2).
constexpr int kVectors = 5;
constexpr int kOffsets[4] = {-2, -1, 1, 2};
inline int VectorOf(int offset) { return 2 + offset; }

// The word's bytes zero-padded to kMaxCachedBytes: compared as three words.
struct WordText {
  uint64_t w[kMaxCachedBytes / 8] = {0, 0, 0};
  bool operator==(const WordText& o) const {
    return ((w[0] ^ o.w[0]) | (w[1] ^ o.w[1]) | (w[2] ^ o.w[2])) == 0;
  }
};

uint64_t WordKey(const WordText& t, size_t len) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ len;
  for (uint64_t w : t.w) {
    h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
    h ^= h >> 31;
  }
  return h;
}

// The index of the first largest of v[0..n), n >= 1.
inline int FirstMax(const int32_t* v, int n) {
  int32_t top = v[0];
  for (int k = 1; k < n; ++k) top = v[k] > top ? v[k] : top;
  int k = 0;
  while (v[k] != top) ++k;
  return k;
}

template <typename T>
inline void AddVector(const T* v, size_t stride, int32_t* scores) {
  for (size_t k = 0; k < stride; ++k) scores[k] += v[k];
}

}  // namespace

struct PerceptronTagger::WordCache {
  struct Word {
    WordText text;
    uint64_t sentence = 0;  // last sentence that used it (see Tag)
    WordSummary summary;
    uint8_t len = 0xff;  // 0xff: empty
    int16_t known = -1;  // dictionary class, or -1
  };
  uint64_t owner = 0;
  uint64_t sentence = 0;
  std::vector<Word> words;
  HugeVector<int32_t> vectors;  // slot * kVectors * stride
};

StatusOr<std::unique_ptr<PerceptronTagger>> PerceptronTagger::FromModel(
    const ModelData& model, std::string_view expected_kind, TagRules rules) {
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
  t->flags_ = model.flags;
  t->shift_ = 64 - model.bucket_bits;
  t->id_ = next_tagger_id.fetch_add(1);
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
    if (e.bucket >= t->row_of_.size()) return Status::Corruption("bucket out of range");
    if (i == 0 || e.bucket != model.entries[i - 1].bucket) {
      ++row;
      t->row_of_[e.bucket] = row;
    }
    if (e.cls >= c) return Status::Corruption("weight of an unknown class");
    t->rows_[row * t->stride_ + e.cls] = e.q;
  }
  t->allowed_ = TransitionMask(t->classes_);
  t->open_after_.assign(c + 1, 0);
  for (size_t p = 0; p <= c; ++p) {
    for (size_t k = 0; k < c; ++k) {
      // A class the sentence start forbids (I-X, L-X) is allowed only after
      // a class that opened a span.
      if (t->allowed_[p * c + k] && !t->allowed_[k]) t->open_after_[p] = 1;
    }
  }
  if (rules.plain_outside_is_o) {
    auto o = std::find(t->classes_.begin(), t->classes_.end(), "O");
    if (o == t->classes_.end()) return Status::InvalidArgument("the skip rule needs a class O");
    t->o_class_ = static_cast<int>(o - t->classes_.begin());
  }
  if (rules.use_dictionary && !model.dictionary.empty()) {
    size_t size = 16;
    while (size < 2 * model.dictionary.size()) size *= 2;
    t->dictionary_.assign(size, DictionarySlot());
    for (const DictionaryEntry& e : model.dictionary) {
      if (e.word.empty() || e.word.size() > kMaxDictionaryWordBytes || e.cls >= c) {
        return Status::InvalidArgument("bad tag dictionary entry");
      }
      WordText text;
      std::memcpy(text.w, e.word.data(), e.word.size());
      size_t k = WordKey(text, e.word.size()) & (size - 1);
      while (t->dictionary_[k].len != 0) k = (k + 1) & (size - 1);
      DictionarySlot& slot = t->dictionary_[k];
      std::memcpy(slot.w, text.w, sizeof(slot.w));
      slot.len = static_cast<uint8_t>(e.word.size());
      slot.cls = static_cast<uint8_t>(e.cls);
    }
  }
  t->allowed_mask_.assign((c + 1) * t->stride_, 0);
  for (size_t p = 0; p <= c; ++p) {
    for (size_t k = 0; k < c; ++k)
      t->allowed_mask_[p * t->stride_ + k] = t->allowed_[p * c + k] ? -1 : 0;
  }
  // Slots 100 and 101 read only the two previous classes: one table.
  t->history_.assign((c + 1) * (c + 1) * t->stride_, 0);
  for (int p1 = -1; p1 < static_cast<int>(c); ++p1) {
    for (int p2 = -1; p2 < static_cast<int>(c); ++p2) {
      uint64_t dyn[kNumDynamicFeatures];
      ExtractDynamicFeatures(WordHashes(), p1, p2, dyn);
      int32_t* h = t->history_.data() + ((p1 + 1) * (c + 1) + (p2 + 1)) * t->stride_;
      t->AddRow(t->RowOf(dyn[0]), h);
      t->AddRow(t->RowOf(dyn[1]), h);
    }
  }
  return t;
}

StatusOr<std::unique_ptr<PerceptronTagger>> PerceptronTagger::Load(const std::string& path,
                                                                   std::string_view expected_kind,
                                                                   TagRules rules) {
  auto model = ReadModelFile(path);
  if (!model.ok()) return model.status();
  auto t = FromModel(*model, expected_kind, rules);
  if (!t.ok()) return t.status().WithPrefix(path);
  return t;
}

int PerceptronTagger::DictionaryClass(std::string_view word) const {
  if (dictionary_.empty() || word.empty() || word.size() > kMaxDictionaryWordBytes) return -1;
  WordText text;
  std::memcpy(text.w, word.data(), word.size());
  const size_t mask = dictionary_.size() - 1;
  for (size_t k = WordKey(text, word.size()) & mask;; k = (k + 1) & mask) {
    const DictionarySlot& slot = dictionary_[k];
    if (slot.len == 0) return -1;
    if (slot.len == word.size() && slot.w[0] == text.w[0] && slot.w[1] == text.w[1] &&
        slot.w[2] == text.w[2]) {
      return slot.cls;
    }
  }
}

void PerceptronTagger::AddRow(uint32_t r, int32_t* scores) const {
  if (r == 0) return;
  AddVector(rows_.data() + static_cast<size_t>(r) * stride_, stride_, scores);
}

PerceptronTagger::WordCache& PerceptronTagger::ThreadCache() const {
  // A few taggers per thread (POS and NER in a pipeline); recycled in turn
  // when more are used, so a thread's memory stays bounded.
  constexpr size_t kCaches = 4;
  thread_local std::unique_ptr<WordCache> caches[kCaches];
  thread_local size_t next = 0;
  for (auto& cache : caches) {
    if (cache && cache->owner == id_) return *cache;
  }
  std::unique_ptr<WordCache>& cache = caches[next++ % kCaches];
  if (!cache) cache = std::make_unique<WordCache>();
  cache->owner = id_;
  cache->sentence = 0;
  cache->words.assign(kCacheWords, WordCache::Word());
  cache->vectors.assign(kCacheWords * kVectors * stride_, 0);
  return *cache;
}

void PerceptronTagger::FillVectors(const WordSummary& summary,
                                   const uint64_t local[kNumLocalFeatures], int32_t* sums) const {
  std::fill(sums, sums + kVectors * stride_, 0);
  for (int k = 0; k < kNumLocalFeatures; ++k) {
    AddRow(RowOf(local[k]), sums + VectorOf(0) * stride_);
  }
  for (int offset : kOffsets) {
    uint64_t nb[kNumNeighborFeatures];
    NeighborFeatures(summary, offset, nb);
    for (uint64_t f : nb) AddRow(RowOf(f), sums + VectorOf(offset) * stride_);
  }
}

void PerceptronTagger::Tag(const std::vector<std::string_view>& words, const uint8_t* hints,
                           std::vector<uint16_t>* out) const {
  const size_t n = words.size();
  out->resize(n);
  if (n == 0) return;
  const int c = num_classes();
  const size_t stride = stride_;
  WordCache& cache = ThreadCache();
  // A slot used by one word of this sentence is not taken over by another
  // word of it: the first word's vectors are still needed.
  const uint64_t sentence = ++cache.sentence;

  thread_local std::vector<WordSummary> summary;
  thread_local std::vector<const int32_t*> vec;  // null: scored feature by feature
  thread_local std::vector<uint64_t> local;      // kNumLocalFeatures per uncached word
  thread_local std::vector<int32_t> fill;        // cache slot to fill afterwards, or -1
  thread_local std::vector<WordText> text_of;
  thread_local std::vector<uint32_t> slot_of;  // kNoSlot: too long to cache
  constexpr uint32_t kNoSlot = 0xffffffffu;
  // The class of a token known before scoring (TagRules), or one of these.
  thread_local std::vector<int16_t> fixed;
  constexpr int16_t kScore = -1;                 // scored
  constexpr int16_t kPlainToken = -2;            // "O" unless a span is open before it
  thread_local std::vector<int16_t> dictionary;  // the word's dictionary class, or -1
  fixed.resize(n);
  dictionary.resize(n);
  summary.resize(n);
  vec.resize(n);
  local.resize(n * kNumLocalFeatures);
  fill.resize(n);
  text_of.resize(n);
  slot_of.resize(n);
  // The cache entries are random reads: all are requested before the first
  // is compared, so their misses overlap.
  for (size_t i = 0; i < n; ++i) {
    const std::string_view w = words[i];
    if (w.size() > kMaxCachedBytes) {
      slot_of[i] = kNoSlot;
      continue;
    }
    WordText& text = text_of[i];
    text = WordText();
    if (!w.empty()) std::memcpy(text.w, w.data(), w.size());  // data() may be null
    slot_of[i] = static_cast<uint32_t>(WordKey(text, w.size()) & (kCacheWords - 1));
    __builtin_prefetch(&cache.words[slot_of[i]]);
  }
  const size_t block = kVectors * stride;
  for (size_t i = 0; i < n; ++i) {
    const std::string_view w = words[i];
    uint64_t* loc = local.data() + i * kNumLocalFeatures;
    vec[i] = nullptr;
    fill[i] = -1;
    dictionary[i] = -1;
    if (slot_of[i] == kNoSlot) {
      AnalyzeWord(w, &summary[i], loc);
      continue;
    }
    const WordText& text = text_of[i];
    const size_t slot = slot_of[i];
    WordCache::Word& cw = cache.words[slot];
    if (cw.len == w.size() && cw.text == text) {
      cw.sentence = sentence;
      summary[i] = cw.summary;
      dictionary[i] = cw.known;
      const int32_t* v = cache.vectors.data() + slot * block;
      // Read only after the context features are computed: time to arrive.
      for (size_t b = 0; b < block; b += 16) __builtin_prefetch(v + b);
      __builtin_prefetch(v + block - 1);
      vec[i] = v;
      continue;
    }
    AnalyzeWord(w, &summary[i], loc);
    dictionary[i] = static_cast<int16_t>(DictionaryClass(w));
    if (cw.sentence == sentence) continue;
    // Taken now so no later word of the sentence claims it; filled once the
    // sentence is scored (its rows are then in the CPU cache).
    cw.sentence = sentence;
    cw.len = 0xff;
    fill[i] = static_cast<int32_t>(slot);
  }
  const uint32_t mode = SentenceMode(summary.data(), n);
  for (size_t i = 0; i < n; ++i) {
    fixed[i] = mode == kNormalSentence ? dictionary[i] : kScore;
    if (fixed[i] == kScore && PlainOutside(summary[i], mode, hints != nullptr ? hints[i] : 0))
      fixed[i] = kPlainToken;
  }

  // Rows not covered by cached sums: the context features of every token,
  // the local features of uncached words, and the neighbour features that
  // read an uncached word or the sentence boundary.
  thread_local std::vector<uint64_t> feats;
  thread_local std::vector<uint32_t> first;
  feats.clear();
  first.resize(n + 1);
  for (size_t i = 0; i < n; ++i) {
    first[i] = static_cast<uint32_t>(feats.size());
    if (fixed[i] != kScore) continue;  // a kPlainToken in a span: see decoding
    uint64_t ctx[kNumContextFeatures];
    ContextFeatures(summary.data(), n, i, mode, hints, ctx);
    for (uint64_t f : ctx) {
      if (f != kNoFeature) feats.push_back(f);
    }
    if (vec[i] == nullptr) {
      const uint64_t* loc = local.data() + i * kNumLocalFeatures;
      for (int k = 0; k < kNumLocalFeatures; ++k) {
        if (loc[k] != kNoFeature) feats.push_back(loc[k]);
      }
    }
    for (int offset : kOffsets) {
      const long j = static_cast<long>(i) + offset;
      uint64_t nb[kNumNeighborFeatures];
      if (j < 0 || j >= static_cast<long>(n)) {
        BoundaryFeatures(n, i, offset, nb);
      } else if (vec[j] == nullptr) {
        NeighborFeatures(summary[j], offset, nb);
      } else {
        continue;
      }
      for (uint64_t f : nb) {
        if (f != kNoFeature) feats.push_back(f);
      }
    }
  }
  first[n] = static_cast<uint32_t>(feats.size());

  // Two passes that keep many cache misses in flight (prefetch the row index
  // of every feature, then read them and prefetch the rows), then the sums.
  const size_t nf = feats.size();
  thread_local std::vector<uint32_t> rows;
  rows.resize(nf);
  const int16_t* table = rows_.data();
  for (size_t k = 0; k < nf; ++k) __builtin_prefetch(&row_of_[feats[k] >> shift_]);
  for (size_t k = 0; k < nf; ++k) {
    rows[k] = row_of_[feats[k] >> shift_];
    const int16_t* w = table + static_cast<size_t>(rows[k]) * stride;
    __builtin_prefetch(w);
    __builtin_prefetch(w + stride - 1);
  }
  thread_local std::vector<int32_t> scores;
  scores.assign(n * stride, 0);
  for (size_t i = 0; i < n; ++i) {
    if (fixed[i] != kScore) continue;
    int32_t* sc = scores.data() + i * stride;
    if (vec[i] != nullptr) AddVector(vec[i] + VectorOf(0) * stride, stride, sc);
    for (int offset : kOffsets) {
      const long j = static_cast<long>(i) + offset;
      if (j < 0 || j >= static_cast<long>(n) || vec[j] == nullptr) continue;
      AddVector(vec[j] + VectorOf(offset) * stride, stride, sc);
    }
    for (uint32_t k = first[i]; k < first[i + 1]; ++k) AddRow(rows[k], sc);
  }

  // The word x previous-class features depend on the decoded history. Guess
  // the previous class by the best static score (usually right) and fetch
  // those rows ahead; a wrong guess is looked up when it happens.
  thread_local std::vector<int> guess;
  thread_local std::vector<uint32_t> dyn_rows;
  guess.resize(n);
  dyn_rows.resize(2 * n);
  for (size_t i = 0; i < n; ++i) {
    if (fixed[i] != kScore) {
      guess[i] = fixed[i] >= 0 ? fixed[i] : o_class_;
      dyn_rows[2 * i] = dyn_rows[2 * i + 1] = 0;
      continue;
    }
    const int32_t* sc = scores.data() + i * stride;
    guess[i] = FirstMax(sc, c);
    uint64_t dyn[kNumDynamicFeatures];
    ExtractDynamicFeatures({summary[i].lower, summary[i].shape}, i == 0 ? -1 : guess[i - 1], -1,
                           dyn);
    dyn_rows[2 * i] = static_cast<uint32_t>(dyn[2] >> shift_);
    dyn_rows[2 * i + 1] = static_cast<uint32_t>(dyn[3] >> shift_);
    __builtin_prefetch(&row_of_[dyn_rows[2 * i]]);
    __builtin_prefetch(&row_of_[dyn_rows[2 * i + 1]]);
  }
  for (size_t k = 0; k < 2 * n; ++k) {
    if (fixed[k / 2] != kScore) continue;
    dyn_rows[k] = row_of_[dyn_rows[k]];
    __builtin_prefetch(table + static_cast<size_t>(dyn_rows[k]) * stride);
  }

  // The static scores of a kPlainToken found inside a span (rare: "Bank of
  // England"), feature by feature as above.
  auto score_alone = [&](size_t i, int32_t* sc) {
    uint64_t ctx[kNumContextFeatures];
    ContextFeatures(summary.data(), n, i, mode, hints, ctx);
    for (uint64_t f : ctx) AddRow(RowOf(f), sc);
    if (vec[i] != nullptr) {
      AddVector(vec[i] + VectorOf(0) * stride, stride, sc);
    } else {
      for (int k = 0; k < kNumLocalFeatures; ++k)
        AddRow(RowOf(local[i * kNumLocalFeatures + k]), sc);
    }
    for (int offset : kOffsets) {
      const long j = static_cast<long>(i) + offset;
      uint64_t nb[kNumNeighborFeatures];
      if (j < 0 || j >= static_cast<long>(n)) {
        BoundaryFeatures(n, i, offset, nb);
      } else if (vec[j] == nullptr) {
        NeighborFeatures(summary[j], offset, nb);
      } else {
        AddVector(vec[j] + VectorOf(offset) * stride, stride, sc);
        continue;
      }
      for (uint64_t f : nb) AddRow(RowOf(f), sc);
    }
  };

  int prev1 = -1, prev2 = -1;
  int32_t sc[256 / 8 * 8 + 8];
  for (size_t i = 0; i < n; ++i) {
    if (i + 1 < n) {
      // The next token's history row if this one gets its guessed class.
      const int32_t* next = history_.data() + ((guess[i] + 1) * (c + 1) + (prev1 + 1)) * stride;
      for (size_t b = 0; b < stride; b += 16) __builtin_prefetch(next + b);
    }
    const int16_t f = fixed[i];
    if (f >= 0 || (f == kPlainToken && !open_after_[prev1 + 1])) {
      const int best = f >= 0 ? f : o_class_;
      (*out)[i] = static_cast<uint16_t>(best);
      prev2 = prev1;
      prev1 = best;
      continue;
    }
    int32_t* st = scores.data() + i * stride;
    if (f == kPlainToken) score_alone(i, st);
    const int32_t* h = history_.data() + ((prev1 + 1) * (c + 1) + (prev2 + 1)) * stride;
    for (size_t k = 0; k < stride; ++k) sc[k] = st[k] + h[k];
    if (f == kScore && prev1 == (i == 0 ? -1 : guess[i - 1])) {
      AddRow(dyn_rows[2 * i], sc);
      AddRow(dyn_rows[2 * i + 1], sc);
    } else {
      uint64_t dyn[kNumDynamicFeatures];
      ExtractDynamicFeatures({summary[i].lower, summary[i].shape}, prev1, prev2, dyn);
      AddRow(RowOf(dyn[2]), sc);
      AddRow(RowOf(dyn[3]), sc);
    }
    // The first allowed class of the highest score (class 0 if none scores
    // above INT32_MIN), as a branch-free maximum and then a search for it.
    const int32_t* allowed = allowed_mask_.data() + static_cast<size_t>(prev1 + 1) * stride;
    constexpr int32_t kMin = std::numeric_limits<int32_t>::min();
    int32_t top = kMin;
    for (size_t k = 0; k < stride; ++k) {
      sc[k] = (sc[k] & allowed[k]) | (kMin & ~allowed[k]);
      top = sc[k] > top ? sc[k] : top;
    }
    int best = 0;
    if (top != kMin) {
      while (sc[best] != top) ++best;
    }
    (*out)[i] = static_cast<uint16_t>(best);
    prev2 = prev1;
    prev1 = best;
  }

  for (size_t i = 0; i < n; ++i) {
    if (fill[i] < 0) continue;
    const size_t slot = static_cast<size_t>(fill[i]);
    WordCache::Word& cw = cache.words[slot];
    FillVectors(summary[i], local.data() + i * kNumLocalFeatures,
                cache.vectors.data() + slot * kVectors * stride);
    std::memset(cw.text.w, 0, sizeof(cw.text.w));
    if (!words[i].empty()) std::memcpy(cw.text.w, words[i].data(), words[i].size());
    cw.len = static_cast<uint8_t>(words[i].size());
    cw.summary = summary[i];
    cw.known = dictionary[i];
  }
}

void PerceptronTagger::TagReference(const std::vector<std::string_view>& words,
                                    const uint8_t* hints, std::vector<uint16_t>* out) const {
  const size_t n = words.size();
  out->resize(n);
  if (n == 0) return;
  std::vector<uint64_t> features;
  std::vector<WordHashes> hashes;
  ExtractStaticFeatures(words, hints, &features, &hashes);
  std::vector<WordSummary> summary(n);
  uint64_t local[kNumLocalFeatures];
  for (size_t i = 0; i < n; ++i) AnalyzeWord(words[i], &summary[i], local);
  const uint32_t mode = SentenceMode(summary.data(), n);
  const int c = num_classes();
  std::vector<int32_t> sc(stride_);
  int prev1 = -1, prev2 = -1;
  for (size_t i = 0; i < n; ++i) {
    int known = mode == kNormalSentence ? DictionaryClass(words[i]) : -1;
    if (known < 0 && PlainOutside(summary[i], mode, hints != nullptr ? hints[i] : 0) &&
        !open_after_[prev1 + 1]) {
      known = o_class_;
    }
    if (known >= 0) {
      (*out)[i] = static_cast<uint16_t>(known);
      prev2 = prev1;
      prev1 = known;
      continue;
    }
    std::fill(sc.begin(), sc.end(), 0);
    for (int j = 0; j < kNumStaticFeatures; ++j) {
      AddRow(RowOf(features[i * kNumStaticFeatures + j]), sc.data());
    }
    uint64_t dyn[kNumDynamicFeatures];
    ExtractDynamicFeatures(hashes[i], prev1, prev2, dyn);
    for (uint64_t f : dyn) AddRow(RowOf(f), sc.data());
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
