#include "base/json_writer.h"

#include <nlohmann/json.hpp>

namespace sitrep {
namespace {

// Whether `s` is well-formed UTF-8 (Unicode table 3-7: no overlong forms,
// no surrogates, nothing above U+10FFFF), the UTF-8 nlohmann's writer
// copies as it is.
bool WellFormedUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    int n = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (end - p <= n) return false;
    if (p[1] < lo || p[1] > hi) return false;
    for (int i = 2; i <= n; ++i) {
      if (p[i] < 0x80 || p[i] > 0xBF) return false;
    }
    p += n + 1;
  }
  return true;
}

}  // namespace

void JsonWriter::String(std::string_view s) {
  if (!WellFormedUtf8(s)) {
    // Ill-formed input is rare: nlohmann's own writer replaces it.
    out_->append(nlohmann::json(std::string(s))
                     .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return;
  }
  static const char kHex[] = "0123456789abcdef";
  out_->push_back('"');
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out_->append("\\\"");
        break;
      case '\\':
        out_->append("\\\\");
        break;
      case '\b':
        out_->append("\\b");
        break;
      case '\t':
        out_->append("\\t");
        break;
      case '\n':
        out_->append("\\n");
        break;
      case '\f':
        out_->append("\\f");
        break;
      case '\r':
        out_->append("\\r");
        break;
      default: {
        const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out_->append(esc, sizeof esc);
      }
    }
  }
  out_->append(s.data() + run, s.size() - run);
  out_->push_back('"');
}

void JsonWriter::Value(double v) {
  Separate();
  // Shortest round-trip form, as nlohmann writes it ("3.0", "1e+20", null
  // for NaN and infinities).
  out_->append(nlohmann::json(v).dump());
}

}  // namespace sitrep
