// A small, realistic input set for the end-to-end tests: one fictional
// story told as a plain-text wire story with site furniture, an HTML page
// and a JSON Lines feed that re-crawls one of the stories.
#ifndef SITREP_TESTS_E2E_CORPUS_H_
#define SITREP_TESTS_E2E_CORPUS_H_

#include <string>

#include "cli_test_util.h"

namespace sitrep::testing {

inline const char kWireStory[] =
    "Ceasefire talks stall in Lorvan\n"
    "\n"
    "By Mara Tell, Lorvan Wire\n"
    "\n"
    "LORVAN, March 12 (Lorvan Wire) - Negotiators from Kessaly and Vareno ended a second "
    "round of ceasefire talks on Tuesday without agreement, two diplomats briefed on the "
    "meeting said.\n"
    "\n"
    "The diplomats said the sides disagreed over the withdrawal of artillery from the border "
    "districts. Vareno's foreign ministry said 1,200 troops had already been pulled back, a "
    "figure Kessaly officials called \"unverified\".\n"
    "\n"
    "Read more: Border crisis timeline\n"
    "\n"
    "A third round is planned for late March, according to a statement from the mediators.\n";

inline const char kHtmlPage[] =
    "<!DOCTYPE html><html><head><title>Grain ships leave Kessaly under escort</title>"
    "<meta property=\"og:site_name\" content=\"Harbour Times\">"
    "<meta property=\"article:published_time\" content=\"2031-03-14T08:00:00Z\"></head>"
    "<body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
    "<article><h1>Grain ships leave Kessaly under escort</h1>"
    "<p>Three grain ships left the port of Kessaly on Thursday under naval escort, the first "
    "departures since the blockade began, the port authority said.</p>"
    "<p>A spokesman for the shipping ministry told reporters that insurance costs had doubled "
    "and that 40 vessels were still waiting to load.</p></article>"
    "<footer>Subscribe to our newsletter</footer></body></html>";

inline const char kFeedRecord1[] =
    R"({"title": "Shelling resumes near Vareno border", "source": "Vareno Today", )"
    R"("url": "https://vareno-today.example/shelling", "published_at": "2031-03-15", )"
    R"("text": "Shelling resumed overnight near the border district of Ostra, regional officials )"
    R"(said on Saturday. At least 14 civilians were wounded, the regional governor said, and )"
    R"(two villages were evacuated.\n\nThe defence ministry in Kessaly denied that its forces )"
    R"(had fired first."})";
inline const char kFeedRecord2[] =
    R"({"title": "Mediators set date for third round", "source": "Lorvan Wire", )"
    R"("url": "https://lorvan-wire.example/third-round", "published_at": "2031-03-16", )"
    R"("text": "Mediators said on Sunday that the third round of ceasefire talks between Kessaly )"
    R"(and Vareno would open in Lorvan on March 28. Both delegations have confirmed they will )"
    R"(attend, a spokeswoman for the mediators said."})";
// The first story again, re-crawled two days later by an aggregator.
inline const char kFeedRecrawl[] =
    R"({"title": "Shelling resumes near Vareno border", "source": "News Aggregator", )"
    R"("url": "https://aggregator.example/item/991", "published_at": "2031-03-17", )"
    R"("text": "Shelling resumed overnight near the border district of Ostra, regional officials )"
    R"(said on Saturday. At least 14 civilians were wounded, the regional governor said, and )"
    R"(two villages were evacuated.\n\nThe defence ministry in Kessaly denied that its forces )"
    R"(had fired first."})";

// Writes the corpus under dir/corpus: 5 records, 4 distinct documents.
inline void WriteCorpus(const CliTest& t) {
  t.Write("corpus/lorvan-wire-0312.txt", kWireStory);
  t.Write("corpus/harbour-times.html", kHtmlPage);
  t.Write("corpus/feed.jsonl",
          std::string(kFeedRecord1) + "\n" + kFeedRecord2 + "\n" + kFeedRecrawl + "\n");
}

}  // namespace sitrep::testing

#endif  // SITREP_TESTS_E2E_CORPUS_H_
