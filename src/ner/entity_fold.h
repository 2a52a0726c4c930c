// Name folding for gazetteer matching, and actor-id slugs.
//
// A folded key is lowercase ASCII letters and digits only: case, spaces,
// hyphens, periods and apostrophes are dropped, so "Kim Jong-un",
// "KIM JONG UN" and "Kim Jongun" all fold to "kimjongun". Text that is not
// plain ASCII goes through ICU first:
//   - a token mixing Latin with Cyrillic or Greek letters (a look-alike such
//     as "Рutin" with a Cyrillic "Р") has each foreign letter replaced by
//     the Latin letter it is confusable with (ICU spoof-check skeletons);
//   - everything else is transliterated with "Any-Latin; Latin-ASCII"
//     ("Зеленський" -> "zelenskij", "Erdoğan" -> "erdogan").
//
// Thread safety: all functions may be called from many threads (each thread
// gets its own ICU transliterator).
#ifndef SITREP_NER_ENTITY_FOLD_H_
#define SITREP_NER_ENTITY_FOLD_H_

#include <string>
#include <string_view>

namespace sitrep {

// Appends the folded form of `text` to *out (nothing for pure punctuation).
void AppendFolded(std::string_view text, std::string* out);

inline std::string Fold(std::string_view text) {
  std::string out;
  AppendFolded(text, &out);
  return out;
}

// Lowercase ASCII slug for actor ids: runs of anything but a-z0-9 (after
// transliteration and dropping apostrophes) become one '-', no leading or
// trailing '-'. "Korean People's Army" -> "korean-peoples-army".
std::string Slugify(std::string_view text);

// True if every byte of text is ASCII.
inline bool IsAscii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

}  // namespace sitrep

#endif  // SITREP_NER_ENTITY_FOLD_H_
