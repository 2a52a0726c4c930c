#include "ingest/dates.h"

#include <fmt/format.h>

#include <cctype>
#include <ctime>

#include "ingest/lexicon_file.h"

namespace sitrep::ingest {
namespace {

constexpr std::string_view kMonthNames[] = {"january",   "february", "march",    "april",
                                            "may",       "june",     "july",     "august",
                                            "september", "october",  "november", "december"};

bool ValidDay(int y, int m, int d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  if (m == 2 && d == 29) return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return true;
}

std::string Ymd(int y, int m, int d) {
  if (!ValidDay(y, m, d)) return "";
  return fmt::format("{:04d}-{:02d}-{:02d}", y, m, d);
}

int ToInt(std::string_view s) {
  // Date fields have a few digits; a longer run of digits (from outside input)
  // is no date field and must not overflow.
  if (s.size() > 9) return -1;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return s.empty() ? -1 : v;
}

// Named groups of a dateline pattern, after expansion.
constexpr std::string_view kMonthGroup =
    "(?P<month>(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    "aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?))\\.?";
constexpr std::string_view kDayGroup = "(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?";
constexpr std::string_view kYearGroup = "(?P<year>(?:18|19|20|21)[0-9]{2})";

std::string Expand(std::string pattern) {
  for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"{MONTH}", kMonthGroup},
                          {"{DAY}", kDayGroup},
                          {"{YEAR}", kYearGroup}}) {
    for (size_t p = pattern.find(from); p != std::string::npos; p = pattern.find(from, p)) {
      pattern.replace(p, from.size(), to);
      p += to.size();
    }
  }
  return pattern;
}

}  // namespace

int MonthNumber(std::string_view name) {
  std::string lower;
  for (char c : name) {
    if (c != '.') lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (lower.size() < 3) return 0;
  if (lower == "sept") return 9;
  for (int i = 0; i < 12; ++i) {
    if (kMonthNames[i] == lower || (lower.size() == 3 && kMonthNames[i].substr(0, 3) == lower)) {
      return i + 1;
    }
  }
  return 0;
}

std::string ParseMetadataDate(std::string_view v) {
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.remove_prefix(1);
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.remove_suffix(1);
  if (v.empty()) return "";
  // Unix seconds.
  // ToInt stops at nine digits, so the ten-digit seconds of today are checked here.
  if (v.size() >= 9 && v.size() <= 11 && v.front() != '0' &&
      v.find_first_not_of("0123456789") == std::string_view::npos) {
    std::time_t t = static_cast<std::time_t>(std::stoll(std::string(v)));
    std::tm tm{};
    gmtime_r(&t, &tm);
    return Ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  }
  // Compact GDELT form: 20240619[T]HHMMSS[Z].
  if (v.size() >= 8 && ToInt(v.substr(0, 8)) > 0 &&
      (v.size() == 8 || v[8] == 'T' || std::isdigit(static_cast<unsigned char>(v[8])))) {
    return Ymd(ToInt(v.substr(0, 4)), ToInt(v.substr(4, 2)), ToInt(v.substr(6, 2)));
  }
  // ISO 8601 and 2024/06/19; also year-month and year alone.
  if (v.size() >= 4 && ToInt(v.substr(0, 4)) > 0) {
    int y = ToInt(v.substr(0, 4));
    if (v.size() == 4) return (y >= 1800 && y <= 2200) ? std::string(v) : "";
    if (v.size() >= 7 && (v[4] == '-' || v[4] == '/') && ToInt(v.substr(5, 2)) > 0) {
      int m = ToInt(v.substr(5, 2));
      if (v.size() >= 10 && v[7] == v[4] && ToInt(v.substr(8, 2)) > 0) {
        return Ymd(y, m, ToInt(v.substr(8, 2)));
      }
      if (v.size() == 7 && m >= 1 && m <= 12) return fmt::format("{:04d}-{:02d}", y, m);
    }
    return "";
  }
  // Textual forms: words and numbers in any order we know.
  int day = -1, month = 0, year = -1;
  size_t i = 0;
  while (i < v.size()) {
    size_t j = i;
    if (std::isdigit(static_cast<unsigned char>(v[i]))) {
      while (j < v.size() && std::isdigit(static_cast<unsigned char>(v[j]))) ++j;
      int n = ToInt(v.substr(i, j - i));
      if (j < v.size() && v[j] == ':') break;  // the time of day: the date is complete
      if (j - i == 4) {
        year = n;
      } else if (j - i <= 2 && day < 0) {
        day = n;
      }
    } else if (std::isalpha(static_cast<unsigned char>(v[i]))) {
      while (j < v.size() && std::isalpha(static_cast<unsigned char>(v[j]))) ++j;
      if (month == 0) month = MonthNumber(v.substr(i, j - i));
    } else {
      ++j;
    }
    i = j;
  }
  if (year > 0 && month > 0 && day > 0) return Ymd(year, month, day);
  if (year >= 1800 && year <= 2200 && month > 0 && day < 0) {
    return fmt::format("{:04d}-{:02d}", year, month);
  }
  return "";
}

StatusOr<std::unique_ptr<DatelineFinder>> DatelineFinder::Load(const std::string& path) {
  auto entries = ReadLexicon(path, 2);
  if (!entries.ok()) return entries.status();
  auto f = std::make_unique<DatelineFinder>();
  RE2::Options options;
  options.set_log_errors(false);
  for (const auto& e : *entries) {
    auto re = std::make_unique<RE2>(Expand(e.fields[1]), options);
    if (!re->ok()) {
      return Status::InvalidArgument(
          fmt::format("{}:{}: bad pattern: {}", path, e.line, re->error()));
    }
    const auto& groups = re->NamedCapturingGroups();
    if (!groups.count("month") || !groups.count("day") || !groups.count("year")) {
      return Status::InvalidArgument(
          fmt::format("{}:{}: pattern needs {{MONTH}}, {{DAY}} and {{YEAR}}", path, e.line));
    }
    f->patterns_.push_back(std::move(re));
  }
  return f;
}

std::string DatelineFinder::Find(std::string_view text) const {
  std::string_view head = text.substr(0, kSearchBytes);
  for (const auto& re : patterns_) {
    const auto& groups = re->NamedCapturingGroups();
    int n = re->NumberOfCapturingGroups();
    std::vector<re2::StringPiece> caps(n + 1);
    if (!re->Match(head, 0, head.size(), RE2::UNANCHORED, caps.data(), n + 1)) continue;
    auto cap = [&](const char* name) {
      const re2::StringPiece& p = caps[groups.at(name)];
      return std::string_view(p.data(), p.size());
    };
    std::string date = Ymd(ToInt(cap("year")), MonthNumber(cap("month")), ToInt(cap("day")));
    if (!date.empty()) return date;
  }
  return "";
}

}  // namespace sitrep::ingest
