#include "claims/doc_view.h"

#include <algorithm>

#include "pipeline/annotate_scratch.h"

namespace sitrep::claims {
namespace {

// Marks, for each token, the index of the span (sorted or not) covering it.
template <typename T>
void MarkSpans(const std::vector<T>& spans, const std::vector<Token>& tokens,
               std::vector<int>* at) {
  at->assign(tokens.size(), -1);
  for (size_t k = 0; k < spans.size(); ++k) {
    const T& s = spans[k];
    auto it = std::lower_bound(tokens.begin(), tokens.end(), s.start,
                               [](const Token& t, uint32_t b) { return t.end <= b; });
    for (; it != tokens.end() && it->start < s.end; ++it) {
      (*at)[it - tokens.begin()] = static_cast<int>(k);
    }
  }
}

}  // namespace

DocView::DocView(const Document& doc) : doc_(doc) {
  // Only the tokens are lowercased, into one buffer sized up front so the
  // views into it stay valid.
  size_t total = 0;
  for (const Token& t : doc.tokens) total += t.end - t.start;
  lower_.resize(total);
  words_.reserve(doc.tokens.size());
  char* out = lower_.data();
  const char* text = doc.text.data();
  for (const Token& t : doc.tokens) {
    char* begin = out;
    for (uint32_t b = t.start; b < t.end; ++b) {
      char c = text[b];
      *out++ = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    words_.emplace_back(begin, static_cast<size_t>(out - begin));
    if (!t.pos.empty()) has_pos_ = true;
  }
  sent_first_.assign(doc.sentences.size() + 1, doc.tokens.size());
  // Tokens are in order; sentence indexes are non-decreasing.
  for (size_t s = 0, i = 0; s < doc.sentences.size(); ++s) {
    while (i < doc.tokens.size() && doc.tokens[i].sentence < s) ++i;
    sent_first_[s] = i;
  }
  MarkSpans(doc.timexes, doc.tokens, &timex_at_);
  MarkSpans(doc.entities, doc.tokens, &entity_at_);
}

const DocView& SharedView(const Document& doc, const AnnotateOptions& options,
                          std::optional<DocView>* local) {
  if (options.scratch == nullptr) return local->emplace(doc);
  std::optional<DocView>& shared = options.scratch->doc_view;
  // The scratch belongs to one call on one document; the address check only
  // guards against a caller that passes it on to another document.
  if (!shared.has_value() || &shared->doc() != &doc) shared.emplace(doc);
  return *shared;
}

size_t DocView::TokenAt(uint32_t b) const {
  auto it = std::lower_bound(doc_.tokens.begin(), doc_.tokens.end(), b,
                             [](const Token& t, uint32_t x) { return t.start < x; });
  return it - doc_.tokens.begin();
}

bool DocView::IsCapitalized(size_t i) const {
  std::string_view t = text(i);
  return !t.empty() && t[0] >= 'A' && t[0] <= 'Z';
}

bool DocView::IsPunct(size_t i) const {
  std::string_view t = text(i);
  if (t.empty()) return true;
  unsigned char c = t[0];
  if (c >= 0x80) return c == 0xE2;  // typographic quotes, dashes, ellipsis
  return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '$' ||
           c == '#' || c == '@');
}

namespace {

bool IsSingleQuoteMark(std::string_view t) {
  return t == "'" || t == "\xE2\x80\x98" || t == "\xE2\x80\x99";
}

}  // namespace

// Single marks are quotes in British and translated copy ('..., ' said X)
// and doubled ('' or \xE2\x80\x99\xE2\x80\x99) in scraped pages; the same mark is the
// apostrophe of "Ukrainians' losses". A doubled pair counts once: its first
// mark opens, its second closes.
bool DocView::GluedSingleQuote(size_t i, int dir) const {
  if (dir < 0) return i > 0 && end(i - 1) == start(i) && IsSingleQuoteMark(text(i - 1));
  return i + 1 < size() && end(i) == start(i + 1) && IsSingleQuoteMark(text(i + 1));
}

bool DocView::IsOpenQuote(size_t i) const {
  std::string_view t = text(i);
  if (t == "\xE2\x80\x9C" || t == "\xC2\xAB" || t == "\xE2\x80\x9E") return true;
  bool single = IsSingleQuoteMark(t);
  if (t != "\"" && !single) return false;
  if (single && GluedSingleQuote(i, -1)) return false;
  // A quote opens when nothing word-like touches it on the left, and (a
  // single mark) something does on the right.
  uint32_t b = start(i);
  bool left_free =
      b == 0 || doc_.text[b - 1] == ' ' || doc_.text[b - 1] == '\n' || doc_.text[b - 1] == '(';
  if (!single || !left_free) return left_free;
  uint32_t e = GluedSingleQuote(i, 1) ? end(i + 1) : end(i);
  return e < doc_.text.size() && doc_.text[e] != ' ' && doc_.text[e] != '\n';
}

bool DocView::IsCloseQuote(size_t i) const {
  std::string_view t = text(i);
  if (t == "\xE2\x80\x9D" || t == "\xC2\xBB") return true;
  if (t == "\"") return !IsOpenQuote(i);
  if (!IsSingleQuoteMark(t) || GluedSingleQuote(i, 1) || IsOpenQuote(i)) return false;
  // A single mark closes after the punctuation that ends a quotation; a
  // doubled one after anything (an apostrophe is never doubled).
  bool doubled = GluedSingleQuote(i, -1);
  uint32_t b = doubled ? start(i - 1) : start(i);
  if (b == 0) return false;
  char c = doc_.text[b - 1];
  if (c == ',' || c == '.' || c == '?' || c == '!' || c == ';' || c == ':') return true;
  if (doubled) return c != ' ' && c != '\n';
  // After a word ("said 'enough' on Monday" or "the soldiers' families"):
  // a close only when the nearest single mark before it in the sentence
  // opened a quotation.
  for (size_t k = i; k > 0 && sentence(k - 1) == sentence(i) && i - k < 40; --k) {
    if (IsSingleQuoteMark(text(k - 1))) return IsOpenQuote(k - 1);
  }
  return false;
}

}  // namespace sitrep::claims
