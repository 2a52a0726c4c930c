// Status and StatusOr: how every fallible sitrep call reports failure.
//
// A Status is either OK (cheap: no allocation) or carries a code and a message
// that names what went wrong and where ("seeds/002.txt:14: invalid UTF-8").
// No sitrep library call throws across the API; exit codes are chosen in main.
//
//   sitrep::StatusOr<Document> doc = ReadDocument(path);
//   if (!doc.ok()) return doc.status();
//   Use(*doc);
#ifndef SITREP_STATUS_H_
#define SITREP_STATUS_H_

#include <cassert>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace sitrep {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kNotFound,
    kInvalidArgument,  // bad input: malformed file, record, option
    kCorruption,       // stored data that does not parse
    kIOError,          // the OS or SQLite refused a read or write
    kUnsupported,      // a format or feature we do not handle
    kInternal,         // a bug in sitrep
  };

  Status() = default;  // OK
  static Status OK() { return Status(); }
  static Status NotFound(std::string_view msg) { return Status(Code::kNotFound, msg); }
  static Status InvalidArgument(std::string_view msg) {
    return Status(Code::kInvalidArgument, msg);
  }
  static Status Corruption(std::string_view msg) { return Status(Code::kCorruption, msg); }
  static Status IOError(std::string_view msg) { return Status(Code::kIOError, msg); }
  static Status Unsupported(std::string_view msg) { return Status(Code::kUnsupported, msg); }
  static Status Internal(std::string_view msg) { return Status(Code::kInternal, msg); }

  bool ok() const { return rep_ == nullptr; }
  Code code() const { return rep_ ? rep_->code : Code::kOk; }
  // The message without the code name; empty when OK.
  const std::string& message() const;
  // "InvalidArgument: <message>", or "OK".
  std::string ToString() const;

  // Returns a copy whose message is "<prefix>: <message>" (e.g. a file name).
  Status WithPrefix(std::string_view prefix) const;

  bool IsNotFound() const { return code() == Code::kNotFound; }
  bool IsInvalidArgument() const { return code() == Code::kInvalidArgument; }
  bool IsIOError() const { return code() == Code::kIOError; }
  bool IsCorruption() const { return code() == Code::kCorruption; }

 private:
  struct Rep {
    Code code;
    std::string message;
  };
  Status(Code code, std::string_view msg)
      : rep_(std::make_shared<const Rep>(Rep{code, std::string(msg)})) {}
  std::shared_ptr<const Rep> rep_;  // null means OK
};

// Holds either a value or a non-OK Status.
template <typename T>
class StatusOr {
 public:
  StatusOr(const Status& status) : status_(status) {  // NOLINT: implicit by design
    assert(!status.ok() && "StatusOr built from an OK Status has no value");
    if (status_.ok()) status_ = Status::Internal("StatusOr built from OK status");
  }
  StatusOr(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  // REQUIRES: ok()
  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*value_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

#define SITREP_RETURN_IF_ERROR(expr) \
  do {                               \
    ::sitrep::Status _st = (expr);   \
    if (!_st.ok()) return _st;       \
  } while (0)

}  // namespace sitrep

#endif  // SITREP_STATUS_H_
