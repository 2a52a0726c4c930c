// End-to-end: `sitrep ingest --jobs N` and `sitrep annotate --jobs N` store
// and print exactly what one job does, whatever the batch size: documents,
// annotations, sightings, near-duplicate links (which depend on the order
// documents are stored in), re-dated exact duplicates, skipped bad records
// and their messages, and a run resumed over a partly filled store.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <vector>

#include "cli_test_util.h"
#include "e2e_corpus.h"

namespace sitrep::testing {
namespace {

// Every stored row that ingest writes, in a fixed order; the time a row
// was stored is left out.
std::string DumpStore(const std::string& path) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return "cannot open " + path;
  }
  const char* queries[] = {
      "SELECT rowid, id, text_hash, source, source_provenance, url, title, language, published, "
      "published_provenance, published_earliest, origin, format, hex(raw), text, hex(offsets), "
      "hex(removed), duplicate_of, pipeline, hex(annotations) FROM documents ORDER BY rowid",
      "SELECT * FROM sightings ORDER BY 1, 2, 3, 4",
      "SELECT doc_id, hex(signature) FROM signatures ORDER BY 1",
      "SELECT * FROM lsh_buckets ORDER BY 1, 2, 3",
      "SELECT * FROM near_duplicates ORDER BY 1, 2",
      // Annotation rows name their document by rowid, which follows the order
      // of storing: they are listed by the document's id.
      "SELECT d.id, e.mention, e.start, e.end, e.type, e.actor, e.text FROM entities e "
      "JOIN documents d ON d.rowid = e.doc ORDER BY 1, 2",
      "SELECT d.id, t.mention, t.start, t.end, t.type, t.value FROM timexes t "
      "JOIN documents d ON d.rowid = t.doc ORDER BY 1, 2",
      "SELECT d.id, e.mention, e.start, e.end, e.type, e.modality, e.time FROM events e "
      "JOIN documents d ON d.rowid = e.doc ORDER BY 1, 2",
      "SELECT d.id, c.mention, c.start, c.end, c.subject, c.measure, c.min, c.max, c.modality "
      "FROM claims c JOIN documents d ON d.rowid = c.doc ORDER BY 1, 2",
  };
  for (const char* q : queries) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, q, -1, &st, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << "cannot run " << q << ": " << sqlite3_errmsg(db);
      continue;
    }
    while (sqlite3_step(st) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        const unsigned char* v = sqlite3_column_text(st, c);
        out += v == nullptr ? "NULL" : reinterpret_cast<const char*>(v);
        out += '\t';
      }
      out += '\n';
    }
    sqlite3_finalize(st);
    out += "--\n";
  }
  sqlite3_close(db);
  return out;
}

// A deterministic pseudo-random article: distinct articles share almost no
// five-word run, so only the copies made below are near-duplicates.
std::string Article(uint32_t seed) {
  static const char* kWords[] = {
      "officials", "said",     "troops",   "border",   "talks",     "ceasefire", "village",
      "shelling",  "ministry", "reported", "on",       "Monday",    "Tuesday",   "the",
      "of",        "in",       "near",     "Kessaly",  "Vareno",    "Lorvan",    "Ostra",
      "civilians", "wounded",  "convoy",   "aid",      "arrived",   "denied",    "artillery",
      "governor",  "regional", "forces",   "withdrew", "agreement", "mediators", "port",
      "ships",     "grain",    "escort",   "district", "spokesman", "statement", "killed",
      "drones",    "attack",   "night",    "power",    "station",   "repairs",   "residents"};
  constexpr size_t kCount = sizeof(kWords) / sizeof(kWords[0]);
  uint64_t x = 0x9E3779B97F4A7C15ull * (seed + 1);
  auto next = [&] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  std::string text;
  for (int sentence = 0; sentence < 6; ++sentence) {
    std::string s;
    for (int w = 0; w < 14; ++w) {
      if (w > 0) s += ' ';
      if (next() % 7 == 0) {
        s += std::to_string(next() % 5000 + 2);
      } else {
        s += kWords[next() % kCount];
      }
    }
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    text += s + ". ";
  }
  text.pop_back();
  return text;
}

std::string Record(const std::string& text, const std::string& source, const std::string& date,
                   const std::string& url) {
  return R"({"text": ")" + text + R"(", "source": ")" + source + R"(", "published_at": ")" + date +
         R"(", "url": ")" + url + R"("})";
}

// Distinct articles, near-duplicates filed before and after their first
// copy (so the link depends on dates, not on reading order), exact re-posts
// with an earlier date (re-dated, then re-annotated), bad lines and bad
// files, over several inputs.
void WriteMixedCorpus(const CliTest& t) {
  WriteCorpus(t);
  std::string feed;
  for (uint32_t i = 0; i < 24; ++i) {
    std::string day = std::to_string(10 + i % 18);
    std::string text = Article(i);
    feed += Record(text, "Outlet " + std::to_string(i % 5), "2031-04-" + day,
                   "https://example.org/a" + std::to_string(i)) +
            "\n";
    if (i % 6 == 2) {
      // A lightly edited copy, dated earlier than the article it copies.
      std::string copy = text;
      copy.replace(copy.find(' '), 1, " also ");
      feed += Record(copy, "Copier", "2031-04-0" + std::to_string(1 + i % 9),
                     "https://copier.example/" + std::to_string(i)) +
              "\n";
    }
    if (i % 8 == 5) {
      feed += Record(text, "Early Aggregator", "2031-03-01",
                     "https://aggregator.example/" + std::to_string(i)) +
              "\n";
    }
    if (i == 7) feed += "{\"text\": \"broken line\n";
    if (i == 11) feed += "\n{\"title\": \"no text here\"}\n";
  }
  t.Write("corpus/mixed/feed-b.jsonl", feed);
  std::string later;
  for (uint32_t i = 30; i < 36; ++i) {
    later +=
        Record(Article(i), "Outlet Z", "2031-05-01", "https://z.example/" + std::to_string(i)) +
        "\n";
  }
  // Near-duplicate of an article in the other feed, read after it.
  std::string copy = Article(3);
  copy.replace(copy.rfind(' '), 1, " indeed ");
  later += Record(copy, "Late Copier", "2031-03-20", "https://late.example/3") + "\n";
  t.Write("corpus/mixed/feed-c.jsonl", later);
  t.Write("corpus/mixed/empty.txt", "");
  t.Write("corpus/mixed/binary.txt", std::string("\x7F"
                                                 "ELF\0\0\0\1\2\3",
                                                 10));
  t.Write("corpus/mixed/note.txt", Article(40) + "\n");
}

class E2eParallelIngestTest : public ::testing::Test {
 protected:
  void SetUp() override { WriteMixedCorpus(t_); }

  RunResult Ingest(const std::string& db, const std::string& jobs, const std::string& batch,
                   const std::string& path = "corpus") {
    return t_.Run({"ingest", "--db", t_.Path(db), "--jobs", jobs, "--batch", batch, "--format",
                   "json", path});
  }

  CliTest t_;
};

TEST_F(E2eParallelIngestTest, StoreIsTheSameForAnyJobsAndBatch) {
  RunResult one = Ingest("one.db", "1", "1");
  ASSERT_EQ(one.exit_code, 3) << one.err;  // the bad records and files
  EXPECT_NE(one.err.find("feed-b.jsonl:"), std::string::npos) << one.err;
  EXPECT_NE(one.err.find("empty file"), std::string::npos) << one.err;
  EXPECT_NE(one.err.find("binary file"), std::string::npos) << one.err;
  const std::string dump = DumpStore(t_.Path("one.db"));
  EXPECT_NE(dump.find("Copier"), std::string::npos);
  for (const auto& [jobs, batch] :
       std::vector<std::pair<std::string, std::string>>{{"2", "2"}, {"3", "64"}, {"4", "5"}}) {
    std::string db = "jobs" + jobs + ".db";
    RunResult r = Ingest(db, jobs, batch);
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_EQ(r.out, one.out) << "--jobs " << jobs << " --batch " << batch;
    EXPECT_EQ(r.err, one.err) << "--jobs " << jobs << " --batch " << batch;
    EXPECT_EQ(DumpStore(t_.Path(db)), dump) << "--jobs " << jobs << " --batch " << batch;
  }
  // The near-duplicates were linked, and the re-posts re-dated.
  RunResult docs = t_.Run({"docs", "--db", t_.Path("one.db"), "--format", "tsv"});
  EXPECT_NE(docs.out.find("\td-"), std::string::npos) << docs.out;
  EXPECT_NE(docs.out.find("2031-03-01"), std::string::npos) << docs.out;
}

TEST_F(E2eParallelIngestTest, ResumedRunStoresWhatOneRunStores) {
  RunResult whole = Ingest("whole.db", "1", "3");
  ASSERT_EQ(whole.exit_code, 3) << whole.err;
  // A first run that stopped after one feed, then the whole corpus again.
  RunResult part = Ingest("resumed.db", "2", "3", "corpus/mixed/feed-b.jsonl");
  ASSERT_EQ(part.exit_code, 3) << part.err;
  RunResult rest = Ingest("resumed.db", "2", "3");
  ASSERT_EQ(rest.exit_code, 3) << rest.err;
  std::string a = DumpStore(t_.Path("whole.db")), b = DumpStore(t_.Path("resumed.db"));
  // Row ids follow the order of storing, which differs; everything else
  // must not.
  auto without_rowids = [](const std::string& dump) {
    std::string out;
    size_t begin = 0;
    bool documents = true;
    while (begin < dump.size()) {
      size_t nl = dump.find('\n', begin);
      std::string line = dump.substr(begin, nl - begin);
      begin = nl + 1;
      if (line == "--") documents = false;
      if (documents) line = line.substr(line.find('\t') + 1);
      out += line + "\n";
    }
    return out;
  };
  std::vector<std::string> la, lb;
  for (const std::string* d : {&a, &b}) {
    std::string s = without_rowids(*d);
    auto& lines = d == &a ? la : lb;
    size_t begin = 0;
    while (begin < s.size()) {
      size_t nl = s.find('\n', begin);
      lines.push_back(s.substr(begin, nl - begin));
      begin = nl + 1;
    }
    std::sort(lines.begin(), lines.end());
  }
  EXPECT_EQ(la, lb);
  // And a third run finds everything stored.
  RunResult again = Ingest("resumed.db", "2", "3");
  EXPECT_NE(again.out.find("\"added\": 0"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("\"sightings\": 0"), std::string::npos) << again.out;
}

TEST_F(E2eParallelIngestTest, AnnotateOutputIsTheSameForAnyJobs) {
  RunResult one = t_.Run({"annotate", "--jobs", "1", "--batch", "1", "corpus"});
  RunResult three = t_.Run({"annotate", "--jobs", "3", "--batch", "4", "corpus"});
  EXPECT_EQ(one.exit_code, 3) << one.err;
  EXPECT_EQ(three.exit_code, 3) << three.err;
  EXPECT_GT(Lines(one.out).size(), 30u);
  EXPECT_EQ(one.out, three.out);
  EXPECT_EQ(one.err, three.err);
}

}  // namespace
}  // namespace sitrep::testing
