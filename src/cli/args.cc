#include "cli/args.h"

namespace sitrep::cli {

StatusOr<Args> Args::Parse(const std::vector<std::string>& argv,
                           const std::set<std::string>& with_value,
                           const std::set<std::string>& flags) {
  Args a;
  bool only_positionals = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (only_positionals || arg.size() < 3 || arg.compare(0, 2, "--") != 0) {
      if (arg == "--") {
        only_positionals = true;
        continue;
      }
      a.positionals_.push_back(arg);
      continue;
    }
    std::string key = arg.substr(2), value;
    bool inline_value = false;
    if (size_t eq = key.find('='); eq != std::string::npos) {
      value = key.substr(eq + 1);
      key = key.substr(0, eq);
      inline_value = true;
    }
    if (flags.count(key)) {
      if (inline_value) return Status::InvalidArgument("option --" + key + " takes no value");
      a.values_[key].push_back("1");
    } else if (with_value.count(key)) {
      if (!inline_value) {
        if (i + 1 >= argv.size())
          return Status::InvalidArgument("option --" + key + " needs a value");
        value = argv[++i];
      }
      a.values_[key].push_back(value);
    } else {
      return Status::InvalidArgument("unknown option --" + key);
    }
  }
  return a;
}

std::string Args::Get(const std::string& key, const std::string& fallback) const {
  auto it = values_.find(key);
  return it == values_.end() || it->second.empty() ? fallback : it->second.back();
}

std::vector<std::string> Args::GetAll(const std::string& key) const {
  auto it = values_.find(key);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

}  // namespace sitrep::cli
