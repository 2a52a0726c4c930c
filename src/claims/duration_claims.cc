// Claims of how long something went on: "the first round of talks lasted
// more than five hours", "after two years of war". Only durations that a
// cue of data/lexicons/duration-cues.tsv ties to what they measure give a
// claim; a duration that describes ("a 20-year career") does not.

#include <cstdlib>
#include <string>
#include <string_view>

#include "claims/event_tagger.h"
#include "claims/quotes.h"

namespace sitrep::claims {

namespace {

// "P2Y" -> 2 years, "PT5H" -> 5 hours, "P1.5Y". False for anything else
// ("P2Y6M", "PXY", "PAST_REF").
bool ParseDuration(std::string_view value, double* n, std::string_view* unit) {
  if (value.size() < 3 || value[0] != 'P') return false;
  bool time = value[1] == 'T';
  std::string_view rest = value.substr(time ? 2 : 1);
  size_t i = 0;
  while (i < rest.size() && ((rest[i] >= '0' && rest[i] <= '9') || rest[i] == '.')) ++i;
  if (i == 0 || i + 1 != rest.size()) return false;
  *n = std::strtod(std::string(rest.substr(0, i)).c_str(), nullptr);
  switch (rest[i]) {
    case 'Y':
      *unit = time ? "" : "years";
      break;
    case 'M':
      *unit = time ? "minutes" : "months";
      break;
    case 'W':
      *unit = time ? "" : "weeks";
      break;
    case 'D':
      *unit = time ? "" : "days";
      break;
    case 'H':
      *unit = time ? "hours" : "";
      break;
    default:
      *unit = "";
  }
  return !unit->empty() && *n > 0;
}

bool IsAuxLike(std::string_view w) {
  return w == "has" || w == "have" || w == "had" || w == "been" || w == "is" || w == "was" ||
         w == "are" || w == "were" || w == "that" || w == "which" || w == "now" || w == "already" ||
         w == "still";
}

}  // namespace

void EventTagger::BuildDurationClaims(const DocView& v, const std::vector<int>& sentence_attr,
                                      Document* doc) const {
  const auto& words = v.words();
  for (const Timex& t : doc->timexes) {
    double n = 0;
    std::string_view unit;
    if (t.type != "DURATION" || !ParseDuration(t.value, &n, &unit)) continue;
    size_t tb = v.TokenAt(t.start), te = v.TokenAt(t.end);
    if (tb >= v.size() || te <= tb) continue;
    // A count of units ("two years", "18 months"), not a place in time
    // ("the first day of the invasion").
    bool counted = !v.has_pos();
    for (size_t k = tb; k < te && !counted; ++k) counted = v.pos(k) == "CD";
    // ("the 50-minute call", "a three-day visit": a count joined to its unit.)
    // (Not an age: "the 2-year-old war".)
    bool compound = te == tb + 1 && words[tb].find('-') != std::string_view::npos &&
                    words[tb].find("-old") == std::string_view::npos &&
                    !(te < v.size() && (words[te] == "old" || words[te] == "-"));
    if (!counted && !compound) continue;
    size_t s = v.sentence(tb);
    size_t first = v.sentence_first(s), limit = v.sentence_last(s);
    size_t head = SIZE_MAX, owner_from = 0, owner_to = 0;
    // "talks lasted (for) five hours": the subject of the cue.
    size_t p = tb > first && words[tb - 1] == "for" ? tb - 1 : tb;
    for (size_t k = p > first + 3 ? p - 3 : first; k < p && head == SIZE_MAX; ++k) {
      size_t len = 0;
      const PhraseEntry* e = duration_cues_.Match(words, k, &len);
      if (e == nullptr || k + len != p || e->field(0) != "verb") continue;
      size_t b = k;
      while (b > first && IsAuxLike(words[b - 1])) --b;
      if (b > first && chunker_.IsNoun(v, b - 1) && v.entity_at(b - 1) < 0) {
        head = b - 1;
        owner_to = b - 1;
        owner_from = chunker_.NounPhraseBefore(v, b, first);
      }
    }
    // "two years of (Russia's, civil) war".
    if (head == SIZE_MAX && te + 1 < limit && words[te] == "of") {
      size_t j = te + 1;
      while (j < limit && j < te + 5 &&
             (chunker_.IsDeterminer(words[j]) || v.entity_at(j) >= 0 || words[j] == "'s" ||
              words[j] == "\xE2\x80\x99s" || (v.has_pos() && v.pos(j) == "JJ"))) {
        ++j;
      }
      const PhraseEntry* e = j < limit ? duration_cues_.Find(words[j]) : nullptr;
      if (e != nullptr && e->field(0) == "noun") {
        head = j;
        owner_from = te + 1;
        owner_to = j;
      }
    }
    // "the 50-minute call", "a three-day visit to Moscow": a compound count
    // before the noun it measures.
    if (head == SIZE_MAX && compound) {
      size_t j = te;
      while (j < limit && j < te + 2 && v.has_pos() && v.pos(j) == "JJ") ++j;
      const PhraseEntry* e = j < limit ? duration_cues_.Find(words[j]) : nullptr;
      if (e != nullptr && e->field(0) == "noun" &&
          !(j + 1 < limit && v.has_pos() && v.pos(j + 1) == "NN")) {
        head = j;
        // (Whose: a name before the count in its phrase, "Xi's three-day visit".)
        owner_from = tb > first + 3 ? tb - 3 : first;
        owner_to = tb;
        size_t verb = SIZE_MAX;
        for (size_t k = owner_from; k < owner_to; ++k) {
          if (words[k] == "," || (v.has_pos() && v.pos(k).substr(0, 2) == "VB")) {
            owner_from = k + 1;
            if (words[k] != ",") verb = k;
          }
        }
        // ... else the subject of the verb that has it ("Xi Jinping began a
        // three-day visit"): the first name of the few words before it.
        if (verb != SIZE_MAX) {
          size_t b = verb;
          while (b > first && verb - b < 6 && words[b - 1] != "," && !v.IsQuote(b - 1)) --b;
          for (size_t k = b; k < verb; ++k) {
            int en = v.entity_at(k);
            if (en < 0) continue;
            const std::string& type = doc->entities[en].type;
            if (type == "PERSON" || type == "ORG" || type == "GPE" || type == "NORP") {
              owner_from = k;
              owner_to = k + 1;
              break;
            }
          }
        }
      }
    }
    if (head == SIZE_MAX) continue;
    Claim c;
    c.id = "c" + std::to_string(doc->claims.size() + 1);
    c.start = doc->sentences[s].start;
    c.end = doc->sentences[s].end;
    for (size_t k = owner_from; k < owner_to && c.subject.empty(); ++k) {
      int e = v.entity_at(k);
      if (e >= 0 && !doc->entities[e].actor.empty()) c.subject = SubjectActor(*doc, e);
    }
    c.measure = std::string(words[head]) + " duration in " + std::string(unit);
    if (t.mod == "MORE_THAN" || t.mod == "EQUAL_OR_MORE" || t.mod == "AFTER") {
      c.value.min = n;
    } else if (t.mod == "LESS_THAN" || t.mod == "EQUAL_OR_LESS" || t.mod == "BEFORE") {
      c.value.max = n;
    } else {
      c.value.min = c.value.max = n;
      c.value.approx = t.mod == "APPROX";
    }
    // The nearest date of the same clause.
    size_t best = SIZE_MAX;
    for (const Timex& d : doc->timexes) {
      if (d.type != "DATE" || d.start < c.start || d.end > c.end) continue;
      if (d.value.empty() || d.value[0] < '0' || d.value[0] > '9') continue;
      size_t dt = v.TokenAt(d.start);
      if (ClauseBreakBetween(v, tb, dt)) continue;
      size_t dist = dt > tb ? dt - tb : tb - dt;
      if (dist < best) {
        best = dist;
        c.time = d.id;
      }
    }
    int a = NearestAttribution(doc->attributions, c.start, c.end, t.start, doc->text);
    if (a < 0) a = sentence_attr[s];
    std::string cue;
    if (a >= 0) {
      c.attribution = doc->attributions[a].id;
      cue = doc->attributions[a].cue;
    }
    c.modality = modality_.Score(v, first, tb, te, limit, cue, false, false);
    // (Two time expressions over one span say it once.)
    bool seen = false;
    for (const Claim& o : doc->claims) {
      seen = seen || (o.start == c.start && o.measure == c.measure && o.value.min == c.value.min &&
                      o.value.max == c.value.max);
    }
    if (!seen) doc->claims.push_back(std::move(c));
  }
}

}  // namespace sitrep::claims
