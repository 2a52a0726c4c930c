// sitrep eval timex: scores the time tagger on gold (TempEval-3 style) and
// measures its speed. With no arguments, every gold set found is scored:
// eval/timex/seeds (stand-off over ../shared/corpus/seeds), eval/timex/sample
// (TimeML), ../shared/eval/timex/wikiwars and the Recognizers-Text specs.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "cli/args.h"
#include "cli/command.h"
#include "text/segmenter.h"
#include "timex/eval.h"
#include "timex/eval_rt.h"
#include "timex/tagger.h"

namespace sitrep::cli {
namespace {

namespace fs = std::filesystem;
using timex::Scores;

bool ReadFile(const fs::path& p, std::string* out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::stringstream buf;
  buf << in.rdbuf();
  *out = buf.str();
  return true;
}

std::vector<fs::path> FilesIn(const fs::path& dir, std::string_view suffix) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (fs::is_regular_file(dir, ec)) return {dir};
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string n = it->path().filename().string();
    if (n.size() >= suffix.size() &&
        n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0)
      out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

struct Env {
  const timex::TimexTagger* tagger;
  const Segmenter* segmenter;
};

std::vector<Timex> Run(const Env& env, const std::string& text, const std::string& dct) {
  Document doc;
  doc.text = text;
  env.segmenter->Segment(&doc);
  env.tagger->Tag(&doc, dct);
  return std::move(doc.timexes);
}

void Print(const std::string& name, const Scores& s, bool timex2) {
  std::printf(
      "%-28s gold %5d sys %5d | strict P %.3f R %.3f F1 %.3f | relaxed P %.3f R %.3f "
      "F1 %.3f | value acc %.3f F1 %.3f",
      name.c_str(), s.gold, s.sys, s.StrictP(), s.StrictR(), s.StrictF1(), s.RelaxedP(),
      s.RelaxedR(), s.RelaxedF1(), s.ValueAcc(), s.ValueF1());
  if (!timex2 && s.typed) std::printf(" | type F1 %.3f", s.TypeF1());
  std::printf("\n");
}

void PrintErrors(const Scores& s, int top, bool examples) {
  if (top <= 0) return;
  std::map<std::string, std::pair<int, std::string>> kinds;
  for (const auto& e : s.errors) {
    auto& k = kinds[e.kind + " | " + e.pattern];
    if (k.first++ == 0) k.second = e.detail;
  }
  std::vector<std::pair<int, std::string>> order;
  for (const auto& [k, v] : kinds) order.push_back({v.first, k});
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::map<std::string, int> by_kind;
  for (const auto& e : s.errors) by_kind[e.kind]++;
  std::printf("  errors by kind:");
  for (const auto& [k, n] : by_kind) std::printf(" %s=%d", k.c_str(), n);
  std::printf("\n");
  for (int i = 0; i < top && i < static_cast<int>(order.size()); ++i) {
    std::printf("  %4d  %s", order[i].first, order[i].second.c_str());
    if (examples) std::printf("   e.g. %s", kinds[order[i].second].second.c_str());
    std::printf("\n");
  }
}

Scores EvalInline(const Env& env, const fs::path& dir, std::string_view suffix, bool verbose) {
  Scores total;
  for (const auto& p : FilesIn(dir, suffix)) {
    std::string markup;
    if (!ReadFile(p, &markup)) continue;
    auto gold = timex::ParseInlineGold(markup, p.filename().string());
    if (!gold.ok()) {
      std::fprintf(stderr, "skipped %s\n", gold.status().ToString().c_str());
      continue;
    }
    Scores s = timex::Score(*gold, Run(env, gold->text, gold->dct));
    if (verbose) Print("  " + gold->name, s, gold->timex2);
    total.Add(s);
  }
  return total;
}

Scores EvalStandoff(const Env& env, const fs::path& dir, const fs::path& text_dir, bool verbose) {
  Scores total;
  for (const auto& p : FilesIn(dir, ".tsv")) {
    std::string tsv, text;
    if (!ReadFile(p, &tsv)) continue;
    // The text file is named in a "# text: NAME" header line.
    std::string text_name;
    size_t h = tsv.find("# text:");
    if (h != std::string::npos) {
      size_t e = tsv.find('\n', h);
      text_name = tsv.substr(h + 7, e - h - 7);
      text_name.erase(0, text_name.find_first_not_of(' '));
    }
    if (text_name.empty() || !ReadFile(text_dir / text_name, &text)) {
      std::fprintf(stderr, "skipped %s: text %s not found\n", p.string().c_str(),
                   text_name.c_str());
      continue;
    }
    auto gold = timex::ParseStandoffGold(tsv, text, p.filename().string());
    if (!gold.ok()) {
      std::fprintf(stderr, "skipped %s\n", gold.status().ToString().c_str());
      continue;
    }
    Scores s = timex::Score(*gold, Run(env, gold->text, gold->dct));
    if (verbose) Print("  " + gold->name, s, false);
    total.Add(s);
  }
  return total;
}

Scores EvalRt(const Env& env, const fs::path& dir, bool verbose) {
  Scores total;
  for (const auto& p : FilesIn(dir, ".json")) {
    std::string name = p.filename().string();
    if (name.rfind("DateTimeModel", 0) != 0) continue;
    std::string json;
    if (!ReadFile(p, &json)) continue;
    auto cases = timex::ParseRtModel(json, name);
    if (!cases.ok()) {
      std::fprintf(stderr, "skipped %s\n", cases.status().ToString().c_str());
      continue;
    }
    Scores file;
    for (const auto& c : *cases) {
      if (c.dct.empty()) continue;
      file.Add(timex::ScoreRtCase(c, Run(env, c.input, c.dct), name));
    }
    if (verbose) Print("  " + name, file, false);
    total.Add(file);
  }
  return total;
}

int Bench(const Env& env, const std::vector<std::string>& paths) {
  std::vector<Document> docs;
  size_t bytes = 0;
  for (const auto& path : paths) {
    std::string text;
    if (!ReadFile(path, &text)) {
      std::fprintf(stderr, "sitrep eval timex: %s: cannot open\n", path.c_str());
      return kExitError;
    }
    // JSON Lines corpora: take each line as one document's text as is.
    Document d;
    d.text = std::move(text);
    env.segmenter->Segment(&d);
    bytes += d.text.size();
    docs.push_back(std::move(d));
  }
  size_t found = 0;
  int rounds = 0;
  auto t0 = std::chrono::steady_clock::now();
  const std::clock_t c0 = std::clock();
  double secs = 0;
  do {
    for (auto& d : docs) {
      env.tagger->Tag(&d, "2025-04-29");
      found += d.timexes.size();
    }
    ++rounds;
    secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  } while (secs < 2.0);
  // CPU time of this process: the machine may be shared, wall time is shown too.
  const double cpu = double(std::clock() - c0) / CLOCKS_PER_SEC;
  std::printf(
      "timex tagger: %zu bytes x %d rounds: %.1f MB/s on one core (CPU %.2f s); "
      "wall %.2f s = %.1f MB/s; %zu timexes/round\n",
      bytes, rounds, bytes * rounds / cpu / 1e6, cpu, secs, bytes * rounds / secs / 1e6,
      found / rounds);
  return kExitOk;
}

int RunEvalTimex(const std::vector<std::string>& argv) {
  auto args = Args::Parse(
      argv, {"tml", "wikiwars", "standoff", "text-dir", "rt", "errors", "bench", "show", "dct"},
      {"help", "verbose", "examples"});
  if (!args.ok()) {
    std::fprintf(stderr, "sitrep eval timex: %s\n", args.status().message().c_str());
    return kExitUsage;
  }
  if (args->Has("help")) {
    std::printf(
        "usage: sitrep eval timex [--tml DIR|FILE] [--wikiwars DIR] [--standoff DIR --text-dir "
        "DIR]\n"
        "                         [--rt DIR] [--errors N] [--examples] [--verbose]\n"
        "       sitrep eval timex --bench FILE...   (speed of the tagger alone)\n"
        "       sitrep eval timex --show FILE [--dct DATE]   (stand-off listing)\n"
        "With no gold option, scores every gold set found (eval/timex/*, ../shared).\n");
    return kExitOk;
  }
  auto tagger = timex::TimexTagger::Create();
  if (!tagger.ok()) {
    std::fprintf(stderr, "sitrep eval timex: %s\n", tagger.status().ToString().c_str());
    return kExitError;
  }
  Segmenter segmenter;
  Env env{tagger->get(), &segmenter};
  if (args->Has("show")) {
    // Stand-off listing of what the tagger finds: a draft for hand-made gold.
    std::string text;
    if (!ReadFile(args->Get("show"), &text)) {
      std::fprintf(stderr, "sitrep eval timex: %s: cannot open\n", args->Get("show").c_str());
      return kExitError;
    }
    std::printf("# text: %s\n# dct: %s\n", fs::path(args->Get("show")).filename().c_str(),
                args->Get("dct").c_str());
    for (const Timex& t : Run(env, text, args->Get("dct"))) {
      std::printf("%u\t%u\t%s\t%s\t%s\t%s\t# %s%s\n", t.start, t.end, t.text.c_str(),
                  t.type.c_str(), t.value.c_str(), t.mod.c_str(), t.anchor.c_str(),
                  t.flagged ? " FLAGGED" : "");
    }
    return kExitOk;
  }
  if (args->Has("bench")) {
    std::vector<std::string> paths = args->GetAll("bench");
    for (const auto& p : args->positionals()) paths.push_back(p);
    return Bench(env, paths);
  }
  const bool verbose = args->Has("verbose");
  const int top = std::atoi(args->Get("errors", "10").c_str());
  const bool examples = args->Has("examples");
  const bool any =
      args->Has("tml") || args->Has("wikiwars") || args->Has("standoff") || args->Has("rt");
  const fs::path src = SITREP_SOURCE_DIR;
  const fs::path shared = src.parent_path() / "shared";
  std::error_code ec;
  auto exists = [&](const fs::path& p) { return fs::exists(p, ec); };
  int sets = 0;
  auto report = [&](const std::string& name, const Scores& s, bool timex2) {
    Print(name, s, timex2);
    PrintErrors(s, top, examples);
    ++sets;
  };
  // Stand-off gold over the seed articles.
  fs::path standoff = args->Get("standoff", any ? "" : (src / "eval/timex/seeds").string());
  fs::path text_dir = args->Get("text-dir", (shared / "corpus/seeds").string());
  if (!standoff.empty() && exists(standoff)) {
    if (exists(text_dir)) {
      report("seeds (stand-off)", EvalStandoff(env, standoff, text_dir, verbose), false);
    } else {
      std::printf("seeds (stand-off): skipped, %s absent\n", text_dir.c_str());
    }
  }
  for (const auto& tml : args->Has("tml") ? args->GetAll("tml")
                                          : std::vector<std::string>{
                                                any ? "" : (src / "eval/timex/sample").string()}) {
    if (!tml.empty() && exists(tml))
      report("TimeML " + fs::path(tml).filename().string(), EvalInline(env, tml, ".tml", verbose),
             false);
  }
  fs::path ww = args->Get("wikiwars", any ? "" : (shared / "eval/timex/wikiwars").string());
  if (!ww.empty() && exists(ww)) {
    fs::path dir = exists(ww / "keyinline") ? ww / "keyinline" : ww;
    report("WikiWars (TIMEX2)", EvalInline(env, dir, ".xml", verbose), true);
  }
  fs::path rt =
      args->Get("rt", any ? "" : (shared / "eval/timex/recognizers-text/DateTime").string());
  if (!rt.empty() && exists(rt)) report("Recognizers-Text models", EvalRt(env, rt, verbose), false);
  if (sets == 0) {
    std::printf("no gold found\n");
    return any ? kExitError : kExitOk;
  }
  return kExitOk;
}

}  // namespace

SITREP_COMMAND("eval timex", "score the time tagger on TimeML/WikiWars/stand-off/RT gold",
               RunEvalTimex);

}  // namespace sitrep::cli
