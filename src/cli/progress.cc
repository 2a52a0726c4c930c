#include "cli/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <vector>

namespace sitrep::cli {

Progress::Progress(std::string label, uint64_t total_bytes)
    : label_(std::move(label)),
      total_(total_bytes),
      enabled_(isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

void Progress::Update(uint64_t items, uint64_t bytes) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  drawn_ = true;
  double seconds = std::chrono::duration<double>(now - start_).count();
  double mb = static_cast<double>(bytes) / 1e6;
  double rate = seconds > 0 ? mb / seconds : 0;
  if (total_ > 0) {
    constexpr int kWidth = 30;
    double share = std::min(0.99, static_cast<double>(bytes) / static_cast<double>(total_));
    int filled = static_cast<int>(share * kWidth);
    std::string bar(filled, '#');
    bar.append(kWidth - filled, '.');
    std::fprintf(stderr, "\r%s [%s] %3d%%  %llu docs  %.1f MB  %.2f MB/s\x1b[K", label_.c_str(),
                 bar.c_str(), static_cast<int>(share * 100), static_cast<unsigned long long>(items),
                 mb, rate);
  } else {
    std::fprintf(stderr, "\r%s %llu docs  %.1f MB  %.2f MB/s\x1b[K", label_.c_str(),
                 static_cast<unsigned long long>(items), mb, rate);
  }
  std::fflush(stderr);
}

void Progress::Clear() {
  if (enabled_ && drawn_) std::fprintf(stderr, "\r\x1b[K");
  drawn_ = false;
}

void Progress::Finish() {
  if (enabled_ && drawn_) std::fprintf(stderr, "\r\x1b[K");
  enabled_ = false;
}

uint64_t InputBytes(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  uint64_t total = 0;
  for (const auto& p : paths) {
    std::error_code ec;
    if (p == "-") continue;
    if (fs::is_regular_file(p, ec)) {
      total += fs::file_size(p, ec);
      continue;
    }
    if (!fs::is_directory(p, ec)) continue;
    for (fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec),
         end;
         !ec && it != end; it.increment(ec)) {
      std::error_code fec;
      if (it->is_regular_file(fec)) total += it->file_size(fec);
    }
  }
  return total;
}

}  // namespace sitrep::cli
