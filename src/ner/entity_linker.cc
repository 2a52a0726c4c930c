#include "ner/entity_linker.h"

#include <algorithm>
#include <unordered_map>

#include "ner/gazetteer_match.h"

namespace sitrep {
namespace {

struct Referent {
  std::string actor, country;
  ActorType type;
};

struct StrHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using ReferentMap = std::unordered_map<std::string, Referent, StrHash, std::equal_to<>>;

bool IsOrgLike(ActorType t) { return t == ActorType::kOrg || t == ActorType::kMilitary; }

class Linker {
 public:
  Linker(const Gazetteer& gaz, const Document& doc, const TokenView& tv,
         std::vector<MentionDraft>* mentions)
      : gaz_(gaz), doc_(doc), tv_(tv), mentions_(*mentions) {}

  void Run() {
    covered_.assign(doc_.tokens.size(), false);
    for (const auto& m : mentions_) {
      for (uint32_t k = m.tb; k < m.te; ++k) covered_[k] = true;
    }
    for (size_t i = 0; i < mentions_.size(); ++i) {
      ResolveShortPerson(&mentions_[i]);
      Learn(i);
    }
    AddMissedShortForms();
    AddDefiniteDescriptions();
    std::sort(mentions_.begin(), mentions_.end(),
              [](const MentionDraft& a, const MentionDraft& b) { return a.tb < b.tb; });
  }

 private:
  std::string_view F(uint32_t t) const { return tv_.folded[t]; }

  // Remembers the words of a full person name and acronyms in parentheses.
  void Learn(size_t i) {
    const MentionDraft& m = mentions_[i];
    if (m.actor.empty()) return;
    // Built only for a mention that teaches something (most do not).
    auto referent = [&m] { return Referent{m.actor, m.country, m.type}; };
    if (m.type == ActorType::kPerson && m.te - m.tb >= 2) {
      for (uint32_t k = m.tb; k < m.te; ++k) {
        std::string_view f = F(k);
        if (f.size() < 2 || gaz_.IsTitle(f) || gaz_.IsFunctionWord(f)) continue;
        short_forms_[std::string(f)] = referent();
      }
    }
    // "National Intelligence Service (NIS)": learn NIS.
    uint32_t k = m.te;
    if (k + 2 < doc_.tokens.size() &&
        doc_.SpanText(doc_.tokens[k].start, doc_.tokens[k].end) == "(" &&
        doc_.SpanText(doc_.tokens[k + 2].start, doc_.tokens[k + 2].end) == ")" &&
        (tv_.flags[k + 1] & SentenceWords::kAllCaps) && F(k + 1).size() >= 2 &&
        m.type != ActorType::kPerson) {
      acronyms_[std::string(F(k + 1))] = referent();
    }
  }

  // "Kim" after "Kim Jong Un"; "Zelensky" stays the curated Zelenskyy.
  void ResolveShortPerson(MentionDraft* m) {
    if (m->curated || m->te - m->tb != 1) return;
    if (tv_.flags[m->tb] & SentenceWords::kAllCaps) {
      auto a = acronyms_.find(F(m->tb));
      if (a != acronyms_.end()) {
        Assign(m, a->second);
        return;
      }
    }
    if (m->known && m->type != ActorType::kPerson) return;
    auto it = short_forms_.find(F(m->tb));
    if (it != short_forms_.end()) Assign(m, it->second);
  }

  static void Assign(MentionDraft* m, const Referent& r) {
    m->actor = r.actor;
    m->country = r.country;
    m->type = r.type;
  }

  // Words the recognizer left alone that are known short forms by now.
  void AddMissedShortForms() {
    if (short_forms_.empty() && acronyms_.empty()) return;
    // Where each learned form was first introduced: only later uses count.
    std::vector<MentionDraft> added;
    size_t next = 0;
    ReferentMap seen_persons, seen_acronyms;
    for (uint32_t t = 0; t < doc_.tokens.size(); ++t) {
      while (next < mentions_.size() && mentions_[next].te <= t) {
        const MentionDraft& m = mentions_[next];
        if (!m.actor.empty() && m.type == ActorType::kPerson && m.te - m.tb >= 2) {
          for (uint32_t k = m.tb; k < m.te; ++k) {
            if (F(k).size() >= 2 && !gaz_.IsTitle(F(k)) && !gaz_.IsFunctionWord(F(k))) {
              seen_persons[std::string(F(k))] = {m.actor, m.country, m.type};
            }
          }
        }
        auto a = acronyms_.find(m.te + 1 < tv_.folded.size() ? F(m.te + 1) : std::string_view());
        if (a != acronyms_.end()) seen_acronyms[a->first] = a->second;
        ++next;
      }
      if (covered_[t] || F(t).size() < 2) continue;
      if (seen_persons.empty() && seen_acronyms.empty()) continue;  // nothing to find yet
      bool cased_ok = tv_.uncased[t] ? !gaz_.IsFunctionWord(F(t))
                                     : (tv_.flags[t] & SentenceWords::kCapitalized) != 0;
      if (!cased_ok) continue;
      const Referent* r = nullptr;
      auto p = seen_persons.find(F(t));
      if (p != seen_persons.end() && !gaz_.IsCommonWord(F(t))) r = &p->second;
      auto a = seen_acronyms.find(F(t));
      if (r == nullptr && a != seen_acronyms.end() && (tv_.flags[t] & SentenceWords::kAllCaps)) {
        r = &a->second;
      }
      if (r == nullptr) continue;
      MentionDraft m;
      m.tb = t;
      m.te = t + 1;
      Assign(&m, *r);
      covered_[t] = true;
      added.push_back(m);
    }
    mentions_.insert(mentions_.end(), added.begin(), added.end());
    std::sort(mentions_.begin(), mentions_.end(),
              [](const MentionDraft& a, const MentionDraft& b) { return a.tb < b.tb; });
  }

  // "the ministry" -> the latest earlier ministry.
  void AddDefiniteDescriptions() {
    const auto& heads = gaz_.words().heads;
    if (heads.empty()) return;
    std::vector<MentionDraft> added;
    for (uint32_t t = 0; t + 1 < doc_.tokens.size(); ++t) {
      if (F(t) != "the" || covered_[t + 1]) continue;
      if (doc_.tokens[t].sentence != doc_.tokens[t + 1].sentence) continue;
      // Lowercase head in cased text: "the ministry", not "The Ministry of ...".
      if (!tv_.uncased[t + 1] && (tv_.flags[t + 1] & SentenceWords::kCapitalized)) continue;
      std::string_view head = F(t + 1);
      const std::string* type_name = nullptr;
      for (const auto& [h, type] : heads) {
        if (h == head) type_name = &type;
      }
      if (type_name == nullptr) continue;
      // A compound continues ("the ministry building"): not a reference.
      if (t + 2 < doc_.tokens.size() && doc_.tokens[t + 2].sentence == doc_.tokens[t].sentence &&
          !doc_.tokens[t + 2].pos.empty() && doc_.tokens[t + 2].pos[0] == 'N') {
        continue;
      }
      ActorType want;
      if (!ParseActorType(*type_name, &want)) continue;
      const MentionDraft* antecedent = nullptr;
      // Failing a name with the head word in it, the latest mention of the
      // type in this or the previous sentence ("The NIS ..., the agency").
      const MentionDraft* nearby = nullptr;
      const uint32_t sentence = doc_.tokens[t].sentence;
      for (const auto& m : mentions_) {
        if (m.te > t) break;
        if (m.actor.empty()) continue;
        bool type_ok = m.type == want || (IsOrgLike(want) && IsOrgLike(m.type));
        if (!type_ok) continue;
        if (want == ActorType::kPerson) {
          // "the president": the latest person introduced with that title.
          if (m.tb > 0 && F(m.tb - 1) == head) antecedent = &m;
          continue;
        }
        if (doc_.tokens[m.tb].sentence + 1 >= sentence) nearby = &m;
        bool contains = false;
        for (uint32_t k = m.tb; k < m.te && !contains; ++k) {
          contains = F(k).find(head) != std::string_view::npos;
        }
        // "the Kremlin" style heads name the actor itself.
        if (contains || m.actor.find(head) != std::string::npos) antecedent = &m;
      }
      if (antecedent == nullptr) antecedent = nearby;
      if (antecedent == nullptr) continue;
      MentionDraft m;
      m.tb = t;
      m.te = t + 2;
      m.type = antecedent->type;
      m.actor = antecedent->actor;
      m.country = antecedent->country;
      covered_[t] = covered_[t + 1] = true;
      added.push_back(m);
    }
    mentions_.insert(mentions_.end(), added.begin(), added.end());
  }

  const Gazetteer& gaz_;
  const Document& doc_;
  const TokenView& tv_;
  std::vector<MentionDraft>& mentions_;
  std::vector<bool> covered_;
  ReferentMap short_forms_, acronyms_;
};

}  // namespace

void LinkMentions(const Gazetteer& gazetteer, const Document& doc, const TokenView& tokens,
                  std::vector<MentionDraft>* mentions) {
  Linker(gazetteer, doc, tokens, mentions).Run();
}

}  // namespace sitrep
