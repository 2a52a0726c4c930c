// The data-package part of the gazetteer (docs/gazetteer.md): countries
// from iso-codes and CLDR, WordNet instance nouns and demonyms, first-level
// subdivisions from iso-codes with CLDR English names and derived short forms,
// and GeoNames cities when scripts/setup.sh could fetch them.
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>

#include "ner/entity_fold.h"
#include "ner/entity_words.h"
#include "ner/gazetteer.h"
#include "ner/gazetteer_geonames.h"
#include "ner/gazetteer_wordnet.h"
#include "sitrep/data_path.h"

namespace sitrep {
namespace {

StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// Decodes the few XML entities CLDR uses in names.
std::string XmlUnescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      size_t semi = s.find(';', i);
      if (semi != std::string_view::npos) {
        std::string_view ent = s.substr(i + 1, semi - i - 1);
        const char* rep = ent == "amp"    ? "&"
                          : ent == "apos" ? "'"
                          : ent == "quot" ? "\""
                          : ent == "lt"   ? "<"
                          : ent == "gt"   ? ">"
                                          : nullptr;
        if (rep != nullptr) {
          out += rep;
          i = semi;
          continue;
        }
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

// Elements <tag type="X" [alt="Y"]>Name</tag> of a CLDR file, as
// (type, alt, name). Comments are skipped.
struct CldrName {
  std::string type, alt, name;
};
std::vector<CldrName> ReadCldrNames(std::string_view xml, std::string_view tag) {
  std::vector<CldrName> out;
  std::string open = "<" + std::string(tag) + " ";
  std::string close = "</" + std::string(tag) + ">";
  size_t pos = 0;
  while ((pos = xml.find(open, pos)) != std::string_view::npos) {
    size_t gt = xml.find('>', pos);
    if (gt == std::string_view::npos) break;
    std::string_view attrs = xml.substr(pos, gt - pos);
    size_t end = xml.find(close, gt);
    if (end == std::string_view::npos) break;
    auto attr = [&](std::string_view name) -> std::string {
      std::string key = " " + std::string(name) + "=\"";
      size_t a = attrs.find(key);
      if (a == std::string_view::npos) return "";
      a += key.size();
      size_t b = attrs.find('"', a);
      return b == std::string_view::npos ? "" : std::string(attrs.substr(a, b - a));
    };
    out.push_back({attr("type"), attr("alt"), XmlUnescape(xml.substr(gt + 1, end - gt - 1))});
    pos = end;
  }
  return out;
}

// "Myanmar (Burma)" -> "Myanmar" and "Burma".
void SplitParenthetical(const std::string& name, std::vector<std::string>* out) {
  size_t open = name.find(" (");
  size_t close = name.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close < open) {
    out->push_back(name);
    return;
  }
  out->push_back(name.substr(0, open));
  out->push_back(name.substr(open + 2, close - open - 2));
}

struct Countries {
  std::unordered_map<std::string, uint32_t> by_code;  // "RU" -> actor index
};

Status AddCountries(const GazetteerOptions& options, Gazetteer* gaz, Countries* countries) {
  StatusOr<std::string> iso = ReadFile(options.iso_codes_dir + "/iso_3166-1.json");
  if (!iso.ok()) return iso.status();
  nlohmann::json j = nlohmann::json::parse(*iso, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.contains("3166-1") || !j["3166-1"].is_array()) {
    return Status::Corruption(options.iso_codes_dir + "/iso_3166-1.json: unexpected layout");
  }
  // English short names from CLDR (the id is the slug of the main one).
  std::unordered_map<std::string, std::vector<CldrName>> cldr;
  StatusOr<std::string> en = ReadFile(options.cldr_dir + "/main/en.xml");
  if (en.ok()) {
    for (auto& n : ReadCldrNames(*en, "territory")) cldr[n.type].push_back(std::move(n));
  } else {
    gaz->AddWarning(en.status().message() + " (CLDR territory names skipped)");
  }
  for (const auto& c : j["3166-1"]) {
    std::string code = c.value("alpha_2", "");
    std::string iso_name = c.value("name", "");
    if (code.size() != 2 || iso_name.empty()) continue;
    std::vector<std::string> names;
    auto it = cldr.find(code);
    if (it != cldr.end()) {
      for (const auto& n : it->second) {
        if (n.alt.empty()) SplitParenthetical(n.name, &names);
      }
      for (const auto& n : it->second) {
        if (!n.alt.empty()) SplitParenthetical(n.name, &names);
      }
    }
    for (const char* field : {"common_name", "name", "official_name"}) {
      std::string n = c.value(field, "");
      // "Korea, Democratic People's Republic of" is an index form, not a name.
      if (!n.empty() && n.find(',') == std::string::npos) names.push_back(n);
    }
    if (names.empty()) names.push_back(iso_name);
    Actor a;
    a.id = Slugify(names[0]) + "@" + code;
    a.name = names[0];
    a.country = code;
    a.type = ActorType::kGpe;
    uint32_t index = gaz->AddActor(a);
    countries->by_code[code] = index;
    gaz->SetCountryActor(code, index);
    for (const auto& n : names) {
      // "US" and "UK" (CLDR short forms) are listed in the curated table,
      // where their acronym status is explicit.
      gaz->AddName(n, index, kPriorityCountry);
    }
  }
  return Status::OK();
}

// "Kurskaja oblast'" -> "Kursk"; "Donetska oblast" -> "Donetsk" and "Donet"
// (the second never occurs in text). Returns the candidate short forms.
std::vector<std::string> ShortForms(const std::string& name,
                                    const std::vector<std::string>& type_words) {
  // Drop generic words ("oblast", "province") wherever they are.
  std::vector<std::string> words;
  std::string word;
  std::istringstream in(name);
  bool dropped = false;
  while (in >> word) {
    std::string folded = Fold(word);
    bool generic = false;
    for (const auto& t : type_words) generic = generic || folded == t;
    if (generic) {
      dropped = true;
    } else {
      words.push_back(word);
    }
  }
  std::vector<std::string> out;
  if (!dropped || words.empty()) return out;
  std::string base;
  for (const auto& w : words) {
    if (!base.empty()) base.push_back(' ');
    base.append(w);
  }
  while (!base.empty() && (base.back() == '\'' || base.back() == ',')) base.pop_back();
  out.push_back(base);
  // Slavic adjectival forms: Kurskaja -> Kursk, Belgorodskaja -> Belgorod,
  // Donetska -> Donetsk, Kharkivska -> Kharkiv.
  for (std::string_view suffix : {"skaja", "skaya", "ska"}) {
    if (base.size() > suffix.size() + 2 &&
        base.compare(base.size() - suffix.size(), suffix.size(), suffix) == 0) {
      size_t vowel_tail = suffix.size() == 3 ? 1 : 3;  // the adjective ending
      out.push_back(base.substr(0, base.size() - vowel_tail));
      out.push_back(base.substr(0, base.size() - suffix.size()));
      break;
    }
  }
  return out;
}

Status AddSubdivisions(const GazetteerOptions& options, const EntityWords& words,
                       const Countries& countries, Gazetteer* gaz) {
  StatusOr<std::string> iso = ReadFile(options.iso_codes_dir + "/iso_3166-2.json");
  if (!iso.ok()) return iso.status();
  nlohmann::json j = nlohmann::json::parse(*iso, nullptr, false);
  if (j.is_discarded() || !j.contains("3166-2") || !j["3166-2"].is_array()) {
    return Status::Corruption(options.iso_codes_dir + "/iso_3166-2.json: unexpected layout");
  }
  std::unordered_map<std::string, std::string> cldr;  // "ua14" -> "Donechchyna"
  StatusOr<std::string> en = ReadFile(options.cldr_dir + "/subdivisions/en.xml");
  if (en.ok()) {
    for (auto& n : ReadCldrNames(*en, "subdivision")) cldr[n.type] = n.name;
  } else {
    gaz->AddWarning(en.status().message() + " (CLDR subdivision names skipped)");
  }
  for (const auto& s : j["3166-2"]) {
    if (s.contains("parent")) continue;  // first level only
    std::string code = s.value("code", "");
    std::string name = s.value("name", "");
    if (code.size() < 4 || code[2] != '-' || name.empty()) continue;
    std::string cc = code.substr(0, 2);
    if (countries.by_code.count(cc) == 0) continue;
    // Regions named by a direction ("West", "Central") are not worth the
    // false matches: an English adjective or adverb is not a place name.
    if (gaz->IsAdjective(Fold(name))) continue;
    Actor a;
    a.id = Slugify(name) + "@" + cc;
    a.name = name;
    a.country = cc;
    a.type = ActorType::kGpe;
    uint32_t index = gaz->AddActor(a);
    gaz->AddName(name, index, kPrioritySubdivision);
    std::vector<std::string> shorts = ShortForms(name, words.subdivision_types);
    // Prefer a short form some other source confirms; else keep them all.
    std::vector<std::string> confirmed;
    for (const auto& sf : shorts) {
      if (gaz->Find(Fold(sf)) != nullptr) confirmed.push_back(sf);
    }
    for (const auto& sf : confirmed.empty() ? shorts : confirmed) {
      std::string key = Fold(sf);
      if (key.size() >= 4 && !gaz->IsAdjective(key)) {
        gaz->AddName(sf, index, kPrioritySubdivisionShort);
      }
    }
    std::string cldr_key = Fold(code);  // "UA-14" -> "ua14"
    auto it = cldr.find(cldr_key);
    if (it != cldr.end() && !gaz->IsAdjective(Fold(it->second))) {
      gaz->AddName(it->second, index, kPrioritySubdivisionShort);
    }
  }
  return Status::OK();
}

}  // namespace

Status AddDebianSources(const GazetteerOptions& options, Gazetteer* gaz) {
  std::string words_path =
      options.words_path.empty() ? DataPath("lexicons/entity-words.tsv") : options.words_path;
  StatusOr<EntityWords> words = EntityWords::Load(words_path);
  if (!words.ok()) return words.status();

  Countries countries;
  Status s = AddCountries(options, gaz, &countries);
  if (!s.ok()) {
    gaz->AddWarning(s.message() + " (countries skipped)");
    return Status::OK();  // without countries nothing else can be placed
  }
  std::unordered_map<std::string, uint32_t> by_code = countries.by_code;
  s = AddWordNet(options.wordnet_dir, *words, by_code, gaz);
  if (!s.ok()) gaz->AddWarning(s.message() + " (WordNet skipped)");
  s = AddSubdivisions(options, *words, countries, gaz);
  if (!s.ok()) gaz->AddWarning(s.message() + " (subdivisions skipped)");
  s = AddGeoNamesCities(DefaultGeoNamesPath(), kGeoNamesMinPopulation, gaz);
  if (!s.ok()) gaz->AddWarning(s.message() + " (GeoNames cities skipped)");
  return Status::OK();
}

}  // namespace sitrep
