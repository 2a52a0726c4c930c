// sitrep annotate: read and clean inputs without a store, print one JSON
// object per document per line (docs/annotate-json.md).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/args.h"
#include "cli/command.h"
#include "sitrep/document_json.h"
#include "sitrep/pipeline.h"

namespace sitrep::cli {
namespace {

int RunAnnotate(const std::vector<std::string>& argv) {
  auto args = Args::Parse(argv, {"dct"}, {"help", "tokens"});
  if (!args.ok()) {
    std::fprintf(stderr, "sitrep annotate: %s\n", args.status().message().c_str());
    return kExitUsage;
  }
  if (args->Has("help") || args->positionals().empty()) {
    std::printf("usage: sitrep annotate [--dct YYYY-MM-DD] [--tokens] PATH...|-\n");
    return args->Has("help") ? kExitOk : kExitUsage;
  }
  auto pipeline = Pipeline::Default();
  if (!pipeline.ok()) {
    std::fprintf(stderr, "sitrep annotate: %s\n", pipeline.status().ToString().c_str());
    return kExitError;
  }
  AnnotateOptions options;
  options.dct = args->Get("dct");
  JsonWriteOptions json_options;
  json_options.include_tokens = args->Has("tokens");
  int rc = kExitOk;
  for (const auto& path : args->positionals()) {
    std::stringstream buf;
    if (path == "-") {
      buf << std::cin.rdbuf();
    } else {
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        std::fprintf(stderr, "sitrep annotate: %s: cannot open\n", path.c_str());
        rc = kExitPartial;
        continue;
      }
      buf << in.rdbuf();
    }
    Document doc;
    doc.origin = path;
    doc.raw = buf.str();
    doc.text = doc.raw;
    if (!options.dct.empty()) {
      doc.published.date = options.dct;
      doc.published.provenance = "metadata";
    }
    Status s = (*pipeline)->Annotate(&doc, options);
    if (!s.ok()) {
      std::fprintf(stderr, "sitrep annotate: %s: %s\n", path.c_str(), s.ToString().c_str());
      rc = kExitPartial;
      continue;
    }
    std::string line = DocumentToJson(doc, json_options);
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
  }
  return rc;
}

}  // namespace

SITREP_COMMAND("annotate", "annotate inputs without a store, print JSON Lines", RunAnnotate);

}  // namespace sitrep::cli
