// Reading the tab-separated lexicon files under data/lexicons/: one entry a
// line, fields separated by tabs, '#' at the start of a line for comments,
// blank lines ignored (docs/lexicon-*.md describe each file's fields).
#ifndef SITREP_INGEST_LEXICON_FILE_H_
#define SITREP_INGEST_LEXICON_FILE_H_

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/status.h"

namespace sitrep::ingest {

struct LexiconLine {
  int line = 0;  // 1-based, for error messages
  std::vector<std::string> fields;
};

// Reads `path`; every entry must have exactly `fields` fields.
StatusOr<std::vector<LexiconLine>> ReadLexicon(const std::string& path, size_t fields);

}  // namespace sitrep::ingest

#endif  // SITREP_INGEST_LEXICON_FILE_H_
