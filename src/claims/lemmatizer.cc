#include "claims/lemmatizer.h"

#include <fstream>

namespace sitrep::claims {
namespace {

void LoadExceptions(const std::string& path, std::unordered_map<std::string, std::string>* out) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    size_t sp = line.find(' ');
    if (sp == std::string::npos) continue;
    size_t end = line.find(' ', sp + 1);
    std::string form = line.substr(0, sp);
    std::string lemma = line.substr(sp + 1, end == std::string::npos ? end : end - sp - 1);
    out->emplace(std::move(form), std::move(lemma));
  }
}

bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() > p.size() && s.substr(s.size() - p.size()) == p;
}

}  // namespace

void Lemmatizer::Load(const std::string& wordnet_dir) {
  LoadExceptions(wordnet_dir + "/verb.exc", &exceptions_);
  LoadExceptions(wordnet_dir + "/noun.exc", &exceptions_);
}

std::string Lemmatizer::Lemma(std::string_view word,
                              const std::function<bool(std::string_view)>& known) const {
  if (known(word)) return std::string(word);
  if (auto it = exceptions_.find(std::string(word)); it != exceptions_.end()) {
    if (known(it->second)) return it->second;
  }
  // Morphy's detachment rules, verbs and nouns together.
  struct Rule {
    std::string_view suffix, replace;
  };
  static constexpr Rule kRules[] = {{"ies", "y"},  {"es", "e"},  {"es", ""},   {"s", ""},
                                    {"ied", "y"},  {"ed", "e"},  {"ed", ""},   {"ing", "e"},
                                    {"ing", ""},   {"ses", "s"}, {"xes", "x"}, {"ches", "ch"},
                                    {"shes", "sh"}};
  std::string cand;
  for (const Rule& r : kRules) {
    if (!EndsWith(word, r.suffix)) continue;
    cand.assign(word.substr(0, word.size() - r.suffix.size()));
    cand += r.replace;
    if (known(cand)) return cand;
    // Doubled final consonant: "shelled" -> "shell" is covered above;
    // "stopped" -> "stop".
    if (r.replace.empty() && cand.size() > 2 && cand.back() == cand[cand.size() - 2]) {
      cand.pop_back();
      if (known(cand)) return cand;
    }
  }
  return std::string();
}

}  // namespace sitrep::claims
