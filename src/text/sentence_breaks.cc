#include "text/sentence_breaks.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

namespace sitrep::text {
namespace {

// UAX #29 Sentence_Break classes.
enum class Sb : uint8_t {
  kOther,
  kCR,
  kLF,
  kSep,
  kExtend,
  kFormat,
  kSp,
  kLower,
  kUpper,
  kOLetter,
  kNumeric,
  kATerm,
  kSTerm,
  kSContinue,
  kClose,
};

Sb FromIcu(int32_t v) {
  switch (v) {
    case U_SB_CR:
      return Sb::kCR;
    case U_SB_LF:
      return Sb::kLF;
    case U_SB_SEP:
      return Sb::kSep;
    case U_SB_EXTEND:
      return Sb::kExtend;
    case U_SB_FORMAT:
      return Sb::kFormat;
    case U_SB_SP:
      return Sb::kSp;
    case U_SB_LOWER:
      return Sb::kLower;
    case U_SB_UPPER:
      return Sb::kUpper;
    case U_SB_OLETTER:
      return Sb::kOLetter;
    case U_SB_NUMERIC:
      return Sb::kNumeric;
    case U_SB_ATERM:
      return Sb::kATerm;
    case U_SB_STERM:
      return Sb::kSTerm;
    case U_SB_SCONTINUE:
      return Sb::kSContinue;
    case U_SB_CLOSE:
      return Sb::kClose;
    default:
      return Sb::kOther;
  }
}

Sb ClassOf(UChar32 c) {
  static const std::array<Sb, 128> kAscii = [] {
    std::array<Sb, 128> t{};
    for (UChar32 a = 0; a < 128; ++a)
      t[a] = FromIcu(u_getIntPropertyValue(a, UCHAR_SENTENCE_BREAK));
    return t;
  }();
  if (c < 128) return kAscii[c];
  return FromIcu(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
}

bool IsParaSep(Sb c) { return c == Sb::kSep || c == Sb::kCR || c == Sb::kLF; }
bool IsSATerm(Sb c) { return c == Sb::kATerm || c == Sb::kSTerm; }

// One character with the Extend and Format characters that follow it (UAX
// #29 rule SB5): the rules see its class only.
struct Unit {
  Sb cls;
  uint32_t start;
};

// The suppression list of ICU's FilteredBreakIteratorBuilder for "en", in
// the two tables it builds: exceptions read backwards from a break ("Mr."
// before "Smith"), and, for exceptions with an inner full stop ("U.S."),
// their prefix up to it backwards plus the whole forwards. Keys are UTF-8;
// a code point at a time keeps prefixes what they are in ICU's UTF-16 trie.
class Suppressions {
 public:
  static const Suppressions& Get() {
    static const Suppressions instance;
    return instance;
  }

  // Whether ICU's filter drops the break at n (n < line.size()).
  bool Suppressed(std::string_view line, size_t n) const {
    if (backward_.empty()) return false;
    int32_t len = static_cast<int32_t>(line.size());
    int32_t i = static_cast<int32_t>(n);
    // "Assume a space is following the '.'": one U+0020 is stepped over.
    if (i > 0 && line[i - 1] == ' ') --i;
    std::string key;
    int64_t best = -1;
    uint8_t best_value = 0;
    while (i > 0) {
      UChar32 c;
      U8_PREV_OR_FFFD(line.data(), 0, i, c);
      AppendUtf8(c, &key);
      auto it = backward_.find(key);
      if (it == backward_.end()) break;
      if (it->second & kHasValue) {
        best = i;
        best_value = it->second & (kMatch | kPartial);
      }
      if (!(it->second & kHasNext)) break;
    }
    if (best < 0) return false;
    if (best_value == kMatch) return true;
    if (best_value != kPartial || forward_.empty()) return false;
    // Forwards from the prefix: a whole exception, or the text ending
    // inside one, suppresses (ICU: USTRINGTRIE_MATCHES after the walk).
    key.clear();
    int32_t j = static_cast<int32_t>(best);
    bool matches = true;
    while (j < len) {
      UChar32 c;
      U8_NEXT_OR_FFFD(line.data(), j, len, c);
      AppendUtf8(c, &key);
      auto it = forward_.find(key);
      if (it == forward_.end()) {
        matches = false;
        break;
      }
      if (!(it->second & kHasNext)) break;
    }
    return matches;
  }

 private:
  static constexpr uint8_t kPartial = 1, kMatch = 2, kHasValue = 4, kHasNext = 8;

  static void AppendUtf8(UChar32 c, std::string* out) {
    char buf[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, c);
    out->append(buf, static_cast<size_t>(n));
  }

  static std::string Utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
  }

  // Adds a key with a value, and marks each of its proper prefixes (a code
  // point at a time) as having a next.
  static void Add(std::unordered_map<std::string, uint8_t>* table, const icu::UnicodeString& key,
                  uint8_t value) {
    std::string utf8;
    for (int32_t i = 0; i < key.length();) {
      UChar32 c = key.char32At(i);
      i += U16_LENGTH(c);
      if (!utf8.empty()) (*table)[utf8] |= kHasNext;
      AppendUtf8(c, &utf8);
    }
    (*table)[utf8] |= static_cast<uint8_t>(value | kHasValue);
  }

  // Follows SimpleFilteredBreakIteratorBuilder::build (ICU 72).
  Suppressions() {
    std::vector<icu::UnicodeString> strs;
    UErrorCode status = U_ZERO_ERROR;
    UResourceBundle* bundle = ures_open(U_ICUDATA_NAME "-brkitr", "en", &status);
    UResourceBundle* exceptions = ures_getByKey(bundle, "exceptions", nullptr, &status);
    UResourceBundle* breaks = ures_getByKey(exceptions, "SentenceBreak", nullptr, &status);
    UResourceBundle* item = nullptr;
    while (U_SUCCESS(status) && ures_hasNext(breaks)) {
      item = ures_getNextResource(breaks, item, &status);
      int32_t n = 0;
      const UChar* s = ures_getString(item, &n, &status);
      if (U_SUCCESS(status)) strs.emplace_back(s, n);
    }
    ures_close(item);
    ures_close(breaks);
    ures_close(exceptions);
    ures_close(bundle);
    if (U_FAILURE(status)) return;
    // ICU keeps them in a sorted set (UTF-16 order, no duplicates).
    std::sort(strs.begin(), strs.end(),
              [](const icu::UnicodeString& a, const icu::UnicodeString& b) { return a < b; });
    strs.erase(std::unique(strs.begin(), strs.end()), strs.end());

    constexpr int kSuppressInReverse = 1, kAddToForward = 2;
    std::vector<int> partials(strs.size(), 0);
    for (size_t i = 0; i < strs.size(); ++i) {
      int32_t nn = strs[i].indexOf(u'.');
      if (nn < 0 || nn + 1 == strs[i].length()) continue;
      int same_as = -1;
      for (size_t j = 0; j < strs.size(); ++j) {
        if (j == i) continue;
        if (strs[i].compare(0, nn + 1, strs[j], 0, nn + 1) == 0) {
          if (partials[j] == 0) {
            partials[j] = kSuppressInReverse | kAddToForward;
          } else if (partials[j] & kSuppressInReverse) {
            same_as = static_cast<int>(j);
          }
        }
      }
      if (same_as == -1 && partials[i] == 0) {
        icu::UnicodeString prefix(strs[i], 0, nn + 1);
        prefix.reverse();
        Add(&backward_, prefix, kPartial);
        partials[i] = kSuppressInReverse | kAddToForward;
      }
    }
    for (size_t i = 0; i < strs.size(); ++i) {
      if (partials[i] == 0) {
        icu::UnicodeString reversed = strs[i];
        reversed.reverse();
        Add(&backward_, reversed, kMatch);
      } else {
        Add(&forward_, strs[i], kMatch);
      }
    }
  }

  std::unordered_map<std::string, uint8_t> backward_, forward_;
};

}  // namespace

void SentenceBreaks(std::string_view line, std::vector<size_t>* out) {
  if (line.empty()) return;
  thread_local std::vector<Unit> units;
  units.clear();
  const int32_t len = static_cast<int32_t>(line.size());
  for (int32_t i = 0; i < len;) {
    int32_t start = i;
    UChar32 c = static_cast<unsigned char>(line[i]);
    if (c < 0x80) {
      ++i;
    } else {
      U8_NEXT_OR_FFFD(line.data(), i, len, c);
    }
    Sb cls = ClassOf(c);
    // SB5: Extend and Format belong to the character before, unless that
    // one ends a paragraph (SB4 comes first) or there is none.
    if ((cls == Sb::kExtend || cls == Sb::kFormat) && !units.empty() &&
        !IsParaSep(units.back().cls)) {
      continue;
    }
    units.push_back({cls, static_cast<uint32_t>(start)});
  }
  const size_t n = units.size();
  auto end_of = [&](size_t k) { return k + 1 < n ? units[k + 1].start : line.size(); };
  const Suppressions& suppressions = Suppressions::Get();
  auto add = [&](size_t pos) {
    if (pos < line.size() && suppressions.Suppressed(line, pos)) return;
    out->push_back(pos);
  };
  for (size_t i = 0; i < n; ++i) {
    const Sb c = units[i].cls;
    if (IsParaSep(c)) {
      // SB3 CR x LF, SB4 ParaSep /.
      if (c == Sb::kCR && i + 1 < n && units[i + 1].cls == Sb::kLF) continue;
      if (end_of(i) < line.size()) add(end_of(i));
      continue;
    }
    if (!IsSATerm(c)) continue;
    size_t j = i + 1;
    while (j < n && units[j].cls == Sb::kClose) ++j;
    while (j < n && units[j].cls == Sb::kSp) ++j;
    if (j >= n) continue;  // the end of the text is a break anyway
    const Sb next = units[j].cls;
    if (IsParaSep(next)) continue;  // SB9, SB10: the separator breaks after itself
    if (j == i + 1 && c == Sb::kATerm) {
      if (next == Sb::kNumeric) continue;  // SB6
      if (next == Sb::kUpper && i > 0 &&
          (units[i - 1].cls == Sb::kUpper || units[i - 1].cls == Sb::kLower)) {
        continue;  // SB7
      }
    }
    if (c == Sb::kATerm) {  // SB8: the next letter is lower case
      size_t k = j;
      while (k < n) {
        Sb x = units[k].cls;
        if (x == Sb::kOLetter || x == Sb::kUpper || x == Sb::kLower || IsParaSep(x) ||
            IsSATerm(x)) {
          break;
        }
        ++k;
      }
      if (k < n && units[k].cls == Sb::kLower) continue;
    }
    if (next == Sb::kSContinue || IsSATerm(next)) continue;  // SB8a
    add(units[j].start);                                     // SB11
  }
  out->push_back(line.size());
}

void IcuSentenceBreaks(std::string_view line, std::vector<size_t>* out) {
  // Building the iterator costs more than using it; one per thread.
  thread_local std::unique_ptr<icu::BreakIterator> bi = [] {
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), st));
    if (U_FAILURE(st)) it.reset();
    return it;
  }();
  if (!bi) return;
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, line.data(), static_cast<int64_t>(line.size()), &status);
  if (U_FAILURE(status)) return;
  bi->setText(&ut, status);
  for (int32_t p = bi->next(); p != icu::BreakIterator::DONE; p = bi->next()) {
    out->push_back(static_cast<size_t>(p));
  }
  utext_close(&ut);
}

}  // namespace sitrep::text
