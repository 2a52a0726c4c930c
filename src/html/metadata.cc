#include "html/metadata.h"

#include <initializer_list>
#include <nlohmann/json.hpp>

namespace sitrep::html {
namespace {

using nlohmann::json;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string Trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\n' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\n' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return std::string(s);
}

std::string MetaValue(const PageMeta& meta, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    for (const auto& [k, v] : meta.meta) {
      if (k == key) {
        std::string t = Trim(v);
        if (!t.empty()) return t;
      }
    }
  }
  return "";
}

bool IsArticleType(const json& type) {
  auto check = [](const std::string& t) {
    return t == "NewsArticle" || t == "Article" || t == "ReportageNewsArticle" ||
           t == "AnalysisNewsArticle" || t == "BlogPosting" || t == "OpinionNewsArticle" ||
           t == "BackgroundNewsArticle" || t == "LiveBlogPosting" || t == "ScholarlyArticle" ||
           t == "TechArticle" || t == "Report" || t == "WebPage" || t == "Blog";
  };
  if (type.is_string()) return check(type.get<std::string>());
  if (type.is_array()) {
    for (const auto& t : type) {
      if (t.is_string() && check(t.get<std::string>())) return true;
    }
  }
  return false;
}

bool IsWebPageOnly(const json& type) {
  return type.is_string() && (type.get<std::string>() == "WebPage");
}

std::string JsonString(const json& v) {
  if (v.is_string()) return Trim(v.get<std::string>());
  return "";
}

// A name from a string, {"name": ...} or a list of those ("A and B").
std::string Names(const json& v) {
  if (v.is_string()) return Trim(v.get<std::string>());
  if (v.is_object()) {
    auto it = v.find("name");
    if (it != v.end()) return Names(*it);
    return "";
  }
  if (v.is_array()) {
    std::string out;
    for (const auto& x : v) {
      std::string n = Names(x);
      if (n.empty()) continue;
      if (!out.empty()) out += ", ";
      out += n;
      if (out.size() > 300) break;
    }
    return out;
  }
  return "";
}

struct LdArticle {
  std::string headline, date, author, publisher, url;
  bool web_page_only = true;
};

// Finds the first article-like object, walking @graph and arrays (bounded).
void FindArticles(const json& j, int depth, std::vector<LdArticle>* out) {
  if (depth > 6 || out->size() > 8) return;
  if (j.is_array()) {
    for (const auto& x : j) FindArticles(x, depth + 1, out);
    return;
  }
  if (!j.is_object()) return;
  auto type = j.find("@type");
  if (type != j.end() && IsArticleType(*type)) {
    LdArticle a;
    a.web_page_only = IsWebPageOnly(*type);
    if (auto it = j.find("headline"); it != j.end()) a.headline = JsonString(*it);
    if (a.headline.empty()) {
      if (auto it = j.find("name"); it != j.end()) a.headline = JsonString(*it);
    }
    if (auto it = j.find("datePublished"); it != j.end()) a.date = JsonString(*it);
    if (auto it = j.find("author"); it != j.end()) a.author = Names(*it);
    if (auto it = j.find("publisher"); it != j.end()) a.publisher = Names(*it);
    if (auto it = j.find("url"); it != j.end()) a.url = JsonString(*it);
    out->push_back(std::move(a));
  }
  if (auto g = j.find("@graph"); g != j.end()) FindArticles(*g, depth + 1, out);
  if (auto m = j.find("mainEntity"); m != j.end()) FindArticles(*m, depth + 1, out);
}

LdArticle BestLd(const std::vector<std::string>& blobs) {
  std::vector<LdArticle> found;
  for (const std::string& blob : blobs) {
    json j = json::parse(blob, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) continue;
    FindArticles(j, 0, &found);
  }
  // Prefer a real article type over a bare WebPage.
  for (const auto& a : found) {
    if (!a.web_page_only) return a;
  }
  return found.empty() ? LdArticle() : found[0];
}

bool LooksLikeUrl(std::string_view s) {
  return s.substr(0, 7) == "http://" || s.substr(0, 8) == "https://" || s.substr(0, 2) == "//";
}

// Lowercased letters and digits only.
std::string Squash(std::string_view s) {
  std::string out;
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c & 0x80)) {
      out += c;
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c + 32);
    }
  }
  return out;
}

// "Headline | Outlet" -> "Headline" when the part after the last separator
// names the outlet or the author; titles keep their own separators otherwise.
std::string StripTitleSuffix(const std::string& title, const std::vector<std::string>& names) {
  for (std::string_view sep : {" | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " \xC2\xB7 "}) {
    size_t p = title.rfind(sep);
    if (p == std::string::npos || p == 0) continue;
    std::string tail = Squash(std::string_view(title).substr(p + sep.size()));
    if (tail.empty()) continue;
    for (const std::string& n : names) {
      std::string key = Squash(n);
      if (!key.empty() && (tail == key || key.find(tail) == 0)) return title.substr(0, p);
    }
  }
  return title;
}

}  // namespace

std::string UrlHost(std::string_view url) {
  size_t p = url.find("//");
  if (p == std::string_view::npos) return "";
  if (p > 0 && url[p - 1] != ':') return "";
  std::string_view rest = url.substr(p + 2);
  size_t end = rest.find_first_of("/?#:");
  std::string_view host = rest.substr(0, end);
  if (size_t at = host.find('@'); at != std::string_view::npos) host = host.substr(at + 1);
  if (host.substr(0, 4) == "www.") host.remove_prefix(4);
  if (host.empty() || host.find('.') == std::string_view::npos) return "";
  std::string out;
  for (char c : host) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return out;
}

std::string NormalizeDate(std::string_view v) {
  std::string s = Trim(v);
  // YYYY-MM-DD prefix, then an optional time with 'T' or ' '.
  if (s.size() >= 10 && IsDigit(s[0]) && IsDigit(s[1]) && IsDigit(s[2]) && IsDigit(s[3]) &&
      s[4] == '-' && IsDigit(s[5]) && IsDigit(s[6]) && s[7] == '-' && IsDigit(s[8]) &&
      IsDigit(s[9])) {
    if (s.size() > 10 && s[10] == ' ' && s.size() >= 16 && IsDigit(s[11])) s[10] = 'T';
    size_t end = 10;
    if (s.size() > 10 && s[10] == 'T') {
      end = 11;
      while (end < s.size() && (IsDigit(s[end]) || s[end] == ':' || s[end] == '.' ||
                                s[end] == '+' || s[end] == '-' || s[end] == 'Z')) {
        ++end;
      }
    }
    return s.substr(0, end);
  }
  // Compact YYYYMMDD (some meta tags).
  if (s.size() >= 8 && std::all_of(s.begin(), s.begin() + 8, IsDigit)) {
    return s.substr(0, 4) + "-" + s.substr(4, 2) + "-" + s.substr(6, 2);
  }
  return "";
}

void FillMetadata(const PageMeta& meta, const std::vector<std::string>& json_ld,
                  ExtractedArticle* out) {
  LdArticle ld = BestLd(json_ld);
  out->title = MetaValue(meta, {"og:title", "twitter:title"});
  if (out->title.empty()) out->title = ld.headline;
  if (out->title.empty()) out->title = Trim(meta.title_tag);
  if (out->title.empty()) out->title = meta.h1;

  out->site_name = MetaValue(meta, {"og:site_name", "application-name"});
  if (out->site_name.empty()) out->site_name = ld.publisher;

  out->url = MetaValue(meta, {"og:url"});
  if (out->url.empty()) out->url = meta.canonical;
  if (out->url.empty()) out->url = ld.url;
  if (!LooksLikeUrl(out->url)) out->url.clear();
  if (out->site_name.empty()) out->site_name = UrlHost(out->url);

  std::string date = MetaValue(
      meta, {"article:published_time", "og:published_time", "datepublished", "article.published",
             "pubdate", "publishdate", "publish-date", "sailthru.date", "parsely-pub-date",
             "dc.date.issued", "dc.date", "dcterms.created", "date", "article:published"});
  std::string normalized = NormalizeDate(date);
  if (normalized.empty()) normalized = NormalizeDate(ld.date);
  if (normalized.empty()) normalized = NormalizeDate(meta.first_time_datetime);
  out->published = normalized;

  std::string author = ld.author;
  if (author.empty()) {
    author = MetaValue(
        meta, {"author", "article:author", "sailthru.author", "parsely-author", "dc.creator"});
    if (LooksLikeUrl(author)) author.clear();
  }
  if (author.empty()) author = meta.byline_text;
  out->byline = author;
  out->language = Trim(meta.lang);
  std::string host = UrlHost(out->url);
  out->title = StripTitleSuffix(out->title, {out->site_name, out->byline, host});
}

}  // namespace sitrep::html
