#ifndef SITREP_VERSION_H_
#define SITREP_VERSION_H_

namespace sitrep {
// Bumped whenever an annotator's output may change; stored documents whose
// `pipeline` differs are re-annotated by `sitrep reannotate`.
inline constexpr const char* kVersion = "0.1.0";
inline constexpr const char* kPipelineName = "sitrep 0.1.0";
// Version of the JSON contracts (docs/annotate-json.md, docs/brief-json.md).
inline constexpr int kSchemaVersion = 1;
}  // namespace sitrep

#endif  // SITREP_VERSION_H_
