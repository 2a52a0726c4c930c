#include "ingest/credit_line.h"

#include <fmt/format.h>

#include "ingest/lexicon_file.h"

namespace sitrep::ingest {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '(')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == ')' || s.back() == ',')) s.remove_suffix(1);
  return s;
}

}  // namespace

StatusOr<std::unique_ptr<CreditLineFinder>> CreditLineFinder::Load(const std::string& path) {
  auto entries = ReadLexicon(path, 3);
  if (!entries.ok()) return entries.status();
  auto f = std::make_unique<CreditLineFinder>();
  RE2::Options options;
  options.set_log_errors(false);
  for (const auto& e : *entries) {
    const std::string& action = e.fields[1];
    if (action != "remove" && action != "keep") {
      return Status::InvalidArgument(
          fmt::format("{}:{}: action must be remove or keep, got '{}'", path, e.line, action));
    }
    auto re = std::make_unique<RE2>(e.fields[2], options);
    if (!re->ok() || re->NumberOfCapturingGroups() < 1) {
      return Status::InvalidArgument(fmt::format(
          "{}:{}: pattern must compile and capture the outlet: {}", path, e.line, re->error()));
    }
    f->patterns_.push_back({std::move(re), action == "remove"});
  }
  return f;
}

CreditLine CreditLineFinder::Find(std::string_view text) const {
  // Lines to search: the first and last kEdgeLines non-empty lines.
  std::vector<std::pair<size_t, size_t>> lines;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t nl = text.find('\n', begin);
    if (nl == std::string_view::npos) nl = text.size();
    if (nl > begin) lines.emplace_back(begin, nl);
    begin = nl + 1;
  }
  int n = static_cast<int>(lines.size());
  for (const auto& p : patterns_) {  // the first pattern of the file wins
    for (int i = 0; i < n; ++i) {
      if (i >= kEdgeLines && i < n - kEdgeLines) continue;
      auto [b, e] = lines[i];
      if (e - b > 300) continue;  // a paragraph, not a credit line
      std::string_view line = text.substr(b, e - b);
      re2::StringPiece outlet;
      if (!RE2::PartialMatch(line, *p.re, &outlet)) continue;
      std::string_view name = Trim(std::string_view(outlet.data(), outlet.size()));
      if (name.empty()) continue;
      return {std::string(name), b, e, p.remove};
    }
  }
  return {};
}

CleanText RemoveCreditLine(const CleanText& in, const CreditLine& credit,
                           std::vector<Removal>* removed) {
  if (credit.outlet.empty() || !credit.remove) return in;
  CleanTextBuilder b(in);
  b.Copy(0, credit.line_begin);
  RecordRemoval(in, credit.line_begin, credit.line_end, "credit line: " + credit.outlet, removed);
  size_t next = credit.line_end < in.size() ? credit.line_end + 1 : credit.line_end;
  b.Copy(next, in.size());
  return std::move(b).Finish();
}

}  // namespace sitrep::ingest
