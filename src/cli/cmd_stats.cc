// sitrep stats: what the store holds.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "cli/command.h"
#include "cli/store_util.h"

namespace sitrep::cli {
namespace {

constexpr const char* kUsage =
    "usage: sitrep stats [--db FILE] [--format text|json] [--check]\n"
    "  --check: verify the store's integrity first (exit 1 when it fails)\n";

nlohmann::json Pairs(const std::vector<std::pair<std::string, int64_t>>& pairs) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, v] : pairs) j[k.empty() ? "(none)" : k] = v;
  return j;
}

int RunStats(const std::vector<std::string>& argv) {
  auto args = Args::Parse(argv, {"db", "format"}, {"help", "check"});
  if (!args.ok() || !args->positionals().empty()) {
    if (!args.ok()) std::fprintf(stderr, "sitrep stats: %s\n", args.status().message().c_str());
    std::fprintf(stderr, "%s", kUsage);
    return kExitUsage;
  }
  if (args->Has("help")) {
    std::printf("%s", kUsage);
    return kExitOk;
  }
  const std::string format = args->Get("format", "text");
  if (format != "text" && format != "json") {
    std::fprintf(stderr, "sitrep stats: --format must be text or json\n");
    return kExitUsage;
  }
  const std::string path = StorePath(*args);
  auto store = OpenExistingStore(path);
  if (!store.ok()) return Fail("stats", store.status());
  if (args->Has("check")) {
    Status check = (*store)->CheckIntegrity();
    if (!check.ok()) return Fail("stats", check.WithPrefix(path));
    if (format == "text") std::printf("integrity        ok\n");
  }
  auto s = (*store)->Stats();
  if (!s.ok()) return Fail("stats", s.status());
  if (format == "json") {
    nlohmann::json j = {
        {"store", path},
        {"integrity", args->Has("check") ? nlohmann::json("ok") : nlohmann::json(nullptr)},
        {"schema_version", s->schema_version},
        {"documents", s->documents},
        {"sightings", s->sightings},
        {"near_duplicates", s->near_duplicates},
        {"near_duplicate_pairs", s->near_duplicate_pairs},
        {"sources", s->sources},
        {"unknown_source", s->unknown_source},
        {"undated", s->undated},
        {"first_published",
         s->first_published.empty() ? nlohmann::json(nullptr) : nlohmann::json(s->first_published)},
        {"last_published",
         s->last_published.empty() ? nlohmann::json(nullptr) : nlohmann::json(s->last_published)},
        {"raw_bytes", s->raw_bytes},
        {"text_bytes", s->text_bytes},
        {"file_bytes", s->file_bytes},
        {"stale", s->stale},
        {"annotations",
         {{"timexes", s->timexes},
          {"entities", s->entities},
          {"events", s->events},
          {"claims", s->claims}}},
        {"languages", Pairs(s->languages)},
        {"pipelines", Pairs(s->pipelines)},
    };
    std::printf("%s\n", j.dump(2).c_str());
    return kExitOk;
  }
  std::printf("store            %s (schema %d, %.1f MB)\n", path.c_str(), s->schema_version,
              static_cast<double>(s->file_bytes) / 1e6);
  std::printf("documents        %lld (%lld sightings)\n", static_cast<long long>(s->documents),
              static_cast<long long>(s->sightings));
  std::printf("near-duplicates  %lld linked to an earlier copy (%lld similar pairs)\n",
              static_cast<long long>(s->near_duplicates),
              static_cast<long long>(s->near_duplicate_pairs));
  std::printf("sources          %lld outlets, %lld documents of unknown outlet\n",
              static_cast<long long>(s->sources), static_cast<long long>(s->unknown_source));
  std::printf("published        %s .. %s, %lld undated\n",
              s->first_published.empty() ? "-" : s->first_published.c_str(),
              s->last_published.empty() ? "-" : s->last_published.c_str(),
              static_cast<long long>(s->undated));
  std::printf("text             %.1f MB clean of %.1f MB raw\n",
              static_cast<double>(s->text_bytes) / 1e6, static_cast<double>(s->raw_bytes) / 1e6);
  std::printf("annotations      %lld timexes, %lld entities, %lld events, %lld claims\n",
              static_cast<long long>(s->timexes), static_cast<long long>(s->entities),
              static_cast<long long>(s->events), static_cast<long long>(s->claims));
  std::printf("languages       ");
  for (const auto& [lang, n] : s->languages)
    std::printf(" %s %lld", lang.c_str(), static_cast<long long>(n));
  std::printf("\npipelines       ");
  for (const auto& [p, n] : s->pipelines) {
    std::printf(" %s: %lld;", p.empty() ? "(to be annotated again)" : p.c_str(),
                static_cast<long long>(n));
  }
  std::printf("\n");
  if (s->stale > 0) {
    std::printf("stale            %lld documents (run `sitrep reannotate`)\n",
                static_cast<long long>(s->stale));
  }
  return kExitOk;
}

}  // namespace

SITREP_COMMAND("stats", "counts of what the store holds", RunStats);

}  // namespace sitrep::cli
