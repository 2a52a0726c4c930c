// Sentence boundaries of one line of text, as ICU's sentence break iterator
// for "en@ss=standard" finds them (UAX #29 sentence rules, then CLDR's
// English abbreviation suppressions), computed without ICU's iterator.
//
// ICU's rule engine walks the text through UText a character at a time and
// was most of the segmenter's time; this walks the bytes, asks ICU only for
// the Sentence_Break class of non-ASCII characters, and reads the same
// suppression list from ICU's data. The result is the iterator's: the unit
// test compares both on the war corpus and on random text.
#ifndef SITREP_TEXT_SENTENCE_BREAKS_H_
#define SITREP_TEXT_SENTENCE_BREAKS_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace sitrep::text {

// Appends to *out the byte offsets in `line` after which a sentence ends,
// in increasing order, ending with line.size() (when the line is not
// empty). Invalid UTF-8 counts as U+FFFD. Thread-safe.
void SentenceBreaks(std::string_view line, std::vector<size_t>* out);

// The same from ICU's iterator (the reference; slow). Empty when ICU has
// no sentence rules.
void IcuSentenceBreaks(std::string_view line, std::vector<size_t>* out);

}  // namespace sitrep::text

#endif  // SITREP_TEXT_SENTENCE_BREAKS_H_
