#include "html/hints.h"

#include <fstream>
#include <sstream>

#include "sitrep/data_path.h"

namespace sitrep::html {
namespace {

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

}  // namespace

StatusOr<HintLexicon> HintLexicon::Parse(std::string_view tsv) {
  HintLexicon lex;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < tsv.size()) {
    size_t nl = tsv.find('\n', pos);
    std::string_view line = tsv.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    pos = nl == std::string_view::npos ? tsv.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) {
      return Status::InvalidArgument("html-hints.tsv:" + std::to_string(line_no) +
                                     ": expected WORD<TAB>WEIGHT");
    }
    std::string word;
    for (char c : line.substr(0, tab)) word += Lower(c);
    std::string_view rest = line.substr(tab + 1);
    Entry e;
    if (rest == "drop") {
      e.drop = true;
      e.weight = -50;
    } else if (rest == "keep") {
      e.keep = true;
    } else {
      int sign = 1;
      size_t i = 0;
      if (!rest.empty() && (rest[0] == '-' || rest[0] == '+')) {
        sign = rest[0] == '-' ? -1 : 1;
        i = 1;
      }
      if (i >= rest.size()) {
        return Status::InvalidArgument("html-hints.tsv:" + std::to_string(line_no) +
                                       ": missing weight");
      }
      int v = 0;
      for (; i < rest.size(); ++i) {
        if (rest[i] < '0' || rest[i] > '9' || v > 10000) {
          return Status::InvalidArgument("html-hints.tsv:" + std::to_string(line_no) +
                                         ": weight must be an integer, 'drop' or 'keep'");
        }
        v = v * 10 + (rest[i] - '0');
      }
      e.weight = sign * v;
    }
    if (word.back() == '*') {
      word.pop_back();
      lex.prefixes_.emplace_back(word, e);
    } else {
      lex.exact_[word] = e;
    }
  }
  return lex;
}

const HintLexicon& HintLexicon::Default(std::string* error) {
  static const auto* loaded = [] {
    auto* result = new std::pair<HintLexicon, std::string>();
    std::ifstream in(DataPath("lexicons/html-hints.tsv"), std::ios::binary);
    if (!in) {
      result->second = "cannot open " + DataPath("lexicons/html-hints.tsv");
      return result;
    }
    std::stringstream buf;
    buf << in.rdbuf();
    auto lex = HintLexicon::Parse(buf.str());
    if (lex.ok()) {
      result->first = std::move(*lex);
    } else {
      result->second = lex.status().message();
    }
    return result;
  }();
  if (error != nullptr) *error = loaded->second;
  return loaded->first;
}

void HintLexicon::Match(std::string_view word, HintScore* score) const {
  if (word.empty()) return;
  auto it = exact_.find(std::string(word));
  const Entry* e = it != exact_.end() ? &it->second : nullptr;
  if (e == nullptr) {
    for (const auto& [prefix, entry] : prefixes_) {
      if (word.size() >= prefix.size() && word.compare(0, prefix.size(), prefix) == 0) {
        e = &entry;
        break;
      }
    }
  }
  if (e == nullptr) return;
  score->weight += e->weight;
  score->drop = score->drop || e->drop;
  score->keep = score->keep || e->keep;
}

HintScore HintLexicon::Score(std::string_view value) const {
  HintScore score;
  std::string word;
  for (size_t i = 0; i <= value.size(); ++i) {
    char c = i < value.size() ? value[i] : ' ';
    bool boundary = !IsAlnum(c);
    // camelCase: "articleBody" -> "article", "body".
    bool camel =
        !boundary && i > 0 && c >= 'A' && c <= 'Z' && value[i - 1] >= 'a' && value[i - 1] <= 'z';
    if (boundary || camel) {
      Match(word, &score);
      word.clear();
    }
    if (!boundary) word += Lower(c);
  }
  return score;
}

}  // namespace sitrep::html
