// ReadInputs (sitrep/ingest.h): paths, directories and stdin.
#include <fmt/format.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <system_error>

#include "ingest/readers.h"
#include "sitrep/ingest.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;
using ingest::Format;

constexpr size_t kChunkBytes = 1 << 20;

bool IsSpaceByte(unsigned char c) { return std::isspace(c) != 0; }

// Whether s holds an invalid UTF-8 sequence. ASCII is skipped eight bytes at
// a time: news text is mostly ASCII.
bool HasInvalidUtf8(std::string_view s) {
  const char* p = s.data();
  int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(p[i]) < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return true;
  }
  return false;
}

// Length of s without a UTF-8 character cut at its end (at most 4 bytes).
size_t CompletePrefix(std::string_view s) {
  for (size_t back = 1; back <= 4 && back <= s.size(); ++back) {
    unsigned char c = static_cast<unsigned char>(s[s.size() - back]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte
    if (c < 0xC0) return s.size();     // ASCII ends the text
    int need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    return static_cast<size_t>(need) > back ? s.size() - back : s.size();
  }
  return s.size();
}

// One pass over a file: true when none of the checks SplitBytes makes over
// the whole input applies (not blank, not binary, no UTF-16 mark, valid
// UTF-8), so its lines can be read as they come. False also on a read error
// (the whole-file path reports it).
bool PlainUtf8(std::FILE* f) {
  std::string buf;
  size_t carry = 0;
  bool first = true, blank = true;
  for (;;) {
    buf.resize(carry + kChunkBytes);
    size_t n = std::fread(buf.data() + carry, 1, kChunkBytes, f);
    if (n == 0 && std::ferror(f)) return false;
    size_t len = carry + n;
    bool eof = n < kChunkBytes;
    std::string_view data(buf.data(), len);
    if (first) {
      first = false;
      if (data.starts_with("\xFF\xFE") || data.starts_with("\xFE\xFF")) return false;
      if (!ingest::NotTextReason(data.substr(0, 8192)).empty()) return false;
    }
    if (blank) blank = std::all_of(data.begin(), data.end(), IsSpaceByte);
    size_t complete = eof ? len : CompletePrefix(data);
    if (HasInvalidUtf8(data.substr(0, complete))) return false;
    if (eof) return !blank;
    carry = len - complete;
    std::memmove(buf.data(), buf.data() + complete, carry);
  }
}

// Reads a JSON Lines file that PlainUtf8 passed, a chunk at a time. Returns
// false when on_task asked to stop.
bool StreamJsonLines(std::FILE* f, const std::string& path, const ingest::TaskCallback& on_task) {
  std::string buf(kChunkBytes, '\0');
  std::string pending;      // the start of a line cut by the end of a chunk
  size_t pending_size = 0;  // its size, also when too long to be kept
  bool too_long = false, too_long_blank = true;
  int line = 0;
  bool first = true;
  auto finish_line = [&](std::string_view tail) {
    ++line;
    bool go = true;
    if (too_long) {
      too_long_blank = too_long_blank && std::all_of(tail.begin(), tail.end(), IsSpaceByte);
      if (!too_long_blank) {
        go = on_task({ingest::ReadTask::Kind::kProblem, fmt::format("{}:{}", path, line),
                      fmt::format("line too long: {} bytes (limit {})", pending_size + tail.size(),
                                  ingest::kMaxDocumentBytes),
                      ingest::Format::kUnknown, ""});
      }
    } else if (pending.empty()) {
      go = ingest::SplitJsonLine(tail, path, line, "", on_task);
    } else {
      pending.append(tail);
      go = ingest::SplitJsonLine(pending, path, line, "", on_task);
    }
    pending.clear();
    pending_size = 0;
    too_long = false;
    too_long_blank = true;
    return go;
  };
  auto keep = [&](std::string_view part) {
    pending_size += part.size();
    if (!too_long && pending_size > ingest::kMaxJsonLineBytes) {
      too_long = true;
      too_long_blank = std::all_of(pending.begin(), pending.end(), IsSpaceByte);
      std::string().swap(pending);
    }
    if (too_long) {
      too_long_blank = too_long_blank && std::all_of(part.begin(), part.end(), IsSpaceByte);
    } else {
      pending.append(part);
    }
  };
  for (;;) {
    size_t n = std::fread(buf.data(), 1, kChunkBytes, f);
    std::string_view data(buf.data(), n);
    if (first) {
      first = false;
      if (data.starts_with("\xEF\xBB\xBF")) data.remove_prefix(3);  // UTF-8 byte order mark
    }
    while (!data.empty()) {
      size_t nl = data.find('\n');
      if (nl == std::string_view::npos) {
        keep(data);
        break;
      }
      std::string_view tail = data.substr(0, nl);
      data.remove_prefix(nl + 1);
      if (!too_long && pending_size + tail.size() > ingest::kMaxJsonLineBytes) {
        keep(tail);
        tail = {};
      }
      if (!finish_line(tail)) return false;
    }
    if (n < kChunkBytes) break;
  }
  if (pending_size > 0) return finish_line({});
  return true;
}

// Reads a whole file; a failure is the OS's reason.
bool ReadFile(const std::string& path, std::string* out, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = fmt::format("cannot open: {}", std::strerror(errno));
    return false;
  }
  std::error_code ec;
  uintmax_t size = fs::file_size(path, ec);
  if (!ec) {
    out->resize(size);
    in.read(out->data(), static_cast<std::streamsize>(size));
    out->resize(static_cast<size_t>(in.gcount()));
  }
  // Files whose size is not known in advance (pipes, /proc) are read to the end.
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) out->append(buf, in.gcount());
  if (in.bad()) {
    *error = fmt::format("cannot read: {}", std::strerror(errno));
    return false;
  }
  return true;
}

bool SplitOneFile(const std::string& path, Format format, const ingest::TaskCallback& on_task) {
  auto problem = [&](std::string message) {
    return on_task(
        {ingest::ReadTask::Kind::kProblem, path, std::move(message), Format::kUnknown, ""});
  };
  std::error_code ec;
  uintmax_t size = fs::file_size(path, ec);
  // A plain text or HTML file too large to be one article is refused before
  // it is read; JSON Lines are read record by record.
  if (!ec && size > ingest::kMaxDocumentBytes &&
      (format == Format::kText || format == Format::kMarkdown || format == Format::kHtml)) {
    return problem(
        fmt::format("document too large: {} bytes (limit {})", size, ingest::kMaxDocumentBytes));
  }
  if (format == Format::kJsonLines && !ec && fs::is_regular_file(path, ec)) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), std::fclose);
    if (f && PlainUtf8(f.get()) && std::fseek(f.get(), 0, SEEK_SET) == 0) {
      return StreamJsonLines(f.get(), path, on_task);
    }
  }
  std::string bytes, error;
  if (!ReadFile(path, &bytes, &error)) return problem(error);
  return ingest::SplitBytes(std::move(bytes), format, path, on_task);
}

bool Hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

bool SplitDirectory(const std::string& dir, const ingest::TaskCallback& on_task) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  auto problem = [&](std::string path, std::string message) {
    return on_task({ingest::ReadTask::Kind::kProblem, std::move(path), std::move(message),
                    Format::kUnknown, ""});
  };
  if (ec) return problem(dir, "cannot list directory: " + ec.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      if (!problem(dir, "cannot list directory: " + ec.message())) return false;
      break;
    }
    const fs::directory_entry& entry = *it;
    if (Hidden(entry.path())) {
      if (entry.is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    std::string path = entry.path().string();
    if (entry.is_symlink(ec) && !fs::exists(entry.path(), ec)) {
      if (ingest::FormatFromPath(path) != Format::kUnknown) {
        if (!problem(path, "broken symbolic link")) return false;
      }
      continue;
    }
    if (!entry.is_regular_file(ec)) continue;
    // Within a directory only known article formats are read; other files
    // (images, notes) are not inputs.
    if (ingest::FormatFromPath(path) == Format::kUnknown) continue;
    files.push_back(std::move(path));
  }
  // Sorted, so the order of reading (and of messages) does not depend on the
  // file system.
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    if (!SplitOneFile(f, ingest::FormatFromPath(f), on_task)) return false;
  }
  return true;
}

}  // namespace

Status ReadInputs(const std::vector<std::string>& paths, const IngestOptions& options,
                  const DocumentCallback& on_doc, const ProblemCallback& on_problem) {
  ingest::ReadContext ctx{options, on_doc, on_problem};
  return ingest::SplitInputs(paths, [&](ingest::ReadTask&& task) {
    ingest::RunReadTask(std::move(task), ctx);
    return true;
  });
}

namespace ingest {

Status SplitInputs(const std::vector<std::string>& paths, const TaskCallback& on_task) {
  if (paths.empty()) return Status::InvalidArgument("no input paths");
  for (const auto& path : paths) {
    bool go = true;
    if (path == "-") {
      std::string bytes(std::istreambuf_iterator<char>(std::cin), {});
      go = SplitBytes(std::move(bytes), Format::kUnknown, "-", on_task);
    } else {
      std::error_code ec;
      fs::file_status st = fs::status(path, ec);
      if (ec || !fs::exists(st)) {
        go = on_task(
            {ReadTask::Kind::kProblem, path, "no such file or directory", Format::kUnknown, ""});
      } else if (fs::is_directory(st)) {
        go = SplitDirectory(path, on_task);
      } else {
        go = SplitOneFile(path, FormatFromPath(path), on_task);
      }
    }
    if (!go) break;
  }
  return Status::OK();
}

}  // namespace ingest

}  // namespace sitrep
