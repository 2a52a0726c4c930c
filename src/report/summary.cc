#include "report/summary.h"

#include <cctype>

namespace sitrep::report {
namespace {

bool IsUpperWordChar(char c) { return (c >= 'A' && c <= 'Z') || c == ' ' || c == ',' || c == '.'; }

// Length of a dateline prefix, or 0. A dateline is an all-capitals place
// ("DELLIN", "AVENTA, Sorlund, Oct 2 (Meridian Wire)") or a parenthesized
// outlet, followed by a dash within the first 100 bytes.
size_t DatelineLength(std::string_view s) {
  static constexpr std::string_view kDashes[] = {" - ", " — ", " – ", " -- ", " —", " –"};
  size_t best = std::string_view::npos;
  size_t dash_len = 0;
  for (auto d : kDashes) {
    size_t p = s.find(d);
    if (p != std::string_view::npos && p < best && p <= 100) {
      best = p;
      dash_len = d.size();
    }
  }
  if (best == std::string_view::npos || best == 0) return 0;
  std::string_view head = s.substr(0, best);
  if (head.front() == '(' && head.back() == ')') return best + dash_len;
  // Leading capitals: at least three letters before the first comma or end.
  size_t caps = 0;
  while (caps < head.size() && IsUpperWordChar(head[caps])) ++caps;
  size_t letters = 0;
  for (size_t i = 0; i < caps; ++i) {
    if (std::isupper(static_cast<unsigned char>(head[i]))) ++letters;
  }
  if (letters < 3) return 0;
  // The rest must not read like a clause (no lowercase verb run longer than
  // a dateline's "Sept 4 (Meridian Wire)").
  if (head.find('(') == std::string_view::npos && caps < head.size() && head.size() - caps > 20) {
    return 0;
  }
  return best + dash_len;
}

std::string Collapse(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Backs up to the start of a UTF-8 sequence.
size_t Utf8Floor(std::string_view s, size_t i) {
  while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

}  // namespace

std::string CleanQuote(std::string_view sentence) {
  std::string s = Collapse(sentence);
  size_t d = DatelineLength(s);
  return s.substr(d);
}

std::string Ellipsize(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t cut = Utf8Floor(text, max_bytes);
  size_t sp = text.rfind(' ', cut);
  if (sp != std::string_view::npos && sp > max_bytes / 2) cut = sp;
  std::string out(text.substr(0, cut));
  while (!out.empty() && (out.back() == ',' || out.back() == ' ' || out.back() == ';')) {
    out.pop_back();
  }
  return out + "…";
}

std::string SummarizeSentence(std::string_view sentence, size_t keep_until, size_t max_bytes) {
  std::string raw = Collapse(sentence);
  size_t d = DatelineLength(raw);
  std::string s = raw.substr(d);
  keep_until = keep_until > d ? keep_until - d : 0;
  // The attribution tail ("…, officials said.") is evidence: only trim length.
  if (s.size() > max_bytes) {
    size_t cut = std::string::npos;
    static constexpr std::string_view kBounds[] = {", ", "; ", " — ", " - "};
    for (auto b : kBounds) {
      size_t p = s.rfind(b, max_bytes);
      while (p != std::string::npos && p < keep_until) p = std::string::npos;
      if (p != std::string::npos && p >= max_bytes / 3 && (cut == std::string::npos || p > cut)) {
        cut = p;
      }
    }
    if (cut == std::string::npos) {
      s = Ellipsize(s, max_bytes);
    } else {
      s = s.substr(0, cut) + "…";
    }
  }
  if (!s.empty() && s.front() >= 'a' && s.front() <= 'z') s[0] = static_cast<char>(s[0] - 32);
  if (!s.empty()) {
    char last = s.back();
    bool closed = last == '.' || last == '!' || last == '?' || last == '"' ||
                  (s.size() >= 3 &&
                   (s.compare(s.size() - 3, 3, "…") == 0 || s.compare(s.size() - 3, 3, "”") == 0));
    if (!closed) s += '.';
  }
  return s;
}

}  // namespace sitrep::report
