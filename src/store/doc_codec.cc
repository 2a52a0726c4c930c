#include "store/doc_codec.h"

#include <zlib.h>

#include <cstring>
#include <nlohmann/json.hpp>

#include "base/json_writer.h"
#include "base/removals_json.h"

namespace sitrep::store {

using json = nlohmann::json;

std::string EncodeOffsets(const OffsetMap& offsets) {
  std::string out;
  out.reserve(24 + 8 * offsets.clean.size() + 12 * offsets.raw.size());
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("clean");
  w.BeginArray();
  for (uint32_t v : offsets.clean) w.Value(v);
  w.EndArray();
  w.Key("raw");
  w.BeginArray();
  for (uint64_t v : offsets.raw) w.Value(v);
  w.EndArray();
  w.EndObject();
  return out;
}

Status DecodeOffsets(std::string_view text, OffsetMap* out) {
  json j = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  out->clean.clear();
  out->raw.clear();
  if (j.is_discarded() || !j.is_object()) return Status::Corruption("offset map does not parse");
  auto clean = j.find("clean");
  auto raw = j.find("raw");
  if (clean == j.end() && raw == j.end()) return Status::OK();  // no map: identity
  if (clean == j.end() || raw == j.end() || !clean->is_array() || !raw->is_array() ||
      clean->size() != raw->size()) {
    return Status::Corruption("offset map arrays are missing or differ in length");
  }
  for (const auto& v : *clean) {
    if (!v.is_number_unsigned()) return Status::Corruption("offset map: bad clean offset");
    out->clean.push_back(v.get<uint32_t>());
  }
  for (const auto& v : *raw) {
    if (!v.is_number_unsigned()) return Status::Corruption("offset map: bad raw offset");
    out->raw.push_back(v.get<uint64_t>());
  }
  return Status::OK();
}

std::string EncodeRemovals(const std::vector<Removal>& removed) {
  std::string out;
  JsonWriter w(&out);
  WriteRemovals(removed, &w);
  return out;
}

Status DecodeRemovals(std::string_view text, std::vector<Removal>* out) {
  json j = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  out->clear();
  if (j.is_discarded() || !j.is_array()) return Status::Corruption("removals do not parse");
  for (const auto& r : j) {
    if (!r.is_object()) return Status::Corruption("removals: not an object");
    Removal x;
    x.raw_start = r.value("raw_start", uint64_t{0});
    x.raw_end = r.value("raw_end", uint64_t{0});
    x.text = r.value("text", std::string());
    x.reason = r.value("reason", std::string());
    out->push_back(std::move(x));
  }
  return Status::OK();
}

std::string EncodeSignature(const std::vector<uint64_t>& signature) {
  std::string bytes(signature.size() * 8, '\0');
  for (size_t i = 0; i < signature.size(); ++i) {
    for (int b = 0; b < 8; ++b) bytes[i * 8 + b] = static_cast<char>(signature[i] >> (8 * b));
  }
  return bytes;
}

std::vector<uint64_t> DecodeSignature(std::string_view bytes) {
  std::vector<uint64_t> out(bytes.size() / 8);
  for (size_t i = 0; i < out.size(); ++i) {
    uint64_t v = 0;
    for (int b = 7; b >= 0; --b) v = (v << 8) | static_cast<unsigned char>(bytes[i * 8 + b]);
    out[i] = v;
  }
  return out;
}

double SignatureAgreement(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() || a.size() != b.size()) return 0;
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  return static_cast<double>(same) / static_cast<double>(a.size());
}

namespace {

constexpr char kPacked = '\xFF';
// Shorter values gain nothing from compression, for the header's cost.
constexpr size_t kMinCompressBytes = 64;
// zlib's window: a longer dictionary is cut to its first window's worth,
// the part the start of the raw input matches.
constexpr size_t kMaxDictionaryBytes = 32 << 10;
// Level 6 (zlib's default) gains little over this on annotation JSON and
// takes twice the time, in the store's single writer thread.
constexpr int kLevel = 3;

std::string_view Dictionary(std::string_view d) { return d.substr(0, kMaxDictionaryBytes); }

bool Deflate(std::string_view in, std::string_view dictionary, std::string* out) {
  z_stream z{};
  if (deflateInit(&z, kLevel) != Z_OK) return false;
  if (!dictionary.empty() &&
      deflateSetDictionary(&z, reinterpret_cast<const Bytef*>(dictionary.data()),
                           static_cast<uInt>(dictionary.size())) != Z_OK) {
    deflateEnd(&z);
    return false;
  }
  size_t header = out->size();
  out->resize(header + deflateBound(&z, static_cast<uLong>(in.size())));
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out->data() + header);
  z.avail_out = static_cast<uInt>(out->size() - header);
  int rc = deflate(&z, Z_FINISH);
  out->resize(header + z.total_out);
  deflateEnd(&z);
  return rc == Z_STREAM_END;
}

}  // namespace

std::string PackColumn(std::string_view value, std::string_view dictionary) {
  std::string out;
  if (value.size() >= kMinCompressBytes && value.size() <= 0xFFFFFFFFu) {
    dictionary = Dictionary(dictionary);
    out.push_back(kPacked);
    out.push_back(dictionary.empty() ? 'z' : 'd');
    uint32_t n = static_cast<uint32_t>(value.size());
    for (int b = 0; b < 4; ++b) out.push_back(static_cast<char>(n >> (8 * b)));
    if (Deflate(value, dictionary, &out) && out.size() < value.size() + 2) return out;
    out.clear();
  }
  out.reserve(value.size() + 2);
  out.push_back(kPacked);
  out.push_back('p');
  out.append(value);
  return out;
}

StatusOr<std::string> UnpackColumn(std::string_view stored, std::string_view dictionary) {
  if (stored.empty() || stored[0] != kPacked) return std::string(stored);
  if (stored.size() >= 2 && stored[1] == 'p') return std::string(stored.substr(2));
  if (stored.size() < 6 || (stored[1] != 'z' && stored[1] != 'd')) {
    return Status::Corruption("packed column: unknown method");
  }
  uint32_t n = 0;
  for (int b = 3; b >= 0; --b) n = (n << 8) | static_cast<unsigned char>(stored[2 + b]);
  // Deflate expands at most 1032:1: a larger size is damage, not data.
  if (n > 1032 * (stored.size() - 6) + 1024) return Status::Corruption("packed column: bad size");
  std::string out(n, '\0');
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return Status::Internal("zlib: inflateInit failed");
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(stored.data() + 6));
  z.avail_in = static_cast<uInt>(stored.size() - 6);
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = inflate(&z, Z_FINISH);
  if (rc == Z_NEED_DICT && stored[1] == 'd') {
    dictionary = Dictionary(dictionary);
    if (inflateSetDictionary(&z, reinterpret_cast<const Bytef*>(dictionary.data()),
                             static_cast<uInt>(dictionary.size())) == Z_OK) {
      rc = inflate(&z, Z_FINISH);
    }
  }
  size_t produced = z.total_out;
  inflateEnd(&z);
  if (rc != Z_STREAM_END || produced != n) {
    return Status::Corruption("packed column does not inflate (zlib " + std::to_string(rc) + ")");
  }
  return out;
}

}  // namespace sitrep::store
