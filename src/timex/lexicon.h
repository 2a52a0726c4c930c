// The word lists of the time tagger, read from data/lexicons/timex-*.tsv
// (format: docs/lexicon-timex.md). One line is `phrase<TAB>class<TAB>value`.
// A phrase of several words ("new year's eve", "more than") is matched as a
// sequence of scanner units; single words are looked up in one hash table.
//
// Thread safety: immutable after Load; safe to share between threads.
#ifndef SITREP_TIMEX_LEXICON_H_
#define SITREP_TIMEX_LEXICON_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/status.h"

namespace sitrep::timex {

enum class Cls : uint8_t {
  kMonth,        // january -> 1
  kMonthAbbr,    // jan -> 1 (only before a number or "." )
  kWeekday,      // monday -> 1 (ISO)
  kWeekdayAbbr,  // mon -> 1
  kSeason,       // spring -> SP
  kNumber,       // three -> 3
  kOrdinal,      // third -> 3
  kUnit,         // days -> D, hours -> H, minutes -> TM, decades -> DE
  kPartOfDay,    // morning -> MO
  kDayRel,       // yesterday -> -1
  kRef,          // now -> PRESENT_REF
  kModPre,       // early -> START
  kDurMod,       // about -> APPROX, more than -> MORE_THAN
  kRelDet,       // last -> -1, next -> 1, this -> 0
  kSet,          // daily -> P1D
  kZone,         // gmt -> +00:00 ; kyiv time -> EU+02:00
  kNamedDay,     // christmas -> 12-25 ; easter -> EASTER
  kNamedPeriod,  // cold war -> 1947/1991
  kFutureCue,    // will
  kPastCue,      // said
  kYearCue,      // in, since (a 4-digit number after it is a year)
  kNotYearNext,  // troops (a 4-digit number before it is a count)
  kStarter,      // the, every: may start an expression though it means nothing alone
  kVerb,         // was -> PAST, will -> WILL, held -> PART: verb-group roles (tense)
  kPhraseStart,  // first word of a multi-word phrase (set by the loader)
  kCount
};
inline constexpr int kNumClasses = static_cast<int>(Cls::kCount);

// Everything one phrase means, by class.
struct LexEntry {
  uint32_t mask = 0;
  std::array<int16_t, kNumClasses> ival{};
  std::array<std::string, kNumClasses> sval;
  bool Has(Cls c) const { return mask & (1u << static_cast<int>(c)); }
  int I(Cls c) const { return ival[static_cast<int>(c)]; }
  const std::string& S(Cls c) const { return sval[static_cast<int>(c)]; }
};

struct Phrase {
  std::vector<std::string> words;  // lowercased scanner units
  const LexEntry* entry = nullptr;
};

class Lexicon {
 public:
  // Reads every data/lexicons/timex-*.tsv file under `dir`.
  static StatusOr<std::unique_ptr<Lexicon>> Load(const std::string& dir);
  // Parses one file's contents (used by Load and by tests).
  Status AddTsv(std::string_view contents, std::string_view origin);

  // Single-word entry for a lowercase word, or null.
  const LexEntry* Find(std::string_view lower) const {
    // Called for every word of the text, and most words are not in the
    // lexicon: a bit per (first letter, last letter, length) answers most of
    // them without hashing the word.
    if (!MayContain(lower)) return nullptr;
    auto it = words_.find(lower);
    return it == words_.end() ? nullptr : it->second.get();
  }
  // Multi-word phrases starting with this lowercase word (longest first).
  const std::vector<Phrase>* PhrasesFrom(std::string_view lower) const {
    auto it = phrases_.find(lower);
    return it == phrases_.end() ? nullptr : &it->second;
  }
  size_t size() const { return words_.size() + phrase_entries_.size(); }

 private:
  static size_t FilterBit(std::string_view w) {
    if (w.empty()) return 0;
    size_t h = static_cast<unsigned char>(w.front());
    h = h * 31 + static_cast<unsigned char>(w.back());
    h = h * 31 + w.size();
    return h % kFilterBits;
  }
  bool MayContain(std::string_view w) const {
    size_t b = FilterBit(w);
    return (filter_[b / 64] >> (b % 64)) & 1;
  }
  // Adds a key of words_ (every insertion goes through here).
  std::string_view AddWordKey(std::string_view w);

  static constexpr size_t kFilterBits = 1 << 14;  // 2 KB for ~400 words: few false hits
  std::array<uint64_t, kFilterBits / 64> filter_{};
  std::vector<std::unique_ptr<std::string>> keys_;  // stable storage for keys
  std::unordered_map<std::string_view, std::unique_ptr<LexEntry>> words_;
  std::unordered_map<std::string_view, std::vector<Phrase>> phrases_;
  std::unordered_map<std::string, std::unique_ptr<LexEntry>> phrase_entries_;
};

// Splits a phrase into lowercase scanner-unit strings ("new year's" ->
// "new" "year" "'" "s").
std::vector<std::string> SplitPhrase(std::string_view phrase);

}  // namespace sitrep::timex

#endif  // SITREP_TIMEX_LEXICON_H_
