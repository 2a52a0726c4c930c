#include "html/prescan.h"

#include <cstring>

namespace sitrep::html {
namespace {

constexpr size_t kEndTagSearch = 48;  // how far down the stack an end tag may match
// Unclosed formatting elements (<b>, <font>, ...) the tree builder may reopen
// after every block: each one left open can cost one new element per later
// tag, so they are capped well below the depth limit.
constexpr size_t kMaxLiveFormatting = 24;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool EqualsLower(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != lower[i]) return false;
  }
  return true;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

bool AnyOf(std::string_view name, std::initializer_list<std::string_view> names) {
  for (auto n : names) {
    if (EqualsLower(name, n)) return true;
  }
  return false;
}

bool IsVoid(std::string_view name) {
  return AnyOf(name,
               {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image"});
}

// Elements the tree builder keeps in its list of active formatting elements
// and may reopen after they were implicitly closed.
bool IsFormatting(std::string_view name) {
  return AnyOf(name, {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike",
                      "strong", "tt", "u"});
}

// Finds "</name" (case-insensitive) from `from`; returns npos when absent.
size_t FindEndTag(std::string_view s, size_t from, std::string_view lower_name) {
  while (true) {
    size_t p = s.find("</", from);
    if (p == std::string_view::npos) return p;
    if (p + 2 + lower_name.size() <= s.size() &&
        EqualsLower(s.substr(p + 2, lower_name.size()), lower_name)) {
      return p;
    }
    from = p + 2;
  }
}

// End of the tag that starts at s[lt] ('<'): the index just past its '>',
// honouring quoted attribute values; s.size() when it never ends.
size_t TagEnd(std::string_view s, size_t lt) {
  char quote = 0;
  for (size_t i = lt + 1; i < s.size(); ++i) {
    char c = s[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '>') {
      return i + 1;
    } else if ((c == '"' || c == '\'') && i > 0 && (s[i - 1] == '=' || IsSpace(s[i - 1]))) {
      quote = c;
    }
  }
  return s.size();
}

class Scanner {
 public:
  Scanner(std::string_view in, int max_depth, PrescanResult* r)
      : in_(in), max_depth_(static_cast<size_t>(max_depth)), r_(r) {}

  void Run() {
    r_->html.reserve(in_.size());
    size_t i = 0;
    while (i < in_.size()) {
      const char* lt_ptr =
          static_cast<const char*>(std::memchr(in_.data() + i, '<', in_.size() - i));
      if (lt_ptr == nullptr) {
        Copy(i, in_.size());
        break;
      }
      size_t lt = static_cast<size_t>(lt_ptr - in_.data());
      CopyText(i, lt);
      i = Markup(lt);
    }
  }

 private:
  void Copy(size_t from, size_t to) { r_->html.append(in_.substr(from, to - from)); }

  // Text between two tags; indentation-only runs shrink to one newline
  // (outside <pre>), which spares the parser a tenth of a typical page.
  void CopyText(size_t from, size_t to) {
    if (to - from >= 2 && pre_open_ == 0) {
      bool blank = true;
      for (size_t k = from; k < to; ++k) {
        if (!IsSpace(in_[k])) {
          blank = false;
          break;
        }
      }
      if (blank) {
        r_->html += '\n';
        Skip(to);
        return;
      }
    }
    Copy(from, to);
  }
  // Drops in_[from, to) and records where the output resumes.
  void Skip(size_t to) {
    r_->to_input.clean.push_back(static_cast<uint32_t>(r_->html.size()));
    r_->to_input.raw.push_back(to);
  }

  // Handles the markup at in_[lt] == '<'; returns where scanning resumes.
  size_t Markup(size_t lt) {
    std::string_view s = in_;
    if (lt + 1 >= s.size()) {
      Copy(lt, s.size());
      return s.size();
    }
    char c = s[lt + 1];
    if (c == '!') {
      if (s.substr(lt, 4) == "<!--") {
        size_t end = s.find("-->", lt + 4);
        end = end == std::string_view::npos ? s.size() : end + 3;
        Skip(end);
        return end;
      }
      size_t end = s.find('>', lt);
      end = end == std::string_view::npos ? s.size() : end + 1;
      if (EqualsLower(s.substr(lt + 2, std::min<size_t>(7, s.size() - lt - 2)), "doctype")) {
        Copy(lt, end);
      } else {
        Skip(end);
      }
      return end;
    }
    if (c == '?') {
      size_t end = s.find('>', lt);
      end = end == std::string_view::npos ? s.size() : end + 1;
      Skip(end);
      return end;
    }
    bool closing = c == '/';
    size_t name_start = lt + (closing ? 2 : 1);
    if (name_start >= s.size() || !IsAlpha(s[name_start])) {
      Copy(lt, lt + 1);  // a literal '<'
      return lt + 1;
    }
    size_t name_end = name_start;
    while (name_end < s.size() && !IsSpace(s[name_end]) && s[name_end] != '>' &&
           s[name_end] != '/') {
      ++name_end;
    }
    std::string_view name = s.substr(name_start, name_end - name_start);
    size_t end = TagEnd(s, lt);
    if (closing) {
      EndTag(name, lt);
      Copy(lt, end);
      return end;
    }
    return StartTag(lt, name, end);
  }

  // An end tag that closes elements left open inside it. Formatting
  // elements among them get explicit end tags first, so the tree builder
  // does not keep them in its list and reopen them after every later tag.
  void EndTag(std::string_view name, size_t lt) {
    size_t limit = stack_.size() > kEndTagSearch ? stack_.size() - kEndTagSearch : 0;
    for (size_t k = stack_.size(); k > limit; --k) {
      if (!EqualsNoCase(stack_[k - 1], name)) continue;
      bool added = false;
      for (size_t j = stack_.size(); j > k; --j) {
        std::string_view inner = stack_[j - 1];
        if (EqualsLower(inner, "pre")) --pre_open_;
        if (IsFormatting(inner)) {
          r_->html += "</";
          r_->html.append(inner);
          r_->html += '>';
          added = true;
          if (live_formatting_ > 0) --live_formatting_;
        }
      }
      if (EqualsLower(stack_[k - 1], "pre")) --pre_open_;
      if (added) Skip(lt);
      stack_.resize(k - 1);
      break;
    }
    if (IsFormatting(name) && live_formatting_ > 0) --live_formatting_;
  }

  size_t StartTag(size_t lt, std::string_view name, size_t end) {
    std::string_view s = in_;
    std::string_view tag = s.substr(lt, end - lt);
    // Raw-text elements whose content is never article text.
    for (std::string_view drop : {"script", "style", "noscript", "template", "svg", "math",
                                  "iframe", "object", "xmp", "noembed", "noframes"}) {
      if (!EqualsLower(name, drop)) continue;
      bool self_closed = tag.size() >= 2 && tag[tag.size() - 2] == '/';
      if (self_closed && (drop == "svg" || drop == "math")) {
        Skip(end);
        return end;
      }
      size_t close = FindEndTag(s, end, drop);
      if (drop == "script" && IsJsonLd(tag) && r_->json_ld.size() < 16) {
        size_t stop = close == std::string_view::npos ? s.size() : close;
        r_->json_ld.emplace_back(s.substr(end, stop - end));
      }
      if (close == std::string_view::npos) {
        Skip(s.size());
        return s.size();
      }
      size_t after = TagEnd(s, close);
      Skip(after);
      return after;
    }
    // RCDATA: copied verbatim up to its end tag, without looking for tags.
    for (std::string_view raw : {"title", "textarea"}) {
      if (!EqualsLower(name, raw)) continue;
      size_t close = FindEndTag(s, end, raw);
      size_t stop = close == std::string_view::npos ? s.size() : TagEnd(s, close);
      Copy(lt, stop);
      return stop;
    }
    if (EqualsLower(name, "plaintext")) {
      Copy(lt, s.size());
      return s.size();
    }
    if (IsVoid(name)) {
      EmitTag(lt, name, end);
      return end;
    }
    size_t depth = stack_.size() + 1;
    bool formatting = IsFormatting(name);
    if (formatting) depth += live_formatting_;
    if (static_cast<int>(depth) > r_->max_depth_seen) r_->max_depth_seen = static_cast<int>(depth);
    if (depth > max_depth_ || (formatting && live_formatting_ >= kMaxLiveFormatting)) {
      // Flatten: the tag becomes spaces, so offsets stay put and its text
      // joins the enclosing element.
      r_->html.append(end - lt, ' ');
      ++r_->flattened_tags;
      return end;
    }
    EmitTag(lt, name, end);
    bool self_closed = tag.size() >= 2 && tag[tag.size() - 2] == '/';
    if (!self_closed) {
      stack_.push_back(name);
      if (formatting) ++live_formatting_;
      if (EqualsLower(name, "pre")) ++pre_open_;
    }
    return end;
  }

  // Re-emits a start tag with only the attributes extraction reads (most of
  // a page's markup bytes are attributes nobody reads: srcset, data-*, ...),
  // so the parser has less to do. Text offsets are unaffected: an anchor
  // after the tag records where the input resumes.
  void EmitTag(size_t lt, std::string_view name, size_t end) {
    std::string_view tag = in_.substr(lt, end - lt);
    if (end == in_.size() && (tag.empty() || tag.back() != '>')) {
      Copy(lt, end);  // a tag cut off by the end of the page: leave it to the parser
      return;
    }
    bool is_meta = EqualsLower(name, "meta") || EqualsLower(name, "link");
    std::string& out = r_->html;
    size_t before = out.size();
    out += '<';
    out.append(name);
    size_t i = 1 + name.size();
    bool self_closed = false;
    while (i < tag.size()) {
      char c = tag[i];
      if (IsSpace(c)) {
        ++i;
        continue;
      }
      if (c == '>') break;
      if (c == '/') {
        self_closed = i + 2 == tag.size();
        ++i;
        continue;
      }
      size_t ns = i;
      while (i < tag.size() && !IsSpace(tag[i]) && tag[i] != '=' && tag[i] != '>' &&
             (tag[i] != '/' || i == ns)) {
        ++i;
      }
      std::string_view attr = tag.substr(ns, i - ns);
      while (i < tag.size() && IsSpace(tag[i])) ++i;
      std::string_view value;
      char quote = 0;
      bool has_value = false;
      if (i < tag.size() && tag[i] == '=') {
        has_value = true;
        ++i;
        while (i < tag.size() && IsSpace(tag[i])) ++i;
        if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
          quote = tag[i];
          size_t close = tag.find(quote, i + 1);
          if (close == std::string_view::npos) close = tag.size() - 1;
          value = tag.substr(i + 1, close - i - 1);
          i = close + 1;
        } else {
          size_t vs = i;
          while (i < tag.size() && !IsSpace(tag[i]) && tag[i] != '>') ++i;
          value = tag.substr(vs, i - vs);
        }
      }
      KeepAttr(attr, value, has_value, quote, is_meta, &out);
    }
    if (self_closed) out += '/';
    out += '>';
    if (out.size() - before != tag.size()) Skip(end);
  }

  static void KeepAttr(std::string_view attr, std::string_view value, bool has_value, char quote,
                       bool is_meta, std::string* out) {
    bool keep_value = true;
    if (AnyOf(attr, {"href"})) {
      keep_value = is_meta;  // links only need to be recognised as links
    } else if (AnyOf(attr, {"style"})) {
      // Only hiding styles matter.
      bool hides = false;
      for (size_t k = 0; k + 4 <= value.size(); ++k) {
        if (EqualsLower(value.substr(k, 4), "none") ||
            (k + 6 <= value.size() && EqualsLower(value.substr(k, 6), "hidden"))) {
          hides = true;
          break;
        }
      }
      if (!hides) return;
    } else if (!AnyOf(attr,
                      {"class", "id", "itemprop", "hidden", "aria-hidden", "property", "name",
                       "content", "rel", "datetime", "lang", "charset", "http-equiv", "type"})) {
      return;
    }
    *out += ' ';
    out->append(attr);
    if (!has_value || !keep_value) return;
    if (quote == 0) quote = '"';
    if (value.find(quote) != std::string_view::npos) quote = quote == '"' ? '\'' : '"';
    *out += '=';
    *out += quote;
    out->append(value);
    *out += quote;
  }

  static bool IsJsonLd(std::string_view tag) {
    for (size_t i = 0; i + 7 <= tag.size(); ++i) {
      if (Lower(tag[i]) == 'l' && Lower(tag[i + 1]) == 'd' && tag[i + 2] == '+' &&
          Lower(tag[i + 3]) == 'j' && Lower(tag[i + 4]) == 's') {
        return true;
      }
    }
    return false;
  }

  std::string_view in_;
  size_t max_depth_;
  PrescanResult* r_;
  std::vector<std::string_view> stack_;
  size_t live_formatting_ = 0;
  size_t pre_open_ = 0;  // <pre> elements on the stack
};

}  // namespace

PrescanResult Prescan(std::string_view input, int max_depth) {
  PrescanResult r;
  Scanner(input, max_depth > 0 ? max_depth : 1, &r).Run();
  return r;
}

}  // namespace sitrep::html
