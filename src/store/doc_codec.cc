#include "store/doc_codec.h"

#include <cstring>
#include <nlohmann/json.hpp>

namespace sitrep::store {

using json = nlohmann::json;

std::string EncodeOffsets(const OffsetMap& offsets) {
  json j = {{"clean", offsets.clean}, {"raw", offsets.raw}};
  return j.dump();
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
  json j = json::array();
  for (const auto& r : removed) {
    j.push_back({{"raw_start", r.raw_start},
                 {"raw_end", r.raw_end},
                 {"text", r.text},
                 {"reason", r.reason}});
  }
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
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

}  // namespace sitrep::store
