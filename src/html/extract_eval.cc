#include "html/extract_eval.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace sitrep::html {
namespace {

bool IsWordChar(UChar32 c) {
  if (c == '_') return true;
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  // Python's \w: str.isalnum(), i.e. letters (L*) and numbers (N*).
  int8_t type = u_charType(c);
  return (type >= U_UPPERCASE_LETTER && type <= U_OTHER_LETTER) ||
         (type >= U_DECIMAL_DIGIT_NUMBER && type <= U_OTHER_NUMBER);
}

void AppendLower(UChar32 c, std::string* out) {
  c = u_tolower(c);
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, 4, c, error);
  if (!error) out->append(buf, static_cast<size_t>(len));
}

}  // namespace

std::vector<std::string> WordTokens(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  const uint8_t* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0 && IsWordChar(c)) {
      AppendLower(c, &cur);
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

OverlapScore NgramOverlap(std::string_view extracted, std::string_view gold, int n) {
  auto grams = [n](std::string_view text) {
    std::vector<std::string> tokens = WordTokens(text);
    std::unordered_map<std::string, int> counts;
    size_t un = static_cast<size_t>(n);
    if (tokens.size() < un) {
      for (auto& t : tokens) ++counts[t];
      return counts;
    }
    for (size_t i = 0; i + un <= tokens.size(); ++i) {
      std::string key = tokens[i];
      for (size_t k = 1; k < un; ++k) {
        key += '\x1f';
        key += tokens[i + k];
      }
      ++counts[key];
    }
    return counts;
  };
  auto e = grams(extracted);
  auto g = grams(gold);
  OverlapScore s;
  if (e.empty() && g.empty()) return {1, 1, 1};
  if (e.empty() || g.empty()) return s;
  long common = 0, total_e = 0, total_g = 0;
  for (const auto& [k, v] : e) {
    total_e += v;
    auto it = g.find(k);
    if (it != g.end()) common += std::min(v, it->second);
  }
  for (const auto& [k, v] : g) total_g += v;
  s.precision = static_cast<double>(common) / total_e;
  s.recall = static_cast<double>(common) / total_g;
  s.f1 = common == 0 ? 0 : 2 * s.precision * s.recall / (s.precision + s.recall);
  return s;
}

StatusOr<std::string> ReadMaybeGzip(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open");
  std::stringstream buf;
  buf << in.rdbuf();
  std::string data = buf.str();
  if (data.size() < 2 || static_cast<uint8_t>(data[0]) != 0x1f ||
      static_cast<uint8_t>(data[1]) != 0x8b) {
    return data;
  }
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return Status::Internal("inflateInit2 failed");
  zs.next_in = reinterpret_cast<Bytef*>(data.data());
  zs.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char chunk[1 << 16];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    zs.next_out = reinterpret_cast<Bytef*>(chunk);
    zs.avail_out = sizeof(chunk);
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&zs);
      return Status::Corruption(path + ": bad gzip data");
    }
    out.append(chunk, sizeof(chunk) - zs.avail_out);
    if (out.size() > (size_t{1} << 30)) {
      inflateEnd(&zs);
      return Status::InvalidArgument(path + ": gzip expands beyond 1 GB");
    }
    if (rc != Z_STREAM_END && zs.avail_in == 0 && zs.avail_out != 0) {
      inflateEnd(&zs);
      return Status::Corruption(path + ": truncated gzip data");
    }
  }
  inflateEnd(&zs);
  return out;
}

}  // namespace sitrep::html
