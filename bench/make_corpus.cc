// Builds a benchmark corpus of distinct articles as JSON Lines.
//
//   make_corpus --mb 200 --seed 7 -o corpus.jsonl SOURCE...
//
// SOURCE files are JSON Lines with a "text" field or plain-text articles.
// Each output article starts from a source article and is perturbed so that
// it is not a near-duplicate of any other: about half its sentences are
// replaced by sentences drawn from the whole pool, numbers are re-drawn, and
// capitalized words are swapped for others. A realistic share of true
// near-duplicates (a few words changed) and exact re-posts is mixed in, so
// the duplicate detection is exercised as it is on real feeds.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

using json = nlohmann::json;

std::vector<std::string> SplitSentences(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    bool end = (text[i] == '.' || text[i] == '?' || text[i] == '!') && i + 1 < text.size() &&
               text[i + 1] == ' ';
    if (end || text[i] == '\n') {
      std::string s = text.substr(start, i + 1 - start);
      while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.erase(0, 1);
      if (s.size() > 20) out.push_back(s);
      start = i + 1;
    }
  }
  if (start < text.size() && text.size() - start > 20) out.push_back(text.substr(start));
  return out;
}

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

bool Capitalized(const std::string& w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

}  // namespace

int main(int argc, char** argv) {
  double mb = 50;
  unsigned seed = 7;
  std::string out_path = "-";
  std::vector<std::string> sources;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--mb" && i + 1 < argc) {
      mb = std::stod(argv[++i]);
    } else if (a == "--seed" && i + 1 < argc) {
      seed = static_cast<unsigned>(std::stoul(argv[++i]));
    } else if (a == "-o" && i + 1 < argc) {
      out_path = argv[++i];
    } else {
      sources.push_back(a);
    }
  }
  std::vector<std::string> articles;
  for (const auto& path : sources) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "make_corpus: %s: cannot open\n", path.c_str());
      return 1;
    }
    std::string line, whole;
    bool jsonl = path.size() > 6 && path.substr(path.size() - 6) == ".jsonl";
    while (std::getline(in, line)) {
      if (!jsonl) {
        whole += line + "\n";
        continue;
      }
      json j = json::parse(line, nullptr, false);
      if (j.is_object() && j.contains("text") && j["text"].is_string()) {
        articles.push_back(j["text"].get<std::string>());
      }
    }
    if (!jsonl && !whole.empty()) articles.push_back(whole);
  }
  if (articles.empty()) {
    std::fprintf(stderr, "make_corpus: no source articles\n");
    return 1;
  }
  std::vector<std::string> pool;
  std::vector<std::string> names;
  for (const auto& a : articles) {
    for (auto& s : SplitSentences(a)) {
      for (const auto& w : Words(s)) {
        if (Capitalized(w) && w.size() > 3 && names.size() < 20000) names.push_back(w);
      }
      pool.push_back(std::move(s));
    }
  }
  std::mt19937_64 rng(seed);
  std::FILE* out = out_path == "-" ? stdout : std::fopen(out_path.c_str(), "wb");
  if (out == nullptr) {
    std::fprintf(stderr, "make_corpus: %s: cannot write\n", out_path.c_str());
    return 1;
  }
  const size_t target = static_cast<size_t>(mb * 1024 * 1024);
  size_t written = 0, n = 0, near = 0, exact = 0;
  std::string previous;
  std::uniform_real_distribution<double> unit(0, 1);
  const char* outlets[] = {"Wire One",         "State Broadcaster", "Blog Watch",
                           "Daily Tribune",    "Regional Herald",   "Evening Post",
                           "Frontline Monitor"};
  while (written < target) {
    std::string text;
    double r = unit(rng);
    if (!previous.empty() && r < 0.02) {
      text = previous;  // exact re-post
      ++exact;
    } else if (!previous.empty() && r < 0.07) {
      // Near-duplicate: the same article with a few words changed.
      std::vector<std::string> w = Words(previous);
      for (size_t k = 0; k < w.size() / 40 + 1; ++k)
        w[rng() % w.size()] = names[rng() % names.size()];
      for (const auto& x : w) text += x + " ";
      ++near;
    } else {
      const std::string& base = articles[rng() % articles.size()];
      for (const auto& s : SplitSentences(base)) {
        std::string sent = unit(rng) < 0.5 ? pool[rng() % pool.size()] : s;
        std::string rebuilt;
        for (auto w : Words(sent)) {
          if (!w.empty() && std::isdigit(static_cast<unsigned char>(w[0]))) {
            for (char& c : w) {
              if (std::isdigit(static_cast<unsigned char>(c)))
                c = static_cast<char>('0' + rng() % 10);
            }
          } else if (Capitalized(w) && unit(rng) < 0.3) {
            w = names[rng() % names.size()];
          }
          rebuilt += w + " ";
        }
        text += rebuilt + (unit(rng) < 0.3 ? "\n\n" : "");
      }
    }
    int day = 1 + static_cast<int>(rng() % 28), month = 1 + static_cast<int>(rng() % 12);
    json rec = {{"id", "bench-" + std::to_string(n)},
                {"source", outlets[rng() % 7]},
                {"date", "2024-" + std::string(month < 10 ? "0" : "") + std::to_string(month) +
                             "-" + (day < 10 ? "0" : "") + std::to_string(day)},
                {"text", text}};
    std::string line = rec.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    std::fwrite(line.data(), 1, line.size(), out);
    written += line.size();
    previous = text;
    ++n;
  }
  if (out != stdout) std::fclose(out);
  std::fprintf(stderr, "make_corpus: %zu articles (%zu near-duplicates, %zu exact), %.1f MB\n", n,
               near, exact, written / 1048576.0);
  return 0;
}
