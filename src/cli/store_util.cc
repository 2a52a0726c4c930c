#include "cli/store_util.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "cli/command.h"

namespace sitrep::cli {

std::string StorePath(const Args& args) {
  if (args.Has("db")) return args.Get("db");
  const char* env = std::getenv("SITREP_DB");
  if (env != nullptr && *env != '\0') return env;
  return "sitrep.db";
}

StatusOr<std::unique_ptr<Store>> OpenStoreForWrite(const std::string& path) {
  return Store::Open(path);
}

StatusOr<std::unique_ptr<Store>> OpenExistingStore(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Status::NotFound("no store at " + path +
                            " (create one with `sitrep ingest PATH...`, or pass --db FILE)");
  }
  return Store::Open(path);
}

int ExitCodeFor(const Status& status) {
  if (status.ok()) return kExitOk;
  if (status.IsNotFound()) return kExitNotFound;
  if (status.IsInvalidArgument()) return kExitUsage;
  return kExitError;
}

int Fail(const char* command, const Status& status) {
  std::fprintf(stderr, "sitrep %s: %s\n", command, status.message().c_str());
  return ExitCodeFor(status);
}

}  // namespace sitrep::cli
