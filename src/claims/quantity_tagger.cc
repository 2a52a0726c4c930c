#include "claims/quantity_tagger.h"

#include <cmath>
#include <cstdlib>
#include <string>

#include "claims/doc_view.h"
#include "claims/phrases.h"

namespace sitrep::claims {
namespace {

bool IsRangeWord(std::string_view w) {
  return w == "to" || w == "-" || w == "\xE2\x80\x93" || w == "\xE2\x80\x94";
}

// "2024" alone: a year, not a count.
bool LooksLikeYear(const NumberMatch& m, std::string_view token) {
  if (m.words || m.has_comma || !m.magnitude.empty() || !m.unit.empty() || m.min != m.max) {
    return false;
  }
  return token.size() == 4 && m.min >= 1800 && m.min <= 2100;
}

bool IsQuoteMark(std::string_view w) {
  return w == "\"" || w == "'" || w == "\xE2\x80\x9C" || w == "\xE2\x80\x98" || w == "\xC2\xAB";
}

bool IsDigits(std::string_view w) {
  if (w.empty()) return false;
  for (char ch : w) {
    if (ch < '0' || ch > '9') return false;
  }
  return true;
}

void ApplyModifier(const PhraseEntry& e, Quantity* q) {
  if (e.field(0) == "1") q->approx = true;
  if (e.field(1) != "-" && !e.field(1).empty()) q->bound = e.field(1);
  if (e.field(2) == "1") q->increment = true;
}

}  // namespace

StatusOr<std::unique_ptr<QuantityTagger>> QuantityTagger::Create() {
  std::unique_ptr<QuantityTagger> t(new QuantityTagger());
  SITREP_RETURN_IF_ERROR(t->numbers_.Load());
  SITREP_RETURN_IF_ERROR(t->chunker_.Load());
  SITREP_RETURN_IF_ERROR(t->modifiers_.Load("lexicons/quantity-modifiers.tsv", 5));
  SITREP_RETURN_IF_ERROR(t->not_before_.Load("lexicons/quantity-not-before.tsv", 2));
  SITREP_RETURN_IF_ERROR(t->rate_words_.Load("lexicons/quantity-rate-words.tsv", 2));
  SITREP_RETURN_IF_ERROR(t->address_words_.Load("lexicons/quantity-address-words.tsv", 1));
  // Words around a clock time: data/lexicons/quantity-clock-words.tsv
  // (before|after).
  auto clock = ReadTsv("lexicons/quantity-clock-words.tsv", 2);
  if (!clock.ok()) return clock.status();
  for (auto& r : *clock) {
    if (r[1] == "before") {
      t->clock_before_.Add(r[0], {});
    } else if (r[1] == "after") {
      t->clock_after_.Add(r[0], {});
    } else if (r[1] == "after-any") {
      t->clock_after_.Add(r[0], {"any"});
    } else {
      return Status::InvalidArgument(
          "lexicons/quantity-clock-words.tsv: side must be before|after|after-any: " + r[0]);
    }
  }
  return t;
}

Status QuantityTagger::Annotate(Document* doc, const AnnotateOptions& options) const {
  doc->quantities.clear();
  std::optional<DocView> local;
  const DocView& v = SharedView(*doc, options, &local);
  for (size_t s = 0; s < v.num_sentences(); ++s) {
    size_t limit = v.sentence_last(s);
    for (size_t i = v.sentence_first(s); i < limit;) {
      std::string_view w = v.word(i);
      if (!numbers_.MayStartNumber(w) && !modifiers_.MayStart(w) && w != "between") {
        ++i;
        continue;
      }
      size_t next = TagAt(v, i, limit, doc);
      i = next > i ? next : i + 1;
    }
  }
  return Status::OK();
}

std::optional<NumberMatch> QuantityTagger::ParseNumber(const DocView& v, size_t j,
                                                       size_t limit) const {
  const auto& words = v.words();
  // "10, 000": scraped text often puts a space after the thousands comma.
  auto group_follows = [&](size_t k) {
    return k + 2 < limit && words[k + 1] == "," && words[k + 2].size() == 3 &&
           IsDigits(words[k + 2]) && v.start(k + 1) == v.end(k) &&
           v.start(k + 2) == v.end(k + 1) + 1;
  };
  bool after_label = j > v.sentence_first(v.sentence(j)) && not_before_.Contains(words[j - 1]);
  if (!after_label && words[j].size() <= 3 && IsDigits(words[j]) && group_follows(j)) {
    NumberMatch m;
    double value = std::strtod(std::string(words[j]).c_str(), nullptr);
    size_t k = j;
    while (group_follows(k)) {
      value = value * 1000 + std::strtod(std::string(words[k + 2]).c_str(), nullptr);
      k += 2;
    }
    m.min = m.max = value;
    m.has_comma = true;
    m.end = k + 1;
    return m;
  }
  return numbers_.ParseAt(words, j);
}

size_t QuantityTagger::TagAt(const DocView& v, size_t i, size_t limit, Document* doc) const {
  const auto& words = v.words();
  if (v.timex_at(i) >= 0) return i;
  Quantity q;
  size_t j = i;
  bool between = false;
  for (int guard = 0; guard < 3 && j < limit; ++guard) {
    if (words[j] == "between") {
      between = true;
      ++j;
      continue;
    }
    size_t len = 0;
    const PhraseEntry* e = modifiers_.Match(words, j, &len);
    if (e == nullptr || e->field(3) != "before" || j + len > limit) break;
    ApplyModifier(*e, &q);
    j += len;
  }
  if (j >= limit || v.timex_at(j) >= 0) return i;
  auto m = ParseNumber(v, j, limit);
  if (!m || m->end > limit) return i;
  // "in the second half of March": a part of a period is no share.
  if (m->unit == "%" && m->words && m->end + 1 < limit &&
      (v.timex_at(m->end + 1) >= 0 || v.timex_at(j) >= 0 ||
       (j > 0 && (words[j - 1] == "first" || words[j - 1] == "second" || words[j - 1] == "latter" ||
                  words[j - 1] == "former")))) {
    return m->end;
  }
  if (v.timex_at(m->end - 1) >= 0) return i;
  size_t first_sentence_token = v.sentence_first(v.sentence(j));
  // (Spelled numbers too: "the top five economies", "phase two".)
  if (j > first_sentence_token && not_before_.Contains(words[j - 1])) {
    // "Image 2 of 3", "Page 4 of 12": the total of a numbered sequence is
    // no figure either.
    size_t e = m->end;
    if (e + 1 < limit && words[e] == "of" && IsDigits(words[e + 1])) return e + 2;
    return e;
  }
  if (LooksLikeYear(*m, words[j]) &&
      (m->end >= limit || v.IsCapitalized(m->end) || !chunker_.IsNoun(v, m->end) ||
       chunker_.IsFunctionWord(words[m->end]) ||
       // "the 2022 invasion": a year modifies a singular noun; a count
       // ("2000 troops") a plural one.
       (v.has_pos() && v.pos(m->end) == "NN"))) {
    return m->end;
  }
  if (!m->words && NamesSomething(v, j, *m, first_sentence_token, limit)) return m->end;
  // "three times as many displaced", "five times higher": a ratio to
  // another figure, not a count.
  if (m->end + 1 < limit && words[m->end] == "times" &&
      (words[m->end + 1] == "as" ||
       (v.has_pos() && (v.pos(m->end + 1) == "JJR" || v.pos(m->end + 1) == "RBR")))) {
    return m->end;
  }
  // "$713m (£559m)": an amount converted into another currency, in brackets
  // right after the first, is the same figure.
  if (m->unit.size() == 3 && j > first_sentence_token && words[j - 1] == "(" &&
      !doc->quantities.empty()) {
    const Quantity& prev = doc->quantities.back();
    bool prev_money = prev.unit.size() == 3;
    for (char c : prev.unit) prev_money = prev_money && c >= 'A' && c <= 'Z';
    if (prev_money && v.TokenAt(prev.end) == j - 1) return m->end;
  }
  size_t end = m->end;
  double lo = m->min, hi = m->max;
  std::string unit = m->unit;
  // "has risen from 5,000 to about 24,000": one figure, the later one; the
  // span keeps the earlier as its context ("from 5,000 to about 24,000").
  bool change = false;
  if (i > first_sentence_token && words[i - 1] == "from" && end + 1 < limit && words[end] == "to" &&
      m->magnitude.empty()) {
    bool moved = false;
    for (size_t b = i - 1; b > first_sentence_token && b + 4 > i && !moved; --b) {
      moved = IsChangeWord(words[b - 1]);
    }
    if (moved) {
      Quantity later;
      size_t k = end + 1;
      for (int guard = 0; guard < 3 && k < limit; ++guard) {
        size_t len = 0;
        const PhraseEntry* e = modifiers_.Match(words, k, &len);
        if (e == nullptr || e->field(3) != "before" || k + len > limit) break;
        ApplyModifier(*e, &later);
        k += len;
      }
      auto m2 = k < limit && v.timex_at(k) < 0 ? ParseNumber(v, k, limit) : std::nullopt;
      if (m2 && m2->end <= limit) {
        q = later;
        lo = m2->min;
        hi = m2->max;
        unit = m2->unit.empty() ? m->unit : m2->unit;
        if (!m2->magnitude.empty()) {
          q.magnitude = m2->magnitude;
          q.approx = true;
        }
        end = m2->end;
        change = true;
      }
    }
  }
  // Ranges: "10,000 to 14,000", "between 10 and 15", "two or three", "70
  // or 80,000" (digits joined by "or" only where the second lends its scale
  // to the first: "1 or 2" may be a choice between two things).
  if (!change && end + 1 < limit && m->magnitude.empty() &&
      (IsRangeWord(words[end]) || (between && words[end] == "and") || words[end] == "or")) {
    auto m2 = ParseNumber(v, end + 1, limit);
    // (Or two close figures: "8 thousands or 12 thousands", "70 or 80".)
    bool scales =
        m2 && hi > 0 && ((hi < 1000 && m2->max >= 1000 * hi) || (lo >= 10 && m2->max <= 10 * hi));
    if (m2 && m2->end <= limit && m2->magnitude.empty() && m2->max >= lo &&
        v.timex_at(end + 1) < 0 && (words[end] != "or" || m->words || scales)) {
      // "10 to 15 million": the scale of the second applies to the first.
      if (hi < 1000 && m2->max >= 1000 * (hi == 0 ? 1 : hi)) {
        double f = std::pow(1000.0, std::floor(std::log10(m2->max) / 3));
        if (lo * f <= m2->max) lo *= f;
      }
      hi = m2->max;
      if (unit.empty()) unit = m2->unit;
      end = m2->end;
    }
  }
  if (unit.empty()) {
    size_t len = 0;
    if (end < limit && numbers_.UnitAt(words, end, &unit, &len)) end += len;
  }
  // "within 200 kilometres of Bakhmut", "30 km north of Kyiv": a distance
  // that places something is no figure.
  if ((unit == "km" || unit == "mi" || unit == "m") && end < limit) {
    std::string_view n = words[end];
    if (n == "of" || n == "from" || n == "away" || n == "north" || n == "south" || n == "east" ||
        n == "west" || n == "northeast" || n == "northwest" || n == "southeast" ||
        n == "southwest" || n == "outside" || n == "behind" || n == "beyond") {
      return end;
    }
  }
  // "a 152 mm self-propelled gun", "a 500 kg bomb": a measurement directly
  // before a noun describes the thing; it counts nothing.
  if (!unit.empty() && unit[0] >= 'a' && unit[0] <= 'z' && end < limit && v.has_pos() &&
      !chunker_.IsFunctionWord(words[end]) &&
      (v.pos(end).substr(0, 2) == "NN" || (v.pos(end).substr(0, 2) == "JJ" && end + 1 < limit &&
                                           v.pos(end + 1).substr(0, 2) == "NN"))) {
    return end;
  }
  for (int guard = 0; guard < 2 && end < limit; ++guard) {
    size_t len = 0;
    const PhraseEntry* e = modifiers_.Match(words, end, &len);
    if (e == nullptr || e->field(3) != "after" || end + len > limit) break;
    ApplyModifier(*e, &q);
    end += len;
  }
  q.min = lo;
  q.max = hi;
  q.unit = unit;
  if (!change && !m->magnitude.empty()) {
    q.magnitude = m->magnitude;
    q.approx = true;
  }
  size_t after = CountedAt(v, end, limit, &q);
  // Ellipsis: "over 10,000 troops in the fall, and another 3,000 in the
  // winter" counts what the previous figure of the sentence counted.
  // ("... and the number of hungry people is to rise by 2 million" counts
  // its own phrase, named before it.)
  bool change_by =
      i > first_sentence_token + 1 && words[i - 1] == "by" && IsChangeWord(words[i - 2]);
  if (!change && !change_by && q.counted.empty() && q.unit.empty() && !m->words &&
      !doc->quantities.empty()) {
    const Quantity& prev = doc->quantities.back();
    if (prev.start >= doc->sentences[v.sentence(j)].start && !prev.counted.empty()) {
      q.counted = prev.counted;
      q.unit = prev.unit;
    }
  }
  // A spelled-out number with nothing counted ("one of them") is not a figure.
  bool modified = j > i || !q.bound.empty() || q.approx || q.increment;
  // ... unless it opens its sentence as the subject of a verb ("Five have
  // been lost"): it counts what the text counted just before.
  bool opens_clause = j == first_sentence_token && end < limit &&
                      (words[end] == "have" || words[end] == "has" || words[end] == "had" ||
                       words[end] == "were" || words[end] == "was" || words[end] == "are");
  if (m->words && q.counted.empty() && q.unit.empty() && !modified && !opens_clause) return end;
  // "one of the envoys": a pronoun, not a count.
  if (m->words && m->max == 1 && !modified && m->end < limit && words[m->end] == "of") {
    return end;
  }
  size_t span_first = j > i && !between ? i : j;
  if (between) span_first = i;
  if (change) span_first = i - 1;
  q.start = v.start(span_first);
  // "thousands of": the span ends at the magnitude word, not at "of".
  size_t last = end - 1;
  while (last > span_first && (words[last] == "of")) --last;
  q.end = v.end(last);
  q.text = std::string(doc->SpanText(q.start, q.end));
  q.id = "q" + std::to_string(doc->quantities.size() + 1);
  doc->quantities.push_back(std::move(q));
  return after > end ? after : end;
}

bool QuantityTagger::NamesSomething(const DocView& v, size_t j, const NumberMatch& m, size_t first,
                                    size_t limit) const {
  const auto& words = v.words();
  // "32-member bloc", "20-year-old", "155-mm": a number joined to a word
  // modifies a noun; only "-strong" ("a 1,000-strong force") counts people.
  if (!m.compound.empty() && m.compound != "strong") return true;
  bool touches_left = j > first && v.start(j) == v.end(j - 1);
  // "Su-34", "S-400", "F-16": letters, hyphen, digits.
  if (touches_left && words[j - 1] == "-" && j - 1 > first && v.end(j - 2) == v.start(j - 1) &&
      !v.IsPunct(j - 2)) {
    return true;
  }
  // "Leopard 2", "Type 12", "Patriot 3": a name directly before a small
  // plain number designates a model or version. Capitalized function words
  // and modifiers ("The 20", "Some 300") do not.
  // (Not a place or a people that receives what follows: "give Ukraine
  // 400 vehicles", "sent Kyiv 31 tanks" — a name after a verb.)
  int name = j > first ? v.entity_at(j - 1) : -1;
  bool receiver = false;
  if (name >= 0 && v.has_pos()) {
    const std::string& type = v.doc().entities[name].type;
    size_t b = j - 1;
    while (b > first && v.entity_at(b - 1) == name) --b;
    receiver = (type == "GPE" || type == "ORG" || type == "PERSON") && b > first &&
               v.pos(b - 1).substr(0, 2) == "VB" && m.end < limit &&
               v.pos(m.end).substr(0, 2) == "NN";
  }
  if (j > first && !receiver && !m.has_comma && m.unit.empty() && m.max < 1000 &&
      v.IsCapitalized(j - 1) && v.timex_at(j - 1) < 0 && !chunker_.IsFunctionWord(words[j - 1]) &&
      !modifiers_.Contains(words[j - 1]) &&
      (!v.has_pos() || v.pos(j - 1) == "NNP" || v.pos(j - 1) == "NNPS")) {
    return true;
  }
  // "at 14.00", "9.30 pm": a clock time; "17 o'clock", "9 pm" too.
  if (m.clock_shape && m.max < 24 && j > first && clock_before_.Contains(words[j - 1])) return true;
  if (m.clock_shape && m.max < 24 && m.end < limit && clock_after_.Contains(words[m.end])) {
    return true;
  }
  // ("17 o'clock", "9 pm": words that make any small whole number a time.)
  if (!m.has_comma && m.unit.empty() && m.max <= 24 && m.end < limit) {
    const PhraseEntry* e = clock_after_.Find(words[m.end]);
    if (e != nullptr && e->fields.size() == 1 && e->field(0) == "any") return true;
  }
  // "495 123 4567", "2 2022": digits running into more digits are a code.
  if (m.end < limit && !words[m.end].empty() && words[m.end][0] >= '0' && words[m.end][0] <= '9' &&
      m.unit.empty()) {
    return true;
  }
  // "12 Baker Street", "1600 Pennsylvania Avenue": a house number.
  if (!m.has_comma && m.unit.empty() && m.max < 100000) {
    for (size_t k = m.end; k < limit && k < m.end + 3 && v.IsCapitalized(k); ++k) {
      if (k == m.end) continue;
      std::string low(words[k]);
      for (char& ch : low) {
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      }
      if (address_words_.Contains(low)) return true;
    }
  }
  // "45 years old": an age.
  if (m.end + 1 < limit && (words[m.end] == "years" || words[m.end] == "year") &&
      words[m.end + 1] == "old") {
    return true;
  }
  return false;
}

size_t QuantityTagger::CountedAt(const DocView& v, size_t i, size_t limit, Quantity* q) const {
  const auto& words = v.words();
  size_t k = i;
  // Money: "$713m (£559m) of military aid": the converted amount in
  // brackets is skipped; "$136 billion in revenue": "in" names what the
  // money is, unless a date or a place follows ("$5bn in 2023", "in Kyiv").
  bool currency = q->unit.size() == 3;
  for (char c : q->unit) currency = currency && c >= 'A' && c <= 'Z';
  if (currency && k < limit && words[k] == "(") {
    size_t c = k + 1;
    while (c < limit && c < k + 8 && words[c] != ")") ++c;
    if (c < limit && words[c] == ")") k = c + 1;
  }
  // "33 million cubic metres a day": a rate phrase counts nothing, nor does
  // a date ("from 8,000 to 12,000 last month").
  size_t rate_len = 0;
  if (k < limit && rate_words_.Match(words, k, &rate_len) != nullptr) return i;
  if (k < limit && v.timex_at(k) >= 0) return i;
  if (k < limit && words[k] == "of") {
    ++k;  // "70% of the artillery"
    // "31 of the 36 drones": the part counts what the whole counts (the
    // whole is a figure of its own).
    if (k + 2 < limit && (words[k] == "the" || words[k] == "its" || words[k] == "their") &&
        !words[k + 1].empty() && words[k + 1][0] >= '0' && words[k + 1][0] <= '9' &&
        (!v.has_pos() || v.pos(k + 2).substr(0, 2) == "NN" || v.pos(k + 2).substr(0, 2) == "JJ")) {
      k += 2;
    }
  } else if (currency && k + 1 < limit && words[k] == "in" && v.timex_at(k + 1) < 0) {
    // "$91m in “lethal and non-lethal military assistance”", "$2.7
    // billion in previously authorized funding": quotes and adverbs before
    // what the money is.
    size_t n = k + 1;
    while (n + 1 < limit && n < k + 3 &&
           (IsQuoteMark(words[n]) || (v.has_pos() && v.pos(n).substr(0, 2) == "RB"))) {
      ++n;
    }
    if (!v.IsCapitalized(n)) k = n;
  }
  // "37 killed or wounded": a participle standing alone after the number.
  // ("36 launched Thursday": a date after it.)
  bool lone_participle = k < limit && chunker_.IsParticiple(v, k) &&
                         !chunker_.IsFunctionWord(words[k]) &&
                         (k + 1 >= limit || v.IsPunct(k + 1) ||
                          chunker_.IsFunctionWord(words[k + 1]) || v.timex_at(k + 1) >= 0);
  size_t first = 0, head = 0;
  size_t np_end = chunker_.NounPhraseAt(v, k, limit, 6, &first, &head);
  // "half of Ukraine's energy infrastructure", "18% of the country's
  // territory": the possessor's phrase is part of what is counted; its head
  // is the thing owned.
  if (np_end > k && np_end + 1 < limit &&
      (words[np_end] == "'s" || words[np_end] == "\xE2\x80\x99s")) {
    size_t f2 = 0, h2 = 0;
    size_t e2 = chunker_.NounPhraseAt(v, np_end + 1, limit, 5, &f2, &h2);
    if (e2 > np_end + 1) {
      np_end = e2;
      head = h2;
    }
  }
  const std::string& text = v.doc().text;
  if (np_end > k && !lone_participle) {
    size_t end = np_end;
    // Reduced relative clause: "artillery used by Russian forces".
    if (end + 1 < limit && chunker_.IsParticiple(v, end) && words[end + 1] == "by") {
      size_t f2 = 0, h2 = 0;
      size_t e2 = chunker_.NounPhraseAt(v, end + 2, limit, 5, &f2, &h2);
      if (e2 > end + 2) end = e2;
    }
    q->counted = text.substr(v.start(first), v.end(end - 1) - v.start(first));
    if (q->unit.empty()) q->unit = std::string(words[head]);
    return end;
  }
  // "4,000 killed or wounded": a participle stands for the counted people.
  if (k < limit && chunker_.IsParticiple(v, k) && !chunker_.IsFunctionWord(words[k])) {
    size_t end = k + 1;
    if (end + 1 < limit && (words[end] == "or" || words[end] == "and") &&
        chunker_.IsParticiple(v, end + 1)) {
      end += 2;
    }
    q->counted = text.substr(v.start(k), v.end(end - 1) - v.start(k));
    return end;
  }
  return i;
}

}  // namespace sitrep::claims
