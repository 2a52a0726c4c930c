// Writes JSON text straight into a string, byte for byte as nlohmann::json's
// dump(-1, ' ', false, error_handler_t::replace) writes the same values, but
// without building a tree of values first (a map per object, a string per
// key): the store encodes every document's annotations this way, and the
// tree cost more than the text. The caller writes an object's keys in
// sorted (byte) order, the order nlohmann's std::map gives them; the test
// (document_json_test.cc) checks the result against nlohmann's.
#ifndef SITREP_BASE_JSON_WRITER_H_
#define SITREP_BASE_JSON_WRITER_H_

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sitrep {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject() {
    Separate();
    out_->push_back('{');
    first_ = true;
  }
  void EndObject() {
    out_->push_back('}');
    first_ = false;
  }
  void BeginArray() {
    Separate();
    out_->push_back('[');
    first_ = true;
  }
  void EndArray() {
    out_->push_back(']');
    first_ = false;
  }
  // A key; the value written next is its value.
  void Key(std::string_view key) {
    Separate();
    String(key);
    out_->push_back(':');
    first_ = true;  // no comma before the value
  }
  void Value(std::string_view s) {
    Separate();
    String(s);
  }
  void Value(const char* s) { Value(std::string_view(s)); }
  void Value(const std::string& s) { Value(std::string_view(s)); }
  void Value(bool b) {
    Separate();
    out_->append(b ? "true" : "false");
  }
  void Value(uint64_t v) {
    Separate();
    Integer(v);
  }
  void Value(uint32_t v) { Value(uint64_t{v}); }
  void Value(int v) {
    Separate();
    if (v < 0) {
      out_->push_back('-');
      Integer(-static_cast<uint64_t>(static_cast<int64_t>(v)));
    } else {
      Integer(static_cast<uint64_t>(v));
    }
  }
  void Value(double v);
  void Null() {
    Separate();
    out_->append("null");
  }
  // A string, or null when it is empty.
  void StringOrNull(std::string_view s) {
    if (s.empty()) {
      Null();
    } else {
      Value(s);
    }
  }
  void NumberOrNull(const std::optional<double>& v) {
    if (v) {
      Value(*v);
    } else {
      Null();
    }
  }
  template <typename T>
  void Field(std::string_view key, const T& value) {
    Key(key);
    Value(value);
  }

 private:
  void Separate() {
    if (!first_) out_->push_back(',');
    first_ = false;
  }
  void Integer(uint64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_->append(buf, r.ptr);
  }
  void String(std::string_view s);

  std::string* out_;
  bool first_ = true;
};

}  // namespace sitrep

#endif  // SITREP_BASE_JSON_WRITER_H_
