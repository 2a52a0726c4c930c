// The brief as Markdown (and as plain text for terminals).
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "report/consolidate_state.h"
#include "report/render.h"
#include "report/summary.h"

namespace sitrep::report {
namespace {

std::string Marks(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += "[" + id.substr(1) + "]";
  return out;
}

std::string Join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out += sep;
    out += v[i];
  }
  return out;
}

// Table cells: no pipes or line breaks.
std::string Cell(std::string_view s) {
  std::string out;
  for (char c : MarkdownEscape(s)) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

void CollectUsed(const Brief& b, unsigned sections, std::vector<std::string>* used) {
  std::set<std::string> seen;
  auto add = [&](const std::vector<std::string>& ids) {
    for (const auto& id : ids) {
      if (seen.insert(id).second) used->push_back(id);
    }
  };
  if (sections & kKeyDevelopments) {
    for (const auto& id : b.key_developments) {
      if (const auto* e = b.FindEvent(id)) add(e->citations);
    }
  }
  if (sections & kTimeline) {
    for (const auto& e : b.timeline) add(e.citations);
  }
  if (sections & kClaimGroups) {
    for (const auto& g : b.claim_groups) {
      for (const auto& v : g.values) add({v.citation});
    }
  }
  if (sections & kActors) {
    for (const auto& a : b.actors) {
      for (size_t i = 0; i < a.events.size() && i < 2; ++i) {
        if (const auto* e = b.FindEvent(a.events[i]); e && !e->citations.empty()) {
          add({e->citations.front()});
        }
      }
    }
  }
  if (sections & kCaveats) {
    for (const auto& c : b.caveats) add(c.citations);
  }
  std::sort(used->begin(), used->end(), [](const std::string& x, const std::string& y) {
    return std::stoi(x.substr(1)) < std::stoi(y.substr(1));
  });
}

}  // namespace

std::string MarkdownEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '>' ||
        c == '\\' || c == '#') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::string RenderMarkdown(const Brief& b, unsigned sections) {
  std::string md;
  auto out = [&md](std::string_view s) { md += s; };
  if (sections & kHeader) {
    out(b.topic.empty() ? "# Situation brief\n\n"
                        : "# Situation brief: " + MarkdownEscape(b.topic) + "\n\n");
    out(fmt::format(
        "**As of** {}{} · **{}** document{} from **{}** source{} · **period covered** "
        "{} – {}\n\n",
        b.as_of.empty() ? "(no dated documents)" : b.as_of,
        b.as_of_given ? "" : " (latest publication)", b.documents, b.documents == 1 ? "" : "s",
        b.sources.size(), b.sources.size() == 1 ? "" : "s",
        b.period_begin.empty() ? "?" : b.period_begin, b.period_end.empty() ? "?" : b.period_end));
    if (!b.sources.empty()) out("Sources: " + MarkdownEscape(Join(b.sources, ", ")) + ".\n\n");
    if (b.documents_excluded > 0) {
      out(fmt::format("{} document{} published after {} left out.\n\n", b.documents_excluded,
                      b.documents_excluded == 1 ? "" : "s", b.as_of));
    }
    out("_Figures in brackets are citations, listed at the end with the sentence they quote._\n\n");
  }
  if (sections & kKeyDevelopments) {
    out("## Key developments\n\n");
    if (b.key_developments.empty()) out("No events found.\n");
    for (const auto& id : b.key_developments) {
      const TimelineEntry* e = b.FindEvent(id);
      if (!e) continue;
      out(fmt::format("- **{}**{} — {} — _{}_ {}\n", e->date_text,
                      e->status == "happened" ? "" : " (" + e->status + ")",
                      MarkdownEscape(e->summary), MarkdownEscape(Join(e->sources, ", ")),
                      Marks(e->citations)));
    }
    out("\n");
  }
  if (sections & kTimeline) {
    out("## Timeline\n\n");
    if (b.timeline.empty()) out("No dated events found.\n");
    for (const auto& e : b.timeline) {
      out(fmt::format("- **{}** ({}{}) {} — {} — _{}_; confidence {:.2f} {}\n", e.date_text,
                      e.precision, e.status == "happened" ? "" : ", " + e.status, e.type,
                      MarkdownEscape(e.summary), MarkdownEscape(Join(e.sources, ", ")),
                      e.confidence, Marks(e.citations)));
    }
    out("\n");
  }
  if (sections & kClaimGroups) {
    out("## Contested figures\n\n");
    if (b.claim_groups.empty()) out("No figures found.\n\n");
    for (const auto& g : b.claim_groups) {
      std::string subject = g.subject_name.empty() ? g.subject : g.subject_name;
      out(fmt::format("### {}{}\n\n", MarkdownEscape(g.measure),
                      subject.empty() ? "" : " — " + MarkdownEscape(subject)));
      std::string range = FormatGroupRange(g);
      out(fmt::format("**{}** · figures given: {} · {} source{}\n\n", g.status, range,
                      g.source_count, g.source_count == 1 ? "" : "s"));
      out("| Source | Figure | According to | Modality | Published | |\n");
      out("|---|---|---|---|---|---|\n");
      for (const auto& v : g.values) {
        std::string fig = FormatValue(v.min, v.max, v.approx, v.bound, v.increment);
        if (v.superseded) fig += " (updated later)";
        out(fmt::format(
            "| {} | {} | {} | {} | {} | {} |\n", Cell(v.source), Cell(fig),
            Cell(v.attribution.empty() ? "—" : v.attribution) + (v.anonymous ? " (unnamed)" : ""),
            v.modality, v.published.empty() ? "?" : v.published, Marks({v.citation})));
      }
      if (g.values_total > static_cast<int>(g.values.size())) {
        out(fmt::format("\n_{} earlier or further figures not shown._\n",
                        g.values_total - static_cast<int>(g.values.size())));
      }
      out("\n");
    }
    if (b.claim_groups_total > static_cast<int>(b.claim_groups.size())) {
      out(
          fmt::format("_{} more figure groups, mostly from one source each: `sitrep claims "
                      "--contested`._\n\n",
                      b.claim_groups_total - static_cast<int>(b.claim_groups.size())));
    }
  }
  if (sections & kActors) {
    out("## Actors\n\n");
    if (b.actors.empty()) out("No linked actors found.\n");
    for (const auto& a : b.actors) {
      out(fmt::format("- **{}** ({}{}) — {} mention{} in {} source{}", MarkdownEscape(a.name),
                      a.type.empty() ? "" : a.type + ", ", MarkdownEscape(a.id), a.mentions,
                      a.mentions == 1 ? "" : "s", a.sources, a.sources == 1 ? "" : "s"));
      int shown = 0;
      for (const auto& id : a.events) {
        const TimelineEntry* e = b.FindEvent(id);
        if (!e || shown >= 2) continue;
        out(fmt::format("{} {}: {} {}", shown == 0 ? "." : ";", e->date_text,
                        MarkdownEscape(Ellipsize(e->summary, 140)),
                        e->citations.empty() ? "" : Marks({e->citations.front()})));
        ++shown;
      }
      out("\n");
    }
    out("\n");
  }
  if (sections & kOutlets) {
    out("## Sources and framing\n\n");
    out("| Source | Documents | Published | Affiliation | Framing markers | Cites |\n");
    out("|---|---|---|---|---|---|\n");
    for (const auto& o : b.outlets) {
      std::vector<std::string> framing;
      for (const auto& f : o.framing) {
        framing.push_back(fmt::format("{} ({}, {})", f.marker, f.stance, f.documents));
      }
      std::string dates = o.first.empty()     ? "undated"
                          : o.first == o.last ? o.first
                                              : o.first + " – " + o.last;
      std::string aff =
          o.affiliation.empty()
              ? "—"
              : o.affiliation +
                    (o.affiliation_country.empty() ? "" : " (" + o.affiliation_country + ")");
      out(fmt::format("| {} | {} | {} | {} | {} | {} |\n", Cell(o.source), o.documents, dates, aff,
                      Cell(framing.empty() ? "—" : Join(framing, "; ")),
                      Cell(o.cites.empty() ? "—" : Join(o.cites, "; "))));
    }
    out("\n");
  }
  if (sections & kCaveats) {
    out("## Caveats\n\n");
    if (b.caveats.empty()) out("None.\n");
    for (const auto& c : b.caveats) {
      out(fmt::format("- _{}_ — {} {}\n", c.kind, MarkdownEscape(c.text), Marks(c.citations)));
    }
    out("\n");
  }
  std::vector<std::string> used;
  CollectUsed(b, sections, &used);
  if (!used.empty()) {
    out("## Citations\n\n");
    for (const auto& id : used) {
      const Citation& c = b.citations.at(id);
      out(fmt::format("- [{}] {}, \"{}\", {} — “{}” (`{}` bytes {}–{})\n", id.substr(1),
                      MarkdownEscape(c.source),
                      MarkdownEscape(c.title.empty() ? "untitled" : c.title),
                      c.published.empty() ? "undated" : c.published, MarkdownEscape(c.quote), c.doc,
                      c.start, c.end));
    }
  }
  return md;
}

std::string RenderText(const Brief& b, unsigned sections) {
  std::string md = RenderMarkdown(b, sections);
  std::string out;
  out.reserve(md.size());
  for (size_t i = 0; i < md.size(); ++i) {
    if (md[i] == '\\' && i + 1 < md.size()) {
      out += md[++i];
      continue;
    }
    if (md[i] == '*' && i + 1 < md.size() && md[i + 1] == '*') {
      ++i;
      continue;
    }
    if (md[i] == '_' &&
        (i == 0 || md[i - 1] == ' ' || md[i - 1] == '\n' ||
         (i + 1 < md.size() && (md[i + 1] == ' ' || md[i + 1] == '\n' || md[i + 1] == ';')))) {
      continue;
    }
    out += md[i];
  }
  return out;
}

std::string RenderClaimRowsText(const std::vector<ClaimRow>& rows) {
  std::string out;
  for (const auto& r : rows) {
    out += fmt::format("{} {} | {} | {} = {} | {}{} | {}\n    “{}”\n",
                       r.published.empty() ? "undated   " : r.published, r.source,
                       r.subject.empty() ? "-" : r.subject, r.measure,
                       FormatValue(r.min, r.max, r.approx, r.bound, false), r.modality,
                       r.attribution.empty() ? "" : ", per " + r.attribution, r.doc, r.quote);
  }
  return out;
}

}  // namespace sitrep::report
