// WordNet (wordnet-base) as a gazetteer source: instance nouns typed by the
// classes listed in data/lexicons/entity-words.tsv (city -> GPE, river ->
// LOC, person -> PERSON ...), placed in a country through part holonyms
// (Kursk is part of Russia) or, for people, the demonym that opens the gloss
// ("Russian statesman"); national capitals; demonyms from the adjectives
// that pertain to a country ("North Korean" -> North Korea) and the nouns
// derived from them.
#ifndef SITREP_NER_GAZETTEER_WORDNET_H_
#define SITREP_NER_GAZETTEER_WORDNET_H_

#include <cstdint>
#include <string>
#include <unordered_map>

#include "ner/entity_words.h"
#include "ner/gazetteer.h"
#include "sitrep/status.h"

namespace sitrep {

// Adds WordNet's names to *gaz. `countries` maps ISO alpha-2 codes to the
// country actors already in the gazetteer. Also records WordNet's common
// words (lemmas of non-instance synsets, all parts of speech) with
// AddCommonWord. Returns NotFound if the WordNet files are missing.
Status AddWordNet(const std::string& dir, const EntityWords& words,
                  const std::unordered_map<std::string, uint32_t>& countries, Gazetteer* gaz);

}  // namespace sitrep

#endif  // SITREP_NER_GAZETTEER_WORDNET_H_
