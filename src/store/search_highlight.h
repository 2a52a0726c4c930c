// Turns FTS5's highlight() output into the sentences of a document that
// contain a match, with the matched terms as spans into the clean text.
#ifndef SITREP_STORE_SEARCH_HIGHLIGHT_H_
#define SITREP_STORE_SEARCH_HIGHLIGHT_H_

#include <string_view>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/store.h"

namespace sitrep::store {

inline constexpr char kHighlightOpen = '\x01';
inline constexpr char kHighlightClose = '\x02';

// `highlighted` is doc.text with kHighlightOpen / kHighlightClose around each
// match. Sentences come from doc.sentences, or from lines when the document
// has none. Returns no matches when the marked text does not fit doc.text.
std::vector<SearchMatch> MatchingSentences(const Document& doc, std::string_view highlighted);

}  // namespace sitrep::store

#endif  // SITREP_STORE_SEARCH_HIGHLIGHT_H_
