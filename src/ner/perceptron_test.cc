#include "ner/perceptron.h"

#include <gtest/gtest.h>

#include "ner/ner_tagger.h"
#include "ner/perceptron_train.h"

namespace sitrep {
namespace {

TEST(PerceptronTest, BilouTransitions) {
  std::vector<std::string> c = {"O", "B-GPE", "I-GPE", "L-GPE", "U-GPE", "B-ORG", "L-ORG"};
  auto mask = TransitionMask(c);
  const size_t n = c.size();
  auto allowed = [&](int prev, int cls) { return mask[(prev + 1) * n + cls] != 0; };
  EXPECT_TRUE(allowed(-1, 1));   // start -> B-GPE
  EXPECT_FALSE(allowed(-1, 2));  // start -> I-GPE
  EXPECT_TRUE(allowed(1, 3));    // B-GPE -> L-GPE
  EXPECT_FALSE(allowed(1, 6));   // B-GPE -> L-ORG
  EXPECT_TRUE(allowed(1, 0));    // B-GPE -> O closes the span implicitly
  EXPECT_TRUE(allowed(2, 0));    // I-GPE -> O too
  EXPECT_TRUE(allowed(1, 5));    // B-GPE -> B-ORG closes it too
  EXPECT_FALSE(allowed(0, 3));   // O -> L-GPE
  EXPECT_TRUE(allowed(3, 0));    // L-GPE -> O
  EXPECT_TRUE(allowed(4, 5));    // U-GPE -> B-ORG
}

TEST(PerceptronTest, IobAndPlainTags) {
  auto iob = TransitionMask({"O", "B-X", "I-X"});
  EXPECT_FALSE(iob[0 * 3 + 2]);  // start -> I-X
  EXPECT_TRUE(iob[2 * 3 + 0]);   // B-X -> O
  for (uint8_t a : TransitionMask({"NN", "VB", "DT"})) EXPECT_TRUE(a);
}

// A toy corpus: a capitalized word after "in" is a place, after "minister"
// a person; the tagger must generalize to unseen names by shape and context.
TEST(PerceptronTest, LearnsFromContext) {
  std::vector<std::string> classes = {"O", "U-GPE", "U-PERSON"};
  const char* places[] = {"Kursk", "Kyiv", "Seoul", "Gaza", "Paris", "Lima"};
  const char* people[] = {"Shoigu", "Kim", "Lavrov", "Blinken", "Sullivan", "Wang"};
  std::vector<TrainSentence> data;
  for (const char* p : places) {
    for (const char* q : people) {
      data.push_back({{"fighting", "in", p, "worried", "minister", q, "."}, {0, 0, 1, 0, 0, 2, 0}});
    }
  }
  PerceptronTrainOptions options;
  options.kind = "ner";
  options.epochs = 5;
  options.bucket_bits = 16;
  auto model = TrainPerceptron(data, classes, options, nullptr);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  auto tagger = PerceptronTagger::FromModel(*model, "ner");
  ASSERT_TRUE(tagger.ok());
  std::vector<uint16_t> out;
  (*tagger)->Tag({"fighting", "in", "Donetsk", "worried", "minister", "Austin", "."}, nullptr,
                 &out);
  EXPECT_EQ(out, (std::vector<uint16_t>{0, 0, 1, 0, 0, 2, 0}));
  (*tagger)->Tag({}, nullptr, &out);
  EXPECT_TRUE(out.empty());
  EXPECT_FALSE(PerceptronTagger::FromModel(*model, "pos").ok());
}

TEST(PerceptronTest, TrainingIsDeterministic) {
  std::vector<TrainSentence> data = {{{"a", "B"}, {0, 1}}, {{"B", "a"}, {1, 0}}};
  PerceptronTrainOptions options;
  options.kind = "pos";
  options.bucket_bits = 12;
  auto a = TrainPerceptron(data, {"x", "y"}, options, nullptr);
  auto b = TrainPerceptron(data, {"x", "y"}, options, nullptr);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(SerializeModel(*a), SerializeModel(*b));
}

TEST(PerceptronTest, RejectsBadInput) {
  PerceptronTrainOptions options;
  EXPECT_FALSE(TrainPerceptron({{{"a"}, {5}}}, {"x", "y"}, options, nullptr).ok());
  EXPECT_FALSE(TrainPerceptron({{{"a", "b"}, {0}}}, {"x", "y"}, options, nullptr).ok());
  EXPECT_FALSE(TrainPerceptron({}, {"x"}, options, nullptr).ok());
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

// Words alone cannot tell the classes apart here; only the hints can.
TEST(PerceptronTest, LearnsFromGazetteerHints) {
  std::vector<TrainSentence> data;
  for (int i = 0; i < 40; ++i) {
    data.push_back({{"Saw", "Alpha", "today"}, {0, 1, 0}, {0, 3, 0}});
    data.push_back({{"Saw", "Alpha", "today"}, {0, 2, 0}, {0, 1, 0}});
  }
  PerceptronTrainOptions options;
  options.kind = "ner";
  options.bucket_bits = 14;
  options.upper_fraction = options.lower_fraction = 0;
  auto model = TrainPerceptron(data, {"O", "U-GPE", "U-PERSON"}, options, nullptr);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  auto tagger = PerceptronTagger::FromModel(*model, "ner");
  ASSERT_TRUE(tagger.ok());
  std::vector<uint16_t> out;
  const uint8_t place[] = {0, 3, 0}, person[] = {0, 1, 0};
  (*tagger)->Tag({"Saw", "Alpha", "today"}, place, &out);
  EXPECT_EQ(out[1], 1);
  (*tagger)->Tag({"Saw", "Alpha", "today"}, person, &out);
  EXPECT_EQ(out[1], 2);
  data[0].hints = {1};
  EXPECT_FALSE(TrainPerceptron(data, {"O", "U-GPE", "U-PERSON"}, options, nullptr).ok());
}

}  // namespace
}  // namespace sitrep

#include <filesystem>
#include <fstream>

#include "ner/conll.h"

namespace sitrep {
namespace {

// Sentences that stress the word cache: repeats, words longer than it keeps,
// many distinct words (slot collisions), odd bytes, ALL-CAPS and lowercase.
std::vector<std::vector<std::string>> OddSentences() {
  std::vector<std::vector<std::string>> out = {
      {"Kim", "Kim", "Kim", "met", "Kim", "."},
      {std::string(300, 'x'), "Internationalization-related", "a"},
      {"M\xD0\xBE"
       "scow",
       "\xFF\xC3", "", "\xE4\xB8\xAD\xE5\x9B\xBD",
       "Erdo\xC4\x9F"
       "an"},
      {"RUSSIAN", "TROOPS", "ENTER", "KURSK", "REGION"},
      {"russian", "troops", "enter", "kursk", "region"},
      {"."},
  };
  std::vector<std::string> many;
  for (int i = 0; i < 9000; ++i) many.push_back("w" + std::to_string(i * 7919 % 10007));
  out.push_back(many);
  return out;
}

// The fast path (cached word sums, precomputed history, guessed prefetch)
// must give exactly the classes of plain feature-by-feature scoring.
void ExpectSameAsReference(const PerceptronTagger& tagger,
                           const std::vector<std::vector<std::string>>& sentences,
                           bool with_hints) {
  std::vector<uint16_t> fast, slow;
  size_t checked = 0;
  for (int round = 0; round < 2; ++round) {  // the second round hits the cache
    for (const auto& s : sentences) {
      std::vector<std::string_view> words(s.begin(), s.end());
      std::vector<uint8_t> hints(words.size());
      for (size_t i = 0; i < hints.size(); ++i)
        hints[i] = static_cast<uint8_t>((i * 5 + s.size()) % 8);
      const uint8_t* h = with_hints ? hints.data() : nullptr;
      tagger.Tag(words, h, &fast);
      tagger.TagReference(words, h, &slow);
      ASSERT_EQ(fast, slow) << "sentence starting '" << (s.empty() ? "" : s[0]) << "'";
      ++checked;
    }
  }
  EXPECT_GT(checked, 0u);
}

// A BILOU model of random weights over 2^10 buckets, large enough that
// many word sums overflow 16 bits.
ModelData RandomModel() {
  ModelData m;
  m.kind = "ner";
  m.feature_set_version = kFeatureSetVersion;
  m.bucket_bits = 10;
  m.classes = {"O", "B-GPE", "I-GPE", "L-GPE", "U-GPE"};
  uint64_t x = 88172645463325252ull;
  for (uint32_t b = 0; b < 1024; ++b) {
    for (uint16_t c = 0; c < 5; ++c) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      if (x % 3 == 0) continue;
      m.entries.push_back({b, c, static_cast<int16_t>(static_cast<int64_t>(x % 65535) - 32767)});
    }
  }
  return m;
}

// Large random weights: many word sums overflow 16 bits, so words take the
// feature-by-feature path next to cached ones.
TEST(PerceptronTest, FastTaggingEqualsReferenceWithLargeWeights) {
  ModelData m = RandomModel();
  m.dictionary = {{"left", 3}, {"on", 4}, {"troops", 1}};
  TagRules skip;
  skip.plain_outside_is_o = true;
  for (TagRules rules : {TagRules(), skip}) {
    auto tagger = PerceptronTagger::FromModel(m, "ner", rules);
    ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
    ExpectSameAsReference(**tagger, OddSentences(), true);
    ExpectSameAsReference(**tagger, OddSentences(), false);
    ExpectSameAsReference(**tagger, {{"Troops", "left", "Kursk", "on", "Monday", "."}}, false);
    // A default string_view (null data), as PosTagger passes for a bad token.
    std::vector<uint16_t> fast, slow;
    (*tagger)->Tag({std::string_view(), "x"}, nullptr, &fast);
    (*tagger)->TagReference({std::string_view(), "x"}, nullptr, &slow);
    EXPECT_EQ(fast, slow);
  }
}

// Dictionary words get their class whatever the weights say, also from the
// word cache, and the next token's history reads it.
TEST(PerceptronTest, DictionaryWordsAreNotScored) {
  ModelData m = RandomModel();
  m.dictionary = {{"Kursk", 3}, {"LEFT", 2}, {"left", 2}};
  auto tagger = PerceptronTagger::FromModel(m, "ner");
  ASSERT_TRUE(tagger.ok());
  const std::vector<std::string_view> words = {"Troops", "left", "Kursk", "left", "."};
  std::vector<uint16_t> out;
  for (int round = 0; round < 2; ++round) {  // the second round hits the cache
    (*tagger)->Tag(words, nullptr, &out);
    EXPECT_EQ(out[1], 2);
    EXPECT_EQ(out[2], 3);
    EXPECT_EQ(out[3], 2);
  }
  // Without the dictionary the same weights need not agree.
  TagRules rules;
  rules.use_dictionary = false;
  auto plain = PerceptronTagger::FromModel(m, "ner", rules);
  ASSERT_TRUE(plain.ok());
  std::vector<uint16_t> scored;
  (*plain)->Tag({"Kursk"}, nullptr, &scored);
  EXPECT_NE(scored[0], 3);  // L-GPE cannot start a sentence
  (*tagger)->Tag({"Kursk"}, nullptr, &out);
  EXPECT_EQ(out[0], 3);
  // Not in all-lowercase or ALL-CAPS text, where "us" may be "US".
  for (const std::vector<std::string_view>& odd :
       {std::vector<std::string_view>{"troops", "left", "kursk", "left", "."},
        std::vector<std::string_view>{"TROOPS", "LEFT", "KURSK", "LEFT", "."}}) {
    for (int round = 0; round < 2; ++round) {
      (*tagger)->Tag(odd, nullptr, &out);
      (*plain)->Tag(odd, nullptr, &scored);
      EXPECT_EQ(out, scored) << odd[0];
    }
  }
}

// TagRules::plain_outside_is_o: a lowercase word outside a span is "O"
// without scoring; inside a span, with a hint, or in lowercase text it is
// scored.
TEST(PerceptronTest, PlainWordOutsideSpanIsNotScored) {
  ModelData m = RandomModel();
  TagRules skip;
  skip.plain_outside_is_o = true;
  auto scored = PerceptronTagger::FromModel(m, "ner");
  auto skipping = PerceptronTagger::FromModel(m, "ner", skip);
  ASSERT_TRUE(scored.ok() && skipping.ok());
  // A lowercase word the weights tag as an entity at the sentence start,
  // before a capitalized word (so the sentence is normally cased).
  std::vector<uint16_t> a, b;
  std::string found;
  for (int k = 0; k < 26 * 26 && found.empty(); ++k) {
    const std::string w = {'q', static_cast<char>('a' + k / 26), static_cast<char>('a' + k % 26)};
    (*scored)->Tag({w, "Kursk", "Moscow"}, nullptr, &a);
    if (a[0] != 0) found = w;
  }
  ASSERT_FALSE(found.empty());
  const std::vector<std::string_view> words = {found, "Kursk", "Moscow"};
  (*skipping)->Tag(words, nullptr, &b);
  EXPECT_EQ(b[0], 0);
  // A gazetteer hint on it: scored.
  const uint8_t hints[] = {kHintGpe, 0, 0};
  (*scored)->Tag(words, hints, &a);
  (*skipping)->Tag(words, hints, &b);
  EXPECT_EQ(a, b);
  // In an all-lowercase sentence every word is scored.
  const std::vector<std::string_view> lower = {found, "kursk", "moscow"};
  (*scored)->Tag(lower, nullptr, &a);
  (*skipping)->Tag(lower, nullptr, &b);
  EXPECT_EQ(a, b);
  // After an open span (B-GPE) the word is scored: it may continue the span.
  // The reference applies the same rule.
  std::vector<uint16_t> ref;
  for (const auto& s : std::vector<std::vector<std::string_view>>{
           {"Kursk", found, "Moscow"}, {"Kyiv", "Kursk", found, found, "Lviv", "."}}) {
    (*skipping)->Tag(s, nullptr, &b);
    (*skipping)->TagReference(s, nullptr, &ref);
    EXPECT_EQ(b, ref);
  }
  EXPECT_FALSE(PerceptronTagger::FromModel(
                   [] {
                     ModelData pos = RandomModel();
                     pos.classes = {"NN", "VB", "DT", "IN", "JJ"};
                     return pos;
                   }(),
                   "ner", skip)
                   .ok());  // the rule needs an "O" class
}

TEST(PerceptronTest, FastTaggingEqualsReference) {
  std::vector<std::vector<std::string>> sentences = OddSentences();
  const std::string conll = "../shared/eval/ner/gmb/ner_dataset.conll";
  if (std::filesystem::exists(conll)) {
    auto corpus = ReadConll(conll);
    ASSERT_TRUE(corpus.ok());
    for (size_t i = 0; i < corpus->size() && i < 3000; ++i) sentences.push_back((*corpus)[i].words);
  }
  for (const char* name : {"pos.bin", "ner.bin"}) {
    auto model = ReadModelFile(ModelPath(name));
    if (!model.ok()) GTEST_SKIP() << "no model " << name;
    // The rules the taggers run with (NerTagger turns on the skip rule) and
    // none: the plain scoring stays checked too.
    TagRules used, none;
    used.plain_outside_is_o = model->kind == "ner";
    none.use_dictionary = false;
    for (TagRules rules : {used, none}) {
      auto tagger = PerceptronTagger::FromModel(*model, model->kind, rules);
      ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
      ExpectSameAsReference(**tagger, sentences, false);
      ExpectSameAsReference(**tagger, sentences, true);
    }
  }
}

}  // namespace
}  // namespace sitrep
