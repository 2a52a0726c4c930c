// Renderers of the brief: Markdown, a self-contained HTML page, JSON
// (docs/brief-json.md) and CSV. Pure functions of a Brief; all article text
// is escaped for the target format.
#ifndef SITREP_REPORT_RENDER_H_
#define SITREP_REPORT_RENDER_H_

#include <string>
#include <vector>

#include "report/brief.h"
#include "report/consolidate.h"

namespace sitrep::report {

// Which parts of the brief a renderer writes (sitrep timeline, claims and
// sources print parts of it).
enum Section : unsigned {
  kHeader = 1u << 0,
  kKeyDevelopments = 1u << 1,
  kTimeline = 1u << 2,
  kClaimGroups = 1u << 3,
  kActors = 1u << 4,
  kOutlets = 1u << 5,
  kCaveats = 1u << 6,
  kAllSections = 0x7f,
};

std::string RenderJson(const Brief& brief, unsigned sections = kAllSections);
std::string RenderMarkdown(const Brief& brief, unsigned sections = kAllSections);
std::string RenderHtml(const Brief& brief, unsigned sections = kAllSections);
// Plain text: Markdown without tables' pipes, for terminals.
std::string RenderText(const Brief& brief, unsigned sections = kAllSections);

// CSV (RFC 4180): one row per timeline entry / per claim-group value / per outlet.
std::string RenderTimelineCsv(const Brief& brief);
std::string RenderClaimGroupsCsv(const Brief& brief);
std::string RenderOutletsCsv(const Brief& brief);

// Individual claims (sitrep claims without --contested).
std::string RenderClaimRowsJson(const std::vector<ClaimRow>& rows);
std::string RenderClaimRowsCsv(const std::vector<ClaimRow>& rows);
std::string RenderClaimRowsText(const std::vector<ClaimRow>& rows);

// Escaping helpers (exposed for tests).
std::string HtmlEscape(std::string_view s);
std::string CsvField(std::string_view s);
// Markdown-safe inline text: escapes characters that would start markup.
std::string MarkdownEscape(std::string_view s);

}  // namespace sitrep::report

#endif  // SITREP_REPORT_RENDER_H_
