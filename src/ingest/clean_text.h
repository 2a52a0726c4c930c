// CleanText: text under cleaning that remembers, for every byte, the raw byte
// it came from, so each cleaning step can rewrite freely and the final
// Document still maps spans back to the input (Document::offsets).
#ifndef SITREP_INGEST_CLEAN_TEXT_H_
#define SITREP_INGEST_CLEAN_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/document.h"

namespace sitrep::ingest {

class CleanText {
 public:
  CleanText() = default;
  // Text identical to raw[0, raw.size()): byte i comes from raw byte i.
  static CleanText Identity(std::string_view raw);
  // Text whose bytes come from raw bytes given by an existing offset map
  // (e.g. the HTML extractor's text -> page map).
  static CleanText FromMap(std::string text, const OffsetMap& map, uint64_t raw_size);

  const std::string& text() const { return text_; }
  size_t size() const { return text_.size(); }
  // Raw offset of text byte i (i == size() gives the raw end).
  uint64_t RawAt(size_t i) const { return i < raw_.size() ? raw_[i] : raw_end_; }
  // Raw byte range covered by text[begin, end).
  uint64_t RawEnd(size_t end) const;

  // Compresses the per-byte map to anchors (see OffsetMap).
  OffsetMap ToOffsetMap() const;

 private:
  friend class CleanTextBuilder;
  std::string text_;
  std::vector<uint64_t> raw_;
  uint64_t raw_end_ = 0;
};

// Builds a new CleanText from pieces of an old one. Copied bytes keep their
// raw origin; inserted bytes take the raw origin of the source position they
// replace.
class CleanTextBuilder {
 public:
  explicit CleanTextBuilder(const CleanText& source);
  // Copies source bytes [begin, end).
  void Copy(size_t begin, size_t end);
  // Writes `bytes` standing for source bytes starting at `source_pos`.
  void Insert(std::string_view bytes, size_t source_pos);
  size_t size() const { return out_.text_.size(); }
  char back() const { return out_.text_.back(); }
  bool empty() const { return out_.text_.empty(); }
  // Drops trailing bytes (e.g. spaces before a removed line end).
  void TrimBack(size_t count);
  CleanText Finish() &&;

 private:
  const CleanText& src_;
  CleanText out_;
};

// Records that source bytes [begin, end) were cut, with a reason.
void RecordRemoval(const CleanText& source, size_t begin, size_t end, std::string reason,
                   std::vector<Removal>* removed);

}  // namespace sitrep::ingest

#endif  // SITREP_INGEST_CLEAN_TEXT_H_
