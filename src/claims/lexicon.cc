#include "claims/lexicon.h"

#include <algorithm>
#include <fstream>

#include "sitrep/data_path.h"

namespace sitrep::claims {

StatusOr<std::vector<std::vector<std::string>>> ReadTsv(std::string_view relative_path,
                                                        size_t min_columns) {
  std::string path = DataPath(relative_path);
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot open lexicon " + path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    size_t pos = 0;
    while (true) {
      size_t tab = line.find('\t', pos);
      cols.push_back(line.substr(pos, tab == std::string::npos ? std::string::npos : tab - pos));
      if (tab == std::string::npos) break;
      pos = tab + 1;
    }
    if (cols.size() < min_columns || cols[0].empty()) {
      return Status::InvalidArgument(path + ":" + std::to_string(lineno) + ": expected " +
                                     std::to_string(min_columns) + " tab-separated columns");
    }
    rows.push_back(std::move(cols));
  }
  return rows;
}

Status PhraseLexicon::Load(std::string_view relative_path, size_t min_columns) {
  auto rows = ReadTsv(relative_path, min_columns);
  if (!rows.ok()) return rows.status();
  for (auto& row : *rows) {
    std::string phrase = std::move(row[0]);
    row.erase(row.begin());
    Add(std::move(phrase), std::move(row));
  }
  return Status::OK();
}

void PhraseLexicon::Add(std::string phrase, std::vector<std::string> fields) {
  PhraseEntry e;
  size_t pos = 0;
  while (pos < phrase.size()) {
    size_t sp = phrase.find(' ', pos);
    if (sp == std::string::npos) sp = phrase.size();
    if (sp > pos) e.words.push_back(phrase.substr(pos, sp - pos));
    pos = sp + 1;
  }
  if (e.words.empty()) return;
  e.fields = std::move(fields);
  entries_.push_back(std::move(e));
  size_t idx = entries_.size() - 1;
  const std::string& w0 = entries_[idx].words[0];
  size_t bit = FilterBit(w0);
  starts_[bit / 64] |= uint64_t{1} << (bit % 64);
  auto& list = by_first_[w0];
  list.push_back(idx);
  std::stable_sort(list.begin(), list.end(), [this](size_t a, size_t b) {
    return entries_[a].words.size() > entries_[b].words.size();
  });
}

const PhraseEntry* PhraseLexicon::Match(const std::vector<std::string_view>& words, size_t i,
                                        size_t* len) const {
  if (i >= words.size() || !MayStart(words[i])) return nullptr;
  auto it = by_first_.find(words[i]);
  if (it == by_first_.end()) return nullptr;
  for (size_t idx : it->second) {
    const PhraseEntry& e = entries_[idx];
    if (i + e.words.size() > words.size()) continue;
    bool ok = true;
    for (size_t k = 1; k < e.words.size() && ok; ++k) ok = words[i + k] == e.words[k];
    if (ok) {
      *len = e.words.size();
      return &e;
    }
  }
  return nullptr;
}

const PhraseEntry* PhraseLexicon::Find(std::string_view word) const {
  if (!MayStart(word)) return nullptr;
  auto it = by_first_.find(word);
  if (it == by_first_.end()) return nullptr;
  for (size_t idx : it->second) {
    if (entries_[idx].words.size() == 1) return &entries_[idx];
  }
  return nullptr;
}

}  // namespace sitrep::claims
