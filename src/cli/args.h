// A small command-line parser: `--flag`, `--key VALUE`, `--key=VALUE`,
// repeatable keys, and positionals ("-" is a positional meaning stdin).
#ifndef SITREP_CLI_ARGS_H_
#define SITREP_CLI_ARGS_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "sitrep/status.h"

namespace sitrep::cli {

class Args {
 public:
  // `with_value` lists the options that take a value (without "--");
  // `flags` the boolean ones. Anything else starting with "--" is an error.
  static StatusOr<Args> Parse(const std::vector<std::string>& argv,
                              const std::set<std::string>& with_value,
                              const std::set<std::string>& flags);

  bool Has(const std::string& key) const { return values_.count(key) > 0; }
  // Last value given for key, or fallback.
  std::string Get(const std::string& key, const std::string& fallback = "") const;
  std::vector<std::string> GetAll(const std::string& key) const;
  const std::vector<std::string>& positionals() const { return positionals_; }

 private:
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positionals_;
};

}  // namespace sitrep::cli

#endif  // SITREP_CLI_ARGS_H_
