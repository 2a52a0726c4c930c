#include "report/report_job.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "report/lexicons.h"
#include "report/time_value.h"

namespace sitrep::report {

Status CheckDate(const std::string& text, const char* option) {
  if (text.empty() || (text.size() == 10 && ParseIsoDay(text))) return Status::OK();
  return Status::InvalidArgument(std::string(option) + ": expected a date YYYY-MM-DD, got '" +
                                 text + "'");
}

StatusOr<ReportJob> MakeReportJob(const CommonOptions& o) {
  SITREP_RETURN_IF_ERROR(CheckDate(o.as_of, "--as-of"));
  SITREP_RETURN_IF_ERROR(CheckDate(o.dct, "--dct"));
  ReportJob job;
  job.load.paths = o.paths;
  job.load.db = o.db;
  if (job.load.db.empty() && job.load.paths.empty()) {
    const char* env = std::getenv("SITREP_DB");
    job.load.db = env && *env ? env : "sitrep.db";
  }
  job.load.topic = o.topic;
  job.load.quiet = o.quiet;
  job.load.ingest.dct = o.dct;
  for (const auto& f : o.fields) {
    size_t eq = f.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == f.size()) {
      return Status::InvalidArgument("--field expects NAME=KEY, got '" + f + "'");
    }
    job.load.ingest.field_map[f.substr(0, eq)] = f.substr(eq + 1);
  }
  job.consolidate.as_of = o.as_of;
  job.consolidate.topic = o.topic;
  job.consolidate.exclude_uncertain = o.exclude_undated;
  return job;
}

StatusOr<ReportResult> RunReportJob(const ReportJob& job) {
  SITREP_RETURN_IF_ERROR(CheckDate(job.consolidate.as_of, "--as-of"));
  auto lex = ReportLexicons::LoadDefault();
  if (!lex.ok()) return lex.status();
  ReportResult result;
  Consolidator consolidator(**lex, job.consolidate);
  using Clock = std::chrono::steady_clock;
  auto t0 = Clock::now();
  double add_seconds = 0;
  Status s = ForEachInputDocument(
      job.load,
      [&](const Document& doc) {
        auto a = Clock::now();
        consolidator.Add(doc);
        add_seconds += std::chrono::duration<double>(Clock::now() - a).count();
      },
      &result.load);
  if (!s.ok()) return s;
  auto t1 = Clock::now();
  result.brief = consolidator.Finish();
  if (job.want_claim_rows) result.claim_rows = consolidator.ClaimRows();
  auto t2 = Clock::now();
  result.load_seconds = std::chrono::duration<double>(t1 - t0).count() - add_seconds;
  result.consolidate_seconds = add_seconds + std::chrono::duration<double>(t2 - t1).count();
  return result;
}

Status WriteOutput(const std::string& path, const std::string& content) {
  if (path.empty() || path == "-") {
    if (std::fwrite(content.data(), 1, content.size(), stdout) != content.size()) {
      return Status::IOError("cannot write to stdout");
    }
    return Status::OK();
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::IOError(path + ": cannot open for writing");
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!out) return Status::IOError(path + ": write failed");
  return Status::OK();
}

}  // namespace sitrep::report
