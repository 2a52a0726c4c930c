// sitrep: turns conflicting news reports into a dated, sourced situation report.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command.h"
#include "sitrep/version.h"

namespace sitrep::cli {

bool RegisterCommand(Command command) {
  const_cast<std::vector<Command>&>(Commands()).push_back(std::move(command));
  return true;
}

const std::vector<Command>& Commands() {
  static std::vector<Command> commands;
  return commands;
}

namespace {
void PrintHelp() {
  std::printf("sitrep %s: a dated, sourced situation report from many news articles\n\n", kVersion);
  std::printf("usage: sitrep COMMAND [ARGS...]   (sitrep COMMAND --help for details)\n\n");
  for (const auto& c : Commands()) std::printf("  %-18s %s\n", c.name.c_str(), c.summary.c_str());
  std::printf("\nexit codes: 0 ok, 1 error, 2 usage, 3 done with some inputs skipped\n");
}
}  // namespace
}  // namespace sitrep::cli

int main(int argc, char** argv) {
  using namespace sitrep::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
    PrintHelp();
    return args.empty() ? kExitUsage : kExitOk;
  }
  if (args[0] == "--version" || args[0] == "version") {
    std::printf("%s\n", sitrep::kPipelineName);
    return kExitOk;
  }
  // Two-word commands ("eval timex", "train ner") take precedence.
  for (const auto& c : Commands()) {
    if (args.size() >= 2 && c.name == args[0] + " " + args[1]) {
      return c.run(std::vector<std::string>(args.begin() + 2, args.end()));
    }
  }
  for (const auto& c : Commands()) {
    if (c.name == args[0]) return c.run(std::vector<std::string>(args.begin() + 1, args.end()));
  }
  std::fprintf(stderr, "sitrep: unknown command '%s' (try 'sitrep help')\n", args[0].c_str());
  return kExitUsage;
}
