#include "ner/features.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <unordered_map>

#include "sitrep/data_path.h"

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
  int others = 0;  // characters of other scripts ('u' but general punctuation)
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
    } else if (s == 'u' && !(len == 3 && buf[0] == 0xE2 && (buf[1] == 0x80 || buf[1] == 0x81))) {
      ++info->others;  // U+2000..U+207F (dashes, quotes) are punctuation
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

// The word lists of the features, keyed by lowercased-word hash: the
// org-word lexicon and the word clusters.
struct WordData {
  uint8_t lex = 0, coarse = 0, fine = 0;
  bool name_start = false;  // data/lexicons/name-start-words.tsv
};
struct Lexicon {
  std::once_flag once;
  bool ok = false;
  std::string error;
  std::unordered_map<uint64_t, WordData> words;
};

Lexicon& TheLexicon() {
  static Lexicon lexicon;
  return lexicon;
}

// Calls fn on each line of the data file `relative` that is neither empty
// nor a comment; fn returns what is wrong with the line, or "". False, with
// lex->error naming the file (and line), when it cannot be read or a line is
// wrong.
template <typename Fn>
bool ReadLines(Lexicon* lex, const char* relative, const char* what, Fn fn) {
  const std::string path = DataPath(relative);
  std::ifstream in(path);
  if (!in) {
    lex->error = path + ": cannot read " + what;
    return false;
  }
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::string why = fn(line);
    if (!why.empty()) {
      lex->error = path + ":" + std::to_string(number) + ": " + why;
      return false;
    }
  }
  return true;
}

bool ReadOrgWords(Lexicon* lex) {
  return ReadLines(lex, "lexicons/org-words.tsv", "the org-word lexicon",
                   [&](const std::string& line) -> std::string {
                     const size_t tab = line.find('\t');
                     const std::string_view kind = tab == std::string::npos
                                                       ? std::string_view()
                                                       : std::string_view(line).substr(tab + 1);
                     uint8_t bit = 0;
                     if (kind == "org") bit = kLexOrgWord;
                     if (kind == "connector") bit = kLexConnector;
                     if (bit == 0 || tab == 0) return "expected WORD<TAB>org|connector";
                     WordInfo w;
                     ScanWord(std::string_view(line).substr(0, tab), &w);
                     lex->words[w.lower].lex |= bit;
                     return "";
                   });
}

// Lowercase words that may start a name: never WordSummary::plain.
bool ReadNameStartWords(Lexicon* lex) {
  return ReadLines(lex, "lexicons/name-start-words.tsv", "the name-start words",
                   [&](const std::string& line) -> std::string {
                     if (line.find_first_of("\t ") != std::string::npos) return "expected one word";
                     WordInfo w;
                     ScanWord(line, &w);
                     lex->words[w.lower].name_start = true;
                     return "";
                   });
}

bool ReadClusters(Lexicon* lex) {
  const std::string path = DataPath("ner/clusters.tsv");
  std::FILE* f = std::fopen(path.c_str(), "r");
  if (f == nullptr) {
    lex->error = path + ": cannot read the word clusters";
    return false;
  }
  char line[256];
  int number = 0;
  bool ok = true;
  while (std::fgets(line, sizeof(line), f) != nullptr) {
    ++number;
    if (line[0] == '#' || line[0] == '\n') continue;
    unsigned long long hash = 0;
    unsigned coarse = 0, fine = 0;
    if (std::sscanf(line, "%16llx\t%u\t%u", &hash, &coarse, &fine) != 3 || coarse == 0 ||
        coarse > 255 || fine == 0 || fine > 255) {
      lex->error = path + ":" + std::to_string(number) + ": expected HASH<TAB>COARSE<TAB>FINE";
      ok = false;
      break;
    }
    WordData& d = lex->words[hash];
    d.coarse = static_cast<uint8_t>(coarse);
    d.fine = static_cast<uint8_t>(fine);
  }
  std::fclose(f);
  return ok;
}

const WordData* LookUp(uint64_t lower) {
  Lexicon& lex = TheLexicon();
  std::call_once(lex.once, [&lex] {
    lex.ok = ReadOrgWords(&lex) && ReadNameStartWords(&lex) && ReadClusters(&lex);
    if (!lex.ok) {
      lex.words.clear();
      std::fprintf(stderr, "sitrep: warning: %s\n", lex.error.c_str());
    }
  });
  const auto it = lex.words.find(lower);
  return it == lex.words.end() ? nullptr : &it->second;
}

enum Casing : uint8_t { kCased = 1, kWithLower = 2, kWithUpper = 4 };

// Hash templates of the neighbour features.
constexpr uint64_t kPrevWord = 13, kPrev2Word = 14, kNextWord = 15, kNext2Word = 16,
                   kPrevShape = 17, kNextShape = 18, kPrevCluster = 32, kNextCluster = 33,
                   kPrev2Cluster = 34, kNext2Cluster = 35;

// `cluster` is coarse << 8 | fine, 0 when the word has none.
void NeighborValues(uint64_t lower, uint64_t shape, uint64_t cluster, int offset, uint64_t out[3]) {
  out[0] = out[1] = out[2] = kNoFeature;
  switch (offset) {
    case -1:
      out[0] = MixFeature(kPrevWord, lower);
      out[1] = MixFeature(kPrevShape, shape);
      if (cluster != 0) out[2] = MixFeature(kPrevCluster, cluster);
      break;
    case -2:
      out[0] = MixFeature(kPrev2Word, lower);
      if (cluster != 0) out[1] = MixFeature(kPrev2Cluster, cluster >> 8);
      break;
    case 1:
      out[0] = MixFeature(kNextWord, lower);
      out[1] = MixFeature(kNextShape, shape);
      if (cluster != 0) out[2] = MixFeature(kNextCluster, cluster);
      break;
    case 2:
      out[0] = MixFeature(kNext2Word, lower);
      if (cluster != 0) out[1] = MixFeature(kNext2Cluster, cluster >> 8);
      break;
    default:
      break;
  }
}

// Slots 28-29: where the word stands in a run of capitalized words (joined
// by connectors such as "of") and where the org words of that run are
// ("Ministry of Foreign Affairs", "Movement for Democratic Change"); and the
// nearest org words at +-1..3 whatever the case, for ALL-CAPS and lowercase
// text.
void NameRunFeatures(const WordSummary* words, size_t n, size_t i, uint32_t mode, uint64_t out[2]) {
  const long ln = static_cast<long>(n), li = static_cast<long>(i);
  auto name = [&](long j) {
    if (j < 0 || j >= ln || (words[j].lex & kLexConnector) != 0) return false;
    const uint8_t cap = words[j].cap;
    return cap == kInitCap || cap == kAllCaps || cap == kMixed;
  };
  auto connector = [&](long j) { return j >= 0 && j < ln && (words[j].lex & kLexConnector) != 0; };
  auto org = [&](long j) { return (words[j].lex & kLexOrgWord) != 0; };
  // A connector belongs to a run when name words follow and precede it
  // through at most one more connector.
  auto joins = [&](long j, long step) {
    return name(j + step) || (connector(j + step) && name(j + 2 * step));
  };
  auto in_run = [&](long j) { return name(j) || (connector(j) && joins(j, 1) && joins(j, -1)); };
  constexpr long kReach = 6;
  uint64_t run = 0;
  if (in_run(li)) {
    long org_after = 0, org_before = 0, right = 0, left = 0;
    for (long j = li + 1; j < ln && j <= li + kReach && in_run(j); ++j) {
      ++right;
      if (org_after == 0 && name(j) && org(j)) org_after = j - li;
    }
    for (long j = li - 1; j >= 0 && j >= li - kReach && in_run(j); --j) {
      ++left;
      if (org_before == 0 && name(j) && org(j)) org_before = li - j;
    }
    run = 1 | (name(li) ? 0u : 2u) | (org(li) ? 4u : 0u) |
          static_cast<uint64_t>(std::min(org_after, 3L)) << 3 |
          static_cast<uint64_t>(std::min(org_before, 2L)) << 5 |
          static_cast<uint64_t>(std::min(right, 2L)) << 7 |
          static_cast<uint64_t>(std::min(left, 2L)) << 9;
  }
  out[0] = MixFeature(28, run << 2 | mode);
  uint64_t near_right = 0, near_left = 0;
  for (long d = 1; d <= 3; ++d) {
    if (near_right == 0 && li + d < ln && org(li + d)) near_right = static_cast<uint64_t>(d);
    if (near_left == 0 && li - d >= 0 && org(li - d)) near_left = static_cast<uint64_t>(d);
  }
  const uint64_t self = org(li) ? 1 : 0;
  if (near_right + near_left + self == 0) {
    out[1] = kNoFeature;
  } else {
    out[1] = MixFeature(
        29, ((near_right << 2 | near_left) << 1 | self) << 5 | uint64_t{words[i].cap} << 2 | mode);
  }
}

}  // namespace

uint64_t LowerWordHash(std::string_view word) {
  WordInfo w;
  ScanWord(word, &w);
  return w.lower;
}

bool LoadFeatureLexicon(std::string* error) {
  LookUp(0);
  const Lexicon& lex = TheLexicon();
  if (!lex.ok && error != nullptr) *error = lex.error;
  return lex.ok;
}

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
  const WordData* data = LookUp(w.lower);
  s->plain =
      w.uppers == 0 && w.digits == 0 && w.others == 0 && (data == nullptr || !data->name_start);
  s->lex = data != nullptr ? data->lex : 0;
  s->coarse = data != nullptr ? data->coarse : 0;
  s->fine = data != nullptr ? data->fine : 0;
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
  local[11] = s->coarse != 0 ? MixFeature(30, uint64_t{s->coarse} << 3 | s->cap) : kNoFeature;
  local[12] = s->fine != 0 ? MixFeature(31, uint64_t{s->coarse} << 8 | s->fine) : kNoFeature;
}

uint32_t SentenceMode(const WordSummary* words, size_t n) {
  int cased = 0, with_lower = 0, with_upper = 0;
  for (size_t i = 0; i < n; ++i) {
    const uint8_t c = words[i].casing;
    cased += (c & kCased) != 0;
    with_lower += (c & kWithLower) != 0;
    with_upper += (c & kWithUpper) != 0;
  }
  static_assert(kNormal == kNormalSentence);
  Mode mode = kNormal;
  if (cased >= 3 && with_lower == 0) mode = kAllCapsSentence;
  if (cased >= 3 && with_upper == 0) mode = kLowerSentence;
  return mode;
}

void NeighborFeatures(const WordSummary& w, int offset, uint64_t out[kNumNeighborFeatures]) {
  NeighborValues(w.lower, w.shape, uint64_t{w.coarse} << 8 | w.fine, offset, out);
}

void BoundaryFeatures(size_t n, size_t i, int offset, uint64_t out[kNumNeighborFeatures]) {
  const long j = static_cast<long>(i) + offset;
  uint64_t lower = kBos, shape = kBos;
  if (j < -1) lower = kBos2;
  if (j >= static_cast<long>(n)) {
    lower = j == static_cast<long>(n) ? kEos : kEos2;
    shape = kEos;
  }
  NeighborValues(lower, shape, 0, offset, out);
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
  NameRunFeatures(words, n, i, mode, out + 11);
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
  for (size_t i = 0; i < n; ++i) {
    uint64_t* f = features->data() + i * kNumStaticFeatures;
    ContextFeatures(summaries.data(), n, i, mode, hints, f + kNumLocalFeatures);
    uint64_t* nb = f + kNumLocalFeatures + kNumContextFeatures;
    for (int offset : {-2, -1, 1, 2}) {
      const long j = static_cast<long>(i) + offset;
      if (j < 0 || j >= static_cast<long>(n)) {
        BoundaryFeatures(n, i, offset, nb);
      } else {
        NeighborFeatures(summaries[j], offset, nb);
      }
      nb += kNumNeighborFeatures;
    }
  }
}

}  // namespace sitrep
