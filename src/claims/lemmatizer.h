// English lemmas for matching triggers: WordNet's exception lists
// (/usr/share/wordnet/{verb,noun}.exc from Debian's wordnet-base: "struck" ->
// "strike") plus WordNet's suffix rules (Morphy), checked against the
// caller's vocabulary so that only known lemmas are produced. Without the
// WordNet files the rules alone apply.
#ifndef SITREP_CLAIMS_LEMMATIZER_H_
#define SITREP_CLAIMS_LEMMATIZER_H_

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace sitrep::claims {

class Lemmatizer {
 public:
  // Loads the exception lists from `wordnet_dir` when it holds them.
  void Load(const std::string& wordnet_dir = "/usr/share/wordnet");

  // The first candidate lemma of `word` (lowercase) that `known` accepts:
  // the word itself, its exception-list lemma, then suffix rules. Empty when
  // none is known.
  std::string Lemma(std::string_view word,
                    const std::function<bool(std::string_view)>& known) const;

  size_t exceptions() const { return exceptions_.size(); }
  // Calls f(form, lemma) for every exception-list entry.
  template <typename F>
  void ForEachException(F f) const {
    for (const auto& [form, lemma] : exceptions_) f(form, lemma);
  }

 private:
  std::unordered_map<std::string, std::string> exceptions_;
};

}  // namespace sitrep::claims

#endif  // SITREP_CLAIMS_LEMMATIZER_H_
