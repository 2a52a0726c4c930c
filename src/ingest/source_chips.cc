#include "ingest/source_chips.h"

#include <fmt/format.h>

#include <cctype>

#include "ingest/lexicon_file.h"

namespace sitrep::ingest {
namespace {

constexpr std::string_view kFurnitureReason = "boilerplate: site-furniture";

}  // namespace

StatusOr<std::unique_ptr<SourceChipRemover>> SourceChipRemover::Load(
    const std::string& path, std::unordered_set<std::string> abbreviations) {
  auto entries = ReadLexicon(path, 2);
  if (!entries.ok()) return entries.status();
  std::unique_ptr<SourceChipRemover> r(new SourceChipRemover());
  RE2::Options options;
  options.set_log_errors(false);
  for (const auto& e : *entries) {
    auto re = std::make_unique<RE2>(e.fields[1], options);
    if (!re->ok()) {
      return Status::InvalidArgument(
          fmt::format("{}:{}: bad pattern: {}", path, e.line, re->error()));
    }
    r->shapes_.push_back(std::move(re));
  }
  r->abbreviations_ = std::move(abbreviations);
  return r;
}

size_t SourceChipRemover::FindChip(std::string_view para) const {
  if (para.size() < kMinParagraphBytes) return std::string_view::npos;
  // The chip follows the last sentence end: [.!?] and maybe a closing quote
  // or bracket, then one space.
  size_t limit = para.size() > kMaxChipBytes + 2 ? para.size() - kMaxChipBytes - 2 : 0;
  for (size_t sp = para.size() - 1; sp > limit; --sp) {
    if (para[sp] != ' ') continue;
    size_t p = sp - 1;
    while (p > 0 && (para[p] == '"' || para[p] == '\'' || para[p] == ')')) --p;
    char end = para[p];
    if (end != '.' && end != '!' && end != '?') continue;
    if (p < kMinParagraphBytes) return std::string_view::npos;
    if (end == '.') {
      // Not after an abbreviation or an initial: "the U.S. Treasury".
      size_t w = p;
      while (w > 0 && para[w - 1] != ' ') --w;
      std::string word(para.substr(w, p + 1 - w));
      if (abbreviations_.count(word)) continue;
      // "GEN." in an all-caps headline is "Gen.".
      std::string title_case = word;
      for (size_t k = 1; k < title_case.size(); ++k) {
        title_case[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(title_case[k])));
      }
      if (abbreviations_.count(title_case)) continue;
      if (word.size() == 2 && std::isupper(static_cast<unsigned char>(word[0]))) continue;
      if (word.size() >= 4 && word[word.size() - 3] == '.') continue;  // "U.S."
    }
    std::string_view chip = para.substr(sp + 1);
    for (const auto& re : shapes_) {
      if (RE2::FullMatch(chip, *re)) return sp;
    }
    return std::string_view::npos;  // only the last sentence end counts
  }
  return std::string_view::npos;
}

CleanText SourceChipRemover::Remove(const CleanText& in, std::vector<Removal>* removed,
                                    std::vector<CitedSource>* cited) const {
  std::string_view s = in.text();
  CleanTextBuilder b(in);
  size_t begin = 0;
  bool changed = false;
  while (begin <= s.size()) {
    size_t nl = s.find('\n', begin);
    if (nl == std::string_view::npos) nl = s.size();
    std::string_view para = s.substr(begin, nl - begin);
    size_t chip = FindChip(para);
    size_t para_out = b.size();
    if (chip != std::string_view::npos) {
      changed = true;
      b.Copy(begin, begin + chip);
      std::string name(para.substr(chip + 1));
      // Only site furniture proper: "Reddit" or "dailynk.com" would match the
      // share-prompt and bare-link patterns yet are real cited sources.
      std::string furniture = furniture_ ? furniture_->LineReason(name) : "";
      if (furniture == kFurnitureReason) {
        RecordRemoval(in, begin + chip + 1, nl, furniture, removed);
        if (nl < s.size()) b.Copy(nl, nl + 1);
        begin = nl + 1;
        continue;
      }
      RecordRemoval(in, begin + chip + 1, nl, "inline source chip", removed);
      // "The Korea Times+1": the count of further sources is the tool's, not
      // part of the name.
      size_t plus = name.rfind('+');
      if (plus != std::string::npos && plus > 0) name.resize(plus);
      if (cited) {
        cited->push_back({name, static_cast<uint32_t>(para_out), static_cast<uint32_t>(b.size())});
      }
    } else {
      b.Copy(begin, nl);
    }
    if (nl < s.size()) b.Copy(nl, nl + 1);
    begin = nl + 1;
  }
  if (!changed) return in;
  return std::move(b).Finish();
}

}  // namespace sitrep::ingest
