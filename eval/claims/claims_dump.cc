// Prints the claims sitrep finds in chosen articles of a JSON Lines corpus,
// one block per claim with its sentence, for judging by hand.
//   claims_dump ARTICLES.jsonl IDS.txt
// The document date is the article's gdelt_seendate (YYYYMMDD...).
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "pipeline/stages.h"

int main(int argc, char** argv) {
  using namespace sitrep;
  if (argc < 3) {
    std::cerr << "usage: claims_dump ARTICLES.jsonl IDS.txt\n";
    return 2;
  }
  std::set<std::string> ids;
  std::ifstream idf(argv[2]);
  for (std::string id; std::getline(idf, id);) {
    if (!id.empty()) ids.insert(id);
  }
  std::vector<std::unique_ptr<Annotator>> stages;
  for (auto* f : {&MakeSegmenter, &MakePosTagger, &MakeTimexTagger, &MakeEntityTagger,
                  &MakeQuantityTagger, &MakeAttributionTagger, &MakeEventTagger}) {
    AnnotatorOr a = (*f)();
    if (a.ok() && *a) {
      stages.push_back(std::move(*a));
    } else if (!a.ok()) {
      std::cerr << "stage not loaded: " << a.status().ToString() << "\n";
    }
  }
  std::ifstream in(argv[1]);
  for (std::string line; std::getline(in, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !ids.count(j.value("id", ""))) continue;
    Document doc;
    doc.text = j.value("text", "");
    std::string seen = j.value("gdelt_seendate", "");
    AnnotateOptions o;
    if (seen.size() >= 8)
      o.dct = seen.substr(0, 4) + "-" + seen.substr(4, 2) + "-" + seen.substr(6, 2);
    doc.published.date = o.dct;
    for (const auto& s : stages) (void)s->Annotate(&doc, o);
    std::cout << "=== " << j["id"].get<std::string>() << " dct " << o.dct << " claims "
              << doc.claims.size() << "\n";
    // SITREP_DUMP_QUANTITIES=1: also every quantity with the event it went to.
    if (std::getenv("SITREP_DUMP_QUANTITIES") != nullptr) {
      for (const Quantity& q : doc.quantities) {
        std::string ev;
        for (const auto& e : doc.events) {
          for (const auto& id : e.quantities) {
            if (id == q.id)
              ev = e.id + " " + e.type + " '" +
                   std::string(doc.SpanText(e.trigger.start, e.trigger.end)) + "'";
          }
        }
        std::cout << "  " << q.id << " '" << q.text << "' counted='" << q.counted
                  << "' unit=" << q.unit << " -> " << ev << "\n";
      }
    }
    if (std::getenv("SITREP_DUMP_EVENTS") != nullptr) {
      for (const auto& e : doc.events) {
        std::cout << "  " << e.id << " " << e.type << " '"
                  << doc.SpanText(e.trigger.start, e.trigger.end) << "' @" << e.trigger.start
                  << "\n";
      }
      for (const auto& t : doc.tokens)
        std::cout << doc.SpanText(t.start, t.end) << "/" << t.pos << " ";
      std::cout << "\n";
    }
    for (const Claim& c : doc.claims) {
      std::string src, time;
      // The chain: each link, then " <- " the source it relays.
      std::string at = c.attribution;
      for (int guard = 0; guard < 5 && !at.empty(); ++guard) {
        std::string next;
        for (const auto& a : doc.attributions) {
          if (a.id != at) continue;
          if (!src.empty()) src += " <- ";
          src += a.source_text + " [" + a.cue + "]";
          next = a.via;
        }
        at = next;
      }
      for (const auto& t : doc.timexes) {
        if (t.id == c.time) time = t.value;
      }
      std::cout << c.id << " subj=" << c.subject << " | " << c.measure << " | "
                << (c.value.min ? std::to_string(static_cast<long long>(*c.value.min)) : "-")
                << ".."
                << (c.value.max ? std::to_string(static_cast<long long>(*c.value.max)) : "-")
                << (c.value.approx ? " ~" : "") << " | time=" << time << " | src=" << src << " | "
                << c.modality << "\n    " << doc.SpanText(c.start, c.end) << "\n";
    }
  }
  return 0;
}
