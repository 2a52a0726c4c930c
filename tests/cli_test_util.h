// Running the built `sitrep` binary from end-to-end tests: temp dirs with
// input files, and a Run() that captures stdout, stderr and the exit code.
#ifndef SITREP_TESTS_CLI_TEST_UTIL_H_
#define SITREP_TESTS_CLI_TEST_UTIL_H_

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace sitrep::testing {

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

inline std::string ShellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') {
      q += "'\\''";
    } else {
      q += c;
    }
  }
  return q + "'";
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class CliTest {
 public:
  CliTest() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "sitrep-cli-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
  }
  ~CliTest() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  const std::string& dir() const { return dir_; }
  std::string Path(const std::string& name) const { return dir_ + "/" + name; }
  std::string db() const { return Path("store.db"); }

  // Writes bytes to dir/name (creating subdirectories) and returns the path.
  std::string Write(const std::string& name, const std::string& bytes) const {
    std::string p = Path(name);
    std::filesystem::create_directories(std::filesystem::path(p).parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }

  // Runs `sitrep ARGS` with the working directory dir(); stdin from
  // stdin_file when given, else /dev/null.
  RunResult Run(const std::vector<std::string>& args, const std::string& stdin_file = "") const {
    std::string cmd = "cd " + ShellQuote(dir_) + " && " + ShellQuote(SITREP_BINARY);
    for (const auto& a : args) cmd += " " + ShellQuote(a);
    cmd += " <" + ShellQuote(stdin_file.empty() ? "/dev/null" : stdin_file);
    cmd += " >" + ShellQuote(Path(".out")) + " 2>" + ShellQuote(Path(".err"));
    int status = std::system(cmd.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = ReadFile(Path(".out"));
    r.err = ReadFile(Path(".err"));
    return r;
  }

 private:
  std::string dir_;
};

// Lines of text, without the newlines.
inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream s(text);
  for (std::string line; std::getline(s, line);) out.push_back(line);
  return out;
}

inline bool SharedCorpusPresent() {
  return std::filesystem::exists(std::string(SITREP_SOURCE_DIR) + "/../shared/corpus/seeds");
}

}  // namespace sitrep::testing

#endif  // SITREP_TESTS_CLI_TEST_UTIL_H_
