#include "ner/gazetteer_match.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "ner/entity_fold.h"
#include "ner/ner_tagger.h"

namespace sitrep {
namespace {

constexpr uint32_t kMaxWords = 10;  // longest name, in words

bool IsJoiner(std::string_view w) {
  if (w == "\xE2\x80\x99" || w == "\xE2\x80\x93") return true;  // ’ and –
  if (w.size() != 1) return false;
  char c = w[0];
  return c == '-' || c == '\'' || c == '.' || c == '/' || c == '&';
}

// Whether matched words [b, e) pass the casing test of their entry.
bool CasingOk(const Gazetteer& gaz, const SentenceWords& w, uint32_t b, uint32_t e,
              const NameEntry& entry) {
  std::string_view key0 = w.folded(b);
  if (w.uncased()) {
    if (entry.common) return false;
    if (e - b == 1 && gaz.IsFunctionWord(key0)) return false;
    return true;
  }
  if (!(w.flags(b) & SentenceWords::kCapitalized)) return false;
  // "Russian capital" (a WordNet name of Moscow) is no name in cased text;
  // "Kursk region" (a subdivision's generic word) and the curated tables'
  // aliases ("Russian troops") are.
  if (e - b >= 2 && entry.priority < kPriorityCurated &&
      (w.flags(e - 1) & SentenceWords::kHasAlpha) && !(w.flags(e - 1) & SentenceWords::kHasUpper)) {
    const auto& generic = gaz.words().subdivision_types;
    if (std::find(generic.begin(), generic.end(), w.folded(e - 1)) == generic.end()) return false;
  }
  if (entry.acronym) {
    for (uint32_t i = b; i < e; ++i) {
      if (w.flags(i) & SentenceWords::kHasLower) return false;
    }
  }
  return true;
}

// "BelTA", "McKinsey": a capital after a lower-case letter. Such words are
// brands and acronyms, not misspelled places.
bool HasInnerCapital(std::string_view word) {
  bool lower = false;
  for (unsigned char c : word) {
    if (c >= 'a' && c <= 'z') lower = true;
    if (c >= 'A' && c <= 'Z' && lower) return true;
  }
  return false;
}

// Whether word i may be part of a misspelled place name: capitalized, not
// ALL-CAPS, no function or title word. (A one-word name also needs a word
// that is no English word: a longer name may start with one, "Khan Younis".)
// `hash` is FlatStringTable::Hash of its folded form.
bool FuzzyCandidate(const Gazetteer& gaz, const SentenceWords& w, uint32_t i, uint64_t hash) {
  const uint8_t f = w.flags(i);
  if (!(f & SentenceWords::kCapitalized) || (f & SentenceWords::kAllCaps)) return false;
  std::string_view k = w.folded(i);
  return !k.empty() && !gaz.IsFunctionWord(k, hash) && !gaz.IsTitle(k, hash) &&
         !HasInnerCapital(w.word(i));
}

}  // namespace

void SentenceWords::Clear() {
  words_.clear();
  folded_.clear();
  uncased_ = false;
}

void SentenceWords::Reserve(size_t words, size_t bytes) {
  words_.reserve(words);
  folded_.reserve(bytes);
}

void SentenceWords::Add(std::string_view word) {
  Word w;
  w.text = word;
  w.fold_begin = static_cast<uint32_t>(folded_.size());
  uint8_t f = 0;
  bool upper = false, lower = false, first_upper = false;
  // One pass finds the case and folds (AppendFolded on ASCII: letters and
  // digits, lowercased) until it meets a byte outside ASCII; such a word
  // starts again below.
  bool ascii = true;
  // Written in place: room for every byte, cut to what was kept.
  folded_.resize(w.fold_begin + word.size());
  char* out = folded_.data() + w.fold_begin;
  size_t kept = 0;
  for (unsigned char c : word) {
    if (c >= 0x80) {
      ascii = false;
      break;
    }
    const bool is_upper = c >= 'A' && c <= 'Z';
    const bool is_lower = c >= 'a' && c <= 'z';
    upper |= is_upper;
    lower |= is_lower;
    if (is_upper) {
      out[kept++] = static_cast<char>(c + ('a' - 'A'));
    } else if (is_lower || (c >= '0' && c <= '9')) {
      out[kept++] = static_cast<char>(c);
    }
  }
  folded_.resize(w.fold_begin + kept);
  if (ascii) {
    first_upper = !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
  } else {
    folded_.resize(w.fold_begin);
    upper = lower = false;
    AppendFolded(word, &folded_);
    // Cyrillic, Greek, accented Latin: ask ICU for the case of each letter.
    int32_t i = 0;
    const int32_t len = static_cast<int32_t>(word.size());
    bool first = true;
    while (i < len) {
      UChar32 c;
      U8_NEXT(word.data(), i, len, c);
      if (c < 0) continue;
      if (u_isupper(c) || u_istitle(c)) upper = true;
      if (u_islower(c)) lower = true;
      if (first && u_isalpha(c)) first_upper = u_isupper(c) || u_istitle(c);
      if (u_isalpha(c)) first = false;
    }
  }
  w.fold_end = static_cast<uint32_t>(folded_.size());
  if (first_upper) f |= kCapitalized;
  if (upper || lower) f |= kHasAlpha;
  if (lower) f |= kHasLower;
  if (upper) f |= kHasUpper;
  if (upper && !lower) f |= kAllCaps;
  if (IsJoiner(word)) f |= kJoiner;
  w.flags = f;
  words_.push_back(w);
}

void SentenceWords::Finish(bool force_uncased) {
  if (force_uncased) {
    uncased_ = true;
    return;
  }
  int alpha = 0, caps = 0;
  for (const Word& w : words_) {
    if (!(w.flags & kHasAlpha)) continue;
    ++alpha;
    if (w.flags & kAllCaps) ++caps;
  }
  uncased_ = alpha >= 3 && caps * 10 >= alpha * 8;
}

std::vector<NameMatch> MatchNames(const Gazetteer& gaz, const SentenceWords& w) {
  std::vector<NameMatch> out;
  MatchNames(gaz, w, &out);
  return out;
}

void MatchNames(const Gazetteer& gaz, const SentenceWords& w, std::vector<NameMatch>* out) {
  // Called for every sentence: the scratch buffers are kept per thread.
  thread_local std::vector<NameMatch> found;
  thread_local std::string key;
  thread_local std::vector<uint64_t> word_hash;
  found.clear();
  const uint32_t n = static_cast<uint32_t>(w.size());
  // In a cased sentence every match (exact or one edit away) must start with
  // a capitalized word (CasingOk, FuzzyCandidate): other starts are not
  // looked up at all. In an uncased sentence every word may start one.
  const bool uncased = w.uncased();
  auto may_start = [&](uint32_t b) {
    return !w.folded(b).empty() && (uncased || (w.flags(b) & SentenceWords::kCapitalized));
  };
  // Every start looks its first word up: those random reads are started
  // together for the whole sentence.
  word_hash.resize(n);
  for (uint32_t b = 0; b < n; ++b) {
    if (!may_start(b)) continue;
    word_hash[b] = FlatStringTable::Hash(w.folded(b));
    gaz.PrefetchKey(word_hash[b]);
  }
  // FuzzyCandidate of each word, asked for up to three times (as a start and
  // inside the names of the two words before it): -1 until known. Only in a
  // cased sentence, where its capitalized words have their hash above.
  thread_local std::vector<int8_t> fuzzy_ok;
  fuzzy_ok.assign(n, -1);
  auto fuzzy_candidate = [&](uint32_t i) {
    if (fuzzy_ok[i] < 0) fuzzy_ok[i] = FuzzyCandidate(gaz, w, i, word_hash[i]) ? 1 : 0;
    return fuzzy_ok[i] == 1;
  };
  for (uint32_t b = 0; b < n; ++b) {
    if (!may_start(b)) continue;
    NameMatch best;
    for (uint32_t e = b; e < n && e - b < kMaxWords; ++e) {
      std::string_view f = w.folded(e);
      if (f.empty()) {
        if (w.flags(e) & SentenceWords::kJoiner) continue;
        break;
      }
      bool is_prefix = false;
      const NameEntry* entry;
      if (e == b) {
        // The first word alone is looked up in place; the key is built only
        // when the walk goes on.
        entry = gaz.FindWithPrefix(f, word_hash[b], &is_prefix);
        if (is_prefix) key.assign(f);
      } else {
        key.append(f);
        entry = gaz.FindWithPrefix(key, &is_prefix);
      }
      if (entry != nullptr && CasingOk(gaz, w, b, e + 1, *entry)) {
        best.begin = b;
        best.end = e + 1;
        best.entry = entry;
        best.needs_confirmation = entry->common;
      }
      if (!is_prefix) break;
    }
    // One edit away from a known name: a capitalized single word of five or
    // more letters that is no English word ("Kurks" -> Kursk).
    if (best.entry == nullptr && !uncased && w.folded(b).size() >= 5 && fuzzy_candidate(b) &&
        !gaz.IsCommonWord(w.folded(b), word_hash[b])) {
      if (const NameEntry* entry = gaz.FindFuzzy(w.folded(b))) {
        best.begin = b;
        best.end = b + 1;
        best.entry = entry;
        best.fuzzy = true;
      }
    }
    // A place of two or three words one edit away ("Khan Younis" for the
    // GeoNames "Khan Yunis"): capitalized words only, longer than any exact
    // match from this start.
    if ((best.entry == nullptr || best.end - best.begin == 1) && !uncased && fuzzy_candidate(b)) {
      key.assign(w.folded(b));
      for (uint32_t e = b + 1; e < n && e < b + 3; ++e) {
        if (!fuzzy_candidate(e)) break;
        key.append(w.folded(e));
        if (key.size() < 8) continue;
        if (const NameEntry* entry = gaz.FindFuzzy(key, nullptr, /*multiword=*/true)) {
          best.begin = b;
          best.end = e + 1;
          best.entry = entry;
          best.fuzzy = true;
          best.needs_confirmation = false;
        }
      }
    }
    if (best.entry != nullptr) found.push_back(best);
  }
  // Longest first, then priority, then earliest; keep non-overlapping.
  if (found.empty()) return;
  const auto first = static_cast<std::ptrdiff_t>(out->size());
  thread_local std::vector<size_t> order;
  order.resize(found.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    const NameMatch& a = found[x];
    const NameMatch& c = found[y];
    if (a.end - a.begin != c.end - c.begin) return a.end - a.begin > c.end - c.begin;
    if (a.entry->priority != c.entry->priority) return a.entry->priority > c.entry->priority;
    return a.begin < c.begin;
  });
  thread_local std::vector<uint8_t> taken;
  taken.assign(n, 0);
  for (size_t i : order) {
    const NameMatch& m = found[i];
    bool free = true;
    for (uint32_t k = m.begin; k < m.end && free; ++k) free = !taken[k];
    if (!free) continue;
    for (uint32_t k = m.begin; k < m.end; ++k) taken[k] = 1;
    out->push_back(m);
  }
  std::sort(out->begin() + first, out->end(),
            [](const NameMatch& a, const NameMatch& b) { return a.begin < b.begin; });
}

void HintsFromMatches(const Gazetteer& gaz, const SentenceWords& w,
                      std::span<const NameMatch> matches, uint8_t* hints) {
  for (size_t i = 0; i < w.size(); ++i) {
    hints[i] = ((w.flags(i) & SentenceWords::kCapitalized) && gaz.IsTitle(w.folded(i))) ? kHintTitle
                                                                                        : kHintNone;
  }
  for (const NameMatch& m : matches) {
    if (m.needs_confirmation) continue;
    // The model was trained without the one-edit matches of several words.
    if (m.fuzzy && m.end - m.begin > 1) continue;
    uint8_t h = kHintNone;
    if (m.entry->demonym) {
      h = kHintNorp;
    } else {
      switch (gaz.actor(m.entry->actor).type) {
        case ActorType::kPerson:
          h = kHintPerson;
          break;
        case ActorType::kOrg:
          h = kHintOrg;
          break;
        case ActorType::kMilitary:
          h = kHintOrg;
          break;
        case ActorType::kGpe:
          h = kHintGpe;
          break;
        case ActorType::kLoc:
          h = kHintLoc;
          break;
        case ActorType::kNorp:
          h = kHintNorp;
          break;
        case ActorType::kMisc:
          h = kHintMisc;
          break;
      }
    }
    for (uint32_t k = m.begin; k < m.end; ++k) hints[k] = h;
  }
}

void GazetteerHints(const Gazetteer& gaz, const std::vector<std::string_view>& words,
                    uint8_t* hints) {
  SentenceWords w;
  for (std::string_view s : words) w.Add(s);
  w.Finish(false);
  HintsFromMatches(gaz, w, MatchNames(gaz, w), hints);
}

}  // namespace sitrep
