#include "claims/number_parser.h"

#include <cmath>
#include <cstdlib>

namespace sitrep::claims {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads "10,000" / "3.5" / "10, 000"-free digits at s[*pos]; advances *pos.
bool ReadDigits(std::string_view s, size_t* pos, double* value, bool* comma) {
  size_t p = *pos;
  if (p >= s.size() || !IsDigit(s[p])) return false;
  std::string buf;
  while (p < s.size()) {
    char c = s[p];
    if (IsDigit(c)) {
      buf.push_back(c);
      ++p;
    } else if (c == ',' && p + 3 < s.size() && IsDigit(s[p + 1]) && IsDigit(s[p + 2]) &&
               IsDigit(s[p + 3]) && (p + 4 >= s.size() || !IsDigit(s[p + 4]))) {
      *comma = true;  // thousands separator: exactly three digits follow
      ++p;
    } else if (c == '.' && p + 1 < s.size() && IsDigit(s[p + 1]) &&
               buf.find('.') == std::string::npos) {
      buf.push_back('.');
      ++p;
    } else {
      break;
    }
  }
  *value = std::strtod(buf.c_str(), nullptr);
  *pos = p;
  return true;
}

bool IsDash(std::string_view s, size_t p, size_t* len) {
  if (p < s.size() && s[p] == '-') {
    *len = 1;
    return true;
  }
  // U+2013 en dash, U+2014 em dash
  if (p < s.size() && s.substr(p, 3) == "\xE2\x80\x93") {
    *len = 3;
    return true;
  }
  if (p < s.size() && s.substr(p, 3) == "\xE2\x80\x94") {
    *len = 3;
    return true;
  }
  return false;
}

}  // namespace

Status NumberParser::Load() {
  SITREP_RETURN_IF_ERROR(words_.Load("lexicons/number-words.tsv", 3));
  auto rows = ReadTsv("lexicons/unit-names.tsv", 3);
  if (!rows.ok()) return rows.status();
  for (auto& r : *rows) {
    if (r[2] == "word") {
      unit_words_.Add(r[0], {r[1], r[2]});
    } else if (r[2] == "prefix" || r[2] == "suffix") {
      symbols_.Add(r[0], {r[1], r[2]});
    } else {
      return Status::InvalidArgument("lexicons/unit-names.tsv: unknown kind '" + r[2] + "'");
    }
  }
  return Status::OK();
}

bool NumberParser::ParseDigitToken(std::string_view t, NumberMatch* out) const {
  size_t p = 0;
  std::string unit;
  // Currency or other prefix symbol: "$", "US$", "£", "€".
  if (p < t.size() && !IsDigit(t[p])) {
    size_t d = 0;
    while (d < t.size() && !IsDigit(t[d])) ++d;
    if (d == t.size() || d > 4) return false;
    const PhraseEntry* e = symbols_.Find(t.substr(0, d));
    if (e == nullptr || e->field(1) != "prefix") return false;
    unit = e->field(0);
    p = d;
  }
  double v1 = 0;
  bool comma = false;
  if (!ReadDigits(t, &p, &v1, &comma)) return false;
  double v2 = v1;
  size_t dash = 0;
  bool clock = p == t.size() && p >= 4 && t[p - 3] == '.' && IsDigit(t[p - 4]) &&
               (p < 6 || !IsDigit(t[p - 6]));
  if (IsDash(t, p, &dash) && p + dash < t.size() && IsDigit(t[p + dash])) {
    size_t q = p + dash;
    bool comma2 = false;
    size_t d2 = 0;
    // "123-456-7890": a phone or serial number, not a range.
    if (ReadDigits(t, &q, &v2, &comma2) && q < t.size() && IsDash(t, q, &d2)) return false;
    q = p + dash;
    if (ReadDigits(t, &q, &v2, &comma2) && (q == t.size() || t[q] == '%')) {
      comma = comma || comma2;
      p = q;
    } else {
      v2 = v1;
    }
  }
  if (p < t.size()) {
    std::string_view rest = t.substr(p);
    size_t dash_len = 0;
    if (IsDash(t, p, &dash_len)) {
      // "1,000-strong", "20-year-old": a number used as a modifier; keep the
      // number and the word it modifies with, which is not a unit.
      size_t w0 = p + dash_len, w1 = w0;
      while (w1 < t.size() && t[w1] != '-') ++w1;
      out->compound = std::string(t.substr(w0, w1 - w0));
    } else if (const PhraseEntry* e = symbols_.Find(rest); e && e->field(1) == "suffix") {
      unit = e->field(0);
    } else if (const PhraseEntry* s = words_.Find(rest);
               s && (s->field(1) == "suffix" || s->field(1) == "scale")) {
      double m = std::strtod(s->field(0).c_str(), nullptr);
      v1 *= m;
      v2 *= m;
    } else {
      return false;  // "1st", "F-16", "3km2": not a plain quantity
    }
  }
  out->min = v1;
  out->max = v2;
  out->unit = unit;
  out->has_comma = comma;
  out->words = false;
  out->clock_shape = clock;
  return true;
}

double NumberParser::FractionValue(std::string_view w) const {
  const PhraseEntry* f = words_.Find(w);
  return f != nullptr && f->field(1) == "fraction" ? std::strtod(f->field(0).c_str(), nullptr) : 0;
}

std::optional<double> NumberParser::WordValue(std::string_view w) const {
  if (const PhraseEntry* e = words_.Find(w); e && e->field(1) == "cardinal") {
    return std::strtod(e->field(0).c_str(), nullptr);
  }
  // "twenty-five"
  size_t dash = w.find('-');
  if (dash != std::string_view::npos) {
    const PhraseEntry* a = words_.Find(w.substr(0, dash));
    const PhraseEntry* b = words_.Find(w.substr(dash + 1));
    if (a && b && a->field(1) == "cardinal" && b->field(1) == "cardinal") {
      double va = std::strtod(a->field(0).c_str(), nullptr);
      double vb = std::strtod(b->field(0).c_str(), nullptr);
      if (va >= 20 && va < 100 && vb < 10) return va + vb;
    }
  }
  return std::nullopt;
}

bool NumberParser::ParseWordNumber(const std::vector<std::string_view>& words, size_t i,
                                   NumberMatch* out) const {
  size_t j = i;
  double total = 0, current = 0;
  bool any = false;
  // "half a million", "(a) quarter of a million": a fraction of one scale
  // word is a number; "half of the troops" is a share, not one.
  auto fraction_at = [&](size_t k) -> double {
    return k < words.size() ? FractionValue(words[k]) : 0;
  };
  size_t f0 = (words[j] == "a" || words[j] == "an") ? j + 1 : j;
  if (double f = fraction_at(f0); f > 0) {
    size_t k = f0 + 1;
    if (k < words.size() && words[k] == "of") ++k;
    if (k + 1 < words.size() && (words[k] == "a" || words[k] == "an")) {
      const PhraseEntry* sc = words_.Find(words[k + 1]);
      double m = sc == nullptr             ? 0
                 : sc->field(1) == "scale" ? std::strtod(sc->field(0).c_str(), nullptr)
                 : words[k + 1] == "dozen" ? 12
                                           : 0;
      if (m > 0) {
        out->min = out->max = f * m;
        out->end = k + 2;
        out->words = true;
        return true;
      }
    }
    return false;
  }
  // "a dozen", "a hundred", "a thousand"
  if ((words[j] == "a" || words[j] == "an") && j + 1 < words.size()) {
    const PhraseEntry* e = words_.Find(words[j + 1]);
    if (e && (e->field(1) == "scale" || e->field(0) == "12")) {
      current = 1;
      any = true;
      ++j;
    } else {
      return false;
    }
  }
  bool last_cardinal = false;  // "five twenty" is two numbers, not one
  while (j < words.size()) {
    if (words[j] == "dozen" && any) {
      current = (current == 0 ? 1 : current) * 12;
      last_cardinal = false;
      ++j;
      continue;
    }
    // "two and a half million"
    if (any && last_cardinal && j + 3 < words.size() && words[j] == "and" &&
        (words[j + 1] == "a" || words[j + 1] == "an") && fraction_at(j + 2) > 0) {
      const PhraseEntry* sc = words_.Find(words[j + 3]);
      if (sc != nullptr && sc->field(1) == "scale") {
        current += fraction_at(j + 2);
        last_cardinal = false;
        j += 3;
        continue;
      }
    }
    if (auto v = WordValue(words[j])) {
      if (last_cardinal && (*v >= 10 || std::fmod(current, 10) != 0)) break;
      current += *v;
      any = true;
      last_cardinal = true;
      ++j;
      continue;
    }
    const PhraseEntry* e = words_.Find(words[j]);
    if (any && e && e->field(1) == "scale") {
      double m = std::strtod(e->field(0).c_str(), nullptr);
      if (current == 0) current = 1;
      if (m >= 1000) {
        total += current * m;
        current = 0;
      } else {
        current *= m;
      }
      last_cardinal = false;
      ++j;
      // "three hundred and twenty"
      if (j + 1 < words.size() && words[j] == "and" && WordValue(words[j + 1])) ++j;
      continue;
    }
    break;
  }
  if (!any) return false;
  out->min = out->max = total + current;
  out->end = j;
  out->words = true;
  return true;
}

bool NumberParser::ParseShare(const std::vector<std::string_view>& words, size_t i,
                              NumberMatch* out) const {
  // "half of", "a third of", "one quarter of", "two-thirds of", "three
  // quarters of": a fraction of a whole named after "of" is a share, in
  // percent (the whole then is what the share is of).
  double times = 0, f = 0;
  size_t j = i;
  std::string_view w = words[j];
  size_t dash = w.find('-');
  if (dash != std::string_view::npos) {
    // One token: "two-thirds".
    auto n = WordValue(w.substr(0, dash));
    f = FractionValue(w.substr(dash + 1));
    if (!n || *n < 1 || *n > 9 || f == 0) return false;
    times = *n;
    ++j;
  } else {
    if (w == "a" || w == "an") {
      times = 1;
      ++j;
    } else if (auto n = WordValue(w); n && *n >= 1 && *n <= 9) {
      times = *n;
      ++j;
    }
    if (j >= words.size()) return false;
    if (j < words.size() && words[j] == "-") ++j;  // "two - thirds"
    if (j >= words.size()) return false;
    f = FractionValue(words[j]);
    // ("half of" needs no article; "third" alone is an ordinal.)
    if (f == 0 || (times == 0 && words[j] != "half")) return false;
    if (times == 0) times = 1;
    ++j;
  }
  if (j >= words.size() || words[j] != "of") return false;
  // ("half a million" is a number, read by ParseWordNumber.)
  if (j + 1 < words.size() && (words[j + 1] == "a" || words[j + 1] == "an")) return false;
  double pct = std::round(times * f * 1000.0) / 10.0;
  if (pct <= 0 || pct > 100) return false;
  out->min = out->max = pct;
  out->unit = "%";
  out->end = j;
  out->words = true;
  return true;
}

std::optional<NumberMatch> NumberParser::ParseAt(const std::vector<std::string_view>& words,
                                                 size_t i) const {
  if (i >= words.size()) return std::nullopt;
  NumberMatch m;
  if (ParseShare(words, i, &m)) return m;
  std::string_view w = words[i];
  const PhraseEntry* e = words_.Find(w);
  if (e && e->field(1) == "magnitude") {
    // "thousands", "tens of thousands", "hundreds of millions"
    m.min = std::strtod(e->field(0).c_str(), nullptr);
    m.max = std::strtod(e->field(2).c_str(), nullptr);
    m.magnitude = std::string(w);
    m.end = i + 1;
    m.words = true;
    if (i + 2 < words.size() && words[i + 1] == "of") {
      const PhraseEntry* e2 = words_.Find(words[i + 2]);
      if (e2 && e2->field(1) == "magnitude") {
        double base = std::strtod(e2->field(0).c_str(), nullptr);
        m.min *= base;
        m.max = (m.max + 1) * base - 1;
        m.magnitude += " of ";
        m.magnitude += words[i + 2];
        m.end = i + 3;
      }
    }
    if (m.end < words.size() && words[m.end] == "of") ++m.end;  // "thousands of shells"
    return m;
  }
  if (w.empty()) return std::nullopt;
  const PhraseEntry* sym = IsDigit(w[0]) ? nullptr : symbols_.Find(w);
  if (sym != nullptr && sym->field(1) == "prefix" && i + 1 < words.size() &&
      !words[i + 1].empty() && IsDigit(words[i + 1][0])) {
    // "$ 95 billion": the segmenter splits a currency symbol from its number.
    if (!ParseDigitToken(words[i + 1], &m)) return std::nullopt;
    if (m.unit.empty()) m.unit = sym->field(0);
    m.end = i + 2;
  } else if (IsDigit(w[0]) || !(w[0] >= 'a' && w[0] <= 'z')) {
    if (!ParseDigitToken(w, &m)) return std::nullopt;
    m.end = i + 1;
  } else if (!ParseWordNumber(words, i, &m)) {
    return std::nullopt;
  }
  // Scale word after the number: "3.5 million", "two billion"; after
  // digits also a plural magnitude, as machine translation writes it ("8
  // thousands").
  if (m.end < words.size()) {
    const PhraseEntry* s = words_.Find(words[m.end]);
    bool plural_scale = s && s->field(1) == "magnitude" && !m.words;
    if (s && (s->field(1) == "scale" || s->field(1) == "suffix" || plural_scale) && m.max < 1000) {
      double f = std::strtod(s->field(0).c_str(), nullptr);
      if (f >= 1000) {
        m.min *= f;
        m.max *= f;
        ++m.end;
      }
    }
  }
  return m;
}

bool NumberParser::UnitAt(const std::vector<std::string_view>& words, size_t i, std::string* unit,
                          size_t* len) const {
  const PhraseEntry* e = unit_words_.Match(words, i, len);
  if (e == nullptr || e->field(1) != "word") return false;
  *unit = e->field(0);
  return true;
}

}  // namespace sitrep::claims
