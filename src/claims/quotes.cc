#include "claims/quotes.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace sitrep::claims {

namespace {

// "..., and Cameron said": the source-first attribution at `a` opens a new
// clause after a conjunction (and a comma, or a lowercase word).
bool OpensOwnClause(const Attribution& a, std::string_view text) {
  if (a.start > text.size() || a.cue.empty()) return false;
  // Cue first ("..., as reported by local media", "..., said Putin"): it
  // governs what comes before.
  if (text.compare(a.start, a.cue.size(), a.cue) == 0) return false;
  size_t e = a.start;
  while (e > 0 && text[e - 1] == ' ') --e;
  size_t b = e;
  while (b > 0 && text[b - 1] >= 'a' && text[b - 1] <= 'z') --b;
  std::string_view conj = text.substr(b, e - b);
  static constexpr std::string_view kConj[] = {"and",   "but",      "as",     "while",
                                               "when",  "although", "though", "because",
                                               "since", "whereas",  "whilst"};
  bool is_conj = false;
  for (std::string_view c : kConj) is_conj = is_conj || conj == c;
  if (!is_conj) return false;
  while (b > 0 && text[b - 1] == ' ') --b;
  if (b > 0 && (text[b - 1] == ',' || text[b - 1] == ';')) return true;
  // Without a comma ("... on the border and Truss said ..."), a conjunction
  // after a lowercase word still joins clauses; after a name it may join
  // two sources ("Britain and France said").
  size_t w = b;
  while (w > 0 && text[w - 1] != ' ' && text[w - 1] != '\n') --w;
  return w < b && text[w] >= 'a' && text[w] <= 'z';
}

}  // namespace

int NearestAttribution(const std::vector<Attribution>& attrs, uint32_t start, uint32_t end,
                       uint32_t at, std::string_view text) {
  int best = -1;
  uint32_t best_d = UINT32_MAX;
  // Attributions that are a later link of a chain in this span ("citing X":
  // X) never head it. Ids are "a<position+1>"; others are looked up. Called
  // for every sentence, and chains are rare: the marks are allocated only
  // when there is one.
  std::vector<uint8_t> is_link;
  for (const Attribution& o : attrs) {
    if (o.via.empty() || o.start < start || o.end > end) continue;
    if (is_link.empty()) is_link.assign(attrs.size(), 0);
    size_t n = 0;
    bool numeric = o.via.size() > 1 && o.via[0] == 'a';
    for (size_t p = 1; numeric && p < o.via.size(); ++p) {
      numeric = o.via[p] >= '0' && o.via[p] <= '9';
      n = n * 10 + static_cast<size_t>(o.via[p] - '0');
    }
    if (numeric && n >= 1 && n <= attrs.size() && attrs[n - 1].id == o.via) {
      is_link[n - 1] = 1;
      continue;
    }
    for (size_t k = 0; k < attrs.size(); ++k) {
      if (attrs[k].id == o.via) is_link[k] = 1;
    }
  }
  for (size_t k = 0; k < attrs.size(); ++k) {
    const Attribution& a = attrs[k];
    if (a.start < start || a.end > end) continue;
    if (!is_link.empty() && is_link[k]) continue;
    if (a.start >= at && !text.empty() && OpensOwnClause(a, text)) continue;
    // A cue before the statement governs it ("X said it was likely that
    // ..."); one after it ("..., as reported by local media") only when
    // nothing comes before.
    uint32_t d = a.end <= at ? at - a.end : (a.start >= at ? a.start - at + 100000 : 0);
    if (d < best_d) {
      best_d = d;
      best = static_cast<int>(k);
    }
  }
  return best;
}

namespace {

// Whether byte `at` opens a paragraph: only blanks between it and the
// previous line break (or the start of the text).
bool ParagraphStart(std::string_view text, uint32_t at) {
  for (uint32_t b = std::min<uint32_t>(at, static_cast<uint32_t>(text.size())); b > 0; --b) {
    char c = text[b - 1];
    if (c == '\n') return true;
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

}  // namespace

std::vector<int> SentenceAttributions(const DocView& v, const std::vector<Attribution>& attrs) {
  const Document& doc = v.doc();
  size_t n = v.num_sentences();
  std::vector<int> out(n, -1);
  for (size_t s = 0; s < n; ++s) {
    out[s] = NearestAttribution(attrs, doc.sentences[s].start, doc.sentences[s].end,
                                doc.sentences[s].start, doc.text);
  }
  // Quotations: from an opening mark to the next closing one (at most ten
  // sentences, within one paragraph's worth of text).
  for (size_t i = 0; i < v.size(); ++i) {
    if (!v.IsOpenQuote(i)) continue;
    size_t j = i + 1;
    while (j < v.size() && !v.IsQuote(j) && v.sentence(j) <= v.sentence(i) + 10) ++j;
    if (j >= v.size() || !v.IsCloseQuote(j)) continue;
    size_t s0 = v.sentence(i), s1 = v.sentence(j);
    // The speaker: named in the closing sentence after the quote, or in the
    // opening sentence before it.
    int speaker = -1;
    uint32_t close_end = v.end(j);
    for (size_t k = 0; k < attrs.size() && speaker < 0; ++k) {
      if (attrs[k].start >= close_end && attrs[k].start < doc.sentences[s1].end + 1 &&
          attrs[k].start <= close_end + 40) {
        speaker = static_cast<int>(k);
      }
    }
    if (speaker < 0) {
      for (size_t k = 0; k < attrs.size(); ++k) {
        if (attrs[k].end <= v.start(i) && attrs[k].start >= doc.sentences[s0].start) {
          speaker = static_cast<int>(k);
        }
      }
    }
    // A paragraph that is all quotation, with no speaker of its own,
    // continues the speaker of the paragraph before (news convention:
    // '"...," Cole said.' then a second quoted paragraph).
    // So does a quotation right after a quoted sentence with its speaker
    // ('"We have lost 20 soldiers," the commander said. "Another 15 were
    // wounded."').
    if (speaker < 0 && s0 > 0 && out[s0 - 1] >= 0 && v.start(i) == doc.sentences[s0].start &&
        (ParagraphStart(doc.text, doc.sentences[s0].start) ||
         v.IsQuote(v.sentence_first(s0 - 1)))) {
      speaker = out[s0 - 1];
    }
    // Any other quotation with no speaker in its sentences quotes the
    // source named in one of the two sentences before ('UNHCR said ...'
    // then 'At the end of 2022, "11.6 million remained displaced"').
    bool own_attribution = false;
    for (const Attribution& a : attrs) {
      own_attribution = own_attribution ||
                        (a.start >= doc.sentences[s0].start && a.start < doc.sentences[s1].end);
    }
    // (Only a quotation that is most of what its sentence says: a quoted
    // phrase, '"maximum restraint"', is the writer's sentence about it.)
    size_t s0_len = v.sentence_last(s0) - v.sentence_first(s0);
    bool substantial = j - i >= 8 && (s1 > s0 || 2 * (j - i) >= s0_len);
    for (size_t back = 1; speaker < 0 && !own_attribution && substantial && back <= 2 && back <= s0;
         ++back) {
      int prev = out[s0 - back];
      if (prev >= 0 && !attrs[prev].source_text.empty()) speaker = prev;
    }
    if (speaker >= 0) {
      // A quote opening inside its first sentence ("... and Truss said an
      // invasion “could be imminent”") covers only its own words there;
      // what comes before it is not the speaker's (a cue before it in that
      // sentence is found without this).
      // (With no attribution in that sentence, the quote is all it says.)
      size_t from = v.start(i) == doc.sentences[s0].start || !own_attribution ? s0 : s0 + 1;
      for (size_t s = from; s <= s1; ++s) {
        if (out[s] < 0) out[s] = speaker;
      }
    }
    i = j;
  }
  return out;
}

}  // namespace sitrep::claims
