// Which attribution governs a sentence: its own nearest chain head, or the
// speaker of the quotation the sentence belongs to, so that a speaker named
// once is carried across all sentences of one quote.
#ifndef SITREP_CLAIMS_QUOTES_H_
#define SITREP_CLAIMS_QUOTES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "claims/doc_view.h"
#include "sitrep/document.h"

namespace sitrep::claims {

// Index of the attribution inside [start, end) nearest to byte `at` that is
// not itself the `via` link of another attribution there; -1 when none.
// With the document `text`, an attribution after `at` whose source comes
// first and opens a clause of its own (", and Cameron said", ", as he
// warned") does not govern what stands before it.
int NearestAttribution(const std::vector<Attribution>& attrs, uint32_t start, uint32_t end,
                       uint32_t at, std::string_view text = {});

// For each sentence, the attribution governing it: one inside it, else the
// one of the quotation (opening and closing quote marks, possibly sentences
// apart) it lies in. -1 when none.
std::vector<int> SentenceAttributions(const DocView& v, const std::vector<Attribution>& attrs);

}  // namespace sitrep::claims

#endif  // SITREP_CLAIMS_QUOTES_H_
