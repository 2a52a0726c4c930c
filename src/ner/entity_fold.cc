#include "ner/entity_fold.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace sitrep {
namespace {

// One transliterator per thread: ICU transliterators keep per-call state.
icu::Transliterator* ThreadTransliterator() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> tr(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) tr.reset();
    return tr;
  }();
  return t.get();
}

struct SpoofCloser {
  void operator()(USpoofChecker* sc) const { uspoof_close(sc); }
};

USpoofChecker* ThreadSpoofChecker() {
  thread_local std::unique_ptr<USpoofChecker, SpoofCloser> sc = [] {
    UErrorCode status = U_ZERO_ERROR;
    USpoofChecker* c = uspoof_open(&status);
    if (U_FAILURE(status)) c = nullptr;
    return std::unique_ptr<USpoofChecker, SpoofCloser>(c);
  }();
  return sc.get();
}

bool IsLookAlikeScript(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(c, &status);
  return U_SUCCESS(status) && (script == USCRIPT_CYRILLIC || script == USCRIPT_GREEK);
}

// Replaces Cyrillic/Greek letters in a token that also has Latin letters by
// their Latin look-alikes, when the confusable skeleton is one ASCII letter.
void ReplaceLookAlikes(icu::UnicodeString* s) {
  bool has_latin = false, has_other = false;
  for (int32_t i = 0; i < s->length();) {
    UChar32 c = s->char32At(i);
    if (c < 0x80 && u_isalpha(c)) has_latin = true;
    if (c >= 0x80 && IsLookAlikeScript(c)) has_other = true;
    i += U16_LENGTH(c);
  }
  if (!has_latin || !has_other) return;
  USpoofChecker* sc = ThreadSpoofChecker();
  if (sc == nullptr) return;
  icu::UnicodeString out;
  for (int32_t i = 0; i < s->length();) {
    UChar32 c = s->char32At(i);
    i += U16_LENGTH(c);
    if (c >= 0x80 && IsLookAlikeScript(c)) {
      icu::UnicodeString one(c), skeleton;
      UErrorCode status = U_ZERO_ERROR;
      uspoof_getSkeletonUnicodeString(sc, 0, one, skeleton, &status);
      if (U_SUCCESS(status) && skeleton.length() == 1 && skeleton[0] < 0x80 &&
          u_isalpha(skeleton[0])) {
        out.append(skeleton);
        continue;
      }
    }
    out.append(c);
  }
  *s = out;
}

std::string ToAscii(std::string_view text) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  ReplaceLookAlikes(&s);
  if (icu::Transliterator* t = ThreadTransliterator()) t->transliterate(s);
  std::string out;
  s.toUTF8String(out);
  return out;
}

// ToAscii through a small per-thread cache: the same few non-ASCII tokens
// ("’s", "“", "–") come back in every document, and a transliteration costs
// microseconds. Direct-mapped by a hash of the text; longer texts bypass it.
const std::string& CachedToAscii(std::string_view text) {
  constexpr size_t kSlots = 1024;
  constexpr size_t kMaxKeyBytes = 48;
  struct Slot {
    std::string key, value;
    bool used = false;
  };
  thread_local std::vector<Slot> cache(kSlots);
  thread_local std::string uncached;
  if (text.size() > kMaxKeyBytes) {
    uncached = ToAscii(text);
    return uncached;
  }
  uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a
  for (unsigned char c : text) h = (h ^ c) * 0x100000001b3ull;
  Slot& slot = cache[(h ^ (h >> 29)) & (kSlots - 1)];
  if (!slot.used || slot.key != text) {
    slot.key.assign(text);
    slot.value = ToAscii(text);
    slot.used = true;
  }
  return slot.value;
}

inline bool IsAsciiAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
inline char Lower(unsigned char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : static_cast<char>(c);
}

}  // namespace

void AppendFolded(std::string_view text, std::string* out) {
  if (!IsAscii(text)) {
    const std::string& ascii = CachedToAscii(text);
    for (unsigned char c : ascii) {
      if (IsAsciiAlnum(c)) out->push_back(Lower(c));
    }
    return;
  }
  for (unsigned char c : text) {
    if (IsAsciiAlnum(c)) out->push_back(Lower(c));
  }
}

std::string Slugify(std::string_view text) {
  std::string ascii = IsAscii(text) ? std::string(text) : CachedToAscii(text);
  std::string out;
  bool pending_dash = false;
  for (unsigned char c : ascii) {
    if (c == '\'') continue;  // "People's" -> "peoples"
    if (IsAsciiAlnum(c)) {
      if (pending_dash && !out.empty()) out.push_back('-');
      pending_dash = false;
      out.push_back(Lower(c));
    } else {
      pending_dash = true;
    }
  }
  return out;
}

}  // namespace sitrep
