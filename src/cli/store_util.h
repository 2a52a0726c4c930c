// Opening the store from the command line: --db FILE, else $SITREP_DB, else
// sitrep.db in the working directory.
#ifndef SITREP_CLI_STORE_UTIL_H_
#define SITREP_CLI_STORE_UTIL_H_

#include <memory>
#include <string>

#include "cli/args.h"
#include "sitrep/status.h"
#include "sitrep/store.h"

namespace sitrep::cli {

std::string StorePath(const Args& args);

// Creates the store when missing.
StatusOr<std::unique_ptr<Store>> OpenStoreForWrite(const std::string& path);
// NotFound (with a hint to run `sitrep ingest`) when there is no store.
StatusOr<std::unique_ptr<Store>> OpenExistingStore(const std::string& path);

// The exit code for a failed store call: kExitNotFound or kExitError.
int ExitCodeFor(const Status& status);

// Prints "sitrep COMMAND: message" to stderr and returns the exit code.
int Fail(const char* command, const Status& status);

}  // namespace sitrep::cli

#endif  // SITREP_CLI_STORE_UTIL_H_
