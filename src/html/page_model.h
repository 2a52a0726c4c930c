// The parser-neutral view of a page that extraction works on: elements (in
// document order) and the text blocks inside them. Only dom_walk.cc knows the
// HTML parser; everything after it reads this model.
#ifndef SITREP_HTML_PAGE_MODEL_H_
#define SITREP_HTML_PAGE_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sitrep::html {

// The tags extraction treats differently; everything else is kOther.
enum class Tag : uint8_t {
  kOther,
  kBody,
  kArticle,
  kMain,
  kSection,
  kDiv,
  kP,
  kPre,
  kBlockquote,
  kTd,
  kTh,
  kTr,
  kTable,
  kUl,
  kOl,
  kLi,
  kDl,
  kDd,
  kDt,
  kH1,
  kH2,
  kH3,
  kH4,
  kH5,
  kH6,
  kHeader,
  kFooter,
  kAside,
  kNav,
  kForm,
  kFigure,
  kFigcaption,
  kAddress,
  kSpan,
  kA,
  kFont,
  kCenter,
};

struct Element {
  int parent = -1;
  Tag tag = Tag::kOther;
  int hint = 0;                // class/id weight from the hint lexicon
  bool itemprop_body = false;  // itemprop="articleBody" (schema.org)
  bool keep = false;           // this element or one inside it is marked content by a hint
  uint32_t end = 0;            // one past the last element of this subtree
  uint32_t first_block = 0, end_block = 0;  // blocks of this subtree
  uint32_t text_chars = 0, link_chars = 0;  // totals over the subtree
  std::string_view class_name;              // class attribute (points into the parser input)
};

struct Block {
  int elem = -1;  // innermost block-level element holding the text
  std::string text;
  // (offset in text, offset in the parser input) where the mapping jumps.
  std::vector<std::pair<uint32_t, uint32_t>> anchors;
  uint32_t chars = 0;       // code points
  uint32_t link_chars = 0;  // code points inside <a href>
  Tag tag = Tag::kOther;    // tag of `elem`
};

struct PageMeta {
  std::string title_tag, lang, canonical;
  std::vector<std::pair<std::string, std::string>> meta;  // (name|property|itemprop, content)
  std::string first_time_datetime;                        // first <time datetime>
  std::string byline_text;  // first short text of a byline/author element
  std::string h1;           // first <h1> text
};

struct PageModel {
  std::vector<Element> elements;
  std::vector<Block> blocks;
  PageMeta meta;
};

inline bool IsHeading(Tag t) { return t >= Tag::kH1 && t <= Tag::kH6; }

}  // namespace sitrep::html

#endif  // SITREP_HTML_PAGE_MODEL_H_
