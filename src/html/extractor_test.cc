#include "html/extractor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace sitrep {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// A news page in the usual shape: navigation, a cookie banner, the article
// with share buttons and a related-links box inside, a sidebar, a footer.
const char kNewsPage[] = R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Flooding closes river crossings | The Valley Courier</title>
<meta property="og:title" content="Flooding closes river crossings after two days of rain">
<meta property="og:site_name" content="The Valley Courier">
<meta property="og:url" content="https://www.valleycourier.example/news/flooding-closes-crossings">
<meta property="article:published_time" content="2024-03-14T08:30:00Z">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Flooding closes river crossings","datePublished":"2024-03-14T08:30:00Z",
 "author":[{"@type":"Person","name":"Maria Lopez"},{"@type":"Person","name":"Tom Reed"}],
 "publisher":{"@type":"Organization","name":"Valley Courier Media"}}</script>
<style>.hidden{display:none}</style>
<script>var tracking = "<p>not text</p>";</script>
</head><body>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<header class="site-header"><a href="/">The Valley Courier</a></header>
<main><article class="story">
<h1>Flooding closes river crossings after two days of rain</h1>
<div class="byline">By Maria Lopez and Tom Reed</div>
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<div class="story-body">
<p>Three bridges over the Alder River were closed on Wednesday after two days of heavy rain
pushed the water to its highest level since 2011, county officials said.</p>
<p>Emergency crews evacuated about 40 homes near the east bank, and the regional water
authority warned that levels could rise by another half metre overnight.</p>
<aside class="related-stories"><h3>Related</h3><ul>
<li><a href="/a">Storm warnings issued for the coast</a></li>
<li><a href="/b">How the 2011 flood changed the valley</a></li></ul></aside>
<p>&ldquo;We are asking people to stay away from the river banks,&rdquo; said the county&rsquo;s
emergency manager, Ana Silva. &ldquo;The current is much stronger than it looks.&rdquo;</p>
<p style="display:none">This paragraph is hidden and must not be extracted at all.</p>
<p>Schools in Millbrook &amp; Easton will stay closed on Thursday, the education department said
in a statement, and rail services between the two towns have been suspended.</p>
</div>
<div class="newsletter-signup"><p>Get the morning briefing in your inbox every day, free.</p></div>
</article></main>
<div class="sidebar"><h2>Most read</h2><ol><li><a href="/x">Council approves new budget for parks</a></li>
<li><a href="/y">Local team wins regional final</a></li></ol></div>
<footer class="site-footer"><p>Copyright 2024 The Valley Courier. All rights reserved.</p></footer>
</body></html>)";

TEST(ExtractorTest, KeepsArticleParagraphsAndDropsBoilerplate) {
  ExtractedArticle a = ExtractArticle(kNewsPage);
  EXPECT_THAT(a.text, HasSubstr("Three bridges over the Alder River were closed on Wednesday"));
  EXPECT_THAT(a.text, HasSubstr("rail services between the two towns have been suspended."));
  EXPECT_THAT(a.text, Not(HasSubstr("cookies")));
  EXPECT_THAT(a.text, Not(HasSubstr("Share on Facebook")));
  EXPECT_THAT(a.text, Not(HasSubstr("Storm warnings")));
  EXPECT_THAT(a.text, Not(HasSubstr("morning briefing")));
  EXPECT_THAT(a.text, Not(HasSubstr("Council approves")));
  EXPECT_THAT(a.text, Not(HasSubstr("Copyright")));
  EXPECT_THAT(a.text, Not(HasSubstr("not text")));
  EXPECT_THAT(a.text, Not(HasSubstr("hidden")));
  EXPECT_TRUE(a.empty_reason.empty());
  // Paragraph structure: one paragraph per <p>, separated by a blank line.
  EXPECT_EQ(a.paragraphs.size(), 4u);
  EXPECT_THAT(a.text, HasSubstr("since 2011, county officials said.\n\nEmergency crews"));
}

TEST(ExtractorTest, DecodesEntitiesAndCollapsesWhitespace) {
  ExtractedArticle a = ExtractArticle(kNewsPage);
  EXPECT_THAT(a.text, HasSubstr("“We are asking people to stay away from the river banks,” said "
                                "the county’s emergency manager"));
  EXPECT_THAT(a.text, HasSubstr("Schools in Millbrook & Easton"));
  EXPECT_THAT(a.text, Not(HasSubstr("\n\n\n")));
  EXPECT_THAT(a.text, Not(HasSubstr("  ")));
}

TEST(ExtractorTest, ReadsMetadata) {
  ExtractedArticle a = ExtractArticle(kNewsPage);
  EXPECT_EQ(a.title, "Flooding closes river crossings after two days of rain");
  EXPECT_EQ(a.site_name, "The Valley Courier");
  EXPECT_EQ(a.published, "2024-03-14T08:30:00Z");
  EXPECT_EQ(a.byline, "Maria Lopez, Tom Reed");
  EXPECT_EQ(a.url, "https://www.valleycourier.example/news/flooding-closes-crossings");
  EXPECT_EQ(a.language, "en");
}

TEST(ExtractorTest, OffsetsPointBackIntoTheRawPage) {
  std::string page = kNewsPage;
  ExtractedArticle a = ExtractArticle(page);
  ASSERT_FALSE(a.paragraphs.empty());
  for (const Span& p : a.paragraphs) {
    uint32_t start = p.start;
    if (a.text.compare(start, 3, "“") == 0) start += 3;  // written &ldquo; in the page
    std::string first_word = a.text.substr(start, a.text.find(' ', start) - start);
    uint64_t raw = a.offsets.ToRaw(start);
    ASSERT_LT(raw, page.size());
    EXPECT_EQ(page.compare(raw, first_word.size(), first_word), 0) << first_word;
  }
  // After an entity the mapping resumes on the right byte.
  size_t said = a.text.find("said the county");
  ASSERT_NE(said, std::string::npos);
  EXPECT_EQ(page.compare(a.offsets.ToRaw(static_cast<uint32_t>(said)), 4, "said"), 0);
  size_t easton = a.text.find("Easton");
  EXPECT_EQ(page.compare(a.offsets.ToRaw(static_cast<uint32_t>(easton)), 6, "Easton"), 0);
}

TEST(ExtractorTest, MetadataFallsBackToTitleTagTimeElementAndUrlHost) {
  const char page[] = R"(<html><head><title>Port strike enters second week</title>
<link rel="canonical" href="https://news.harborpost.example/2024/05/port-strike"></head>
<body><div class="post"><time datetime="2024-05-02">May 2</time>
<p>Dock workers at the city's container port extended their strike into a second week on Monday,
with union leaders rejecting a revised pay offer from the port authority.</p>
<p>About 120 ships are waiting offshore, according to the harbour master's office, which said
the backlog would take at least a month to clear once work resumes.</p></div></body></html>)";
  ExtractedArticle a = ExtractArticle(page);
  EXPECT_EQ(a.title, "Port strike enters second week");
  EXPECT_EQ(a.published, "2024-05-02");
  EXPECT_EQ(a.site_name, "news.harborpost.example");
  EXPECT_THAT(a.text, HasSubstr("Dock workers at the city's container port"));
}

TEST(ExtractorTest, BadJsonLdIsIgnored) {
  const char page[] = R"(<html><head><script type="application/ld+json">{"@type": "NewsArticle",
"datePublished": "2024-01-0</script></head><body><p>The ministry confirmed on Friday that the
new tariffs would apply from the first of the month, after weeks of negotiations.</p></body></html>)";
  ExtractedArticle a = ExtractArticle(page);
  EXPECT_EQ(a.published, "");
  EXPECT_THAT(a.text, HasSubstr("The ministry confirmed on Friday"));
}

TEST(ExtractorTest, JoinsAnArticleSplitOverSeveralContainers) {
  std::string page = R"(<html><body><div id="page">
<div class="article-section">
<p>The central bank raised its main interest rate by a quarter point on Tuesday, the third increase
this year, citing persistent inflation in services and housing costs.</p>
<p>Governor Elena Park said the board had considered a larger move but decided the economy needed
time to absorb the earlier increases, which are still feeding through to mortgages.</p></div>
<div class="ad-slot"><a href="/ad">Advertisement</a></div>
<div class="article-section">
<p>Markets had expected the decision. The currency rose slightly against the dollar after the
announcement, while bond yields were little changed by the afternoon.</p>
<p>Economists at two of the largest lenders said they now expect rates to stay at the new level
until at least the spring, unless wage growth picks up again.</p></div>
<div class="comments"><p>Reader comment: rates are far too high already, this will hurt families a lot.</p></div>
</div></body></html>)";
  ExtractedArticle a = ExtractArticle(page);
  EXPECT_THAT(a.text, HasSubstr("The central bank raised its main interest rate"));
  EXPECT_THAT(a.text, HasSubstr("Economists at two of the largest lenders"));
  EXPECT_THAT(a.text, Not(HasSubstr("Advertisement")));
  EXPECT_THAT(a.text, Not(HasSubstr("Reader comment")));
}

TEST(ExtractorTest, PageWithLittleMarkup) {
  const char page[] =
      "<html><body>Officials in the northern province reported 14 new cases of the virus on "
      "Sunday, bringing the total this month to 210.<br><br>Hospitals said they had enough beds "
      "for now, but asked residents to avoid unnecessary travel until the end of the week.";
  ExtractedArticle a = ExtractArticle(page);
  EXPECT_THAT(a.text, HasSubstr("Officials in the northern province reported 14 new cases"));
  EXPECT_THAT(a.text, HasSubstr("asked residents to avoid unnecessary travel"));
  EXPECT_EQ(a.paragraphs.size(), 2u);
}

TEST(ExtractorTest, AmpPage) {
  const char page[] = R"(<!doctype html><html amp lang="en"><head><meta charset="utf-8">
<title>Wildfire forces evacuations</title><style amp-custom>p{margin:0}</style>
<script async src="https://cdn.ampproject.org/v0.js"></script></head><body>
<amp-sidebar id="menu" layout="nodisplay"><ul><li><a href="/">Home</a></li></ul></amp-sidebar>
<article><h1>Wildfire forces evacuations</h1>
<amp-img src="fire.jpg" width="800" height="450" layout="responsive"></amp-img>
<p>A fast-moving wildfire forced the evacuation of about 3,000 residents from hillside
neighbourhoods on Saturday, fire officials said, as strong winds pushed the flames downhill.</p>
<amp-ad width="300" height="250" type="doubleclick"></amp-ad>
<p>More than 400 firefighters were working to contain the blaze, which had burned roughly
2,500 hectares by the evening, and two highways were closed in both directions.</p>
</article></body></html>)";
  ExtractedArticle a = ExtractArticle(page);
  EXPECT_THAT(a.text, HasSubstr("A fast-moving wildfire forced the evacuation"));
  EXPECT_THAT(a.text, HasSubstr("More than 400 firefighters"));
  EXPECT_EQ(a.title, "Wildfire forces evacuations");
}

TEST(ExtractorTest, HiddenElementsAreDropped) {
  const char page[] = R"(<html><body><div class="content">
<p>The city council voted nine to two on Monday evening to approve the new transport plan, which
adds four bus routes and a protected cycle lane along the river road.</p>
<div hidden><p>Hidden by attribute: this text should never reach the article output.</p></div>
<div aria-hidden="true"><p>Hidden from assistive technology and from readers of this page.</p></div>
<p style="visibility: hidden">Invisible by style: not part of what readers see on the page.</p>
<p>Construction is expected to start in the autumn and to take about eighteen months, the
council's planning office said.</p></div></body></html>)";
  ExtractedArticle a = ExtractArticle(page);
  EXPECT_THAT(a.text, HasSubstr("The city council voted nine to two"));
  EXPECT_THAT(a.text, HasSubstr("Construction is expected to start"));
  EXPECT_THAT(a.text, Not(HasSubstr("Hidden")));
  EXPECT_THAT(a.text, Not(HasSubstr("Invisible")));
}

TEST(ExtractorTest, PageWithNoArticleGivesAReason) {
  const char page[] = R"(<html><body><nav><a href="/a">Home</a> <a href="/b">World</a></nav>
<ul class="menu"><li><a href="/c">Business</a></li><li><a href="/d">Sport</a></li></ul>
<div><a href="/e">Sign in</a></div></body></html>)";
  ExtractedArticle a = ExtractArticle(page);
  EXPECT_EQ(a.text, "");
  EXPECT_THAT(a.empty_reason, HasSubstr("no article"));
}

TEST(ExtractorTest, EmptyAndBinaryInput) {
  EXPECT_EQ(ExtractArticle("").empty_reason, "empty input");
  std::string junk;
  for (int i = 0; i < 5000; ++i) junk += static_cast<char>((i * 7919) % 256);
  ExtractedArticle a = ExtractArticle(junk);  // must not crash
  EXPECT_TRUE(a.text.empty() || !a.text.empty());
  EXPECT_FALSE(a.warnings.empty());  // the bytes are not UTF-8: a charset was guessed
}

TEST(ExtractorTest, TruncatedHtml) {
  std::string page = kNewsPage;
  // Cut in the middle of the third paragraph, then in the middle of a tag.
  size_t cut = page.find("emergency manager");
  ExtractedArticle a = ExtractArticle(page.substr(0, cut));
  EXPECT_THAT(a.text, HasSubstr("Three bridges over the Alder River"));
  size_t tag = page.find("<p>Emergency crews") + 2;
  ExtractedArticle b = ExtractArticle(page.substr(0, tag));
  EXPECT_THAT(b.text, HasSubstr("Three bridges over the Alder River"));
  ExtractedArticle c = ExtractArticle("<html><head><title>Unclosed");
  EXPECT_EQ(c.text, "");
  EXPECT_FALSE(c.empty_reason.empty());
}

TEST(ExtractorTest, DeepNestingIsFlattened) {
  std::string page = "<html><body>";
  for (int i = 0; i < 100000; ++i) page += "<div>";
  page +=
      "<p>Rescue teams reached the village on Thursday after the landslide cut the only road, "
      "and began moving families to a school in the valley.</p>";
  ExtractedArticle a = ExtractArticle(page);
  EXPECT_THAT(a.text, HasSubstr("Rescue teams reached the village"));
  ASSERT_FALSE(a.warnings.empty());
  EXPECT_THAT(a.warnings.back(), HasSubstr("flattened"));
}

TEST(ExtractorTest, DeepInlineAndReopenedFormattingIsBounded) {
  // Unclosed formatting elements are reopened by the HTML5 tree builder after
  // each block closes: without a bound this nests as deep as the input is long.
  std::string page = "<html><body>";
  for (int i = 0; i < 50000; ++i) page += "<div><b id=x" + std::to_string(i) + "></div>";
  for (int i = 0; i < 50000; ++i) page += "<span><i>";
  page += "The ferry service resumed on Monday after a week of storms kept boats in the harbour.";
  ExtractedArticle a = ExtractArticle(page);
  EXPECT_THAT(a.text, HasSubstr("The ferry service resumed on Monday"));
}

TEST(ExtractorTest, FiftyMegabytePage) {
  std::string para =
      "<p>The harvest in the southern districts was the largest in a decade, farmers' unions "
      "said on Tuesday, although prices have fallen by almost a fifth since the spring.</p>\n";
  std::string page = "<html><head><title>Harvest</title></head><body><div class=\"article\">";
  while (page.size() < (50u << 20)) page += para;
  page += "</div></body></html>";
  ExtractedArticle a = ExtractArticle(page);
  EXPECT_THAT(a.text, HasSubstr("The harvest in the southern districts"));
  EXPECT_EQ(a.title, "Harvest");
  // Markup beyond the parse limit is cut, and the article says so.
  bool cut = false;
  for (const auto& w : a.warnings) cut = cut || w.find("for parsing") != std::string::npos;
  EXPECT_TRUE(cut);
}

}  // namespace
}  // namespace sitrep
