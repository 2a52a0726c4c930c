// Replays inputs through the fuzz targets' entry points in a normal build (no
// libFuzzer, any compiler), so ctest keeps every kept crash and every seed a
// regression test, under the sanitizers too in the sanitizer build.
//   fuzz_replay TARGET PATH...    (PATH: a file, or a directory of files)
// Each target's LLVMFuzzerTestOneInput is compiled under its own name
// (fuzz/CMakeLists.txt); fuzz_entries.inc lists them.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_entries.inc"

namespace {

using Entry = int (*)(const uint8_t*, size_t);

Entry FindEntry(std::string_view name) {
  for (const auto& t : kFuzzTargets) {
    if (name == t.name) return t.entry;
  }
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: fuzz_replay TARGET PATH...\n");
    return 2;
  }
  Entry entry = FindEntry(argv[1]);
  if (entry == nullptr) {
    std::fprintf(stderr, "fuzz_replay: no target %s\n", argv[1]);
    return 2;
  }
  std::vector<std::filesystem::path> files;
  for (int i = 2; i < argc; ++i) {
    std::filesystem::path p(argv[i]);
    if (std::filesystem::is_directory(p)) {
      for (const auto& e : std::filesystem::directory_iterator(p)) {
        if (e.is_regular_file()) files.push_back(e.path());
      }
    } else if (std::filesystem::exists(p)) {
      files.push_back(p);
    } else {
      std::fprintf(stderr, "fuzz_replay: %s does not exist\n", argv[i]);
      return 2;
    }
  }
  // Sorted, so that a failure names the same input on every machine.
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) {
      std::fprintf(stderr, "fuzz_replay: cannot read %s\n", f.c_str());
      return 2;
    }
    // A crash aborts here, with the sanitizer's report; print the input first.
    std::fprintf(stderr, "fuzz_replay: %s %s\n", argv[1], f.c_str());
    entry(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  }
  std::printf("fuzz_replay: %s: %zu inputs ok\n", argv[1], files.size());
  return 0;
}
