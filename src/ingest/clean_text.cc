#include "ingest/clean_text.h"

#include <algorithm>

namespace sitrep::ingest {

CleanText CleanText::Identity(std::string_view raw) {
  CleanText t;
  t.text_.assign(raw);
  t.raw_.resize(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) t.raw_[i] = i;
  t.raw_end_ = raw.size();
  return t;
}

CleanText CleanText::FromMap(std::string text, const OffsetMap& map, uint64_t raw_size) {
  CleanText t;
  t.raw_.resize(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    t.raw_[i] = std::min<uint64_t>(map.ToRaw(static_cast<uint32_t>(i)), raw_size);
  }
  t.text_ = std::move(text);
  t.raw_end_ = raw_size;
  return t;
}

uint64_t CleanText::RawEnd(size_t end) const {
  if (end == 0) return RawAt(0);
  end = std::min(end, raw_.size());
  uint64_t last = raw_[end - 1] + 1;
  // A byte that replaced a multi-byte character (a typographic quote or dash
  // made ASCII) covers the whole character: up to the next byte's origin.
  char c = text_[end - 1];
  if (end < raw_.size() && (c == '\'' || c == '"' || c == '-') && raw_[end] > last &&
      raw_[end] - raw_[end - 1] <= 4) {
    return raw_[end];
  }
  return std::min(last, raw_end_);
}

OffsetMap CleanText::ToOffsetMap() const {
  OffsetMap map;
  for (size_t i = 0; i < raw_.size(); ++i) {
    if (i == 0 || raw_[i] != raw_[i - 1] + 1) {
      map.clean.push_back(static_cast<uint32_t>(i));
      map.raw.push_back(raw_[i]);
    }
  }
  return map;
}

CleanTextBuilder::CleanTextBuilder(const CleanText& source) : src_(source) {
  out_.text_.reserve(source.size());
  out_.raw_.reserve(source.size());
  out_.raw_end_ = source.raw_end_;
}

void CleanTextBuilder::Copy(size_t begin, size_t end) {
  if (end <= begin) return;
  out_.text_.append(src_.text_, begin, end - begin);
  out_.raw_.insert(out_.raw_.end(), src_.raw_.begin() + begin, src_.raw_.begin() + end);
}

void CleanTextBuilder::Insert(std::string_view bytes, size_t source_pos) {
  uint64_t raw = src_.RawAt(source_pos);
  out_.text_.append(bytes);
  out_.raw_.insert(out_.raw_.end(), bytes.size(), raw);
}

void CleanTextBuilder::TrimBack(size_t count) {
  count = std::min(count, out_.text_.size());
  out_.text_.resize(out_.text_.size() - count);
  out_.raw_.resize(out_.raw_.size() - count);
}

CleanText CleanTextBuilder::Finish() && { return std::move(out_); }

void RecordRemoval(const CleanText& source, size_t begin, size_t end, std::string reason,
                   std::vector<Removal>* removed) {
  if (removed == nullptr || end <= begin) return;
  Removal r;
  r.raw_start = source.RawAt(begin);
  r.raw_end = source.RawEnd(end);
  r.text.assign(source.text(), begin, end - begin);
  r.reason = std::move(reason);
  removed->push_back(std::move(r));
}

}  // namespace sitrep::ingest
