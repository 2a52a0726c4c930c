#include "ingest/boilerplate.h"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "ingest/lexicon_file.h"

namespace sitrep::ingest {
namespace {

// Lines within this many non-empty lines of either end of the text are
// candidates for foreign-script furniture; the middle of an article may
// legitimately quote another script.
constexpr int kEdgeLines = 10;
constexpr size_t kMaxForeignLineBytes = 120;

struct Line {
  size_t begin, end;  // without the '\n'
};

std::vector<Line> SplitLines(std::string_view s) {
  std::vector<Line> lines;
  size_t begin = 0;
  while (begin <= s.size()) {
    size_t nl = s.find('\n', begin);
    if (nl == std::string_view::npos) nl = s.size();
    lines.push_back({begin, nl});
    begin = nl + 1;
  }
  return lines;
}

}  // namespace

BoilerplateRemover::BoilerplateRemover() {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  lines_ = std::make_unique<RE2::Set>(options, RE2::ANCHOR_BOTH);
}

StatusOr<std::unique_ptr<BoilerplateRemover>> BoilerplateRemover::Load(const std::string& path) {
  auto entries = ReadLexicon(path, 3);
  if (!entries.ok()) return entries.status();
  std::unique_ptr<BoilerplateRemover> r(new BoilerplateRemover());
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  for (const auto& e : *entries) {
    const std::string& reason = e.fields[0];
    const std::string& scope = e.fields[1];
    const std::string& pattern = e.fields[2];
    if (scope == "line") {
      std::string error;
      if (r->lines_->Add(pattern, &error) < 0) {
        return Status::InvalidArgument(fmt::format("{}:{}: bad pattern: {}", path, e.line, error));
      }
      r->line_reasons_.push_back("boilerplate: " + reason);
    } else if (scope == "title-suffix") {
      auto re = std::make_unique<RE2>("(" + pattern + ")$", options);
      if (!re->ok()) {
        return Status::InvalidArgument(
            fmt::format("{}:{}: bad pattern: {}", path, e.line, re->error()));
      }
      r->title_suffixes_.push_back(std::move(re));
      r->title_reasons_.push_back("boilerplate: " + reason);
    } else {
      return Status::InvalidArgument(
          fmt::format("{}:{}: unknown scope '{}' (line|title-suffix)", path, e.line, scope));
    }
  }
  if (!r->lines_->Compile()) return Status::Internal(path + ": cannot compile pattern set");
  return r;
}

int BoilerplateRemover::MatchLine(std::string_view line) const {
  if (line.empty() || line.size() > kMaxLineBytes || line_reasons_.empty()) return -1;
  std::vector<int> hits;
  if (!lines_->Match(line, &hits) || hits.empty()) return -1;
  int best = hits[0];
  for (int h : hits) best = std::min(best, h);  // the first pattern in the file wins
  return best;
}

CleanText BoilerplateRemover::Remove(const CleanText& in, std::vector<Removal>* removed) const {
  std::string_view s = in.text();
  std::vector<Line> lines = SplitLines(s);
  double share = 0;
  int dominant = DominantScript(s, &share);
  bool script_check = share >= 0.9;
  std::vector<size_t> nonempty;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].end > lines[i].begin) nonempty.push_back(i);
  }
  std::vector<int> rank(lines.size(), -1);  // position among non-empty lines
  for (size_t k = 0; k < nonempty.size(); ++k) rank[nonempty[k]] = static_cast<int>(k);
  int total = static_cast<int>(nonempty.size());

  CleanTextBuilder b(in);
  bool first_text_line = true;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    std::string_view text = s.substr(l.begin, l.end - l.begin);
    size_t next = l.end < s.size() ? l.end + 1 : l.end;  // including the '\n'
    int hit = MatchLine(text);
    std::string reason;
    if (hit >= 0) {
      reason = line_reasons_[hit];
    } else if (script_check && rank[i] >= 0 &&
               (rank[i] < kEdgeLines || rank[i] >= total - kEdgeLines) &&
               IsForeignScriptLine(text, dominant)) {
      reason = "boilerplate: foreign-script furniture";
    }
    if (!reason.empty()) {
      RecordRemoval(in, l.begin, l.end, std::move(reason), removed);
      continue;
    }
    size_t end = l.end;
    if (first_text_line && !text.empty()) {
      first_text_line = false;
      for (size_t k = 0; k < title_suffixes_.size(); ++k) {
        re2::StringPiece m;
        if (RE2::PartialMatch(text, *title_suffixes_[k], &m) && m.size() < text.size()) {
          size_t cut = l.begin + (m.data() - text.data());
          RecordRemoval(in, cut, l.end, title_reasons_[k], removed);
          end = cut;
          break;
        }
      }
    }
    b.Copy(l.begin, end);
    if (next > l.end) b.Copy(l.end, next);
  }
  return std::move(b).Finish();
}

std::string BoilerplateRemover::LineReason(std::string_view line) const {
  int hit = MatchLine(line);
  return hit < 0 ? "" : line_reasons_[hit];
}

int DominantScript(std::string_view text, double* share) {
  // Latin letters are counted apart: they are most letters of most texts.
  size_t latin = 0;
  std::map<int, size_t> counts;
  size_t letters = 0;
  int32_t i = 0, n = static_cast<int32_t>(text.size());
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      latin += ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
      continue;
    }
    UChar32 cp;
    U8_NEXT(text.data(), i, n, cp);
    if (cp < 0 || !u_isalpha(cp)) continue;
    UErrorCode err = U_ZERO_ERROR;
    int script = uscript_getScript(cp, &err);
    if (U_FAILURE(err) || script == USCRIPT_COMMON || script == USCRIPT_INHERITED) continue;
    if (script == USCRIPT_LATIN) {
      ++latin;
    } else {
      ++counts[script];
      ++letters;
    }
  }
  letters += latin;
  int best = USCRIPT_LATIN;
  size_t best_count = latin;
  for (const auto& [script, count] : counts) {
    if (count > best_count) best = script, best_count = count;
  }
  if (share) *share = letters ? static_cast<double>(best_count) / letters : 1.0;
  return best;
}

bool IsForeignScriptLine(std::string_view line, int dominant) {
  if (line.empty() || line.size() > kMaxForeignLineBytes) return false;
  double share = 0;
  int script = DominantScript(line, &share);
  if (script == dominant) return false;
  // Require letters at all: a line of digits or punctuation is not furniture.
  bool has_letter = false;
  for (unsigned char c : line) has_letter |= c >= 0x80 || std::isalpha(c);
  return has_letter && share >= 0.8;
}

}  // namespace sitrep::ingest
