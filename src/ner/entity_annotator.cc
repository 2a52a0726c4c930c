#include "ner/entity_annotator.h"

#include <algorithm>

#include "ner/entity_fold.h"
#include "ner/entity_linker.h"
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
  for (unsigned char c : doc.text) {
    if (c >= 'a' && c <= 'z') ++letters;
    if (c >= 'A' && c <= 'Z') {
      ++letters;
      ++upper;
    }
  }
  return letters >= 40 && upper * 500 < letters;
}

struct Candidate {
  uint32_t tb, te;
  const NameEntry* entry = nullptr;  // gazetteer match, or null
  bool needs_confirmation = false;
  bool from_tagger = false;
  ActorType tagger_type = ActorType::kMisc;
};

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
    // Sentences as token runs (tokens are sorted by sentence).
    words_.resize(doc_.sentences.size());
    std::vector<std::vector<NameMatch>> matches(doc_.sentences.size());
    std::vector<uint32_t> base(doc_.sentences.size(), 0);
    uint32_t t = 0;
    for (uint32_t s = 0; s < doc_.sentences.size(); ++s) {
      while (t < n && doc_.tokens[t].sentence < s) ++t;
      base[s] = t;
      SentenceWords& w = words_[s];
      w.Clear();
      uint32_t e = t;
      while (e < n && doc_.tokens[e].sentence == s) {
        const Token& tok = doc_.tokens[e];
        w.Add(doc_.SpanText(tok.start, tok.end));
        ++e;
      }
      w.Finish(lower_doc);
      for (uint32_t k = 0; k < w.size(); ++k) {
        tv_.folded[t + k] = w.folded(k);
        tv_.flags[t + k] = w.flags(k);
        tv_.uncased[t + k] = w.uncased() ? 1 : 0;
      }
      matches[s] = MatchNames(gaz_, w);
      if (w.size() > 0) HintsFromMatches(gaz_, w, matches[s], hints_.data() + t);
    }
    std::vector<EntitySpan> spans;
    if (tagger_ != nullptr) spans = tagger_->TagDocument(doc_, &hints_);

    std::vector<Candidate> gaz;
    for (uint32_t s = 0; s < matches.size(); ++s) {
      for (const NameMatch& m : matches[s]) {
        gaz.push_back({base[s] + m.begin, base[s] + m.end, m.entry, m.needs_confirmation});
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
    Write(drafts);
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
        bool weaker = gt == ActorType::kNorp || IsPlace(gt);
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
          for (size_t g = g0; g < gaz.size() && gaz[g].tb < t.te; ++g) drop[g] = true;
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
    return clean;
  }

  // "El Fasher and Khan Younis", "Goma, Bukavu": two or more matches that
  // cover span t but for commas and "and"/"or" are a list of names, not one
  // longer name the tagger saw.
  bool ListOfMatches(const Candidate& t, const std::vector<Candidate>& gaz, size_t g0) const {
    int matches = 0;
    size_t g = g0;
    for (uint32_t k = t.tb; k < t.te; ++k) {
      while (g < gaz.size() && gaz[g].te <= k) ++g;
      if (g < gaz.size() && gaz[g].tb <= k) {
        if (gaz[g].tb == k) ++matches;
        continue;
      }
      std::string_view w = tv_.folded[k];
      if (!w.empty() && w != "and" && w != "or") return false;
    }
    return matches >= 2;
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

  void Write(const std::vector<MentionDraft>& drafts) {
    doc_.entities.clear();
    doc_.entities.reserve(drafts.size());
    for (const MentionDraft& d : drafts) {
      EntityMention m;
      m.id = "e" + std::to_string(doc_.entities.size() + 1);
      m.start = doc_.tokens[d.tb].start;
      m.end = doc_.tokens[d.te - 1].end;
      m.text = std::string(doc_.SpanText(m.start, m.end));
      m.type = std::string(ActorTypeName(d.type));
      m.actor = d.actor;
      m.country = d.country;
      doc_.entities.push_back(std::move(m));
    }
  }

  const Gazetteer& gaz_;
  const NerTagger* tagger_;
  Document& doc_;
  TokenView tv_;
  std::vector<uint8_t> hints_;
  std::vector<SentenceWords> words_;
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
  DocumentRun(*gazetteer_, tagger_.get(), doc).Run();
  return Status::OK();
}

}  // namespace sitrep
