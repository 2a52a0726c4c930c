// Claims from quantities and events: EventTagger::BuildClaims.
#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "claims/attribution_tagger.h"
#include "claims/event_tagger.h"
#include "claims/phrases.h"
#include "claims/quotes.h"

namespace sitrep::claims {
namespace {

// ASCII-lowercased copy: measures and objects are compared across documents.
std::string LowerAscii(std::string s) {
  for (char& ch : s) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return s;
}

// Lowercased words of tokens [b, e), without determiners and without the
// entity tokens that come before `head` (the nationality in "North Korean
// troops" is the claim's subject, not part of its measure).
std::string NormalizePhrase(const DocView& v, const Chunker& chunker, size_t b, size_t e,
                            size_t head) {
  std::string out;
  for (size_t k = b; k < e; ++k) {
    std::string_view w = v.word(k);
    if (chunker.IsDeterminer(w)) continue;
    // Without an entities layer, capitalized words before the head stand in
    // for the names it would have found.
    bool name = v.entity_at(k) >= 0 || (v.doc().entities.empty() && v.IsCapitalized(k));
    if (k < head && name) continue;
    if (w == "'s" || w == "\xE2\x80\x99s") continue;
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// What a passive trigger at `trigger` happened to: the words of the noun
// phrase before its auxiliaries ("A Russian helicopter was shot down" ->
// "russian helicopter"), lowercased, without determiners; empty when none
// stands there (a relative pronoun, a figure, a clause). `entity` gets the
// entity that ends the phrase, or -1.
std::string PassivePatient(const DocView& v, const Chunker& chunker, size_t trigger, size_t first,
                           int* entity) {
  *entity = -1;
  size_t t = trigger;
  while (t > first) {
    std::string_view w = v.word(t - 1);
    bool aux = w == "was" || w == "were" || w == "is" || w == "are" || w == "been" || w == "be" ||
               w == "has" || w == "have" || w == "had" || w == "being";
    bool adverb = v.has_pos() && v.pos(t - 1).substr(0, 2) == "RB";
    if (!aux && !adverb) break;
    --t;
  }
  if (t == trigger || t == first || !v.has_pos()) return "";
  // The phrase that ends at `head`: a whole name, or nouns and adjectives.
  auto phrase_start = [&](size_t head) {
    size_t b = head;
    int e = v.entity_at(head);
    if (e >= 0) {
      while (b > first && v.entity_at(b - 1) == e) --b;
      return b;
    }
    while (b > first && head - b < 3 &&
           (v.pos(b - 1).substr(0, 2) == "NN" || v.pos(b - 1).substr(0, 2) == "JJ" ||
            v.entity_at(b - 1) >= 0)) {
      --b;
    }
    return b;
  };
  size_t head = t - 1;
  size_t b = phrase_start(head);
  // "The memorandum about her appointment was signed", "the aid bill for
  // Ukraine was approved": the noun a prepositional phrase hangs on (not
  // before "of": "the village of Robotyne" is Robotyne).
  for (int hop = 0; hop < 2; ++hop) {
    size_t p = b;
    if (p > first && chunker.IsDeterminer(v.word(p - 1))) --p;
    if (p < first + 2 || v.pos(p - 1) != "IN" || v.word(p - 1) == "of") break;
    size_t h = p - 2;
    if (v.pos(h).substr(0, 2) != "NN" && v.entity_at(h) < 0) break;
    head = h;
    b = phrase_start(head);
  }
  if (v.pos(head).substr(0, 2) != "NN" && v.entity_at(head) < 0) return "";
  int e = v.entity_at(head);
  // ("the Kerch bridge", "a helicopter": a determiner or the sentence's
  // start must open the phrase; "12 civilians" has a figure of its own.)
  if (e < 0 && b > first && !chunker.IsDeterminer(v.word(b - 1)) && v.word(b - 1) != "," &&
      v.word(b - 1) != "and") {
    return "";
  }
  if (e >= 0) *entity = e;
  std::string out;
  for (size_t k = b; k <= head; ++k) {
    if (!out.empty()) out += ' ';
    out += v.word(k);
  }
  return LowerAscii(std::move(out));
}

bool IsPeopleOrThing(const std::string& unit) {
  return !unit.empty() && unit != "%" && !(unit[0] >= 'A' && unit[0] <= 'Z');
}

bool SameActor(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  // A person and the country whose office they hold: "joe-biden@US" and
  // "united-states@US".
  size_t pa = a.rfind('@'), pb = b.rfind('@');
  return pa != std::string_view::npos && pb != std::string_view::npos &&
         a.substr(pa) == b.substr(pb);
}

}  // namespace

std::string EventTagger::SubjectActor(const Document& doc, int k) const {
  if (k < 0) return "";
  const EntityMention& e = doc.entities[k];
  if (e.actor.empty()) {
    return LowerAscii(e.text);
  }
  if (gazetteer_ == nullptr) return e.actor;
  std::string country;
  if (e.type == "NORP" || e.type == "MILITARY") {
    country = e.country;
    size_t at = e.actor.rfind('@');
    if (country.empty() && at != std::string::npos) country = e.actor.substr(at + 1);
  } else if (e.type == "GPE") {
    int a = gazetteer_->FindActor(e.actor);
    if (a >= 0) country = gazetteer_->actor(a).capital_of;
  }
  if (country.empty()) return e.actor;
  int c = gazetteer_->CountryActor(country);
  return c >= 0 ? gazetteer_->actor(c).id : e.actor;
}

std::string EventTagger::SpeakerActor(const Document& doc, const std::string& attribution) const {
  for (const Attribution& a : doc.attributions) {
    if (a.id != attribution || a.source_actor.empty()) continue;
    size_t at = a.source_actor.rfind('@');
    if (at == std::string::npos) {
      // "We shot down 20 drones," Ukrainian Air Force spokesman Yuriy Ihnat
      // said: "we" is the body the speaker speaks for, when the source
      // phrase names one.
      for (size_t k = 0; k < doc.entities.size(); ++k) {
        const EntityMention& m = doc.entities[k];
        if (m.start < a.start || m.end > a.end) continue;
        if (m.type == "ORG" || m.type == "NORP" || m.type == "GPE" || m.type == "MILITARY") {
          std::string body = SubjectActor(doc, static_cast<int>(k));
          if (!body.empty()) return body;
        }
      }
    }
    if (gazetteer_ == nullptr || at == std::string::npos) return a.source_actor;
    int c = gazetteer_->CountryActor(a.source_actor.substr(at + 1));
    return c >= 0 ? gazetteer_->actor(c).id : a.source_actor;
  }
  return "";
}

int EventTagger::StatementTime(const Document& doc, const std::string& timex_id) const {
  const Timex* t = nullptr;
  for (const Timex& x : doc.timexes) {
    if (x.id == timex_id) t = &x;
  }
  if (t == nullptr) return -1;
  for (size_t k = 0; k < doc.attributions.size(); ++k) {
    const Attribution& a = doc.attributions[k];
    // Inside the source phrase ("Biden last week said") or right after the
    // cue ("said this week", "said on Tuesday").
    if (t->start >= a.start && t->end <= a.end) return static_cast<int>(k);
    if (t->start < a.end || t->start > a.end + 4) continue;
    std::string_view gap = std::string_view(doc.text).substr(a.end, t->start - a.end);
    if (gap == " " || gap == " on " || gap == " in ") return static_cast<int>(k);
  }
  return -1;
}

bool EventTagger::CountsPopulation(const DocView& v, const Document& doc, size_t k,
                                   std::string_view kind) const {
  size_t cb = 0;
  size_t ce = CountedEnd(v, doc, k, &cb);
  if (ce <= cb) return false;
  size_t head = ce - 1;
  int e = v.entity_at(head);
  if (e >= 0 && doc.entities[e].type == "NORP") return kind.empty() || kind == "people";
  const PhraseEntry* p = population_nouns_.Find(v.word(head));
  return p != nullptr && (kind.empty() || p->field(0) == kind);
}

void EventTagger::BuildClaims(const DocView& v, const std::vector<EventInfo>& info,
                              const std::vector<int>& q_event,
                              const std::vector<std::string>& q_verb,
                              const std::vector<size_t>& q_verb_token,
                              const std::vector<int>& sentence_attr, const std::string& dct,
                              Document* doc) const {
  std::vector<bool> event_has_claim(doc->events.size(), false);
  // The claim made of each quantity, or -1.
  std::vector<int> claim_of_q(doc->quantities.size(), -1);
  // Entity ids are "e<position+1>" as the entity stage writes them; fall
  // back to a scan for any other numbering.
  auto entity_index = [&](const std::string& id) -> int {
    if (id.size() > 1 && id[0] == 'e') {
      size_t n = 0;
      for (size_t p = 1; p < id.size() && id[p] >= '0' && id[p] <= '9'; ++p)
        n = n * 10 + (id[p] - '0');
      if (n >= 1 && n <= doc->entities.size() && doc->entities[n - 1].id == id) {
        return static_cast<int>(n - 1);
      }
    }
    for (size_t k = 0; k < doc->entities.size(); ++k) {
      if (doc->entities[k].id == id) return static_cast<int>(k);
    }
    return -1;
  };
  auto actor_of = [&](int k) -> std::string { return SubjectActor(*doc, k); };
  auto nearest_timex = [&](uint32_t start, uint32_t end, size_t tok) -> std::string {
    std::string best;
    size_t bd = SIZE_MAX;
    const size_t floor_tok = v.TokenAt(start);
    for (const Timex& t : doc->timexes) {
      if (t.start < start || t.end > end || (t.type != "DATE" && t.type != "TIME")) continue;
      if (t.value.empty() || t.value[0] < '0' || t.value[0] > '9') continue;
      size_t tt = v.TokenAt(t.start);
      if (ClauseBreakBetween(v, tok, tt)) continue;
      // "the city had 120,000 inhabitants before the war began on February
      // 24": a date the figure is counted before is not its date.
      bool before = false;
      for (size_t b = tt; b > floor_tok && tt - b < 6 && !before; --b) {
        std::string_view w = v.word(b - 1);
        before = w == "before" || (w == "to" && b >= 2 && v.word(b - 2) == "prior");
        if (w == "," || w == ";") break;
      }
      if (before) continue;
      size_t d = tt > tok ? tt - tok : tok - tt;
      if (d < bd) {
        bd = d;
        best = t.id;
      }
    }
    return best;
  };
  // The entity named by the tokens just before token t, when t is a noun
  // they modify: "North Korean troops", "Russia's troops", "KPA soldiers".
  auto owner_before = [&](size_t t, size_t floor) -> int {
    if (t <= floor) return -1;
    size_t p = t - 1;
    if ((v.word(p) == "'s" || v.word(p) == "\xE2\x80\x99s") && p > floor) --p;
    int e = v.entity_at(p);
    if (e < 0) return -1;
    const std::string& type = doc->entities[e].type;
    if (type == "NORP" || type == "GPE" || type == "MILITARY" || type == "ORG") return e;
    return -1;
  };

  for (size_t k = 0; k < doc->quantities.size(); ++k) {
    const Quantity& q = doc->quantities[k];
    // A bare figure counts something only as the object of a casualty verb:
    // "Russian attacks killed at least six".
    bool bare_casualties = q.counted.empty() && q.unit.empty() && q_event[k] >= 0 &&
                           doc->events[q_event[k]].type == "CASUALTIES";
    size_t qt = v.TokenAt(q.start);
    if (qt >= v.size()) continue;
    size_t s = v.sentence(qt);
    const Sentence& sent = doc->sentences[s];
    size_t first = v.sentence_first(s);
    // "Russia sent 12 tanks. Five have been lost.": a bare figure that opens
    // its sentence counts what the last figure of the two sentences before
    // counted, and belongs to whoever owned those.
    // So does one "of them" ("Russia fired 30 missiles; Ukraine said it
    // had shot down 25 of them"), in its own sentence too.
    std::string borrowed, borrowed_subject;
    std::string_view after1 = qt + 1 < v.size() ? v.word(qt + 1) : std::string_view();
    std::string_view after2 = qt + 2 < v.size() ? v.word(qt + 2) : std::string_view();
    const bool of_them =
        after1 == "of" && (after2 == "them" || after2 == "those" || after2 == "these");
    // (A quotation mark may open the sentence: '"Another 15 were wounded."')
    const bool opens = qt == first || (qt == first + 1 && v.IsQuote(first));
    if (q.counted.empty() && q.unit.empty() && (opens || of_them)) {
      for (size_t p = k; p > 0; --p) {
        const Quantity& pq = doc->quantities[p - 1];
        size_t ps = v.sentence(v.TokenAt(pq.start));
        if (ps + 2 < s) break;
        if ((ps == s && !of_them) || !IsPeopleOrThing(pq.unit)) continue;
        borrowed = pq.unit;
        // The claim made of that figure: same sentence, same value (its
        // measure may carry modifiers and a verb: "Leopard tanks delivered").
        for (const Claim& pc : doc->claims) {
          if (pc.start == doc->sentences[ps].start && pc.value.min == pq.min &&
              (pc.value.max == pq.max || !pc.value.max)) {
            borrowed_subject = pc.subject;
          }
        }
        break;
      }
    }
    // "the US troop presence has risen from 5,000 to about 24,000": what
    // moved is the phrase before the verb of change; its owner the subject.
    std::string change_measure;
    int change_owner = -1;
    // "the number of displaced people grew by 21%", "the gas price rallied
    // more than 10 percent": a share that is a change of the phrase before.
    size_t change_word = SIZE_MAX;
    // "the premature birth rate rose to 16%", "unemployment stood at 12%",
    // "the share was 18%": the level of the phrase before, in percent.
    auto level_word = [&](std::string_view w) {
      return w == "stood" || w == "stands" || w == "standing" || w == "reached" || w == "reaches" ||
             w == "hit" || w == "was" || w == "is" || w == "were" || w == "are" || w == "at" ||
             w == "to" || w == "been";
    };
    bool level = false;
    if (q.counted.empty() && q.unit == "%" && qt > first + 2) {
      if (IsChangeWord(v.word(qt - 1))) change_word = qt - 1;
      if (v.word(qt - 1) == "by" && IsChangeWord(v.word(qt - 2))) change_word = qt - 2;
      level = change_word == SIZE_MAX && level_word(v.word(qt - 1)) &&
              (v.word(qt - 1) != "to" || IsChangeWord(v.word(qt - 2))) &&
              (v.word(qt - 1) != "at" || level_word(v.word(qt - 2)));
    }
    if (q.counted.empty() &&
        (q.text.compare(0, 5, "from ") == 0 || change_word != SIZE_MAX || level) && qt > first) {
      size_t t = qt;
      while (t > first && qt - t < 5 &&
             (IsChangeWord(v.word(t - 1)) || chunker_.IsFunctionWord(v.word(t - 1)) ||
              (level && level_word(v.word(t - 1))) ||
              (v.has_pos() && v.pos(t - 1).substr(0, 2) == "RB")) &&
             !chunker_.IsDeterminer(v.word(t - 1))) {
        --t;
      }
      size_t b = chunker_.NounPhraseBefore(v, t, first);
      size_t head_end = t;
      // "France's troop presence in NATO's east": the phrase before the
      // preposition is what moved.
      // ("the number of displaced people": the phrase after an amount noun.)
      bool amount = b > first + 2 && v.word(b - 1) == "of" && amount_nouns_.Contains(v.word(b - 2));
      if (!amount && b > first + 1 && (v.word(b - 1) == "in" || v.word(b - 1) == "of")) {
        size_t b2 = chunker_.NounPhraseBefore(v, b - 1, first);
        if (b2 < b - 1) {
          head_end = b - 1;
          b = b2;
        }
      }
      if (b < head_end) {
        change_measure = NormalizePhrase(v, chunker_, b, head_end, head_end - 1);
        if (change_word != SIZE_MAX && !change_measure.empty()) {
          change_measure +=
              IsFallWord(v.word(change_word)) ? " decrease in percent" : " increase in percent";
        } else if (level && !change_measure.empty()) {
          change_measure += " in percent";
        }
        for (size_t p = b; p < head_end && change_owner < 0; ++p) {
          int e = v.entity_at(p);
          if (e >= 0 && doc->entities[e].type != "DATE") change_owner = e;
        }
      }
      if (change_measure.empty()) continue;
    }
    // "put the number of troops at 6,000", "the number of hungry people is
    // to rise by 2 million": the counted phrase is named before the figure.
    bool amount_before = false;
    if (q.counted.empty() && q.unit.empty() && qt > first + 3 &&
        (v.word(qt - 1) == "at" || v.word(qt - 1) == "to" ||
         (v.word(qt - 1) == "by" && IsChangeWord(v.word(qt - 2))))) {
      for (size_t n = qt - 2; n > first && n + 16 > qt && !amount_before; --n) {
        const PhraseEntry* a = amount_nouns_.Find(v.word(n - 1));
        amount_before = a != nullptr && a->field(0) == "amount" && v.word(n) == "of";
      }
    }
    if (q.counted.empty() && q.unit.empty() && !bare_casualties && borrowed.empty() &&
        change_measure.empty() && !amount_before) {
      continue;
    }
    // "the three Baltic States", "these two men": a definite determiner
    // before a small bare figure refers back to a known set; nobody reports
    // it as a figure.
    bool spelled = q.text.find_first_of("0123456789") == std::string::npos;
    const EventMention* ev = q_event[k] >= 0 ? &doc->events[q_event[k]] : nullptr;
    const EventInfo* ei = q_event[k] >= 0 ? &info[q_event[k]] : nullptr;
    // "Currently covers 15 countries": a count of states that no event or
    // verb takes describes a body's membership; it reports nothing.
    if (ev == nullptr && q_verb[k].empty() && CountsPopulation(v, *doc, k, "states")) continue;
    bool figure_event =
        ev != nullptr && (ev->type == "MOBILIZE" || ev->type == "RETREAT" ||
                          ev->type == "CASUALTIES" || ev->type == "AID" || ev->type == "ASSAULT" ||
                          ev->type == "SANCTION" || ev->type == "COERCE" || ev->type == "CONCEDE");
    // What is counted undergoes the event (sanctioned entities, attacked
    // towns): the object of an active trigger or the subject of a passive
    // one. Its nationality then describes it; the subject is who acts.
    bool patient = ev != nullptr && ei != nullptr && !ev->actor.empty() &&
                   (ev->type == "SANCTION" || ev->type == "COERCE" || ev->type == "CONCEDE" ||
                    (ev->type == "ASSAULT" && (qt >= ei->token_end) != ei->passive));
    // (Unless something happens to them in this sentence: "the six officers
    // were killed" is the claim again, maybe from another source.)
    if (!figure_event && qt > first && q.bound.empty() && !q.approx && !q.increment && q.max &&
        *q.max < 100 && q.magnitude.empty()) {
      std::string_view d = v.word(qt - 1);
      if (d == "the" || d == "these" || d == "those" || d == "all" || d == "both" || d == "its" ||
          d == "their" || d == "his" || d == "her" || d == "our") {
        continue;
      }
    }
    // "the leaders of 27 countries", "the defensive alliance of 30
    // countries", "the hopes of 43 million Ukrainians": a figure that only
    // describes the noun before "of" is no figure of its own, unless that
    // noun is one that introduces figures ("a total of", "a force of").
    // After a singular noun only populations are descriptions: "the
    // destruction of 579 tanks" reports the tanks.
    // (A name counts too: "a “Grand Alliance” of 30 nations".)
    // ("The summit of 31 NATO states": a meeting's participants too.)
    if ((ev == nullptr || !figure_event) && qt > first + 2 && v.word(qt - 1) == "of" &&
        v.has_pos()) {
      size_t n = qt - 2;
      if (n > first + 1 && (v.word(n) == "”" || v.word(n) == "\"")) --n;
      std::string_view np = v.pos(n);
      bool described =
          !amount_nouns_.Contains(v.word(n)) &&
          ((np == "NNS" &&
            (chunker_.IsDeterminer(v.word(n - 1)) || v.pos(n - 1).substr(0, 2) == "JJ")) ||
           ((np == "NN" || np == "NNP" || np == "NNPS") && CountsPopulation(v, *doc, k)));
      if (described) continue;
    }
    Claim c;
    c.id = "c" + std::to_string(doc->claims.size() + 1);
    c.start = sent.start;
    c.end = sent.end;

    // The counted phrase as tokens.
    size_t cb = 0;
    size_t ce = CountedEnd(v, *doc, k, &cb);
    if (q.counted.empty()) cb = ce;
    size_t head = cb;
    for (size_t t = cb; t < ce; ++t) {
      if (v.word(t) == q.unit) head = t;
    }
    std::string counted =
        ce > cb ? NormalizePhrase(v, chunker_, cb, ce, patient ? cb : head) : std::string();
    bool currency = q.unit.size() == 3 && std::all_of(q.unit.begin(), q.unit.end(), [](char ch) {
                      return ch >= 'A' && ch <= 'Z';
                    });
    if (currency && counted.empty() && q.counted.empty() && qt > first + 1) {
      // Money whose object stands before it: "fertilisers ($71m)",
      // "takes Australia's military contributions to Ukraine to $116m",
      // "aid valued at $2 billion".
      size_t b = qt - 1, e = qt - 1;
      std::string_view w = v.word(qt - 1);
      // "drones and parts worth over $12 million"; "Libya's GDP was
      // estimated at $75 billion": past the verb that values it.
      if (w == "worth") w = "at";
      if (w == "at" && qt > first + 3 && v.has_pos() && v.pos(qt - 2).substr(0, 2) == "VB") {
        size_t t = qt - 2;
        while (t > first + 1 && (v.pos(t - 1).substr(0, 2) == "VB" ||
                                 v.pos(t - 1).substr(0, 2) == "RB" || v.pos(t - 1) == "MD")) {
          --t;
        }
        e = t;
      }
      if (w == "(" || w == "to" || w == "at") {
        b = chunker_.NounPhraseBefore(v, e, first);
        // Past a place or a beneficiary: "contributions to Ukraine to $116m".
        if (w != "(" && b < e && b > first + 1 &&
            (v.word(b - 1) == "to" || v.word(b - 1) == "for" || v.word(b - 1) == "in")) {
          size_t b2 = chunker_.NounPhraseBefore(v, b - 1, first);
          if (b2 < b - 1) {
            e = b - 1;
            b = b2;
          }
        }
      }
      // ("drones and parts worth ...": both conjuncts.)
      if (b < e && b > first + 1 && v.word(b - 1) == "and") {
        size_t b3 = chunker_.NounPhraseBefore(v, b - 1, first);
        if (b3 < b - 1) b = b3;
      }
      if (b < e) {
        cb = b;
        ce = e;
        head = e - 1;
        counted = NormalizePhrase(v, chunker_, cb, ce, head);
      }
    }
    // The event's trigger is the counted noun itself ("20 airstrikes").
    bool trigger_in_counted = ei != nullptr && ei->token >= cb && ei->token < ce &&
                              (!v.has_pos() || v.pos(ei->token).substr(0, 2) == "NN");

    // The counted phrase before the figure: "put the number of Eskaran
    // troops in Halvany at 6,000", "the number of people killed has risen
    // to 19".
    // "the number of hungry people is estimated to rise by more than 2
    // million": a change, measured with its verb.
    bool change_by = qt > first + 4 && v.word(qt - 1) == "by" && IsChangeWord(v.word(qt - 2));
    if (counted.empty() && qt > first + 3 &&
        (v.word(qt - 1) == "at" || v.word(qt - 1) == "to" || change_by)) {
      size_t floor = qt > first + 16 ? qt - 16 : first;
      for (size_t n = qt - 2; n > floor; --n) {
        const PhraseEntry* a = amount_nouns_.Find(v.word(n - 1));
        if (a == nullptr || a->field(0) != "amount" || v.word(n) != "of") continue;
        // ("the number of acutely food insecure people")
        size_t np_from = n + 1;
        while (np_from < qt - 1 && v.has_pos() && v.pos(np_from) == "RB") ++np_from;
        size_t f = 0, h = 0;
        size_t np = chunker_.NounPhraseAt(v, np_from, qt - 1, 6, &f, &h);
        if (np <= np_from) break;
        // "people killed in the strike": the participle says what happened.
        if (np < qt - 1 && v.has_pos() && v.pos(np) == "VBN") ++np;
        // ("people forcibly displaced")
        if (np + 1 < qt - 1 && v.has_pos() && v.pos(np) == "RB" && v.pos(np + 1) == "VBN") {
          np += 2;
        }
        cb = f;
        ce = np;
        head = h;
        counted = NormalizePhrase(v, chunker_, cb, ce, head);
        if (change_by && q_verb[k].empty()) {
          counted += ' ';
          counted += v.word(qt - 2);
        }
        break;
      }
    }
    // Subject: whose the counted things are.
    std::string subject;
    if (patient) subject = actor_of(entity_index(ev->actor));
    if (subject.empty() && change_owner >= 0) subject = actor_of(change_owner);
    if (subject.empty() && q.unit == "%") {
      // "North Korean munitions constituted 70% of ...": the sharer precedes.
      // (Not the source, nor a person: "The Institute added that 24% of
      // respondents", "Tadeusz K., a lawyer, said 80% of benefits".)
      for (size_t e = doc->entities.size(); e > 0 && subject.empty(); --e) {
        const EntityMention& m = doc->entities[e - 1];
        if (m.start < sent.start || m.end > q.start || m.type == "PERSON") continue;
        bool source = false;
        for (const Attribution& a : doc->attributions) {
          source = source || (a.start <= m.start && m.end <= a.end);
        }
        if (!source) subject = actor_of(static_cast<int>(e - 1));
      }
    }
    if (subject.empty() && ce > cb) {
      // An entity inside the counted phrase before its head.
      for (size_t t = cb; t < head && subject.empty(); ++t) {
        int e = v.entity_at(t);
        if (e >= 0 && !doc->entities[e].actor.empty()) subject = actor_of(e);
      }
    }
    if (subject.empty()) {
      // "Russia's 150,000 troops".
      int e = owner_before(qt, first);
      // ("give Ukraine 400 vehicles": the receiver after the verb of
      // giving owns nothing yet.)
      if (e >= 0 && ev != nullptr && ei != nullptr &&
          (ev->type == "AID" || ev->type == "MOBILIZE")) {
        size_t eb = v.TokenAt(doc->entities[e].start);
        if (eb == ei->token_end) e = -1;
      }
      if (e >= 0) subject = actor_of(e);
    }
    if (subject.empty() && ce > cb && doc->entities.empty()) {
      for (size_t t = cb; t < head; ++t) {
        if (!v.IsCapitalized(t)) continue;
        if (!subject.empty()) subject += ' ';
        subject += v.word(t);
      }
    }
    if (subject.empty() && ev != nullptr) {
      // Who sends, supplies, withdraws or attacks owns what is counted; for
      // losses, who lost them. Victims of other casualties are named in the
      // counted phrase or not at all.
      bool owner_is_actor = ev->type == "MOBILIZE" || ev->type == "AID" || ev->type == "RETREAT" ||
                            ev->type == "ASSAULT" || ev->type == "SANCTION";
      // (and who destroyed or killed, in the active voice: "Ukrainian
      // forces destroyed 12 tanks")
      bool active = ev->type == "CASUALTIES" && ei != nullptr && !ei->passive && v.has_pos() &&
                    v.pos(ei->token).substr(0, 2) == "VB" && v.pos(ei->token) != "VBN";
      if (owner_is_actor || active) subject = actor_of(entity_index(ev->actor));
      if (ev->type == "CASUALTIES" && ei != nullptr && ei->measure == "lost") {
        subject = actor_of(entity_index(ev->target));
      }
    }
    if (subject.empty() && ev == nullptr && q_verb_token[k] != SIZE_MAX) {
      // "Moscow assembled around 150,000 soldiers": whoever did what the
      // verb says with the figure (its subject, just before it).
      size_t t = q_verb_token[k];
      while (t > first && (v.word(t - 1) == "has" || v.word(t - 1) == "have" ||
                           v.word(t - 1) == "had" || v.word(t - 1) == "reportedly")) {
        --t;
      }
      // ("Ukrainian prosecutors have identified 600 suspects": a name
      // inside the subject's phrase.)
      for (size_t n = 0; t > first && n < 3 && subject.empty(); ++n, --t) {
        int e = v.entity_at(t - 1);
        if (e >= 0) {
          const std::string& type = doc->entities[e].type;
          if (type == "GPE" || type == "ORG" || type == "MILITARY" || type == "NORP") {
            subject = actor_of(e);
          }
          break;
        }
        if (!v.has_pos() || (v.pos(t - 1) != "NNS" && v.pos(t - 1) != "NN")) break;
      }
    }
    if (subject.empty() && ev == nullptr && qt > first + 1) {
      // "Russia has about 80,000 losses": the owner is the subject of a
      // possessive "has"; "Russia has surrounded Ukraine with 100,000
      // troops": of the verb whose instrument the figure is.
      size_t t = SIZE_MAX;
      size_t b = qt;  // (past a quote mark: 'HSBC has "about 200 staff"')
      if (b > first + 1 && v.IsQuote(b - 1)) --b;
      std::string_view w = v.word(b - 1);
      if (w == "has" || w == "have" || w == "had") {
        t = b - 1;
      } else if (w == "with" && v.has_pos()) {
        for (size_t p = b - 1; p > first && b - p < 8 && t == SIZE_MAX; --p) {
          if (v.IsPunct(p - 1)) break;
          std::string_view pp = v.pos(p - 1);
          if (pp == "VBD" || pp == "VBN" || pp == "VBZ" || pp == "VBP") t = p - 1;
        }
      }
      while (t != SIZE_MAX && t > first &&
             (v.word(t - 1) == "has" || v.word(t - 1) == "have" || v.word(t - 1) == "had" ||
              (v.has_pos() && v.pos(t - 1).substr(0, 2) == "RB"))) {
        --t;
      }
      if (t != SIZE_MAX && t > first) {
        int e = v.entity_at(t - 1);
        if (e >= 0) {
          const std::string& type = doc->entities[e].type;
          if (type == "GPE" || type == "ORG" || type == "MILITARY" || type == "NORP") {
            subject = actor_of(e);
          }
        }
      }
    }
    if (subject.empty() && ev == nullptr && !q_verb[k].empty() && q_verb_token[k] == SIZE_MAX) {
      // "16 targets were named by the Biden administration": the agent of
      // the passive verb after the counted phrase did it.
      size_t last = v.sentence_last(s);
      for (size_t t = ce; t < last && t < ce + 10; ++t) {
        // (The verb may carry its particle: "blown up".)
        if (v.word(t) != std::string_view(q_verb[k]).substr(0, q_verb[k].find(' '))) continue;
        if (t + 1 < last && v.word(t + 1) == "by") {
          size_t f = 0, h = 0;
          size_t np = chunker_.NounPhraseAt(v, t + 2, last, 5, &f, &h);
          for (size_t p = f; p < np && subject.empty(); ++p) {
            int e = v.entity_at(p);
            if (e >= 0 && !doc->entities[e].actor.empty()) subject = actor_of(e);
          }
        }
        break;
      }
    }
    // Ellipsis ("and another 3,000 in the winter"): the counted phrase is
    // not after the figure; take subject and measure from the sentence's
    // previous claim.
    const Claim* prev = !doc->claims.empty() && doc->claims.back().start == sent.start
                            ? &doc->claims.back()
                            : nullptr;
    bool elliptic = !q.counted.empty() && ce == cb;
    // "Meridian Wire, citing two Western officials, reported at least
    // 6,000": a figure does not borrow what a source phrase counted.
    if (elliptic) {
      bool from_source = false;
      for (size_t p = k; p > 0 && !from_source; --p) {
        const Quantity& pq = doc->quantities[p - 1];
        if (pq.start < sent.start) break;
        if (pq.counted != q.counted) continue;
        size_t at = std::string_view(doc->text).find(pq.counted, pq.end);
        for (const Attribution& a : doc->attributions) {
          from_source =
              from_source || (at != std::string_view::npos && a.start <= at && at < a.end);
        }
        break;
      }
      if (from_source) continue;
    }
    // "15,000 troops ..., with another 3,000 expected before winter": an
    // increment counted by a lone participle adds to the things of the
    // figure before it; the participle says what happens to them.
    bool added_participle = q.increment && prev != nullptr && q.unit.empty() && ce == cb + 1 &&
                            chunker_.IsParticiple(v, cb);
    if (added_participle && subject.empty()) subject = prev->subject;
    if (elliptic && prev != nullptr && subject.empty()) subject = prev->subject;
    // "Australia has provided $156m ..., including $91m in military
    // assistance": a part has the owner of the whole.
    if (subject.empty() && prev != nullptr && qt > first && v.word(qt - 1) == "including") {
      subject = prev->subject;
    }
    if (subject.empty() && ce > cb && figure_event && ev->type != "CASUALTIES") {
      // A bare plural ("troops were sent") refers to the last time the text
      // named whose they were: "the deployment of DPRK troops".
      std::string_view h = v.word(head);
      size_t floor = qt > 1500 ? qt - 1500 : 0;
      for (size_t t = qt; t > floor && subject.empty(); --t) {
        if (v.word(t - 1) != h) continue;
        int e = owner_before(t - 1, floor);
        if (e >= 0) subject = actor_of(e);
      }
    }
    if (subject.empty()) subject = borrowed_subject;
    // "14 Russian generals, 58 colonels and 176 lieutenant colonels": the
    // items of a list share the owner the first names.
    if (subject.empty() && k > 0 && claim_of_q[k - 1] >= 0 &&
        doc->claims[claim_of_q[k - 1]].start == sent.start) {
      size_t pc = 0;
      size_t pe = CountedEnd(v, *doc, k - 1, &pc);
      bool list = pe < qt && pe + 3 > qt;
      for (size_t t = pe; t < qt && list; ++t) {
        list = v.word(t) == "," || v.word(t) == "and" || v.word(t) == "or";
      }
      if (list) subject = doc->claims[claim_of_q[k - 1]].subject;
    }
    c.subject = subject;

    // Measure: counted noun and modifiers, then what the event did to them.
    std::string measure;
    if (added_participle) {
      measure = prev->measure + " " + std::string(v.word(cb));
    } else if (!change_measure.empty()) {
      measure = change_measure;
    } else if (elliptic && ev == nullptr && !q_verb[k].empty()) {
      // "out of 1,361 companies only 241 have exited": what the figure
      // borrows, then what its own verb says happened to them.
      for (char ch : q.counted) {
        measure += ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
      }
      measure += ' ';
      measure += q_verb[k];
    } else if (elliptic && prev != nullptr) {
      measure = prev->measure;
    } else if (elliptic) {
      measure = q.unit;
    } else if (q.unit == "%") {
      // A share needs what it is a share of ("70% of the artillery"); "rose
      // 20%" says nothing checkable about a named thing.
      size_t j = v.TokenAt(q.end);
      if (counted.empty() || j >= v.size() || v.word(j) != "of") continue;
      measure = "share of " + counted;
      // ("half of the energy infrastructure has been destroyed": what
      // happened to the share, when no event took it.)
      if (ev == nullptr && !q_verb[k].empty()) measure += " " + q_verb[k];
      if (figure_event && ei != nullptr) measure += " " + ei->measure;
    } else if (!counted.empty()) {
      measure = counted;
    } else if (!IsPeopleOrThing(q.unit)) {
      measure = q.unit;
    }
    // (A bare unit says nothing: "more than 20%" with nothing it is of.)
    if (measure == "%") continue;
    if (measure.empty() && !borrowed.empty()) {
      measure = borrowed;
      // "Five have been lost": the participle after the auxiliaries says
      // what happened to them, when no event took the figure.
      if (ev == nullptr && q_verb[k].empty()) {
        size_t t = v.TokenAt(q.end);
        size_t last = v.sentence_last(s);
        while (t < last && (v.word(t) == "have" || v.word(t) == "has" || v.word(t) == "had" ||
                            v.word(t) == "were" || v.word(t) == "was" || v.word(t) == "are" ||
                            v.word(t) == "been" || v.word(t) == "later" || v.word(t) == "also")) {
          ++t;
        }
        if (t < last && t > v.TokenAt(q.end) && chunker_.IsParticiple(v, t)) {
          measure += ' ';
          measure += v.word(t);
        } else {
          continue;  // nothing says what the borrowed figure is about
        }
      }
    }
    // The event names what happened to what was counted only where figures
    // are about the event itself ("troops deployed", "soldiers killed"), not
    // about its participants ("the two nations signed").
    if (ei != nullptr && figure_event && q.unit != "%" && !trigger_in_counted && !elliptic) {
      bool already =
          measure.size() >= ei->measure.size() &&
          measure.compare(measure.size() - ei->measure.size(), std::string::npos, ei->measure) == 0;
      if (!already) {
        if (!measure.empty()) measure += ' ';
        measure += ei->measure;
      }
    } else if (ev == nullptr && !q_verb[k].empty() && !measure.empty() && q.unit != "%" &&
               !elliptic && change_measure.empty()) {
      measure += ' ';
      measure += q_verb[k];
    }
    // Money with nothing that says what it is for ("$1 billion" alone) is
    // no checkable figure.
    if (currency && measure == q.unit) continue;
    if (measure.empty()) continue;
    // "nearly 1,000 Russian troops killed each day": a rate.
    {
      size_t last = v.sentence_last(s);
      size_t t = std::max(v.TokenAt(q.end), ce);
      for (size_t n = 0; t < last && n < 6; ++t, ++n) {
        std::string_view w = v.word(t);
        if (w == "," || w == ";" || w == ":" || w == "(" || w == "and" || w == "but") break;
        size_t len = 0;
        const PhraseEntry* r = rate_words_.Match(v.words(), t, &len);
        if (r == nullptr || t + len > last) continue;
        std::string_view before = v.word(t - 1);
        std::string_view next = t + len < last ? v.word(t + len) : std::string_view();
        bool rate = before != "in" && before != "within" && before != "for" && before != "that" &&
                    before != "one" && next != "ago" && next != "after" && next != "before" &&
                    next != "later" && next != "earlier" && next != "of";
        if (rate) measure += " per " + r->field(0);
        break;
      }
    }
    // "one of the parties", "the two nations": small spelled-out numbers are
    // mostly determiners, not figures anyone reports.
    if (spelled && q.max && *q.max < 3 && q.magnitude.empty() && !figure_event) continue;
    if (ev) event_has_claim[q_event[k]] = true;
    c.measure = measure;

    // Value: bounds open the range on one side.
    c.value.approx = q.approx;
    c.value.min = q.min;
    c.value.max = q.max;
    if (q.bound == "more-than" || q.bound == "at-least") c.value.max.reset();
    if (q.bound == "at-most" || q.bound == "less-than") c.value.min.reset();
    // "hundreds of thousands, if not a million": the figure conceded first
    // is the floor.
    if (k > 0 && qt >= first + 3 && v.word(qt - 1) == "not" && v.word(qt - 2) == "if" &&
        v.word(qt - 3) == "," && doc->quantities[k - 1].end <= v.start(qt - 3) &&
        v.TokenAt(doc->quantities[k - 1].end) == qt - 3 && doc->quantities[k - 1].min) {
      c.value.min = doc->quantities[k - 1].min;
      c.value.approx = true;
    }

    if (ev != nullptr) {
      c.event = ev->id;
      c.time = ev->time;
      // "..., and another 3,000 in the winter of 2025": the elliptic figure
      // has its own date.
      if (elliptic) {
        std::string t = nearest_timex(sent.start, sent.end, qt);
        if (!t.empty()) c.time = t;
      }
      c.attribution = ev->attribution;
      c.modality = ev->modality;
    } else {
      c.time = nearest_timex(sent.start, sent.end, qt);
      int a = NearestAttribution(doc->attributions, sent.start, sent.end, q.start, doc->text);
      if (a < 0) a = sentence_attr[s];
      // "64% of Ukrainians believe ...": the figure counts the people who
      // say it; they are what is measured, not the source.
      // (A framing without a source spans its subject: "500 fighters are
      // believed to".)
      if (a >= 0 && ce > cb && !doc->attributions[a].source_text.empty()) {
        size_t at = v.TokenAt(doc->attributions[a].start);
        if (at >= qt && at < ce) a = -1;
      }
      std::string cue;
      if (a >= 0) {
        c.attribution = doc->attributions[a].id;
        cue = doc->attributions[a].cue;
      }
      size_t qe = v.TokenAt(q.end);
      c.modality = modality_.Score(v, v.sentence_first(s), qt, std::max(qe, qt + 1),
                                   v.sentence_last(s), cue, false, false);
      // "claims of 4,000 soldiers in the valley are invented": a denial
      // after what the figure counts, in its clause.
      for (size_t t = std::max(qe, ce); t < v.sentence_last(s) && t < std::max(qe, ce) + 6; ++t) {
        if (v.word(t) == "," || v.word(t) == "that" || v.word(t) == "and") break;
        if (modality_.IsDenialCue(v.word(t))) {
          c.modality = "denied";
          break;
        }
      }
    }
    if (c.modality == "asserted" && q.approx && q.text.find("estimated") != std::string::npos) {
      c.modality = "estimated";
    }
    // "'We have trained 20,000 soldiers,' the defence ministry said": a
    // speaker in the first person owns what it counts.
    if (c.subject.empty() && !c.attribution.empty()) {
      bool first_person = false;
      for (size_t t = qt > first + 4 ? qt - 4 : first; t < qt && !first_person; ++t) {
        first_person = v.word(t) == "we" || v.word(t) == "our";
      }
      if (first_person) c.subject = SpeakerActor(*doc, c.attribution);
    }
    claim_of_q[k] = static_cast<int>(doc->claims.size());
    doc->claims.push_back(std::move(c));
  }

  // Events that change the situation give claims without a value.
  // absorbed[o]: event o is the object of one already claimed ("imposed
  // sanctions on banks" is one claim, not a second for "sanctions").
  std::vector<uint8_t> absorbed(doc->events.size(), 0);
  for (size_t k = 0; k < doc->events.size(); ++k) {
    const EventMention& ev = doc->events[k];
    if (event_has_claim[k] || absorbed[k]) continue;
    if (ev.type == "STATEMENT" || ev.type == "CONSULT" || ev.type == "PROTEST" ||
        ev.type == "REQUEST") {
      continue;
    }
    const EventInfo& ei = info[k];
    // "A Russian helicopter was shot down over Bryansk on Saturday", "Oleg
    // Tsokov was killed on July 10": a dated passive event says what
    // happened to what stands before it, whoever did it.
    int patient_entity = -1;
    std::string patient;
    // (Not dated by a year that names another event: "Following the 2022
    // invasion, Russia has been sanctioned".)
    bool modifier_date = false;
    for (const Timex& t : doc->timexes) {
      if (t.id != ev.time) continue;
      size_t after = v.TokenAt(t.end);
      modifier_date = v.has_pos() && after < v.size() && v.pos(after).substr(0, 2) == "NN" &&
                      v.timex_at(after) < 0;
    }
    if (ei.passive && ev.time_source == "timex" && !modifier_date) {
      patient = PassivePatient(v, chunker_, ei.token, v.sentence_first(v.sentence(ei.token)),
                               &patient_entity);
    }
    // A casualty without a figure is news only for a named person ("Russian
    // general Oleg Tsokov was killed", "killed Hamas leader X").
    if (ev.type == "CASUALTIES") {
      int victim = patient_entity;
      // ("killed Russian commander Ivan Petrov": the name after the
      // trigger's modifiers.)
      for (size_t t = ei.token_end; victim < 0 && !ei.passive && t < ei.token_end + 5 &&
                                    t < v.sentence_last(v.sentence(ei.token));
           ++t) {
        int e = v.entity_at(t);
        if (e >= 0 && doc->entities[e].type == "PERSON") victim = e;
        if (e < 0 && v.has_pos() && v.pos(t).substr(0, 2) != "NN" &&
            v.pos(t).substr(0, 2) != "JJ" && !chunker_.IsDeterminer(v.word(t))) {
          break;
        }
      }
      if (victim < 0 || doc->entities[victim].type != "PERSON") continue;
      if (patient.empty()) {
        patient = LowerAscii(doc->entities[victim].text);
      }
    }
    // "Russian forces have captured the town of Marinka, the ministry
    // claimed": a named place taken, told in the perfect or reported in the
    // past, is news of the day the text was written, dated or not.
    if (ev.type == "ASSAULT" && (ev.subtype == "occupy" || ev.subtype == "liberate") &&
        !ei.possible && !ei.passive && v.has_pos() && ev.modality != "negated" &&
        ev.modality != "hedged" && ev.modality != "planned") {
      size_t i = ei.token;
      std::string_view aux = i > 0 ? v.word(i - 1) : std::string_view();
      bool perfect = v.pos(i) == "VBN" && (aux == "has" || aux == "have" || aux == "had");
      bool reported_past = v.pos(i) == "VBD" && !ev.attribution.empty();
      int target = entity_index(ev.target);
      size_t tt = target >= 0 ? v.TokenAt(doc->entities[target].start) : 0;
      const std::string type = target >= 0 ? doc->entities[target].type : "";
      std::string subject = actor_of(entity_index(ev.actor));
      bool dated_here = ev.time_source == "timex" && StatementTime(*doc, ev.time) < 0;
      if ((perfect || reported_past) && !dated_here && !subject.empty() && target >= 0 &&
          tt >= ei.token_end && tt <= ei.token_end + 4 && (type == "GPE" || type == "LOC")) {
        std::string place = LowerAscii(doc->entities[target].text);
        Claim c;
        c.id = "c" + std::to_string(doc->claims.size() + 1);
        c.start = ev.start;
        c.end = ev.end;
        c.subject = subject;
        c.measure = place + " " + ei.measure;
        c.event = ev.id;
        c.attribution = ev.attribution;
        c.modality = ev.modality;
        doc->claims.push_back(std::move(c));
        continue;
      }
    }
    // Only dated events: an undated mention ("the ceasefire", "sanctions")
    // is background more often than a checkable statement; but a verb in
    // the present perfect tells the news of the day the text was written
    // ("Police have detained 20 people", "the EU has imposed sanctions on
    // ..."), for acts that are news when they happen.
    bool present_perfect = false;
    if (ev.time_source != "timex" && v.has_pos() && ei.token > 0 && v.pos(ei.token) == "VBN" &&
        !ei.passive && !ei.possible && ev.modality != "negated" && ev.modality != "hedged" &&
        ev.modality != "planned") {
      std::string_view aux = v.word(ei.token - 1);
      present_perfect = (aux == "has" || aux == "have") &&
                        (ev.type == "COERCE" || ev.type == "SANCTION" || ev.type == "MOBILIZE" ||
                         ev.type == "AID" || ev.type == "ACCUSE" ||
                         (ev.type == "AGREE" && ev.subtype != "agree"));
    }
    if (ev.time_source != "timex" && !present_perfect) continue;
    // "... in Putin's invasion of Ukraine, the ministry said this week": the
    // date of the statement is not the date of what it mentions, unless
    // the speaker speaks of its own act ("Macron repeated last week that he
    // would not rule out sending troops").
    int stated_by = present_perfect ? -1 : StatementTime(*doc, ev.time);
    if (stated_by >= 0 &&
        !SameActor(doc->attributions[stated_by].source_actor, actor_of(entity_index(ev.actor)))) {
      continue;
    }
    std::string subject = actor_of(entity_index(ev.actor));
    // (An attack on a named place is news even when the sentence does not
    // say whose: "a missile attack on Odesa on Monday".)
    if (subject.empty() && ev.type != "ASSAULT" && patient.empty()) continue;
    // The object of the trigger: "signed a new strategic partnership treaty"
    // -> "treaty signed"; "deployment of troops" -> "troops deployed".
    size_t j = ei.token_end;
    size_t limit = v.sentence_last(v.sentence(ei.token));
    if (j < limit && (v.word(j) == "of" || v.word(j) == "on")) ++j;
    size_t first = 0, head = 0;
    size_t np_end = chunker_.NounPhraseAt(v, j, limit, 6, &first, &head);
    std::string object;
    bool takes_object = ev.type == "AGREE" || ev.type == "AID" || ev.type == "MOBILIZE" ||
                        ev.type == "SANCTION" || ev.type == "RETREAT" || ev.type == "ACCUSE" ||
                        ev.type == "COERCE";
    std::string done = ei.measure;
    size_t self_event = SIZE_MAX;
    if (np_end > j && takes_object && v.entity_at(head) < 0 && v.timex_at(head) < 0) {
      object = std::string(v.word(head));
      // "imposed new sanctions": the object is itself the event, so the
      // verb's own form says what was done ("sanctions imposed", not
      // "sanctions sanctioned").
      bool self = false;
      for (size_t o = 0; o < info.size() && !self; ++o) {
        self = o != k && head >= info[o].token && head < info[o].token_end &&
               doc->events[o].type == ev.type;
        if (self) self_event = o;
      }
      std::string_view w = v.word(ei.token);
      if (self && w.size() > 2 && w.substr(w.size() - 2) == "ed") done = std::string(w);
    }
    // "A Russian missile hit a shopping mall": what a verb of attack hit,
    // when it is no name (names are targets, below).
    if (object.empty() && ev.type == "ASSAULT" && np_end > j && v.has_pos() &&
        v.pos(ei.token).substr(0, 2) == "VB" && v.entity_at(head) < 0 && v.timex_at(head) < 0 &&
        ev.subtype != "invasion" && ev.subtype != "occupy" && ev.subtype != "liberate" &&
        v.pos(head).substr(0, 2) == "NN") {
      object = NormalizePhrase(v, chunker_, first, head + 1, head);
    }
    // "The treaty ..., signed in June 2024", "signed the Treaty on ...": the
    // word that made the trigger an agreement names what was signed.
    if (object.empty() && takes_object && ei.condition_token != SIZE_MAX) {
      object = std::string(v.word(ei.condition_token));
    }
    // "Russia launched a missile attack on Kyiv on Monday": a dated attack
    // on a named target is checkable without an object noun, when it is
    // news of the document's time (within a year of its date), not history
    // ("Germany invaded Poland in 1939").
    bool dated_attack = false;
    // (Taking territory is dated by the stricter rule below.)
    bool takes_territory =
        ev.subtype == "invasion" || ev.subtype == "occupy" || ev.subtype == "liberate";
    if (object.empty() && ev.type == "ASSAULT" && !takes_territory &&
        (!ev.target.empty() || !ev.location.empty()) && dct.size() >= 4) {
      for (const Timex& t : doc->timexes) {
        if (t.id != ev.time || t.value.size() < 4) continue;
        int ty = std::atoi(t.value.substr(0, 4).c_str());
        int dy = std::atoi(dct.substr(0, 4).c_str());
        dated_attack = ty > 1000 && ty <= dy && ty + 1 >= dy;
      }
    }
    // "Russia's invasion on February 24, 2022", "the annexation of Crimea by
    // Russia in 2014": taking territory, dated next to the trigger, by a
    // named actor, is a checkable statement at any distance in time when
    // the territory or the day is named ("the 2022 invasion" alone is
    // background and gives no claim).
    std::string territory;
    // A feared or possible attack ("amid fears of an invasion of Ukraine
    // next week") is no statement that one took place; a reported one
    // ("reportedly struck") still is.
    // Nor is one under a condition or still deliberated ("if Moscow
    // invades", "weighed where to send troops").
    if (ei.possible) continue;
    if (!patient.empty()) {
      Claim c;
      c.id = "c" + std::to_string(doc->claims.size() + 1);
      c.start = ev.start;
      c.end = ev.end;
      // (The patient is no subject: "Russia was suspended" is done to it.)
      c.subject = subject == actor_of(patient_entity) ? "" : subject;
      c.measure = patient + " " + ei.measure;
      c.event = ev.id;
      c.time = ev.time;
      c.attribution = ev.attribution;
      c.modality = ev.modality;
      doc->claims.push_back(std::move(c));
      continue;
    }
    const bool possible = ev.modality == "negated";
    if (possible) dated_attack = false;
    if (object.empty() && ev.type == "ASSAULT" && !possible &&
        (ev.subtype == "invasion" || ev.subtype == "occupy" || ev.subtype == "liberate")) {
      for (const Timex& t : doc->timexes) {
        if (t.id != ev.time) continue;
        // ("Mr Putin said today about the invasion": the day of the
        // statement, not of the invasion it names; "Russia said on Monday
        // it would invade" dates the intent it states.)
        bool noun = v.has_pos() && v.pos(ei.token).substr(0, 2) == "NN";
        if (noun && StatementTime(*doc, t.id) >= 0) continue;
        // Tokens between the date and the trigger, on either side.
        size_t tt = v.TokenAt(t.start), te = v.TokenAt(t.end);
        bool near = tt >= ei.token_end ? tt - ei.token_end < 6
                    : te <= ei.token   ? ei.token - te < 6
                                       : true;
        // ("in May 2023, with Russia's ongoing invasion ...": the date of
        // another clause.)
        size_t gap_from = tt >= ei.token_end ? ei.token_end : te;
        size_t gap_to = tt >= ei.token_end ? tt : ei.token;
        for (size_t x = gap_from; near && x < gap_to; ++x) near = v.word(x) != ",";
        // (A date that opens the sentence, "On February 24, 2022, Russia
        // launched a large-scale invasion", dates its main clause.)
        size_t s_first = v.sentence_first(v.sentence(ei.token));
        bool opens = tt == s_first ||
                     (tt == s_first + 1 && (v.word(s_first) == "on" || v.word(s_first) == "in"));
        if (tt < ei.token && opens && te < ei.token && v.word(te) == ",") near = true;
        int target = entity_index(ev.target);
        dated_attack = dated_attack || (near && (target >= 0 || t.value.size() >= 10));
        if (dated_attack && target >= 0) {
          territory = LowerAscii(doc->entities[target].text);
        }
      }
    }
    // (Whose, unsaid, only for an attack on a named target, not for an
    // invasion, whose invader every reader knows.)
    int named_target = entity_index(ev.target);
    const std::string target_type = named_target >= 0 ? doc->entities[named_target].type : "";
    if (subject.empty() && (!dated_attack || !territory.empty() || ev.subtype == "invasion" ||
                            ev.subtype == "occupy" ||
                            (target_type != "GPE" && target_type != "LOC" && target_type != "FAC" &&
                             target_type != "ORG"))) {
      continue;
    }
    if (object.empty()) object = territory;
    // "blamed NATO", "detained Viktor Medvedchuk", "struck Kharkiv": who or
    // what the accusation, the coercion or the attack is aimed at says what
    // happened. (Its object, right after it: "accused China", "an attack on
    // the city of Kharkiv"; not a name further on.) An attack takes it only
    // once dated as news (above); an arrest or accusation of a named person
    // is a claim by itself.
    auto target_object = [&](bool or_location) {
      int target = entity_index(ev.target);
      // ("a counteroffensive near Kherson on March 22": where, failing whom.)
      if (target < 0 && or_location) target = entity_index(ev.location);
      size_t tt = target >= 0 ? v.TokenAt(doc->entities[target].start) : 0;
      if (target < 0 || tt < ei.token_end || tt > ei.token_end + 3) return std::string();
      // ("accused Russian President Vladimir Putin": the name a nationality
      // and a title lead to.)
      if (doc->entities[target].type == "NORP") {
        size_t t = v.TokenAt(doc->entities[target].end);
        for (size_t n = 0; n < 3 && t < v.size(); ++n, ++t) {
          int e = v.entity_at(t);
          if (e >= 0 && e != target && doc->entities[e].type == "PERSON") {
            target = e;
            break;
          }
          if (!v.IsCapitalized(t)) break;
        }
      }
      return LowerAscii(doc->entities[target].text);
    };
    if (object.empty() && (ev.type == "ACCUSE" || ev.type == "COERCE"))
      object = target_object(false);
    // ("Putin has accused the West of ...": whom, when it is no name.)
    if (object.empty() && ev.type == "ACCUSE" && np_end > j && v.has_pos() &&
        v.timex_at(head) < 0 && v.pos(head).substr(0, 2) == "NN") {
      object = NormalizePhrase(v, chunker_, first, head + 1, head);
    }
    // (An accusation of nobody named is no checkable statement.)
    if (object.empty() && ev.type == "ACCUSE") continue;
    // "Germany has accused Moscow": the accuser is who the cue quotes.
    if (ev.type == "ACCUSE" && !ev.attribution.empty()) {
      for (const Attribution& a : doc->attributions) {
        if (a.id == ev.attribution && a.cue.find(v.word(ei.token)) != std::string::npos &&
            !a.source_actor.empty()) {
          subject = SpeakerActor(*doc, a.id);
        }
      }
    }
    // (A figure of the sentence already tells of this act: "Canada has
    // imposed sanctions on over 750 people".)
    if (present_perfect) {
      bool told = false;
      for (const Claim& o : doc->claims) {
        for (size_t x = 0; x < doc->events.size() && !told && o.start == ev.start; ++x) {
          told = doc->events[x].id == o.event && doc->events[x].type == ev.type;
        }
      }
      if (told) continue;
    }
    // "the deployment is part of ...": a deployment, withdrawal or delivery
    // of nothing named is not a checkable statement.
    // ("The EU agreed on Thursday to impose sanctions": agreeing to do
    // something is that thing's claim, not one of its own.)
    if (object.empty() && ev.type == "AGREE" && ev.subtype == "agree") continue;
    if (object.empty() && !dated_attack && ev.type != "AGREE" && ev.type != "CONCEDE" &&
        ev.type != "REJECT" && ev.type != "ACCUSE") {
      continue;
    }
    if (object.empty() && ev.type == "ASSAULT") object = target_object(true);
    Claim c;
    c.id = "c" + std::to_string(doc->claims.size() + 1);
    c.start = ev.start;
    c.end = ev.end;
    c.subject = subject;
    c.measure = object.empty() ? done : object + " " + done;
    c.event = ev.id;
    c.time = ev.time;
    c.attribution = ev.attribution;
    c.modality = ev.modality;
    doc->claims.push_back(std::move(c));
    if (self_event != SIZE_MAX) absorbed[self_event] = 1;
  }
}

}  // namespace sitrep::claims
