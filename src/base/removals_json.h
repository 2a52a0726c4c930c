// The JSON of what cleaning removed: written inside a document's JSON
// (annotate --internal) and on its own as a store column, the same bytes in
// both places.
#ifndef SITREP_BASE_REMOVALS_JSON_H_
#define SITREP_BASE_REMOVALS_JSON_H_

#include <vector>

#include "base/json_writer.h"
#include "sitrep/document.h"

namespace sitrep {

// An array of {raw_end, raw_start, reason, text} objects, keys in the sorted
// order the rest of the document JSON uses.
void WriteRemovals(const std::vector<Removal>& removed, JsonWriter* w);

}  // namespace sitrep

#endif  // SITREP_BASE_REMOVALS_JSON_H_
