// Document ids and near-duplicate signatures (sitrep/ingest.h).
#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "ingest/normalize.h"
#include "sitrep/ingest.h"

namespace sitrep {
namespace {

// Near-duplicate parameters (docs/ingest.md): word 5-shingles, 64 MinHash
// functions.
constexpr size_t kShingleWords = 5;
constexpr size_t kHashes = 64;

constexpr uint64_t kFnvOffset = 1469598103934665603ULL;
constexpr uint64_t kFnvPrime = 1099511628211ULL;

uint64_t Fnv1a(std::string_view s, uint64_t h = kFnvOffset) {
  for (unsigned char c : s) {
    h ^= c;
    h *= kFnvPrime;
  }
  return h;
}

uint64_t SplitMix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

}  // namespace

std::string DocumentId(std::string_view raw_text) {
  return fmt::format("d-{:016x}", Fnv1a(ingest::NormalizeForId(raw_text)));
}

std::vector<uint64_t> NearDuplicateSignature(std::string_view clean_text) {
  // Word hashes: runs of letters and digits (any non-ASCII byte counts as a
  // letter), ASCII lower-cased.
  // (std::isalnum and std::tolower gave the same on these bytes, a call
  // per byte.)
  auto word_byte = [](unsigned char c) {
    return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  };
  std::vector<uint64_t> words;
  words.reserve(clean_text.size() / 5 + 1);
  size_t i = 0;
  while (i < clean_text.size()) {
    while (i < clean_text.size() && !word_byte(static_cast<unsigned char>(clean_text[i]))) ++i;
    uint64_t h = kFnvOffset;
    size_t start = i;
    while (i < clean_text.size() && word_byte(static_cast<unsigned char>(clean_text[i]))) {
      auto c = static_cast<unsigned char>(clean_text[i]);
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c | 0x20);
      h ^= c;
      h *= kFnvPrime;
      ++i;
    }
    if (i > start) words.push_back(h);
  }
  std::vector<uint64_t> sig(kHashes, std::numeric_limits<uint64_t>::max());
  if (words.empty()) return sig;
  size_t shingles = words.size() >= kShingleWords ? words.size() - kShingleWords + 1 : 1;
  size_t width = std::min(kShingleWords, words.size());
  for (size_t s = 0; s < shingles; ++s) {
    uint64_t h = 0;
    for (size_t k = 0; k < width; ++k) h = SplitMix(h ^ words[s + k]);
    for (size_t f = 0; f < kHashes; ++f) {
      uint64_t v = SplitMix(h + f * 0x9E3779B97F4A7C15ULL);
      sig[f] = std::min(sig[f], v);
    }
  }
  return sig;
}

double SignatureSimilarity(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() || a.size() != b.size()) return 0.0;
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  return static_cast<double>(same) / static_cast<double>(a.size());
}

}  // namespace sitrep
