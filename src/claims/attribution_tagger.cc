#include "claims/attribution_tagger.h"

#include <algorithm>

namespace sitrep::claims {
namespace {

bool IsRelativePronoun(std::string_view w) { return w == "who" || w == "which" || w == "that"; }
bool IsPersonalPronoun(std::string_view w) { return w == "he" || w == "she" || w == "they"; }
// Words between a subject and its reporting verb: "Seoul has also confirmed".
bool IsSkippable(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "also",    "has",   "have",       "had",     "did",   "does",    "do",       "not",
      "never",   "n't",   "will",       "would",   "could", "may",     "might",    "later",
      "earlier", "still", "previously", "already", "again", "further", "publicly", "first"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

bool HasInnerPeriod(std::string_view w) {
  size_t p = w.find('.');
  return p != std::string_view::npos && p > 1 && p + 2 < w.size() && w[p + 1] >= 'a' &&
         w[p + 1] <= 'z';
}

bool IsAux(std::string_view w) {
  return w == "was" || w == "were" || w == "is" || w == "are" || w == "been" || w == "be" ||
         w == "being";
}

int TypeRank(std::string_view type) {
  if (type == "PERSON") return 5;
  if (type == "ORG" || type == "MILITARY") return 4;
  if (type == "GPE") return 3;
  if (type == "NORP") return 2;
  return 1;
}

}  // namespace

std::string ActorIn(const Document& doc, uint32_t start, uint32_t end) {
  const EntityMention* best = nullptr;
  for (const EntityMention& e : doc.entities) {
    if (e.start < start || e.end > end || e.actor.empty()) continue;
    if (best == nullptr || TypeRank(e.type) >= TypeRank(best->type)) best = &e;
  }
  return best ? best->actor : std::string();
}

StatusOr<std::unique_ptr<AttributionTagger>> AttributionTagger::Create() {
  std::unique_ptr<AttributionTagger> t(new AttributionTagger());
  SITREP_RETURN_IF_ERROR(t->chunker_.Load());
  SITREP_RETURN_IF_ERROR(t->cues_.Load("lexicons/attribution-cues.tsv", 3));
  SITREP_RETURN_IF_ERROR(t->report_nouns_.Load("lexicons/attribution-report-nouns.tsv", 2));
  return t;
}

size_t AttributionTagger::SourceAfter(const DocView& v, size_t i, size_t limit) const {
  size_t j = i;
  // "is estimated to rise by more than 2 million", "fell by 12%": after
  // "by", a figure is an amount of change, not a source.
  if (j < limit && v.has_pos() &&
      (v.pos(j) == "CD" ||
       (j + 1 < limit && (v.pos(j) == "JJR" || v.pos(j) == "RBR") && v.word(j + 1) == "than") ||
       (j + 1 < limit && v.word(j) == "up" && v.word(j + 1) == "to"))) {
    return i;
  }
  while (j < limit && chunker_.IsDeterminer(v.word(j))) ++j;
  size_t end = j;
  for (size_t k = j; k < limit && k - i < 12; ++k) {
    std::string_view w = v.word(k);
    if (w == "'s" || w == "\xE2\x80\x99s") continue;
    if ((w == "of" || w == "for") && k + 1 < limit && k > j) {
      size_t n = k + 1;
      if (n < limit && v.word(n) == "the") ++n;
      if (n < limit && v.IsCapitalized(n)) continue;
      break;
    }
    if (v.IsPunct(k) && w != "-") break;
    // "intelligence.As": a sentence break the segmenter missed.
    if (HasInnerPeriod(w)) break;
    // Untagged "-ing" words start a clause: "reports from Russia indicating".
    if (!v.has_pos() && !v.IsCapitalized(k) && w.size() > 4 && w.substr(w.size() - 3) == "ing") {
      break;
    }
    bool name = v.IsCapitalized(k) && !chunker_.IsFunctionWord(w);
    if (!chunker_.IsNominal(v, k) && !name) break;
    end = k + 1;
  }
  return end == j ? i : end;
}

size_t AttributionTagger::Add(const DocView& v, size_t sb, size_t se, size_t cb, size_t ce,
                              std::string cue, Document* doc) const {
  Attribution a;
  a.id = "a" + std::to_string(doc->attributions.size() + 1);
  a.start = std::min(v.start(sb), v.start(cb));
  a.end = std::max(v.end(se - 1), v.end(ce - 1));
  a.cue = std::move(cue);
  uint32_t s0 = v.start(sb), s1 = v.end(se - 1);
  a.source_text = std::string(doc->SpanText(s0, s1));
  a.source_actor = ActorIn(*doc, s0, s1);
  doc->attributions.push_back(std::move(a));
  return doc->attributions.size() - 1;
}

Status AttributionTagger::Annotate(Document* doc, const AnnotateOptions& options) const {
  doc->attributions.clear();
  std::optional<DocView> local;
  const DocView& v = SharedView(*doc, options, &local);
  const auto& words = v.words();
  for (size_t s = 0; s < v.num_sentences(); ++s) {
    size_t first = v.sentence_first(s), limit = v.sentence_last(s);
    for (size_t i = first; i < limit;) {
      // "reports from South Korean intelligence", "estimates by analysts"
      if (report_nouns_.Contains(words[i]) && i + 2 < limit &&
          (words[i + 1] == "from" || words[i + 1] == "by")) {
        size_t se = SourceAfter(v, i + 2, limit);
        if (se > i + 2) {
          Add(v, i + 2, se, i, i + 2, std::string(words[i]) + " " + std::string(words[i + 1]), doc);
          i = se;
          continue;
        }
      }
      size_t len = 0;
      const PhraseEntry* e = cues_.Match(words, i, &len);
      if (e == nullptr || i + len > limit) {
        ++i;
        continue;
      }
      size_t next = HandleCue(v, i, len, *e, first, limit, doc);
      i = next > i ? next : i + len;
    }
  }
  return Status::OK();
}

size_t AttributionTagger::HandleCue(const DocView& v, size_t i, size_t len, const PhraseEntry& e,
                                    size_t first, size_t limit, Document* doc) const {
  const auto& words = v.words();
  const std::string& kind = e.field(0);
  std::string cue;
  for (size_t k = i; k < i + len; ++k) {
    if (!cue.empty()) cue += ' ';
    cue += words[k];
  }
  size_t after = i + len;
  // "Prigozhin posted a video on Monday, saying he had 25,000 fighters": a
  // participle after a comma speaks for the subject of the clause it hangs
  // from, the first name of the sentence.
  if (kind == "participle") {
    if (i == first || words[i - 1] != ",") return after;
    // (Not when a cue of its own sentence already speaks, '"...," Cole said,
    // noting that ...', nor after a quotation, whose names are the
    // speaker's words.)
    if (!doc->attributions.empty() && doc->attributions.back().start >= v.start(first))
      return after;
    for (size_t t = first; t < i; ++t) {
      if (v.IsQuote(t)) return after;
    }
    // The subject opens the sentence: "Wagner chief Yevgeny Prigozhin".
    for (size_t t = first; t + 1 < i && t < first + 4; ++t) {
      int en = v.entity_at(t);
      if (en < 0) continue;
      const std::string& type = doc->entities[en].type;
      if (type != "PERSON" && type != "ORG" && type != "GPE" && type != "NORP" &&
          type != "MILITARY") {
        continue;
      }
      size_t te = t;
      while (te < i && v.entity_at(te) == en) ++te;
      Add(v, t, te, i, after, cue, doc);
      return after;
    }
    return after;
  }
  if (kind == "prep" || kind == "citing") {
    size_t se = SourceAfter(v, after, limit);
    if (se == after) return after;
    size_t sb = after;
    // "according to estimates by South Korea's National Intelligence Service"
    for (size_t k = after; k + 1 < se; ++k) {
      if (report_nouns_.Contains(words[k]) &&
          (words[k + 1] == "by" || words[k + 1] == "from" || words[k + 1] == "of")) {
        size_t inner = SourceAfter(v, k + 2, limit);
        if (inner > k + 2) {
          cue += ' ';
          cue += words[k];
          sb = k + 2;
          se = inner;
        }
        break;
      }
    }
    // "according to a report released on Wednesday by UNHCR": the report's
    // owner after its participle and a date.
    size_t by = se;
    if (se < limit && report_nouns_.Contains(words[se - 1]) && v.has_pos() && v.pos(se) == "VBN") {
      size_t t = se + 1;
      while (t < limit && t < se + 7 &&
             (v.timex_at(t) >= 0 || words[t] == "on" || words[t] == "in" || words[t] == "last" ||
              words[t] == "this" || words[t] == "earlier")) {
        ++t;
      }
      if (t < limit && words[t] == "by") by = t;
    }
    if (by < limit && report_nouns_.Contains(words[se - 1]) &&
        (words[by] == "by" || words[by] == "from")) {
      size_t inner = SourceAfter(v, by + 1, limit);
      if (inner > by + 1) {
        cue += ' ';
        cue += words[se - 1];
        sb = by + 1;
        se = inner;
      }
    }
    size_t prev = doc->attributions.size();
    size_t idx = Add(v, sb, se, i, after, cue, doc);
    // A chain: the attribution just before in this sentence relays this one.
    if (kind == "citing" && prev > 0) {
      Attribution& p = doc->attributions[prev - 1];
      if (p.start >= v.start(first) && p.end <= v.start(i) && p.via.empty()) {
        p.via = doc->attributions[idx].id;
      }
    }
    return se;
  }
  // Verb cues. A verb that is tagged as a noun ("reports", "estimates") is
  // not a cue, nor is a capitalized word inside a sentence ("United States").
  // "Ukraine's military claims that ...": a cue word followed by "that" is
  // the verb whatever a tagger made of it.
  // "entities accused of helping Moscow", "he was accused of treason": the
  // subject is the one accused, not a source (the active verb has an
  // object between: "Russia accused Kyiv of ...").
  if (after < limit && words[after] == "of" && words[i] == "accused") return after;
  bool that_follows = words[after - 1] == "that" || (after < limit && words[after] == "that");
  if (v.has_pos() && !chunker_.IsVerb(v, i) && !that_follows) return after;
  if (i > first && v.IsCapitalized(i)) return after;
  // Inverted: '"...," said Putin' / '..., confirms Newsweek, citing ...'
  bool inverted_only = kind == "verb-inverted";
  // '..., reported that Russia lost': a clause, not a source, follows.
  bool clause_follows = after < limit && words[after] == "that";
  if (i > first && !clause_follows && (v.word(i - 1) == "," || v.IsCloseQuote(i - 1))) {
    size_t se = SourceAfter(v, after, limit);
    bool comma = v.word(i - 1) == ",";
    // '..., said the Reuters agency': after a comma, a source that starts
    // with a determiner must name something or close the sentence.
    bool named = false;
    for (size_t k = after; k < se && !named; ++k) named = v.IsCapitalized(k);
    bool closes = se >= limit || words[se] == "." || words[se] == ",";
    bool ok = se > after && (v.IsCapitalized(after) ||
                             (chunker_.IsDeterminer(words[after]) && (!comma || named || closes)));
    if (ok) {
      Add(v, after, se, i, after, cue, doc);
      return se;
    }
  }
  if (inverted_only) return after;
  // Subject before the verb, skipping adverbs and auxiliaries.
  size_t k = i;
  while (k > first) {
    std::string_view w = words[k - 1];
    bool adverb = w.size() > 2 && w.substr(w.size() - 2) == "ly" && !v.IsCapitalized(k - 1);
    if (adverb || IsAux(w) || IsSkippable(w)) {
      --k;
      continue;
    }
    break;
  }
  // "Newsweek, citing the National Resistance Centre, reported that ...":
  // the subject stands before the parenthetical citing phrase, and relays
  // the source it cites.
  int relayed = -1;
  if (k > first + 1 && words[k - 1] == "," && !doc->attributions.empty()) {
    Attribution& p = doc->attributions.back();
    size_t pb = v.TokenAt(p.start);
    size_t pe = v.TokenAt(p.end);
    // The cited source may run on past where SourceAfter stopped, up to the
    // closing comma ("citing sources in the Defence Intelligence of Ukraine,").
    bool runs_to_comma = pe < k && pe + 8 >= k;
    for (size_t t = pe; runs_to_comma && t + 1 < k; ++t) {
      runs_to_comma = words[t] != "," && words[t] != "." && !v.IsQuote(t);
    }
    if (p.via.empty() && pb > first + 1 && pb < k && runs_to_comma && words[pb - 1] == ",") {
      size_t len = 0;
      const PhraseEntry* ce = cues_.Match(words, pb, &len);
      if (ce != nullptr && ce->field(0) == "citing" && pb + len < k - 1) {
        relayed = static_cast<int>(doc->attributions.size() - 1);
        if (pe + 1 < k) {
          p.end = v.end(k - 2);
          p.source_text = std::string(doc->SpanText(v.start(pb + len), p.end));
          p.source_actor = ActorIn(*doc, v.start(pb + len), p.end);
        }
        k = pb - 1;
      }
    }
  }
  // Passive: "reported to the Kyiv Post ... by anonymous intelligence sources".
  bool passive =
      relayed < 0 && ((k < i && IsAux(words[k])) || (k > first && words[k - 1] == ",") || k == i);
  // (A past tense with its subject before it is no passive: "The Council
  // said ... by Thursday evening"; "The information, reported to ..." is,
  // whatever its tag.)
  bool reduced = (k > first && words[k - 1] == ",") || (k < i && IsAux(words[k]));
  if (passive && chunker_.IsParticiple(v, i) && (!v.has_pos() || v.pos(i) == "VBN" || reduced)) {
    size_t channel_b = 0, channel_e = 0;
    for (size_t b = after; b < limit && b < after + 12; ++b) {
      if (words[b] == "," || words[b] == "." || words[b] == "that") break;
      if (words[b] == "to" && channel_e == 0) {
        size_t ce = SourceAfter(v, b + 1, limit);
        if (ce > b + 1 && v.IsCapitalized(ce - 1)) {
          channel_b = b + 1;
          channel_e = ce;
        }
      }
      if (words[b] == "by") {
        // "by Thursday evening" is a deadline, not an agent; a "by" that
        // ends the text names nobody.
        if (b + 1 >= limit || v.timex_at(b + 1) >= 0) break;
        size_t se = SourceAfter(v, b + 1, limit);
        if (se == b + 1) break;
        if (channel_e > 0) {
          size_t outer = Add(v, channel_b, channel_e, i, after, cue + " to", doc);
          size_t inner = Add(v, b + 1, se, i, after, cue + " by", doc);
          doc->attributions[outer].via = doc->attributions[inner].id;
        } else {
          Add(v, b + 1, se, i, after, cue + " by", doc);
        }
        return se;
      }
    }
    // "it was estimated that ...": no source, but the cue frames the clause.
    if (k > first && words[k - 1] == "it") {
      size_t idx = Add(v, k - 1, k, i, after, cue, doc);
      doc->attributions[idx].source_text.clear();
      return after;
    }
    // "the number of hungry people is estimated to rise", "he is said to
    // have fled", "Libya's GDP was estimated at $75 billion": with no agent,
    // the subject is what is reported on, not who reports.
    // (Not in a relative clause, "$91m, which was confirmed in the
    // budget": that framing is of the clause's antecedent alone.)
    if (k < i && IsAux(words[k]) && !(k > first && IsRelativePronoun(words[k - 1]))) {
      // The span starts with the subject's clause, so that a framing in a
      // clause of its own (", and the number ... is estimated to") does not
      // govern the clause before it.
      size_t sb = k;
      while (sb > first && k - sb < 15 && words[sb - 1] != "," && words[sb - 1] != ";" &&
             words[sb - 1] != "and" && words[sb - 1] != "but" && words[sb - 1] != "that") {
        --sb;
      }
      // (No subject before the auxiliary: the cue alone.)
      size_t idx =
          sb < k ? Add(v, sb, k, i, after, cue, doc) : Add(v, i, after, i, after, cue, doc);
      doc->attributions[idx].source_text.clear();
      doc->attributions[idx].source_actor.clear();
      return after;
    }
  }
  const bool relative = k > first && IsRelativePronoun(words[k - 1]);
  // ("$91m in aid, which was confirmed in the budget": the antecedent of a
  // passive relative clause is what is confirmed, not who confirms.)
  if (relative && k < i && IsAux(words[k])) return after;
  if (relative) --k;
  if (k > first && words[k - 1] == ",") {
    --k;
    // "The report, published by Amnesty International on Thursday, found
    // that", "Zelensky, speaking in Kyiv on Monday, said": the subject
    // stands before an aside that opens with a participle or "who"; a
    // report's owner is the aside's agent.
    // (Not for the verb of a relative clause: "$91m, which was confirmed
    // in the budget" has no source of its own.)
    for (size_t c = k; !relative && c > first + 1 && k - c < 14; --c) {
      if (words[c - 1] != ",") continue;
      size_t a = c;  // first token of the aside
      // (An "-ing" word the tagger called a noun still opens one: "speaking/NN
      // in Kyiv".)
      std::string_view w = words[a];
      bool ing = w.size() > 4 && w.substr(w.size() - 3) == "ing" && !v.IsCapitalized(a);
      // ("Shoigu, the defence minister, said": an apposition to a person.)
      int before = c >= 2 ? v.entity_at(c - 2) : -1;
      bool apposition =
          chunker_.IsDeterminer(w) && before >= 0 && doc->entities[before].type == "PERSON";
      bool aside = a < k && (IsRelativePronoun(w) || ing || apposition ||
                             (v.has_pos() && (v.pos(a) == "VBN" || v.pos(a) == "VBG")));
      if (!aside) break;
      size_t subject_end = c - 1;
      if (report_nouns_.Contains(words[subject_end - 1])) {
        for (size_t b = a; b + 1 < k; ++b) {
          if (words[b] != "by" || v.timex_at(b + 1) >= 0) continue;
          size_t se = SourceAfter(v, b + 1, k);
          if (se > b + 1) {
            Add(v, b + 1, se, i, after,
                std::string(words[subject_end - 1]) + " " + std::string(cue), doc);
            return after;
          }
        }
      }
      k = subject_end;
      break;
    }
  }
  if (k > first && IsPersonalPronoun(words[k - 1])) {
    // "Macron said ..., as he warned": "he"/"she" with no source before it in
    // its sentence is the first person named in that sentence.
    bool source_in_sentence = !doc->attributions.empty() &&
                              doc->attributions.back().start >= v.start(first) &&
                              !doc->attributions.back().source_text.empty();
    if (!source_in_sentence && words[k - 1] != "they") {
      for (size_t t = first; t + 1 < k; ++t) {
        int en = v.entity_at(t);
        if (en < 0 || doc->entities[en].type != "PERSON") continue;
        const EntityMention& e = doc->entities[en];
        size_t idx = Add(v, k - 1, k, i, after, cue, doc);
        doc->attributions[idx].source_text = e.text;
        doc->attributions[idx].source_actor = e.actor;
        return after;
      }
    }
    // "Mr Zelensky thanked Ireland. '...,' he said.": a person who is the
    // first named in one of the three sentences before, after the last
    // named source, is whom "he"/"she" points to.
    if (words[k - 1] != "they") {
      uint32_t last_source = 0;
      for (const Attribution& a : doc->attributions) {
        if (!a.source_text.empty()) last_source = std::max(last_source, a.end);
      }
      const uint32_t here = v.start(first);
      const EntityMention* person = nullptr;
      for (size_t en = 0; en < doc->entities.size(); ++en) {
        const EntityMention& e = doc->entities[en];
        if (e.end > here) break;
        if (e.type != "PERSON" || e.start < last_source) continue;
        size_t tok = v.TokenAt(e.start);
        size_t es = v.sentence(tok);
        if (es + 3 < v.sentence(first)) continue;
        // The first person of its sentence stands for the sentence's subject.
        if (person == nullptr || v.sentence(v.TokenAt(person->start)) != es) person = &e;
      }
      if (person != nullptr) {
        std::string text = person->text, actor = person->actor;
        size_t idx = Add(v, k - 1, k, i, after, cue, doc);
        doc->attributions[idx].source_text = std::move(text);
        doc->attributions[idx].source_actor = std::move(actor);
        return after;
      }
    }
    // "he said": the most recent named source, if any.
    for (size_t a = doc->attributions.size(); a > 0; --a) {
      if (doc->attributions[a - 1].source_text.empty()) continue;
      // Copies: Add may reallocate the vector.
      std::string text = doc->attributions[a - 1].source_text;
      std::string actor = doc->attributions[a - 1].source_actor;
      size_t idx = Add(v, k - 1, k, i, after, cue, doc);
      doc->attributions[idx].source_text = std::move(text);
      doc->attributions[idx].source_actor = std::move(actor);
      return after;
    }
    return after;
  }
  std::string full_cue = cue;
  size_t sb;
  if (k == first) return after;  // nothing before the verb in this sentence
  if (report_nouns_.Contains(words[k - 1])) {
    // "Intelligence estimates suggest", "Reports indicate": the report noun
    // heads the source whatever a tagger made of it.
    sb = chunker_.NounPhraseBefore(v, k - 1, first);
    full_cue = std::string(words[k - 1]) + " " + cue;
  } else {
    sb = chunker_.NounPhraseBefore(v, k, first);
    if (sb == k) return after;
  }
  size_t idx = Add(v, sb, k, i, after, full_cue, doc);
  if (relayed >= 0) doc->attributions[idx].via = doc->attributions[relayed].id;
  // "X told Y": Y relays what X said.
  if (e.field(0) == "tell" && after < limit && v.IsCapitalized(after)) {
    size_t ye = SourceAfter(v, after, limit);
    if (ye > after) {
      size_t outer = Add(v, after, ye, i, after, cue, doc);
      doc->attributions[outer].via = doc->attributions[idx].id;
      return ye;
    }
  }
  return after;
}

}  // namespace sitrep::claims
