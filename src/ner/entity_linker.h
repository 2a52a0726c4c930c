// Within-document linking of entity mentions to canonical actors.
//
// Mentions arrive typed, in text order, most with an actor already (from the
// gazetteer, or a slug of their text). The linker then:
//   - resolves a one-word person name ("Kim", "Putin") to the latest earlier
//     full name that contains it ("Kim Jong Un"), unless the curated table
//     knows that word as one person;
//   - learns acronyms introduced in parentheses ("National Intelligence
//     Service (NIS)") and links later uses;
//   - adds mentions the recognizer missed: a capitalized word that is a known
//     short form of an earlier person or acronym, and definite descriptions
//     such as "the ministry" (data/lexicons/entity-words.tsv heads), linked
//     to the latest earlier mention of that kind.
// Across documents the same canonical id comes out for the same name, since
// ids are gazetteer ids or slugs of the full name.
#ifndef SITREP_NER_ENTITY_LINKER_H_
#define SITREP_NER_ENTITY_LINKER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ner/gazetteer.h"
#include "sitrep/document.h"

namespace sitrep {

// A mention while the annotator works on it; token indices into doc.tokens.
struct MentionDraft {
  uint32_t tb = 0, te = 0;  // tokens [tb, te)
  ActorType type = ActorType::kMisc;
  std::string actor;    // canonical id; empty = none
  std::string country;  // ISO alpha-2; empty = unknown
  // The actor comes from the gazetteer (not a slug of the text).
  bool known = false;
  // Known to the curated tables as exactly this actor (not to be relinked).
  bool curated = false;
};

// Per-token facts the annotator already computed (indexed like doc.tokens).
struct TokenView {
  std::vector<std::string_view> folded;  // entity_fold.h form
  std::vector<uint8_t> flags;            // SentenceWords::Flag bits
  std::vector<uint8_t> uncased;          // 1 if its sentence is ALL-CAPS/lowercase
};

// Links and completes `mentions` (sorted by tb, not overlapping) in place;
// the result is again sorted and not overlapping.
void LinkMentions(const Gazetteer& gazetteer, const Document& doc, const TokenView& tokens,
                  std::vector<MentionDraft>* mentions);

}  // namespace sitrep

#endif  // SITREP_NER_ENTITY_LINKER_H_
