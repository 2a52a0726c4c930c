#include "ingest/markdown.h"

#include <string_view>

namespace sitrep::ingest {
namespace {

// Length of the block marker at the start of a line ("## ", "> ", "- "), 0
// if none.
size_t BlockMarker(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  size_t start = i;
  if (i < line.size() && line[i] == '#') {
    while (i < line.size() && line[i] == '#' && i - start < 6) ++i;
    return i < line.size() && line[i] == ' ' ? i + 1 : 0;
  }
  if (i + 1 < line.size() &&
      (line[i] == '>' || line[i] == '-' || line[i] == '*' || line[i] == '+') &&
      line[i + 1] == ' ') {
    return i + 2;
  }
  if (i < line.size() && line[i] == '>') return i + 1;
  return 0;
}

bool IsRule(std::string_view line) {
  size_t marks = 0;
  for (char c : line) {
    if (c == '-' || c == '*' || c == '_') {
      ++marks;
    } else if (c != ' ') {
      return false;
    }
  }
  return marks >= 3;
}

}  // namespace

CleanText StripMarkdown(const CleanText& in) {
  std::string_view s = in.text();
  CleanTextBuilder b(in);
  size_t begin = 0;
  while (begin < s.size()) {
    size_t nl = s.find('\n', begin);
    if (nl == std::string_view::npos) nl = s.size();
    std::string_view line = s.substr(begin, nl - begin);
    if (!IsRule(line)) {
      size_t i = BlockMarker(line);
      size_t run = i;  // start of bytes not yet copied
      while (i < line.size()) {
        char c = line[i];
        if ((c == '*' || c == '_') && i + 1 < line.size() && line[i + 1] == c) {
          b.Copy(begin + run, begin + i);
          i += 2;
          run = i;
        } else if (c == '`') {
          b.Copy(begin + run, begin + i);
          run = ++i;
        } else if (c == '[' || (c == '!' && i + 1 < line.size() && line[i + 1] == '[')) {
          // [text](url) -> text; ![alt](url) -> alt.
          size_t open = c == '!' ? i + 1 : i;
          size_t close = line.find("](", open);
          size_t end = close == std::string_view::npos ? close : line.find(')', close);
          if (end == std::string_view::npos) {
            ++i;
            continue;
          }
          b.Copy(begin + run, begin + i);
          b.Copy(begin + open + 1, begin + close);
          i = end + 1;
          run = i;
        } else {
          ++i;
        }
      }
      b.Copy(begin + run, begin + line.size());
    }
    if (nl < s.size()) b.Copy(nl, nl + 1);
    begin = nl + 1;
  }
  return std::move(b).Finish();
}

}  // namespace sitrep::ingest
