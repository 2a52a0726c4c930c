// SentenceBreaks must find exactly the boundaries of ICU's iterator: on
// random text built from the characters and abbreviations the rules treat
// specially, on the sample corpus and on the war corpus when present.
#include "text/sentence_breaks.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace sitrep::text {
namespace {

namespace fs = std::filesystem;

std::vector<size_t> Native(std::string_view line) {
  std::vector<size_t> out;
  SentenceBreaks(line, &out);
  return out;
}

std::vector<size_t> Icu(std::string_view line) {
  std::vector<size_t> out;
  IcuSentenceBreaks(line, &out);
  return out;
}

// Compares every line of text; returns the number of lines compared.
size_t ExpectSameOnLines(const std::string& text, const std::string& where) {
  size_t lines = 0, begin = 0;
  while (begin < text.size()) {
    size_t nl = text.find('\n', begin);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + begin, nl - begin);
    begin = nl + 1;
    EXPECT_EQ(Native(line), Icu(line)) << where << ": [" << line << "]";
    ++lines;
  }
  return lines;
}

TEST(SentenceBreaksTest, Basics) {
  EXPECT_TRUE(Native("").empty());
  EXPECT_EQ(Native("One. Two."), (std::vector<size_t>{5, 9}));
  EXPECT_EQ(Native("Mr. Smith left."), (std::vector<size_t>{15}));  // CLDR suppression
  EXPECT_EQ(Native("It rose 3.5 percent. then fell"), (std::vector<size_t>{30}));  // SB6, SB8
  EXPECT_EQ(Native("\"Stop!\" he said. \"Never.\" Then"), (std::vector<size_t>{8, 17, 26, 30}));
}

TEST(SentenceBreaksTest, SameAsIcuOnRandomText) {
  const char* pieces[] = {"a",
                          "b",
                          "z",
                          "A",
                          "B",
                          "Z",
                          "\xC3\xA9",  // é
                          "\xC3\x89",  // É
                          "1",
                          "9",
                          ".",
                          ".",
                          ".",
                          "?",
                          "!",
                          "\xE2\x80\xBC",  // U+203C double exclamation (STerm)
                          "\xE3\x80\x82",  // U+3002 ideographic full stop
                          "\xE2\x80\xA6",  // U+2026 ellipsis
                          " ",
                          " ",
                          " ",
                          "  ",
                          "\t",
                          "\"",
                          "'",
                          ")",
                          "(",
                          "]",
                          "\xE2\x80\x9C",  // left double quote
                          "\xE2\x80\x9D",  // right double quote
                          "\xC2\xAB",      // «
                          ",",
                          ";",
                          ":",
                          "-",
                          "\r",
                          "\r\n",
                          "\xE2\x80\xA9",  // U+2029 paragraph separator
                          "\xC2\x85",      // U+0085 next line
                          "\xCC\x81",      // U+0301 combining acute (Extend)
                          "\xC2\xAD",      // U+00AD soft hyphen (Format)
                          "\xE2\x80\x8D",  // U+200D zero-width joiner
                          "\xE4\xB8\xAD",  // 中 (OLetter)
                          "\xFF",
                          "\xE2\x80",  // invalid UTF-8
                          "Mr.",
                          "Mrs.",
                          "U.S.",
                          "U.S.A.",
                          "U.S.C.",
                          "Ph.D.",
                          "a.m.",
                          "Lt.Cdr.",
                          "e.g.",
                          "E.g.",
                          "Etc.",
                          "vs.",
                          "Hon.B.A.",
                          "S.p.A.",
                          "I.",
                          "U.",
                          "Mr",
                          "Gen.",
                          "said",
                          "The",
                          "word"};
  constexpr size_t kPieces = sizeof(pieces) / sizeof(pieces[0]);
  uint64_t x = 0x2545F4914F6CDD1Dull;
  auto next = [&] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    size_t n = 1 + next() % 16;
    for (size_t i = 0; i < n; ++i) s += pieces[next() % kPieces];
    ASSERT_EQ(Native(s), Icu(s)) << "[" << s << "]";
  }
}

TEST(SentenceBreaksTest, SameAsIcuOnSampleCorpus) {
  size_t lines = 0;
  for (const auto& e : fs::directory_iterator(fs::path(SITREP_SOURCE_DIR) / "examples")) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    lines += ExpectSameOnLines(text, e.path().string());
  }
  EXPECT_GT(lines, 10u);
}

TEST(SentenceBreaksTest, SameAsIcuOnWarCorpus) {
  const char* path = "../shared/corpus/ukraine-war-2022-2024/articles.jsonl";
  if (!fs::exists(path)) GTEST_SKIP() << path << " absent";
  std::ifstream in(path);
  std::string record;
  size_t lines = 0;
  while (std::getline(in, record)) {
    auto j = nlohmann::json::parse(record, nullptr, false);
    if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) continue;
    lines += ExpectSameOnLines(j["text"].get<std::string>(), path);
  }
  EXPECT_GT(lines, 1000u);
}

}  // namespace
}  // namespace sitrep::text
