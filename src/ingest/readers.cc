#include "ingest/readers.h"

#include <fmt/format.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "html/extractor.h"
#include "ingest/dates.h"
#include "ingest/document_builder.h"
#include "ingest/html_text.h"
#include "ingest/markdown.h"
#include "ingest/normalize.h"

namespace sitrep::ingest {
namespace {

using Json = nlohmann::json;

// Default JSON keys per field, in order of preference (docs/ingest.md).
const std::vector<std::string>& DefaultKeys(std::string_view field) {
  static const std::vector<std::string> kText = {"text", "content", "body", "article",
                                                 "description"};
  static const std::vector<std::string> kTitle = {"title", "headline"};
  static const std::vector<std::string> kUrl = {"url", "link", "href"};
  static const std::vector<std::string> kSource = {"source",    "outlet",    "site",
                                                   "site_name", "publisher", "domain"};
  static const std::vector<std::string> kDate = {
      "date",           "published", "published_at", "publishedAt",    "datePublished",
      "date_published", "pubDate",   "seendate",     "gdelt_seendate", "created_at"};
  if (field == "text") return kText;
  if (field == "title") return kTitle;
  if (field == "url") return kUrl;
  if (field == "source") return kSource;
  return kDate;
}

// The string value of a field: a string, a number (dates), or an object's
// "name" ({"source": {"name": "BBC"}}).
std::string FieldValue(const Json& record, std::string_view field, const IngestOptions& options) {
  std::vector<std::string> keys;
  auto mapped = options.field_map.find(std::string(field));
  if (mapped != options.field_map.end()) {
    keys.push_back(mapped->second);
  } else {
    keys = DefaultKeys(field);
  }
  for (const auto& key : keys) {
    auto it = record.find(key);
    if (it == record.end()) continue;
    if (it->is_string() && !it->get_ref<const std::string&>().empty())
      return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<int64_t>());
    if (it->is_object()) {
      auto name = it->find("name");
      if (name != it->end() && name->is_string()) return name->get<std::string>();
    }
  }
  return "";
}

bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

void Emit(Document meta, const CleanText& body, const std::string& origin, const ReadContext& ctx) {
  auto doc = BuildDocument(std::move(meta), body);
  if (!doc.ok()) {
    ctx.on_problem({origin, doc.status().message()});
    return;
  }
  ctx.on_doc(std::move(*doc));
}

// Applies --dct and metadata dates to a new document.
void SetDate(Document* doc, const std::string& value, const IngestOptions& options) {
  if (!options.dct.empty()) {
    doc->published.date = options.dct;
    doc->published.provenance = "metadata";
    return;
  }
  if (value.empty()) return;
  std::string date = ParseMetadataDate(value);
  if (date.empty()) {
    doc->AddProblem("read", fmt::format("unreadable date '{}'", value.substr(0, 60)));
    return;
  }
  doc->published.date = date;
  doc->published.provenance = "metadata";
}

void ReadHtml(std::string bytes, const std::string& origin, const ReadContext& ctx, Document meta) {
  meta.format = "html";
  ExtractedArticle article = ExtractArticle(bytes);
  if (!article.text.empty()) {
    if (meta.title.empty()) meta.title = article.title;
    if (meta.source.empty()) meta.source = article.site_name;
    if (meta.url.empty()) meta.url = article.url;
    SetDate(&meta, article.published, ctx.options);
    for (const auto& w : article.warnings) meta.AddProblem("extract", w);
    meta.raw = std::move(bytes);
    CleanText body = CleanText::FromMap(article.text, article.offsets, meta.raw.size());
    Emit(std::move(meta), body, origin, ctx);
    return;
  }
  HtmlPage page = VisibleText(bytes);
  if (!page.has_body || IsBlank(page.text.text())) {
    ctx.on_problem({origin, "HTML page has no body text"});
    return;
  }
  if (!article.empty_reason.empty()) {
    meta.AddProblem("extract", "article extractor: " + article.empty_reason +
                                   "; using the page's visible text");
  }
  if (meta.title.empty()) meta.title = page.title;
  if (meta.source.empty()) meta.source = page.site_name;
  if (meta.url.empty()) meta.url = page.url;
  if (meta.published.date.empty()) SetDate(&meta, page.published, ctx.options);
  meta.raw = std::move(bytes);
  Emit(std::move(meta), page.text, origin, ctx);
}

void ReadRecord(const Json& record, const std::string& origin, const std::string& format,
                const ReadContext& ctx) {
  if (!record.is_object()) {
    ctx.on_problem({origin, fmt::format("expected a JSON object, got {}", record.type_name())});
    return;
  }
  std::string text = FieldValue(record, "text", ctx.options);
  if (IsBlank(text)) {
    ctx.on_problem({origin,
                    "record has no text field (text/content/body/description; "
                    "map others with --field text=KEY)"});
    return;
  }
  if (text.size() > kMaxDocumentBytes) {
    ctx.on_problem({origin, fmt::format("record text too large: {} bytes (limit {})", text.size(),
                                        kMaxDocumentBytes)});
    return;
  }
  Document meta;
  meta.origin = origin;
  meta.format = format;
  meta.title = FieldValue(record, "title", ctx.options);
  meta.url = FieldValue(record, "url", ctx.options);
  meta.source = FieldValue(record, "source", ctx.options);
  SetDate(&meta, FieldValue(record, "date", ctx.options), ctx.options);
  if (LooksLikeHtml(text)) {
    ReadHtml(std::move(text), origin, ctx, std::move(meta));
    return;
  }
  meta.raw = std::move(text);
  CleanText body = CleanText::Identity(meta.raw);
  Emit(std::move(meta), body, origin, ctx);
}

// Parses one JSON value; on failure reports it with the parser's message.
bool ParseJson(std::string_view s, const std::string& origin, const ReadContext& ctx, Json* out) {
  try {
    *out = Json::parse(s.begin(), s.end());
    return true;
  } catch (const Json::exception& e) {
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 5: ..."
    size_t bracket = what.find("] ");
    ctx.on_problem({origin, "invalid JSON: " +
                                (bracket == std::string::npos ? what : what.substr(bracket + 2))});
    return false;
  }
}

void ReadJsonLines(std::string_view bytes, const std::string& origin, const ReadContext& ctx) {
  size_t begin = 0;
  int line = 0;
  while (begin < bytes.size()) {
    size_t nl = bytes.find('\n', begin);
    if (nl == std::string_view::npos) nl = bytes.size();
    ++line;
    std::string_view text = bytes.substr(begin, nl - begin);
    begin = nl + 1;
    SplitJsonLine(text, origin, line, "", [&](ReadTask&& task) {
      RunReadTask(std::move(task), ctx);
      return true;
    });
  }
}

void ReadJson(std::string_view bytes, const std::string& origin, const ReadContext& ctx) {
  Json value;
  try {
    value = Json::parse(bytes.begin(), bytes.end());
  } catch (const Json::exception&) {
    // Many ".json" files are JSON Lines.
    ReadJsonLines(bytes, origin, ctx);
    return;
  }
  if (value.is_object()) {
    for (const char* key : {"articles", "items", "data", "results", "documents"}) {
      auto it = value.find(key);
      if (it != value.end() && it->is_array()) {
        value = *it;
        break;
      }
    }
  }
  if (!value.is_array()) {
    ReadRecord(value, origin, "json", ctx);
    return;
  }
  for (size_t i = 0; i < value.size(); ++i) {
    ReadRecord(value[i], fmt::format("{}:[{}]", origin, i), "json", ctx);
  }
}

// Converts bytes in `charset` to UTF-8 with ICU.
std::string ToUtf8(std::string_view bytes, const char* charset) {
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), charset);
  std::string out;
  u.toUTF8String(out);
  return out;
}

// True when no byte above 0x7F starts a valid UTF-8 sequence: text in a
// single-byte legacy encoding rather than UTF-8 with a few bad bytes.
bool NoValidMultibyte(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int32_t off = static_cast<int32_t>(i);
    UChar32 cp;
    U8_NEXT(s.data(), off, static_cast<int32_t>(s.size()), cp);
    if (cp >= 0) return false;
    i = static_cast<size_t>(off);
  }
  return true;
}

// Brings bytes to UTF-8: UTF-16 with a byte order mark is converted; text
// with invalid UTF-8 and no valid multi-byte sequence is read as
// Windows-1252; otherwise invalid sequences become U+FFFD. Returns what was
// done, for the documents' problems; empty when nothing was needed.
std::string MakeUtf8(std::string* bytes) {
  if (bytes->starts_with("\xFF\xFE") || bytes->starts_with("\xFE\xFF")) {
    const char* charset = (*bytes)[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    *bytes = ToUtf8(std::string_view(*bytes).substr(2), charset);
    return fmt::format("converted from {}", charset);
  }
  std::string copy = *bytes;
  size_t first_bad = 0;
  size_t bad = RepairUtf8(&copy, &first_bad);
  if (bad == 0) return "";
  if (NoValidMultibyte(*bytes)) {
    *bytes = ToUtf8(*bytes, "windows-1252");
    return fmt::format("not UTF-8 (first bad byte at {}): read as Windows-1252", first_bad);
  }
  *bytes = std::move(copy);
  return fmt::format("invalid UTF-8: {} sequence(s) replaced with U+FFFD, first at byte {}", bad,
                     first_bad);
}

}  // namespace

Format FormatFromPath(std::string_view path) {
  size_t dot = path.rfind('.');
  size_t slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return Format::kUnknown;
  }
  std::string ext(path.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == "txt" || ext == "text") return Format::kText;
  if (ext == "md" || ext == "markdown") return Format::kMarkdown;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return Format::kHtml;
  if (ext == "jsonl" || ext == "ndjson") return Format::kJsonLines;
  if (ext == "json") return Format::kJson;
  return Format::kUnknown;
}

Format SniffFormat(std::string_view bytes) {
  size_t i = 0;
  while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
  if (i < bytes.size() && (bytes[i] == '{' || bytes[i] == '[')) return Format::kJson;
  if (LooksLikeHtml(bytes)) return Format::kHtml;
  return Format::kText;
}

std::string NotTextReason(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 8192);
  size_t control = 0;
  for (unsigned char c : head) {
    if (c == 0) return "binary file (NUL bytes), not text";
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  if (head.size() >= 16 && control * 10 > head.size()) {
    return "binary file (control bytes), not text";
  }
  std::string copy(head);
  if (copy.size() == 8192) {
    // Do not count a character cut at the sample's end as invalid.
    size_t cut = copy.size();
    while (cut > copy.size() - 4 && (static_cast<unsigned char>(copy[cut - 1]) & 0xC0) == 0x80) {
      --cut;
    }
    if (cut > 0 && static_cast<unsigned char>(copy[cut - 1]) >= 0xC0) --cut;
    copy.resize(cut);
  }
  size_t first = 0;
  size_t bad = RepairUtf8(&copy, &first);
  if (head.size() >= 16 && bad * 5 > head.size()) {
    return "binary file or not UTF-8 (most bytes are invalid UTF-8)";
  }
  return "";
}

bool SplitBytes(std::string bytes, Format format, const std::string& origin,
                const TaskCallback& on_task) {
  auto problem = [&](std::string message) {
    return on_task({ReadTask::Kind::kProblem, origin, std::move(message), Format::kUnknown, ""});
  };
  if (IsBlank(bytes)) return problem(bytes.empty() ? "empty file" : "file holds only whitespace");
  bool utf16 = bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
  if (std::string why = utf16 ? "" : NotTextReason(bytes); !why.empty()) return problem(why);
  std::string repaired = MakeUtf8(&bytes);
  // UTF-8 byte order mark.
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);
  if (format == Format::kUnknown) format = SniffFormat(bytes);
  if (format == Format::kJsonLines) {
    std::string_view all = bytes;
    size_t begin = 0;
    int line = 0;
    while (begin < all.size()) {
      size_t nl = all.find('\n', begin);
      if (nl == std::string_view::npos) nl = all.size();
      ++line;
      std::string_view text = all.substr(begin, nl - begin);
      begin = nl + 1;
      if (!SplitJsonLine(text, origin, line, repaired, on_task)) return false;
    }
    return true;
  }
  if (format != Format::kJson && bytes.size() > kMaxDocumentBytes) {
    return problem(
        fmt::format("document too large: {} bytes (limit {})", bytes.size(), kMaxDocumentBytes));
  }
  return on_task({ReadTask::Kind::kInput, origin, std::move(bytes), format, std::move(repaired)});
}

bool SplitJsonLine(std::string_view text, const std::string& origin, int line,
                   const std::string& note, const TaskCallback& on_task) {
  if (IsBlank(text)) return true;
  std::string where = fmt::format("{}:{}", origin, line);
  if (text.size() > kMaxJsonLineBytes) {
    return on_task(
        {ReadTask::Kind::kProblem, std::move(where),
         fmt::format("line too long: {} bytes (limit {})", text.size(), kMaxDocumentBytes),
         Format::kUnknown, ""});
  }
  return on_task(
      {ReadTask::Kind::kJsonLine, std::move(where), std::string(text), Format::kJsonLines, note});
}

void RunReadTask(ReadTask task, const ReadContext& ctx) {
  if (task.kind == ReadTask::Kind::kProblem) {
    ctx.on_problem({std::move(task.origin), std::move(task.bytes)});
    return;
  }
  // Problems of the whole file go on each document read from it.
  DocumentCallback on_doc = [&](Document&& doc) {
    if (!task.note.empty()) doc.problems.insert(doc.problems.begin(), {"read", task.note});
    ctx.on_doc(std::move(doc));
  };
  ReadContext inner{ctx.options, task.note.empty() ? ctx.on_doc : on_doc, ctx.on_problem};
  if (task.kind == ReadTask::Kind::kJsonLine) {
    Json record;
    if (ParseJson(task.bytes, task.origin, inner, &record)) {
      ReadRecord(record, task.origin, "jsonl", inner);
    }
    return;
  }
  if (task.format == Format::kJson) {
    ReadJson(task.bytes, task.origin, inner);
    return;
  }
  Document meta;
  meta.origin = task.origin;
  SetDate(&meta, "", ctx.options);
  if (task.format == Format::kHtml) {
    ReadHtml(std::move(task.bytes), task.origin, inner, std::move(meta));
    return;
  }
  meta.format = "text";
  meta.raw = std::move(task.bytes);
  CleanText body = CleanText::Identity(meta.raw);
  if (task.format == Format::kMarkdown) body = StripMarkdown(body);
  Emit(std::move(meta), body, task.origin, inner);
}

void ReadBytes(std::string bytes, Format format, const std::string& origin,
               const ReadContext& ctx) {
  SplitBytes(std::move(bytes), format, origin, [&](ReadTask&& task) {
    RunReadTask(std::move(task), ctx);
    return true;
  });
}

}  // namespace sitrep::ingest
