#include "claims/phrases.h"

#include <utility>

namespace sitrep::claims {
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool IsAlphaWord(std::string_view w) {
  if (w.empty()) return false;
  unsigned char c = w[0];
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0xC3;
}

bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

}  // namespace

bool IsChangeWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "rise",    "rises",    "rose",    "risen",    "rising",    "grow",      "grows",
      "grew",    "grown",    "growing", "increase", "increased", "increases", "increasing",
      "fall",    "falls",    "fell",    "fallen",   "falling",   "drop",      "dropped",
      "drops",   "dropping", "decline", "declined", "declines",  "declining", "climb",
      "climbed", "climbs",   "jumped",  "jumps",    "surged",    "soared",    "swelled",
      "swollen", "shrank",   "shrunk",  "shrinks",  "doubled",   "tripled",   "raised",
      "reduced", "cut",      "boosted", "expanded", "up",        "down",      "decreased",
      "changed", "went",     "gone",    "plunged",  "slumped",   "dipped",    "rallied",
      "rallies", "spiked",   "tumbled", "sank",     "slid"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

bool IsFallWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "fall",    "falls",    "fell",    "fallen",   "falling",  "drop",      "dropped",
      "drops",   "dropping", "decline", "declined", "declines", "declining", "shrank",
      "shrunk",  "shrinks",  "reduced", "cut",      "down",     "decreased", "plunged",
      "slumped", "dipped",   "tumbled", "sank",     "slid"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

bool ClauseBreakBetween(const DocView& v, size_t a, size_t b) {
  if (a > b) std::swap(a, b);
  auto subject_pronoun = [](std::string_view w) {
    return w == "they" || w == "he" || w == "she" || w == "we" || w == "it" || w == "i";
  };
  for (size_t t = a + 1; t < b; ++t) {
    std::string_view w = v.word(t);
    if (w == ";") return true;
    if (w != "," && w != "and" && w != "but") continue;
    size_t n = t + 1;
    if (w == "," && n < b && (v.word(n) == "and" || v.word(n) == "but")) ++n;
    if (n >= b) continue;
    std::string_view x = v.word(n);
    if (subject_pronoun(x) || (w != "and" && (x == "while" || x == "whereas"))) return true;
  }
  return false;
}

Status Chunker::Load() { return function_words_.Load("lexicons/quantity-function-words.tsv", 2); }

bool Chunker::IsDeterminer(std::string_view w) const {
  const PhraseEntry* e = function_words_.Find(w);
  return e != nullptr && e->field(0) == "det";
}

bool Chunker::IsNoun(const DocView& v, size_t i) const {
  if (v.has_pos()) return StartsWith(v.pos(i), "NN");
  std::string_view w = v.word(i);
  return IsAlphaWord(w) && !IsFunctionWord(w) && !EndsWith(w, "ly");
}

bool Chunker::IsNominal(const DocView& v, size_t i) const {
  if (v.entity_at(i) >= 0 && !v.IsPunct(i)) return true;
  if (v.has_pos()) {
    std::string_view p = v.pos(i);
    if (StartsWith(p, "NN") || p == "JJ" || p == "JJR" || p == "JJS" || p == "HYPH") return true;
    // Hyphenated compounds a tagger may call anything ("short-range").
    return v.word(i).find('-') != std::string_view::npos && IsAlphaWord(v.word(i));
  }
  std::string_view w = v.word(i);
  if (!IsAlphaWord(w) || IsFunctionWord(w) || EndsWith(w, "ly")) return false;
  // Untagged "-ed" word closing a phrase is a verb: "the two nations signed a".
  if (EndsWith(w, "ed") && i > 0 && IsAlphaWord(v.word(i - 1)) && !IsFunctionWord(v.word(i - 1)) &&
      (i + 1 >= v.size() || v.IsPunct(i + 1) || IsFunctionWord(v.word(i + 1)))) {
    return false;
  }
  return true;
}

bool Chunker::IsVerb(const DocView& v, size_t i) const {
  if (v.has_pos()) return StartsWith(v.pos(i), "VB") || v.pos(i) == "MD";
  return false;
}

bool Chunker::IsParticiple(const DocView& v, size_t i) const {
  if (v.has_pos()) return v.pos(i) == "VBN" || v.pos(i) == "VBD";
  std::string_view w = v.word(i);
  return IsAlphaWord(w) && EndsWith(w, "ed");
}

size_t Chunker::NounPhraseAt(const DocView& v, size_t i, size_t limit, size_t max_len,
                             size_t* first, size_t* head) const {
  size_t j = i;
  while (j < limit && IsDeterminer(v.word(j))) ++j;
  *first = j;
  *head = j;
  size_t end = j;
  for (size_t k = j; k < limit && k - j < max_len; ++k) {
    if ((v.IsPunct(k) && v.word(k) != "-") || v.IsQuote(k)) break;
    // "systems.The": a sentence break the segmenter missed ends the phrase.
    std::string_view w = v.word(k);
    size_t dot = w.find('.');
    if (dot != std::string_view::npos && dot > 1 && dot + 2 < w.size() && w[dot + 1] >= 'a' &&
        w[dot + 1] <= 'z') {
      break;
    }
    // "14 Leopard 2 tanks": a model number inside a name is part of it.
    if (k > j && k + 1 < limit && v.IsCapitalized(k - 1) && !w.empty() && w[0] >= '0' &&
        w[0] <= '9' && IsNominal(v, k + 1)) {
      continue;
    }
    // "lethal and non-lethal military assistance": adjectives joined before
    // the head (after a head, "and" starts another phrase).
    if (end == j && k > j && k + 1 < limit && (w == "and" || w == "or") && IsNominal(v, k + 1) &&
        !IsNoun(v, k - 1)) {
      continue;
    }
    // A preposition the tagger called a noun ("4 million vs/NN 170 million")
    // ends the phrase.
    const PhraseEntry* fw = function_words_.Find(w);
    if (fw != nullptr && fw->field(0) == "prep" && v.entity_at(k) < 0) break;
    // "90,000 recorded war crimes", "300 wounded soldiers": a participle
    // before the head modifies it (one alone, "4,000 killed", is no phrase).
    if (end == j && v.has_pos() && (v.pos(k) == "VBN" || v.pos(k) == "VBD") && k + 1 < limit &&
        StartsWith(v.pos(k + 1), "NN")) {
      continue;
    }
    if (!IsNominal(v, k)) break;
    if (IsNoun(v, k) || v.entity_at(k) >= 0) {
      *head = k;
      end = k + 1;
    }
  }
  if (end == j) return i;
  // Without tags the last word is the head; with tags, a trailing adjective
  // is not part of the phrase (already excluded by `end`).
  return end;
}

size_t Chunker::NounPhraseBefore(const DocView& v, size_t end, size_t floor) const {
  size_t b = end;
  while (b > floor) {
    size_t k = b - 1;
    std::string_view w = v.word(k);
    if (w == "'s" || w == "\xE2\x80\x99s") {
      b = k;
      continue;
    }
    if ((w == "of" || w == "for" || w == "and") && k > floor && b < end && v.IsCapitalized(b) &&
        (v.IsCapitalized(k - 1) || v.entity_at(k - 1) >= 0)) {
      b = k;  // "National Resistance Centre of Ukraine", "Ministry for ..."
      continue;
    }
    if (v.IsPunct(k) && w != "-") break;
    if (!IsNominal(v, k) && (v.has_pos() || !v.IsCapitalized(k) || IsFunctionWord(w))) {
      break;
    }
    b = k;
  }
  // A phrase may start with determiners that the loop stopped at.
  while (b > floor && IsDeterminer(v.word(b - 1))) --b;
  // Leading determiners alone are not a phrase.
  size_t c = b;
  while (c < end && IsDeterminer(v.word(c))) ++c;
  return c == end ? end : b;
}

}  // namespace sitrep::claims
