// Data-driven golden tests: every tests/golden/<stage>/<case>.txt is
// annotated with the default pipeline and checked against <case>.expected.
// A new case is a new pair of files; no C++ needed. Format: docs/golden-tests.md.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "sitrep/document_json.h"
#include "sitrep/pipeline.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return out;
}

// A field value as written in .expected files: strings bare, null as "null",
// numbers as JSON numbers, booleans as true/false.
std::string FieldText(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (d == static_cast<double>(static_cast<long long>(d))) {
      return std::to_string(static_cast<long long>(d));
    }
  }
  return v.dump();
}

// Looks up "a.b" paths such as "range.begin" or "trigger.start".
const json* Field(const json& obj, const std::string& path) {
  const json* cur = &obj;
  size_t start = 0;
  while (true) {
    size_t dot = path.find('.', start);
    std::string key =
        path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (!cur->is_object() || !cur->contains(key)) return nullptr;
    cur = &(*cur)[key];
    if (dot == std::string::npos) return cur;
    start = dot + 1;
  }
}

std::vector<fs::path> Cases() {
  std::vector<fs::path> out;
  fs::path root = fs::path(SITREP_SOURCE_DIR) / "tests" / "golden";
  if (!fs::exists(root)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().extension() == ".txt" &&
        fs::exists(fs::path(entry.path()).replace_extension(".expected"))) {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

class GoldenTest : public ::testing::TestWithParam<fs::path> {};

TEST_P(GoldenTest, MatchesExpected) {
  const fs::path& input = GetParam();
  fs::path expected_path = fs::path(input).replace_extension(".expected");
  static auto pipeline = Pipeline::Default();
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();

  Document doc;
  doc.text = ReadFile(input);
  doc.raw = doc.text;
  AnnotateOptions options;
  std::ifstream exp(expected_path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(exp, line);) {
    if (line.rfind("# dct:", 0) == 0) {
      options.dct = line.substr(6);
      options.dct.erase(0, options.dct.find_first_not_of(' '));
    }
    if (line.empty() || line[0] == '#') continue;
    lines.push_back(line);
  }
  ASSERT_TRUE((*pipeline)->Annotate(&doc, options).ok());
  json got = json::parse(DocumentToJson(doc));

  std::map<std::string, std::vector<bool>> used;
  for (const auto& line : lines) {
    std::vector<std::string> cols = SplitTabs(line);
    ASSERT_GE(cols.size(), 2u) << expected_path << ": bad line: " << line;
    bool negative = cols[0][0] == '!';
    std::string layer = negative ? cols[0].substr(1) : cols[0];
    ASSERT_TRUE(got.contains(layer) && got[layer].is_array())
        << expected_path << ": unknown layer " << layer;
    const json& anns = got[layer];
    auto& taken = used[layer];
    taken.resize(anns.size(), false);
    std::vector<std::string> mismatches;
    int found = -1;
    for (size_t i = 0; i < anns.size() && found < 0; ++i) {
      const json& a = anns[i];
      std::string span = doc.text.substr(a["start"].get<uint32_t>(),
                                         a["end"].get<uint32_t>() - a["start"].get<uint32_t>());
      if (span != cols[1] || (!negative && taken[i])) continue;
      bool all = true;
      for (size_t c = 2; c < cols.size(); ++c) {
        size_t eq = cols[c].find('=');
        std::string key = cols[c].substr(0, eq), want = cols[c].substr(eq + 1);
        const json* f = Field(a, key);
        std::string have = f ? FieldText(*f) : "<missing>";
        if (have != want) {
          all = false;
          mismatches.push_back(key + "=" + have + " (want " + want + ")");
        }
      }
      if (all) found = static_cast<int>(i);
    }
    if (negative) {
      EXPECT_LT(found, 0) << expected_path.filename() << ": unexpected " << layer << " '" << cols[1]
                          << "'";
    } else {
      EXPECT_GE(found, 0) << expected_path.filename() << ": no " << layer << " '" << cols[1]
                          << "' with the expected fields"
                          << (mismatches.empty() ? "" : ": " + mismatches.front());
      if (found >= 0) taken[found] = true;
    }
  }
}

std::string CaseName(const ::testing::TestParamInfo<fs::path>& info) {
  std::string name =
      info.param.parent_path().filename().string() + "_" + info.param.stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Golden, GoldenTest, ::testing::ValuesIn(Cases()), CaseName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoldenTest);

}  // namespace
}  // namespace sitrep
