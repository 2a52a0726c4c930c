// The brief as JSON, in the shape of docs/brief-json.md.
#include <nlohmann/json.hpp>

#include "report/consolidate_state.h"
#include "report/render.h"

namespace sitrep::report {
namespace {

using json = nlohmann::ordered_json;

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
json OrNull(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

json CitationJson(const Citation& c) {
  return {{"doc", c.doc},
          {"source", c.source},
          {"title", OrNull(c.title)},
          {"published", OrNull(c.published)},
          {"start", c.start},
          {"end", c.end},
          {"quote", c.quote}};
}

json TimelineJson(const TimelineEntry& e) {
  json j = {{"id", e.id},
            {"date", e.date},
            {"precision", e.precision},
            {"date_text", e.date_text},
            {"type", e.type},
            {"summary", e.summary},
            {"status", e.status},
            {"sources", e.sources},
            {"citations", e.citations},
            {"confidence", e.confidence}};
  j["date_end"] = OrNull(e.date_end);
  j["date_source"] = e.date_reported ? "reported" : "text";
  j["subtype"] = OrNull(e.subtype);
  j["actors"] = e.actors;
  j["mentions"] = e.mentions;
  return j;
}

}  // namespace

std::string RenderJson(const Brief& b, unsigned sections) {
  json j;
  j["schema_version"] = b.schema_version;
  j["as_of"] = OrNull(b.as_of);
  j["generated_by"] = b.generated_by;
  j["documents"] = b.documents;
  j["sources"] = b.sources;
  j["period"] = {{"begin", OrNull(b.period_begin)}, {"end", OrNull(b.period_end)}};
  j["topic"] = OrNull(b.topic);
  j["documents_excluded"] = b.documents_excluded;
  std::set<std::string> used;  // citations referenced by the sections written
  auto use = [&](const std::vector<std::string>& ids) {
    for (const auto& id : ids) used.insert(id);
  };
  if (sections & kKeyDevelopments) j["key_developments"] = b.key_developments;
  if (sections & (kTimeline | kKeyDevelopments)) {
    json tl = json::array();
    for (const auto& e : b.timeline) {
      tl.push_back(TimelineJson(e));
      use(e.citations);
    }
    j["timeline"] = std::move(tl);
  }
  if (sections & kClaimGroups) {
    json groups = json::array();
    for (const auto& g : b.claim_groups) {
      json values = json::array();
      for (const auto& v : g.values) {
        values.push_back({{"source", v.source},
                          {"value",
                           {{"min", OrNull(v.min)},
                            {"max", OrNull(v.max)},
                            {"approx", v.approx},
                            {"bound", OrNull(v.bound)},
                            {"increment", v.increment}}},
                          {"attribution", OrNull(v.attribution)},
                          {"modality", v.modality},
                          {"citation", v.citation},
                          {"published", OrNull(v.published)},
                          {"anonymous", v.anonymous},
                          {"superseded", v.superseded}});
        used.insert(v.citation);
      }
      json range = nullptr;
      if (g.range_min && g.range_max) range = {{"min", *g.range_min}, {"max", *g.range_max}};
      groups.push_back({{"id", g.id},
                        {"subject", OrNull(g.subject)},
                        {"subject_name", OrNull(g.subject_name)},
                        {"measure", g.measure},
                        {"status", g.status},
                        {"range", range},
                        {"sources", g.source_count},
                        {"values_total", g.values_total},
                        {"values", std::move(values)}});
    }
    j["claim_groups"] = std::move(groups);
    j["claim_groups_total"] = b.claim_groups_total;
  }
  if (sections & kActors) {
    json actors = json::array();
    for (const auto& a : b.actors) {
      actors.push_back({{"id", a.id},
                        {"name", a.name},
                        {"type", OrNull(a.type)},
                        {"mentions", a.mentions},
                        {"sources", a.sources},
                        {"events", a.events}});
    }
    j["actors"] = std::move(actors);
  }
  if (sections & kOutlets) {
    json outlets = json::array();
    for (const auto& o : b.outlets) {
      json framing = json::array();
      json markers = json::array();
      for (const auto& f : o.framing) {
        framing.push_back(f.marker);
        markers.push_back({{"marker", f.marker}, {"stance", f.stance}, {"documents", f.documents}});
      }
      outlets.push_back({{"source", o.source},
                         {"documents", o.documents},
                         {"affiliation", OrNull(o.affiliation)},
                         {"affiliation_country", OrNull(o.affiliation_country)},
                         {"framing", std::move(framing)},
                         {"framing_markers", std::move(markers)},
                         {"cites", o.cites},
                         {"first", OrNull(o.first)},
                         {"last", OrNull(o.last)}});
    }
    j["outlets"] = std::move(outlets);
  }
  if (sections & kCaveats) {
    json caveats = json::array();
    for (const auto& c : b.caveats) {
      caveats.push_back({{"kind", c.kind}, {"text", c.text}, {"citations", c.citations}});
      use(c.citations);
    }
    j["caveats"] = std::move(caveats);
  }
  json cites = json::object();
  for (const auto& id : b.citation_order) {
    if (!used.count(id)) continue;
    cites[id] = CitationJson(b.citations.at(id));
  }
  j["citations"] = std::move(cites);
  return j.dump(2);
}

std::string RenderClaimRowsJson(const std::vector<ClaimRow>& rows) {
  json arr = json::array();
  for (const auto& r : rows) {
    arr.push_back(
        {{"id", r.id},
         {"start", r.claim_start},
         {"end", r.claim_end},
         {"subject", OrNull(r.subject)},
         {"measure", r.measure},
         {"value", {{"min", OrNull(r.min)}, {"max", OrNull(r.max)}, {"approx", r.approx}}},
         {"bound", OrNull(r.bound)},
         {"time", OrNull(r.time)},
         {"attribution", OrNull(r.attribution)},
         {"modality", r.modality},
         {"anonymous", r.anonymous},
         {"doc", r.doc},
         {"source", r.source},
         {"published", OrNull(r.published)},
         {"quote", r.quote},
         {"quote_start", r.start},
         {"quote_end", r.end}});
  }
  return arr.dump(2);
}

}  // namespace sitrep::report
