// Numbers as English news writes them: digits ("10,000", "3.5", "70%",
// "$3.5bn", "10,000–15,000"), words ("six", "twenty-five", "a dozen",
// "three hundred"), digits with a scale word ("3.5 million") and orders of
// magnitude ("thousands", "tens of thousands"), which are kept as such.
//
// Number words, scales, magnitudes and suffixes come from
// data/lexicons/number-words.tsv; currency symbols and unit words from
// data/lexicons/unit-names.tsv (docs/lexicon-number.md, docs/lexicon-unit.md).
#ifndef SITREP_CLAIMS_NUMBER_PARSER_H_
#define SITREP_CLAIMS_NUMBER_PARSER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claims/lexicon.h"
#include "sitrep/status.h"

namespace sitrep::claims {

// A number read from one or more tokens.
struct NumberMatch {
  double min = 0, max = 0;  // equal unless a range or a magnitude
  std::string magnitude;    // "thousands", "tens of thousands"; empty = exact
  std::string unit;         // from a symbol or suffix in the token: "USD", "%"
  size_t end = 0;           // one past the last token consumed
  bool words = false;       // spelled out ("six") rather than digits
  bool has_comma = false;   // "10,000": never a year
  // The word a digit token is joined to by a hyphen ("32-member",
  // "20-year-old" -> "member", "year"); empty when none.
  std::string compound;
  // The digits have a two-digit decimal part ("14.00", "9.30"): the shape of
  // a clock time as well as of a figure.
  bool clock_shape = false;
};

class NumberParser {
 public:
  Status Load();

  // Reads the number starting at token i of `words` (lowercased tokens), or
  // returns nullopt. Consumes a following scale word ("3.5 million") and
  // "of" after a magnitude ("thousands of").
  std::optional<NumberMatch> ParseAt(const std::vector<std::string_view>& words, size_t i) const;

  // A share spelled as a fraction before "of" ("half of", "a third of",
  // "two-thirds of"): *out gets the percentage with unit "%", `end` at "of".
  bool ParseShare(const std::vector<std::string_view>& words, size_t i, NumberMatch* out) const;

  // Parses one digit token such as "10,000", "$3.5bn", "70%", "1,000-strong"
  // or "10,000–15,000". Returns false when the token is not a number.
  bool ParseDigitToken(std::string_view token, NumberMatch* out) const;

  // A unit word or phrase at token i ("percent", "per cent", "dollars",
  // "km"): sets *unit and *len. Symbols are read by ParseDigitToken.
  // False when no number can start at this (lowercased) word: not digits,
  // a symbol, a number word nor "a"/"an". Cheap, for skipping tokens.
  bool MayStartNumber(std::string_view w) const {
    if (w.empty()) return false;
    unsigned char c = static_cast<unsigned char>(w[0]);
    if (!(c >= 'a' && c <= 'z')) return true;
    return w == "a" || w == "an" || words_.MayStart(w);
  }

  bool UnitAt(const std::vector<std::string_view>& words, size_t i, std::string* unit,
              size_t* len) const;

 private:
  bool ParseWordNumber(const std::vector<std::string_view>& words, size_t i,
                       NumberMatch* out) const;
  // Value of a single number word ("six", "twenty-five"), if any.
  std::optional<double> WordValue(std::string_view w) const;
  // The value of a `fraction` word ("half" 0.5, "thirds"), else 0.
  double FractionValue(std::string_view w) const;

  PhraseLexicon words_;       // word -> value, kind[, max]
  PhraseLexicon unit_words_;  // "percent" -> %, word
  PhraseLexicon symbols_;     // "$" -> USD, prefix; "%" -> %, suffix
};

}  // namespace sitrep::claims

#endif  // SITREP_CLAIMS_NUMBER_PARSER_H_
