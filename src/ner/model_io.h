// The binary model file of the perceptron taggers (docs/model-format.md):
// magic "SRTG", format version, feature-set version, kind ("ner"/"pos"),
// class names, and the quantized weights as sparse rows, closed by a checksum.
#ifndef SITREP_NER_MODEL_IO_H_
#define SITREP_NER_MODEL_IO_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/status.h"

namespace sitrep {

// 2 added the flags byte; 3 the tag dictionary, written only by models that
// have one (others are still written as version 2). Versions 1 (flags 0) and
// 2 (no dictionary) are still read.
inline constexpr uint32_t kModelFormatVersion = 3;
// Dictionary words are at most this long (the tagger's word-cache key).
inline constexpr size_t kMaxDictionaryWordBytes = 24;

// Model flags (a byte after the kind).
enum ModelFlag : uint8_t {
  // Trained with gazetteer hints (features slots 22-23): the tagger must be
  // given the same hints at run time, and must not be given any otherwise.
  kModelUsesGazetteerHints = 1,
};

// One non-zero weight: feature bucket x class -> q * scale.
struct ModelEntry {
  uint32_t bucket = 0;
  uint16_t cls = 0;
  int16_t q = 0;
};

// A word whose class is known without scoring (POS: frequent words that had
// one tag in training; docs/tagger.md "Tag dictionary").
struct DictionaryEntry {
  std::string word;  // exactly as written, 1..kMaxDictionaryWordBytes bytes
  uint16_t cls = 0;
};

struct ModelData {
  std::string kind;   // "ner" | "pos"
  uint8_t flags = 0;  // ModelFlag bits
  uint32_t feature_set_version = 0;
  uint32_t bucket_bits = 0;  // 10..26
  std::vector<std::string> classes;
  float scale = 1.0f;
  std::vector<ModelEntry> entries;          // sorted by (bucket, cls), unique
  std::vector<DictionaryEntry> dictionary;  // sorted by word, unique
};

std::string SerializeModel(const ModelData& model);
// Corruption if the bytes are not a well-formed model of this format version.
StatusOr<ModelData> ParseModel(std::string_view bytes);

Status WriteModelFile(const std::string& path, const ModelData& model);
// NotFound if the file is missing; the path prefixes every error message.
StatusOr<ModelData> ReadModelFile(const std::string& path);

// Where models live: $SITREP_MODEL_DIR if set, else the repository's models/
// directory recorded at build time; plus "/" + name.
std::string ModelPath(std::string_view name);

}  // namespace sitrep

#endif  // SITREP_NER_MODEL_IO_H_
