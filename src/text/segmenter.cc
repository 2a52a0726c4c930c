#include "text/segmenter.h"

#include <algorithm>
#include <fstream>

#include "sitrep/data_path.h"
#include "text/sentence_breaks.h"

namespace sitrep {
namespace {

bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Length in bytes of a closing or opening punctuation mark at text[i], or 0.
// Covers ASCII and the common typographic marks in UTF-8.
size_t PunctLen(std::string_view t, size_t i) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) {
    switch (c) {
      case '.':
      case ',':
      case ';':
      case ':':
      case '!':
      case '?':
      case '"':
      case '\'':
      case '(':
      case ')':
      case '[':
      case ']':
      case '{':
      case '}':
      case '*':
      case '$':
      case '%':  // "$5" and "5%" are two tokens each, as in PTB and GMB
        return 1;
      default:
        return 0;
    }
  }
  // U+2018..U+201F quotes, U+2013/2014 dashes, U+2026 ellipsis, U+00AB/00BB guillemets.
  if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(t[i + 2]);
    if ((d >= 0x98 && d <= 0x9F) || d == 0x93 || d == 0x94 || d == 0xA6) return 3;
  }
  if (c == 0xC2 && i + 1 < t.size()) {
    unsigned char d = static_cast<unsigned char>(t[i + 1]);
    if (d == 0xAB || d == 0xBB || d == 0xA3 || d == 0xA5) return 2;  // << >> pound yen
  }
  // U+20AC euro sign.
  if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x82 &&
      static_cast<unsigned char>(t[i + 2]) == 0xAC) {
    return 3;
  }
  return 0;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAlpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// "U.S." / "J." style: letters each followed by a period.
bool IsInitialism(std::string_view w) {
  if (w.size() < 2 || w.size() % 2 != 0) return false;
  for (size_t i = 0; i < w.size(); i += 2) {
    if (!IsAlpha(w[i]) || w[i + 1] != '.') return false;
  }
  return true;
}

// Scraped pages often lose the space after a full stop where paragraphs
// or markup were joined: "... according to intelligence.As a result". A
// sentence ends there when at least three lowercase letters precede the
// mark (not "U.S.A", "St.Petersburg") and a capitalized word follows it,
// after an optional closing quote.
void AddGluedBreaks(std::string_view text, size_t b, size_t e, std::vector<size_t>* cuts) {
  bool added = false;
  for (size_t k = b + 3; k + 2 < e; ++k) {
    char c = text[k];
    if (c != '.' && c != '!' && c != '?') continue;
    if (!(text[k - 1] >= 'a' && text[k - 1] <= 'z' && text[k - 2] >= 'a' && text[k - 2] <= 'z' &&
          text[k - 3] >= 'a' && text[k - 3] <= 'z')) {
      continue;
    }
    size_t n = k + 1;
    if (text[n] == '"') {
      ++n;
    } else if (n + 2 < e && text.compare(n, 3, "\xE2\x80\x9D") == 0) {
      n += 3;
    }
    if (n + 1 >= e || !IsUpper(text[n]) || !(text[n + 1] >= 'a' && text[n + 1] <= 'z')) continue;
    cuts->push_back(n);
    added = true;
  }
  if (added) std::sort(cuts->begin(), cuts->end());
}

constexpr std::string_view kClitics[] = {"n't",
                                         "'s",
                                         "'re",
                                         "'ve",
                                         "'ll",
                                         "'d",
                                         "'m",
                                         "\xE2\x80\x99"
                                         "s",
                                         "\xE2\x80\x99"
                                         "re",
                                         "\xE2\x80\x99"
                                         "ve",
                                         "\xE2\x80\x99"
                                         "ll",
                                         "\xE2\x80\x99"
                                         "d"};

// Every clitic has an apostrophe (ASCII or the last byte of U+2019) within
// its last four bytes: words without one are most words, and skip the list.
bool MayEndWithClitic(std::string_view w) {
  size_t from = w.size() > 4 ? w.size() - 4 : 0;
  for (size_t i = from; i < w.size(); ++i) {
    if (w[i] == '\'' || w[i] == '\x99') return true;
  }
  return false;
}

bool EndsWithCI(std::string_view w, std::string_view suffix) {
  if (w.size() <= suffix.size()) return false;
  std::string_view tail = w.substr(w.size() - suffix.size());
  for (size_t i = 0; i < suffix.size(); ++i) {
    char a = tail[i], b = suffix[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (a != b) return false;
  }
  return true;
}

}  // namespace

Segmenter::Segmenter() {
  std::ifstream in(DataPath("lexicons/abbreviations.txt"));
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && IsSpace(static_cast<unsigned char>(line.back()))) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    abbreviations_.insert(line);
  }
}

Segmenter::Segmenter(std::unordered_set<std::string> abbreviations)
    : abbreviations_(abbreviations.begin(), abbreviations.end()) {}

bool Segmenter::IsAbbreviation(std::string_view w) const {
  return abbreviations_.find(w) != abbreviations_.end() ||
         (w.size() == 2 && IsUpper(w[0]) && w[1] == '.') || IsInitialism(w);
}

std::vector<Sentence> Segmenter::SplitSentences(std::string_view text) const {
  std::vector<Sentence> out;
  // Paragraphs first: a line break always ends a sentence in news text
  // (headings, datelines and bullet lines carry no full stop).
  size_t pos = 0;
  std::vector<size_t> cuts;
  while (pos < text.size()) {
    size_t line_end = text.find('\n', pos);
    if (line_end == std::string_view::npos) line_end = text.size();
    size_t b = pos, e = line_end;
    while (b < e && IsSpace(static_cast<unsigned char>(text[b]))) ++b;
    while (e > b && IsSpace(static_cast<unsigned char>(text[e - 1]))) --e;
    if (b < e) {
      cuts.clear();
      text::SentenceBreaks(text.substr(b, e - b), &cuts);
      for (size_t& cut : cuts) cut += b;
      AddGluedBreaks(text, b, e, &cuts);
      if (cuts.empty() || cuts.back() != e) cuts.push_back(e);
      size_t start = b;
      for (size_t cut : cuts) {
        // Trim trailing space of the candidate sentence.
        size_t end = cut;
        while (end > start && IsSpace(static_cast<unsigned char>(text[end - 1]))) --end;
        if (end <= start) continue;
        if (cut != e) {
          // Do not break after an abbreviation or an initial.
          size_t w = end;
          while (w > start && !IsSpace(static_cast<unsigned char>(text[w - 1]))) --w;
          std::string_view last = text.substr(w, end - w);
          while (!last.empty() && (last.front() == '(' || last.front() == '"'))
            last.remove_prefix(1);
          if (!last.empty() && last.back() == '.' && IsAbbreviation(last)) {
            // ...unless the next word is clearly a new sentence after "U.S." etc.
            continue;
          }
        }
        out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
        start = cut;
        while (start < e && IsSpace(static_cast<unsigned char>(text[start]))) ++start;
      }
      if (start < e) out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(e)});
    }
    pos = line_end + 1;
  }
  return out;
}

void Segmenter::Tokenize(std::string_view text, uint32_t begin, uint32_t end, uint32_t sentence,
                         std::vector<Token>* out) const {
  size_t i = begin;
  while (i < end) {
    while (i < end && IsSpace(static_cast<unsigned char>(text[i]))) ++i;
    if (i >= end) break;
    size_t j = i;
    while (j < end && !IsSpace(static_cast<unsigned char>(text[j]))) ++j;
    // [i, j) is a whitespace-delimited chunk: peel punctuation off both ends.
    size_t b = i, e = j;
    // Trailing punctuation, peeled off last to first; reused, as nearly
    // every word before a comma or full stop needs it.
    thread_local std::vector<Token> tail;
    tail.clear();
    while (b < e) {
      size_t n = PunctLen(text, b);
      if (n == 0) break;
      // Keep a leading apostrophe in "'90s".
      if (text[b] == '\'' && b + 1 < e && IsDigit(text[b + 1])) break;
      out->push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(b + n), sentence, {}});
      b += n;
    }
    while (e > b) {
      // Find the start of the last character.
      size_t k = e - 1;
      while (k > b && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
      size_t n = PunctLen(text, k);
      if (n == 0 || k + n != e) break;
      if (text[k] == '.') {
        std::string_view word = text.substr(b, e - b);
        if (IsAbbreviation(word)) break;  // "U.S." keeps its period
        // "..." stays one token.
      }
      tail.push_back({static_cast<uint32_t>(k), static_cast<uint32_t>(e), sentence, {}});
      e = k;
    }
    if (b < e) {
      std::string_view word = text.substr(b, e - b);
      size_t split = e;
      if (MayEndWithClitic(word)) {
        for (std::string_view cl : kClitics) {
          if (EndsWithCI(word, cl)) {
            split = e - cl.size();
            break;
          }
        }
      }
      if (split != e && split > b) {
        out->push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(split), sentence, {}});
        out->push_back({static_cast<uint32_t>(split), static_cast<uint32_t>(e), sentence, {}});
      } else {
        out->push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e), sentence, {}});
      }
    }
    for (auto it = tail.rbegin(); it != tail.rend(); ++it) out->push_back(*it);
    i = j;
  }
}

void Segmenter::Segment(Document* doc) const {
  doc->sentences = SplitSentences(doc->text);
  doc->tokens.clear();
  doc->tokens.reserve(doc->text.size() / 5);
  for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
    Tokenize(doc->text, doc->sentences[s].start, doc->sentences[s].end, s, &doc->tokens);
  }
}

namespace {
class SegmenterAnnotator : public Annotator {
 public:
  std::string_view name() const override { return "segmenter"; }
  Layers requires_layers() const override { return kLayerNone; }
  Layers assigns_layers() const override { return kLayerSentences | kLayerTokens; }
  Status Annotate(Document* doc, const AnnotateOptions&) const override {
    segmenter_.Segment(doc);
    return Status::OK();
  }

 private:
  Segmenter segmenter_;
};
}  // namespace

}  // namespace sitrep

#include "pipeline/stages.h"

namespace sitrep {
AnnotatorOr MakeSegmenter() { return std::unique_ptr<Annotator>(new SegmenterAnnotator()); }
}  // namespace sitrep
