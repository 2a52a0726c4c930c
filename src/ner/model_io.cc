#include "ner/model_io.h"

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#ifndef SITREP_SOURCE_DIR
#define SITREP_SOURCE_DIR "."
#endif

namespace sitrep {
namespace {

constexpr char kMagic[4] = {'S', 'R', 'T', 'G'};

uint64_t Checksum(std::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (char c : bytes) h = (h ^ static_cast<uint8_t>(c)) * 0x100000001b3ull;
  return h;
}

void PutU8(std::string* out, uint8_t v) { out->push_back(static_cast<char>(v)); }
void PutU16(std::string* out, uint16_t v) {
  PutU8(out, v & 0xff);
  PutU8(out, v >> 8);
}
void PutU32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) PutU8(out, (v >> (8 * i)) & 0xff);
}
void PutU64(std::string* out, uint64_t v) {
  for (int i = 0; i < 8; ++i) PutU8(out, (v >> (8 * i)) & 0xff);
}
void PutVarint(std::string* out, uint32_t v) {
  while (v >= 0x80) {
    PutU8(out, static_cast<uint8_t>(v | 0x80));
    v >>= 7;
  }
  PutU8(out, static_cast<uint8_t>(v));
}
uint32_t ZigZag(int32_t v) {
  return (static_cast<uint32_t>(v) << 1) ^ static_cast<uint32_t>(v >> 31);
}
int32_t UnZigZag(uint32_t v) { return static_cast<int32_t>(v >> 1) ^ -static_cast<int32_t>(v & 1); }

// Bounds-checked little-endian reader; the first failure sticks.
class Reader {
 public:
  explicit Reader(std::string_view b) : b_(b) {}
  bool ok() const { return ok_; }
  size_t pos() const { return pos_; }
  uint8_t U8() {
    if (!Need(1)) return 0;
    return static_cast<uint8_t>(b_[pos_++]);
  }
  uint16_t U16() {
    uint16_t lo = U8();
    return static_cast<uint16_t>(lo | U8() << 8);
  }
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
  uint32_t Varint() {
    uint32_t v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      uint8_t c = U8();
      if (!ok_) return 0;
      v |= static_cast<uint32_t>(c & 0x7f) << shift;
      if ((c & 0x80) == 0) return v;
    }
    ok_ = false;
    return 0;
  }
  std::string_view Bytes(size_t n) {
    if (!Need(n)) return {};
    std::string_view s = b_.substr(pos_, n);
    pos_ += n;
    return s;
  }

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

}  // namespace

std::string SerializeModel(const ModelData& m) {
  std::string out(kMagic, 4);
  // A model without a dictionary is written as version 2, byte for byte as
  // before the dictionary existed.
  PutU32(&out, m.dictionary.empty() ? 2 : kModelFormatVersion);
  PutU32(&out, m.feature_set_version);
  PutU8(&out, static_cast<uint8_t>(m.kind.size()));
  out += m.kind;
  PutU8(&out, m.flags);
  PutU8(&out, static_cast<uint8_t>(m.bucket_bits));
  PutU16(&out, static_cast<uint16_t>(m.classes.size()));
  for (const auto& c : m.classes) {
    PutU8(&out, static_cast<uint8_t>(c.size()));
    out += c;
  }
  uint32_t scale_bits;
  std::memcpy(&scale_bits, &m.scale, 4);
  PutU32(&out, scale_bits);
  uint32_t rows = 0;
  for (size_t i = 0; i < m.entries.size(); ++i) {
    if (i == 0 || m.entries[i].bucket != m.entries[i - 1].bucket) ++rows;
  }
  PutU32(&out, rows);
  PutU32(&out, static_cast<uint32_t>(m.entries.size()));
  uint32_t prev_bucket = 0;
  for (size_t i = 0; i < m.entries.size();) {
    size_t j = i;
    while (j < m.entries.size() && m.entries[j].bucket == m.entries[i].bucket) ++j;
    PutVarint(&out, m.entries[i].bucket - prev_bucket);
    prev_bucket = m.entries[i].bucket;
    PutVarint(&out, static_cast<uint32_t>(j - i));
    for (size_t k = i; k < j; ++k) {
      PutU8(&out, static_cast<uint8_t>(m.entries[k].cls));
      PutVarint(&out, ZigZag(m.entries[k].q));
    }
    i = j;
  }
  if (!m.dictionary.empty()) {
    PutU32(&out, static_cast<uint32_t>(m.dictionary.size()));
    for (const DictionaryEntry& e : m.dictionary) {
      PutU8(&out, static_cast<uint8_t>(e.word.size()));
      out += e.word;
      PutU8(&out, static_cast<uint8_t>(e.cls));
    }
  }
  PutU64(&out, Checksum(out));
  return out;
}

StatusOr<ModelData> ParseModel(std::string_view bytes) {
  auto bad = [](std::string_view why) {
    return Status::Corruption(std::string("model: ") + std::string(why));
  };
  if (bytes.size() < 4 + 8 || std::memcmp(bytes.data(), kMagic, 4) != 0) {
    return bad("not a sitrep tagger model (bad magic)");
  }
  std::string_view body = bytes.substr(0, bytes.size() - 8);
  Reader tail(bytes.substr(bytes.size() - 8));
  if (tail.U64() != Checksum(body)) return bad("checksum mismatch (truncated or damaged file)");
  Reader r(body);
  r.Bytes(4);
  uint32_t version = r.U32();
  if (version < 1 || version > kModelFormatVersion) {
    return bad("format version " + std::to_string(version) + ", expected 1 to " +
               std::to_string(kModelFormatVersion));
  }
  ModelData m;
  m.feature_set_version = r.U32();
  m.kind = std::string(r.Bytes(r.U8()));
  if (version >= 2) m.flags = r.U8();
  if ((m.flags & ~kModelUsesGazetteerHints) != 0) return bad("unknown flags");
  m.bucket_bits = r.U8();
  if (!r.ok() || m.bucket_bits < 10 || m.bucket_bits > 26) return bad("bad header");
  uint16_t num_classes = r.U16();
  if (num_classes == 0 || num_classes > 255) return bad("bad class count");
  for (uint16_t i = 0; i < num_classes; ++i) m.classes.emplace_back(r.Bytes(r.U8()));
  uint32_t scale_bits = r.U32();
  std::memcpy(&m.scale, &scale_bits, 4);
  uint32_t rows = r.U32();
  uint32_t entries = r.U32();
  if (!r.ok() || entries > body.size()) return bad("bad sizes");
  m.entries.reserve(entries);
  uint32_t bucket = 0;
  const uint32_t num_buckets = 1u << m.bucket_bits;
  for (uint32_t row = 0; row < rows && r.ok(); ++row) {
    uint32_t delta = r.Varint();
    if (row > 0 && delta == 0) return bad("rows out of order");
    bucket += delta;
    if (bucket >= num_buckets) return bad("bucket out of range");
    uint32_t count = r.Varint();
    if (count == 0 || count > num_classes) return bad("bad row length");
    int prev_cls = -1;
    for (uint32_t k = 0; k < count && r.ok(); ++k) {
      uint8_t cls = r.U8();
      int32_t q = UnZigZag(r.Varint());
      if (cls >= num_classes || cls <= prev_cls || q < -32768 || q > 32767) {
        return bad("bad weight entry");
      }
      prev_cls = cls;
      m.entries.push_back({bucket, cls, static_cast<int16_t>(q)});
    }
  }
  if (!r.ok()) return bad("truncated");
  if (version >= 3) {
    const uint32_t words = r.U32();
    if (!r.ok() || words == 0 || words > body.size()) return bad("bad dictionary size");
    m.dictionary.reserve(words);
    for (uint32_t k = 0; k < words && r.ok(); ++k) {
      const uint8_t len = r.U8();
      DictionaryEntry e{std::string(r.Bytes(len)), r.U8()};
      if (!r.ok()) break;
      if (len == 0 || len > kMaxDictionaryWordBytes || e.cls >= num_classes ||
          (k > 0 && e.word <= m.dictionary.back().word)) {
        return bad("bad dictionary entry");
      }
      m.dictionary.push_back(std::move(e));
    }
    if (!r.ok()) return bad("truncated dictionary");
  }
  if (r.pos() != body.size() || m.entries.size() != entries) return bad("trailing or missing data");
  return m;
}

Status WriteModelFile(const std::string& path, const ModelData& model) {
  std::string bytes = SerializeModel(model);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::IOError(path + ": cannot open for writing");
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return Status::IOError(path + ": write failed");
  return Status::OK();
}

StatusOr<ModelData> ReadModelFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open model");
  std::stringstream buf;
  buf << in.rdbuf();
  auto m = ParseModel(buf.str());
  if (!m.ok()) return m.status().WithPrefix(path);
  return m;
}

std::string ModelPath(std::string_view name) {
  const char* env = std::getenv("SITREP_MODEL_DIR");
  std::string dir = (env != nullptr && *env != '\0') ? env : SITREP_SOURCE_DIR "/models";
  dir += '/';
  dir += name;
  return dir;
}

}  // namespace sitrep
