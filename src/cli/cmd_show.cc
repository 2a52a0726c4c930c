// sitrep show DOC: one stored document's metadata, clean text with its
// sentence boundaries, and (--removed) what cleaning cut and why.
#include <cstdio>
#include <string>

#include "cli/args.h"
#include "cli/command.h"
#include "cli/store_util.h"
#include "cli/text_util.h"
#include "sitrep/document_json.h"

namespace sitrep::cli {
namespace {

constexpr const char* kUsage =
    "usage: sitrep show [--db FILE] [--removed] [--format text|json] DOC_ID\n"
    "  DOC_ID may be a unique prefix of the id (with or without \"d-\").\n";

void Field(const char* name, const std::string& value) {
  if (!value.empty()) std::printf("%-12s %s\n", name, value.c_str());
}

std::string WithProvenance(const std::string& value, const std::string& provenance) {
  if (value.empty()) return "(unknown)";
  return provenance.empty() ? value : value + "  (" + provenance + ")";
}

void PrintRemovals(const Document& d) {
  std::printf("removed by cleaning: %zu piece%s\n", d.removed.size(),
              d.removed.size() == 1 ? "" : "s");
  for (const Removal& r : d.removed) {
    std::printf("  raw %llu-%llu  %s\n    %s\n", static_cast<unsigned long long>(r.raw_start),
                static_cast<unsigned long long>(r.raw_end), r.reason.c_str(),
                Truncate(OneLine(r.text), 160).c_str());
  }
  if (!d.cited_sources.empty()) {
    std::printf("inline source chips kept as metadata: %zu\n", d.cited_sources.size());
    for (const CitedSource& c : d.cited_sources) {
      std::printf("  %s  (paragraph %u-%u)\n", c.name.c_str(), c.paragraph_start, c.paragraph_end);
    }
  }
}

void PrintDocument(const Document& d) {
  Field("id", d.id);
  Field("title", d.title);
  Field("source", WithProvenance(d.source, d.source_provenance));
  Field("url", d.url);
  Field("published", WithProvenance(d.published.date, d.published.provenance));
  Field("earliest", d.published.earliest);
  Field("language", d.language);
  Field("format", d.format);
  Field("origin", d.origin);
  Field("pipeline", d.pipeline.empty() ? "(to be annotated again)" : d.pipeline);
  Field("near-dup of", d.duplicate_of);
  std::printf(
      "%-12s %zu bytes clean, %zu raw; %zu sentences, %zu timexes, %zu entities, "
      "%zu quantities, %zu events, %zu claims\n",
      "size", d.text.size(), d.raw.size(), d.sentences.size(), d.timexes.size(), d.entities.size(),
      d.quantities.size(), d.events.size(), d.claims.size());
  std::printf("sightings:   %zu\n", d.sightings.size());
  for (const Sighting& s : d.sightings) {
    std::printf("  %-10s  %s  %s  %s\n", s.published.empty() ? "undated" : s.published.c_str(),
                s.source.empty() ? "(unknown)" : s.source.c_str(), s.url.c_str(), s.origin.c_str());
  }
  if (!d.cited_sources.empty()) {
    std::printf("cited:       ");
    for (size_t i = 0; i < d.cited_sources.size(); ++i) {
      std::printf("%s%s", i ? ", " : "", d.cited_sources[i].name.c_str());
    }
    std::printf("\n");
  }
  for (const Problem& p : d.problems) {
    std::printf("problem:     %s: %s\n", p.stage.c_str(), p.message.c_str());
  }
  std::printf("\n");
  if (d.sentences.empty()) {
    std::printf("%s\n", d.text.c_str());
    return;
  }
  // One sentence per line with its byte span: the boundaries the
  // annotators worked with.
  for (size_t i = 0; i < d.sentences.size(); ++i) {
    const Sentence& s = d.sentences[i];
    if (s.start > d.text.size() || s.end > d.text.size() || s.end < s.start) continue;
    std::printf("[%zu] %u-%u  %s\n", i + 1, s.start, s.end,
                OneLine(d.SpanText(s.start, s.end)).c_str());
  }
}

int RunShow(const std::vector<std::string>& argv) {
  auto args = Args::Parse(argv, {"db", "format"}, {"help", "removed"});
  if (!args.ok()) {
    std::fprintf(stderr, "sitrep show: %s\n%s", args.status().message().c_str(), kUsage);
    return kExitUsage;
  }
  if (args->Has("help")) {
    std::printf("%s", kUsage);
    return kExitOk;
  }
  if (args->positionals().size() != 1) {
    std::fprintf(stderr, "%s", kUsage);
    return kExitUsage;
  }
  const std::string format = args->Get("format", "text");
  if (format != "text" && format != "json") {
    std::fprintf(stderr, "sitrep show: --format must be text or json\n");
    return kExitUsage;
  }
  auto store = OpenExistingStore(StorePath(*args));
  if (!store.ok()) return Fail("show", store.status());
  auto id = (*store)->ResolveId(args->positionals()[0]);
  if (!id.ok()) return Fail("show", id.status());
  auto doc = (*store)->Get(*id);
  if (!doc.ok()) return Fail("show", doc.status());
  if (format == "json") {
    JsonWriteOptions o;
    o.include_internal = args->Has("removed");
    std::printf("%s\n", DocumentToJson(*doc, o).c_str());
  } else if (args->Has("removed")) {
    Field("id", doc->id);
    Field("origin", doc->origin);
    PrintRemovals(*doc);
  } else {
    PrintDocument(*doc);
  }
  return kExitOk;
}

}  // namespace

SITREP_COMMAND("show", "show a stored document: metadata, sentences, what cleaning removed",
               RunShow);

}  // namespace sitrep::cli
