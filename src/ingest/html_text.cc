#include "ingest/html_text.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <vector>

namespace sitrep::ingest {
namespace {

bool IsSkipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SELECT:
      return true;
    default:
      return false;
  }
}

// 2: paragraph break; 1: line break; 0: inline.
int BreakAfter(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HR:
      return 2;
    case GUMBO_TAG_BR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_ADDRESS:
      return 1;
    default:
      return 0;
  }
}

class Walker {
 public:
  explicit Walker(std::string_view html) : html_(html) {}

  void Walk(const GumboNode* node) {
    if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
      const GumboElement& e = node->v.element;
      if (e.tag == GUMBO_TAG_BODY) body_ = true;
      if (IsSkipped(e.tag)) return;
      int brk = BreakAfter(e.tag);
      if (brk) Break(brk, e.start_pos.offset);
      for (unsigned i = 0; i < e.children.length; ++i) {
        Walk(static_cast<const GumboNode*>(e.children.data[i]));
      }
      if (brk) Break(brk, e.end_pos.offset);
      return;
    }
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
      const GumboText& t = node->v.text;
      if (body_) has_text_ = true;
      std::string_view decoded(t.text);
      std::string_view original(t.original_text.data, t.original_text.length);
      size_t base = t.start_pos.offset;
      bool same = decoded == original;
      for (size_t i = 0; i < decoded.size(); ++i) {
        text_.push_back(decoded[i]);
        raw_.push_back(same ? base + i : base);
      }
    }
  }

  CleanText Finish() {
    // Build a CleanText through an identity source over the page, so the
    // per-byte origins are kept.
    CleanText page = CleanText::Identity(html_);
    CleanTextBuilder b(page);
    for (size_t i = 0; i < text_.size();) {
      // Runs of consecutive origins become one Copy of the page bytes when
      // they are the same bytes; anything else is inserted.
      size_t j = i + 1;
      while (j < text_.size() && raw_[j] == raw_[j - 1] + 1) ++j;
      std::string_view piece(text_.data() + i, j - i);
      if (raw_[i] + (j - i) <= html_.size() && html_.substr(raw_[i], j - i) == piece) {
        b.Copy(raw_[i], raw_[i] + (j - i));
      } else {
        b.Insert(piece, raw_[i]);
      }
      i = j;
    }
    return std::move(b).Finish();
  }

  bool has_body() const { return has_text_; }

 private:
  void Break(int n, size_t offset) {
    for (int k = 0; k < n; ++k) {
      text_.push_back('\n');
      raw_.push_back(std::min(offset, html_.size()));
    }
  }

  std::string_view html_;
  std::string text_;
  std::vector<size_t> raw_;
  bool body_ = false;
  bool has_text_ = false;
};

const char* Attr(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : nullptr;
}

void ReadHead(const GumboNode* node, HtmlPage* page) {
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboElement& e = node->v.element;
  if (e.tag == GUMBO_TAG_TITLE && page->title.empty() && e.children.length > 0) {
    auto* child = static_cast<const GumboNode*>(e.children.data[0]);
    if (child->type == GUMBO_NODE_TEXT) page->title = child->v.text.text;
  } else if (e.tag == GUMBO_TAG_META) {
    const char* key = Attr(node, "property");
    if (!key) key = Attr(node, "name");
    if (!key) key = Attr(node, "itemprop");
    const char* content = Attr(node, "content");
    if (key && content) {
      if (!std::strcmp(key, "og:site_name")) page->site_name = content;
      if (!std::strcmp(key, "og:url") && page->url.empty()) page->url = content;
      if (!std::strcmp(key, "og:title")) page->title = content;
      if ((!std::strcmp(key, "article:published_time") || !std::strcmp(key, "datePublished") ||
           !std::strcmp(key, "pubdate") || !std::strcmp(key, "date")) &&
          page->published.empty()) {
        page->published = content;
      }
    }
  } else if (e.tag == GUMBO_TAG_LINK) {
    const char* rel = Attr(node, "rel");
    const char* href = Attr(node, "href");
    if (rel && href && !std::strcmp(rel, "canonical")) page->url = href;
  }
  for (unsigned i = 0; i < e.children.length; ++i) {
    ReadHead(static_cast<const GumboNode*>(e.children.data[i]), page);
  }
}

}  // namespace

HtmlPage VisibleText(std::string_view html) {
  HtmlPage page;
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  Walker w(html);
  w.Walk(out->root);
  page.text = w.Finish();
  page.has_body = w.has_body();
  ReadHead(out->root, &page);
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return page;
}

bool LooksLikeHtml(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  std::string head;
  for (size_t k = i; k < s.size() && head.size() < 512; ++k) {
    head.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(s[k]))));
  }
  if (head.starts_with("<!doctype html") || head.starts_with("<html")) return true;
  if (!head.starts_with("<")) return false;
  for (const char* tag : {"<head", "<body", "<p>", "<p ", "<div", "<article", "<meta", "<title"}) {
    if (head.find(tag) != std::string::npos) return true;
  }
  return false;
}

}  // namespace sitrep::ingest
