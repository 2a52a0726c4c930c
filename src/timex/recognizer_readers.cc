// Unit readers of the time grammar: days, months, years, numbers, phrases.
#include "timex/recognizer.h"

namespace sitrep::timex {

size_t Recognizer::ReadPhrase(size_t i, Cls cls, const LexEntry** entry) const {
  const auto& u = *u_;
  if (i >= n_) return 0;
  const auto* phrases = u[i].Is(Cls::kPhraseStart) ? lex_.PhrasesFrom(u[i].lower) : nullptr;
  if (phrases != nullptr) {
    for (const Phrase& p : *phrases) {
      if (!p.entry->Has(cls) || i + p.words.size() > n_) continue;
      bool ok = true;
      for (size_t k = 0; k < p.words.size() && ok; ++k) {
        ok = u[i + k].lower == p.words[k] &&
             (k == 0 || u[i + k].kind != UnitKind::kPunct || !u[i + k].space_before);
      }
      if (ok) {
        *entry = p.entry;
        return i + p.words.size();
      }
    }
  }
  if (u[i].Is(cls)) {
    *entry = u[i].lex;
    return i + 1;
  }
  return 0;
}

size_t Recognizer::ReadDay(size_t i, int* day) const {
  const auto& u = *u_;
  if (i >= n_) return 0;
  const Unit& x = u[i];
  if (x.kind == UnitKind::kNumber && x.ndigits <= 2 && x.num >= 1 && x.num <= 31) {
    size_t j = i + 1;
    if (j < n_ && !u[j].space_before) {
      const Unit& s = u[j];
      if (s.IsWord("st") || s.IsWord("nd") || s.IsWord("rd") || s.IsWord("th")) {
        ++j;
      } else if (s.kind == UnitKind::kNumber || s.IsPunct(":") || (s.kind == UnitKind::kWord) ||
                 ((s.IsPunct(",") || s.IsPunct(".")) && j + 1 < n_ && !u[j + 1].space_before &&
                  u[j + 1].kind == UnitKind::kNumber)) {
        return 0;  // 10:30, 10,000, 3.5, 5km
      }
    }
    if (i > 0 && !x.space_before &&
        (u[i - 1].IsPunct(",") || u[i - 1].IsPunct(".") || u[i - 1].IsPunct("$"))) {
      return 0;
    }
    *day = static_cast<int>(x.num);
    return j;
  }
  if (x.Is(Cls::kOrdinal) && x.lex->I(Cls::kOrdinal) <= 31) {
    *day = x.lex->I(Cls::kOrdinal);
    return i + 1;
  }
  // twenty-first
  if (x.Is(Cls::kNumber) && (x.lex->I(Cls::kNumber) == 20 || x.lex->I(Cls::kNumber) == 30) &&
      i + 2 < n_ && u[i + 1].IsDash() && !u[i + 1].space_before && u[i + 2].Is(Cls::kOrdinal) &&
      u[i + 2].lex->I(Cls::kOrdinal) < 10) {
    int d = x.lex->I(Cls::kNumber) + u[i + 2].lex->I(Cls::kOrdinal);
    if (d > 31) return 0;
    *day = d;
    return i + 3;
  }
  return 0;
}

size_t Recognizer::ReadMonth(size_t i, int* month, bool need_context) const {
  const auto& u = *u_;
  if (i >= n_) return 0;
  const Unit& x = u[i];
  if (x.Is(Cls::kMonth) &&
      (x.cap || (x.lower.size() > 3 && text_[x.start + 1] >= 'A' && text_[x.start + 1] <= 'Z'))) {
    if (need_context && (x.lower == "may" || x.lower == "march")) {
      bool ctx = false;
      if (i > 0) {
        const Unit& p = u[i - 1];
        ctx = p.Is(Cls::kYearCue) || p.Is(Cls::kModPre) || p.Is(Cls::kRelDet) || p.IsDash();
        if (p.IsWord("may") || p.IsWord("will") || p.IsWord("to"))
          ctx = p.IsWord("to") && i > 1 && u[i - 2].kind == UnitKind::kNumber;
      }
      if (!ctx) return 0;
    }
    *month = x.lex->I(Cls::kMonth);
    return i + 1;
  }
  if (x.Is(Cls::kMonthAbbr) && x.cap && x.lower.size() <= 4 && x.lower != "may") {
    size_t j = i + 1;
    if (j < n_ && u[j].IsPunct(".") && !u[j].space_before) ++j;
    if (j < n_ && u[j].kind == UnitKind::kNumber) {
      *month = x.lex->I(Cls::kMonthAbbr);
      return j;
    }
  }
  return 0;
}

size_t Recognizer::ReadYear(size_t i, int* year, bool strict) const {
  const auto& u = *u_;
  if (i >= n_) return 0;
  const Unit& x = u[i];
  if (x.kind != UnitKind::kNumber || x.ndigits != 4 || x.num < 1000 || x.num > 2199) return 0;
  if (i > 0 && !x.space_before) {
    const Unit& p = u[i - 1];
    if (p.IsPunct(",") || p.IsPunct(".") || p.IsPunct("$") || p.IsPunct("#") ||
        p.kind == UnitKind::kWord || p.IsPunct("/") || p.IsPunct(":")) {
      return 0;
    }
    if (p.IsDash() && i > 1 && !p.space_before && u[i - 2].kind == UnitKind::kNumber &&
        u[i - 2].ndigits != 4) {
      return 0;  // 555-1234
    }
  }
  size_t j = i + 1;
  if (j < n_ && !u[j].space_before) {
    const Unit& s = u[j];
    if (s.kind == UnitKind::kNumber || s.kind == UnitKind::kWord || s.IsPunct("%")) return 0;
    if ((s.IsPunct(",") || s.IsPunct(".") || s.IsPunct(":") || s.IsPunct("/")) && j + 1 < n_ &&
        !u[j + 1].space_before && u[j + 1].kind == UnitKind::kNumber) {
      return 0;
    }
    if (s.IsDash() && j + 1 < n_ && !u[j + 1].space_before && u[j + 1].kind == UnitKind::kNumber &&
        u[j + 1].ndigits != 4 && u[j + 1].ndigits != 2) {
      return 0;
    }
  }
  if (strict) {
    bool cue = i > 0 && (u[i - 1].Is(Cls::kYearCue) || u[i - 1].Is(Cls::kMonth) ||
                         u[i - 1].Is(Cls::kModPre) || u[i - 1].IsDash() || u[i - 1].IsPunct("("));
    if (i > 0 && (u[i - 1].IsWord("top") || u[i - 1].IsWord("no") || u[i - 1].IsWord("number") ||
                  u[i - 1].IsWord("f") || u[i - 1].IsWord("su") || u[i - 1].IsWord("model"))) {
      return 0;
    }
    if (j < n_ && u[j].Is(Cls::kNotYearNext)) return 0;
    if (!cue && (x.num < 1800 || x.num > 2099)) return 0;
  }
  *year = static_cast<int>(x.num);
  return j;
}

size_t Recognizer::ReadNumber(size_t i, int* n, bool allow_article) const {
  const auto& u = *u_;
  if (i >= n_) return 0;
  const Unit& x = u[i];
  if (x.kind == UnitKind::kNumber) {
    if (x.ndigits > 4 || x.num > 5000) return 0;
    if (i > 0 && !x.space_before &&
        (u[i - 1].IsPunct(",") || u[i - 1].IsPunct(".") || u[i - 1].IsPunct("/") ||
         u[i - 1].kind == UnitKind::kNumber)) {
      return 0;
    }
    size_t j = i + 1;
    if (j < n_ && !u[j].space_before &&
        (u[j].IsPunct(",") || u[j].IsPunct(".") || u[j].IsPunct("/") || u[j].IsPunct(":")) &&
        j + 1 < n_ && !u[j + 1].space_before && u[j + 1].kind == UnitKind::kNumber) {
      return 0;
    }
    *n = static_cast<int>(x.num);
    return j;
  }
  if (x.Is(Cls::kNumber)) {
    int v = x.lex->I(Cls::kNumber);
    size_t j = i + 1;
    if (v >= 20 && v <= 90 && j + 1 < n_ && u[j].IsDash() && !u[j].space_before &&
        u[j + 1].Is(Cls::kNumber) && u[j + 1].lex->I(Cls::kNumber) < 10) {
      v += u[j + 1].lex->I(Cls::kNumber);
      j += 2;
    }
    if (v == 100 && i > 0) return 0;
    *n = v;
    return j;
  }
  if (x.IsWord("several") || x.IsWord("many") || x.IsWord("few")) {
    *n = -1;
    return i + 1;
  }
  if (x.IsWord("a") && i + 1 < n_ && u[i + 1].IsWord("few")) {
    *n = -1;
    return i + 2;
  }
  if (x.IsWord("a") && i + 2 < n_ && u[i + 1].IsWord("couple") && u[i + 2].IsWord("of")) {
    *n = 2;
    return i + 3;
  }
  if (allow_article && (x.IsWord("a") || x.IsWord("an"))) {
    *n = 1;
    return i + 1;
  }
  return 0;
}

}  // namespace sitrep::timex
