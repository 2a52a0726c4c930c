#include "html/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <memory>

namespace sitrep::html {
namespace {

constexpr size_t kMetaScanBytes = size_t{16} * 1024;  // spec says 1024; real pages are later
constexpr char kReplacement[] = "\xEF\xBF\xBD";

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid.
size_t ValidSequenceLength(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  size_t n = s.size() - i;
  auto cont = [&](size_t k) {
    return k < n && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
    if (c == 0xED && c1 > 0x9F) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    if (c == 0xF0 && c1 < 0x90) return 0;
    if (c == 0xF4 && c1 > 0x8F) return 0;
    return 4;
  }
  return 0;
}

// Copies `s`, replacing invalid bytes with U+FFFD; returns how many were replaced.
size_t RepairUtf8(std::string_view s, std::string* out, OffsetMap* map) {
  out->clear();
  out->reserve(s.size() + 16);
  size_t bad = 0;
  size_t run = 0;  // start of the current valid run
  size_t i = 0;
  while (i < s.size()) {
    // Fast path over ASCII.
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t len = ValidSequenceLength(s, i);
    if (len > 0) {
      i += len;
      continue;
    }
    out->append(s.substr(run, i - run));
    map->clean.push_back(static_cast<uint32_t>(out->size()));
    map->raw.push_back(i);
    out->append(kReplacement, 3);
    ++i;
    ++bad;
    run = i;
    map->clean.push_back(static_cast<uint32_t>(out->size()));
    map->raw.push_back(i);
  }
  out->append(s.substr(run));
  return bad;
}

std::string NormalizeName(std::string_view name) {
  std::string n;
  for (char c : name) {
    if (c == '"' || c == '\'' || c == ' ' || c == ';' || c == '>' || c == '/') break;
    n += Lower(c);
  }
  // WHATWG: these labels mean windows-1252.
  if (n == "iso-8859-1" || n == "latin1" || n == "us-ascii" || n == "ascii" || n == "iso8859-1" ||
      n == "l1" || n == "cp1252") {
    return "windows-1252";
  }
  if (n == "utf8") return "utf-8";
  return n;
}

bool IsUtf8Name(std::string_view n) { return n == "utf-8" || n == "unicode-1-1-utf-8"; }

// Converts with ICU, recording anchors where the byte delta changes.
bool ConvertWithIcu(std::string_view raw, const std::string& charset, DecodedPage* page) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(charset.c_str(), &err),
                                                          ucnv_close);
  if (U_FAILURE(err) || conv == nullptr) return false;
  constexpr size_t kChunk = size_t{64} * 1024;
  std::vector<UChar> buf(kChunk);
  std::vector<int32_t> offsets(kChunk);
  const char* src = raw.data();
  const char* src_limit = raw.data() + raw.size();
  std::string& out = page->utf8;
  out.clear();
  out.reserve(raw.size() + raw.size() / 4);
  int64_t delta = 0;  // out offset - raw offset at the last anchor
  size_t replaced = 0;
  while (true) {
    const char* chunk_src = src;
    UChar* target = buf.data();
    err = U_ZERO_ERROR;
    ucnv_toUnicode(conv.get(), &target, buf.data() + kChunk, &src, src_limit, offsets.data(),
                   /*flush=*/true, &err);
    if (U_FAILURE(err) && err != U_BUFFER_OVERFLOW_ERROR) return false;
    size_t n = static_cast<size_t>(target - buf.data());
    size_t base = static_cast<size_t>(chunk_src - raw.data());
    for (size_t k = 0; k < n;) {
      UChar32 c;
      size_t start = k;
      U16_NEXT(buf.data(), k, n, c);
      if (U_IS_SURROGATE(c)) c = 0xFFFD;
      if (c == 0xFFFD) ++replaced;
      uint64_t src_off = offsets[start] >= 0 ? base + static_cast<size_t>(offsets[start])
                                             : (page->to_raw.raw.empty() ? 0 : base);
      int64_t d = static_cast<int64_t>(out.size()) - static_cast<int64_t>(src_off);
      if (d != delta) {
        page->to_raw.clean.push_back(static_cast<uint32_t>(out.size()));
        page->to_raw.raw.push_back(src_off);
        delta = d;
      }
      if (c < 0x80) {
        out += static_cast<char>(c);
      } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
      } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
      } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
      }
    }
    if (err != U_BUFFER_OVERFLOW_ERROR) break;
  }
  if (replaced > 0) {
    page->warnings.push_back("charset " + charset + ": " + std::to_string(replaced) +
                             " characters could not be converted");
  }
  return true;
}

std::string DetectCharset(std::string_view raw, int* confidence) {
  UErrorCode err = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&err);
  if (U_FAILURE(err)) return "";
  // The detector only needs a sample; it is slow on megabytes.
  size_t n = std::min<size_t>(raw.size(), size_t{64} * 1024);
  ucsdet_setText(det, raw.data(), static_cast<int32_t>(n), &err);
  ucsdet_enableInputFilter(det, true);  // ignore markup
  const UCharsetMatch* m = ucsdet_detect(det, &err);
  std::string name;
  if (U_SUCCESS(err) && m != nullptr) {
    const char* nm = ucsdet_getName(m, &err);
    if (U_SUCCESS(err) && nm != nullptr) name = nm;
    *confidence = ucsdet_getConfidence(m, &err);
  }
  ucsdet_close(det);
  return NormalizeName(name);
}

bool HasMultibyteUtf8(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return (c & 0x80) != 0; });
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t len = ValidSequenceLength(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string DeclaredCharset(std::string_view raw, std::string* how) {
  auto starts = [&](std::string_view p) { return raw.substr(0, p.size()) == p; };
  if (starts("\xEF\xBB\xBF")) return *how = "bom", "utf-8";
  if (starts("\xFF\xFE")) return *how = "bom", "utf-16le";
  if (starts("\xFE\xFF")) return *how = "bom", "utf-16be";
  std::string_view head = raw.substr(0, kMetaScanBytes);
  size_t pos = 0;
  while (pos < head.size()) {
    size_t lt = head.find('<', pos);
    if (lt == std::string_view::npos || lt + 5 > head.size()) break;
    pos = lt + 1;
    if (Lower(head[lt + 1]) != 'm' || Lower(head[lt + 2]) != 'e' || Lower(head[lt + 3]) != 't' ||
        Lower(head[lt + 4]) != 'a') {
      continue;
    }
    size_t gt = head.find('>', lt);
    if (gt == std::string_view::npos) break;
    std::string tag;
    for (char c : head.substr(lt, gt - lt)) tag += Lower(c);
    size_t cs = tag.find("charset");
    if (cs == std::string::npos) continue;
    size_t v = cs + 7;
    while (v < tag.size() && (tag[v] == ' ' || tag[v] == '=' || tag[v] == '"' || tag[v] == '\''))
      ++v;
    std::string name = NormalizeName(std::string_view(tag).substr(v));
    if (!name.empty()) {
      *how = tag.find("http-equiv") != std::string::npos ? "http-equiv" : "meta";
      return name;
    }
  }
  return "";
}

namespace {

// Prepends an anchor so offsets point past `skip` leading raw bytes.
void ShiftRaw(size_t skip, OffsetMap* map) {
  if (skip == 0) return;
  OffsetMap shifted;
  shifted.clean.push_back(0);
  shifted.raw.push_back(skip);
  for (size_t i = 0; i < map->clean.size(); ++i) {
    if (map->clean[i] == 0) {
      shifted.raw[0] = map->raw[i] + skip;
      continue;
    }
    shifted.clean.push_back(map->clean[i]);
    shifted.raw.push_back(map->raw[i] + skip);
  }
  *map = std::move(shifted);
}

}  // namespace

DecodedPage DecodePage(std::string_view raw) {
  DecodedPage page;
  std::string how;
  std::string declared = DeclaredCharset(raw, &how);
  size_t skip = 0;
  if (how == "bom") {
    skip = IsUtf8Name(declared) ? 3 : 2;
    raw.remove_prefix(skip);
  }
  std::string charset = declared;
  page.source = how;
  // A page declared as a legacy charset but whose bytes are valid UTF-8 with
  // non-ASCII text is almost always UTF-8 with a wrong declaration.
  if (!charset.empty() && !IsUtf8Name(charset) && how != "bom" && HasMultibyteUtf8(raw) &&
      IsValidUtf8(raw)) {
    page.warnings.push_back("declared charset " + charset + " but the bytes are UTF-8");
    charset = "utf-8";
    page.source = "utf8-valid";
  }
  if (charset.empty()) {
    if (IsValidUtf8(raw)) {
      charset = "utf-8";
      page.source = HasMultibyteUtf8(raw) ? "utf8-valid" : "default";
    } else {
      int confidence = 0;
      charset = DetectCharset(raw, &confidence);
      page.source = "detected";
      if (charset.empty() || IsUtf8Name(charset)) charset = "windows-1252";
      page.warnings.push_back("no charset declared; detected " + charset + " (confidence " +
                              std::to_string(confidence) + ")");
    }
  }
  if (!IsUtf8Name(charset)) {
    if (ConvertWithIcu(raw, charset, &page)) {
      page.charset = charset;
      ShiftRaw(skip, &page.to_raw);
      return page;
    }
    page.warnings.push_back("unknown charset " + charset + "; read as UTF-8");
    page.to_raw = OffsetMap();
  }
  page.charset = "utf-8";
  size_t bad = RepairUtf8(raw, &page.utf8, &page.to_raw);
  if (bad > 0) {
    page.warnings.push_back(std::to_string(bad) + " invalid UTF-8 bytes replaced");
  }
  ShiftRaw(skip, &page.to_raw);
  return page;
}

}  // namespace sitrep::html
