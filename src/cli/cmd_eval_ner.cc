// sitrep eval ner|pos: scores the taggers on a CoNLL file and prints their
// speed. NER: exact-span precision, recall and F1 per type and overall (gold
// types mapped to sitrep's with --map, person titles stripped as in
// training). POS: token accuracy.
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>

#include "cli/args.h"
#include "cli/command.h"
#include "ner/conll.h"
#include "ner/model_io.h"
#include "ner/ner_tagger.h"
#include "ner/pos_tagger.h"
#include "ner/train.h"
#include "pipeline/stages.h"

namespace sitrep::cli {
namespace {

constexpr const char* kNerUsage =
    "usage: sitrep eval ner --conll FILE [--map TAG=TYPE ...] [--model PATH]\n"
    "                       [--heldout] [--split-seed N] [--keep-titles] [--show-errors N]\n"
    "                       [--stage]\n"
    "Scores exact spans per type. Gold types are mapped to PERSON ORG GPE NORP MISC\n"
    "(GMB, CoNLL-2003 and OntoNotes names are known; TYPE O drops a type).\n"
    "--heldout scores only the held-out tenth that `sitrep train` set aside.\n"
    "--stage scores the whole entity stage of the pipeline (POS, tagger, gazetteer,\n"
    "aliases, merging) on each sentence's words instead of the bare tagger; its LOC\n"
    "counts as GPE and MILITARY as ORG, as the gold does not tell them apart.\n";
constexpr const char* kPosUsage =
    "usage: sitrep eval pos --conll FILE [--model PATH] [--heldout] [--split-seed N]\n";

double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Runs `tag_all` until it has used a second of CPU; returns tokens per CPU
// second of this thread (wall time would mostly measure the machine's load).
template <typename F>
double MeasureSpeed(size_t tokens, F tag_all) {
  const double t0 = ThreadCpuSeconds();
  size_t done = 0;
  double secs = 0;
  do {
    tag_all();
    done += tokens;
    secs = ThreadCpuSeconds() - t0;
  } while (secs < 1.0 && tokens > 0);
  return secs > 0 ? static_cast<double>(done) / secs : 0;
}

// Runs the pipeline's POS and entity stages over one sentence given as
// words (joined by single spaces, one token each) and returns the entity
// spans in word indexes. A span that does not start and end on word
// boundaries gets an index past the sentence, so it counts as wrong.
class StageRunner {
 public:
  static StatusOr<StageRunner> Create() {
    StageRunner r;
    auto pos = MakePosTagger();
    if (!pos.ok()) return pos.status();
    auto ent = MakeEntityTagger();
    if (!ent.ok()) return ent.status();
    r.pos_ = std::move(*pos);
    r.entities_ = std::move(*ent);
    return r;
  }
  std::vector<WordSpan> Run(const std::vector<std::string_view>& words) const {
    Document doc;
    for (std::string_view w : words) {
      if (!doc.text.empty()) doc.text += ' ';
      Token t;
      t.start = static_cast<uint32_t>(doc.text.size());
      doc.text += w;
      t.end = static_cast<uint32_t>(doc.text.size());
      doc.tokens.push_back(t);
    }
    doc.sentences.push_back({0, static_cast<uint32_t>(doc.text.size())});
    std::vector<WordSpan> out;
    AnnotateOptions options;
    if (pos_ != nullptr && !pos_->Annotate(&doc, options).ok()) return out;
    if (!entities_->Annotate(&doc, options).ok()) return out;
    const auto past = static_cast<uint32_t>(words.size() + 1);
    for (const EntityMention& e : doc.entities) {
      WordSpan s{past, past + 1, e.type};
      for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
        if (doc.tokens[i].start == e.start) s.begin = i;
        if (doc.tokens[i].end == e.end) s.end = i + 1;
      }
      if (s.type == "LOC") s.type = "GPE";
      if (s.type == "MILITARY") s.type = "ORG";
      if (s.type == "PERSON" || s.type == "ORG" || s.type == "GPE" || s.type == "NORP" ||
          s.type == "MISC") {
        out.push_back(std::move(s));
      }
    }
    return out;
  }

 private:
  std::unique_ptr<Annotator> pos_, entities_;
};

struct EvalSetup {
  Corpus corpus;
  std::vector<size_t> selected;
  size_t tokens = 0;
};

StatusOr<EvalSetup> Setup(const Args& args, const EntityTypeMap& map, bool strip_titles) {
  uint64_t split_seed = kDefaultSplitSeed;
  if (args.Has("split-seed")) {
    const std::string v = args.Get("split-seed");
    if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos || v.size() > 19) {
      return Status::InvalidArgument("bad --split-seed '" + v + "'");
    }
    split_seed = std::strtoull(v.c_str(), nullptr, 10);
  }
  StatusOr<TitleLexicon> titles = TitleLexicon(std::unordered_set<std::string>{});
  if (strip_titles) titles = TitleLexicon::LoadDefault();
  if (!titles.ok()) return titles.status();
  auto corpus =
      PrepareCorpus(args.Get("conll"), map, strip_titles ? &*titles : nullptr, split_seed);
  if (!corpus.ok()) return corpus.status();
  EvalSetup e;
  e.corpus = std::move(*corpus);
  if (args.Has("heldout")) {
    e.selected = e.corpus.heldout;
  } else {
    for (size_t i = 0; i < e.corpus.sentences.size(); ++i) e.selected.push_back(i);
  }
  for (size_t i : e.selected) e.tokens += e.corpus.sentences[i].words.size();
  return e;
}

void PrintRow(const char* name, const SpanCounts& c) {
  std::printf("%-8s %7.2f %7.2f %7.2f %7zu %7zu\n", name, 100 * c.Precision(), 100 * c.Recall(),
              100 * c.F1(), c.tp + c.fn, c.tp + c.fp);
}

int RunEvalNer(const std::vector<std::string>& argv) {
  auto args = Args::Parse(argv, {"conll", "map", "model", "split-seed", "show-errors"},
                          {"help", "heldout", "keep-titles", "stage"});
  if (!args.ok()) {
    std::fprintf(stderr, "sitrep eval ner: %s\n%s", args.status().message().c_str(), kNerUsage);
    return kExitUsage;
  }
  if (args->Has("help") || !args->Has("conll")) {
    std::printf("%s", kNerUsage);
    return args->Has("help") ? kExitOk : kExitUsage;
  }
  EntityTypeMap map = EntityTypeMap::Default();
  for (const auto& m : args->GetAll("map")) {
    Status s = map.Add(m);
    if (!s.ok()) {
      std::fprintf(stderr, "sitrep eval ner: %s\n", s.message().c_str());
      return kExitUsage;
    }
  }
  auto tagger = args->Has("model") ? NerTagger::Load(args->Get("model")) : NerTagger::LoadDefault();
  if (!tagger.ok()) {
    std::fprintf(stderr, "sitrep eval ner: %s\n", tagger.status().ToString().c_str());
    return kExitError;
  }
  auto setup = Setup(*args, map, !args->Has("keep-titles"));
  if (!setup.ok()) {
    std::fprintf(stderr, "sitrep eval ner: %s\n", setup.status().ToString().c_str());
    return kExitError;
  }
  std::optional<StageRunner> stage;
  if (args->Has("stage")) {
    auto r = StageRunner::Create();
    if (!r.ok()) {
      std::fprintf(stderr, "sitrep eval ner: %s\n", r.status().ToString().c_str());
      return kExitError;
    }
    stage.emplace(std::move(*r));
  }
  const Corpus& corpus = setup->corpus;
  std::vector<std::vector<std::string_view>> words(setup->selected.size());
  for (size_t k = 0; k < setup->selected.size(); ++k) {
    const auto& s = corpus.sentences[setup->selected[k]];
    words[k].assign(s.words.begin(), s.words.end());
  }
  std::map<std::string, SpanCounts> counts;
  const size_t max_shown = std::strtoull(args->Get("show-errors", "0").c_str(), nullptr, 10);
  size_t shown = 0;
  for (size_t k = 0; k < setup->selected.size(); ++k) {
    std::vector<WordSpan> predicted;
    if (stage) {
      predicted = stage->Run(words[k]);
    } else {
      for (const EntitySpan& e : (*tagger)->TagWords(words[k], nullptr)) {
        predicted.push_back({e.token_begin, e.token_end, std::string(EntityTypeName(e.type))});
      }
    }
    const auto& gold = corpus.spans[setup->selected[k]];
    ScoreSpans(gold, predicted, &counts);
    if (shown < max_shown && gold != predicted) {
      ++shown;
      std::string line;
      for (size_t i = 0; i < words[k].size(); ++i) {
        for (const auto& g : gold) line += g.begin == i ? "[" : "";
        for (const auto& p : predicted) line += p.begin == i ? "{" : "";
        line += words[k][i];
        for (const auto& p : predicted) line += p.end == i + 1 ? "}" + p.type : "";
        for (const auto& g : gold) line += g.end == i + 1 ? "]" + g.type : "";
        line += ' ';
      }
      std::printf("error: %s\n", line.c_str());
    }
  }
  SpanCounts all, core;
  std::printf("%zu sentences, %zu tokens%s\n", setup->selected.size(), setup->tokens,
              args->Has("heldout") ? " (held-out tenth)" : "");
  std::printf("%-8s %7s %7s %7s %7s %7s\n", "type", "P", "R", "F1", "gold", "pred");
  for (const auto& [type, c] : counts) {
    PrintRow(type.c_str(), c);
    all.Add(c);
    if (type == "PERSON" || type == "ORG" || type == "GPE") core.Add(c);
  }
  PrintRow("P+O+G", core);
  PrintRow("overall", all);
  size_t spans = 0;
  if (stage) {
    double speed = MeasureSpeed(setup->tokens, [&] {
      for (const auto& w : words) spans += stage->Run(w).size();
    });
    std::printf("speed: %.0f tokens per CPU second (one thread, POS and entity stages)\n", speed);
    return kExitOk;
  }
  double speed = MeasureSpeed(setup->tokens, [&] {
    for (const auto& w : words) spans += (*tagger)->TagWords(w, nullptr).size();
  });
  std::printf("speed: %.0f tokens per CPU second (one thread, tagging only)\n", speed);
  return kExitOk;
}

int RunEvalPos(const std::vector<std::string>& argv) {
  auto args = Args::Parse(argv, {"conll", "model", "split-seed"}, {"help", "heldout"});
  if (!args.ok()) {
    std::fprintf(stderr, "sitrep eval pos: %s\n%s", args.status().message().c_str(), kPosUsage);
    return kExitUsage;
  }
  if (args->Has("help") || !args->Has("conll")) {
    std::printf("%s", kPosUsage);
    return args->Has("help") ? kExitOk : kExitUsage;
  }
  auto tagger = args->Has("model") ? PosTagger::Load(args->Get("model")) : PosTagger::LoadDefault();
  if (!tagger.ok()) {
    std::fprintf(stderr, "sitrep eval pos: %s\n", tagger.status().ToString().c_str());
    return kExitError;
  }
  auto setup = Setup(*args, EntityTypeMap::Default(), false);
  if (!setup.ok()) {
    std::fprintf(stderr, "sitrep eval pos: %s\n", setup.status().ToString().c_str());
    return kExitError;
  }
  const Corpus& corpus = setup->corpus;
  std::vector<std::vector<std::string_view>> words(setup->selected.size());
  size_t right = 0, total = 0;
  std::vector<std::string_view> tags;
  for (size_t k = 0; k < setup->selected.size(); ++k) {
    const auto& s = corpus.sentences[setup->selected[k]];
    words[k].assign(s.words.begin(), s.words.end());
    if (s.pos.size() != s.words.size()) continue;
    (*tagger)->TagWords(words[k], &tags);
    for (size_t i = 0; i < tags.size(); ++i) {
      right += tags[i] == s.pos[i];
      ++total;
    }
  }
  std::printf("%zu sentences, %zu tokens%s: accuracy %.2f%%\n", setup->selected.size(), total,
              args->Has("heldout") ? " (held-out tenth)" : "",
              total ? 100.0 * static_cast<double>(right) / static_cast<double>(total) : 0.0);
  double speed = MeasureSpeed(setup->tokens, [&] {
    for (const auto& w : words) (*tagger)->TagWords(w, &tags);
  });
  std::printf("speed: %.0f tokens per CPU second (one thread, tagging only)\n", speed);
  return kExitOk;
}

}  // namespace

SITREP_COMMAND("eval ner", "score the NER tagger on a CoNLL file: P/R/F1 per type", RunEvalNer);
SITREP_COMMAND("eval pos", "score the part-of-speech tagger on a CoNLL file", RunEvalPos);

}  // namespace sitrep::cli
