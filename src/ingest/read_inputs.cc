// ReadInputs (sitrep/ingest.h): paths, directories and stdin.
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <system_error>

#include "ingest/readers.h"
#include "sitrep/ingest.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;
using ingest::Format;

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

void ReadOneFile(const std::string& path, Format format, const ingest::ReadContext& ctx) {
  std::error_code ec;
  uintmax_t size = fs::file_size(path, ec);
  // A plain text or HTML file too large to be one article is refused before
  // it is read; JSON Lines are read record by record.
  if (!ec && size > ingest::kMaxDocumentBytes &&
      (format == Format::kText || format == Format::kMarkdown || format == Format::kHtml)) {
    ctx.on_problem({path, fmt::format("document too large: {} bytes (limit {})", size,
                                      ingest::kMaxDocumentBytes)});
    return;
  }
  std::string bytes, error;
  if (!ReadFile(path, &bytes, &error)) {
    ctx.on_problem({path, error});
    return;
  }
  ingest::ReadBytes(std::move(bytes), format, path, ctx);
}

bool Hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

void ReadDirectory(const std::string& dir, const ingest::ReadContext& ctx) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    ctx.on_problem({dir, "cannot list directory: " + ec.message()});
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      ctx.on_problem({dir, "cannot list directory: " + ec.message()});
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
        ctx.on_problem({path, "broken symbolic link"});
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
  for (const auto& f : files) ReadOneFile(f, ingest::FormatFromPath(f), ctx);
}

}  // namespace

Status ReadInputs(const std::vector<std::string>& paths, const IngestOptions& options,
                  const DocumentCallback& on_doc, const ProblemCallback& on_problem) {
  if (paths.empty()) return Status::InvalidArgument("no input paths");
  ingest::ReadContext ctx{options, on_doc, on_problem};
  for (const auto& path : paths) {
    if (path == "-") {
      std::string bytes(std::istreambuf_iterator<char>(std::cin), {});
      ingest::ReadBytes(std::move(bytes), Format::kUnknown, "-", ctx);
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      on_problem({path, "no such file or directory"});
      continue;
    }
    if (fs::is_directory(st)) {
      ReadDirectory(path, ctx);
    } else {
      ReadOneFile(path, ingest::FormatFromPath(path), ctx);
    }
  }
  return Status::OK();
}

}  // namespace sitrep
