#include "ingest/document_builder.h"

#include <cld2/public/compact_lang_det.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "ingest/cleaner.h"
#include "ingest/dates.h"
#include "ingest/normalize.h"
#include "sitrep/ingest.h"

namespace sitrep::ingest {
namespace {

// CLD2 needs no more than this to be sure, and long texts cost time.
constexpr size_t kLanguageSampleBytes = 2 << 10;
// A first line this short, not ending a sentence, is the title.
constexpr size_t kMaxTitleBytes = 200;

// Cuts at a UTF-8 character boundary at or before n.
std::string_view Prefix(std::string_view s, size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

std::string TitleFromFirstLine(std::string_view text) {
  size_t nl = text.find('\n');
  if (nl == std::string_view::npos || nl == 0 || nl > kMaxTitleBytes) return "";
  std::string_view line = text.substr(0, nl);
  if (line.back() == '.' && !line.ends_with("...")) return "";
  return std::string(line);
}

}  // namespace

std::string UrlHost(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  size_t end = rest.find_first_of("/?#");
  std::string_view host = rest.substr(0, end);
  size_t at = host.rfind('@');
  if (at != std::string_view::npos) host.remove_prefix(at + 1);
  size_t colon = host.find(':');
  if (colon != std::string_view::npos) host = host.substr(0, colon);
  if (host.starts_with("www.")) host.remove_prefix(4);
  std::string out(host);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string DetectLanguage(std::string_view text) {
  std::string_view sample = Prefix(text, kLanguageSampleBytes);
  if (sample.empty()) return "";
  bool reliable = false;
  CLD2::Language lang = CLD2::DetectLanguage(sample.data(), static_cast<int>(sample.size()),
                                             /*is_plain_text=*/true, &reliable);
  if (lang == CLD2::UNKNOWN_LANGUAGE) return "";
  return CLD2::LanguageCode(lang);
}

StatusOr<Document> BuildDocument(Document doc, const CleanText& body) {
  Status status;
  const Cleaner* cleaner = Cleaner::Default(&status);
  if (cleaner == nullptr) return status;
  doc.id = DocumentId(doc.raw);
  CleanOutput clean = cleaner->Clean(body);
  if (clean.text.size() == 0) {
    std::string why = clean.removed.empty()
                          ? "no text"
                          : fmt::format("all text removed ({} cuts, first: {})",
                                        clean.removed.size(), clean.removed.front().reason);
    return Status::InvalidArgument("text cleans to nothing: " + why);
  }
  doc.text = clean.text.text();
  doc.offsets = clean.text.ToOffsetMap();
  for (auto& r : clean.removed) {
    // What was cut, as it was in the input (for HTML the raw range holds
    // markup, so the text as cleaned is kept instead).
    if (doc.format != "html" && r.raw_end <= doc.raw.size() && r.raw_start <= r.raw_end) {
      r.text = doc.raw.substr(r.raw_start, r.raw_end - r.raw_start);
    }
    doc.removed.push_back(std::move(r));
  }
  doc.cited_sources = std::move(clean.cited);

  if (!doc.source.empty()) {
    doc.source_provenance = "metadata";
  } else if (!clean.credit_outlet.empty()) {
    doc.source = clean.credit_outlet;
    doc.source_provenance = "credit-line";
  } else if (std::string host = UrlHost(doc.url); !host.empty()) {
    doc.source = host;
    doc.source_provenance = "url";
  } else {
    doc.source_provenance = "unknown";
  }

  if (doc.title.empty() && (doc.format == "text" || doc.format == "markdown")) {
    doc.title = TitleFromFirstLine(doc.text);
  }
  if (doc.language.empty()) doc.language = DetectLanguage(doc.text);

  if (!doc.published.date.empty()) {
    if (doc.published.provenance == "unknown") doc.published.provenance = "metadata";
  } else if (!clean.dateline.empty()) {
    doc.published.date = clean.dateline;
    doc.published.provenance = "dateline";
  }
  if (doc.sightings.empty()) {
    doc.sightings.push_back({doc.source, doc.url, doc.published.date, doc.origin});
  }
  return doc;
}

}  // namespace sitrep::ingest

namespace sitrep {

StatusOr<Document> MakeDocument(std::string raw_text, Document metadata) {
  metadata.raw = std::move(raw_text);
  if (metadata.format.empty()) metadata.format = "text";
  ingest::CleanText body = ingest::CleanText::Identity(metadata.raw);
  return ingest::BuildDocument(std::move(metadata), body);
}

}  // namespace sitrep
