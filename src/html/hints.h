// Class/id hints: words in an element's class and id attributes that say it
// holds article text ("article-body") or boilerplate ("share-tools",
// "related-stories"). Loaded from data/lexicons/html-hints.tsv
// (docs/lexicon-html-hints.md).
#ifndef SITREP_HTML_HINTS_H_
#define SITREP_HTML_HINTS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/status.h"

namespace sitrep::html {

struct HintScore {
  int weight = 0;     // sum of matched weights (positive: content, negative: boilerplate)
  bool drop = false;  // an entry says to remove the element outright
  bool keep = false;  // an entry says this is content (an embedded post) whatever its wrapper
};

class HintLexicon {
 public:
  // Parses the TSV text; fails on a malformed line, naming it.
  static StatusOr<HintLexicon> Parse(std::string_view tsv);
  // The lexicon from the data directory, loaded once; empty (with the load
  // error kept in `error`) when the file is missing or bad.
  static const HintLexicon& Default(std::string* error = nullptr);

  // Scores the words of a class or id attribute value. Words are split on
  // anything that is not a letter or digit, and on lower-to-upper case changes.
  HintScore Score(std::string_view class_or_id) const;
  bool empty() const { return exact_.empty() && prefixes_.empty(); }

 private:
  struct Entry {
    int weight = 0;
    bool drop = false;
    bool keep = false;
  };
  void Match(std::string_view word, HintScore* score) const;
  std::unordered_map<std::string, Entry> exact_;
  std::vector<std::pair<std::string, Entry>> prefixes_;
};

}  // namespace sitrep::html

#endif  // SITREP_HTML_HINTS_H_
