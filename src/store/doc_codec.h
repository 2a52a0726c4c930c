// Encodings of the document parts the store keeps in their own columns:
// offset maps, removals and MinHash signatures; and the packing of large
// column values (docs/store.md, schema version 3).
#ifndef SITREP_STORE_DOC_CODEC_H_
#define SITREP_STORE_DOC_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/status.h"

namespace sitrep::store {

// {"clean": [...], "raw": [...]}
std::string EncodeOffsets(const OffsetMap& offsets);
Status DecodeOffsets(std::string_view json, OffsetMap* out);

// [{"raw_start":…, "raw_end":…, "text":…, "reason":…}, …]
std::string EncodeRemovals(const std::vector<Removal>& removed);
Status DecodeRemovals(std::string_view json, std::vector<Removal>* out);

// Little-endian 64-bit words.
std::string EncodeSignature(const std::vector<uint64_t>& signature);
std::vector<uint64_t> DecodeSignature(std::string_view bytes);

// Estimated Jaccard similarity: the share of positions where two MinHash
// signatures agree (0 when their lengths differ).
double SignatureAgreement(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

// Packed column values (raw, offsets, removed, annotations) from schema
// version 3 on: a 0xFF byte (never the first byte of UTF-8 text or JSON, so
// values written by older versions read as they are), a method byte, then
//   'p' the value as is (small or incompressible values);
//   'z' the size as 4 bytes little-endian, then the value zlib-compressed;
//   'd' the same, compressed with the document's clean text as zlib's
//       preset dictionary (the raw input, which is mostly that text).
// `dictionary` may be empty; only its first 32 KB are used (zlib's window).
std::string PackColumn(std::string_view value, std::string_view dictionary = {});
// The value of a packed or pre-version-3 column; Corruption when a packed
// value does not inflate. REQUIRES: the same dictionary as PackColumn's.
StatusOr<std::string> UnpackColumn(std::string_view stored, std::string_view dictionary = {});

}  // namespace sitrep::store

#endif  // SITREP_STORE_DOC_CODEC_H_
