#include "ner/entity_words.h"

#include <fstream>
#include <string_view>

#include "ner/entity_fold.h"

namespace sitrep {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      out.push_back(line.substr(start));
      return out;
    }
    out.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

}  // namespace

StatusOr<EntityWords> EntityWords::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open");
  EntityWords words;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> f = SplitTabs(line);
    auto bad = [&](std::string_view why) {
      return Status::InvalidArgument(path + ":" + std::to_string(line_no) + ": " +
                                     std::string(why));
    };
    if (f.size() < 2 || f[1].empty()) return bad("expected kind<TAB>word[<TAB>value]");
    std::string_view kind = f[0];
    std::string_view value = f.size() > 2 ? f[2] : std::string_view();
    if (kind == "function") {
      words.function_words.push_back(Fold(f[1]));
    } else if (kind == "subdivision-type") {
      words.subdivision_types.push_back(Fold(f[1]));
    } else if (kind == "wordnet-class") {
      if (value.empty()) return bad("wordnet-class needs a type");
      words.wordnet_classes.emplace_back(std::string(f[1]), std::string(value));
    } else if (kind == "locative") {
      words.locatives.push_back(Fold(f[1]));
    } else if (kind == "head") {
      if (value.empty()) return bad("head needs a type");
      words.heads.emplace_back(Fold(f[1]), std::string(value));
    } else if (kind == "actor-verb") {
      words.actor_verbs.push_back(Fold(f[1]));
    } else if (kind == "document") {
      words.document_heads.push_back(Fold(f[1]));
    } else if (kind == "title") {
      words.titles.push_back(Fold(f[1]));
    } else {
      return bad("unknown kind '" + std::string(kind) + "'");
    }
  }
  return words;
}

}  // namespace sitrep
