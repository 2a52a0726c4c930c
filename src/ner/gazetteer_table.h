// A read-only open-addressing hash table from short strings to 32-bit values,
// for the gazetteer's hot lookups (one probe sequence over one contiguous
// array, keys in one string pool; std::unordered_map chases a node pointer
// per probe). Most probes miss (words that start no name, deletions no name
// has): a small Bloom filter of the key hashes, derived from the slots and
// never stored, answers those without touching the slot array.
#ifndef SITREP_NER_GAZETTEER_TABLE_H_
#define SITREP_NER_GAZETTEER_TABLE_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sitrep {

// Little-endian writer and bounds-checked reader for the compiled gazetteer
// cache (gazetteer_cache.cc); the reader's first failure sticks.
class ByteWriter {
 public:
  explicit ByteWriter(std::string* out) : out_(out) {}
  void U8(uint8_t v) { out_->push_back(static_cast<char>(v)); }
  void U32(uint32_t v) {
    for (int i = 0; i < 4; ++i) U8(static_cast<uint8_t>(v >> (8 * i)));
  }
  void U64(uint64_t v) {
    for (int i = 0; i < 8; ++i) U8(static_cast<uint8_t>(v >> (8 * i)));
  }
  void Str(std::string_view s) {
    U32(static_cast<uint32_t>(s.size()));
    out_->append(s);
  }

 private:
  std::string* out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view b) : b_(b) {}
  bool ok() const { return ok_; }
  bool done() const { return pos_ == b_.size(); }
  uint8_t U8() { return Need(1) ? static_cast<uint8_t>(b_[pos_++]) : 0; }
  uint32_t U32() {
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(U8()) << (8 * i);
    return v;
  }
  uint64_t U64() {
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(U8()) << (8 * i);
    return v;
  }
  std::string_view Str() {
    const uint32_t n = U32();
    if (!Need(n)) return {};
    std::string_view s = b_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  // A count of items of at least `min_bytes` each: fails if the rest of the
  // input cannot hold them (so a corrupt count cannot reserve gigabytes).
  uint32_t Count(size_t min_bytes) {
    const uint32_t n = U32();
    if (ok_ && static_cast<uint64_t>(n) * min_bytes > b_.size() - pos_) ok_ = false;
    return ok_ ? n : 0;
  }
  void Fail() { ok_ = false; }

 private:
  bool Need(size_t n) {
    if (ok_ && b_.size() - pos_ >= n) return true;
    ok_ = false;
    return false;
  }
  std::string_view b_;
  size_t pos_ = 0;
  bool ok_ = true;
};

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
    BuildFilter();
  }

  // The value of key, or kMissing.
  uint32_t Find(std::string_view key) const { return Find(key, Hash(key)); }
  // The same with h == Hash(key) already computed.
  uint32_t Find(std::string_view key, uint64_t h) const {
    if (slots_.empty()) return kMissing;
    if (!MayHold(h)) return kMissing;
    size_t i = h & mask_;
    while (slots_[i].value != kMissing) {
      if (slots_[i].hash == h && Key(slots_[i]) == key) return slots_[i].value;
      i = (i + 1) & mask_;
    }
    return kMissing;
  }

  // Starts reading what Find(key, h) reads first (h == Hash(key)), so that
  // the lookups of many keys overlap their cache misses.
  void Prefetch(uint64_t h) const {
    if (slots_.empty()) return;
    __builtin_prefetch(&filter_[(h >> 32) & filter_mask_]);
  }

  // Every value, for checking a table read from a cache.
  template <typename F>
  bool AllValues(F ok) const {
    for (const Slot& slot : slots_) {
      if (slot.value != kMissing && !ok(slot.value)) return false;
    }
    return true;
  }

  void AppendTo(ByteWriter* w) const {
    w->Str(pool_);
    w->U32(static_cast<uint32_t>(slots_.size()));
    for (const Slot& s : slots_) {
      w->U64(s.hash);
      w->U32(s.begin);
      w->U32(s.len);
      w->U32(s.value);
    }
  }
  // False (and the table empty) if the bytes are not a consistent table:
  // a power-of-two size, keys inside the pool, hashes matching the keys.
  bool ReadFrom(ByteReader* r) {
    pool_ = std::string(r->Str());
    const uint32_t n = r->Count(20);
    if (!r->ok() || (n != 0 && (n & (n - 1)) != 0)) return Reset(r);
    slots_.assign(n, Slot{});
    mask_ = n == 0 ? 0 : n - 1;
    uint32_t used = 0;
    for (Slot& s : slots_) {
      s.hash = r->U64();
      s.begin = r->U32();
      s.len = r->U32();
      s.value = r->U32();
      if (!r->ok()) return Reset(r);
      if (s.value == kMissing) continue;
      ++used;
      if (s.begin > pool_.size() || s.len > pool_.size() - s.begin || Hash(Key(s)) != s.hash) {
        return Reset(r);
      }
    }
    // Probing stops at an empty slot: a full table would never stop.
    if (n != 0 && used == n) return Reset(r);
    BuildFilter();
    return true;
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
    if (n > 0) std::memcpy(&w, p, n);  // p may be null for an empty key
    h = (h ^ w) * 0x94d049bb133111ebull;
    h ^= h >> 29;
    return h;
  }

 private:
  bool Reset(ByteReader* r) {
    r->Fail();
    slots_.clear();
    pool_.clear();
    mask_ = 0;
    BuildFilter();
    return false;
  }
  // Two bits in one 64-bit word per key, 8 bits per key: about 5% false
  // positives in a filter a twentieth of the slot array's size. The bits
  // come from the hash's high half; the slot index uses the low bits.
  static uint64_t FilterBits(uint64_t h) {
    return (uint64_t{1} << ((h >> 52) & 63)) | (uint64_t{1} << ((h >> 58) & 63));
  }
  bool MayHold(uint64_t h) const {
    const uint64_t bits = FilterBits(h);
    return (filter_[(h >> 32) & filter_mask_] & bits) == bits;
  }
  void BuildFilter() {
    size_t used = 0;
    for (const Slot& s : slots_) used += s.value != kMissing ? 1 : 0;
    size_t words = 1;
    while (words * 8 < used) words <<= 1;
    filter_.assign(words, 0);
    filter_mask_ = words - 1;
    for (const Slot& s : slots_) {
      if (s.value != kMissing) filter_[(s.hash >> 32) & filter_mask_] |= FilterBits(s.hash);
    }
  }
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
  std::vector<uint64_t> filter_;
  size_t filter_mask_ = 0;
};

}  // namespace sitrep

#endif  // SITREP_NER_GAZETTEER_TABLE_H_
