// Article extraction: bound and decode the bytes, pre-scan, parse, score,
// assemble text with offsets back to the raw page.
#include "html/extractor.h"

#include <algorithm>

#include "html/article_select.h"
#include "html/charset.h"
#include "html/dom_walk.h"
#include "html/hints.h"
#include "html/metadata.h"
#include "html/prescan.h"

namespace sitrep {
namespace {

// Lowercased letters and digits only, for comparing a heading with the title.
std::string Squash(std::string_view s) {
  std::string out;
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c & 0x80)) {
      out += c;
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c + 32);
    }
  }
  return out;
}

// Turns (clean offset, parser-input offset) anchors into a clean -> raw map,
// adding anchors wherever a lower map (pre-scan, charset) jumps inside a
// run, so every position maps exactly.
OffsetMap Compose(const std::vector<std::pair<uint32_t, uint32_t>>& anchors, uint32_t text_size,
                  const OffsetMap& parse_to_utf8, const OffsetMap& utf8_to_raw) {
  OffsetMap out;
  auto push = [&](uint32_t clean, uint64_t raw) {
    if (!out.clean.empty() && out.clean.back() == clean) {
      out.raw.back() = raw;
      return;
    }
    // Skip anchors the one-to-one rule already implies.
    if (!out.clean.empty() && out.raw.back() + (clean - out.clean.back()) == raw) return;
    out.clean.push_back(clean);
    out.raw.push_back(raw);
  };
  for (size_t i = 0; i < anchors.size(); ++i) {
    uint32_t c0 = anchors[i].first;
    uint32_t c1 = i + 1 < anchors.size() ? anchors[i + 1].first : text_size;
    uint64_t p0 = anchors[i].second;
    uint64_t u0 = parse_to_utf8.ToRaw(static_cast<uint32_t>(p0));
    push(c0, utf8_to_raw.ToRaw(static_cast<uint32_t>(u0)));
    if (utf8_to_raw.clean.empty() || c1 <= c0) continue;
    // Charset anchors inside (u0, u0 + run).
    uint64_t u1 = u0 + (c1 - c0);
    auto it = std::upper_bound(utf8_to_raw.clean.begin(), utf8_to_raw.clean.end(),
                               static_cast<uint32_t>(u0));
    for (; it != utf8_to_raw.clean.end() && *it < u1; ++it) {
      size_t k = static_cast<size_t>(it - utf8_to_raw.clean.begin());
      push(static_cast<uint32_t>(c0 + (*it - u0)), utf8_to_raw.raw[k]);
    }
  }
  return out;
}

}  // namespace

ExtractedArticle ExtractArticle(std::string_view html, const ExtractOptions& options) {
  ExtractedArticle a;
  if (html.empty()) {
    a.empty_reason = "empty input";
    return a;
  }
  if (html.size() > options.max_bytes) {
    a.warnings.push_back("page of " + std::to_string(html.size()) + " bytes truncated to " +
                         std::to_string(options.max_bytes));
    html = html.substr(0, options.max_bytes);
  }
  html::DecodedPage page = html::DecodePage(html);
  for (auto& w : page.warnings) a.warnings.push_back(std::move(w));
  html::PrescanResult pre = html::Prescan(page.utf8, options.max_depth);
  if (pre.flattened_tags > 0) {
    a.warnings.push_back("markup nested " + std::to_string(pre.max_depth_seen) +
                         " deep flattened at depth " + std::to_string(options.max_depth) + " (" +
                         std::to_string(pre.flattened_tags) + " tags)");
  }
  if (pre.html.size() > options.max_parse_bytes) {
    a.warnings.push_back("markup of " + std::to_string(pre.html.size()) + " bytes cut to " +
                         std::to_string(options.max_parse_bytes) + " for parsing");
    pre.html.resize(options.max_parse_bytes);
  }
  std::string hint_error;
  const html::HintLexicon& hints = html::HintLexicon::Default(&hint_error);
  if (!hint_error.empty()) a.warnings.push_back("class/id hints not loaded: " + hint_error);

  html::PageModel model = html::BuildPageModel(pre.html, hints);
  html::FillMetadata(model.meta, pre.json_ld, &a);
  html::Selection sel = html::SelectArticle(model);

  std::vector<std::pair<uint32_t, uint32_t>> anchors;
  std::string title_key = Squash(a.title);
  for (uint32_t b : sel.blocks) {
    const html::Block& block = model.blocks[b];
    // The headline is metadata, not body text.
    if (html::IsHeading(block.tag) && !title_key.empty() && Squash(block.text) == title_key) {
      continue;
    }
    if (!a.text.empty()) a.text += "\n\n";
    uint32_t start = static_cast<uint32_t>(a.text.size());
    a.text += block.text;
    a.paragraphs.push_back({start, static_cast<uint32_t>(a.text.size())});
    for (const auto& [off, pos] : block.anchors) anchors.emplace_back(start + off, pos);
  }
  a.offsets = Compose(anchors, static_cast<uint32_t>(a.text.size()), pre.to_input, page.to_raw);
  if (a.text.empty()) {
    a.empty_reason = sel.empty_reason.empty() ? "no article found" : sel.empty_reason;
  }
  return a;
}

}  // namespace sitrep
