#include "timex/eval_rt.h"

#include <nlohmann/json.hpp>

namespace sitrep::timex {
namespace {

// Byte offset of character `chars` (code points) in UTF-8 text.
size_t ByteOffset(std::string_view s, size_t chars) {
  size_t i = 0, n = 0;
  while (i < s.size() && n < chars) {
    unsigned char c = s[i];
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    ++n;
  }
  return std::min(i, s.size());
}

std::string MapType(const std::string& rt) {
  std::string t = rt.substr(rt.find('.') + 1);
  if (t == "date" || t == "daterange") return "DATE";
  if (t == "duration") return "DURATION";
  if (t == "set") return "SET";
  return "TIME";  // time, timerange, datetime, datetimerange
}

}  // namespace

StatusOr<std::vector<RtCase>> ParseRtModel(std::string_view json, const std::string& name) {
  if (json.size() >= 3 && json.substr(0, 3) == "\xEF\xBB\xBF") json.remove_prefix(3);
  nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_array()) {
    return Status::InvalidArgument(name + ": not a JSON array");
  }
  std::vector<RtCase> out;
  for (const auto& c : j) {
    if (!c.is_object() || !c.contains("Input") || !c["Input"].is_string()) continue;
    RtCase rc;
    rc.input = c["Input"].get<std::string>();
    if (c.contains("Context") && c["Context"].is_object() &&
        c["Context"].contains("ReferenceDateTime") &&
        c["Context"]["ReferenceDateTime"].is_string()) {
      rc.dct = c["Context"]["ReferenceDateTime"].get<std::string>().substr(0, 10);
    }
    if (c.contains("Results") && c["Results"].is_array()) {
      for (const auto& r : c["Results"]) {
        if (!r.contains("Start") || !r.contains("End") || !r["Start"].is_number()) continue;
        RtResult res;
        size_t s = r["Start"].get<size_t>(), e = r["End"].get<size_t>() + 1;
        res.span.start = static_cast<uint32_t>(ByteOffset(rc.input, s));
        res.span.end = static_cast<uint32_t>(ByteOffset(rc.input, e));
        if (res.span.end <= res.span.start) continue;
        res.span.text = rc.input.substr(res.span.start, res.span.end - res.span.start);
        res.span.type = r.contains("TypeName") && r["TypeName"].is_string()
                            ? MapType(r["TypeName"].get<std::string>())
                            : "";
        if (r.contains("Resolution") && r["Resolution"].is_object() &&
            r["Resolution"].contains("values") && r["Resolution"]["values"].is_array()) {
          for (const auto& v : r["Resolution"]["values"]) {
            if (v.contains("timex") && v["timex"].is_string()) {
              res.values.push_back(v["timex"].get<std::string>());
            }
            // The resolved reading ("2016-11-11", "2016-11-11 15:00:00", "15:00:00").
            if (v.contains("value") && v["value"].is_string()) {
              res.values.push_back(v["value"].get<std::string>());
            }
          }
        }
        if (!res.values.empty()) res.span.value = res.values[0];
        rc.results.push_back(std::move(res));
      }
    }
    out.push_back(std::move(rc));
  }
  return out;
}

Scores ScoreRtCase(const RtCase& c, const std::vector<Timex>& sys, const std::string& name) {
  GoldDoc gold;
  gold.name = name;
  gold.text = c.input;
  for (const auto& r : c.results) gold.timexes.push_back(r.span);
  Scores s = Score(gold, sys);
  // Re-judge values against every reading RT gives (a bare weekday resolves
  // to a past and a future date; times come as "15:00:00").
  int extra = 0;
  for (size_t g = 0; g < c.results.size(); ++g) {
    const auto& r = c.results[g];
    for (const Timex& t : sys) {
      if (!(t.start < r.span.end && r.span.start < t.end)) continue;
      std::vector<std::string> forms = {t.value};
      size_t tpos = t.value.find('T');
      if (tpos != std::string::npos && tpos > 0) {
        std::string time = t.value.substr(tpos + 1, 5) + ":00";
        forms.push_back(t.value.substr(0, tpos) + " " + time);
        forms.push_back(time);
      }
      bool first = !r.values.empty() && t.value == r.values[0];
      bool any = false;
      for (const auto& v : r.values) {
        for (const auto& f : forms) any = any || v == f;
        any = any ||
              (!t.range_begin.empty() && v.rfind("(" + t.range_begin + "," + t.range_end, 0) == 0);
      }
      if (any && !first) ++extra;
      break;
    }
  }
  s.value_ok += extra;
  if (s.value_ok > s.matched) s.value_ok = s.matched;
  return s;
}

}  // namespace sitrep::timex
