#include <algorithm>

#include "sitrep/document.h"

namespace sitrep {

uint64_t OffsetMap::ToRaw(uint32_t clean_offset) const {
  if (clean.empty()) return clean_offset;
  // Last anchor at or before the offset; positions advance one-to-one after it.
  auto it = std::upper_bound(clean.begin(), clean.end(), clean_offset);
  if (it == clean.begin()) return clean_offset;
  size_t i = static_cast<size_t>(it - clean.begin()) - 1;
  return raw[i] + (clean_offset - clean[i]);
}

}  // namespace sitrep
