// Invariant checks shared by the fuzz targets. A failed check aborts, which
// libFuzzer (and the ctest replayer) report as a crash with the input kept.
#ifndef SITREP_FUZZ_FUZZ_CHECKS_H_
#define SITREP_FUZZ_FUZZ_CHECKS_H_

#include <unicode/utf8.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "sitrep/document.h"

namespace sitrep::fuzz {

inline void Check(bool ok) {
  if (!ok) std::abort();
}

inline bool ValidUtf8(const std::string& s) {
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return false;
  }
  return true;
}

// Every span of the claims layers (quantities, attributions, events, claims)
// lies inside the text.
inline void CheckClaimSpans(const Document& doc) {
  const uint32_t n = static_cast<uint32_t>(doc.text.size());
  for (const auto& q : doc.quantities) Check(q.start <= q.end && q.end <= n);
  for (const auto& a : doc.attributions) Check(a.start <= a.end && a.end <= n);
  for (const auto& e : doc.events) {
    Check(e.start <= e.end && e.end <= n && e.trigger.end <= n);
  }
  for (const auto& c : doc.claims) Check(c.start <= c.end && c.end <= n);
}

}  // namespace sitrep::fuzz

#endif  // SITREP_FUZZ_FUZZ_CHECKS_H_
