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

bool DocView::IsOpenQuote(size_t i) const {
  std::string_view t = text(i);
  if (t == "\xE2\x80\x9C" || t == "\xC2\xAB") return true;
  if (t != "\"") return false;
  // A straight quote opens when nothing word-like touches it on the left.
  uint32_t b = start(i);
  return b == 0 || doc_.text[b - 1] == ' ' || doc_.text[b - 1] == '\n' || doc_.text[b - 1] == '(';
}

bool DocView::IsCloseQuote(size_t i) const {
  std::string_view t = text(i);
  if (t == "\xE2\x80\x9D" || t == "\xC2\xBB") return true;
  return t == "\"" && !IsOpenQuote(i);
}

}  // namespace sitrep::claims
