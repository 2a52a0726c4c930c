// Helpers for the claims tests: Documents built by hand from text, with the
// layers of earlier stages (entities, timexes) set by the test itself.
#ifndef SITREP_CLAIMS_TEST_UTIL_H_
#define SITREP_CLAIMS_TEST_UTIL_H_

#include <string>
#include <string_view>

#include "sitrep/document.h"
#include "text/segmenter.h"

namespace sitrep::claims::testing {

inline Document MakeDoc(std::string text, std::string published = "2025-04-29") {
  Document doc;
  doc.text = std::move(text);
  doc.published.date = std::move(published);
  Segmenter seg;
  seg.Segment(&doc);
  return doc;
}

// Adds an entity mention over the first occurrence of `surface` at or after
// byte `from`; returns its id.
inline std::string AddEntity(Document* doc, std::string_view surface, std::string type,
                             std::string actor, size_t from = 0) {
  size_t pos = doc->text.find(surface, from);
  EntityMention e;
  e.id = "e" + std::to_string(doc->entities.size() + 1);
  e.start = static_cast<uint32_t>(pos);
  e.end = static_cast<uint32_t>(pos + surface.size());
  e.text = std::string(surface);
  e.type = std::move(type);
  e.actor = std::move(actor);
  doc->entities.push_back(e);
  return e.id;
}

inline std::string AddTimex(Document* doc, std::string_view surface, std::string value,
                            std::string type = "DATE") {
  size_t pos = doc->text.find(surface);
  Timex t;
  t.id = "t" + std::to_string(doc->timexes.size() + 1);
  t.start = static_cast<uint32_t>(pos);
  t.end = static_cast<uint32_t>(pos + surface.size());
  t.text = std::string(surface);
  t.type = std::move(type);
  t.value = std::move(value);
  doc->timexes.push_back(t);
  return t.id;
}

// Sets the part-of-speech tags of the document's tokens, in order, from a
// space-separated list (as the POS stage would). False when the counts
// differ.
inline bool SetPosTags(Document* doc, std::string_view tags) {
  size_t t = 0, pos = 0;
  while (pos < tags.size()) {
    size_t sp = tags.find(' ', pos);
    if (sp == std::string_view::npos) sp = tags.size();
    if (t >= doc->tokens.size()) return false;
    doc->tokens[t++].pos = std::string(tags.substr(pos, sp - pos));
    pos = sp + 1;
  }
  return t == doc->tokens.size();
}

}  // namespace sitrep::claims::testing

#endif  // SITREP_CLAIMS_TEST_UTIL_H_
