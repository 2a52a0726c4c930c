#include "ingest/cleaner.h"

#include <fstream>
#include <mutex>

#include "ingest/normalize.h"
#include "ingest/number_repair.h"
#include "sitrep/data_path.h"

namespace sitrep::ingest {

std::unordered_set<std::string> LoadAbbreviations() {
  std::unordered_set<std::string> out;
  std::ifstream in(DataPath("lexicons/abbreviations.txt"));
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    out.insert(line);
  }
  return out;
}

StatusOr<std::unique_ptr<Cleaner>> Cleaner::Load() {
  std::unique_ptr<Cleaner> c(new Cleaner());
  auto boilerplate = BoilerplateRemover::Load(DataPath("lexicons/boilerplate.tsv"));
  if (!boilerplate.ok()) return boilerplate.status();
  c->boilerplate_ = std::move(*boilerplate);
  auto credit = CreditLineFinder::Load(DataPath("lexicons/credit-lines.tsv"));
  if (!credit.ok()) return credit.status();
  c->credit_ = std::move(*credit);
  auto dateline = DatelineFinder::Load(DataPath("lexicons/datelines.tsv"));
  if (!dateline.ok()) return dateline.status();
  c->dateline_ = std::move(*dateline);
  auto chips = SourceChipRemover::Load(DataPath("lexicons/source-chips.tsv"), LoadAbbreviations());
  if (!chips.ok()) return chips.status();
  c->chips_ = std::move(*chips);
  c->chips_->set_furniture(c->boilerplate_.get());
  return c;
}

const Cleaner* Cleaner::Default(Status* status) {
  static std::once_flag once;
  static std::unique_ptr<Cleaner> cleaner;
  static Status load_status;
  std::call_once(once, [] {
    auto c = Load();
    if (c.ok()) {
      cleaner = std::move(*c);
    } else {
      load_status = c.status();
    }
  });
  if (status) *status = load_status;
  return cleaner.get();
}

CleanOutput Cleaner::Clean(const CleanText& input) const {
  CleanOutput out;
  CleanText t = NormalizeCharacters(NormalizeNfc(input));
  CreditLine credit = credit_->Find(t.text());
  out.credit_outlet = credit.outlet;
  t = RemoveCreditLine(t, credit, &out.removed);
  out.dateline = dateline_->Find(t.text());
  t = NormalizeCharacters(boilerplate_->Remove(t, &out.removed));
  t = RepairNumbers(t, &out.removed);
  out.text = chips_->Remove(t, &out.removed, &out.cited);
  return out;
}

}  // namespace sitrep::ingest
