#include "html/article_select.h"

#include <algorithm>
#include <cmath>

namespace sitrep::html {
namespace {

constexpr uint32_t kMinParagraphChars = 25;  // shorter blocks add no score

int TagWeight(Tag t) {
  switch (t) {
    case Tag::kDiv:
      return 5;
    case Tag::kArticle:
    case Tag::kMain:
      return 10;
    case Tag::kPre:
    case Tag::kTd:
    case Tag::kBlockquote:
      return 3;
    case Tag::kAddress:
    case Tag::kOl:
    case Tag::kUl:
    case Tag::kDl:
    case Tag::kDd:
    case Tag::kDt:
    case Tag::kLi:
    case Tag::kForm:
      return -3;
    case Tag::kH1:
    case Tag::kH2:
    case Tag::kH3:
    case Tag::kH4:
    case Tag::kH5:
    case Tag::kH6:
    case Tag::kTh:
      return -5;
    case Tag::kAside:
    case Tag::kFooter:
    case Tag::kNav:
      return -25;
    case Tag::kHeader:
      return -10;
    default:
      return 0;
  }
}

// Tags that hold one paragraph: their text scores the enclosing container.
bool IsParagraphLike(Tag t) {
  switch (t) {
    case Tag::kP:
    case Tag::kPre:
    case Tag::kTd:
    case Tag::kTh:
    case Tag::kLi:
    case Tag::kBlockquote:
    case Tag::kDd:
    case Tag::kDt:
    case Tag::kAddress:
    case Tag::kFigcaption:
      return true;
    default:
      return IsHeading(t);
  }
}

double LinkDensity(const Element& e) {
  return e.text_chars == 0 ? 0.0 : static_cast<double>(e.link_chars) / e.text_chars;
}

int Commas(const std::string& s) {
  int n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ',') ++n;
    // Fullwidth and ideographic commas (U+FF0C, U+3001).
    if (s[i] == '\xEF' && i + 2 < s.size() && s[i + 1] == '\xBC' && s[i + 2] == '\x8C') ++n;
    if (s[i] == '\xE3' && i + 2 < s.size() && s[i + 1] == '\x80' && s[i + 2] == '\x81') ++n;
  }
  return n;
}

class Selector {
 public:
  explicit Selector(const PageModel& page)
      : page_(page), els_(page.elements), score_(els_.size(), 0.0), init_(els_.size(), 0) {}

  Selection Run() {
    Selection sel;
    if (page_.blocks.empty()) {
      sel.empty_reason = "no article found: the page has no visible text";
      return sel;
    }
    ScoreBlocks();
    int top = TopCandidate();
    if (top < 0) {
      sel.empty_reason = "no article found: no paragraph of text";
      return sel;
    }
    std::vector<int> roots = WithSiblings(top);
    AddSameClassContainers(&roots);
    std::vector<char> bad(els_.size(), 0);
    for (int r : roots) MarkBoilerplate(r, &bad);
    for (int r : roots) {
      const Element& e = els_[r];
      for (uint32_t b = e.first_block; b < e.end_block; ++b) {
        const Block& block = page_.blocks[b];
        if (block.elem >= 0 && bad[block.elem]) continue;
        if (block.link_chars * 2 > block.chars) continue;
        sel.blocks.push_back(b);
      }
    }
    if (sel.blocks.empty()) sel.empty_reason = "no article found: only boilerplate text";
    return sel;
  }

 private:
  double Final(int e) const { return score_[e] * (1.0 - LinkDensity(els_[e])); }

  void Init(int e) {
    if (init_[e]) return;
    init_[e] = 1;
    score_[e] = TagWeight(els_[e].tag) + els_[e].hint + (els_[e].itemprop_body ? 25 : 0);
  }

  void ScoreBlocks() {
    for (const Block& b : page_.blocks) {
      if (b.chars < kMinParagraphChars || b.elem < 0 || IsHeading(b.tag)) continue;
      if (b.link_chars * 2 > b.chars) continue;
      double s = 1.0 + Commas(b.text) + std::min(b.chars / 100, 3u);
      int anc = IsParagraphLike(b.tag) ? els_[b.elem].parent : b.elem;
      for (int level = 0; level < 5 && anc >= 0; ++level) {
        Init(anc);
        double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
        score_[anc] += s / divider;
        anc = els_[anc].parent;
      }
    }
  }

  int TopCandidate() {
    int top = -1;
    std::vector<int> best;  // top five, best first
    for (size_t e = 0; e < els_.size(); ++e) {
      if (!init_[e]) continue;
      best.push_back(static_cast<int>(e));
      std::sort(best.begin(), best.end(), [&](int a, int b) { return Final(a) > Final(b); });
      if (best.size() > 5) best.pop_back();
    }
    if (best.empty()) return -1;
    top = best[0];
    double top_score = Final(top);
    // Several near-best candidates under one ancestor: the article is split
    // over containers, so take their common ancestor.
    std::vector<int> alternatives;
    for (size_t k = 1; k < best.size(); ++k) {
      if (Final(best[k]) >= 0.75 * top_score) alternatives.push_back(best[k]);
    }
    if (alternatives.size() >= 3) {
      for (int a = els_[top].parent; a >= 0 && els_[a].tag != Tag::kBody; a = els_[a].parent) {
        int inside = 0;
        for (int alt : alternatives) {
          if (alt > a && static_cast<uint32_t>(alt) < els_[a].end) ++inside;
        }
        if (inside >= 3) {
          top = a;
          Init(top);
          break;
        }
      }
    }
    // Climb while the parent scores about as well: the container that holds
    // the whole article often scores just above a part of it.
    double last = Final(top);
    double threshold = last / 3.0;
    for (int p = els_[top].parent; p >= 0 && els_[p].tag != Tag::kBody; p = els_[p].parent) {
      if (!init_[p]) continue;
      double ps = Final(p);
      if (ps < threshold) break;
      if (ps > last) {
        top = p;
        break;
      }
      last = ps;
    }
    // A lone child carries no information: use its parent instead.
    for (int p = els_[top].parent; p >= 0 && els_[p].tag != Tag::kBody; p = els_[p].parent) {
      int children = 0;
      for (uint32_t c = static_cast<uint32_t>(p) + 1; c < els_[p].end; c = els_[c].end) ++children;
      if (children != 1) break;
      top = p;
    }
    return top;
  }

  std::vector<int> WithSiblings(int top) {
    std::vector<int> out;
    int parent = els_[top].parent;
    if (parent < 0) return {top};
    Init(top);
    double top_score = Final(top);
    double threshold = std::max(10.0, top_score * 0.2);
    const std::string_view top_class = els_[top].class_name;
    for (uint32_t c = static_cast<uint32_t>(parent) + 1; c < els_[parent].end; c = els_[c].end) {
      int s = static_cast<int>(c);
      if (s == top) {
        out.push_back(s);
        continue;
      }
      const Element& e = els_[s];
      double bonus = (!top_class.empty() && e.class_name == top_class) ? top_score * 0.2 : 0.0;
      if (init_[s] && Final(s) + bonus >= threshold) {
        out.push_back(s);
        continue;
      }
      if (e.tag == Tag::kP) {
        double ld = LinkDensity(e);
        if (e.text_chars > 80 && ld < 0.25) {
          out.push_back(s);
        } else if (e.text_chars > 0 && e.text_chars <= 80 && ld == 0.0 && EndsSentence(e)) {
          out.push_back(s);
        }
      }
    }
    return out;
  }

  // An article split by a video or image gallery often continues in a
  // container far from the first one but of the same class as the one that
  // holds its paragraphs ("post__content"). Adds such containers when they
  // hold real paragraphs and sit outside boilerplate.
  void AddSameClassContainers(std::vector<int>* roots) {
    // The container of most article paragraphs.
    std::vector<int> holders;
    for (int r : *roots) {
      for (uint32_t b = els_[r].first_block; b < els_[r].end_block; ++b) {
        const Block& block = page_.blocks[b];
        if (block.chars < kMinParagraphChars || block.elem < 0) continue;
        holders.push_back(IsParagraphLike(block.tag) ? els_[block.elem].parent : block.elem);
      }
    }
    if (holders.empty()) return;
    std::sort(holders.begin(), holders.end());
    int holder = -1;
    size_t best = 0;
    for (size_t i = 0; i < holders.size();) {
      size_t j = i;
      while (j < holders.size() && holders[j] == holders[i]) ++j;
      if (j - i > best) {
        best = j - i;
        holder = holders[i];
      }
      i = j;
    }
    if (holder < 0) return;
    std::string_view cls = els_[holder].class_name;
    if (cls.empty()) return;
    auto inside_roots = [&](int x) {
      for (int r : *roots) {
        if (x >= r && static_cast<uint32_t>(x) < els_[r].end) return true;
        if (r >= x && static_cast<uint32_t>(r) < els_[x].end) return true;  // contains a root
      }
      return false;
    };
    std::vector<int> added;
    for (size_t x = 0; x < els_.size(); ++x) {
      const Element& e = els_[x];
      if (static_cast<int>(x) == holder || e.class_name != cls) continue;
      if (e.text_chars < 200 || LinkDensity(e) > 0.3 || Paragraphs(e) < 2) continue;
      if (inside_roots(static_cast<int>(x)) || InBoilerplate(static_cast<int>(x))) continue;
      added.push_back(static_cast<int>(x));
      x = e.end - 1;  // skip its subtree
    }
    if (added.empty()) return;
    roots->insert(roots->end(), added.begin(), added.end());
    std::sort(roots->begin(), roots->end());
  }

  // Blocks of this subtree long enough to be paragraphs of running text.
  int Paragraphs(const Element& e) const {
    int n = 0;
    for (uint32_t b = e.first_block; b < e.end_block; ++b) {
      const Block& block = page_.blocks[b];
      if (block.chars >= 60 && !IsHeading(block.tag) && block.link_chars * 4 < block.chars) ++n;
    }
    return n;
  }

  // True when an ancestor is navigation, an aside, a footer or has a
  // strongly negative class/id hint.
  bool InBoilerplate(int x) const {
    for (int a = x; a >= 0; a = els_[a].parent) {
      const Element& e = els_[a];
      if (e.hint <= -20 || e.tag == Tag::kAside || e.tag == Tag::kFooter || e.tag == Tag::kNav) {
        return true;
      }
    }
    return false;
  }

  bool EndsSentence(const Element& e) const {
    for (uint32_t b = e.first_block; b < e.end_block; ++b) {
      const std::string& t = page_.blocks[b].text;
      if (t.find(". ") != std::string::npos || (!t.empty() && t.back() == '.')) return true;
    }
    return false;
  }

  // Marks elements under `root` that look like boilerplate inside the
  // article: negative hints or tags, or link lists.
  void MarkBoilerplate(int root, std::vector<char>* bad) {
    const Element& r = els_[root];
    for (uint32_t x = static_cast<uint32_t>(root) + 1; x < r.end; ++x) {
      const Element& e = els_[x];
      if (e.parent >= 0 && (*bad)[e.parent]) {
        (*bad)[x] = 1;
        continue;
      }
      double weight = e.hint + TagWeight(e.tag);
      bool big = e.text_chars * 2 > r.text_chars;
      if (!big && e.hint < 0 && weight < 0 && !e.keep) (*bad)[x] = 1;
      // Asides, forms and figures (images with their captions and credits)
      // sit inside articles but are not part of the running text.
      if (!big && (e.tag == Tag::kAside || e.tag == Tag::kForm || e.tag == Tag::kFigure ||
                   e.tag == Tag::kFigcaption)) {
        (*bad)[x] = 1;
      }
      if ((e.tag == Tag::kUl || e.tag == Tag::kOl || e.tag == Tag::kTable || e.tag == Tag::kDiv ||
           e.tag == Tag::kSection) &&
          LinkDensity(e) > 0.5 && !big) {
        (*bad)[x] = 1;
      }
    }
  }

  const PageModel& page_;
  const std::vector<Element>& els_;
  std::vector<double> score_;
  std::vector<char> init_;
};

}  // namespace

Selection SelectArticle(const PageModel& page) { return Selector(page).Run(); }

}  // namespace sitrep::html
