// Subcommands register themselves here; main() dispatches on argv[1].
// Each subcommand lives in its own cmd_<name>.cc file in src/cli/.
#ifndef SITREP_CLI_COMMAND_H_
#define SITREP_CLI_COMMAND_H_

#include <string>
#include <vector>

namespace sitrep::cli {

// Exit codes, documented in docs/cli.md.
enum ExitCode : int {
  kExitOk = 0,
  kExitError = 1,     // nothing useful done: bad store, broken pipeline, write failure ...
  kExitUsage = 2,     // bad command line
  kExitPartial = 3,   // done, but some inputs or records were skipped
  kExitNotFound = 4,  // the document (or store) asked for does not exist
};

using CommandFn = int (*)(const std::vector<std::string>& args);

struct Command {
  std::string name;     // "ingest", or "eval timex" style two-word names
  std::string summary;  // one line for `sitrep help`
  CommandFn run;
};

// Registers a command; used through SITREP_COMMAND at namespace scope.
bool RegisterCommand(Command command);
const std::vector<Command>& Commands();

}  // namespace sitrep::cli

#define SITREP_CONCAT_INNER(a, b) a##b
#define SITREP_CONCAT(a, b) SITREP_CONCAT_INNER(a, b)
#define SITREP_COMMAND(name, summary, fn)                   \
  static const bool SITREP_CONCAT(kRegistered_, __LINE__) = \
      ::sitrep::cli::RegisterCommand({name, summary, fn})

#endif  // SITREP_CLI_COMMAND_H_
