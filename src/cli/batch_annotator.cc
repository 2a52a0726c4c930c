#include "cli/batch_annotator.h"

#include <algorithm>
#include <cstdlib>
#include <thread>

namespace sitrep::cli {

int JobsFromFlag(const std::string& value) {
  int jobs = value.empty() ? 0 : std::atoi(value.c_str());
  if (jobs <= 0) jobs = static_cast<int>(std::thread::hardware_concurrency());
  return std::max(1, jobs);
}

}  // namespace sitrep::cli
