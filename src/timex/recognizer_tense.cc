// The tense of the clause a weekday or a year-less date is in, read from the
// verb group that governs it. No part-of-speech tags: the timex stage is also
// run without them (`sitrep eval timex`, the timeline eval), so the roles of
// the words come from the `verb` class of timex-cues.tsv, plus any lowercase
// word ending in -ed (a past form or participle unless it follows a
// determiner or a hyphen: "the occupied city", "Russian-backed").
//
// The governing group is the nearest one to the left of the date within its
// clause ("was killed in a strike on Berdyansk on July 10", "talks will be
// held on July 10"), else the nearest one to the right ("On Friday, Russia
// launched ..."). The group is read from its first finite word: will/shall →
// future; would/could/may... → future, weakly (past with "have"); was/were/
// had/did → past; has/have + participle → past (present perfect); is/are + to
// → future; a future word anywhere in it (scheduled, expected, plans, set
// to) → future (weakly under a past auxiliary: "was expected to"); a bare
// past form → past. "will be held" is future though "held" is a past form.
#include "timex/recognizer.h"

namespace sitrep::timex {
namespace {

enum class Role : uint8_t {
  kNone,
  kWill,
  kModal,
  kPast,
  kPerf,
  kPres,
  kBe,
  kPart,
  kReport,
  kFuture,
  kFutureTo,
  kFutureWeak,
  kNotVerb,
  kAdverb,  // inside a group: not, also, already, -ly words
  kTo,
  kIng,
};

Role LexRole(const std::string& v) {
  if (v == "WILL") return Role::kWill;
  if (v == "MODAL") return Role::kModal;
  if (v == "PAST") return Role::kPast;
  if (v == "PERF") return Role::kPerf;
  if (v == "PRES") return Role::kPres;
  if (v == "BE") return Role::kBe;
  if (v == "PART") return Role::kPart;
  if (v == "REPORT") return Role::kReport;
  if (v == "FUTURE") return Role::kFuture;
  if (v == "FUTURE_TO") return Role::kFutureTo;
  if (v == "FUTURE_WEAK") return Role::kFutureWeak;
  return Role::kNotVerb;
}

bool IsDeterminer(const Unit& x) {
  static constexpr std::string_view kDet[] = {"the",   "a",    "an",   "its",  "their", "his",
                                              "her",   "our",  "my",   "your", "this",  "these",
                                              "those", "that", "some", "any",  "no",    "every"};
  if (x.kind != UnitKind::kWord) return false;
  for (std::string_view d : kDet) {
    if (x.lower == d) return true;
  }
  return false;
}

bool IsAdverb(const Unit& x) {
  static constexpr std::string_view kAdv[] = {"not",  "also", "already", "still", "never",
                                              "just", "yet",  "again",   "first", "then",
                                              "ever", "even", "soon",    "later", "now"};
  if (x.kind != UnitKind::kWord || x.cap) return false;
  for (std::string_view a : kAdv) {
    if (x.lower == a) return true;
  }
  return x.lower.size() > 4 && x.lower.substr(x.lower.size() - 2) == "ly";
}

bool IsApostrophe(const Unit& x) { return x.IsPunct("'"); }

// Prepositions: a word ending in -ed right after one is an adjective ("to
// occupied areas", "in annexed Crimea"), not a verb.
bool IsPreposition(const Unit& x) {
  static constexpr std::string_view kPrep[] = {"to",   "in",      "of",     "on",      "at",
                                               "from", "with",    "into",   "for",     "against",
                                               "over", "near",    "toward", "towards", "across",
                                               "onto", "through", "under",  "about",   "without"};
  if (x.kind != UnitKind::kWord) return false;
  for (std::string_view p : kPrep) {
    if (x.lower == p) return true;
  }
  return false;
}

// -ing words that are not verb forms.
bool IsIngNoun(std::string_view w) {
  static constexpr std::string_view kNot[] = {"during",  "according", "including", "morning",
                                              "evening", "following", "spring",    "something",
                                              "nothing", "anything",  "everything"};
  for (std::string_view n : kNot) {
    if (w == n) return true;
  }
  return false;
}

// Words that end the clause a date is in, looking away from it: 1 for a
// coordinator ("and", "but", ";"), whose clauses tend to share a time frame,
// 2 for a subordinator ("that", "which", "when", "before"), 0 for neither.
int BoundaryKind(const Unit& x) {
  static constexpr std::string_view kSub[] = {"that",  "which",   "who",    "whom",     "whose",
                                              "where", "because", "if",     "although", "though",
                                              "while", "whereas", "unless", "whether",  "despite",
                                              "when",  "before",  "after",  "once"};
  if (x.kind == UnitKind::kPunct) {
    if (x.IsPunct(";")) return 1;
    return x.IsPunct(":") || x.IsPunct("(") || x.IsPunct(")") ? 2 : 0;
  }
  if (x.kind != UnitKind::kWord) return 0;
  if (x.lower == "and" || x.lower == "but" || x.lower == "or") return 1;
  for (std::string_view w : kSub) {
    if (x.lower == w) return 2;
  }
  return 0;
}

// The role of unit k of u (n units) in a verb group.
Role RoleAt(const std::vector<Unit>& u, size_t n, size_t k) {
  const Unit& x = u[k];
  if (x.kind == UnitKind::kPunct) {
    // The apostrophe of "won't", "didn't", "'ll" belongs to its group.
    return IsApostrophe(x) && k + 1 < n && (u[k + 1].IsWord("t") || u[k + 1].IsWord("ll"))
               ? Role::kAdverb
               : Role::kNone;
  }
  if (x.kind != UnitKind::kWord) return Role::kNone;
  const bool after_apostrophe = k > 0 && IsApostrophe(u[k - 1]) && !x.space_before;
  if (after_apostrophe && x.lower == "ll") return Role::kWill;
  if (after_apostrophe && x.lower == "t") return Role::kAdverb;
  const bool before_nt =
      k + 2 < n && IsApostrophe(u[k + 1]) && u[k + 2].IsWord("t") && !u[k + 1].space_before;
  if (before_nt && x.lower == "won") return Role::kWill;  // won't
  if (before_nt && (x.lower == "don" || x.lower == "doesn")) return Role::kPres;
  if (x.IsWord("to")) return Role::kTo;
  // After a determiner, a hyphen or a possessive a past form is an
  // adjective ("the occupied city", "Russian-backed", "Kyiv's embattled").
  const bool hyphen = k > 0 && u[k - 1].IsDash() && !x.space_before && !u[k - 1].space_before;
  const bool det = k > 0 && (IsDeterminer(u[k - 1]) || hyphen ||
                             (u[k - 1].IsWord("s") && k > 1 && IsApostrophe(u[k - 2])));
  const bool adjective = det || (k > 0 && IsPreposition(u[k - 1]));
  if (x.Is(Cls::kVerb)) {
    Role r = LexRole(x.lex->S(Cls::kVerb));
    if (x.cap && r == Role::kModal && x.lower == "may") return Role::kNone;  // the month
    if (r == Role::kFutureTo) {
      const bool to = k + 1 < n && (u[k + 1].IsWord("to") || u[k + 1].IsWord("for"));
      return to ? Role::kFuture : Role::kNone;
    }
    if ((r == Role::kPart || r == Role::kReport) && adjective) return Role::kNone;
    if (r == Role::kFuture && det) return Role::kFutureWeak;  // "the plan", "Kyiv's plans"
    if (x.IsWord("due")) {
      // "is due to visit", not "due to the war".
      const Role before = k > 0 ? RoleAt(u, n, k - 1) : Role::kNone;
      return before == Role::kPres || before == Role::kPast || before == Role::kBe ? r
                                                                                   : Role::kNone;
    }
    return r;
  }
  if (x.Is(Cls::kFutureCue) && x.IsWord("until")) return Role::kFutureWeak;
  if (x.IsWord("since") || x.IsWord("ago")) return Role::kNone;  // handled by ReadTense
  if (IsAdverb(x)) return Role::kAdverb;
  if (x.cap || x.lower.size() <= 4) return Role::kNone;
  const std::string_view w = x.lower;
  if (w.substr(w.size() - 2) == "ed") {
    // "proceed", "succeed": present forms; "agreed", "freed" are in the lexicon.
    if (w.substr(w.size() - 3) == "eed") return Role::kNone;
    return adjective ? Role::kNone : Role::kPart;
  }
  if (w.substr(w.size() - 3) == "ing") return IsIngNoun(w) ? Role::kNone : Role::kIng;
  return Role::kNone;
}

// Whether a role starts a group reading when met looking for one. A bare
// "is", "has" or "-ing" word says nothing about time ("the deadline is July
// 10", "Ukraine has talks on Friday"): only inside a group.
bool IsSignal(Role r) {
  return r == Role::kWill || r == Role::kModal || r == Role::kPast || r == Role::kPart ||
         r == Role::kReport || r == Role::kFuture || r == Role::kFutureWeak || r == Role::kPres ||
         r == Role::kPerf;
}

// Whether a role may be part of a group around a signal.
bool InGroup(Role r) {
  return r == Role::kWill || r == Role::kModal || r == Role::kPast || r == Role::kPerf ||
         r == Role::kPres || r == Role::kBe || r == Role::kAdverb || r == Role::kTo ||
         r == Role::kFuture || r == Role::kFutureWeak || r == Role::kPart || r == Role::kIng;
}

}  // namespace

Recognizer::TenseRead Recognizer::ReadTense(size_t b, size_t e) const {
  const auto& u = *u_;
  constexpr size_t kReach = 16;
  // The group [s, t] (inclusive) read from its finite word. `found` is false
  // when it says nothing about time (a bare "is", "has been" alone...).
  auto classify = [&](size_t s, size_t t, bool left, bool* found) {
    TenseRead r;
    *found = true;
    Role finite = Role::kNone;
    bool future = false, future_weak = false, part = false, ing = false, have_after = false,
         to_after_finite = false;
    size_t finite_at = 0;
    for (size_t k = s; k <= t; ++k) {
      const Role x = RoleAt(u, n_, k);
      if (finite == Role::kNone &&
          (x == Role::kWill || x == Role::kModal || x == Role::kPast || x == Role::kPerf ||
           x == Role::kPres || x == Role::kPart || x == Role::kReport || x == Role::kFuture ||
           x == Role::kFutureWeak || x == Role::kTo)) {
        finite = x;
        finite_at = k;
        continue;
      }
      if (x == Role::kFuture) future = true;
      if (x == Role::kFutureWeak) future_weak = true;
      if (x == Role::kPart || x == Role::kReport || x == Role::kBe) part = true;
      if (x == Role::kIng) ing = true;
      if (x == Role::kPerf) have_after = true;
      if (x == Role::kTo && k == finite_at + 1) to_after_finite = true;
    }
    switch (finite) {
      case Role::kWill:
        return TenseRead{1, true};
      case Role::kModal:
        return have_after ? TenseRead{-1, false} : TenseRead{1, false};
      case Role::kPast:
        if (future || future_weak) return TenseRead{1, false};  // "was expected to"
        return TenseRead{-1, true};
      case Role::kPerf:
      case Role::kPres:
        if (future || to_after_finite) return TenseRead{1, true};  // "is set to", "is to"
        if (future_weak) return TenseRead{1, false};
        // "is hosting talks on Wednesday"; not "the New Year show ... is
        // strengthening", where the date is not what the verb is about.
        if (finite == Role::kPres && ing && left) return TenseRead{1, false};
        if (finite == Role::kPerf && part) return TenseRead{-1, true};  // "has recaptured"
        // The clause's verb is in the present ("the deadline is July 10"):
        // nothing beyond it speaks for the date.
        return TenseRead{-1, false};
      case Role::kFuture:
        return TenseRead{1, true};
      case Role::kFutureWeak:
        return TenseRead{1, false};
      case Role::kPart:
        return TenseRead{-1, true};
      case Role::kReport:
        return TenseRead{-1, false};
      default:
        *found = false;
        return r;
    }
  };
  // Looks for a group left or right of the date, crossing clause boundaries
  // up to kind `cross` (0 none, 1 coordinators, 2 all; see BoundaryKind).
  // Returns whether one said something; *where is the unit of the group
  // nearest the date.
  auto look = [&](bool left, int cross, TenseRead* out, size_t* where) {
    const size_t reach = cross > 0 ? kReach + kReach / 2 : kReach;
    for (size_t dist = 1; dist <= reach; ++dist) {
      size_t k;
      if (left) {
        if (b < dist) return false;
        k = b - dist;
      } else {
        k = e + dist - 1;
        if (k >= n_) return false;
      }
      if (BoundaryKind(u[k]) > cross) return false;
      const Role r = RoleAt(u, n_, k);
      if (!IsSignal(r)) continue;
      // The whole group: auxiliaries before it, participles after it.
      size_t s = k, t = k;
      while (s > 0 && k - s < 6 && InGroup(RoleAt(u, n_, s - 1)) && (left || s - 1 >= e)) --s;
      while (t + 1 < n_ && t - k < 6 && InGroup(RoleAt(u, n_, t + 1)) && (!left || t + 1 < b)) {
        ++t;
      }
      bool found = false;
      TenseRead r2 = classify(s, t, left, &found);
      if (!found) continue;
      *out = r2;
      if (left) {
        while (t > k && (RoleAt(u, n_, t) == Role::kTo || RoleAt(u, n_, t) == Role::kAdverb)) --t;
      }
      *where = left ? t : s;
      return true;
    }
    return false;
  };

  // "since July 10": from then until now, before the document date.
  {
    size_t p = b;
    while (p > 0 && b - p < 3 && (u[p - 1].IsWord("the") || u[p - 1].Is(Cls::kModPre))) --p;
    if (p > 0 && u[p - 1].IsWord("since")) return TenseRead{-1, true};
  }
  TenseRead r;
  size_t where = 0;
  bool left = true;
  if (look(true, 0, &r, &where)) {
    left = true;
  } else if (look(false, 0, &r, &where)) {
    left = false;
  } else {
    // Nothing in the clause: the nearest group beyond it, as a weak hint;
    // to the right only across a coordinator (not into a subordinate
    // clause: "Medvedev's remarks Sunday raise the possibility that Russia
    // could lose"). Else the default.
    TenseRead a, c;
    size_t wa = 0, wc = 0;
    const bool fa = look(true, 2, &a, &wa), fc = look(false, 1, &c, &wc);
    if (fa && (!fc || b - wa <= wc - e + 1)) {
      r = a;
    } else if (fc) {
      r = c;
    } else {
      r = TenseRead();
    }
    r.strong = false;
    return r;
  }
  if (left && r.strong && r.dir < 0) {
    // A target or an infinitive between the group and the date: the date
    // is what was aimed at ("postponed to July 10", "agreed to meet on
    // Friday", "called for talks in July"), not when the verb happened.
    for (size_t k = where + 1; k < b; ++k) {
      if (u[k].IsWord("to") || u[k].IsWord("for")) r.strong = false;
    }
  }
  // "by July 10", "until August": deadlines.
  {
    size_t p = b;
    while (p > 0 && b - p < 3 && (u[p - 1].IsWord("the") || u[p - 1].Is(Cls::kModPre))) --p;
    if (r.dir < 0 && p > 0 &&
        (u[p - 1].IsWord("by") || u[p - 1].IsWord("until") || u[p - 1].IsWord("till") ||
         u[p - 1].IsWord("before"))) {
      r.strong = false;
    }
  }
  return r;
}

}  // namespace sitrep::timex
