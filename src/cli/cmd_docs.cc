// sitrep docs: list stored documents in (date, id) order.
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
    "usage: sitrep docs [--db FILE] [--before YYYY-MM-DD] [--match FTS_QUERY] [--limit N]\n"
    "                   [--format text|tsv|json]\n";

int RunDocs(const std::vector<std::string>& argv) {
  auto args = Args::Parse(argv, {"db", "before", "match", "limit", "format"}, {"help"});
  if (!args.ok() || !args->positionals().empty()) {
    if (!args.ok()) std::fprintf(stderr, "sitrep docs: %s\n", args.status().message().c_str());
    std::fprintf(stderr, "%s", kUsage);
    return kExitUsage;
  }
  if (args->Has("help")) {
    std::printf("%s", kUsage);
    return kExitOk;
  }
  const std::string format = args->Get("format", "text");
  if (format != "text" && format != "tsv" && format != "json") {
    std::fprintf(stderr, "sitrep docs: --format must be text, tsv or json\n");
    return kExitUsage;
  }
  auto store = OpenExistingStore(StorePath(*args));
  if (!store.ok()) return Fail("docs", store.status());
  DocumentFilter filter;
  filter.metadata_only = true;
  filter.published_before = args->Get("before");
  filter.fts_query = args->Get("match");
  long limit = std::atol(args->Get("limit", "0").c_str());
  long n = 0;
  nlohmann::json list = nlohmann::json::array();
  Status s = (*store)->ForEach(filter, [&](const Document& d) {
    if (format == "json") {
      list.push_back(
          {{"id", d.id},
           {"published",
            d.published.date.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.published.date)},
           {"source", d.source.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.source)},
           {"title", d.title},
           {"url", d.url},
           {"language", d.language},
           {"sightings", d.sightings.size()},
           {"duplicate_of",
            d.duplicate_of.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.duplicate_of)},
           {"bytes", d.text.size()}});
    } else if (format == "tsv") {
      std::printf("%s\t%s\t%s\t%s\t%zu\t%s\n", d.id.c_str(), d.published.date.c_str(),
                  OneLine(d.source).c_str(), OneLine(d.title).c_str(), d.sightings.size(),
                  d.duplicate_of.c_str());
    } else {
      std::string title = d.title.empty() ? FirstWords(d.text, 60) : d.title;
      std::string flags;
      if (d.sightings.size() > 1)
        flags += " [" + std::to_string(d.sightings.size()) + " sightings]";
      if (!d.duplicate_of.empty()) flags += " [near-duplicate of " + d.duplicate_of + "]";
      std::printf("%-18s  %-10s  %-22s  %s%s\n", d.id.c_str(),
                  d.published.date.empty() ? "undated" : d.published.date.c_str(),
                  Truncate(d.source.empty() ? "(unknown)" : d.source, 22).c_str(),
                  Truncate(OneLine(title), 70).c_str(), flags.c_str());
    }
    return limit <= 0 || ++n < limit;
  });
  if (!s.ok()) return Fail("docs", s);
  if (format == "json")
    std::printf("%s\n", list.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  return kExitOk;
}

}  // namespace

SITREP_COMMAND("docs", "list stored documents", RunDocs);

}  // namespace sitrep::cli
