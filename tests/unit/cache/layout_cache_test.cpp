#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include "cache/entry_codec.hpp"
#include "cache/entry_store.hpp"
#include "cache/layout_cache.hpp"
#include "core/sha256.hpp"
#include "layout/lay_out_book.hpp"
#include "layout/layout_stats.hpp"
#include "layout/layout_test_support.hpp"
#include "recording_progress.hpp"

using namespace octavo;

namespace {

// Articles of different lengths, some with characters the fonts lack or a word too long for the
// line (layout's warnings), one linking to another's heading.
std::vector<model::Article> articles() {
  std::vector<model::Article> out;
  for (int i = 0; i < 12; ++i) {
    const std::string id = "a" + std::to_string(i);
    std::string text;
    for (int word = 0; word < 40 + i * 23; ++word)
      text += (word == 0 ? "" : " ") + std::string(1 + (word * 7 + i) % 9, 'x');
    std::vector<model::Block> blocks = {test::paragraph(text, {id + ".md", 3, 1}), test::heading(1, "Part", "part")};
    if (i % 4 == 1) blocks.push_back(test::paragraph("A \U0001F600 here.", {id + ".md", 5, 3}));
    if (i % 5 == 2) blocks.push_back(test::paragraph(std::string(200, 'w'), {id + ".md", 7, 1}));
    if (i == 3) {
      model::Inline link = model::link_inline("#part", {model::text_inline("the part of a7")});
      link.target_article = "a7";
      blocks.push_back(model::paragraph_block({std::move(link)}));
    }
    out.push_back(test::article(id, "Title " + id, std::move(blocks)));
  }
  return out;
}

struct Build {
  std::string trace;         // every page's lines and anchors, the diagnostics, the progress
  std::size_t recalled = 0;  // articles taken from the store, as --stats counts them
  std::size_t set = 0;       // articles set anew, as --stats counts them
};

Build lay_out(const model::Book& book, cache::MemoryStore* store, std::size_t jobs = 1,
              const std::string& fingerprint = "fonts A") {
  const test::FakeMetrics metrics;
  core::DiagnosticList diagnostics;
  test::RecordingProgress progress;
  const model::ArticleDigests digests(book.articles);
  std::optional<cache::LayoutCache> cache;
  if (store != nullptr) cache.emplace(*store, fingerprint, digests);
  const layout::LaidOutBook laid = layout::lay_out_book(book, metrics, test::small_style(20), layout::Hyphenators(),
                                                        diagnostics, progress, jobs, cache ? &*cache : nullptr);
  Build out;
  out.set = laid.stats.articles_set;
  out.recalled = laid.stats.articles - laid.stats.articles_set;
  for (const layout::Page& page : laid.pages) {
    out.trace += "== [" + test::anchor_names(page) + "]\n" + test::joined(test::page_lines(page));
    for (const layout::LinkArea& link : page.links) out.trace += "link " + link.destination + link.uri + "\n";
  }
  out.trace += "diagnostics:\n" + diagnostics.to_string() + "progress:\n" + progress.log;
  if (store != nullptr) store->commit();
  return out;
}

// Contents' titles set by hand, with a warning and a missing character: title i has i + 1 lines,
// the second line of the second 12.5 pt high.
struct TitlesFixture {
  std::vector<layout::ContentsItem> items = {{"One", "a1", 0, layout::ContentsKind::article},
                                             {"Two", "a1-two", 1, layout::ContentsKind::section},
                                             {"", "a2", 0, layout::ContentsKind::article}};
  layout::PageStyle style = test::small_style(20);
  layout::Hyphenator patterns;
  test::FakeMetrics metrics;
  fonts::GlyphCoverage coverage{metrics};
  cache::MemoryStore store;
  std::vector<model::Article> no_articles;  // the titles are keyed without any article
  model::ArticleDigests digests{no_articles};
  int set_count = 0;  // titles set anew, not recalled

  layout::SetContentsTitles set_anew(std::size_t count) {
    ++set_count;
    layout::SetContentsTitles set{{}, {}, coverage.branch()};
    for (std::size_t i = 0; i < count; ++i) set.titles.emplace_back(i + 1);
    if (count > 1) set.titles[1][1].height = core::Pt(12.5);
    set.diagnostics.warning({"a1.md", 1, 4}, "a warning of a title");
    set.missing.note_missing(U'\u4E2D', {"a1.md", 1, 6});
    return set;
  }
  layout::SetContentsTitles recall_or_set(cache::LayoutCache& cache, const std::vector<layout::ContentsItem>& asked) {
    return cache.recall_or_set_contents_titles({asked, style, patterns}, coverage,
                                               [&] { return set_anew(asked.size()); });
  }
};

std::string hex(const core::StreamDigest& digest) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (const std::uint8_t byte : digest) {
    out += digits[byte >> 4];
    out += digits[byte & 15];
  }
  return out;
}

// A digest of a page's body (its runs, where they are), as the PDF writer's page_digest is.
core::StreamDigest body_digest(const layout::Page& page) {
  std::string body;
  for (const layout::TextRun& run : page.runs) {
    body += std::to_string(run.x.value) + " " + std::to_string(run.baseline.value) + " " + run.text + "\n";
  }
  return core::sha256(body);
}

// A page sink that prepares each body as the PDF writer does (a digest of its lines, the text it
// shows) and, when `keeps_bodies`, takes the pages of a recalled cut, as the PDF writer does when
// its memo holds their drawing. It records each body page.
class PreparingSink final : public layout::PageSink {
 public:
  explicit PreparingSink(bool keeps_bodies) : keeps_bodies_(keeps_bodies) {}
  void prepare_body(layout::Page& page) const override {
    page.body_digest = body_digest(page);
    page.body_text = layout::ShownText{{{fonts::FontFace::serif, static_cast<char32_t>(page.runs.size())}}, {}};
  }
  bool take_kept_bodies(std::vector<layout::Page>& pages) const override {
    if (!keeps_bodies_) return false;
    for (layout::Page& page : pages) page.kept_body = "drawn as " + hex(*page.body_digest);
    return true;
  }
  void body_page(layout::Page page) override {
    trace += "== " + std::to_string(page.width.value) + "x" + std::to_string(page.height.value) + " [" +
             test::anchor_names(page) + "] digest " + (page.body_digest ? hex(*page.body_digest) : "none") + " shows " +
             (page.body_text ? std::to_string(page.body_text->characters.at(0).code_point) : "?") + "\n";
    for (const layout::LinkArea& link : page.links) {
      trace += "link " + link.destination + link.uri + " at " + std::to_string(link.left.value) + "\n";
    }
    if (page.kept_body) {
      ++kept;
      CHECK(page.runs.empty());
      CHECK(*page.kept_body == "drawn as " + hex(*page.body_digest));
    } else {
      CHECK(body_digest(page) == page.body_digest);
    }
  }
  void front_matter(std::vector<layout::Page> pages) override {
    front = pages.size();
    for (const layout::Page& page : pages) {
      front_trace +=
          "== [" + test::anchor_names(page) + "] digest " + (page.body_digest ? hex(*page.body_digest) : "none") + "\n";
      for (const layout::LinkArea& link : page.links) {
        front_trace += "link " + link.destination + " at " + std::to_string(link.left.value) + "\n";
      }
      if (!page.kept_body) continue;
      ++front_kept;
      CHECK(page.runs.empty());
      CHECK(*page.kept_body == "drawn as " + hex(*page.body_digest));
    }
  }

  std::string trace;           // each body page as the sink sees it, whether drawn or kept
  std::size_t kept = 0;        // body pages whose drawing was kept
  std::size_t front = 0;       // front matter pages
  std::string front_trace;     // each front matter page as the sink sees it, whether drawn or kept
  std::size_t front_kept = 0;  // front matter pages whose drawing was kept

 private:
  bool keeps_bodies_;
};

struct PreparedBuild {
  std::string trace;  // the pages, the diagnostics and the figures
  std::string front;  // the front matter's pages
  std::size_t front_kept = 0;
  std::size_t kept = 0;
  std::size_t set = 0;
  std::size_t digested = 0;  // the articles' digests the keys were made from
};

PreparedBuild lay_out_prepared(const model::Book& book, cache::MemoryStore& store, bool keeps_bodies,
                               std::size_t jobs) {
  const test::FakeMetrics metrics;
  core::DiagnosticList diagnostics;
  test::RecordingProgress progress;
  const model::ArticleDigests digests(book.articles);
  cache::LayoutCache cache(store, "fonts A", digests);
  PreparingSink sink(keeps_bodies);
  const layout::BookEnd end = layout::lay_out_book(book, metrics, test::small_style(20), layout::Hyphenators(), sink,
                                                   diagnostics, progress, jobs, &cache);
  store.commit();
  PreparedBuild out;
  out.kept = sink.kept;
  out.front = sink.front_trace;
  out.front_kept = sink.front_kept;
  out.set = end.stats.articles_set;
  out.digested = digests.made();
  layout::LayoutStats figures = end.stats;
  figures.articles_set = 0;  // counted apart
  out.trace = sink.trace + "diagnostics:\n" + diagnostics.to_string() + "stats:\n" + layout::format_stats(figures) +
              "front " + std::to_string(sink.front);
  return out;
}

}  // namespace

TEST_SUITE("cache.layout_cache") {
  TEST_CASE("articles recalled as cut when the page sink kept their bodies, else cut again from their lines") {
    model::Book book = test::book_of(articles());
    cache::MemoryStore store;
    const PreparedBuild cold = lay_out_prepared(book, store, true, 2);
    CHECK(cold.set == 12);
    CHECK(cold.kept == 0);
    CHECK(cold.digested == 12);
    REQUIRE(cold.trace.find("warning: characters the PDF fonts cannot draw") != std::string::npos);
    // Warm: every article's pages come as cut, their bodies kept, with the same digests, anchors,
    // links, warnings and figures; the Sources appendix is cut from its entries' lines.
    const std::size_t writes = store.writes();
    std::size_t all_kept = 0;
    for (const std::size_t jobs : {1, 2, 3}) {
      const PreparedBuild warm = lay_out_prepared(book, store, true, jobs);
      CHECK(warm.trace == cold.trace);
      CHECK(warm.set == 0);
      CHECK(warm.kept >= 12);
      all_kept = warm.kept;
    }
    CHECK(store.writes() == writes);
    // A sink that no longer has the bodies: the lines are cut again, the same pages.
    const PreparedBuild recut = lay_out_prepared(book, store, false, 2);
    CHECK(recut.trace == cold.trace);
    CHECK(recut.kept == 0);
    CHECK(recut.set == 0);
    // One article edited: it alone is set and cut again, the others still come as cut.
    book.articles[5].blocks[0].inlines[0].text += " Then one more.";
    const PreparedBuild edited = lay_out_prepared(book, store, true, 2);
    CHECK(edited.set == 1);
    cache::MemoryStore fresh;
    CHECK(edited.trace == lay_out_prepared(book, fresh, true, 2).trace);
    CHECK(edited.kept > 0);
    CHECK(edited.kept < all_kept);
  }

  TEST_CASE("an article recalled as cut is read without its lines, which stay for a build that cuts again") {
    const model::Book book = test::book_of(articles());
    cache::MemoryStore store;
    const PreparedBuild cold = lay_out_prepared(book, store, true, 2);
    std::size_t before = store.bytes_read();
    const PreparedBuild warm = lay_out_prepared(book, store, true, 2);
    const std::size_t warm_bytes = store.bytes_read() - before;
    CHECK(warm.set == 0);
    CHECK(warm.trace == cold.trace);
    // Once more as cut, then for a sink that no longer has the bodies: the lines, kept unread by
    // the two builds before, are there to cut again.
    lay_out_prepared(book, store, true, 2);
    before = store.bytes_read();
    const PreparedBuild recut = lay_out_prepared(book, store, false, 2);
    const std::size_t recut_bytes = store.bytes_read() - before;
    CHECK(recut.set == 0);
    CHECK(recut.kept == 0);
    CHECK(recut.trace == cold.trace);
    MESSAGE("bytes read: " << warm_bytes << " as cut, " << recut_bytes << " cut again");
    CHECK(warm_bytes * 3 < recut_bytes);
  }

  TEST_CASE("a damaged cut is kept anew from the lines, so that the next build reads the cut alone again") {
    const model::Book book = test::book_of(articles());
    cache::MemoryStore store;
    const PreparedBuild cold = lay_out_prepared(book, store, true, 2);
    const test::FakeMetrics metrics;
    const fonts::GlyphCoverage coverage(metrics);
    std::size_t cuts = 0;
    for (const core::StreamDigest& name : store.names()) {
      const std::optional<std::string> bytes = store.read(name);
      if (bytes && cache::decode_cut(*bytes, name, coverage.branch())) {
        store.put(name, bytes->substr(0, bytes->size() / 2));
        ++cuts;
      }
    }
    CHECK(cuts == 13);  // the articles', and the contents' pages'
    std::size_t before = store.bytes_read();
    const PreparedBuild repaired = lay_out_prepared(book, store, true, 2);
    const std::size_t repaired_bytes = store.bytes_read() - before;
    CHECK(repaired.trace == cold.trace);
    CHECK(repaired.set == 0);
    CHECK(repaired.kept == 0);  // each cut again from its lines
    before = store.bytes_read();
    const PreparedBuild warm = lay_out_prepared(book, store, true, 2);
    CHECK(warm.trace == cold.trace);
    CHECK(warm.kept >= 12);
    CHECK((store.bytes_read() - before) * 3 < repaired_bytes);
  }

  TEST_CASE("the contents' pages are recalled as cut while no title and no page number changes") {
    model::Book book = test::book_of(articles());
    cache::MemoryStore store;
    const PreparedBuild cold = lay_out_prepared(book, store, true, 2);
    CHECK(cold.front_kept == 0);
    REQUIRE(cold.front.find("link a7") != std::string::npos);  // an entry, linked
    // Warm: the contents' pages come as cut, their bodies kept, with the same digests and links,
    // and the same warnings and figures.
    const PreparedBuild warm = lay_out_prepared(book, store, true, 2);
    CHECK(warm.front == cold.front);
    CHECK(warm.trace == cold.trace);
    CHECK(warm.front_kept >= 1);
    CHECK(warm.front_kept < warm.kept);
    // A sink that has lost their drawing gets them cut again, and the entry stays as it was.
    const std::size_t writes = store.writes();
    const PreparedBuild lost = lay_out_prepared(book, store, false, 2);
    CHECK(lost.front == cold.front);
    CHECK(lost.front_kept == 0);
    CHECK(store.writes() == writes);
    // An article grows by a page: every later entry's number changes, so the contents are cut anew,
    // as a build without their cut would cut them, and kept for the next build.
    book.articles[3].blocks.push_back(test::paragraph(std::string(3000, 'y'), {"a3.md", 9, 1}));
    cache::MemoryStore fresh;
    const PreparedBuild expected = lay_out_prepared(book, fresh, true, 2);
    const PreparedBuild longer = lay_out_prepared(book, store, true, 2);
    CHECK(longer.front != warm.front);
    CHECK(longer.front == expected.front);
    CHECK(longer.front_kept == 0);
    CHECK(lay_out_prepared(book, store, true, 2).front_kept == warm.front_kept);
    // An entry's title changes: the titles and the contents' pages are set again.
    book.contents[8].title = "Another title";
    CHECK(lay_out_prepared(book, store, true, 2).front_kept == 0);
  }

  TEST_CASE("a sink that prepares nothing gets no cut kept: its articles are cut from their lines") {
    const model::Book book = test::book_of(articles());
    cache::MemoryStore store;
    lay_out(book, &store);  // CollectPages prepares no body
    const PreparedBuild warm = lay_out_prepared(book, store, true, 2);
    CHECK(warm.set == 0);
    CHECK(warm.kept == 0);
  }

  TEST_CASE("cold, warm and partly warm builds lay out the same book as no cache, with the same warnings") {
    model::Book book = test::book_of(articles());
    const Build plain = lay_out(book, nullptr);
    REQUIRE(plain.trace.find("warning: characters the PDF fonts cannot draw") != std::string::npos);
    REQUIRE(plain.trace.find("a2.md:7:1: warning:") != std::string::npos);
    cache::MemoryStore store;
    const Build cold = lay_out(book, &store);
    CHECK(cold.trace == plain.trace);
    CHECK(cold.set == 12);
    CHECK(store.names().size() == 25);  // each article, its entry in the Sources appendix, the titles
    const Build warm = lay_out(book, &store);
    CHECK(warm.trace == plain.trace);
    CHECK(warm.recalled == 12);
    CHECK(store.writes() == 25);
    // One sentence of one article changes: that article alone is set again, its old entry goes; its
    // Sources entry and the contents' titles, which show none of its text, stay.
    book.articles[5].blocks[0].inlines[0].text += " Then one more.";
    const Build edited = lay_out(book, &store, 2);
    CHECK(edited.trace == lay_out(book, nullptr).trace);
    CHECK(edited.recalled == 11);
    CHECK(edited.set == 1);
    CHECK(warm.set == 0);
    CHECK(store.writes() == 26);
    CHECK(store.names().size() == 25);
  }

  TEST_CASE("a source note changed: the article and its Sources entry are set again, the other entries recalled") {
    model::Book book = test::book_of(articles());
    cache::MemoryStore store;
    const Build cold = lay_out(book, &store, 2);
    const std::size_t writes = store.writes();
    const Build warm = lay_out(book, &store, 2);
    CHECK(warm.trace == cold.trace);
    CHECK(store.writes() == writes);  // every article and entry recalled: nothing written
    book.articles[9].source_note.fields[0].value = "https://example.org/elsewhere";
    const Build edited = lay_out(book, &store, 2);
    CHECK(edited.trace == lay_out(book, nullptr, 2).trace);
    CHECK(edited.trace.find("https://example.org/elsewhere") != std::string::npos);
    CHECK(edited.set == 1);
    CHECK(store.writes() == writes + 2);  // the article (its source note is in it) and its entry
    CHECK(store.names().size() == 25);
  }

  TEST_CASE("a recalled Sources entry brings back its lines, warnings and missing characters") {
    const model::Book book = test::book_of(articles());
    const layout::PageStyle style = test::small_style(20);
    const layout::Hyphenator patterns;
    const layout::SourcesEntryInputs inputs{book.articles[3], style, patterns};
    const test::FakeMetrics metrics;
    const fonts::GlyphCoverage coverage(metrics);
    int set_count = 0;
    const auto set_anew = [&] {
      ++set_count;
      layout::SetArticle set{{}, {}, coverage.branch()};
      set.lines.resize(2);
      set.lines[1].height = core::Pt(12.5);
      set.lines[1].anchors.push_back({"source-a3", core::Pt(0)});
      set.diagnostics.warning({"a3.md", 1, 4}, "a warning of the entry");
      set.missing.note_missing(U'\u4E2D', {"a3.md", 1, 6});
      return set;
    };
    cache::MemoryStore store;
    const model::ArticleDigests digests(book.articles);
    cache::LayoutCache first(store, "fonts A", digests);
    const layout::SetArticle set = first.recall_or_set_sources_entry(inputs, coverage, set_anew);
    cache::LayoutCache second(store, "fonts A", digests);
    const layout::SetArticle recalled = second.recall_or_set_sources_entry(inputs, coverage, set_anew);
    CHECK(set_count == 1);
    REQUIRE(recalled.lines.size() == 2);
    CHECK(recalled.lines[1].height.value == 12.5);
    REQUIRE(recalled.lines[1].anchors.size() == 1);
    CHECK(recalled.lines[1].anchors[0].name == "source-a3");
    CHECK(recalled.diagnostics.to_string() == set.diagnostics.to_string());
    CHECK(recalled.missing.noted() == std::vector<char32_t>{U'\u4E2D'});
    CHECK(recalled.missing.noted_location().line == 1);
    CHECK(recalled.missing.noted_location().column == 6);
    // The article's own entry is another: asked for under the article's inputs, it is set anew.
    second.recall_or_cut(
        {book.articles[3], book.anchors, style, patterns}, coverage, set_anew,
        [](layout::SetArticle lines) {
          return layout::CutArticle{{}, std::move(lines.diagnostics), std::move(lines.missing), {}};
        },
        [](std::vector<layout::Page>&) { return false; });
    CHECK(set_count == 2);
  }

  TEST_CASE("the contents' titles are set again only when an entry's title changes") {
    model::Book book = test::book_of(articles());
    cache::MemoryStore store;
    lay_out(book, &store);
    const std::size_t writes = store.writes();
    book.articles[4].blocks[0].inlines[0].text += " More.";
    lay_out(book, &store);
    CHECK(store.writes() == writes + 1);  // the article alone; the titles were recalled
    book.articles[4].title = "Another title";
    book.contents[4].title = "Another title";
    const Build retitled = lay_out(book, &store, 2);
    CHECK(retitled.trace == lay_out(book, nullptr).trace);
    CHECK(retitled.trace.find("Another title") != std::string::npos);
    // The article (its title is in it), its Sources entry and the contents' titles.
    CHECK(store.writes() == writes + 4);
  }

  TEST_CASE("recalled contents' titles bring back their lines, warnings and missing characters, title by title") {
    TitlesFixture fixture;
    cache::LayoutCache first(fixture.store, "fonts A", fixture.digests);
    const layout::SetContentsTitles set = fixture.recall_or_set(first, fixture.items);
    REQUIRE(set.titles.size() == 3);
    CHECK(set.titles[1][1].height.value == 12.5);  // given back whole after its encoding
    cache::LayoutCache second(fixture.store, "fonts A", fixture.digests);
    const layout::SetContentsTitles recalled = fixture.recall_or_set(second, fixture.items);
    CHECK(fixture.set_count == 1);
    REQUIRE(recalled.titles.size() == 3);
    CHECK(recalled.titles[0].size() == 1);
    REQUIRE(recalled.titles[1].size() == 2);
    CHECK(recalled.titles[1][1].height.value == 12.5);
    CHECK(recalled.titles[2].size() == 3);
    CHECK(recalled.diagnostics.to_string() == set.diagnostics.to_string());
    CHECK(recalled.missing.noted() == std::vector<char32_t>{U'\u4E2D'});
    // An entry's title, level or kind changed is another key; where it leads is not.
    std::vector<layout::ContentsItem> other = fixture.items;
    other[1].destination = "a1-elsewhere";
    fixture.recall_or_set(second, other);
    CHECK(fixture.set_count == 1);
    for (const auto& change : std::vector<std::function<void(layout::ContentsItem&)>>{
             [](layout::ContentsItem& item) { item.title = "Three"; },
             [](layout::ContentsItem& item) { item.level = 2; },
             [](layout::ContentsItem& item) { item.kind = layout::ContentsKind::part; }}) {
      other = fixture.items;
      change(other[1]);
      const int before = fixture.set_count;
      fixture.recall_or_set(second, other);
      CHECK(fixture.set_count == before + 1);
    }
  }

  TEST_CASE("contents' titles kept for other entries, or damaged, are set again") {
    TitlesFixture fixture;
    cache::LayoutCache cache(fixture.store, "fonts A", fixture.digests);
    fixture.recall_or_set(cache, fixture.items);
    const core::StreamDigest name = fixture.store.names().at(0);
    const std::string kept = *fixture.store.read(name);
    // The titles of two entries, put under the key of three.
    const std::vector<layout::ContentsItem> two(fixture.items.begin(), fixture.items.begin() + 2);
    cache::MemoryStore other_store;
    TitlesFixture other;
    cache::LayoutCache other_cache(other_store, "fonts A", other.digests);
    other.recall_or_set(other_cache, two);
    const std::string two_titles = *other_store.read(other_store.names().at(0));
    // A title of no line, the line counts still adding up (1, 2, 3 → 0, 3, 3): contents_flow
    // numbers each title's last line.
    std::string no_line = kept;
    REQUIRE(no_line.substr(0, 4) == std::string("\x03\x01\x02\x03"));
    no_line[1] = '\x00';
    no_line[2] = '\x03';
    for (const std::string& damaged :
         {std::string(), kept.substr(0, kept.size() / 2), "\x01" + kept.substr(1), two_titles, no_line}) {
      fixture.store.put(name, damaged);
      const int before = fixture.set_count;
      CHECK(fixture.recall_or_set(cache, fixture.items).titles.size() == 3);
      CHECK(fixture.set_count == before + 1);
    }
  }

  TEST_CASE("a heading renamed: the article that links to it is set again, with its link now dangling") {
    model::Book book = test::book_of(articles());
    cache::MemoryStore store;
    lay_out(book, &store);
    book.articles[7].blocks[1] = test::heading(1, "Whole", "whole");
    book.anchors = test::anchors_of(book.articles);
    const Build renamed = lay_out(book, &store, 3);
    CHECK(renamed.set == 2);  // a7 itself and a3, which links to it
    CHECK(renamed.trace == lay_out(book, nullptr).trace);
  }

  TEST_CASE("several threads recall and set the same book as one") {
    const model::Book book = test::book_of(articles());
    const Build plain = lay_out(book, nullptr);
    cache::MemoryStore store;
    CHECK(lay_out(book, &store, 4).trace == plain.trace);
    for (const std::size_t jobs : {1, 2, 5}) CHECK(lay_out(book, &store, jobs).trace == plain.trace);
  }

  TEST_CASE("corrupt and foreign entries are set again; entries of other fonts are not used, and removed") {
    const model::Book book = test::book_of(articles());
    const Build plain = lay_out(book, nullptr);
    cache::MemoryStore store;
    lay_out(book, &store);
    std::vector<core::StreamDigest> names = store.names();
    store.put(names[0], "");
    store.put(names[1], store.read(names[1])->substr(0, 100));
    store.put(names[2], *store.read(names[3]));  // another article's entry under this one's key
    store.put(core::StreamDigest{}, "x");        // an entry no article has the key of
    const std::size_t writes = store.writes();
    const Build repaired = lay_out(book, &store);
    CHECK(repaired.trace == plain.trace);
    CHECK(store.writes() == writes + 3);  // articles or Sources entries
    CHECK(store.names() == names);        // the stray entry left out, the three entries written again
    const Build other_fonts = lay_out(book, &store, 1, "fonts B");
    CHECK(other_fonts.set == 12);
    CHECK(other_fonts.trace == plain.trace);
    CHECK(store.names().size() == 25);
    for (const core::StreamDigest& name : names) CHECK_FALSE(store.read(name).has_value());
  }
}
