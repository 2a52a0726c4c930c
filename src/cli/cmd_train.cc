// sitrep train ner|pos: trains a perceptron tagger on a CoNLL corpus
// (docs/tagger.md). Duplicate sentences are removed, a seeded tenth is held
// out and scored at the end, and the model is written for `models/`.
// `sitrep train clusters` builds the word clusters of the features.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "cli/args.h"
#include "cli/command.h"
#include "ner/conll.h"
#include "ner/features.h"
#include "ner/gazetteer.h"
#include "ner/gazetteer_match.h"
#include "ner/model_io.h"
#include "ner/ner_tagger.h"
#include "ner/perceptron.h"
#include "ner/train.h"
#include "sitrep/data_path.h"

namespace sitrep::cli {
namespace {

std::vector<std::string> ExpandShortOptions(const std::vector<std::string>& argv) {
  std::vector<std::string> out;
  for (const auto& a : argv) out.push_back(a == "-o" ? "--output" : a);
  return out;
}

bool ParseUnsigned(const std::string& s, uint64_t* v) {
  if (s.empty()) return false;
  uint64_t x = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    x = x * 10 + static_cast<uint64_t>(c - '0');
  }
  *v = x;
  return true;
}

// Prints exact-span P/R/F1 of a freshly trained NER model on the held-out set.
void ReportNerHeldout(const ModelData& model, const Corpus& corpus, const Gazetteer* gazetteer) {
  auto tagger = PerceptronTagger::FromModel(model, "ner");
  if (!tagger.ok()) return;
  std::map<std::string, SpanCounts> counts;
  std::vector<std::string_view> words;
  std::vector<uint16_t> classes;
  std::vector<uint8_t> hints;
  for (size_t i : corpus.heldout) {
    const auto& s = corpus.sentences[i];
    words.assign(s.words.begin(), s.words.end());
    hints.assign(words.size(), 0);
    if (gazetteer != nullptr && (*tagger)->uses_hints()) {
      GazetteerHints(*gazetteer, words, hints.data());
    }
    (*tagger)->Tag(words, (*tagger)->uses_hints() ? hints.data() : nullptr, &classes);
    std::vector<std::string> tags;
    for (uint16_t c : classes) tags.push_back((*tagger)->classes()[c]);
    ScoreSpans(corpus.spans[i], SpansFromTags(tags), &counts);
  }
  SpanCounts all, core;
  std::printf("held-out %zu sentences\n%-8s %7s %7s %7s %6s\n", corpus.heldout.size(), "type", "P",
              "R", "F1", "gold");
  for (const auto& [type, c] : counts) {
    std::printf("%-8s %7.2f %7.2f %7.2f %6zu\n", type.c_str(), 100 * c.Precision(),
                100 * c.Recall(), 100 * c.F1(), c.tp + c.fn);
    all.Add(c);
    if (type == "PERSON" || type == "ORG" || type == "GPE") core.Add(c);
  }
  std::printf("%-8s %7.2f %7.2f %7.2f %6zu\n", "P/O/G", 100 * core.Precision(), 100 * core.Recall(),
              100 * core.F1(), core.tp + core.fn);
  std::printf("%-8s %7.2f %7.2f %7.2f %6zu\n", "all", 100 * all.Precision(), 100 * all.Recall(),
              100 * all.F1(), all.tp + all.fn);
}

void ReportPosHeldout(const ModelData& model, const Corpus& corpus) {
  auto tagger = PerceptronTagger::FromModel(model, "pos");
  if (!tagger.ok()) return;
  size_t right = 0, total = 0;
  std::vector<std::string_view> words;
  std::vector<uint16_t> classes;
  for (size_t i : corpus.heldout) {
    const auto& s = corpus.sentences[i];
    if (s.pos.size() != s.words.size()) continue;
    words.assign(s.words.begin(), s.words.end());
    (*tagger)->Tag(words, nullptr, &classes);
    for (size_t k = 0; k < classes.size(); ++k) {
      right += (*tagger)->classes()[classes[k]] == s.pos[k];
      ++total;
    }
  }
  std::printf("held-out %zu sentences, %zu tokens: accuracy %.2f%%\n", corpus.heldout.size(), total,
              total ? 100.0 * static_cast<double>(right) / static_cast<double>(total) : 0.0);
}

int RunTrain(const std::vector<std::string>& raw, bool ner) {
  const char* name = ner ? "sitrep train ner" : "sitrep train pos";
  auto args = Args::Parse(ExpandShortOptions(raw),
                          {"conll", "output", "epochs", "seed", "bits", "scheme", "max-bytes",
                           "split-seed", "case-augment", "dict-min-count", "dict-share"},
                          {"help", "quiet", "no-gazetteer"});
  if (!args.ok()) {
    std::fprintf(stderr, "%s: %s\n", name, args.status().message().c_str());
    return kExitUsage;
  }
  if (args->Has("help") || !args->Has("conll")) {
    std::printf(
        "usage: %s --conll FILE [-o MODEL] [--epochs N] [--seed N] [--bits N]%s\n"
        "          [--max-bytes N] [--split-seed N] [--case-augment PCT] [--quiet]%s\n"
        "Trains on the corpus minus a held-out tenth (seeded), prints held-out scores,\n"
        "writes MODEL (default %s).\n",
        name, ner ? " [--scheme bilou|iob]" : "",
        ner ? " [--no-gazetteer]"
            : "\n          [--dict-min-count N (20, 0: none)] [--dict-share PCT (99.6)]",
        ModelPath(ner ? "ner.bin" : "pos.bin").c_str());
    return args->Has("help") ? kExitOk : kExitUsage;
  }
  PerceptronTrainOptions options;
  options.bucket_bits = ner ? 20 : 19;
  TagDictionaryOptions dictionary;
  uint64_t v = 0, split_seed = kDefaultSplitSeed;
  struct NumOpt {
    const char* key;
    uint64_t lo, hi;
  };
  for (const NumOpt& o : {NumOpt{"epochs", 1, 100}, NumOpt{"seed", 0, ~0ull},
                          NumOpt{"bits", 10, 26}, NumOpt{"max-bytes", 1024, ~0ull},
                          NumOpt{"split-seed", 0, ~0ull}, NumOpt{"dict-min-count", 0, 1'000'000}}) {
    if (!args->Has(o.key)) continue;
    if (!ParseUnsigned(args->Get(o.key), &v) || v < o.lo || v > o.hi) {
      std::fprintf(stderr, "%s: bad --%s '%s'\n", name, o.key, args->Get(o.key).c_str());
      return kExitUsage;
    }
    std::string k = o.key;
    if (k == "epochs") options.epochs = static_cast<int>(v);
    if (k == "seed") options.seed = v;
    if (k == "bits") options.bucket_bits = static_cast<uint32_t>(v);
    if (k == "max-bytes") options.max_model_bytes = v;
    if (k == "split-seed") split_seed = v;
    if (k == "dict-min-count") dictionary.min_count = static_cast<int>(v);
  }
  if (args->Has("dict-share")) {
    // A percentage, decimals allowed ("99.5").
    const std::string share = args->Get("dict-share");
    char* end = nullptr;
    const double pct = std::strtod(share.c_str(), &end);
    if (share.empty() || *end != '\0' || !(pct >= 50 && pct <= 100)) {
      std::fprintf(stderr, "%s: --dict-share must be a percentage 50..100\n", name);
      return kExitUsage;
    }
    dictionary.min_share = pct / 100.0;
  }
  if (args->Has("case-augment")) {
    // Percent of sentences shown ALL-CAPS, and as many all-lowercase.
    if (!ParseUnsigned(args->Get("case-augment"), &v) || v > 50) {
      std::fprintf(stderr, "%s: --case-augment must be a percentage 0..50\n", name);
      return kExitUsage;
    }
    options.upper_fraction = options.lower_fraction = static_cast<double>(v) / 100.0;
  }
  const std::string scheme = args->Get("scheme", "bilou");
  if (scheme != "bilou" && scheme != "iob") {
    std::fprintf(stderr, "%s: --scheme must be bilou or iob\n", name);
    return kExitUsage;
  }
  auto titles = TitleLexicon::LoadDefault();
  if (!titles.ok()) {
    std::fprintf(stderr, "%s: %s\n", name, titles.status().ToString().c_str());
    return kExitError;
  }
  std::string lexicon_error;
  if (!LoadFeatureLexicon(&lexicon_error)) {
    std::fprintf(stderr, "%s: %s\n", name, lexicon_error.c_str());
    return kExitError;
  }
  auto t0 = std::chrono::steady_clock::now();
  auto corpus = PrepareCorpus(args->Get("conll"), EntityTypeMap::Default(), &*titles, split_seed);
  if (!corpus.ok()) {
    std::fprintf(stderr, "%s: %s\n", name, corpus.status().ToString().c_str());
    return kExitError;
  }
  std::printf("%zu sentences read, %zu after removing duplicates; train %zu, held out %zu\n",
              corpus->read, corpus->sentences.size(), corpus->train.size(), corpus->heldout.size());
  std::FILE* log = args->Has("quiet") ? nullptr : stdout;
  // NER learns from gazetteer hints unless --no-gazetteer (docs/tagger.md).
  std::shared_ptr<const Gazetteer> gazetteer;
  HintFunction hinter;
  if (ner && !args->Has("no-gazetteer")) {
    auto g = Gazetteer::LoadDefault();
    if (!g.ok()) {
      std::fprintf(stderr, "%s: %s\n", name, g.status().ToString().c_str());
      return kExitError;
    }
    gazetteer = *g;
    hinter = [gazetteer](const std::vector<std::string>& words, std::vector<uint8_t>* hints) {
      std::vector<std::string_view> views(words.begin(), words.end());
      hints->assign(views.size(), 0);
      GazetteerHints(*gazetteer, views, hints->data());
    };
  }
  auto model = ner ? TrainNer(*corpus, scheme == "bilou", options, log, hinter)
                   : TrainPos(*corpus, options, log, dictionary);
  if (!model.ok()) {
    std::fprintf(stderr, "%s: %s\n", name, model.status().ToString().c_str());
    return kExitError;
  }
  const std::string out = args->Get("output", ModelPath(ner ? "ner.bin" : "pos.bin"));
  Status s = WriteModelFile(out, *model);
  if (!s.ok()) {
    std::fprintf(stderr, "%s: %s\n", name, s.ToString().c_str());
    return kExitError;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("wrote %s (%zu weights) in %.1fs\n", out.c_str(), model->entries.size(), secs);
  if (ner) {
    ReportNerHeldout(*model, *corpus, gazetteer.get());
  } else {
    ReportPosHeldout(*model, *corpus);
  }
  return kExitOk;
}

int RunTrainClusters(const std::vector<std::string>& raw) {
  const char* name = "sitrep train clusters";
  auto args =
      Args::Parse(ExpandShortOptions(raw),
                  {"conll", "output", "split-seed", "coarse", "fine", "min-count"}, {"help"});
  if (!args.ok()) {
    std::fprintf(stderr, "%s: %s\n", name, args.status().message().c_str());
    return kExitUsage;
  }
  const std::string default_out = DataPath("ner/clusters.tsv");
  if (args->Has("help") || !args->Has("conll")) {
    std::printf(
        "usage: %s --conll FILE [-o FILE] [--split-seed N] [--coarse N] [--fine N]\n"
        "          [--min-count N]\n"
        "Clusters the words of the corpus minus its held-out tenth by their neighbours\n"
        "(docs/clusters.md) and writes FILE (default %s).\n",
        name, default_out.c_str());
    return args->Has("help") ? kExitOk : kExitUsage;
  }
  ClusterOptions options;
  uint64_t v = 0, split_seed = kDefaultSplitSeed;
  struct NumOpt {
    const char* key;
    uint64_t lo, hi;
  };
  for (const NumOpt& o : {NumOpt{"split-seed", 0, ~0ull}, NumOpt{"coarse", 2, 255},
                          NumOpt{"fine", 1, 255}, NumOpt{"min-count", 1, 1000000}}) {
    if (!args->Has(o.key)) continue;
    if (!ParseUnsigned(args->Get(o.key), &v) || v < o.lo || v > o.hi) {
      std::fprintf(stderr, "%s: bad --%s '%s'\n", name, o.key, args->Get(o.key).c_str());
      return kExitUsage;
    }
    const std::string k = o.key;
    if (k == "split-seed") split_seed = v;
    if (k == "coarse") options.coarse = static_cast<int>(v);
    if (k == "fine") options.fine = static_cast<int>(v);
    if (k == "min-count") options.min_count = static_cast<int>(v);
  }
  auto corpus = PrepareCorpus(args->Get("conll"), EntityTypeMap::Default(), nullptr, split_seed);
  if (!corpus.ok()) {
    std::fprintf(stderr, "%s: %s\n", name, corpus.status().ToString().c_str());
    return kExitError;
  }
  std::vector<const std::vector<std::string>*> text;
  for (size_t i : corpus->train) text.push_back(&corpus->sentences[i].words);
  const std::vector<WordCluster> clusters = BuildClusters(text, options);
  const std::string out = args->Get("output", default_out);
  const std::string provenance =
      "sitrep train clusters: " + std::to_string(text.size()) + " training sentences, split seed " +
      std::to_string(split_seed) + ", coarse " + std::to_string(options.coarse) + ", fine " +
      std::to_string(options.fine) + ", min count " + std::to_string(options.min_count);
  Status s = WriteClusters(out, clusters, provenance);
  if (!s.ok()) {
    std::fprintf(stderr, "%s: %s\n", name, s.ToString().c_str());
    return kExitError;
  }
  std::printf("wrote %s (%zu words)\n", out.c_str(), clusters.size());
  return kExitOk;
}

int RunTrainNer(const std::vector<std::string>& args) { return RunTrain(args, true); }
int RunTrainPos(const std::vector<std::string>& args) { return RunTrain(args, false); }

}  // namespace

SITREP_COMMAND("train ner", "train the named-entity tagger on a CoNLL corpus", RunTrainNer);
SITREP_COMMAND("train clusters", "cluster the words of a CoNLL corpus for the tagger features",
               RunTrainClusters);
SITREP_COMMAND("train pos", "train the part-of-speech tagger on a CoNLL corpus", RunTrainPos);

}  // namespace sitrep::cli
