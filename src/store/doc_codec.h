// Encodings of the document parts the store keeps in their own columns:
// offset maps, removals and MinHash signatures.
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

}  // namespace sitrep::store

#endif  // SITREP_STORE_DOC_CODEC_H_
