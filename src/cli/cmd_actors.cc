// sitrep actors: the canonical actors of the stored documents with their
// mention, document and source counts, most mentioned first.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <unordered_map>

#include "cli/args.h"
#include "cli/command.h"
#include "cli/store_util.h"
#include "ner/gazetteer.h"

namespace sitrep::cli {
namespace {

constexpr const char* kUsage =
    "usage: sitrep actors [--db FILE] [--type PERSON|ORG|GPE|LOC|NORP|MILITARY]\n"
    "                     [--before YYYY-MM-DD] [--limit N] [--format text|tsv|json]\n";

struct ActorCount {
  std::string id, type, country;
  long mentions = 0;
  std::set<std::string> documents, sources;
  std::map<std::string, long> surface;  // mention text -> count
};

// Display name: the curated/Debian name when the gazetteer knows the id, else
// the most frequent mention text.
std::string DisplayName(const ActorCount& a, const Gazetteer* gazetteer) {
  if (gazetteer != nullptr) {
    int i = gazetteer->FindActor(a.id);
    if (i >= 0) return gazetteer->actor(i).name;
  }
  std::string best;
  long n = -1;
  for (const auto& [text, count] : a.surface) {
    if (count > n) {
      best = text;
      n = count;
    }
  }
  return best;
}

int RunActors(const std::vector<std::string>& argv) {
  auto args = Args::Parse(argv, {"db", "type", "before", "limit", "format"}, {"help"});
  if (!args.ok() || !args->positionals().empty()) {
    if (!args.ok()) std::fprintf(stderr, "sitrep actors: %s\n", args.status().message().c_str());
    std::fprintf(stderr, "%s", kUsage);
    return kExitUsage;
  }
  if (args->Has("help")) {
    std::printf("%s", kUsage);
    return kExitOk;
  }
  const std::string format = args->Get("format", "text");
  if (format != "text" && format != "tsv" && format != "json") {
    std::fprintf(stderr, "sitrep actors: --format must be text, tsv or json\n");
    return kExitUsage;
  }
  const std::string type = args->Get("type");
  ActorType parsed;
  if (!type.empty() && !ParseActorType(type, &parsed)) {
    std::fprintf(stderr, "sitrep actors: unknown --type '%s'\n", type.c_str());
    return kExitUsage;
  }
  const long limit = std::atol(args->Get("limit", "0").c_str());
  auto store = OpenExistingStore(StorePath(*args));
  if (!store.ok()) return Fail("actors", store.status());

  std::unordered_map<std::string, ActorCount> counts;
  DocumentFilter filter;
  filter.published_before = args->Get("before");
  Status s = (*store)->ForEach(filter, [&](const Document& d) {
    for (const EntityMention& e : d.entities) {
      if (e.actor.empty()) continue;
      if (!type.empty() && e.type != type) continue;
      ActorCount& a = counts[e.actor];
      if (a.id.empty()) {
        a.id = e.actor;
        a.type = e.type;
        a.country = e.country;
      }
      ++a.mentions;
      a.documents.insert(d.id);
      if (!d.source.empty()) a.sources.insert(d.source);
      ++a.surface[e.text];
    }
    return true;
  });
  if (!s.ok()) return Fail("actors", s);

  // Names come from the gazetteer when it loads; the counts do not need it.
  auto gazetteer = Gazetteer::LoadDefault();
  const Gazetteer* gaz = gazetteer.ok() ? gazetteer->get() : nullptr;

  std::vector<const ActorCount*> order;
  for (const auto& [id, a] : counts) order.push_back(&a);
  std::sort(order.begin(), order.end(), [](const ActorCount* x, const ActorCount* y) {
    if (x->mentions != y->mentions) return x->mentions > y->mentions;
    return x->id < y->id;
  });
  if (limit > 0 && static_cast<long>(order.size()) > limit) order.resize(limit);

  if (format == "json") {
    nlohmann::json list = nlohmann::json::array();
    for (const ActorCount* a : order) {
      list.push_back(
          {{"id", a->id},
           {"name", DisplayName(*a, gaz)},
           {"type", a->type},
           {"country", a->country.empty() ? nlohmann::json(nullptr) : nlohmann::json(a->country)},
           {"mentions", a->mentions},
           {"documents", a->documents.size()},
           {"sources", a->sources.size()}});
    }
    std::printf("%s\n", list.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return kExitOk;
  }
  if (format == "text") {
    std::printf("%-40s  %-28s  %-8s  %8s  %9s  %7s\n", "ACTOR", "NAME", "TYPE", "MENTIONS",
                "DOCUMENTS", "SOURCES");
  }
  for (const ActorCount* a : order) {
    std::string name = DisplayName(*a, gaz);
    if (format == "tsv") {
      std::printf("%s\t%s\t%s\t%s\t%ld\t%zu\t%zu\n", a->id.c_str(), name.c_str(), a->type.c_str(),
                  a->country.c_str(), a->mentions, a->documents.size(), a->sources.size());
    } else {
      if (name.size() > 28) name = name.substr(0, 25) + "...";
      std::printf("%-40s  %-28s  %-8s  %8ld  %9zu  %7zu\n", a->id.c_str(), name.c_str(),
                  a->type.c_str(), a->mentions, a->documents.size(), a->sources.size());
    }
  }
  return kExitOk;
}

}  // namespace

SITREP_COMMAND("actors", "list canonical actors with mention and document counts", RunActors);

}  // namespace sitrep::cli
