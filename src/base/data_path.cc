#include "sitrep/data_path.h"

#include <cstdlib>

#ifndef SITREP_DEFAULT_DATA_DIR
#define SITREP_DEFAULT_DATA_DIR "data"
#endif

namespace sitrep {

std::string DataDir() {
  const char* env = std::getenv("SITREP_DATA_DIR");
  if (env != nullptr && *env != '\0') return env;
  return SITREP_DEFAULT_DATA_DIR;
}

std::string DataPath(std::string_view relative) {
  std::string path = DataDir();
  path += '/';
  path += relative;
  return path;
}

}  // namespace sitrep
