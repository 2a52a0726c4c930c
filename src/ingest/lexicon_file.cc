#include "ingest/lexicon_file.h"

#include <fmt/format.h>

#include <fstream>

namespace sitrep::ingest {

StatusOr<std::vector<LexiconLine>> ReadLexicon(const std::string& path, size_t fields) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(fmt::format("{}: cannot open lexicon", path));
  std::vector<LexiconLine> out;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    LexiconLine entry;
    entry.line = number;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      entry.fields.push_back(line.substr(start, tab == std::string::npos ? tab : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (entry.fields.size() != fields) {
      return Status::InvalidArgument(fmt::format("{}:{}: expected {} tab-separated fields, got {}",
                                                 path, number, fields, entry.fields.size()));
    }
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace sitrep::ingest
