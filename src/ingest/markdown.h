// Markdown to plain text for .md inputs: heading marks, block quotes, list
// bullets, emphasis marks, code ticks and rules go; links and images keep
// their text. The syntax is form, not content, so nothing is recorded as a
// Removal.
#ifndef SITREP_INGEST_MARKDOWN_H_
#define SITREP_INGEST_MARKDOWN_H_

#include "ingest/clean_text.h"

namespace sitrep::ingest {

CleanText StripMarkdown(const CleanText& in);

}  // namespace sitrep::ingest

#endif  // SITREP_INGEST_MARKDOWN_H_
