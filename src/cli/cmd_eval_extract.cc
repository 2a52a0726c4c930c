// sitrep eval extract: article-extraction benchmark (word 4-gram P/R/F1
// against gold article bodies, per-page timings) and a metadata check on
// pages with expected title and date.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/args.h"
#include "cli/command.h"
#include "html/extract_eval.h"
#include "html/extractor.h"

namespace sitrep::cli {
namespace {

namespace fs = std::filesystem;

// CPU time of this thread in milliseconds: per-page cost on one core, not
// disturbed by other processes sharing the machine.
double ThreadMs() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

struct PageResult {
  std::string id;
  html::OverlapScore score;
  double ms = 0;
  size_t bytes = 0;
  std::string note;
};

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// Times one extraction; the best of `repeat` runs damps noise on a shared machine.
ExtractedArticle TimedExtract(const std::string& html, int repeat, double* ms) {
  ExtractedArticle a;
  *ms = 1e18;
  for (int r = 0; r < repeat; ++r) {
    double t0 = ThreadMs();
    a = ExtractArticle(html);
    double d = ThreadMs() - t0;
    *ms = std::min(*ms, d);
  }
  return a;
}

std::string FirstWords(const std::string& s, size_t n) {
  // Cut on a code point boundary so the output stays valid UTF-8.
  while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  std::string out = s.substr(0, n);
  for (char& c : out) {
    if (c == '\n') c = ' ';
  }
  return out;
}

int RunBenchmark(const Args& args) {
  std::string gold_path = args.Get("gold");
  std::string dir = args.Get("html");
  std::ifstream in(gold_path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "sitrep eval extract: %s: cannot open\n", gold_path.c_str());
    return kExitError;
  }
  std::stringstream buf;
  buf << in.rdbuf();
  nlohmann::json gold = nlohmann::json::parse(buf.str(), nullptr, false);
  if (gold.is_discarded() || !gold.is_object()) {
    std::fprintf(stderr, "sitrep eval extract: %s: not a JSON object\n", gold_path.c_str());
    return kExitError;
  }
  int repeat = std::max(1, std::atoi(args.Get("repeat", "1").c_str()));
  std::string only = args.Get("page");
  bool verbose = args.Has("verbose");
  std::vector<PageResult> results;
  int missing = 0;
  for (auto it = gold.begin(); it != gold.end(); ++it) {
    const std::string& id = it.key();
    if (!only.empty() && id.rfind(only, 0) != 0) continue;
    std::string body = it->value("articleBody", "");
    std::string path = dir + "/" + id + ".html.gz";
    if (!fs::exists(path)) path = dir + "/" + id + ".html";
    auto html = html::ReadMaybeGzip(path);
    if (!html.ok()) {
      ++missing;
      continue;
    }
    PageResult r;
    r.id = id;
    r.bytes = html->size();
    ExtractedArticle a = TimedExtract(*html, repeat, &r.ms);
    r.score = html::NgramOverlap(a.text, body);
    if (a.text.empty()) r.note = "empty: " + a.empty_reason;
    results.push_back(r);
    if (!only.empty()) {
      std::printf(
          "=== %s  P %.3f R %.3f F1 %.3f  %.2f ms\n--- title: %s\n--- published: %s\n"
          "--- extracted:\n%s\n--- gold:\n%s\n",
          id.c_str(), r.score.precision, r.score.recall, r.score.f1, r.ms, a.title.c_str(),
          a.published.c_str(), a.text.c_str(), body.c_str());
    } else if (verbose) {
      std::printf("%s  P %.3f R %.3f F1 %.3f  %7.2f ms  %s\n", id.substr(0, 12).c_str(),
                  r.score.precision, r.score.recall, r.score.f1, r.ms,
                  FirstWords(a.text, 60).c_str());
    }
  }
  if (results.empty()) {
    std::fprintf(stderr, "sitrep eval extract: no pages read from %s\n", dir.c_str());
    return kExitError;
  }
  double p = 0, r = 0, f = 0;
  std::vector<double> times;
  double total_bytes = 0, total_ms = 0;
  for (const auto& x : results) {
    p += x.score.precision;
    r += x.score.recall;
    f += x.score.f1;
    times.push_back(x.ms);
    total_bytes += x.bytes;
    total_ms += x.ms;
  }
  double n = static_cast<double>(results.size());
  std::printf("pages %zu (missing %d)\nF1 %.4f  precision %.4f  recall %.4f\n", results.size(),
              missing, f / n, p / n, r / n);
  std::printf(
      "CPU time per page (parse included, best of %d): median %.2f ms, worst %.2f ms, "
      "mean %.2f ms, %.1f MB/s\n",
      repeat, Median(times), *std::max_element(times.begin(), times.end()), total_ms / n,
      total_bytes / 1e6 / (total_ms / 1e3));
  std::sort(results.begin(), results.end(),
            [](const PageResult& a, const PageResult& b) { return a.score.f1 < b.score.f1; });
  std::printf("worst pages:\n");
  for (size_t i = 0; i < std::min<size_t>(5, results.size()); ++i) {
    const auto& x = results[i];
    std::printf("  %s  F1 %.3f  P %.3f  R %.3f  %s\n", x.id.c_str(), x.score.f1, x.score.precision,
                x.score.recall, x.note.c_str());
  }
  return missing > 0 ? kExitPartial : kExitOk;
}

// Lowercased letters and digits, for comparing titles.
std::string Squash(const std::string& s) {
  std::string out;
  for (const auto& t : html::WordTokens(s)) out += t + " ";
  return out;
}

int RunMetadata(const Args& args) {
  std::string dir = args.Get("readability");
  std::error_code ec;
  std::vector<fs::path> pages;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.is_directory() && fs::exists(e.path() / "source.html")) pages.push_back(e.path());
  }
  if (ec || pages.empty()) {
    std::fprintf(stderr, "sitrep eval extract: %s: no */source.html pages\n", dir.c_str());
    return kExitError;
  }
  std::sort(pages.begin(), pages.end());
  int title_ok = 0, title_n = 0, date_ok = 0, date_n = 0;
  for (const auto& page : pages) {
    auto html = html::ReadMaybeGzip((page / "source.html").string());
    std::ifstream in(page / "expected-metadata.json");
    if (!html.ok() || !in) continue;
    std::stringstream buf;
    buf << in.rdbuf();
    nlohmann::json expected = nlohmann::json::parse(buf.str(), nullptr, false);
    if (expected.is_discarded()) continue;
    double ms = 0;
    ExtractedArticle a = TimedExtract(*html, 1, &ms);
    std::string name = page.filename().string();
    if (expected.contains("title") && expected["title"].is_string()) {
      ++title_n;
      std::string want = expected["title"];
      bool ok = Squash(want) == Squash(a.title);
      title_ok += ok;
      if (!ok) {
        std::printf("  title %-20s want \"%s\" got \"%s\"\n", name.c_str(), want.c_str(),
                    a.title.c_str());
      }
    }
    if (expected.contains("publishedTime") && expected["publishedTime"].is_string()) {
      ++date_n;
      std::string want = expected["publishedTime"];
      bool ok = want.substr(0, 10) == a.published.substr(0, 10);
      date_ok += ok;
      if (!ok) {
        std::printf("  date  %-20s want %s got %s\n", name.c_str(), want.c_str(),
                    a.published.c_str());
      }
    }
  }
  std::printf("pages %zu\ntitle %d/%d correct\npublication date (day) %d/%d correct\n",
              pages.size(), title_ok, title_n, date_ok, date_n);
  return kExitOk;
}

int RunEvalExtract(const std::vector<std::string>& argv) {
  auto args =
      Args::Parse(argv, {"gold", "html", "readability", "repeat", "page"}, {"help", "verbose"});
  if (!args.ok()) {
    std::fprintf(stderr, "sitrep eval extract: %s\n", args.status().message().c_str());
    return kExitUsage;
  }
  bool bench = args->Has("gold") && args->Has("html");
  if (args->Has("help") || (!bench && !args->Has("readability"))) {
    std::printf(
        "usage: sitrep eval extract --gold ground-truth.json --html DIR [--repeat N]\n"
        "                           [--verbose] [--page ID-PREFIX]\n"
        "       sitrep eval extract --readability DIR\n"
        "Scores article extraction: word 4-gram precision/recall/F1 against articleBody,\n"
        "averaged over pages, with per-page times; or title and date against\n"
        "DIR/*/expected-metadata.json.\n");
    return args->Has("help") ? kExitOk : kExitUsage;
  }
  int rc = kExitOk;
  if (bench) rc = RunBenchmark(*args);
  if (args->Has("readability")) rc = std::max(rc, RunMetadata(*args));
  return rc;
}

}  // namespace

SITREP_COMMAND("eval extract", "score article extraction against a gold benchmark", RunEvalExtract);

}  // namespace sitrep::cli
