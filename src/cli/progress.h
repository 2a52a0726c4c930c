// A progress line on stderr for long work, drawn only when stderr is a
// terminal (piped output stays quiet and machine-readable). Redrawn at most
// ten times a second, so updating it per document costs nothing.
#ifndef SITREP_CLI_PROGRESS_H_
#define SITREP_CLI_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace sitrep::cli {

class Progress {
 public:
  // total_bytes: the expected amount of input (0 = unknown: no bar, counts only).
  Progress(std::string label, uint64_t total_bytes);
  ~Progress() { Finish(); }

  void Update(uint64_t items, uint64_t bytes);
  // Erases the line so a message can be printed; the next Update redraws it.
  void Clear();
  // Clears the line; later updates are ignored.
  void Finish();
  bool enabled() const { return enabled_; }

 private:
  std::string label_;
  uint64_t total_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

// Sum of the sizes of the regular files under paths (recursively); "-" and
// unreadable entries count 0. For progress estimates only.
uint64_t InputBytes(const std::vector<std::string>& paths);

}  // namespace sitrep::cli

#endif  // SITREP_CLI_PROGRESS_H_
