#include "report/lexicons.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "sitrep/data_path.h"

namespace sitrep::report {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Reads non-comment, non-blank lines; calls fn(line, line_number).
template <typename Fn>
Status ForEachLine(const std::string& path, Fn fn) {
  std::ifstream in(path);
  if (!in) return Status::IOError(path + ": cannot open");
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    std::string_view l = Trim(line);
    if (l.empty() || l.front() == '#') continue;
    Status s = fn(l, n);
    if (!s.ok()) return s.WithPrefix(path + ":" + std::to_string(n));
  }
  return Status::OK();
}

}  // namespace

PhraseSet::PhraseSet() = default;
PhraseSet::~PhraseSet() = default;
PhraseSet::PhraseSet(PhraseSet&&) noexcept = default;
PhraseSet& PhraseSet::operator=(PhraseSet&&) noexcept = default;

Status PhraseSet::Add(std::string label, std::string klass, std::string_view pattern) {
  if (label.empty() || klass.empty()) return Status::InvalidArgument("empty label or class");
  std::string p;
  if (pattern.empty()) {
    // A literal phrase: case-insensitive, on word boundaries, any run of
    // spaces between words.
    p = "(?i)\\b";
    std::string_view rest = label;
    bool first = true;
    while (!rest.empty()) {
      size_t sp = rest.find(' ');
      std::string_view word = rest.substr(0, sp);
      if (!word.empty()) {
        if (!first) p += "\\s+";
        p += RE2::QuoteMeta(word);
        first = false;
      }
      if (sp == std::string_view::npos) break;
      rest.remove_prefix(sp + 1);
    }
    p += "\\b";
  } else {
    p = std::string(pattern);
    RE2 check(p, RE2::Quiet);
    if (!check.ok()) return Status::InvalidArgument("bad pattern: " + check.error());
  }
  entries_.push_back({std::move(label), std::move(klass)});
  patterns_.push_back(std::move(p));
  set_.reset();
  return Status::OK();
}

Status PhraseSet::LoadFile(const std::string& path) {
  return ForEachLine(path, [this](std::string_view line, int) -> Status {
    auto cols = SplitTabs(line);
    if (cols.size() < 2) return Status::InvalidArgument("expected label<TAB>class[<TAB>pattern]");
    return Add(std::string(Trim(cols[0])), std::string(Trim(cols[1])),
               cols.size() > 2 ? Trim(cols[2]) : std::string_view());
  });
}

Status PhraseSet::Compile() {
  RE2::Options options;
  options.set_log_errors(false);
  set_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const auto& p : patterns_) {
    std::string error;
    if (set_->Add(p, &error) < 0) return Status::InvalidArgument("pattern " + p + ": " + error);
  }
  if (!set_->Compile()) return Status::Internal("RE2::Set failed to compile");
  return Status::OK();
}

std::vector<int> PhraseSet::Match(std::string_view text) const {
  std::vector<int> hits;
  if (!set_ || entries_.empty()) return hits;
  set_->Match(text, &hits);
  std::sort(hits.begin(), hits.end());
  return hits;
}

bool PhraseSet::Has(std::string_view text, std::string_view klass) const {
  for (int i : Match(text)) {
    if (entries_[i].klass == klass) return true;
  }
  return false;
}

std::string NormalizeOutletKey(std::string_view name) {
  std::string s;
  s.reserve(name.size());
  for (char c : Trim(name)) s += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (s.rfind("the ", 0) == 0) s.erase(0, 4);
  if (s.rfind("www.", 0) == 0) s.erase(0, 4);
  return s;
}

void AffiliationTable::Add(const Affiliation& a, const std::vector<std::string>& aliases) {
  rows_.push_back(a);
  index_.emplace(NormalizeOutletKey(a.outlet), rows_.size() - 1);
  for (const auto& alias : aliases) {
    if (!alias.empty()) index_.emplace(NormalizeOutletKey(alias), rows_.size() - 1);
  }
}

Status AffiliationTable::LoadFile(const std::string& path) {
  return ForEachLine(path, [this](std::string_view line, int) -> Status {
    auto cols = SplitTabs(line);
    if (cols.size() < 3) {
      return Status::InvalidArgument("expected outlet<TAB>affiliation<TAB>country<TAB>aliases");
    }
    Affiliation a{std::string(Trim(cols[0])), std::string(Trim(cols[1])),
                  std::string(Trim(cols[2]))};
    if (a.affiliation != "state-owned" && a.affiliation != "state-funded" &&
        a.affiliation != "public") {
      return Status::InvalidArgument("unknown affiliation '" + a.affiliation + "'");
    }
    std::vector<std::string> aliases;
    if (cols.size() > 3) {
      std::string_view rest = cols[3];
      while (!rest.empty()) {
        size_t bar = rest.find('|');
        aliases.emplace_back(Trim(rest.substr(0, bar)));
        if (bar == std::string_view::npos) break;
        rest.remove_prefix(bar + 1);
      }
    }
    Add(a, aliases);
    return Status::OK();
  });
}

const Affiliation* AffiliationTable::Find(std::string_view source) const {
  if (source.empty()) return nullptr;
  auto it = index_.find(NormalizeOutletKey(source));
  return it == index_.end() ? nullptr : &rows_[it->second];
}

StatusOr<std::unique_ptr<ReportLexicons>> ReportLexicons::LoadDefault() {
  auto lex = std::make_unique<ReportLexicons>();
  SITREP_RETURN_IF_ERROR(lex->framing.LoadFile(DataPath("lexicons/framing-markers.tsv")));
  SITREP_RETURN_IF_ERROR(lex->framing.Compile());
  SITREP_RETURN_IF_ERROR(lex->cues.LoadFile(DataPath("lexicons/framing-cues.tsv")));
  SITREP_RETURN_IF_ERROR(lex->cues.Compile());
  std::error_code ec;
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(DataPath("lexicons"), ec)) {
    std::string name = entry.path().filename().string();
    if (name.rfind("outlet-affiliation", 0) == 0 && entry.path().extension() == ".tsv") {
      files.push_back(entry.path().string());
    }
  }
  if (ec) return Status::IOError(DataPath("lexicons") + ": " + ec.message());
  std::sort(files.begin(), files.end());  // deterministic: the first row for a name wins
  for (const auto& f : files) SITREP_RETURN_IF_ERROR(lex->affiliations.LoadFile(f));
  return lex;
}

}  // namespace sitrep::report
