#include "claims/event_tagger.h"

#include <algorithm>
#include <cstdlib>

#include "claims/attribution_tagger.h"
#include "claims/quotes.h"

namespace sitrep::claims {
namespace {

bool IsAux(std::string_view w) {
  return w == "was" || w == "were" || w == "is" || w == "are" || w == "been" || w == "be" ||
         w == "being" || w == "got";
}

// Words between a counted subject and its verb: "have been", "were
// reportedly", "had already".
bool IsLightAux(std::string_view w) {
  return w == "has" || w == "have" || w == "had" || w == "will" || w == "would" || w == "could" ||
         w == "may" || w == "might" || w == "not" || w == "also" || w == "already" ||
         w == "still" || w == "reportedly" || w == "allegedly" || w == "indeed" || w == "even" ||
         w == "then" || w == "later" || w == "all" || w == "both" || w == "since" || w == "now" ||
         w == "being" || w == "got";
}

// Past forms of verbs too light to say what happened to what was counted
// ("500 tanks remained", "had 20 drones"), or that only name it.
bool IsLightVerb(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "was", "were", "been", "had", "did", "got", "made", "took", "gave", "saw", "said", "included",
      "reached", "became", "remained", "seemed", "used", "numbered", "totaled", "totalled",
      "exceeded", "stood", "came", "went", "held", "kept", "found", "left", "put", "brought",
      "added", "showed",
      // naming, not happening: "wetlands known as the Pinsk Marshes"
      "known", "called", "dubbed", "labelled", "labeled", "titled"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// Verbs that link a subject to a state: "11.6 million remained displaced"
// says what the participle says.
bool IsLinkingVerb(std::string_view w) {
  static constexpr std::string_view kWords[] = {"remain", "remains", "remained", "stay",
                                                "stays",  "stayed",  "become",   "becomes",
                                                "became", "seem",    "seems",    "seemed"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

bool IsLocationPrep(std::string_view w) {
  return w == "in" || w == "near" || w == "at" || w == "outside" || w == "around" ||
         w == "across" || w == "inside" || w == "into" || w == "throughout";
}

bool IsAlpha(std::string_view w) { return !w.empty() && w[0] >= 'a' && w[0] <= 'z'; }

// Whether an ISO-like timex value lies after the document date, compared on
// what both know ("2025-05" vs "2025-04-29" compares "2025-05" > "2025-04").
bool After(std::string_view value, std::string_view dct) {
  if (value.empty() || dct.empty() || value[0] < '0' || value[0] > '9') return false;
  size_t n = std::min(value.size(), dct.size());
  for (size_t i = 0; i < n; ++i) {
    char a = value[i], b = dct[i];
    if (a == b) continue;
    bool da = a >= '0' && a <= '9', db = b >= '0' && b <= '9';
    if (!da || !db) return false;  // "2025-W19", "2024-FA": not comparable here
    return a > b;
  }
  return false;
}

struct Ent {
  size_t index;        // into doc.entities
  size_t first, last;  // token range [first, last)
};

}  // namespace

StatusOr<std::unique_ptr<EventTagger>> EventTagger::Create() {
  std::unique_ptr<EventTagger> t(new EventTagger());
  auto rows = ReadTsv("lexicons/event-triggers.tsv", 7);
  if (!rows.ok()) return rows.status();
  for (auto& r : *rows) {
    TriggerEntry e;
    std::string lemma = r[0];
    size_t sp = lemma.find(' ');
    std::string head = lemma.substr(0, sp);
    if (sp != std::string::npos) {
      std::string rest = lemma.substr(sp + 1);
      size_t pos = 0;
      while (pos <= rest.size()) {
        size_t n = rest.find(' ', pos);
        if (n == std::string::npos) n = rest.size();
        if (n > pos) e.rest.push_back(rest.substr(pos, n - pos));
        pos = n + 1;
      }
    }
    e.pos = r[1].empty() ? '*' : r[1][0];
    e.type = r[2];
    e.subtype = r[3] == "-" ? "" : r[3];
    e.cameo = r[4] == "-" ? "" : r[4];
    e.measure = r[5];
    e.condition = r[6] == "-" ? "" : r[6];
    t->triggers_[head].push_back(std::move(e));
  }
  auto args = ReadTsv("lexicons/event-argument-words.tsv", 2);
  if (!args.ok()) return args.status();
  for (auto& r : *args) {
    t->argument_words_.emplace(r[0] + "\t" + r[1], r[1]);
    t->argument_first_.Add(r[0], {});
  }
  t->lemmatizer_.Load();
  for (const auto& [lemma, entries] : t->triggers_) t->AddPrefix(lemma);
  // Every form the lemmatizer maps to a trigger lemma, computed once: the
  // inverse of its suffix rules and its irregular forms, each checked
  // against Lemma() itself, so that tagging a token is one hash lookup.
  {
    auto known = [&](std::string_view w) { return t->triggers_.find(w) != t->triggers_.end(); };
    std::vector<std::pair<std::string, std::string>> candidates;
    static constexpr std::pair<std::string_view, std::string_view> kRules[] = {
        {"ies", "y"}, {"es", "e"},    {"es", ""},     {"s", ""},   {"ied", "y"},
        {"ed", "e"},  {"ed", ""},     {"ing", "e"},   {"ing", ""}, {"ses", "s"},
        {"xes", "x"}, {"ches", "ch"}, {"shes", "sh"}, {"d", ""}};
    for (const auto& [lemma, entries] : t->triggers_) {
      candidates.emplace_back(lemma, lemma);
      for (const auto& [suffix, replace] : kRules) {
        if (lemma.size() < replace.size() ||
            lemma.compare(lemma.size() - replace.size(), replace.size(), replace) != 0) {
          continue;
        }
        std::string stem = lemma.substr(0, lemma.size() - replace.size());
        candidates.emplace_back(stem + std::string(suffix), lemma);
        if (replace.empty() && !stem.empty()) {
          candidates.emplace_back(stem + stem.back() + std::string(suffix), lemma);
        }
      }
    }
    t->lemmatizer_.ForEachException([&](const std::string& form, const std::string& lemma) {
      if (known(lemma)) candidates.emplace_back(form, lemma);
    });
    for (auto& [form, lemma] : candidates) {
      if (t->lemmatizer_.Lemma(form, known) == lemma) t->forms_.emplace(form, lemma);
    }
  }
  t->lemmatizer_.ForEachException([&](const std::string& form, const std::string& lemma) {
    if (t->triggers_.count(lemma) != 0) t->AddPrefix(form);
  });
  SITREP_RETURN_IF_ERROR(t->chunker_.Load());
  SITREP_RETURN_IF_ERROR(t->rate_words_.Load("lexicons/quantity-rate-words.tsv", 2));
  SITREP_RETURN_IF_ERROR(t->amount_nouns_.Load("lexicons/quantity-amount-nouns.tsv", 2));
  SITREP_RETURN_IF_ERROR(t->population_nouns_.Load("lexicons/quantity-population-nouns.tsv", 2));
  SITREP_RETURN_IF_ERROR(t->duration_cues_.Load("lexicons/duration-cues.tsv", 2));
  SITREP_RETURN_IF_ERROR(t->light_verbs_.Load("lexicons/event-light-verbs.tsv", 2));
  SITREP_RETURN_IF_ERROR(t->modality_.Load());
  // The entity stage shares this gazetteer; without it subjects stay the
  // ids of the mentions themselves.
  auto gaz = Gazetteer::LoadDefault();
  if (gaz.ok()) t->gazetteer_ = *gaz;
  return t;
}

bool EventTagger::ConditionHolds(const DocView& v, size_t i, size_t first, size_t limit,
                                 const std::string& condition, size_t* where) const {
  *where = SIZE_MAX;
  if (condition.empty()) return true;
  size_t from = i > first + 10 ? i - 10 : first;
  size_t to = std::min(limit, i + 11);
  std::string key;
  for (size_t k = from; k < to; ++k) {
    if (k == i || !argument_first_.Contains(v.word(k))) continue;
    key.assign(v.word(k));
    key += '\t';
    key += condition;
    if (argument_words_.count(key) != 0) {
      *where = k;
      return true;
    }
  }
  return false;
}

const TriggerEntry* EventTagger::TriggerAt(const DocView& v,
                                           const std::vector<std::string_view>& lemmas, size_t i,
                                           size_t first, size_t limit, size_t* len,
                                           size_t* cond) const {
  if (lemmas[i].empty()) return nullptr;
  auto it = triggers_.find(lemmas[i]);
  if (it == triggers_.end()) return nullptr;
  std::string_view pos = v.pos(i);
  for (const TriggerEntry& e : it->second) {
    if (v.has_pos() && e.pos != '*') {
      bool verb = pos.substr(0, 2) == "VB";
      bool noun = pos.substr(0, 2) == "NN";
      if (e.pos == 'V' && !verb) continue;
      if (e.pos == 'N' && !noun) continue;
      // "a striking number": an "-ing" adjective describes, it reports no event.
      std::string_view w = v.word(i);
      if (pos.substr(0, 2) == "JJ" && w.size() > 4 && w.substr(w.size() - 3) == "ing") continue;
    }
    // Untagged "-s" form after a common word is a plural noun ("artillery
    // shells"), not a verb ("Russia shells the city").
    if (!v.has_pos() && e.pos == 'V' && v.word(i).back() == 's' && v.word(i) != lemmas[i] &&
        i > first && !chunker_.IsFunctionWord(v.word(i - 1)) && !v.IsCapitalized(i - 1)) {
      continue;
    }
    bool ok = i + 1 + e.rest.size() <= limit;
    for (size_t k = 0; ok && k < e.rest.size(); ++k) ok = v.word(i + 1 + k) == e.rest[k];
    if (!ok) continue;
    if (!ConditionHolds(v, i, first, limit, e.condition, cond)) continue;
    *len = 1 + e.rest.size();
    return &e;
  }
  return nullptr;
}

size_t EventTagger::CountedEnd(const DocView& v, const Document& doc, size_t k,
                               size_t* counted_first) const {
  const Quantity& q = doc.quantities[k];
  size_t qe = v.TokenAt(q.end);
  *counted_first = qe;
  if (q.counted.empty()) return qe;
  // The counted phrase starts at or after the figure's end and within its
  // sentence; find it by text from there.
  size_t s = v.sentence(v.TokenAt(q.start));
  uint32_t sent_end = doc.sentences[s].end;
  std::string_view text(doc.text);
  size_t pos = text.find(q.counted, q.end);
  // "$713m (£559m) of military aid": a bracket right after the figure
  // stands between it and what it counts.
  size_t near = q.end + 8;
  size_t b = q.end;
  while (b < text.size() && text[b] == ' ') ++b;
  if (b < text.size() && text[b] == '(') {
    size_t close = text.find(')', b);
    if (close != std::string_view::npos && close < b + 24) near = close + 8;
  }
  // "31 of the 36 drones": the counted phrase follows the whole's figure.
  const auto& words = v.words();
  if (qe + 2 < v.size() && words[qe] == "of" &&
      (words[qe + 1] == "the" || words[qe + 1] == "its" || words[qe + 1] == "their") &&
      !words[qe + 2].empty() && words[qe + 2][0] >= '0' && words[qe + 2][0] <= '9') {
    near = v.end(qe + 2) + 2;
  }
  if (pos == std::string_view::npos || pos >= sent_end || pos > near) return qe;
  *counted_first = v.TokenAt(static_cast<uint32_t>(pos));
  return v.TokenAt(static_cast<uint32_t>(pos + q.counted.size()));
}

EventTagger::Attachment EventTagger::Attach(const DocView& v, const Document& doc, size_t k,
                                            size_t qt, size_t first, size_t limit,
                                            const std::vector<EventInfo>& info,
                                            size_t first_event) const {
  Attachment out;
  const auto& words = v.words();
  auto trigger_at = [&](size_t tok) -> int {
    for (size_t e = first_event; e < info.size(); ++e) {
      if (tok >= info[e].token && tok < info[e].token_end) return static_cast<int>(e);
    }
    return -1;
  };
  auto is_adverb = [&](size_t t) {
    if (v.has_pos()) return v.pos(t).substr(0, 2) == "RB";
    std::string_view w = words[t];
    return w.size() > 3 && w.substr(w.size() - 2) == "ly";
  };
  // "built up 100,000 troops", "20 tanks were blown up": the particle is
  // part of what the verb says.
  auto verb_phrase = [&](size_t t) {
    std::string out_verb(words[t]);
    if (t + 1 < limit) {
      std::string_view n = words[t + 1];
      bool particle = n == "up" || n == "down" || n == "off" || n == "out" || n == "back" ||
                      n == "away" || n == "part";  // ("have taken part")
      // ("eliminated up to 60": "up to" bounds the figure.)
      bool bound = t + 2 < limit && words[t + 2] == "to";
      if (particle && !bound &&
          (!v.has_pos() || v.pos(t + 1) == "RP" || t + 1 < qt || n == "part")) {
        out_verb += ' ';
        out_verb += n;
      }
    }
    return out_verb;
  };
  size_t cb = 0;
  size_t qe = CountedEnd(v, doc, k, &cb);
  // (A counted phrase borrowed from an earlier figure is not after this one.)
  const Quantity& q0 = doc.quantities[k];
  // A participle counted for itself: "4,000 killed or wounded".
  for (size_t t = cb; t < qe && t < limit; ++t) {
    int e = trigger_at(t);
    if (e >= 0 && (!v.has_pos() || v.pos(t).substr(0, 2) == "VB")) {
      out.event = e;
      return out;
    }
  }
  // Forward: the verb the counted phrase is the subject of, past
  // auxiliaries, adverbs and relative pronouns.
  size_t p = qe;
  // "only 241 (17%) have exited": an aside in brackets after the figure.
  if (p < limit && words[p] == "(") {
    size_t c = p + 1;
    while (c < limit && c < p + 8 && words[c] != ")") ++c;
    if (c < limit && words[c] == ")") p = c + 1;
  }
  // "16 companies in China and Hong Kong were named": a phrase saying where
  // or whose the counted things are stands between them and their verb.
  // "nearly 60 officials and colleagues of the prime minister left": so do
  // coordinated and "of" phrases when a past or present verb follows them.
  if (qe > cb && p == qe && p < limit &&
      (words[p] == "in" || words[p] == "from" || words[p] == "at" || words[p] == "near" ||
       words[p] == "across" || words[p] == "and" || words[p] == "of")) {
    size_t c = p + 1;
    while (c < limit && c < p + 8 &&
           (chunker_.IsNominal(v, c) || chunker_.IsDeterminer(words[c]) || words[c] == "and" ||
            words[c] == "of" || words[c] == "'s")) {
      ++c;
    }
    bool verb_follows = c < limit && v.has_pos() &&
                        (v.pos(c) == "VBD" || v.pos(c) == "VBZ" || v.pos(c) == "VBP") &&
                        !IsLightVerb(words[c]) && !modality_.IsAttributionCue(words[c]);
    bool place = words[p] != "and" && words[p] != "of";
    // (Only for a figure that is no verb's object: "Russia has built up
    // 100,000 troops near Ukraine and carried out drills".)
    size_t before = v.TokenAt(doc.quantities[k].start);
    while (before > first && (v.pos(before - 1) == "RP" || v.pos(before - 1).substr(0, 2) == "RB" ||
                              chunker_.IsDeterminer(words[before - 1]))) {
      --before;
    }
    bool object = before > first && v.pos(before - 1).substr(0, 2) == "VB";
    if (c > p + 1 && c < limit &&
        ((place && (IsAux(words[c]) || IsLightAux(words[c]))) || (verb_follows && !object))) {
      p = c;
    }
  }
  // "remained displaced/JJ": a participle the tagger called an adjective.
  auto is_ed_adjective = [&](size_t t) {
    std::string_view w = words[t];
    return v.pos(t) == "JJ" && w.size() > 3 && w.substr(w.size() - 2) == "ed";
  };
  bool linked = false;
  for (int skipped = 0; p < limit && skipped < 5; ++p, ++skipped) {
    std::string_view w = words[p];
    if (IsAux(w) || IsLightAux(w) || w == "who" || w == "that" || w == "which" ||
        (is_adverb(p) && !v.IsCapitalized(p))) {
      continue;
    }
    // "500 fighters are believed to be trapped": a raising cue frames the
    // verb after it.
    if (p + 2 < limit && words[p + 1] == "to" &&
        (IsAux(words[p + 2]) || IsLightAux(words[p + 2])) && modality_.IsAttributionCue(w)) {
      ++p;
      continue;
    }
    if (IsLinkingVerb(w) && p + 1 < limit && v.has_pos() &&
        (v.pos(p + 1) == "VBN" || is_ed_adjective(p + 1))) {
      linked = true;
      continue;
    }
    break;
  }
  if (p < limit) {
    int e = trigger_at(p);
    // A participle the tagger called an adjective still counts ("were
    // killed/JJ"); an "-ing" adjective does not ("was striking").
    std::string_view wp = words[p];
    bool verbal = !v.has_pos() || v.pos(p).substr(0, 2) == "VB" ||
                  (v.pos(p) == "JJ" && !(wp.size() > 4 && wp.substr(wp.size() - 3) == "ing"));
    // ("intercepted 20 of the 25 missiles launched at Kyiv": a participle
    // right after the counted phrase only describes it when a trigger
    // before the figure takes it as its object.)
    bool reduced_relative = e >= 0 && p == qe && v.has_pos() && v.pos(p) == "VBN";
    if (e >= 0 && verbal && !reduced_relative) {
      out.event = e;
      return out;
    }
    if (reduced_relative) out.event = e;
    // A verb that is no trigger still says what happened to what was
    // counted: "20 tanks were destroyed", "300 people perished".
    if (!reduced_relative && (qe > cb || !q0.counted.empty()) && v.has_pos() &&
        (v.pos(p) == "VBN" || v.pos(p) == "VBD" || (linked && is_ed_adjective(p))) &&
        !IsLightVerb(words[p]) && !modality_.IsAttributionCue(words[p]) &&
        !modality_.IsDenialCue(words[p]) && !v.IsCapitalized(p) && IsAlpha(words[p])) {
      out.verb = verb_phrase(p);
    }
  }
  // Backward: the verb or noun the figure is the object of.
  const Quantity& q = doc.quantities[k];
  size_t b = v.TokenAt(q.start);
  int skipped = 0;
  while (b > first && skipped < 3) {
    size_t t = b - 1;
    // "approved on Saturday a $61 billion aid bill": a date between the verb
    // and its object.
    if (v.timex_at(t) >= 0) {
      int tx = v.timex_at(t);
      while (b > first && v.timex_at(b - 1) == tx) --b;
      if (b > first && (words[b - 1] == "on" || words[b - 1] == "in")) --b;
      ++skipped;
      continue;
    }
    // "give Ukraine 400 vehicles", "sent Kyiv 31 tanks": the receiver named
    // between a verb of giving and what it gives.
    if (int en = v.entity_at(t); en >= 0) {
      size_t eb = t;
      while (eb > first && v.entity_at(eb - 1) == en) --eb;
      int e = eb > first ? trigger_at(eb - 1) : -1;
      if (e >= 0 && (doc.events[e].type == "AID" || doc.events[e].type == "MOBILIZE") &&
          (!v.has_pos() || v.pos(eb - 1).substr(0, 2) == "VB")) {
        b = eb;
        ++skipped;
        continue;
      }
    }
    // "has lost, among others, almost a thousand soldiers": an aside.
    if (words[t] == "," && t >= first + 3 && words[t - 1] == "others" && words[t - 2] == "among" &&
        words[t - 3] == ",") {
      b = t - 3;
      ++skipped;
      continue;
    }
    if ((is_adverb(t) && !v.IsCapitalized(t)) || chunker_.IsDeterminer(words[t]) ||
        words[t] == "up" || words[t] == "down" || words[t] == "off" || words[t] == "out") {
      if (trigger_at(t) >= 0) break;
      --b;
      ++skipped;
      continue;
    }
    break;
  }
  if (b > first) {
    size_t t = b - 1;
    // "was signed by about 80 organizations": the agent of a passive
    // participle did what it says.
    if (words[t] == "by" && t > first && v.has_pos() && v.pos(t - 1) == "VBN" &&
        IsAlpha(words[t - 1]) && !modality_.IsAttributionCue(words[t - 1])) {
      if (out.verb.empty()) out.verb = std::string(words[t - 1]);
      return out;
    }
    if (words[t] == "of") {
      // "the deployment of 12,000 troops": a noun trigger before "of".
      size_t n = t;
      while (n > first && chunker_.IsDeterminer(words[n - 1])) --n;
      if (n > first) {
        int e = trigger_at(n - 1);
        if (e >= 0 && (!v.has_pos() || v.pos(n - 1).substr(0, 2) == "NN")) out.event = e;
      }
      return out;
    }
    if (words[t] == "on" || words[t] == "against") {
      // "imposed sanctions on 300 entities", "sanctions imposed by the US on
      // 300 entities", "attacks on 20 towns": what a sanction or an attack
      // falls on, after the trigger in the same clause.
      for (size_t n = t; n > first && n + 8 > t; --n) {
        if (v.IsPunct(n - 1) || v.timex_at(n - 1) >= 0) {
          if (v.timex_at(n - 1) >= 0) continue;
          break;
        }
        int e = trigger_at(n - 1);
        if (e >= 0 && (doc.events[e].type == "SANCTION" || doc.events[e].type == "ASSAULT")) {
          out.event = e;
          return out;
        }
      }
      return out;
    }
    int e = trigger_at(t);
    // (Of a verb with its particle, "shot down 31 drones", the verb; "and
    // injured/JJ 7 people": a participle the tagger called an adjective,
    // after a conjunction or an auxiliary.)
    bool ed_verb = e >= 0 && v.has_pos() && is_ed_adjective(t) && t > first &&
                   (words[t - 1] == "and" || IsAux(words[t - 1]) || words[t - 1] == "has" ||
                    words[t - 1] == "have" || words[t - 1] == "had");
    if (e >= 0 && (!v.has_pos() || v.pos(info[e].token).substr(0, 2) == "VB" || ed_verb)) {
      out.event = e;
      out.verb.clear();
      return out;
    }
    if (out.verb.empty() && out.event < 0 && v.has_pos() &&
        (v.pos(t) == "VBD" || v.pos(t) == "VBN") && !IsLightVerb(words[t]) &&
        !modality_.IsAttributionCue(words[t]) && !v.IsCapitalized(t) && IsAlpha(words[t])) {
      // "Ukraine destroyed 20 tanks" -> tanks destroyed.
      out.verb = verb_phrase(t);
      out.verb_token = t;
    }
  }
  return out;
}

Status EventTagger::Annotate(Document* doc, const AnnotateOptions& options) const {
  doc->events.clear();
  doc->claims.clear();
  std::optional<DocView> local;
  const DocView& v = SharedView(*doc, options, &local);
  const auto& words = v.words();
  const std::string dct = options.dct.empty() ? doc->published.date : options.dct;

  std::vector<std::string_view> lemmas(v.size());
  for (size_t i = 0; i < v.size(); ++i) {
    if (!HasPrefix(words[i])) continue;
    auto it = forms_.find(words[i]);
    if (it != forms_.end()) lemmas[i] = it->second;
  }

  // Token ranges of layers the arguments come from.
  std::vector<Ent> ents;
  ents.reserve(doc->entities.size());
  for (size_t k = 0; k < doc->entities.size(); ++k) {
    size_t f = v.TokenAt(doc->entities[k].start);
    size_t l = v.TokenAt(doc->entities[k].end);
    if (f < l) ents.push_back({k, f, l});
  }
  std::vector<size_t> q_token(doc->quantities.size());
  for (size_t k = 0; k < doc->quantities.size(); ++k) {
    q_token[k] = v.TokenAt(doc->quantities[k].start);
  }
  std::vector<uint8_t> hedge_at = modality_.MarkHedges(v);
  // How each attribution's cue frames what it introduces, computed once.
  std::vector<std::string> framings(doc->attributions.size());
  std::vector<uint8_t> framing_known(doc->attributions.size(), 0);
  std::vector<int> q_event(doc->quantities.size(), -1);
  std::vector<std::string> q_verb(doc->quantities.size());
  std::vector<size_t> q_verb_token(doc->quantities.size(), SIZE_MAX);
  std::vector<int> sentence_attr = SentenceAttributions(v, doc->attributions);
  std::vector<EventInfo> info;

  // Tokens inside the source phrase of an attribution, marked once.
  std::vector<uint8_t> attr_source(v.size(), 0);
  for (const Attribution& a : doc->attributions) {
    for (size_t t = v.TokenAt(a.start); t < v.size() && v.start(t) < a.end; ++t) attr_source[t] = 1;
  }
  auto in_attr_source = [&](size_t tok) { return attr_source[tok] != 0; };
  auto entity_ok_as_actor = [&](const EntityMention& e) {
    return e.type == "PERSON" || e.type == "ORG" || e.type == "GPE" || e.type == "NORP" ||
           e.type == "MILITARY";
  };

  std::sort(ents.begin(), ents.end(), [](const Ent& a, const Ent& b) { return a.first < b.first; });
  bool timexes_sorted =
      std::is_sorted(doc->timexes.begin(), doc->timexes.end(),
                     [](const Timex& a, const Timex& b) { return a.start < b.start; });
  size_t ent_lo = 0, tx_lo = 0;
  for (size_t s = 0; s < v.num_sentences(); ++s) {
    size_t first = v.sentence_first(s), limit = v.sentence_last(s);
    size_t first_event = doc->events.size();
    // The actor of the last active verb trigger of the sentence: a verb
    // coordinated with it ("Le blamed NATO for the war and criticized the
    // West") shares its subject.
    int verb_actor = -1;
    // The entities and timexes of this sentence (both layers are in text
    // order), so that each trigger looks only at them.
    while (ent_lo < ents.size() && ents[ent_lo].first < first) ++ent_lo;
    size_t ent_hi = ent_lo;
    while (ent_hi < ents.size() && ents[ent_hi].first < limit) ++ent_hi;
    const Ent* sent_ents = ents.data() + ent_lo;
    const Ent* sent_ents_end = ents.data() + ent_hi;
    uint32_t sent_start = doc->sentences[s].start, sent_end = doc->sentences[s].end;
    while (tx_lo < doc->timexes.size() && doc->timexes[tx_lo].start < sent_start) ++tx_lo;
    size_t tx_hi = tx_lo;
    while (tx_hi < doc->timexes.size() && doc->timexes[tx_hi].start < sent_end) ++tx_hi;
    for (size_t i = first; i < limit; ++i) {
      size_t len = 0, cond = SIZE_MAX;
      const TriggerEntry* e = TriggerAt(v, lemmas, i, first, limit, &len, &cond);
      if (e == nullptr || v.entity_at(i) >= 0) continue;
      // "X confirmed that ..." is an attribution, not an event of its own;
      // an announcement is both.
      if (e->subtype == "confirm" && in_attr_source(i)) continue;
      // "launched 30 drones", "20 missiles were intercepted": weapons fired,
      // hit or downed are named right next to the verb ("launching
      // criticism ... for shortages of ammunition" is no strike).
      if (e->type == "ASSAULT" && e->pos == 'V' && e->condition == "materiel" &&
          (cond == SIZE_MAX || cond + 4 < i || cond > i + len + 4)) {
        continue;
      }
      // "launched a missile attack": a verb that does the event its object
      // names is no event of its own.
      if (e->type == "ASSAULT" && light_verbs_.Contains(words[i])) {
        bool names_event = false;
        for (size_t t = i + len; t < limit && t < i + len + 4 && !names_event; ++t) {
          size_t l2 = 0, c2 = SIZE_MAX;
          const TriggerEntry* e2 = TriggerAt(v, lemmas, t, first, limit, &l2, &c2);
          names_event = e2 != nullptr && e2->pos != 'V' && e2->type == "ASSAULT" &&
                        (!v.has_pos() || v.pos(t).substr(0, 2) == "NN");
        }
        if (names_event) continue;
      }
      EventMention ev;
      ev.id = "v" + std::to_string(doc->events.size() + 1);
      ev.start = doc->sentences[s].start;
      ev.end = doc->sentences[s].end;
      ev.trigger = {v.start(i), v.end(i + len - 1)};
      ev.type = e->type;
      ev.subtype = e->subtype;
      ev.cameo = e->cameo;
      std::string measure = e->measure;
      size_t trig_end = i + len;
      // "killed or wounded": one event with both participles.
      if (trig_end + 1 < limit && (words[trig_end] == "or" || words[trig_end] == "and")) {
        size_t len2 = 0, cond2 = SIZE_MAX;
        const TriggerEntry* e2 = TriggerAt(v, lemmas, trig_end + 1, first, limit, &len2, &cond2);
        if (e2 != nullptr && e2->type == e->type && e2->measure != e->measure) {
          measure += ' ';
          measure += words[trig_end];
          measure += ' ';
          measure += e2->measure;
          trig_end += 1 + len2;
        }
      }
      // (Of a participle: "the actions Russia is threatening" is active.)
      bool participle =
          !v.has_pos() || v.pos(i) == "VBN" || v.pos(i) == "VBD" ||
          (v.pos(i) == "JJ" && words[i].size() > 3 && words[i].substr(words[i].size() - 2) == "ed");
      bool passive =
          (participle && i > first && IsAux(words[i - 1])) ||
          (participle && i > first + 1 && IsAux(words[i - 2]) && words[i - 1].size() > 2 &&
           words[i - 1].substr(words[i - 1].size() - 2) == "ly");
      bool noun_trigger = v.has_pos() ? v.pos(i).substr(0, 2) == "NN" : e->pos == 'N';
      // "sanctions imposed by the US": a participle with its agent after it.
      if (!noun_trigger && trig_end < limit && words[trig_end] == "by" &&
          chunker_.IsParticiple(v, i)) {
        passive = true;
      }
      // Location: an entity after "in", "near", ... nearest the trigger.
      int location = -1;
      size_t best_d = SIZE_MAX;
      for (const Ent* ep = sent_ents; ep != sent_ents_end; ++ep) {
        const Ent& en = *ep;
        const EntityMention& m = doc->entities[en.index];
        if (m.type != "GPE" && m.type != "LOC" && m.type != "FAC") continue;
        size_t p = en.first;
        while (p > first && (words[p - 1] == "the" || chunker_.IsNominal(v, p - 1)) &&
               p + 4 > en.first)
          --p;
        bool prep = p > first && (IsLocationPrep(words[p - 1]) ||
                                  (e->type == "MOBILIZE" && words[p - 1] == "to"));
        if (!prep) continue;
        size_t d = en.first > i ? en.first - i : i - en.first;
        if (d < best_d) {
          best_d = d;
          location = static_cast<int>(en.index);
        }
      }
      // Actor and target.
      int actor = -1, target = -1;
      // A place is attacked, invaded or annexed ("Crimea"), though it does
      // nothing itself.
      bool place_target = e->type == "ASSAULT";
      auto pick_after = [&](size_t from, size_t max_d, bool by_only, bool target = false) -> int {
        for (const Ent* ep = sent_ents; ep != sent_ents_end; ++ep) {
          const Ent& en = *ep;
          if (en.first < from || en.first >= limit || en.first > from + max_d) continue;
          if (static_cast<int>(en.index) == location) continue;
          const std::string& type = doc->entities[en.index].type;
          bool place = target && place_target && (type == "LOC" || type == "FAC");
          if (!place && !entity_ok_as_actor(doc->entities[en.index])) continue;
          if (by_only) {
            size_t p = en.first;
            while (p > from && (words[p - 1] == "the" || chunker_.IsNominal(v, p - 1))) --p;
            if (p == from || words[p - 1] != "by") continue;
          }
          return static_cast<int>(en.index);
        }
        return -1;
      };
      // `skip_objects`: not an entity that is the object of a preposition
      // of direction ("Russia's aggression against Ukraine ... with the
      // annexation of Crimea": Ukraine is attacked, not attacking).
      auto pick_before = [&](bool skip_sources, bool skip_objects = false) -> int {
        for (const Ent* ep = sent_ents_end; ep != sent_ents; --ep) {
          const Ent& en = ep[-1];
          if (en.last > i || en.first < first) continue;
          if (static_cast<int>(en.index) == location) continue;
          if (!entity_ok_as_actor(doc->entities[en.index])) continue;
          if (skip_sources && in_attr_source(en.first)) continue;
          if (skip_objects && en.first > first) {
            size_t p = en.first;
            if (words[p - 1] == "the" && p - 1 > first) --p;
            std::string_view w = words[p - 1];
            if (w == "against" || w == "on" || w == "into" || w == "to" || w == "upon" ||
                w == "toward" || w == "towards") {
              continue;
            }
          }
          return static_cast<int>(en.index);
        }
        return -1;
      };
      // "Ukrainian forces destroyed 12 tanks": a casualty verb in the active
      // voice has its doer before it; "Russia lost 20 generals" and
      // "hundreds died" name who suffered.
      bool active_casualty = e->type == "CASUALTIES" && !passive && !noun_trigger && v.has_pos() &&
                             v.pos(i).substr(0, 2) == "VB" && v.pos(i) != "VBN" &&
                             e->measure != "lost" && lemmas[i] != "die";
      if (active_casualty) {
        // The doer is the verb's subject, just before it ("Russian attacks
        // killed", "Ukraine has destroyed"), not any name earlier on ("the
        // event, called the Holodomor by Ukrainians, killed").
        size_t t = i;
        while (t > first && (v.pos(t - 1).substr(0, 2) == "RB" || words[t - 1] == "has" ||
                             words[t - 1] == "have" || words[t - 1] == "had")) {
          --t;
        }
        for (size_t n = 0; t > first && n < 4; ++n, --t) {
          int en = v.entity_at(t - 1);
          if (en >= 0 && actor < 0 && entity_ok_as_actor(doc->entities[en]) &&
              !in_attr_source(t - 1)) {
            actor = en;
          }
          if (en < 0 && v.pos(t - 1).substr(0, 2) != "NN" && v.pos(t - 1).substr(0, 2) != "JJ") {
            break;
          }
        }
        target = pick_after(trig_end, 4, false);
      } else if (e->type == "CASUALTIES") {
        actor = pick_after(trig_end, 8, true);
        target = pick_before(true);
      } else if (passive) {
        actor = pick_after(trig_end, 8, true);
        target = pick_before(true);
      } else {
        // "the invasion of Ukraine", "the annexation of Crimea by Russia":
        // after an attack noun, "of" names what is attacked, "by" who attacks
        // ("the deployment of North Korean troops" names whose they are).
        bool of_target =
            noun_trigger && e->type == "ASSAULT" && trig_end + 1 < limit && words[trig_end] == "of";
        // ("Russia's invasion of Ukraine passed by the board": an owner in
        // the noun's own phrase wins over a "by" of another verb.)
        bool owned = false;
        if (noun_trigger && v.has_pos()) {
          for (size_t b = i; b > first && i - b < 5 && !owned; --b) {
            size_t p = b - 1;
            int en = v.entity_at(p);
            owned = en >= 0 && p + 1 < i &&
                    (words[p + 1] == "'s" || words[p + 1] == "\xE2\x80\x99s") &&
                    entity_ok_as_actor(doc->entities[en]);
            if (!(chunker_.IsDeterminer(words[p]) || v.pos(p).substr(0, 2) == "JJ" ||
                  v.pos(p) == "POS" || en >= 0 || words[p] == "'s" ||
                  words[p] == "\xE2\x80\x99s")) {
              break;
            }
          }
        }
        if (of_target) {
          target = pick_after(trig_end + 1, 3, false, true);
          if (!owned) actor = pick_after(trig_end + 1, 8, true);
        } else if (noun_trigger && trig_end + 1 < limit &&
                   (words[trig_end] == "of" || words[trig_end] == "by")) {
          actor = pick_after(trig_end + 1, 3, false);
        }
        bool verb = v.has_pos() && v.pos(i).substr(0, 2) == "VB";
        size_t before_verb = i;
        while (before_verb > first + 1 && v.pos(before_verb - 1).substr(0, 2) == "RB")
          --before_verb;
        if (actor < 0 && verb && before_verb > first + 1 && words[before_verb - 1] == "and" &&
            verb_actor >= 0) {
          actor = verb_actor;
        }
        // "prompting Western countries to send weapons", "urged Germany to
        // send tanks": an infinitive with its own subject between it and the
        // verb before it; "Berlin agreed to send" has none.
        if (actor < 0 && verb && i > first + 2 && words[i - 1] == "to") {
          size_t c = i - 1;
          while (c > first && i - c < 8 && v.pos(c - 1).substr(0, 2) != "VB") --c;
          if (c > first && c < i - 1 && v.pos(c - 1).substr(0, 2) == "VB") {
            int own = -2;
            for (size_t t = c; t + 1 < i; ++t) {
              int en = v.entity_at(t);
              if (en >= 0 && entity_ok_as_actor(doc->entities[en])) own = en;
            }
            actor = own;
          }
        }
        // "condemning the invasion", "asked China to support the invasion":
        // an event noun under a verb that does not do it is not the
        // subject's; it takes an actor from its own phrase only ("Russia's
        // invasion"). Under a verb that does it ("launched an invasion") or
        // that is the same event ("approved the delivery"), the subject acts.
        bool object_of_trigger = false;
        if (noun_trigger && actor < 0 && v.has_pos()) {
          size_t b = i;
          int owner = -1;
          while (b > first && i - b < 5) {
            size_t p = b - 1;
            bool phrase = chunker_.IsDeterminer(words[p]) || v.pos(p).substr(0, 2) == "JJ" ||
                          v.pos(p) == "PRP$" || v.pos(p) == "POS" || v.entity_at(p) >= 0;
            if (!phrase) break;
            int en = v.entity_at(p);
            if (en >= 0 && owner < 0 && entity_ok_as_actor(doc->entities[en])) owner = en;
            --b;
          }
          if (owner >= 0) {
            actor = owner;
          } else if (b > first && v.pos(b - 1).substr(0, 2) == "VB" &&
                     !light_verbs_.Contains(words[b - 1])) {
            bool same = false;
            for (size_t o = first_event; o < info.size() && !same; ++o) {
              same = info[o].token_end == b && doc->events[o].type == e->type;
            }
            object_of_trigger = !same;
          }
        }
        // "Tsokov was killed in a missile strike", "died during the shelling":
        // an event noun in a prepositional phrase is no one's but its own
        // phrase's (an owner, found above; not the clause's subject).
        if (noun_trigger && actor < 0 && !object_of_trigger && v.has_pos()) {
          size_t b = i;
          while (b > first && i - b < 5) {
            std::string_view p = v.pos(b - 1);
            bool phrase = chunker_.IsDeterminer(words[b - 1]) || p.substr(0, 2) == "JJ" ||
                          p.substr(0, 2) == "NN" || p == "CD" || p == "HYPH";
            if (!phrase || v.entity_at(b - 1) >= 0) break;
            --b;
          }
          // (Right after the verb whose circumstance it is; "began ... with
          // the annexation of Shusha" is the subject's.)
          std::string_view w = b > first ? words[b - 1] : std::string_view();
          bool circumstance = w == "in" || w == "during" || w == "amid" || w == "after";
          if (circumstance && b > first + 1 && (v.pos(b - 2) == "VBN" || v.pos(b - 2) == "VBD")) {
            object_of_trigger = true;
          }
        }
        if (object_of_trigger) actor = -2;
        // (-2: no actor, by the rules above; -1: none found yet.)
        if (actor == -1) actor = pick_before(true, true);
        if (actor == -1) actor = pick_before(true);
        if (actor == -1) actor = pick_before(false);
        if (actor == -2) actor = -1;
        // (A noun's target follows it closely: "an attack on Kyiv"; not a
        // name in the next clause.)
        size_t reach = 10;
        if (noun_trigger) {
          std::string_view w = trig_end < limit ? words[trig_end] : std::string_view();
          bool prep = w == "into" || w == "on" || w == "against" || w == "of" || w == "at";
          reach = prep ? 6 : 3;
        }
        if (target < 0) target = pick_after(trig_end, reach, false, true);
        if (target == actor) target = -1;
        // "Putin and Kim Jong-un signed", "Russia and China held talks":
        // in an agreement or a meeting the other conjunct is the
        // counterpart, not a bystander.
        // (The first conjunct acts even when a target was found after the
        // trigger: "Russia and Belarus signed an agreement to place ... in
        // Belarus".)
        if (actor >= 0 && (e->type == "AGREE" || e->type == "CONSULT")) {
          const Ent* a = nullptr;
          for (const Ent* ep = sent_ents; ep != sent_ents_end; ++ep) {
            if (static_cast<int>(ep->index) == actor) a = ep;
          }
          for (const Ent* ep = sent_ents; a != nullptr && ep != sent_ents_end; ++ep) {
            if (ep->last + 1 == a->first && words[ep->last] == "and" &&
                static_cast<int>(ep->index) != location &&
                entity_ok_as_actor(doc->entities[ep->index]) && !in_attr_source(ep->first)) {
              if (target < 0) target = actor;
              actor = static_cast<int>(ep->index);
              break;
            }
          }
        }
      }
      if (actor >= 0) ev.actor = doc->entities[actor].id;
      if (target >= 0) ev.target = doc->entities[target].id;
      if (!passive && e->type != "CASUALTIES" && v.has_pos() && v.pos(i).substr(0, 2) == "VB") {
        verb_actor = actor;
      }
      if (location >= 0) ev.location = doc->entities[location].id;
      // Time: the nearest dated timex in the sentence.
      int tbest = -1;
      size_t td = SIZE_MAX;
      size_t tk0 = timexes_sorted ? tx_lo : 0;
      size_t tk1 = timexes_sorted ? tx_hi : doc->timexes.size();
      for (size_t k = tk0; k < tk1; ++k) {
        const Timex& t = doc->timexes[k];
        if (t.start < ev.start || t.end > ev.end) continue;
        if (t.type != "DATE" && t.type != "TIME") continue;
        if (t.value.empty() || t.value[0] < '0' || t.value[0] > '9') continue;
        size_t tt = v.TokenAt(t.start);
        if (ClauseBreakBetween(v, i, tt)) continue;
        size_t d = tt > i ? tt - i : i - tt;
        // What follows a noun modifies it: "a truce, set to begin on June 2".
        if (noun_trigger && tt > i) d /= 2;
        if (d < td) {
          td = d;
          tbest = static_cast<int>(k);
        }
      }
      bool future = false;
      if (tbest >= 0) {
        const Timex& t = doc->timexes[tbest];
        ev.time = t.id;
        ev.time_source = "timex";
        future = After(t.range_begin.empty() ? t.value : t.range_begin, dct);
        // "The bridge was attacked on July 17", "Russia fired 40 missiles on
        // July 17": a verb in the past tense tells of what happened,
        // whatever year the date was given.
        if (future && v.has_pos() && !noun_trigger) {
          bool past = v.pos(i) == "VBD";
          for (size_t a = i; !past && a > first && i - a < 3; --a) {
            std::string_view w = words[a - 1];
            // (Not the present perfect: "has been met with skepticism ... May
            // 8" tells of now, and the date may belong to another clause.)
            past = v.pos(i) == "VBN" && (w == "was" || w == "were" || w == "had");
            if (!(w == "been" || v.pos(a - 1).substr(0, 2) == "RB")) break;
          }
          if (past) future = false;
        }
      }
      // Attribution: the nearest chain head in the sentence, else the quote's.
      int attr =
          NearestAttribution(doc->attributions, ev.start, ev.end, ev.trigger.start, doc->text);
      if (attr < 0) attr = sentence_attr[s];
      std::string cue;
      if (attr >= 0) {
        ev.attribution = doc->attributions[attr].id;
        cue = doc->attributions[attr].cue;
        // "Russia denied ...": the denial is itself what is reported, so
        // its own cue does not make the event denied.
        if ((e->type == "REJECT" || e->type == "STATEMENT") &&
            cue.find(words[i]) != std::string::npos) {
          cue.clear();
        }
      }
      if (e->type == "STATEMENT" || e->type == "REJECT") future = false;
      const std::string* framing = nullptr;
      if (attr >= 0 && !cue.empty()) {
        if (!framing_known[attr]) {
          framings[attr] = modality_.CueModality(cue);
          framing_known[attr] = 1;
        }
        framing = &framings[attr];
      }
      bool possible = false;
      ev.modality = modality_.Score(v, first, i, trig_end, limit, cue, future, e->type == "REJECT",
                                    &hedge_at, framing, &possible);
      info.push_back({i, trig_end, std::move(measure), cond, passive, possible});
      doc->events.push_back(std::move(ev));
    }
    // Each quantity of the sentence goes to the trigger it is an argument
    // of, read from the words around it: the subject of a verb that follows
    // ("4,000 soldiers have been killed", "troops sent to"), the object of
    // one before ("sent an additional 3,000 troops", "deployment of 12,000
    // troops"), or a participle standing for what is counted ("4,000 killed
    // or wounded"). A figure a trigger merely stands near gets none.
    for (size_t k = 0; k < doc->quantities.size(); ++k) {
      size_t qt = q_token[k];
      if (qt < first || qt >= limit) continue;
      Attachment at = Attach(v, *doc, k, qt, first, limit, info, first_event);
      if (at.event < 0 && doc->quantities[k].increment && k > 0 && q_event[k - 1] >= 0 &&
          q_token[k - 1] >= first && doc->quantities[k].counted == doc->quantities[k - 1].counted) {
        // "over 10,000 troops were sent ..., and another 3,000 in the winter".
        at.event = q_event[k - 1];
      }
      if (at.event < 0 && at.verb.empty() && k > 0 && q_token[k - 1] >= first &&
          q_token[k - 1] < qt) {
        // "lost nearly 24,000 soldiers, more than 1,000 tanks, and around 500
        // artillery systems": a list of figures shares its verb.
        size_t pc = 0;
        size_t pe = CountedEnd(v, *doc, k - 1, &pc);
        bool list = pe < qt;
        // (Asides between the items: "and, among others,", "as well as".)
        for (size_t t = pe; t < qt && list; ++t) {
          std::string_view w = words[t];
          list = w == "," || w == "and" || w == "or" || w == "among" || w == "others" ||
                 w == "including" || w == "plus" || w == "as" || w == "well";
        }
        if (list) {
          at.event = q_event[k - 1];
          at.verb = q_verb[k - 1];
        }
      }
      q_verb[k] = std::move(at.verb);
      q_verb_token[k] = at.verb_token;
      if (at.event < 0) continue;
      doc->events[at.event].quantities.push_back(doc->quantities[k].id);
      q_event[k] = at.event;
    }
  }
  BuildClaims(v, info, q_event, q_verb, q_verb_token, sentence_attr, dct, doc);
  BuildDurationClaims(v, sentence_attr, doc);
  return Status::OK();
}

}  // namespace sitrep::claims
