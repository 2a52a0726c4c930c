#include "ingest/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

namespace sitrep::ingest {
namespace {

enum class CharClass { kPlain, kSpace, kNewline, kParagraph, kDrop, kReplace };

struct Decoded {
  uint32_t cp;
  int len;
};

// Decodes one code point of valid UTF-8 (invalid bytes count as U+FFFD).
Decoded Decode(std::string_view s, size_t i) {
  int32_t off = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(s.data(), off, static_cast<int32_t>(s.size()), c);
  if (c < 0) c = 0xFFFD;
  return {static_cast<uint32_t>(c), off - static_cast<int32_t>(i)};
}

// Classifies a code point; *replacement is set for kReplace.
CharClass Classify(uint32_t cp, const char** replacement) {
  if (cp >= 0x21 && cp <= 0x7E) return CharClass::kPlain;
  switch (cp) {
    case ' ':
    case 0x09:
    case 0x0B:
    case 0x0C:
    case 0xA0:
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return CharClass::kSpace;
    case 0x0A:
    case 0x0D:
    case 0x85:
    case 0x2028:
      return CharClass::kNewline;
    case 0x2029:
      return CharClass::kParagraph;
    case 0xAD:
    case 0x200B:
    case 0x200E:
    case 0x200F:
    case 0x2060:
    case 0xFEFF:
      return CharClass::kDrop;
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
      *replacement = "'";
      return CharClass::kReplace;
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0xAB:
    case 0xBB:
      *replacement = "\"";
      return CharClass::kReplace;
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2043:
    case 0x2212:
    case 0xFE63:
    case 0xFF0D:
      *replacement = "-";
      return CharClass::kReplace;
    case 0x2015:
      *replacement = "\xE2\x80\x94";  // em dash
      return CharClass::kReplace;
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return CharClass::kSpace;
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return CharClass::kDrop;
  return CharClass::kPlain;
}

const icu::Normalizer2* Nfc() {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  return U_SUCCESS(err) ? nfc : nullptr;
}

}  // namespace

CleanText NormalizeNfc(const CleanText& in) {
  const icu::Normalizer2* nfc = Nfc();
  if (nfc == nullptr) return in;
  UErrorCode err = U_ZERO_ERROR;
  icu::StringPiece piece(in.text().data(), static_cast<int32_t>(in.size()));
  if (nfc->isNormalizedUTF8(piece, err) && U_SUCCESS(err)) return in;
  err = U_ZERO_ERROR;
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  icu::Edits edits;
  nfc->normalizeUTF8(0, piece, sink, &edits, err);
  if (U_FAILURE(err)) return in;
  CleanTextBuilder b(in);
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(err) && U_SUCCESS(err)) {
    size_t src = static_cast<size_t>(it.sourceIndex());
    if (!it.hasChange()) {
      b.Copy(src, src + static_cast<size_t>(it.oldLength()));
    } else {
      b.Insert(std::string_view(out).substr(it.destinationIndex(), it.newLength()), src);
    }
  }
  return std::move(b).Finish();
}

CleanText NormalizeCharacters(const CleanText& in) {
  std::string_view s = in.text();
  CleanTextBuilder b(in);
  size_t run_start = std::string::npos;  // start of a run of bytes copied as is
  size_t space_pos = std::string::npos;  // pending space (source position)
  size_t newline_pos = std::string::npos;
  int newlines = 0;
  auto flush_run = [&](size_t end) {
    if (run_start != std::string::npos) b.Copy(run_start, end);
    run_start = std::string::npos;
  };
  // Emits pending whitespace before visible text at source position i.
  auto flush_space = [&]() {
    if (newlines > 0) {
      if (!b.empty()) {
        int n = newlines >= 2 ? 2 : 1;
        if (n == 1 && s[newline_pos] == '\n') {
          b.Copy(newline_pos, newline_pos + 1);
        } else {
          b.Insert(n == 2 ? "\n\n" : "\n", newline_pos);
        }
      }
    } else if (space_pos != std::string::npos && !b.empty()) {
      if (s[space_pos] == ' ') {
        b.Copy(space_pos, space_pos + 1);
      } else {
        b.Insert(" ", space_pos);
      }
    }
    newlines = 0;
    space_pos = newline_pos = std::string::npos;
  };
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x21 && c <= 0x7E) {  // ASCII fast path
      if (run_start == std::string::npos) {
        flush_space();
        run_start = i;
      }
      ++i;
      continue;
    }
    Decoded d = Decode(s, i);
    const char* replacement = nullptr;
    CharClass cls = Classify(d.cp, &replacement);
    if (cls == CharClass::kPlain) {
      if (run_start == std::string::npos) {
        flush_space();
        run_start = i;
      }
      i += d.len;
      continue;
    }
    flush_run(i);
    switch (cls) {
      case CharClass::kSpace:
        if (newlines == 0 && space_pos == std::string::npos) space_pos = i;
        break;
      case CharClass::kNewline:
        // "\r\n" is one line end.
        if (!(c == '\r' && i + 1 < s.size() && s[i + 1] == '\n')) {
          if (newlines == 0) newline_pos = i;
          ++newlines;
        }
        space_pos = std::string::npos;
        break;
      case CharClass::kParagraph:
        if (newlines == 0) newline_pos = i;
        newlines += 2;
        space_pos = std::string::npos;
        break;
      case CharClass::kDrop:
        break;
      case CharClass::kReplace:
        flush_space();
        b.Insert(replacement, i);
        break;
      case CharClass::kPlain:
        break;
    }
    i += d.len;
  }
  flush_run(s.size());
  return std::move(b).Finish();
}

std::string NormalizeForId(std::string_view raw) {
  std::string nfc_buf;
  const icu::Normalizer2* nfc = Nfc();
  if (nfc != nullptr) {
    UErrorCode err = U_ZERO_ERROR;
    icu::StringPiece piece(raw.data(), static_cast<int32_t>(raw.size()));
    if (!nfc->isNormalizedUTF8(piece, err) || U_FAILURE(err)) {
      err = U_ZERO_ERROR;
      icu::StringByteSink<std::string> sink(&nfc_buf);
      nfc->normalizeUTF8(0, piece, sink, nullptr, err);
      if (U_SUCCESS(err)) raw = nfc_buf;
    }
  }
  std::string out;
  out.reserve(raw.size());
  bool pending_space = false;
  size_t i = 0;
  while (i < raw.size()) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c >= 0x21 && c <= 0x7E) {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      size_t j = i + 1;
      while (j < raw.size() && static_cast<unsigned char>(raw[j]) >= 0x21 &&
             static_cast<unsigned char>(raw[j]) <= 0x7E) {
        ++j;
      }
      out.append(raw.substr(i, j - i));
      i = j;
      continue;
    }
    Decoded d = Decode(raw, i);
    const char* replacement = nullptr;
    CharClass cls = Classify(d.cp, &replacement);
    if (cls == CharClass::kPlain || cls == CharClass::kReplace) {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out.append(raw.substr(i, d.len));
    } else if (cls != CharClass::kDrop || d.cp >= 0x80) {
      // Whitespace, and invisible characters, separate words at most.
      if (cls != CharClass::kDrop) pending_space = true;
    }
    i += d.len;
  }
  return out;
}

size_t RepairUtf8(std::string* s, size_t* first_bad) {
  size_t bad = 0;
  std::string out;
  const char* p = s->data();
  int32_t n = static_cast<int32_t>(s->size());
  int32_t i = 0, copied = 0;
  while (i < n) {
    if (static_cast<unsigned char>(p[i]) < 0x80) {
      ++i;
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0) continue;
    if (bad == 0) {
      if (first_bad) *first_bad = static_cast<size_t>(start);
      out.reserve(s->size() + 16);
    }
    ++bad;
    out.append(p + copied, start - copied);
    out.append("\xEF\xBF\xBD");
    copied = i;
  }
  if (bad == 0) return 0;
  out.append(p + copied, n - copied);
  *s = std::move(out);
  return bad;
}

}  // namespace sitrep::ingest
