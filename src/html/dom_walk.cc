#include "html/dom_walk.h"

#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace sitrep::html {
namespace {

Tag MapTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_BODY:
      return Tag::kBody;
    case GUMBO_TAG_ARTICLE:
      return Tag::kArticle;
    case GUMBO_TAG_MAIN:
      return Tag::kMain;
    case GUMBO_TAG_SECTION:
      return Tag::kSection;
    case GUMBO_TAG_DIV:
      return Tag::kDiv;
    case GUMBO_TAG_P:
      return Tag::kP;
    case GUMBO_TAG_PRE:
      return Tag::kPre;
    case GUMBO_TAG_BLOCKQUOTE:
      return Tag::kBlockquote;
    case GUMBO_TAG_TD:
      return Tag::kTd;
    case GUMBO_TAG_TH:
      return Tag::kTh;
    case GUMBO_TAG_TR:
      return Tag::kTr;
    case GUMBO_TAG_TABLE:
      return Tag::kTable;
    case GUMBO_TAG_UL:
      return Tag::kUl;
    case GUMBO_TAG_OL:
      return Tag::kOl;
    case GUMBO_TAG_LI:
      return Tag::kLi;
    case GUMBO_TAG_DL:
      return Tag::kDl;
    case GUMBO_TAG_DD:
      return Tag::kDd;
    case GUMBO_TAG_DT:
      return Tag::kDt;
    case GUMBO_TAG_H1:
      return Tag::kH1;
    case GUMBO_TAG_H2:
      return Tag::kH2;
    case GUMBO_TAG_H3:
      return Tag::kH3;
    case GUMBO_TAG_H4:
      return Tag::kH4;
    case GUMBO_TAG_H5:
      return Tag::kH5;
    case GUMBO_TAG_H6:
      return Tag::kH6;
    case GUMBO_TAG_HEADER:
      return Tag::kHeader;
    case GUMBO_TAG_FOOTER:
      return Tag::kFooter;
    case GUMBO_TAG_ASIDE:
      return Tag::kAside;
    case GUMBO_TAG_NAV:
      return Tag::kNav;
    case GUMBO_TAG_FORM:
      return Tag::kForm;
    case GUMBO_TAG_FIGURE:
      return Tag::kFigure;
    case GUMBO_TAG_FIGCAPTION:
      return Tag::kFigcaption;
    case GUMBO_TAG_ADDRESS:
      return Tag::kAddress;
    case GUMBO_TAG_SPAN:
      return Tag::kSpan;
    case GUMBO_TAG_A:
      return Tag::kA;
    case GUMBO_TAG_FONT:
      return Tag::kFont;
    case GUMBO_TAG_CENTER:
      return Tag::kCenter;
    default:
      return Tag::kOther;
  }
}

// Tags whose start and end break the text into separate blocks.
bool IsBlockLevel(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_HTML:
      return true;
    default:
      return false;
  }
}

// Subtrees that never hold article text.
bool IsSkipped(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_LABEL:
      return true;
    default:
      return false;
  }
}

std::string_view Attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a == nullptr ? std::string_view() : std::string_view(a->value);
}

// The attribute's value as written in the parser input (so it outlives the
// parse tree), without its quotes.
std::string_view RawAttr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  if (a == nullptr) return std::string_view();
  std::string_view v(a->original_value.data, a->original_value.length);
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
    v = v.substr(1, v.size() - 2);
  }
  return v;
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool ContainsNoCase(std::string_view hay, std::string_view lower_needle) {
  if (lower_needle.size() > hay.size()) return false;
  for (size_t i = 0; i + lower_needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < lower_needle.size() && Lower(hay[i + k]) == lower_needle[k]) ++k;
    if (k == lower_needle.size()) return true;
  }
  return false;
}

// display:none / visibility:hidden in an inline style (spaces allowed).
bool StyleHides(std::string_view style) {
  std::string s;
  for (char c : style) {
    if (c != ' ' && c != '\t') s += Lower(c);
  }
  return s.find("display:none") != std::string::npos ||
         s.find("visibility:hidden") != std::string::npos;
}

bool IsHidden(const GumboElement& e) {
  if (gumbo_get_attribute(&e.attributes, "hidden") != nullptr) return true;
  std::string_view aria = Attr(e, "aria-hidden");
  if (aria == "true") return true;
  std::string_view style = Attr(e, "style");
  return !style.empty() && StyleHides(style);
}

bool IsSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

class Walker {
 public:
  Walker(std::string_view html, const HintLexicon& hints, PageModel* m)
      : html_(html), hints_(hints), m_(m) {}

  void Walk(GumboNode* root) {
    struct Frame {
      GumboNode* node;
      unsigned next_child;
      int elem;        // element index, or -1 when this node made none
      int block_elem;  // innermost block-level element in scope
      int link_depth;
    };
    std::vector<Frame> stack;
    stack.push_back({root, 0, -1, -1, 0});
    EnterElement(root, &stack.back().elem, -1);
    stack.back().block_elem = stack.back().elem;
    while (!stack.empty()) {
      Frame& f = stack.back();
      GumboVector& children = f.node->v.element.children;
      if (f.next_child >= children.length) {
        LeaveElement(f.node, f.elem);
        stack.pop_back();
        continue;
      }
      GumboNode* child = static_cast<GumboNode*>(children.data[f.next_child++]);
      int block_elem = f.block_elem;
      int link_depth = f.link_depth;
      int parent_elem = f.elem >= 0 ? f.elem : CurrentElem(stack);
      switch (child->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
          AddText(child->v.text, block_elem, link_depth > 0);
          break;
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE: {
          const GumboElement& e = child->v.element;
          CollectMeta(child);
          if (e.tag == GUMBO_TAG_BR) {
            Flush();
            break;
          }
          if (IsSkipped(e.tag) || IsHidden(e)) break;
          int elem = -1;
          if (!EnterElement(child, &elem, parent_elem)) break;
          bool block = IsBlockLevel(e.tag);
          if (block) Flush();
          bool link = e.tag == GUMBO_TAG_A && gumbo_get_attribute(&e.attributes, "href");
          stack.push_back({child, 0, elem, block ? elem : block_elem, link_depth + (link ? 1 : 0)});
          break;
        }
        default:
          break;
      }
    }
    Flush();
    Aggregate();
  }

  void CollectMetaPublic(GumboNode* node) { CollectMeta(node); }

 private:
  template <typename S>
  static int CurrentElem(const S& stack) {
    for (size_t k = stack.size(); k > 0; --k) {
      if (stack[k - 1].elem >= 0) return stack[k - 1].elem;
    }
    return -1;
  }

  // Creates the Element for `node`; false when a hint says to drop it.
  bool EnterElement(GumboNode* node, int* elem, int parent) {
    const GumboElement& e = node->v.element;
    Element el;
    el.parent = parent;
    el.tag = MapTag(e.tag);
    std::string_view cls = Attr(e, "class");
    std::string_view id = Attr(e, "id");
    if (!cls.empty() || !id.empty()) {
      HintScore a = hints_.Score(cls);
      HintScore b = hints_.Score(id);
      if ((a.drop || b.drop) && e.tag != GUMBO_TAG_BODY && e.tag != GUMBO_TAG_HTML) return false;
      el.hint = a.weight + b.weight;
      el.keep = a.keep || b.keep;
      el.class_name = RawAttr(e, "class");
    }
    std::string_view itemprop = Attr(e, "itemprop");
    el.itemprop_body = itemprop == "articleBody" || itemprop == "articlebody";
    el.first_block = static_cast<uint32_t>(m_->blocks.size()) + (open_ ? 1 : 0);
    *elem = static_cast<int>(m_->elements.size());
    m_->elements.push_back(el);
    return true;
  }

  void LeaveElement(GumboNode* node, int elem) {
    if (node->type == GUMBO_NODE_ELEMENT && IsBlockLevel(node->v.element.tag)) Flush();
    if (elem < 0) return;
    Element& el = m_->elements[elem];
    el.end = static_cast<uint32_t>(m_->elements.size());
    el.end_block = static_cast<uint32_t>(m_->blocks.size()) + (open_ ? 1 : 0);
    if (el.first_block > el.end_block) el.first_block = el.end_block;
  }

  void CollectMeta(GumboNode* node) {
    const GumboElement& e = node->v.element;
    PageMeta& meta = m_->meta;
    switch (e.tag) {
      case GUMBO_TAG_TITLE:
        if (meta.title_tag.empty()) meta.title_tag = NodeText(node, 2000);
        break;
      case GUMBO_TAG_META: {
        std::string_view key = Attr(e, "property");
        if (key.empty()) key = Attr(e, "name");
        if (key.empty()) key = Attr(e, "itemprop");
        std::string_view content = Attr(e, "content");
        if (!key.empty() && !content.empty() && meta.meta.size() < 500) {
          std::string k;
          for (char c : key) k += Lower(c);
          meta.meta.emplace_back(std::move(k), std::string(content.substr(0, 2000)));
        }
        break;
      }
      case GUMBO_TAG_LINK: {
        std::string_view rel = Attr(e, "rel");
        if (meta.canonical.empty() && ContainsNoCase(rel, "canonical")) {
          meta.canonical = std::string(Attr(e, "href"));
        }
        break;
      }
      case GUMBO_TAG_HTML:
        if (meta.lang.empty()) meta.lang = std::string(Attr(e, "lang"));
        break;
      case GUMBO_TAG_TIME:
        if (meta.first_time_datetime.empty()) {
          meta.first_time_datetime = std::string(Attr(e, "datetime").substr(0, 100));
        }
        break;
      case GUMBO_TAG_H1:
        if (meta.h1.empty()) meta.h1 = NodeText(node, 1000);
        break;
      default:
        break;
    }
    if (meta.byline_text.empty()) {
      std::string_view rel = Attr(e, "rel");
      std::string_view cls = Attr(e, "class");
      std::string_view itemprop = Attr(e, "itemprop");
      if (rel == "author" || ContainsNoCase(cls, "byline") || itemprop == "author") {
        std::string t = NodeText(node, 200);
        if (!t.empty() && t.size() < 100) meta.byline_text = t;
      }
    }
  }

  // Visible text under `node`, whitespace collapsed, at most `limit` bytes.
  std::string NodeText(GumboNode* node, size_t limit) {
    std::string out;
    std::vector<GumboNode*> todo{node};
    while (!todo.empty() && out.size() < limit) {
      GumboNode* n = todo.back();
      todo.pop_back();
      if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
          n->type == GUMBO_NODE_CDATA) {
        AppendCollapsed(n->v.text.text, &out);
      } else if (n->type == GUMBO_NODE_ELEMENT) {
        if (n != node && (IsSkipped(n->v.element.tag) || IsHidden(n->v.element))) continue;
        const GumboVector& c = n->v.element.children;
        for (unsigned k = c.length; k > 0; --k)
          todo.push_back(static_cast<GumboNode*>(c.data[k - 1]));
      }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  }

  static void AppendCollapsed(std::string_view s, std::string* out) {
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      bool space = IsSpaceByte(c);
      if (!space && c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
        space = true;
        ++i;
      }
      if (space) {
        if (!out->empty() && out->back() != ' ') *out += ' ';
      } else {
        *out += c;
      }
    }
  }

  void AddText(const GumboText& t, int block_elem, bool in_link) {
    std::string_view text = t.text;
    if (open_ && cur_.elem != block_elem) Flush();
    if (!open_) {
      // Leading whitespace never starts a block.
      bool all_space = true;
      for (char c : text) {
        if (!IsSpaceByte(c)) {
          all_space = false;
          break;
        }
      }
      if (all_space) return;
      open_ = true;
      cur_ = Block();
      cur_.elem = block_elem;
      cur_.tag = block_elem >= 0 ? m_->elements[block_elem].tag : Tag::kOther;
    }
    std::string_view orig(t.original_text.data, t.original_text.length);
    uint32_t src = static_cast<uint32_t>(orig.data() - html_.data());
    bool verbatim = orig.size() == text.size();  // no entities decoded
    std::string& out = cur_.text;
    // Alignment of decoded text with the source: with no entities the two
    // advance together; otherwise an entity in the source ("&amp;") stands
    // for one code point of the text.
    size_t j = 0;  // position in orig
    int64_t delta = INT64_MIN;
    auto anchor = [&](size_t src_pos) {
      int64_t d = static_cast<int64_t>(out.size()) - static_cast<int64_t>(src_pos);
      if (d != delta) {
        cur_.anchors.emplace_back(static_cast<uint32_t>(out.size()),
                                  static_cast<uint32_t>(src_pos));
        delta = d;
      }
    };
    for (size_t i = 0; i < text.size();) {
      size_t src_pos = src + std::min(j, orig.size());
      char c = text[i];
      size_t len = 1;
      bool space = IsSpaceByte(c);
      if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
        space = true;
        len = 2;
      } else if ((c & 0x80) != 0) {
        unsigned char u = static_cast<unsigned char>(c);
        len = u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : u >= 0xC0 ? 2 : 1;
      }
      // Advance j over the source of this character.
      size_t src_len = len;
      if (!verbatim && j < orig.size() && orig[j] == '&') {
        size_t k = j + 1;
        while (k < orig.size() && k - j < 40 && orig[k] != ';' && orig[k] != '&' &&
               !IsSpaceByte(orig[k]) && orig[k] != '<') {
          ++k;
        }
        if (k < orig.size() && orig[k] == ';') ++k;
        // A literal '&' reads the same in both; an entity does not.
        if (k - j > 1 && text.compare(i, k - j, orig.substr(j, k - j)) != 0) src_len = k - j;
      }
      if (space) {
        if (!out.empty() && out.back() != ' ') {
          anchor(src_pos);
          out += ' ';
        }
      } else {
        anchor(src_pos);
        out.append(text.substr(i, len));
        ++cur_.chars;
        if (in_link) ++cur_.link_chars;
      }
      i += len;
      j += src_len;
    }
  }

  void Flush() {
    if (!open_) return;
    open_ = false;
    while (!cur_.text.empty() && cur_.text.back() == ' ') cur_.text.pop_back();
    if (cur_.chars == 0) return;
    m_->blocks.push_back(std::move(cur_));
  }

  // Subtree totals, children before parents (elements are in pre-order).
  void Aggregate() {
    auto& els = m_->elements;
    for (const Block& b : m_->blocks) {
      if (b.elem < 0) continue;
      els[b.elem].text_chars += b.chars;
      els[b.elem].link_chars += b.link_chars;
    }
    for (size_t i = els.size(); i > 0; --i) {
      const Element& e = els[i - 1];
      if (e.parent >= 0) {
        if (e.keep) els[e.parent].keep = true;
        els[e.parent].text_chars += e.text_chars;
        els[e.parent].link_chars += e.link_chars;
      }
    }
  }

  std::string_view html_;
  const HintLexicon& hints_;
  PageModel* m_;
  bool open_ = false;
  Block cur_;
};

}  // namespace

PageModel BuildPageModel(std::string_view html, const HintLexicon& hints) {
  PageModel model;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // errors are not used; do not spend time recording them
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> out(
      gumbo_parse_with_options(&options, html.data(), html.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  if (out == nullptr || out->root == nullptr) return model;
  // The walk starts at <html>; <head> is skipped for text but its tags still
  // feed the metadata.
  Walker walker(html, hints, &model);
  GumboNode* root = out->root;
  walker.CollectMetaPublic(root);
  // Metadata from <head> (title, meta, link) before the body walk.
  const GumboVector& kids = root->v.element.children;
  for (unsigned k = 0; k < kids.length; ++k) {
    GumboNode* head = static_cast<GumboNode*>(kids.data[k]);
    if (head->type != GUMBO_NODE_ELEMENT || head->v.element.tag != GUMBO_TAG_HEAD) continue;
    const GumboVector& hk = head->v.element.children;
    for (unsigned i = 0; i < hk.length; ++i) {
      GumboNode* n = static_cast<GumboNode*>(hk.data[i]);
      if (n->type == GUMBO_NODE_ELEMENT) walker.CollectMetaPublic(n);
    }
  }
  walker.Walk(root);
  // An element left while a block was still open counted that block; when
  // the block was then dropped (nothing visible in it), its range ran one
  // past the last block (the ingest fuzzer read that block's text).
  const uint32_t n = static_cast<uint32_t>(model.blocks.size());
  for (Element& el : model.elements) {
    el.end_block = std::min(el.end_block, n);
    el.first_block = std::min(el.first_block, el.end_block);
  }
  return model;
}

}  // namespace sitrep::html
