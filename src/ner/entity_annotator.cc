#include "ner/entity_annotator.h"

#include <algorithm>
#include <iterator>
#include <span>

#include "ner/entity_fold.h"
#include "ner/entity_linker.h"
#include "ner/features.h"
#include "ner/gazetteer_geonames.h"
#include "ner/gazetteer_match.h"

namespace sitrep {
namespace {

ActorType FromTagger(EntityType t) {
  switch (t) {
    case EntityType::kPerson:
      return ActorType::kPerson;
    case EntityType::kOrg:
      return ActorType::kOrg;
    case EntityType::kGpe:
      return ActorType::kGpe;
    case EntityType::kNorp:
      return ActorType::kNorp;
    case EntityType::kMisc:
      return ActorType::kMisc;
  }
  return ActorType::kMisc;
}

bool IsPlace(ActorType t) { return t == ActorType::kGpe || t == ActorType::kLoc; }

// Whether the tagger's type and a gazetteer actor's type can be one thing.
bool Compatible(ActorType tagger, ActorType gaz) {
  if (tagger == gaz) return true;
  if (IsPlace(tagger) && IsPlace(gaz)) return true;
  if (tagger == ActorType::kOrg && gaz == ActorType::kMilitary) return true;
  return tagger == ActorType::kMisc;
}

// A lowercase document: almost no capital letters anywhere.
bool IsLowercaseDocument(const Document& doc) {
  size_t letters = 0, upper = 0;
  // letters <= text size: once upper * 500 reaches the size, the answer is
  // no (a cased document gets there within its first few hundred bytes).
  const size_t size = doc.text.size();
  for (unsigned char c : doc.text) {
    if (c >= 'a' && c <= 'z') ++letters;
    if (c >= 'A' && c <= 'Z') {
      ++letters;
      ++upper;
      if (upper * 500 >= size) return false;
    }
  }
  return letters >= 40 && upper * 500 < letters;
}

struct Candidate {
  uint32_t tb, te;
  const NameEntry* entry = nullptr;  // gazetteer match, or null
  bool needs_confirmation = false;
  bool fuzzy = false;  // the match is one edit away from the name
  bool from_tagger = false;
  ActorType tagger_type = ActorType::kMisc;
};

bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
// A letter of a word for the splits below: ASCII or any non-ASCII byte.
bool IsWordByte(char c) {
  return IsAsciiLower(c) || IsAsciiUpper(c) || static_cast<unsigned char>(c) >= 0x80;
}

// "capital", "he": lower-case ASCII letters only (not "al-Assad").
bool AllLowerWord(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (!IsAsciiLower(c)) return false;
  }
  return true;
}

// Splits token text [s, e) where the segmenter left two words in one token
// that the entity stage must see apart, appending the pieces to `out`:
//   "Burns.He" (a sentence glued to the next: lower-case letter, period,
//   capitalized word) -> "Burns" "." "He";
//   "Ukraine.-", "AFP/" (punctuation other than a lone period glued to the
//   end) -> "Ukraine" ".-";
//   "U.S.-based", "Kremlin-backed" (a known name and a lower-case word) ->
//   "U.S." "-" "based" ("Arria-formula" stays whole);
//   "Romanian-Bulgarian", "RUSSIA-UKRAINE" (two known names that are not one
//   name together) -> "Romanian" "-" "Bulgarian";
//   "Kwan/Bloomberg/Getty" (capitalized words and slashes) -> "Kwan" "/"
//   "Bloomberg" "/" "Getty".
void SplitPiece(const Gazetteer& gaz, std::string_view text, uint32_t s, uint32_t e,
                const Token& tok, int depth, std::vector<Token>* out) {
  auto emit = [&](uint32_t a, uint32_t b) {
    Token t = tok;
    t.start = a;
    t.end = b;
    out->push_back(std::move(t));
  };
  if (depth > 4 || e - s < 3) {
    emit(s, e);
    return;
  }
  std::string_view w = text.substr(s, e - s);
  // Glued sentences.
  for (size_t i = 2; i + 2 < w.size(); ++i) {
    if (w[i] == '.' && IsAsciiLower(w[i - 1]) && IsWordByte(w[i - 2]) && IsAsciiUpper(w[i + 1]) &&
        IsAsciiLower(w[i + 2])) {
      const auto dot = static_cast<uint32_t>(s + i);
      SplitPiece(gaz, text, s, dot, tok, depth + 1, out);
      emit(dot, dot + 1);
      SplitPiece(gaz, text, dot + 1, e, tok, depth + 1, out);
      return;
    }
  }
  // Punctuation glued to the end.
  size_t tail = w.size();
  bool not_period = false;
  while (tail > 0 && (w[tail - 1] == '.' || w[tail - 1] == '-' || w[tail - 1] == '/')) {
    not_period = not_period || w[tail - 1] != '.';
    --tail;
  }
  if (not_period && tail >= 2 && tail < w.size() && IsWordByte(w[tail - 1])) {
    const auto cut = static_cast<uint32_t>(s + tail);
    SplitPiece(gaz, text, s, cut, tok, depth + 1, out);
    emit(cut, e);
    return;
  }
  // Capitalized words joined by slashes ("Kwan/Bloomberg/Getty").
  if (size_t slash = w.find('/'); slash != std::string_view::npos && slash >= 2 &&
                                  slash + 3 <= w.size() && IsAsciiUpper(w[0]) &&
                                  IsAsciiUpper(w[slash + 1]) && IsWordByte(w[slash - 1])) {
    const auto cut = static_cast<uint32_t>(s + slash);
    SplitPiece(gaz, text, s, cut, tok, depth + 1, out);
    emit(cut, cut + 1);
    SplitPiece(gaz, text, cut + 1, e, tok, depth + 1, out);
    return;
  }
  // Hyphenated compounds.
  size_t hyphen = w.rfind('-');
  if (hyphen != std::string_view::npos && hyphen >= 2 && hyphen + 3 <= w.size() &&
      IsAsciiUpper(w[0]) && !gaz.Find(Fold(w))) {
    std::string_view left = w.substr(0, hyphen), right = w.substr(hyphen + 1);
    const NameEntry* known = gaz.Find(Fold(left));
    bool split = right.size() >= 3 && AllLowerWord(right) && known != nullptr && !known->common;
    if (!split && IsAsciiUpper(right[0]) && left.find('-') == std::string_view::npos) {
      auto place_or_people = [&](const NameEntry* n) {
        return n != nullptr && !n->common && (n->demonym || IsPlace(gaz.actor(n->actor).type));
      };
      split = place_or_people(gaz.Find(Fold(left))) && place_or_people(gaz.Find(Fold(right)));
    }
    if (split) {
      const auto cut = static_cast<uint32_t>(s + hyphen);
      SplitPiece(gaz, text, s, cut, tok, depth + 1, out);
      emit(cut, cut + 1);
      emit(cut + 1, e);
      return;
    }
  }
  emit(s, e);
}

// Whether SplitPiece may cut token text w: every cut needs a '.', '-' or '/'
// in a token of three or more bytes. Most tokens have none.
bool MaySplit(std::string_view w) {
  if (w.size() < 3) return false;
  for (char c : w) {
    if (c == '.' || c == '-' || c == '/') return true;
  }
  return false;
}

// The document's tokens with glued words split (SplitPiece); false (and
// *out untouched) when no token needed it.
bool SplitTokens(const Gazetteer& gaz, const Document& doc, std::vector<Token>* out) {
  const std::string_view text = doc.text;
  auto may_split = [&](const Token& t) { return MaySplit(text.substr(t.start, t.end - t.start)); };
  // The tokens are copied only from the first one that is cut.
  std::vector<Token> pieces;
  size_t i = 0;
  for (; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    if (!may_split(t)) continue;
    SplitPiece(gaz, text, t.start, t.end, t, 0, &pieces);
    if (pieces.size() > 1) break;
    pieces.clear();
  }
  if (i == doc.tokens.size()) return false;
  out->clear();
  out->reserve(doc.tokens.size() + 8);
  out->insert(out->end(), doc.tokens.begin(), doc.tokens.begin() + static_cast<std::ptrdiff_t>(i));
  out->insert(out->end(), std::make_move_iterator(pieces.begin()),
              std::make_move_iterator(pieces.end()));
  for (++i; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    if (may_split(t)) {
      SplitPiece(gaz, text, t.start, t.end, t, 0, out);
    } else {
      out->push_back(t);
    }
  }
  return true;
}

class DocumentRun {
 public:
  DocumentRun(const Gazetteer& gaz, const NerTagger* tagger, Document* doc)
      : gaz_(gaz), tagger_(tagger), doc_(*doc) {}

  void Run() {
    const size_t n = doc_.tokens.size();
    tv_.folded.assign(n, std::string_view());
    tv_.flags.assign(n, 0);
    tv_.uncased.assign(n, 0);
    hints_.assign(n, 0);
    const bool lower_doc = IsLowercaseDocument(doc_);
    // Sentences as token runs (tokens are sorted by sentence). The folded
    // words stay in words_ until the linker is done (tv_ points into them).
    if (words_.size() < doc_.sentences.size()) words_.resize(doc_.sentences.size());
    // The matches of all sentences, sentence s's from match_begin[s] on.
    std::vector<NameMatch> matches;
    std::vector<uint32_t> match_begin(doc_.sentences.size() + 1, 0);
    std::vector<uint32_t> base(doc_.sentences.size(), 0);
    uint32_t t = 0;
    for (uint32_t s = 0; s < doc_.sentences.size(); ++s) {
      while (t < n && doc_.tokens[t].sentence < s) ++t;
      base[s] = t;
      match_begin[s] = static_cast<uint32_t>(matches.size());
      SentenceWords& w = words_[s];
      w.Clear();
      uint32_t e = t;
      while (e < n && doc_.tokens[e].sentence == s) ++e;
      if (e > t) w.Reserve(e - t, doc_.tokens[e - 1].end - doc_.tokens[t].start);
      for (uint32_t k = t; k < e; ++k) {
        const Token& tok = doc_.tokens[k];
        w.Add(doc_.SpanText(tok.start, tok.end));
      }
      w.Finish(lower_doc);
      for (uint32_t k = 0; k < w.size(); ++k) {
        tv_.folded[t + k] = w.folded(k);
        tv_.flags[t + k] = w.flags(k);
        tv_.uncased[t + k] = w.uncased() ? 1 : 0;
      }
      MatchNames(gaz_, w, &matches);
      if (w.size() > 0) {
        HintsFromMatches(gaz_, w, std::span<const NameMatch>(matches).subspan(match_begin[s]),
                         hints_.data() + t);
      }
    }
    match_begin[doc_.sentences.size()] = static_cast<uint32_t>(matches.size());
    std::vector<EntitySpan> spans;
    if (tagger_ != nullptr) spans = tagger_->TagDocument(doc_, &hints_);

    std::vector<Candidate> gaz;
    gaz.reserve(matches.size());
    for (uint32_t s = 0; s < doc_.sentences.size(); ++s) {
      for (uint32_t i = match_begin[s]; i < match_begin[s + 1]; ++i) {
        const NameMatch& m = matches[i];
        gaz.push_back({base[s] + m.begin, base[s] + m.end, m.entry, m.needs_confirmation, m.fuzzy});
      }
    }
    std::vector<Candidate> merged = Merge(gaz, spans);
    std::vector<MentionDraft> drafts;
    drafts.reserve(merged.size());
    for (const Candidate& c : merged) {
      MentionDraft d;
      if (Describe(c, &d)) drafts.push_back(std::move(d));
    }
    LinkMentions(gaz_, doc_, tv_, &drafts);
    Write(&drafts);
  }

 private:
  // Gazetteer matches and tagger spans into one non-overlapping list.
  std::vector<Candidate> Merge(std::vector<Candidate>& gaz, const std::vector<EntitySpan>& spans) {
    std::vector<bool> drop(gaz.size(), false);
    std::vector<bool> confirmed(gaz.size(), false);
    std::vector<Candidate> out;
    size_t g0 = 0;
    for (const EntitySpan& sp : spans) {
      Candidate t{sp.token_begin, sp.token_end};
      t.from_tagger = true;
      t.tagger_type = FromTagger(sp.type);
      StripTitles(&t);
      if (!Tidy(&t)) continue;
      while (g0 < gaz.size() && gaz[g0].te <= t.tb) ++g0;
      bool overlaps = false, inside = true, replace = true;
      // Whether every overlapping match is a common word this span does
      // not confirm (dropped below): then nothing stands against the span.
      bool only_unconfirmed = true;
      for (size_t g = g0; g < gaz.size() && gaz[g].tb < t.te; ++g) {
        overlaps = true;
        if (!gaz[g].needs_confirmation || (gaz[g].tb == t.tb && gaz[g].te == t.te)) {
          only_unconfirmed = false;
        }
        // A common word is confirmed only by a span of exactly its words.
        if (gaz[g].tb == t.tb && gaz[g].te == t.te) {
          confirmed[g] = true;
          gaz[g].tagger_type = t.tagger_type;
        }
        const Candidate& c = gaz[g];
        if (c.tb < t.tb || c.te > t.te) inside = false;
        ActorType gt = TypeOfEntry(*c.entry);
        // "Russian Defence Ministry" (ORG) around "Russian" (NORP).
        // "Charles Michel" (PERSON) around "Charles" (a WordNet person).
        bool weaker = gt == ActorType::kNorp || IsPlace(gt) ||
                      (gt == ActorType::kPerson && t.tagger_type == ActorType::kPerson);
        if (!weaker) replace = false;
      }
      // An organization around a place or demonym ("Russian Defence
      // Ministry"), or a longer place around places ("East Asia", "Donetsk
      // People's Republic"): the tagger's longer span wins.
      // A person's name around a place ("Elizabeth Warren", "Jack London")
      // likewise: the tagger saw the whole name.
      const bool tagger_org = t.tagger_type == ActorType::kOrg ||
                              t.tagger_type == ActorType::kMisc ||
                              t.tagger_type == ActorType::kPerson || IsPlace(t.tagger_type);
      if (!overlaps || only_unconfirmed) {
        out.push_back(t);
      } else if (inside && replace && tagger_org && !ListOfMatches(t, gaz, g0)) {
        bool longer = false;
        for (size_t g = g0; g < gaz.size() && gaz[g].tb < t.te; ++g) {
          longer = longer || (gaz[g].te - gaz[g].tb) < (t.te - t.tb);
        }
        if (longer) {
          bool ends_in_demonym = false;
          for (size_t g = g0; g < gaz.size() && gaz[g].tb < t.te; ++g) {
            drop[g] = true;
            ends_in_demonym = gaz[g].te == t.te && TypeOfEntry(*gaz[g].entry) == ActorType::kNorp;
          }
          // "Eastern European": an adjective phrase, not an organization.
          if (ends_in_demonym &&
              (t.tagger_type == ActorType::kOrg || t.tagger_type == ActorType::kMisc)) {
            t.tagger_type = ActorType::kNorp;
          }
          out.push_back(t);
        }
      }
    }
    for (size_t g = 0; g < gaz.size(); ++g) {
      if (drop[g]) continue;
      // A common word ("Reading") needs the tagger to see an entity there.
      if (gaz[g].needs_confirmation && !confirmed[g]) continue;
      out.push_back(gaz[g]);
    }
    std::sort(out.begin(), out.end(),
              [](const Candidate& a, const Candidate& b) { return a.tb < b.tb; });
    // Tagger spans and confirmed matches never cross by construction except
    // when a gazetteer span crosses a tagger span: keep the earlier.
    std::vector<Candidate> clean;
    for (const Candidate& c : out) {
      if (!clean.empty() && c.tb < clean.back().te) {
        if (!clean.back().entry && c.entry) clean.back() = c;  // gazetteer wins
        continue;
      }
      clean.push_back(c);
    }
    JoinFirstNames(&clean);
    JoinDemonymOrgs(&clean);
    return clean;
  }

  // "Polish Radio", "Belarusian Army": a demonym right before an organization
  // the tagger saw from its org word on ("Radio") is part of its name.
  void JoinDemonymOrgs(std::vector<Candidate>* list) const {
    std::vector<Candidate>& v = *list;
    for (size_t i = 0; i + 1 < v.size(); ++i) {
      const Candidate& c = v[i];
      const Candidate& next = v[i + 1];
      if (c.entry == nullptr || TypeOfEntry(*c.entry) != ActorType::kNorp || next.tb != c.te ||
          next.entry != nullptr || !next.from_tagger || next.tagger_type != ActorType::kOrg ||
          tv_.uncased[c.tb] || !(tv_.flags[next.tb] & SentenceWords::kCapitalized) ||
          doc_.tokens[c.tb].sentence != doc_.tokens[next.tb].sentence) {
        continue;
      }
      WordSummary summary;
      uint64_t local[kNumLocalFeatures];
      AnalyzeWord(Word(next.tb), &summary, local);
      if (!(summary.lex & kLexOrgWord)) continue;
      Candidate joined = next;
      joined.tb = c.tb;
      v[i] = joined;
      v.erase(v.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    }
  }

  // "Nikki Haley", "Bernie Sanders": a one-word place known only from GeoNames
  // or one edit away, right before a person's name and not after "in", "of"
  // ..., is the person's first name.
  void JoinFirstNames(std::vector<Candidate>* list) const {
    std::vector<Candidate>& v = *list;
    for (size_t i = 0; i + 1 < v.size(); ++i) {
      const Candidate& c = v[i];
      const Candidate& next = v[i + 1];
      if (c.entry == nullptr || c.te - c.tb != 1 || next.tb != c.te) continue;
      if (!IsPlace(TypeOfEntry(*c.entry)) || c.entry->demonym) continue;
      if (!c.fuzzy && c.entry->priority != kPriorityGeoNames) continue;
      const bool person = next.entry != nullptr
                              ? TypeOfEntry(*next.entry) == ActorType::kPerson
                              : next.from_tagger && next.tagger_type == ActorType::kPerson;
      if (!person || tv_.uncased[c.tb] ||
          doc_.tokens[c.tb].sentence != doc_.tokens[next.tb].sentence) {
        continue;
      }
      if (c.tb > 0 && doc_.tokens[c.tb - 1].sentence == doc_.tokens[c.tb].sentence &&
          (gaz_.IsLocative(tv_.folded[c.tb - 1]) || tv_.folded[c.tb - 1] == "of")) {
        continue;
      }
      Candidate joined{c.tb, next.te};
      joined.from_tagger = true;
      joined.tagger_type = ActorType::kPerson;
      v[i] = joined;
      v.erase(v.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    }
  }

  // Cleans up a tagger span; false to drop it. Lower-case words at either end
  // of a span in cased text are not part of a name ("the Russian capital",
  // "As he", "imagine Ireland"); a span of no letters, of one letter, of titles only, or a
  // function word opening a sentence ("As") is no name; a name ending in a
  // document word ("Minsk Protocol", "New START Treaty") is a document (MISC).
  bool Tidy(Candidate* c) const {
    const bool cased = !tv_.uncased[c->tb];
    // Punctuation at either end ("- Bulgarian" after a split).
    while (c->te - c->tb > 1 && tv_.folded[c->tb].empty()) ++c->tb;
    while (c->te - c->tb > 1 && tv_.folded[c->te - 1].empty()) --c->te;
    if (cased) {
      while (c->te - c->tb > 1 && AllLowerWord(Word(c->te - 1))) --c->te;
      while (c->te - c->tb > 1 && AllLowerWord(Word(c->tb))) ++c->tb;
    }
    bool alpha = false, all_titles = true;
    for (uint32_t k = c->tb; k < c->te; ++k) {
      alpha = alpha || (tv_.flags[k] & SentenceWords::kHasAlpha) != 0;
      all_titles = all_titles && (tv_.folded[k].empty() || gaz_.IsTitle(tv_.folded[k]));
    }
    if (!alpha || all_titles) return false;
    // Opening a sentence a capital says nothing: a function word, or an
    // English word the tagger calls MISC or NORP ("Then"), is no name.
    // After a period left inside a sentence ("letter.Honesty", split above)
    // the tagger is on unknown ground: no English word is a name.
    const bool glued = c->tb > 0 &&
                       doc_.tokens[c->tb - 1].sentence == doc_.tokens[c->tb].sentence &&
                       Word(c->tb - 1).starts_with('.');
    const bool first =
        c->tb == 0 || doc_.tokens[c->tb - 1].sentence != doc_.tokens[c->tb].sentence || glued;
    // "Although Moscow" opening a sentence: the function word is not part of
    // the name ("The Hague" is the gazetteer's).
    if (cased && first && c->te - c->tb > 1 && gaz_.IsFunctionWord(tv_.folded[c->tb]) &&
        !(tv_.flags[c->tb] & SentenceWords::kAllCaps)) {
      ++c->tb;
    }
    if (c->te - c->tb == 1) {
      std::string_view f = tv_.folded[c->tb];
      if (f.size() == 1 && gaz_.Find(f) == nullptr) return false;
      if (cased && first && !(tv_.flags[c->tb] & SentenceWords::kAllCaps) &&
          (gaz_.IsFunctionWord(f) ||
           (gaz_.IsCommonWord(f) && gaz_.Find(f) == nullptr &&
            (glued || c->tagger_type == ActorType::kMisc || c->tagger_type == ActorType::kNorp)))) {
        return false;
      }
    }
    if (c->te - c->tb >= 2 && gaz_.IsDocumentHead(tv_.folded[c->te - 1]) &&
        (tv_.flags[c->te - 1] & SentenceWords::kCapitalized)) {
      c->tagger_type = ActorType::kMisc;
    }
    return true;
  }

  std::string_view Word(uint32_t k) const {
    return doc_.SpanText(doc_.tokens[k].start, doc_.tokens[k].end);
  }

  // "El Fasher and Khan Younis", "Goma, Bukavu": two or more matches that
  // cover span t but for commas and "and"/"or" are a list of names, not one
  // longer name the tagger saw.
  bool ListOfMatches(const Candidate& t, const std::vector<Candidate>& gaz, size_t g0) const {
    int matches = 0, separators = 0;
    size_t g = g0;
    for (uint32_t k = t.tb; k < t.te; ++k) {
      while (g < gaz.size() && gaz[g].te <= k) ++g;
      if (g < gaz.size() && gaz[g].tb <= k) {
        if (gaz[g].tb == k) ++matches;
        continue;
      }
      std::string_view w = tv_.folded[k];
      if (!w.empty() && w != "and" && w != "or") return false;
      ++separators;
    }
    // "Elizabeth Warren": two names side by side, no separator, are one name.
    return matches >= 2 && separators > 0;
  }

  // "President Volodymyr Zelenskyy" -> "Volodymyr Zelenskyy".
  void StripTitles(Candidate* c) const {
    if (c->tagger_type != ActorType::kPerson) return;
    while (c->te - c->tb > 1 && (gaz_.IsTitle(tv_.folded[c->tb]) || tv_.folded[c->tb].empty())) {
      ++c->tb;
    }
  }

  ActorType TypeOfEntry(const NameEntry& e) const {
    if (e.demonym) return ActorType::kNorp;
    return gaz_.actor(e.actor).type;
  }

  // Type, actor and country of one candidate. False to drop it.
  bool Describe(const Candidate& c, MentionDraft* d) {
    d->tb = c.tb;
    d->te = c.te;
    const NameEntry* entry = c.entry;
    if (entry == nullptr) entry = LookUp(c);
    if (entry != nullptr) {
      const Actor& a = gaz_.actor(entry->actor);
      d->type = TypeOfEntry(*entry);
      d->curated = entry->priority == kPriorityCurated && !entry->ambiguous;
      if (d->type == ActorType::kNorp) {
        // A demonym stands for its country ("Russian troops" -> russia@RU).
        int country = a.type == ActorType::kGpe ? static_cast<int>(entry->actor)
                                                : gaz_.CountryActor(a.country);
        const Actor& target = country >= 0 ? gaz_.actor(country) : a;
        d->actor = target.id;
        d->country = target.country;
        d->known = true;
        return true;
      }
      if (!entry->ambiguous) {
        d->actor = a.id;
        d->country = a.country;
        d->known = true;
        if (!a.capital_of.empty() && ActsAsGovernment(c)) {
          int country = gaz_.CountryActor(a.capital_of);
          if (country >= 0) {
            d->actor = gaz_.actor(country).id;
            d->country = a.capital_of;
          }
        }
        return true;
      }
      d->actor = SlugOf(c);
      return true;
    }
    d->type = c.tagger_type;
    if (d->type == ActorType::kMisc) return true;  // no actor for MISC
    d->country = CountryInside(c);
    d->actor = SlugOf(c);
    if (d->actor.empty()) return false;
    if (!d->country.empty() && d->type != ActorType::kPerson) d->actor += "@" + d->country;
    return true;
  }

  // The gazetteer entry for a tagger span: exact name, or one edit away
  // for a one-word place; only if its type agrees with the tagger's.
  const NameEntry* LookUp(const Candidate& c) {
    std::string key;
    for (uint32_t k = c.tb; k < c.te; ++k) key.append(tv_.folded[k]);
    const NameEntry* e = gaz_.Find(key);
    if (e == nullptr && c.te - c.tb == 1 && c.tagger_type == ActorType::kGpe && key.size() >= 5 &&
        !gaz_.IsCommonWord(key)) {
      e = gaz_.FindFuzzy(key);
    }
    if (e == nullptr || !Compatible(c.tagger_type, TypeOfEntry(*e))) return nullptr;
    return e;
  }

  // "Pyongyang denied", "Moscow's decision": not after "in", "from" ...
  bool ActsAsGovernment(const Candidate& c) const {
    if (c.tb > 0 && doc_.tokens[c.tb - 1].sentence == doc_.tokens[c.tb].sentence &&
        gaz_.IsLocative(tv_.folded[c.tb - 1])) {
      return false;
    }
    if (c.te >= doc_.tokens.size() || doc_.tokens[c.te].sentence != doc_.tokens[c.tb].sentence) {
      return false;
    }
    const Token& next = doc_.tokens[c.te];
    if (!next.pos.empty() && (next.pos.starts_with("VB") || next.pos == "MD")) return true;
    return gaz_.IsActorVerb(tv_.folded[c.te]);
  }

  // A country named inside an unknown organization ("Russian Navy").
  std::string CountryInside(const Candidate& c) const {
    for (uint32_t k = c.tb; k < c.te; ++k) {
      const NameEntry* e = gaz_.Find(tv_.folded[k]);
      if (e == nullptr) continue;
      const Actor& a = gaz_.actor(e->actor);
      if ((e->demonym || e->priority == kPriorityCountry) && a.type == ActorType::kGpe) {
        return a.country;
      }
    }
    return "";
  }

  std::string SlugOf(const Candidate& c) const {
    if (c.te == 0) return "";
    return Slugify(doc_.SpanText(doc_.tokens[c.tb].start, doc_.tokens[c.te - 1].end));
  }

  // Writes the entities, taking the drafts' strings.
  void Write(std::vector<MentionDraft>* drafts) {
    doc_.entities.clear();
    doc_.entities.reserve(drafts->size());
    for (MentionDraft& d : *drafts) {
      EntityMention m;
      m.id = "e" + std::to_string(doc_.entities.size() + 1);
      m.start = doc_.tokens[d.tb].start;
      m.end = doc_.tokens[d.te - 1].end;
      m.text = std::string(doc_.SpanText(m.start, m.end));
      m.type = std::string(ActorTypeName(d.type));
      m.actor = std::move(d.actor);
      m.country = std::move(d.country);
      doc_.entities.push_back(std::move(m));
    }
  }

  // The folded words of every sentence, kept per thread with their buffers
  // so that each document does not allocate them again.
  static std::vector<SentenceWords>& ThreadWords() {
    thread_local std::vector<SentenceWords> words;
    return words;
  }

  const Gazetteer& gaz_;
  const NerTagger* tagger_;
  Document& doc_;
  TokenView tv_;
  std::vector<uint8_t> hints_;
  std::vector<SentenceWords>& words_ = ThreadWords();
};

}  // namespace

EntityAnnotator::EntityAnnotator(std::shared_ptr<const Gazetteer> gazetteer,
                                 std::unique_ptr<NerTagger> tagger)
    : gazetteer_(std::move(gazetteer)), tagger_(std::move(tagger)) {}

EntityAnnotator::~EntityAnnotator() = default;

Status EntityAnnotator::Annotate(Document* doc, const AnnotateOptions& options) const {
  doc->entities.clear();
  for (const Token& t : doc->tokens) {
    if (t.end < t.start || t.end > doc->text.size()) {
      doc->AddProblem("entities", "token outside the text; entities skipped");
      return Status::OK();
    }
  }
  if (!degraded_note_.empty()) doc->AddProblem("entities", degraded_note_);
  // Glued words ("Burns.He") are split on a copy: the document keeps the
  // segmenter's tokens, the entities' byte offsets are the same.
  std::vector<Token> split;
  if (SplitTokens(*gazetteer_, *doc, &split)) {
    // The copy borrows the text and sentences (moved back when it is done,
    // whatever happens) rather than copying them.
    Document work;
    struct Borrow {
      Document* doc;
      Document* work;
      Borrow(Document* d, Document* w) : doc(d), work(w) {
        work->text.swap(doc->text);
        work->sentences.swap(doc->sentences);
      }
      ~Borrow() {
        doc->text.swap(work->text);
        doc->sentences.swap(work->sentences);
      }
      Borrow(const Borrow&) = delete;
      Borrow& operator=(const Borrow&) = delete;
    } borrow(doc, &work);
    work.tokens = std::move(split);
    DocumentRun(*gazetteer_, tagger_.get(), &work).Run();
    doc->entities = std::move(work.entities);
    return Status::OK();
  }
  DocumentRun(*gazetteer_, tagger_.get(), doc).Run();
  return Status::OK();
}

}  // namespace sitrep
