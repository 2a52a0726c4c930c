// Helpers for the store's tests: hand-built documents and a small MinHash
// so the store can be tested without the ingest module.
#ifndef SITREP_STORE_TEST_UTIL_H_
#define SITREP_STORE_TEST_UTIL_H_

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/document.h"
#include "store/sqlite_store.h"

namespace sitrep::store::testing {

// MinHash over word 3-shingles, 64 hashes: enough to tell a lightly edited
// copy (similarity > 0.8) from a different article.
inline std::vector<uint64_t> TestSignature(std::string_view text) {
  std::vector<uint64_t> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
    uint64_t h = 1469598103934665603ull;
    bool any = false;
    while (i < text.size() && text[i] != ' ' && text[i] != '\n') {
      h = (h ^ static_cast<unsigned char>(text[i++])) * 1099511628211ull;
      any = true;
    }
    if (any) words.push_back(h);
  }
  std::vector<uint64_t> sig(64, ~0ull);
  for (size_t w = 0; w + 3 <= words.size(); ++w) {
    uint64_t shingle = words[w] * 31 + words[w + 1] * 17 + words[w + 2];
    for (size_t k = 0; k < sig.size(); ++k) {
      uint64_t x = shingle ^ (0x9e3779b97f4a7c15ull * (k + 1));
      x ^= x >> 33;
      x *= 0xff51afd7ed558ccdull;
      x ^= x >> 33;
      if (x < sig[k]) sig[k] = x;
    }
  }
  if (words.size() < 3) sig.clear();
  return sig;
}

inline Document MakeDoc(std::string id, std::string text, std::string date, std::string source = "",
                        std::string url = "") {
  Document d;
  d.id = std::move(id);
  d.raw = text;
  d.text = std::move(text);
  d.published.date = std::move(date);
  d.published.provenance = d.published.date.empty() ? "unknown" : "metadata";
  d.source = std::move(source);
  d.source_provenance = d.source.empty() ? "unknown" : "metadata";
  d.url = std::move(url);
  d.language = "en";
  d.format = "text";
  d.origin = "test/" + d.id + ".txt";
  d.pipeline = "sitrep test";
  return d;
}

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "sitrep-store-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline SqliteStoreOptions TestOptions() {
  SqliteStoreOptions o;
  o.signature = TestSignature;
  return o;
}

}  // namespace sitrep::store::testing

#endif  // SITREP_STORE_TEST_UTIL_H_
