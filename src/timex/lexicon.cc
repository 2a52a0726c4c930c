#include "timex/lexicon.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace sitrep::timex {
namespace {

struct ClassName {
  const char* name;
  Cls cls;
  bool numeric;
};
constexpr ClassName kClassNames[] = {
    {"month", Cls::kMonth, true},
    {"month_abbr", Cls::kMonthAbbr, true},
    {"weekday", Cls::kWeekday, true},
    {"weekday_abbr", Cls::kWeekdayAbbr, true},
    {"season", Cls::kSeason, false},
    {"number", Cls::kNumber, true},
    {"ordinal", Cls::kOrdinal, true},
    {"unit", Cls::kUnit, false},
    {"part_of_day", Cls::kPartOfDay, false},
    {"day_rel", Cls::kDayRel, true},
    {"ref", Cls::kRef, false},
    {"mod_pre", Cls::kModPre, false},
    {"dur_mod", Cls::kDurMod, false},
    {"rel_det", Cls::kRelDet, true},
    {"set", Cls::kSet, false},
    {"zone", Cls::kZone, false},
    {"named_day", Cls::kNamedDay, false},
    {"named_period", Cls::kNamedPeriod, false},
    {"future_cue", Cls::kFutureCue, false},
    {"past_cue", Cls::kPastCue, false},
    {"year_cue", Cls::kYearCue, false},
    {"not_year_next", Cls::kNotYearNext, false},
    {"starter", Cls::kStarter, false},
    {"verb", Cls::kVerb, false},
};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<std::string> SplitPhrase(std::string_view p) {
  std::vector<std::string> out;
  size_t i = 0;
  auto is_alpha = [](unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; };
  auto is_digit = [](unsigned char c) { return c >= '0' && c <= '9'; };
  while (i < p.size()) {
    unsigned char c = p[i];
    if (c == ' ' || c == '\t') {
      ++i;
      continue;
    }
    size_t j = i + 1;
    if (is_alpha(c)) {
      while (j < p.size() && is_alpha(p[j])) ++j;
    } else if (is_digit(c)) {
      while (j < p.size() && is_digit(p[j])) ++j;
    } else if (c >= 0x80) {
      while (j < p.size() && (static_cast<unsigned char>(p[j]) & 0xC0) == 0x80) ++j;
    }
    std::string w(p.substr(i, j - i));
    for (char& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (w == "\xE2\x80\x99") w = "'";  // typographic apostrophe
    out.push_back(std::move(w));
    i = j;
  }
  return out;
}

std::string_view Lexicon::AddWordKey(std::string_view w) {
  size_t b = FilterBit(w);
  filter_[b / 64] |= uint64_t{1} << (b % 64);
  keys_.push_back(std::make_unique<std::string>(w));
  return *keys_.back();
}

Status Lexicon::AddTsv(std::string_view contents, std::string_view origin) {
  size_t line_no = 0;
  while (!contents.empty()) {
    size_t nl = contents.find('\n');
    std::string_view line = contents.substr(0, nl);
    contents.remove_prefix(nl == std::string_view::npos ? contents.size() : nl + 1);
    ++line_no;
    if (Trim(line).empty() || Trim(line)[0] == '#') continue;
    size_t t1 = line.find('\t');
    size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    auto where = [&] { return std::string(origin) + ":" + std::to_string(line_no); };
    if (t2 == std::string_view::npos) {
      return Status::InvalidArgument(where() + ": expected phrase<TAB>class<TAB>value");
    }
    std::string_view phrase = Trim(line.substr(0, t1));
    std::string_view cls_name = Trim(line.substr(t1 + 1, t2 - t1 - 1));
    std::string_view value = Trim(line.substr(t2 + 1));
    const ClassName* cn = nullptr;
    for (const auto& c : kClassNames) {
      if (cls_name == c.name) cn = &c;
    }
    if (cn == nullptr) return Status::InvalidArgument(where() + ": unknown class");
    int ival = 0;
    if (cn->numeric) {
      auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), ival);
      if (ec != std::errc() || ptr != value.data() + value.size()) {
        return Status::InvalidArgument(where() + ": value must be an integer");
      }
    }
    std::vector<std::string> words = SplitPhrase(phrase);
    if (words.empty()) return Status::InvalidArgument(where() + ": empty phrase");
    LexEntry* entry = nullptr;
    if (words.size() == 1) {
      auto it = words_.find(words[0]);
      if (it == words_.end()) {
        it = words_.emplace(AddWordKey(words[0]), std::make_unique<LexEntry>()).first;
      }
      entry = it->second.get();
    } else {
      std::string key;
      for (const auto& w : words) key += w + " ";
      auto first = words_.find(words[0]);
      if (first == words_.end()) {
        first = words_.emplace(AddWordKey(words[0]), std::make_unique<LexEntry>()).first;
      }
      first->second->mask |= 1u << static_cast<int>(Cls::kPhraseStart);
      auto& slot = phrase_entries_[key];
      if (!slot) {
        slot = std::make_unique<LexEntry>();
        auto it = phrases_.find(words[0]);
        if (it == phrases_.end()) {
          keys_.push_back(std::make_unique<std::string>(words[0]));
          it = phrases_.emplace(*keys_.back(), std::vector<Phrase>()).first;
        }
        it->second.push_back({words, slot.get()});
        std::stable_sort(
            it->second.begin(), it->second.end(),
            [](const Phrase& a, const Phrase& b) { return a.words.size() > b.words.size(); });
      }
      entry = slot.get();
    }
    int idx = static_cast<int>(cn->cls);
    entry->mask |= 1u << idx;
    entry->ival[idx] = static_cast<int16_t>(ival);
    entry->sval[idx] = std::string(value);
  }
  return Status::OK();
}

StatusOr<std::unique_ptr<Lexicon>> Lexicon::Load(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.rfind("timex-", 0) == 0 && name.size() > 4 &&
        name.compare(name.size() - 4, 4, ".tsv") == 0) {
      files.push_back(it->path());
    }
  }
  if (files.empty()) return Status::NotFound(dir + ": no timex-*.tsv lexicons");
  std::sort(files.begin(), files.end());
  auto lex = std::make_unique<Lexicon>();
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) return Status::IOError(f.string() + ": cannot read");
    std::stringstream buf;
    buf << in.rdbuf();
    SITREP_RETURN_IF_ERROR(lex->AddTsv(buf.str(), f.string()));
  }
  return lex;
}

}  // namespace sitrep::timex
