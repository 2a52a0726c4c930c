// Invariant checks shared by the fuzz targets. A failed check aborts, which
// libFuzzer (and the ctest replayer) report as a crash with the input kept.
#ifndef SITREP_FUZZ_FUZZ_CHECKS_H_
#define SITREP_FUZZ_FUZZ_CHECKS_H_

#include <unicode/utf8.h>

#include <cstdint>
#include <cstdlib>
#include <string>

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

}  // namespace sitrep::fuzz

#endif  // SITREP_FUZZ_FUZZ_CHECKS_H_
