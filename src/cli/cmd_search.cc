// sitrep search QUERY: full-text search over the clean text; documents and
// their matching sentences with the matched words highlighted.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/args.h"
#include "cli/command.h"
#include "cli/store_util.h"
#include "cli/text_util.h"

namespace sitrep::cli {
namespace {

constexpr const char* kUsage =
    "usage: sitrep search [--db FILE] [--limit N] [--sentences N] [--format text|json]\n"
    "                     QUERY...\n"
    "  QUERY is an SQLite FTS5 query: words, \"a phrase\", prefix*, AND/OR/NOT, NEAR(a b).\n";

// The sentence with each highlight wrapped in open/close markers.
std::string Marked(const Document& d, const SearchMatch& m, const char* open, const char* close) {
  std::string out;
  uint32_t pos = m.sentence.start;
  for (const Span& h : m.highlights) {
    out.append(d.text, pos, h.start - pos);
    out += open;
    out.append(d.text, h.start, h.size());
    out += close;
    pos = h.end;
  }
  out.append(d.text, pos, m.sentence.end - pos);
  return OneLine(out);
}

int RunSearch(const std::vector<std::string>& argv) {
  auto args = Args::Parse(argv, {"db", "limit", "format", "sentences"}, {"help"});
  if (!args.ok()) {
    std::fprintf(stderr, "sitrep search: %s\n%s", args.status().message().c_str(), kUsage);
    return kExitUsage;
  }
  if (args->Has("help")) {
    std::printf("%s", kUsage);
    return kExitOk;
  }
  if (args->positionals().empty()) {
    std::fprintf(stderr, "%s", kUsage);
    return kExitUsage;
  }
  const std::string format = args->Get("format", "text");
  if (format != "text" && format != "json") {
    std::fprintf(stderr, "sitrep search: --format must be text or json\n");
    return kExitUsage;
  }
  std::string query;
  for (const auto& p : args->positionals()) query += (query.empty() ? "" : " ") + p;
  int limit = std::atoi(args->Get("limit", "20").c_str());
  if (limit <= 0) limit = 20;
  const long sentences_flag = std::atol(args->Get("sentences", "3").c_str());
  const size_t max_sentences = sentences_flag > 0 ? static_cast<size_t>(sentences_flag) : 3;
  auto store = OpenExistingStore(StorePath(*args));
  if (!store.ok()) return Fail("search", store.status());
  auto results = (*store)->Search(query, limit);
  if (!results.ok()) return Fail("search", results.status());

  if (format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const SearchResult& r : *results) {
      nlohmann::json sentences = nlohmann::json::array();
      for (const SearchMatch& m : r.matches) {
        nlohmann::json hl = nlohmann::json::array();
        for (const Span& h : m.highlights) hl.push_back({{"start", h.start}, {"end", h.end}});
        sentences.push_back({{"start", m.sentence.start},
                             {"end", m.sentence.end},
                             {"text", r.doc.SpanText(m.sentence.start, m.sentence.end)},
                             {"highlights", hl}});
      }
      out.push_back({{"id", r.doc.id},
                     {"source", r.doc.source},
                     {"title", r.doc.title},
                     {"published", r.doc.published.date},
                     {"score", r.score},
                     {"sentences", sentences}});
    }
    std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return kExitOk;
  }
  const bool tty = isatty(STDOUT_FILENO) == 1;
  const char* open = tty ? "\x1b[1;33m" : "**";
  const char* close = tty ? "\x1b[0m" : "**";
  for (const SearchResult& r : *results) {
    const Document& d = r.doc;
    std::printf("%s  %s  %s  %s\n", d.id.c_str(),
                d.published.date.empty() ? "undated" : d.published.date.c_str(),
                d.source.empty() ? "(unknown)" : d.source.c_str(),
                Truncate(OneLine(d.title.empty() ? FirstWords(d.text, 60) : d.title), 80).c_str());
    for (size_t i = 0; i < r.matches.size() && i < max_sentences; ++i) {
      const SearchMatch& m = r.matches[i];
      std::printf("    %u-%u  %s\n", m.sentence.start, m.sentence.end,
                  Marked(d, m, open, close).c_str());
    }
    if (r.matches.size() > max_sentences) {
      std::printf("    (%zu more matching sentences)\n", r.matches.size() - max_sentences);
    }
  }
  if (results->empty())
    std::fprintf(stderr, "sitrep search: no document matches '%s'\n", query.c_str());
  return kExitOk;
}

}  // namespace

SITREP_COMMAND("search", "full-text search: documents and matching sentences", RunSearch);

}  // namespace sitrep::cli
