// Test helper: builds annotated Documents by hand, finding spans by text, so
// report tests do not depend on the annotators.
#ifndef SITREP_REPORT_TEST_DOCS_H_
#define SITREP_REPORT_TEST_DOCS_H_

#include <string>
#include <string_view>

#include "sitrep/document.h"

namespace sitrep::report::testing {

class DocBuilder {
 public:
  DocBuilder(std::string id, std::string source, std::string date, std::string text) {
    doc_.id = std::move(id);
    doc_.source = std::move(source);
    doc_.title = "Title of " + doc_.id;
    doc_.published.date = std::move(date);
    doc_.published.provenance = doc_.published.date.empty() ? "unknown" : "metadata";
    doc_.text = std::move(text);
    // Sentences: split after ". " (good enough for hand-written tests).
    uint32_t start = 0;
    const std::string& t = doc_.text;
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '.' && (i + 1 == t.size() || t[i + 1] == ' ' || t[i + 1] == '\n')) {
        doc_.sentences.push_back({start, static_cast<uint32_t>(i + 1)});
        start = static_cast<uint32_t>(i + 1);
        while (start < t.size() && (t[start] == ' ' || t[start] == '\n')) ++start;
      }
    }
    if (start < t.size()) doc_.sentences.push_back({start, static_cast<uint32_t>(t.size())});
  }

  // Span of the n-th occurrence of s (0-based); both ends 0 when missing.
  Span Find(std::string_view s, int nth = 0) const {
    size_t p = doc_.text.find(s);
    while (nth-- > 0 && p != std::string::npos) p = doc_.text.find(s, p + 1);
    if (p == std::string::npos) return {0, 0};
    return {static_cast<uint32_t>(p), static_cast<uint32_t>(p + s.size())};
  }

  std::string Timex(std::string_view text, std::string value, std::string mod = "",
                    std::string anchor = "dct") {
    sitrep::Timex t;
    t.id = "t" + std::to_string(doc_.timexes.size() + 1);
    Span sp = Find(text);
    t.start = sp.start;
    t.end = sp.end;
    t.text = std::string(text);
    t.type = "DATE";
    t.value = std::move(value);
    t.mod = std::move(mod);
    t.anchor = std::move(anchor);
    doc_.timexes.push_back(t);
    return t.id;
  }

  std::string Entity(std::string_view text, std::string type, std::string actor) {
    EntityMention e;
    e.id = "e" + std::to_string(doc_.entities.size() + 1);
    Span sp = Find(text);
    e.start = sp.start;
    e.end = sp.end;
    e.text = std::string(text);
    e.type = std::move(type);
    e.actor = std::move(actor);
    doc_.entities.push_back(e);
    return e.id;
  }

  std::string Attribution(std::string_view cue, std::string source_text, std::string via = "") {
    sitrep::Attribution a;
    a.id = "a" + std::to_string(doc_.attributions.size() + 1);
    Span sp = Find(cue);
    a.start = sp.start;
    a.end = sp.end;
    a.cue = std::string(cue);
    a.source_text = std::move(source_text);
    a.via = std::move(via);
    doc_.attributions.push_back(a);
    return a.id;
  }

  std::string Event(std::string_view trigger, std::string type, std::string time,
                    std::string actor = "", std::string target = "", std::string location = "",
                    std::string modality = "asserted", std::string attribution = "") {
    EventMention ev;
    ev.id = "v" + std::to_string(doc_.events.size() + 1);
    ev.trigger = Find(trigger);
    ev.start = ev.trigger.start;
    ev.end = ev.trigger.end;
    ev.type = std::move(type);
    ev.time = std::move(time);
    ev.time_source = ev.time.empty() ? "reported" : "timex";
    ev.actor = std::move(actor);
    ev.target = std::move(target);
    ev.location = std::move(location);
    ev.modality = std::move(modality);
    ev.attribution = std::move(attribution);
    doc_.events.push_back(ev);
    return ev.id;
  }

  std::string Claim(std::string_view quantity_text, std::string subject, std::string measure,
                    std::optional<double> min, std::optional<double> max,
                    std::string modality = "asserted", std::string attribution = "",
                    std::string bound = "", bool approx = false, bool increment = false) {
    Span sp = Find(quantity_text);
    Quantity q;
    q.id = "q" + std::to_string(doc_.quantities.size() + 1);
    q.start = sp.start;
    q.end = sp.end;
    q.text = std::string(quantity_text);
    q.min = min;
    q.max = max;
    q.bound = bound;
    q.approx = approx;
    q.increment = increment;
    doc_.quantities.push_back(q);
    sitrep::Claim c;
    c.id = "c" + std::to_string(doc_.claims.size() + 1);
    c.start = sp.start;
    c.end = sp.end;
    c.subject = std::move(subject);
    c.measure = std::move(measure);
    c.value.min = min;
    c.value.max = max;
    c.value.approx = approx;
    c.modality = std::move(modality);
    c.attribution = std::move(attribution);
    doc_.claims.push_back(c);
    return c.id;
  }

  DocBuilder& DuplicateOf(std::string id) {
    doc_.duplicate_of = std::move(id);
    return *this;
  }
  DocBuilder& Url(std::string url) {
    doc_.url = std::move(url);
    return *this;
  }

  Document& doc() { return doc_; }
  Document Build() const { return doc_; }

 private:
  Document doc_;
};

}  // namespace sitrep::report::testing

#endif  // SITREP_REPORT_TEST_DOCS_H_
