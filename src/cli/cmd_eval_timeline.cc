// sitrep eval timeline: builds a timeline per Timeline17 topic from its
// articles (text and publication date only) with as many dates as the
// journalists' timeline, and scores it: date F1 and concatenated ROUGE-1/2 F1.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <vector>

#include "cli/args.h"
#include "cli/command.h"
#include "pipeline/stages.h"
#include "report/timeline_eval.h"
#include "sitrep/pipeline.h"

namespace sitrep::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kUsage =
    "usage: sitrep eval timeline [--sentences N] [--show] TOPIC_DIR... | ROOT\n"
    "  TOPIC_DIR holds articles.json ({uid, dct, text}) and *.timeline.json gold files;\n"
    "  a ROOT of topic directories is expanded (default ../shared/eval/timeline17).\n"
    "  --sentences N  sentences per date (default 1)\n"
    "  --show         print the predicted timelines\n";

// Segmentation and time expressions are all date selection needs.
StatusOr<std::unique_ptr<Pipeline>> TimexPipeline() {
  std::vector<std::unique_ptr<Annotator>> annotators;
  for (auto* factory : {&MakeSegmenter, &MakeTimexTagger}) {
    AnnotatorOr a = (*factory)();
    if (!a.ok()) return a.status();
    if (*a) annotators.push_back(std::move(*a));
  }
  return Pipeline::Create(std::move(annotators));
}

int RunEvalTimeline(const std::vector<std::string>& argv) {
  auto args = Args::Parse(argv, {"sentences"}, {"help", "show"});
  if (!args.ok()) {
    std::fprintf(stderr, "sitrep eval timeline: %s\n%s", args.status().message().c_str(), kUsage);
    return kExitUsage;
  }
  if (args->Has("help")) {
    std::printf("%s", kUsage);
    return kExitOk;
  }
  std::vector<std::string> roots = args->positionals();
  if (roots.empty()) roots.push_back("../shared/eval/timeline17");
  std::vector<fs::path> topics;
  for (const auto& r : roots) {
    std::error_code ec;
    if (fs::exists(fs::path(r) / "articles.json", ec)) {
      topics.emplace_back(r);
      continue;
    }
    if (!fs::is_directory(r, ec)) {
      std::fprintf(stderr, "sitrep eval timeline: %s: not a topic directory\n", r.c_str());
      return kExitError;
    }
    std::vector<fs::path> sub;
    for (const auto& e : fs::directory_iterator(r, ec)) {
      if (fs::exists(e.path() / "articles.json")) sub.push_back(e.path());
    }
    std::sort(sub.begin(), sub.end());
    topics.insert(topics.end(), sub.begin(), sub.end());
  }
  if (topics.empty()) {
    std::fprintf(stderr, "sitrep eval timeline: no topics found\n");
    return kExitError;
  }
  auto pipeline = TimexPipeline();
  if (!pipeline.ok()) {
    std::fprintf(stderr, "sitrep eval timeline: %s\n", pipeline.status().ToString().c_str());
    return kExitError;
  }
  report::DateTimelineOptions options;
  options.sentences_per_date = std::max(1, std::atoi(args->Get("sentences", "1").c_str()));
  std::printf("%-24s %6s %6s %6s %7s %7s %7s %7s %8s\n", "topic", "docs", "gold", "pred", "date_P",
              "date_R", "date_F1", "R1_F1", "R2_F1");
  double sum_f1 = 0, sum_r1 = 0, sum_r2 = 0;
  int n = 0;
  int rc = kExitOk;
  auto t0 = std::chrono::steady_clock::now();
  for (const auto& topic : topics) {
    auto docs = report::ReadTimeline17Articles((topic / "articles.json").string());
    if (!docs.ok()) {
      std::fprintf(stderr, "sitrep eval timeline: %s\n", docs.status().message().c_str());
      rc = kExitPartial;
      continue;
    }
    AnnotateOptions annotate;
    for (auto& d : *docs) {
      Status s = (*pipeline)->Annotate(&d, annotate);
      if (!s.ok()) d.AddProblem("annotate", s.ToString());
    }
    std::vector<fs::path> golds;
    for (const auto& e : fs::directory_iterator(topic)) {
      if (e.path().filename().string().find(".timeline.json") != std::string::npos) {
        golds.push_back(e.path());
      }
    }
    std::sort(golds.begin(), golds.end());
    for (const auto& g : golds) {
      auto gold = report::ReadGoldTimeline(g.string());
      if (!gold.ok()) {
        std::fprintf(stderr, "sitrep eval timeline: %s\n", gold.status().message().c_str());
        rc = kExitPartial;
        continue;
      }
      options.max_dates = static_cast<int>(gold->size());
      auto predicted = report::BuildDateTimeline(*docs, options);
      auto s = report::ScoreTimeline(predicted, *gold);
      std::string name = topic.filename().string();
      if (golds.size() > 1) name += "/" + g.filename().string().substr(0, 8);
      std::printf("%-24s %6zu %6zu %6zu %7.3f %7.3f %7.3f %7.3f %8.3f\n", name.c_str(),
                  docs->size(), gold->size(), predicted.size(), s.date_precision, s.date_recall,
                  s.date_f1, s.rouge1_f1, s.rouge2_f1);
      if (args->Has("show")) {
        for (const auto& d : predicted) {
          std::printf("    %s  %s\n", d.date.c_str(),
                      d.sentences.empty() ? "" : d.sentences.front().substr(0, 150).c_str());
        }
      }
      sum_f1 += s.date_f1;
      sum_r1 += s.rouge1_f1;
      sum_r2 += s.rouge2_f1;
      ++n;
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (n > 0) {
    std::printf("%-24s %6s %6s %6s %7s %7s %7.3f %7.3f %8.3f\n", "mean", "", "", "", "", "",
                sum_f1 / n, sum_r1 / n, sum_r2 / n);
  }
  std::printf(
      "(%d timelines in %.1f s; date F1 is comparable with published figures, e.g. "
      "DATEWISE 0.544; ROUGE here is concatenated, not alignment-based)\n",
      n, secs);
  return rc;
}

}  // namespace

SITREP_COMMAND("eval timeline", "score timelines against Timeline17 gold (date F1, ROUGE)",
               RunEvalTimeline);

}  // namespace sitrep::cli
