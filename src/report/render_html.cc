// The brief as one self-contained HTML page: no scripts, fonts or images
// from elsewhere, a timeline drawn in SVG, and citations that show their
// quoted sentence on hover. Every piece of article text is escaped.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/consolidate_state.h"
#include "report/render.h"
#include "report/summary.h"

namespace sitrep::report {
namespace {

constexpr std::string_view kStyle = R"css(
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#1a202c}
h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:1px solid #cbd5e0;padding-bottom:.2em;margin-top:1.6em}
.meta{color:#4a5568}.date{font-weight:600;white-space:nowrap}.src{color:#4a5568;font-style:italic}
a.cite{text-decoration:none;color:#2b6cb0;font-size:.8em;vertical-align:super;position:relative}
a.cite:hover::after{content:attr(data-quote);position:absolute;left:0;top:1.4em;z-index:9;width:26em;
 background:#fffbea;border:1px solid #d69e2e;padding:.5em;font-size:.9rem;color:#1a202c;white-space:normal}
table{border-collapse:collapse;width:100%;font-size:.92em}th,td{border:1px solid #e2e8f0;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f7fafc}.status{font-weight:600}.contradictory{color:#c53030}.divergent{color:#c05621}
.consistent{color:#2f855a}.single-source{color:#4a5568}.planned{color:#c05621}.denied{color:#c53030}
.superseded{color:#718096;text-decoration:line-through}ul.timeline li{margin:.3em 0}
svg text{font:11px system-ui,sans-serif;fill:#4a5568}ol.citations li{margin:.4em 0}
.quote{color:#2d3748}.kind{font-weight:600}
)css";

std::string Marks(const Brief& b, const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) {
    auto it = b.citations.find(id);
    if (it == b.citations.end()) continue;
    const Citation& c = it->second;
    std::string tip = c.source + (c.published.empty() ? "" : ", " + c.published) + ": “" +
                      Ellipsize(c.quote, 400) + "”";
    out += fmt::format("<a class=\"cite\" href=\"#{}\" title=\"{}\" data-quote=\"{}\">[{}]</a>",
                       HtmlEscape(id), HtmlEscape(tip), HtmlEscape(tip), HtmlEscape(id.substr(1)));
  }
  return out;
}

std::string Join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? std::string(sep) : "") + v[i];
  return out;
}

// The timeline chart: one mark per event on a date axis, stacked in lanes
// where marks would overlap; ranges as bars; planned events hollow.
std::string TimelineSvg(const Brief& b) {
  std::vector<const TimelineEntry*> shown;
  for (const auto& e : b.timeline) {
    if (e.precision == "day" || e.precision == "week" || e.precision == "month")
      shown.push_back(&e);
  }
  if (shown.empty()) return {};
  // Drop the far past so recent events are readable: keep the span that
  // holds the last 18 months of events.
  Day hi = 0;
  for (auto* e : shown) hi = std::max(hi, e->end_day);
  std::erase_if(shown, [&](const TimelineEntry* e) { return e->end_day < hi - 548; });
  Day lo = shown.front()->begin_day;
  for (auto* e : shown) lo = std::min(lo, e->begin_day);
  lo -= 2;
  hi += 2;
  const double width = 900, left = 20, right = 20, lane_h = 18, top = 10;
  const double span = std::max(1, hi - lo);
  auto x = [&](Day d) { return left + (width - left - right) * (d - lo) / span; };
  std::vector<double> lane_end;
  std::string marks;
  for (auto* e : shown) {
    double x0 = x(e->begin_day), x1 = std::max(x(e->end_day), x0);
    double r = std::min(9.0, 4.0 + 1.5 * static_cast<double>(e->sources.size()));
    size_t lane = 0;
    while (lane < lane_end.size() && lane_end[lane] > x0 - r - 2) ++lane;
    if (lane == lane_end.size()) lane_end.push_back(0);
    lane_end[lane] = x1 + r;
    double y = top + r + lane * lane_h;
    const char* color = e->status == "planned"  ? "#c05621"
                        : e->status == "denied" ? "#c53030"
                                                : "#2b6cb0";
    std::string title =
        HtmlEscape(e->date_text + " — " + e->summary + " (" + Join(e->sources, ", ") + ")");
    marks += fmt::format("<a href=\"#{}\"><g><title>{}</title>", HtmlEscape(e->id), title);
    if (x1 - x0 > 3) {
      marks += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" rx=\"3\" fill=\"{}\" "
          "fill-opacity=\"0.35\" stroke=\"{}\"/>",
          x0, y - r / 2, x1 - x0, r, color, color);
    } else {
      marks += fmt::format(
          "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" fill=\"{}\" stroke=\"{}\" "
          "stroke-width=\"2\"/>",
          x0, y, r, e->status == "planned" ? "#fff" : color, color);
    }
    marks += "</g></a>";
  }
  double axis_y = top + lane_end.size() * lane_h + 12;
  std::string axis = fmt::format(
      "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#a0aec0\"/>", left,
      axis_y, width - right, axis_y);
  // Ticks on month starts (or years when the span is long).
  int y0, m0, d0;
  CivilFromDays(lo, &y0, &m0, &d0);
  int step = span > 800 ? 12 : span > 240 ? 3 : 1;
  for (int k = 0;; k += step) {
    int mm = m0 - 1 + k + 1;  // next month start after lo
    int yy = y0 + mm / 12;
    mm = mm % 12 + 1;
    Day d = DaysFromCivil(yy, mm, 1);
    if (d > hi) break;
    double tx = x(d);
    static constexpr const char* kShort[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    axis += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#a0aec0\"/>"
        "<text x=\"{:.1f}\" y=\"{:.1f}\">{} {}</text>",
        tx, axis_y - 4, tx, axis_y + 4, tx + 2, axis_y + 16, kShort[mm - 1], yy);
  }
  double height = axis_y + 24;
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {:.0f} {:.0f}\" width=\"100%\" "
      "role=\"img\" aria-label=\"Timeline of events\">{}{}</svg>\n"
      "<p class=\"meta\">Filled marks: events reported as having happened; hollow: planned; "
      "bars: periods; larger marks: more sources. Hover a mark for its summary.</p>\n",
      width, height, axis, marks);
}

}  // namespace

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string RenderHtml(const Brief& b, unsigned sections) {
  std::string h;
  auto out = [&h](std::string_view s) { h += s; };
  std::string title = b.topic.empty() ? "Situation brief" : "Situation brief: " + b.topic;
  out("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
  out("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  out("<title>" + HtmlEscape(title) + "</title>\n<style>");
  out(kStyle);
  out("</style>\n</head>\n<body>\n");
  out("<h1>" + HtmlEscape(title) + "</h1>\n");
  if (sections & kHeader) {
    out(fmt::format(
        "<p class=\"meta\"><b>As of</b> {}{} · <b>{}</b> documents from <b>{}</b> sources · "
        "<b>period covered</b> {} – {}</p>\n",
        HtmlEscape(b.as_of.empty() ? "(no dated documents)" : b.as_of),
        b.as_of_given ? "" : " (latest publication)", b.documents, b.sources.size(),
        HtmlEscape(b.period_begin.empty() ? "?" : b.period_begin),
        HtmlEscape(b.period_end.empty() ? "?" : b.period_end)));
    out("<p class=\"meta\">Sources: " + HtmlEscape(Join(b.sources, ", ")) + ".");
    if (b.documents_excluded > 0) {
      out(fmt::format(" {} documents published after {} left out.", b.documents_excluded,
                      HtmlEscape(b.as_of)));
    }
    out("</p>\n");
  }
  if (sections & kKeyDevelopments) {
    out("<h2>Key developments</h2>\n<ul>\n");
    for (const auto& id : b.key_developments) {
      const TimelineEntry* e = b.FindEvent(id);
      if (!e) continue;
      out(fmt::format(
          "<li><span class=\"date\">{}</span>{} — {} <span class=\"src\">{}</span>{}"
          "</li>\n",
          HtmlEscape(e->date_text),
          e->status == "happened" ? ""
                                  : " <span class=\"" + e->status + "\">(" + e->status + ")</span>",
          HtmlEscape(e->summary), HtmlEscape(Join(e->sources, ", ")), Marks(b, e->citations)));
    }
    out("</ul>\n");
  }
  if (sections & kTimeline) {
    out("<h2>Timeline</h2>\n");
    out(TimelineSvg(b));
    out("<ul class=\"timeline\">\n");
    for (const auto& e : b.timeline) {
      out(fmt::format(
          "<li id=\"{}\"><span class=\"date\">{}</span> <small>({}{})</small> <b>{}</b> — {} "
          "<span class=\"src\">{}</span> · confidence {:.2f}{}</li>\n",
          HtmlEscape(e.id), HtmlEscape(e.date_text), HtmlEscape(e.precision),
          e.status == "happened" ? ""
                                 : ", <span class=\"" + e.status + "\">" + e.status + "</span>",
          HtmlEscape(e.type), HtmlEscape(e.summary), HtmlEscape(Join(e.sources, ", ")),
          e.confidence, Marks(b, e.citations)));
    }
    out("</ul>\n");
  }
  if (sections & kClaimGroups) {
    out("<h2>Contested figures</h2>\n");
    for (const auto& g : b.claim_groups) {
      std::string subject = g.subject_name.empty() ? g.subject : g.subject_name;
      std::string range = FormatGroupRange(g);
      out(fmt::format(
          "<h3>{}{}</h3>\n<p><span class=\"status {}\">{}</span> · figures given: {} · "
          "{} sources</p>\n",
          HtmlEscape(g.measure), subject.empty() ? "" : " — " + HtmlEscape(subject),
          HtmlEscape(g.status), HtmlEscape(g.status), HtmlEscape(range), g.source_count));
      out("<table><tr><th>Source</th><th>Figure</th><th>According to</th><th>Modality</th>"
          "<th>Published</th><th></th></tr>\n");
      for (const auto& v : g.values) {
        std::string fig = FormatValue(v.min, v.max, v.approx, v.bound, v.increment);
        out(fmt::format(
            "<tr><td>{}</td><td{}>{}</td><td>{}{}</td><td>{}</td><td>{}</td><td>{}"
            "</td></tr>\n",
            HtmlEscape(v.source), v.superseded ? " class=\"superseded\"" : "",
            HtmlEscape(fig) + (v.superseded ? " (updated later)" : ""),
            HtmlEscape(v.attribution.empty() ? "—" : v.attribution),
            v.anonymous ? " <i>(unnamed)</i>" : "", HtmlEscape(v.modality),
            HtmlEscape(v.published.empty() ? "?" : v.published), Marks(b, {v.citation})));
      }
      out("</table>\n");
    }
  }
  if (sections & kActors) {
    out("<h2>Actors</h2>\n<ul>\n");
    for (const auto& a : b.actors) {
      out(fmt::format("<li><b>{}</b> ({}{}) — {} mentions in {} sources", HtmlEscape(a.name),
                      HtmlEscape(a.type.empty() ? "" : a.type + ", "), HtmlEscape(a.id), a.mentions,
                      a.sources));
      int shown = 0;
      for (const auto& id : a.events) {
        const TimelineEntry* e = b.FindEvent(id);
        if (!e || shown >= 2) continue;
        out(fmt::format("{} {}: {}{}", shown == 0 ? "." : ";", HtmlEscape(e->date_text),
                        HtmlEscape(Ellipsize(e->summary, 140)),
                        e->citations.empty() ? "" : Marks(b, {e->citations.front()})));
        ++shown;
      }
      out("</li>\n");
    }
    out("</ul>\n");
  }
  if (sections & kOutlets) {
    out("<h2>Sources and framing</h2>\n<table><tr><th>Source</th><th>Documents</th>"
        "<th>Published</th><th>Affiliation</th><th>Framing markers</th><th>Cites</th></tr>\n");
    for (const auto& o : b.outlets) {
      std::vector<std::string> framing;
      for (const auto& f : o.framing) {
        framing.push_back(fmt::format("{} <small>({}, {})</small>", HtmlEscape(f.marker),
                                      HtmlEscape(f.stance), f.documents));
      }
      std::vector<std::string> cites;
      for (const auto& c : o.cites) cites.push_back(HtmlEscape(c));
      out(fmt::format(
          "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
          "</tr>\n",
          HtmlEscape(o.source), o.documents,
          HtmlEscape(o.first.empty()     ? "undated"
                     : o.first == o.last ? o.first
                                         : o.first + " – " + o.last),
          HtmlEscape(o.affiliation.empty()
                         ? "—"
                         : o.affiliation + (o.affiliation_country.empty()
                                                ? ""
                                                : " (" + o.affiliation_country + ")")),
          framing.empty() ? "—" : Join(framing, "; "), cites.empty() ? "—" : Join(cites, "; ")));
    }
    out("</table>\n");
  }
  if (sections & kCaveats) {
    out("<h2>Caveats</h2>\n<ul>\n");
    for (const auto& c : b.caveats) {
      out(fmt::format("<li><span class=\"kind\">{}</span> — {}{}</li>\n", HtmlEscape(c.kind),
                      HtmlEscape(c.text), Marks(b, c.citations)));
    }
    out("</ul>\n");
  }
  out("<h2>Citations</h2>\n<ol class=\"citations\">\n");
  for (const auto& id : b.citation_order) {
    const Citation& c = b.citations.at(id);
    out(
        fmt::format("<li id=\"{}\" value=\"{}\"><b>{}</b>, “{}”, {} — <span class=\"quote\">“{}”"
                    "</span> <small>({}, bytes {}–{})</small></li>\n",
                    HtmlEscape(id), HtmlEscape(id.substr(1)), HtmlEscape(c.source),
                    HtmlEscape(c.title.empty() ? "untitled" : c.title),
                    HtmlEscape(c.published.empty() ? "undated" : c.published), HtmlEscape(c.quote),
                    HtmlEscape(c.doc), c.start, c.end));
  }
  out("</ol>\n");
  out(fmt::format("<p class=\"meta\">Generated by {}.</p>\n</body>\n</html>\n",
                  HtmlEscape(b.generated_by)));
  return h;
}

}  // namespace sitrep::report
