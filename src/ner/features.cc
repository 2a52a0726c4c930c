#include "ner/features.h"

#include <algorithm>

namespace sitrep {
namespace {

constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ull;
constexpr uint64_t kFnvPrime = 0x100000001b3ull;
constexpr uint64_t kBos = 0x5eed0001, kBos2 = 0x5eed0002, kEos = 0x5eed0003, kEos2 = 0x5eed0004;

inline uint64_t Fnv(uint64_t h, uint8_t b) { return (h ^ b) * kFnvPrime; }

enum CapClass : uint64_t { kNoCase = 0, kLower = 1, kInitCap = 2, kAllCaps = 3, kMixed = 4 };
enum Mode : uint64_t { kNormal = 0, kAllCapsSentence = 1, kLowerSentence = 2 };

// What one pass over a word's bytes learns about it.
struct WordInfo {
  uint64_t lower = kFnvOffset, exact = kFnvOffset, shape = kFnvOffset;
  uint64_t prefix[3] = {0, 0, 0};
  uint64_t suffix[4] = {0, 0, 0, 0};
  int uppers = 0, lowers = 0, digits = 0, chars = 0;
  bool first_upper = false, hyphen = false, period = false, latin = false, cyrillic = false;
};

// Lowercases one UTF-8 character of 1-2 bytes in place (ASCII, Latin-1 and
// Cyrillic capitals) and classifies it: 'X' upper, 'x' lower, 'd' digit,
// 'u' other non-ASCII, or the ASCII punctuation byte itself.
char FoldChar(uint8_t* b, int len, bool* latin, bool* cyrillic) {
  if (len == 1) {
    uint8_t c = b[0];
    if (c >= 'A' && c <= 'Z') {
      b[0] = static_cast<uint8_t>(c + 32);
      *latin = true;
      return 'X';
    }
    if (c >= 'a' && c <= 'z') {
      *latin = true;
      return 'x';
    }
    if (c >= '0' && c <= '9') return 'd';
    return static_cast<char>(c);
  }
  if (len == 2) {
    uint8_t c = b[0], d = b[1];
    if (c == 0xC3) {  // U+00C0..U+00FF
      *latin = true;
      if (d >= 0x80 && d <= 0x9E && d != 0x97) {
        b[1] = static_cast<uint8_t>(d + 0x20);
        return 'X';
      }
      if (d >= 0x9F && d != 0xB7) return 'x';
      return 'u';
    }
    if (c == 0xD0) {  // U+0400..U+043F
      *cyrillic = true;
      if (d >= 0x90 && d <= 0x9F) {
        b[1] = static_cast<uint8_t>(d + 0x20);
        return 'X';
      }
      if (d >= 0xA0 && d <= 0xAF) {
        b[0] = 0xD1;
        b[1] = static_cast<uint8_t>(d - 0x20);
        return 'X';
      }
      if (d >= 0x80 && d <= 0x8F) {
        b[0] = 0xD1;
        b[1] = static_cast<uint8_t>(d + 0x10);
        return 'X';
      }
      return 'x';
    }
    if (c == 0xD1) {
      *cyrillic = true;
      return 'x';
    }
  }
  return 'u';
}

int Utf8Len(uint8_t c) {
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  if ((c & 0xF8) == 0xF0) return 4;
  return 1;  // stray continuation or invalid byte: one unit
}

void ScanWord(std::string_view w, WordInfo* info) {
  // Lowercased bytes of the last four characters, kept for the suffixes.
  uint8_t tail[4][4];
  int tail_len[4] = {0, 0, 0, 0};
  char last_shape = 0;
  int shape_run = 0, shape_len = 0;
  size_t i = 0;
  while (i < w.size()) {
    uint8_t buf[4];
    int len = std::min<int>(Utf8Len(static_cast<uint8_t>(w[i])), static_cast<int>(w.size() - i));
    for (int k = 0; k < len; ++k) buf[k] = static_cast<uint8_t>(w[i + k]);
    for (int k = 0; k < len; ++k) info->exact = Fnv(info->exact, buf[k]);
    char s = FoldChar(buf, len, &info->latin, &info->cyrillic);
    for (int k = 0; k < len; ++k) info->lower = Fnv(info->lower, buf[k]);
    if (info->chars < 3) info->prefix[info->chars] = info->lower;
    int slot = info->chars & 3;
    std::copy(buf, buf + len, tail[slot]);
    tail_len[slot] = len;
    if (s == 'X') {
      ++info->uppers;
      if (info->chars == 0) info->first_upper = true;
    } else if (s == 'x') {
      ++info->lowers;
    } else if (s == 'd') {
      ++info->digits;
    } else if (s == '-') {
      info->hyphen = true;
    } else if (s == '.') {
      info->period = true;
    }
    // Short shape: runs of one class collapse after two ("Xxx" for "London").
    if (s == last_shape) {
      ++shape_run;
    } else {
      shape_run = 1;
      last_shape = s;
    }
    if (shape_run <= 2 && shape_len < 12) {
      info->shape = Fnv(info->shape, static_cast<uint8_t>(s));
      ++shape_len;
    }
    ++info->chars;
    i += len;
  }
  // Suffixes of 1..4 characters, hashed from the lowercased tail.
  for (int n = 1; n <= 4 && n <= info->chars; ++n) {
    uint64_t h = kFnvOffset;
    for (int k = n; k >= 1; --k) {
      int slot = (info->chars - k) & 3;
      for (int b = 0; b < tail_len[slot]; ++b) h = Fnv(h, tail[slot][b]);
    }
    info->suffix[n - 1] = h;
  }
}

CapClass ClassOf(const WordInfo& w) {
  if (w.uppers == 0 && w.lowers == 0) return kNoCase;
  if (w.uppers == 0) return kLower;
  if (w.lowers == 0) return kAllCaps;
  if (w.first_upper && w.uppers == 1) return kInitCap;
  return kMixed;
}

uint64_t LengthBucket(int chars) {
  if (chars <= 3) return static_cast<uint64_t>(chars);
  if (chars <= 5) return 4;
  if (chars <= 10) return 5;
  return 6;
}

enum Casing : uint8_t { kCased = 1, kWithLower = 2, kWithUpper = 4 };

// Slot numbers of the neighbour features (also their hash templates).
constexpr uint64_t kPrevWord = 13, kPrev2Word = 14, kNextWord = 15, kNext2Word = 16,
                   kPrevShape = 17, kNextShape = 18;

void NeighborValues(uint64_t lower, uint64_t shape, int offset, uint64_t out[2]) {
  out[1] = kNoFeature;
  switch (offset) {
    case -1:
      out[0] = MixFeature(kPrevWord, lower);
      out[1] = MixFeature(kPrevShape, shape);
      break;
    case -2:
      out[0] = MixFeature(kPrev2Word, lower);
      break;
    case 1:
      out[0] = MixFeature(kNextWord, lower);
      out[1] = MixFeature(kNextShape, shape);
      break;
    case 2:
      out[0] = MixFeature(kNext2Word, lower);
      break;
    default:
      out[0] = kNoFeature;
  }
}

}  // namespace

void AnalyzeWord(std::string_view word, WordSummary* s, uint64_t local[kNumLocalFeatures]) {
  WordInfo w;
  ScanWord(word, &w);
  s->lower = w.lower;
  s->shape = w.shape;
  s->cap = static_cast<uint8_t>(ClassOf(w));
  s->chars =
      static_cast<uint8_t>((w.digits > 0 ? 1u : 0u) | (w.hyphen ? 2u : 0u) | (w.period ? 4u : 0u) |
                           (w.latin && w.cyrillic ? 8u : 0u) | LengthBucket(w.chars) << 5);
  s->casing = 0;
  if (w.uppers + w.lowers >= 2) {
    s->casing = kCased | (w.lowers > 0 ? kWithLower : 0) | (w.uppers > 0 ? kWithUpper : 0);
  }
  local[0] = MixFeature(0, 1);
  local[1] = MixFeature(1, w.lower);
  local[2] = MixFeature(2, w.exact);
  local[3] = MixFeature(3, w.shape);
  for (int k = 0; k < 3; ++k) {
    local[4 + k] = w.chars > k ? MixFeature(4 + k, w.prefix[k]) : kNoFeature;
  }
  for (int k = 0; k < 4; ++k) {
    local[7 + k] = w.chars > k + 1 ? MixFeature(7 + k, w.suffix[k]) : kNoFeature;
  }
}

uint32_t SentenceMode(const WordSummary* words, size_t n) {
  int cased = 0, with_lower = 0, with_upper = 0;
  for (size_t i = 0; i < n; ++i) {
    const uint8_t c = words[i].casing;
    cased += (c & kCased) != 0;
    with_lower += (c & kWithLower) != 0;
    with_upper += (c & kWithUpper) != 0;
  }
  Mode mode = kNormal;
  if (cased >= 3 && with_lower == 0) mode = kAllCapsSentence;
  if (cased >= 3 && with_upper == 0) mode = kLowerSentence;
  return mode;
}

void NeighborFeatures(const WordSummary& w, int offset, uint64_t out[kNumNeighborFeatures]) {
  NeighborValues(w.lower, w.shape, offset, out);
}

void BoundaryFeatures(size_t n, size_t i, int offset, uint64_t out[kNumNeighborFeatures]) {
  const long j = static_cast<long>(i) + offset;
  uint64_t lower = kBos, shape = kBos;
  if (j < -1) lower = kBos2;
  if (j >= static_cast<long>(n)) {
    lower = j == static_cast<long>(n) ? kEos : kEos2;
    shape = kEos;
  }
  NeighborValues(lower, shape, offset, out);
}

void ContextFeatures(const WordSummary* words, size_t n, size_t i, uint32_t mode,
                     const uint8_t* hints, uint64_t out[kNumContextFeatures]) {
  const long li = static_cast<long>(i);
  auto lower_at = [&](long j) -> uint64_t {
    if (j == -1) return kBos;
    if (j < -1) return kBos2;
    if (j == static_cast<long>(n)) return kEos;
    if (j > static_cast<long>(n)) return kEos2;
    return words[j].lower;
  };
  auto shape_at = [&](long j) -> uint64_t {
    if (j < 0) return kBos;
    if (j >= static_cast<long>(n)) return kEos;
    return words[j].shape;
  };
  auto cap_at = [&](long j) -> uint64_t {
    if (j < 0 || j >= static_cast<long>(n)) return 7;
    return words[j].cap;
  };
  auto hint_at = [&](long j) -> uint64_t {
    if (hints == nullptr || j < 0 || j >= static_cast<long>(n)) return 0;
    return hints[j];
  };
  const WordSummary& w = words[i];
  const uint64_t first = i == 0 ? 1 : 0;
  out[0] = MixFeature(11, static_cast<uint64_t>(mode) | uint64_t{w.cap} << 2 | first << 5);
  out[1] = MixFeature(12, w.chars | (i + 1 == n ? 16u : 0u));
  out[2] = MixFeature(19, lower_at(li - 1) * 31 + w.lower);
  out[3] = MixFeature(20, w.lower * 31 + lower_at(li + 1));
  out[4] = MixFeature(21, (shape_at(li - 1) * 31 + w.shape) * 31 + shape_at(li + 1));
  const uint64_t h = hint_at(li);
  out[5] = h != 0 ? MixFeature(22, h) : kNoFeature;
  const uint64_t around = hint_at(li - 1) << 16 | h << 8 | hint_at(li + 1);
  out[6] = around != 0 ? MixFeature(23, around) : kNoFeature;
  out[7] = MixFeature(24, lower_at(li - 1) * 31 + w.shape);
  out[8] = MixFeature(25, w.shape * 31 + lower_at(li + 1));
  out[9] = MixFeature(26, lower_at(li - 2) * 31 + lower_at(li - 1));
  uint64_t window = static_cast<uint64_t>(mode);
  for (long j = li - 2; j <= li + 2; ++j) window = window << 3 | cap_at(j);
  out[10] = MixFeature(27, window);
}

void ExtractStaticFeatures(const std::vector<std::string_view>& words, const uint8_t* hints,
                           std::vector<uint64_t>* features, std::vector<WordHashes>* words_out) {
  const size_t n = words.size();
  features->assign(n * kNumStaticFeatures, kNoFeature);
  words_out->resize(n);
  thread_local std::vector<WordSummary> summaries;
  summaries.resize(n);
  for (size_t i = 0; i < n; ++i) {
    AnalyzeWord(words[i], &summaries[i], features->data() + i * kNumStaticFeatures);
    (*words_out)[i].lower = summaries[i].lower;
    (*words_out)[i].shape = summaries[i].shape;
  }
  const uint32_t mode = SentenceMode(summaries.data(), n);
  // Slot layout: 0-10 local, 11-12 context, 13-18 neighbours, 19-27 context.
  constexpr int kContextSlots[kNumContextFeatures] = {11, 12, 19, 20, 21, 22, 23, 24, 25, 26, 27};
  for (size_t i = 0; i < n; ++i) {
    uint64_t* f = features->data() + i * kNumStaticFeatures;
    uint64_t ctx[kNumContextFeatures];
    ContextFeatures(summaries.data(), n, i, mode, hints, ctx);
    for (int k = 0; k < kNumContextFeatures; ++k) f[kContextSlots[k]] = ctx[k];
    for (int offset : {-1, -2, 1, 2}) {
      const long j = static_cast<long>(i) + offset;
      uint64_t nb[kNumNeighborFeatures];
      if (j < 0 || j >= static_cast<long>(n)) {
        BoundaryFeatures(n, i, offset, nb);
      } else {
        NeighborFeatures(summaries[j], offset, nb);
      }
      // -1 -> 13, 17; -2 -> 14; +1 -> 15, 18; +2 -> 16.
      const int word_slot = offset < 0 ? 12 - offset : 14 + offset;
      f[word_slot] = nb[0];
      if (offset == -1) f[17] = nb[1];
      if (offset == 1) f[18] = nb[1];
    }
  }
}

void ExtractDynamicFeatures(const WordHashes& word, int prev1, int prev2,
                            uint64_t out[kNumDynamicFeatures]) {
  uint64_t p1 = static_cast<uint64_t>(prev1 + 1), p2 = static_cast<uint64_t>(prev2 + 1);
  out[0] = MixFeature(100, p1);
  out[1] = MixFeature(101, p1 << 16 | p2);
  out[2] = MixFeature(102, word.lower * 131 + p1);
  out[3] = MixFeature(103, word.shape * 131 + p1);
}

}  // namespace sitrep
