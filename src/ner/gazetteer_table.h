// A read-only open-addressing hash table from short strings to 32-bit values,
// for the gazetteer's hot lookups (one probe sequence over one contiguous
// array, keys in one string pool; std::unordered_map chases a node pointer
// per probe).
#ifndef SITREP_NER_GAZETTEER_TABLE_H_
#define SITREP_NER_GAZETTEER_TABLE_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sitrep {

class FlatStringTable {
 public:
  static constexpr uint32_t kMissing = 0xffffffffu;

  // Replaces the contents. Keys are copied; duplicate keys keep the last value.
  void Build(const std::vector<std::pair<std::string_view, uint32_t>>& items) {
    size_t cap = 16;
    while (cap < items.size() * 2 + 1) cap <<= 1;
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    pool_.clear();
    size_t bytes = 0;
    for (const auto& [k, v] : items) bytes += k.size();
    pool_.reserve(bytes);
    for (const auto& [key, value] : items) {
      uint64_t h = Hash(key);
      size_t i = h & mask_;
      while (slots_[i].value != kMissing) {
        if (slots_[i].hash == h && Key(slots_[i]) == key) break;
        i = (i + 1) & mask_;
      }
      if (slots_[i].value == kMissing) {
        slots_[i].hash = h;
        slots_[i].begin = static_cast<uint32_t>(pool_.size());
        slots_[i].len = static_cast<uint32_t>(key.size());
        pool_.append(key);
      }
      slots_[i].value = value;
    }
  }

  // The value of key, or kMissing.
  uint32_t Find(std::string_view key) const {
    if (slots_.empty()) return kMissing;
    uint64_t h = Hash(key);
    size_t i = h & mask_;
    while (slots_[i].value != kMissing) {
      if (slots_[i].hash == h && Key(slots_[i]) == key) return slots_[i].value;
      i = (i + 1) & mask_;
    }
    return kMissing;
  }

  static uint64_t Hash(std::string_view s) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    const char* p = s.data();
    size_t n = s.size();
    while (n >= 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
      h ^= h >> 31;
      p += 8;
      n -= 8;
    }
    uint64_t w = 0;
    std::memcpy(&w, p, n);
    h = (h ^ w) * 0x94d049bb133111ebull;
    h ^= h >> 29;
    return h;
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t begin = 0, len = 0;
    uint32_t value = kMissing;
  };
  std::string_view Key(const Slot& s) const {
    return std::string_view(pool_).substr(s.begin, s.len);
  }
  std::vector<Slot> slots_;
  std::string pool_;
  size_t mask_ = 0;
};

}  // namespace sitrep

#endif  // SITREP_NER_GAZETTEER_TABLE_H_
