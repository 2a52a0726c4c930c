#include "store/search_highlight.h"

namespace sitrep::store {
namespace {

std::vector<Sentence> LineSentences(std::string_view text) {
  std::vector<Sentence> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
    start = end + 1;
  }
  return out;
}

}  // namespace

std::vector<SearchMatch> MatchingSentences(const Document& doc, std::string_view highlighted) {
  std::vector<Span> spans;
  uint32_t pos = 0;  // offset in doc.text
  uint32_t open_at = 0;
  bool open = false;
  for (char c : highlighted) {
    if (c == kHighlightOpen && !open) {
      open = true;
      open_at = pos;
    } else if (c == kHighlightClose && open) {
      open = false;
      if (pos > open_at) spans.push_back({open_at, pos});
    } else {
      if (pos >= doc.text.size() || doc.text[pos] != c) return {};
      ++pos;
    }
  }
  if (pos != doc.text.size() || spans.empty()) return {};

  const std::vector<Sentence> lines =
      doc.sentences.empty() ? LineSentences(doc.text) : std::vector<Sentence>{};
  const std::vector<Sentence>& sentences = doc.sentences.empty() ? lines : doc.sentences;
  std::vector<SearchMatch> out;
  size_t next = 0;  // spans and sentences are both in text order
  for (const Sentence& s : sentences) {
    while (next < spans.size() && spans[next].end <= s.start) ++next;
    SearchMatch m{s, {}};
    for (size_t i = next; i < spans.size() && spans[i].start < s.end; ++i) {
      m.highlights.push_back({std::max(spans[i].start, s.start), std::min(spans[i].end, s.end)});
    }
    if (!m.highlights.empty()) out.push_back(std::move(m));
  }
  return out;
}

}  // namespace sitrep::store
