// sitrep extract: print the article (text or JSON with metadata) of a saved
// web page.
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/args.h"
#include "cli/command.h"
#include "html/extract_eval.h"
#include "html/extractor.h"

namespace sitrep::cli {
namespace {

nlohmann::json ArticleJson(const ExtractedArticle& a) {
  nlohmann::json j;
  auto opt = [](const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); };
  j["title"] = opt(a.title);
  j["byline"] = opt(a.byline);
  j["published"] = opt(a.published);
  j["site_name"] = opt(a.site_name);
  j["url"] = opt(a.url);
  j["language"] = opt(a.language);
  j["text"] = a.text;
  nlohmann::json paragraphs = nlohmann::json::array();
  for (const Span& p : a.paragraphs) {
    paragraphs.push_back({{"start", p.start},
                          {"end", p.end},
                          {"raw_start", a.offsets.ToRaw(p.start)},
                          {"raw_end", a.offsets.ToRaw(p.end)}});
  }
  j["paragraphs"] = paragraphs;
  j["empty_reason"] = opt(a.empty_reason);
  j["warnings"] = a.warnings;
  return j;
}

int RunExtract(const std::vector<std::string>& argv) {
  auto args = Args::Parse(argv, {"format"}, {"help"});
  if (!args.ok()) {
    std::fprintf(stderr, "sitrep extract: %s\n", args.status().message().c_str());
    return kExitUsage;
  }
  std::string format = args->Get("format", "text");
  if (args->Has("help") || args->positionals().size() != 1 ||
      (format != "text" && format != "json")) {
    std::printf(
        "usage: sitrep extract FILE.html|- [--format text|json]\n"
        "Prints the article of a saved web page (FILE may be gzip-compressed).\n");
    return args->Has("help") ? kExitOk : kExitUsage;
  }
  const std::string& path = args->positionals()[0];
  std::string html;
  if (path == "-") {
    std::stringstream buf;
    buf << std::cin.rdbuf();
    html = buf.str();
  } else {
    auto data = html::ReadMaybeGzip(path);
    if (!data.ok()) {
      std::fprintf(stderr, "sitrep extract: %s\n", data.status().message().c_str());
      return kExitError;
    }
    html = std::move(*data);
  }
  ExtractedArticle a = ExtractArticle(html);
  for (const auto& w : a.warnings)
    std::fprintf(stderr, "sitrep extract: %s: %s\n", path.c_str(), w.c_str());
  if (format == "json") {
    std::string out = ArticleJson(a).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    std::printf("%s\n", out.c_str());
  } else {
    if (!a.title.empty()) std::printf("%s\n\n", a.title.c_str());
    std::fwrite(a.text.data(), 1, a.text.size(), stdout);
    std::printf("\n");
  }
  if (a.text.empty()) {
    std::fprintf(stderr, "sitrep extract: %s: %s\n", path.c_str(), a.empty_reason.c_str());
    return kExitPartial;
  }
  return kExitOk;
}

}  // namespace

SITREP_COMMAND("extract", "print the article text and metadata of a saved web page", RunExtract);

}  // namespace sitrep::cli
