// The small word lists of the entity stage, all in one data file,
// data/lexicons/entity-words.tsv (format in docs/gazetteer.md):
//
//   kind<TAB>word[<TAB>value]
//
// kinds: function (never a name on its own in ALL-CAPS or lowercase text),
// subdivision-type ("oblast", "province": dropped to form short names),
// wordnet-class ("city%1" GPE: WordNet classes whose instances are entities
// of that type), locative ("in", "near": a capital after one is a place, not
// a government), head ("ministry" ORG: "the ministry" refers back to an
// earlier ministry), title ("President": not part of a name), actor-verb
// ("said", "denied": a capital right before one acts as its government),
// document ("Treaty", "Protocol": a name ending in one is a document, MISC).
#ifndef SITREP_NER_ENTITY_WORDS_H_
#define SITREP_NER_ENTITY_WORDS_H_

#include <string>
#include <utility>
#include <vector>

#include "sitrep/status.h"

namespace sitrep {

struct EntityWords {
  std::vector<std::string> function_words;                           // folded
  std::vector<std::string> subdivision_types;                        // folded
  std::vector<std::pair<std::string, std::string>> wordnet_classes;  // "city%1", "GPE"
  std::vector<std::string> locatives;                                // folded
  std::vector<std::pair<std::string, std::string>> heads;            // folded head, type
  std::vector<std::string> titles;                                   // folded
  std::vector<std::string> actor_verbs;                              // folded
  std::vector<std::string> document_heads;                           // folded

  // Reads the file; InvalidArgument names the file and line of a bad row.
  static StatusOr<EntityWords> Load(const std::string& path);
};

}  // namespace sitrep

#endif  // SITREP_NER_ENTITY_WORDS_H_
