#include "timex/eval.h"

#include <algorithm>
#include <cctype>

namespace sitrep::timex {
namespace {

// Attribute `name` of a start tag's text (`TIMEX3 tid="t1" value="..."`).
std::string Attr(std::string_view tag, std::string_view name) {
  size_t pos = 0;
  while ((pos = tag.find(name, pos)) != std::string_view::npos) {
    bool boundary =
        pos > 0 && (tag[pos - 1] == ' ' || tag[pos - 1] == '\t' || tag[pos - 1] == '\n');
    size_t eq = pos + name.size();
    while (eq < tag.size() && tag[eq] == ' ') ++eq;
    if (boundary && eq < tag.size() && tag[eq] == '=') {
      size_t q = eq + 1;
      while (q < tag.size() && tag[q] == ' ') ++q;
      if (q < tag.size() && (tag[q] == '"' || tag[q] == '\'')) {
        size_t close = tag.find(tag[q], q + 1);
        if (close == std::string_view::npos) return "";
        return std::string(tag.substr(q + 1, close - q - 1));
      }
    }
    pos = eq;
  }
  return "";
}

void AppendDecoded(std::string_view s, std::string* out) {
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '&') {
      size_t semi = s.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 8) {
        std::string_view ent = s.substr(i + 1, semi - i - 1);
        const char* rep = ent == "amp"    ? "&"
                          : ent == "lt"   ? "<"
                          : ent == "gt"   ? ">"
                          : ent == "quot" ? "\""
                          : ent == "apos" ? "'"
                                          : nullptr;
        if (rep) {
          *out += rep;
          i = semi + 1;
          continue;
        }
      }
    }
    out->push_back(s[i++]);
  }
}

std::string DctFromValue(const std::string& v) {
  if (v.size() >= 10 && v[4] == '-' && v[7] == '-') return v.substr(0, 10);
  if (v.size() >= 8 && std::all_of(v.begin(), v.begin() + 8, ::isdigit)) {
    return v.substr(0, 4) + "-" + v.substr(4, 2) + "-" + v.substr(6, 2);
  }
  return "";
}

// A coarse shape of an expression for grouping errors: digits -> 9, month
// and weekday names -> MONTH / WDAY, everything else lowercased.
std::string Pattern(std::string_view text) {
  static const char* kMonths[] = {"january",   "february", "march",    "april",
                                  "may",       "june",     "july",     "august",
                                  "september", "october",  "november", "december"};
  static const char* kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                "friday", "saturday", "sunday"};
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    std::string w = word;
    for (const char* m : kMonths) {
      if (w == m) w = "MONTH";
    }
    for (const char* d : kDays) {
      if (w == d) w = "WDAY";
    }
    out += w;
    word.clear();
  };
  bool digit_run = false;
  for (char c : text) {
    unsigned char uc = static_cast<unsigned char>(c);
    if (std::isalpha(uc)) {
      word.push_back(static_cast<char>(std::tolower(uc)));
      digit_run = false;
      continue;
    }
    flush();
    if (std::isdigit(uc)) {
      if (!digit_run) out += "9";
      digit_run = true;
      continue;
    }
    digit_run = false;
    if (c == '\n' || c == '\t') c = ' ';
    if (!(c == ' ' && !out.empty() && out.back() == ' ')) out.push_back(c);
  }
  flush();
  return out;
}

std::string StripX(std::string v) {
  while (!v.empty() && v.back() == 'X') v.pop_back();
  return v;
}

}  // namespace

StatusOr<GoldDoc> ParseInlineGold(std::string_view markup, std::string name) {
  GoldDoc doc;
  doc.name = std::move(name);
  // DCT: TimeML <DCT><TIMEX3 value=...>, or WikiWars <DATETIME><TIMEX2 val=...>
  for (std::string_view open : {"<DCT>", "<DATETIME>"}) {
    size_t d = markup.find(open);
    if (d == std::string_view::npos) continue;
    size_t t = markup.find("<TIMEX", d);
    size_t close = t == std::string_view::npos ? t : markup.find('>', t);
    if (close == std::string_view::npos) continue;
    std::string_view tag = markup.substr(t + 1, close - t - 1);
    std::string v = Attr(tag, "value");
    if (v.empty()) v = Attr(tag, "val");
    doc.dct = DctFromValue(v);
    break;
  }
  size_t begin = markup.find("<TEXT>");
  size_t end = markup.rfind("</TEXT>");
  if (begin == std::string_view::npos || end == std::string_view::npos || end < begin) {
    begin = 0;
    end = markup.size();
  } else {
    begin += 6;
  }
  std::string_view body = markup.substr(begin, end - begin);
  struct Open {
    size_t index;
  };
  std::vector<Open> stack;
  size_t i = 0;
  while (i < body.size()) {
    size_t lt = body.find('<', i);
    if (lt == std::string_view::npos) {
      AppendDecoded(body.substr(i), &doc.text);
      break;
    }
    AppendDecoded(body.substr(i, lt - i), &doc.text);
    size_t gt = body.find('>', lt);
    if (gt == std::string_view::npos) {
      return Status::InvalidArgument(doc.name + ": unterminated tag");
    }
    std::string_view tag = body.substr(lt + 1, gt - lt - 1);
    i = gt + 1;
    bool closing = !tag.empty() && tag[0] == '/';
    std::string_view tname = tag.substr(closing ? 1 : 0);
    tname = tname.substr(0, tname.find_first_of(" \t\n/"));
    if (tname != "TIMEX3" && tname != "TIMEX2") continue;
    if (tname == "TIMEX2") doc.timex2 = true;
    if (!closing) {
      GoldTimex g;
      g.start = static_cast<uint32_t>(doc.text.size());
      g.type = Attr(tag, "type");
      g.value = Attr(tag, "value");
      if (tname == "TIMEX2") g.value = Attr(tag, "val");
      g.mod = Attr(tag, "mod");
      bool self_closing = !tag.empty() && tag.back() == '/';
      if (self_closing) continue;  // empty (non-consuming) TIMEX3: no span to match
      doc.timexes.push_back(std::move(g));
      stack.push_back({doc.timexes.size() - 1});
    } else {
      if (stack.empty()) return Status::InvalidArgument(doc.name + ": unbalanced </TIMEX>");
      GoldTimex& g = doc.timexes[stack.back().index];
      stack.pop_back();
      g.end = static_cast<uint32_t>(doc.text.size());
      g.text = doc.text.substr(g.start, g.end - g.start);
    }
  }
  if (!stack.empty()) return Status::InvalidArgument(doc.name + ": unclosed <TIMEX>");
  // Spans with surrounding blanks are trimmed (some keys include a space).
  for (auto& g : doc.timexes) {
    while (g.start < g.end && std::isspace(static_cast<unsigned char>(doc.text[g.start])))
      ++g.start;
    while (g.end > g.start && std::isspace(static_cast<unsigned char>(doc.text[g.end - 1])))
      --g.end;
    g.text = doc.text.substr(g.start, g.end - g.start);
  }
  return doc;
}

StatusOr<GoldDoc> ParseStandoffGold(std::string_view tsv, std::string text, std::string name) {
  GoldDoc doc;
  doc.name = std::move(name);
  doc.text = std::move(text);
  size_t line_no = 0;
  while (!tsv.empty()) {
    size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv.remove_prefix(nl == std::string_view::npos ? tsv.size() : nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (line[0] == '#') {
      if (line.rfind("# dct:", 0) == 0) {
        std::string_view v = line.substr(6);
        while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
        doc.dct = std::string(v);
      }
      continue;
    }
    std::vector<std::string_view> f;
    size_t pos = 0;
    while (true) {
      size_t tab = line.find('\t', pos);
      f.push_back(line.substr(pos, tab == std::string_view::npos ? line.size() - pos : tab - pos));
      if (tab == std::string_view::npos) break;
      pos = tab + 1;
    }
    std::string where = doc.name + ":" + std::to_string(line_no);
    if (f.size() < 5) return Status::InvalidArgument(where + ": expected 5 or 6 fields");
    if (f[0] == "start") continue;  // header
    GoldTimex g;
    g.start = static_cast<uint32_t>(std::strtoul(std::string(f[0]).c_str(), nullptr, 10));
    g.end = static_cast<uint32_t>(std::strtoul(std::string(f[1]).c_str(), nullptr, 10));
    g.text = std::string(f[2]);
    g.type = std::string(f[3]);
    g.value = std::string(f[4]);
    if (f.size() > 5) g.mod = std::string(f[5]);
    if (g.end <= g.start || g.end > doc.text.size() ||
        doc.text.compare(g.start, g.end - g.start, g.text) != 0) {
      return Status::InvalidArgument(where + ": span does not match the text '" + g.text + "'");
    }
    doc.timexes.push_back(std::move(g));
  }
  return doc;
}

bool SameValue(const std::string& gold, const std::string& sys, bool timex2) {
  if (gold == sys) return true;
  if (timex2) return StripX(gold) == StripX(sys);
  return false;
}

void Scores::Add(const Scores& o) {
  gold += o.gold, sys += o.sys;
  strict_gold += o.strict_gold, strict_sys += o.strict_sys;
  relaxed_gold += o.relaxed_gold, relaxed_sys += o.relaxed_sys;
  matched += o.matched, value_ok += o.value_ok, type_ok += o.type_ok, typed += o.typed;
  errors.insert(errors.end(), o.errors.begin(), o.errors.end());
}

Scores Score(const GoldDoc& gold, const std::vector<Timex>& sys) {
  Scores s;
  s.gold = static_cast<int>(gold.timexes.size());
  s.sys = static_cast<int>(sys.size());
  auto overlap = [](uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1) {
    return a0 < b1 && b0 < a1;
  };
  std::vector<int> sys_match(sys.size(), -1);
  std::vector<bool> gold_rel(gold.timexes.size()), gold_strict(gold.timexes.size());
  std::vector<bool> sys_rel(sys.size()), sys_strict(sys.size());
  for (size_t g = 0; g < gold.timexes.size(); ++g) {
    const GoldTimex& gt = gold.timexes[g];
    for (size_t k = 0; k < sys.size(); ++k) {
      if (!overlap(gt.start, gt.end, sys[k].start, sys[k].end)) continue;
      gold_rel[g] = sys_rel[k] = true;
      if (gt.start == sys[k].start && gt.end == sys[k].end) gold_strict[g] = sys_strict[k] = true;
    }
  }
  // One-to-one pairs for attribute accuracy: exact spans first, then overlaps.
  std::vector<int> gold_pair(gold.timexes.size(), -1);
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t g = 0; g < gold.timexes.size(); ++g) {
      if (gold_pair[g] >= 0) continue;
      const GoldTimex& gt = gold.timexes[g];
      for (size_t k = 0; k < sys.size(); ++k) {
        if (sys_match[k] >= 0) continue;
        bool ok = pass == 0 ? gt.start == sys[k].start && gt.end == sys[k].end
                            : overlap(gt.start, gt.end, sys[k].start, sys[k].end);
        if (ok) {
          gold_pair[g] = static_cast<int>(k);
          sys_match[k] = static_cast<int>(g);
          break;
        }
      }
    }
  }
  for (size_t g = 0; g < gold.timexes.size(); ++g) {
    s.relaxed_gold += gold_rel[g];
    s.strict_gold += gold_strict[g];
    const GoldTimex& gt = gold.timexes[g];
    std::string pat = Pattern(gt.text);
    if (!gold_rel[g]) {
      s.errors.push_back({"missed " + (gt.type.empty() ? std::string("TIMEX") : gt.type), pat,
                          gold.name + ": '" + gt.text + "' " + gt.value});
      continue;
    }
    if (gold_pair[g] < 0) continue;
    const Timex& st = sys[gold_pair[g]];
    ++s.matched;
    if (SameValue(gt.value, st.value, gold.timex2)) {
      ++s.value_ok;
    } else {
      s.errors.push_back({"value " + st.type, pat,
                          gold.name + ": '" + gt.text + "' gold " + gt.value + " sys '" + st.text +
                              "' " + st.value});
    }
    if (!gt.type.empty()) {
      ++s.typed;
      if (gt.type == st.type) {
        ++s.type_ok;
      } else {
        s.errors.push_back(
            {"type " + gt.type + "->" + st.type, pat, gold.name + ": '" + gt.text + "'"});
      }
    }
    if (!gold_strict[g]) {
      s.errors.push_back(
          {"span", pat, gold.name + ": gold '" + gt.text + "' sys '" + st.text + "'"});
    }
  }
  for (size_t k = 0; k < sys.size(); ++k) {
    s.relaxed_sys += sys_rel[k];
    s.strict_sys += sys_strict[k];
    if (!sys_rel[k]) {
      s.errors.push_back({"spurious " + sys[k].type, Pattern(sys[k].text),
                          gold.name + ": '" + sys[k].text + "' " + sys[k].value});
    }
  }
  return s;
}

}  // namespace sitrep::timex
