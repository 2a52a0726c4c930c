// Linking accuracy on the hand-checked set src/ner/testdata/entity_linking.tsv
// (format in the file's header). Prints the accuracy with the gazetteer alone
// and, when models/ner.bin loads, with the statistical tagger; fails only
// below a floor, so a regression shows.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "ner/entity_annotator.h"
#include "text/segmenter.h"

namespace sitrep {
namespace {

struct Expectation {
  std::string surface;
  int nth = 0;
  std::string actor;
};

struct EvalDoc {
  std::string text;
  std::vector<Expectation> expected;
};

std::vector<EvalDoc> ReadSet(const std::string& path) {
  std::vector<EvalDoc> docs;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      f.push_back(line.substr(start, tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (f.size() == 2 && f[0] == "doc") {
      docs.push_back({f[1], {}});
    } else if (f.size() == 3 && !docs.empty()) {
      docs.back().expected.push_back({f[0], std::stoi(f[1]), f[2]});
    } else {
      ADD_FAILURE() << path << ": bad line: " << line;
    }
  }
  return docs;
}

// Fraction of expectations met; prints each miss.
double Score(const EntityAnnotator& annotator, const std::vector<EvalDoc>& docs, int* total) {
  int right = 0;
  *total = 0;
  Segmenter segmenter;
  for (const EvalDoc& d : docs) {
    Document doc;
    doc.text = d.text;
    segmenter.Segment(&doc);
    EXPECT_TRUE(annotator.Annotate(&doc, {}).ok());
    for (const Expectation& e : d.expected) {
      ++*total;
      int n = e.nth;
      const EntityMention* found = nullptr;
      for (const auto& m : doc.entities) {
        if (m.text == e.surface && n-- == 0) {
          found = &m;
          break;
        }
      }
      if (found != nullptr && found->actor == e.actor) {
        ++right;
      } else {
        std::printf("  miss: %-32s want %-36s got %s\n", e.surface.c_str(), e.actor.c_str(),
                    found ? found->actor.c_str() : "(no mention)");
      }
    }
  }
  return *total == 0 ? 0 : static_cast<double>(right) / *total;
}

TEST(EntityLinkingEval, HandCheckedSet) {
  std::vector<EvalDoc> docs = ReadSet("src/ner/testdata/entity_linking.tsv");
  ASSERT_FALSE(docs.empty());
  auto gazetteer = Gazetteer::LoadDefault();
  ASSERT_TRUE(gazetteer.ok()) << gazetteer.status().ToString();
  int total = 0;
  double alone = Score(EntityAnnotator(*gazetteer, nullptr), docs, &total);
  std::printf("linking accuracy, gazetteer only: %.3f (%d mentions, %zu documents)\n", alone, total,
              docs.size());
  EXPECT_GE(alone, 0.80);
  auto tagger = NerTagger::LoadDefault();
  if (tagger.ok()) {
    double with = Score(EntityAnnotator(*gazetteer, std::move(*tagger)), docs, &total);
    std::printf("linking accuracy, gazetteer + tagger: %.3f\n", with);
    EXPECT_GE(with, 0.80);
  }
}

}  // namespace
}  // namespace sitrep
