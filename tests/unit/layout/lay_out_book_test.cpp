#include <doctest/doctest.h>

#include <atomic>
#include <map>
#include <set>

#include "layout/lay_out_book.hpp"
#include "layout/layout_test_support.hpp"
#include "layout/page_furniture.hpp"
#include "recording_progress.hpp"
#include "style/style_keys.hpp"
#include "table_blocks.hpp"

using namespace octavo;
using namespace octavo::layout;

namespace {

// Every page: its label, its anchors, then its text lines top to bottom (running head first,
// folio last).
std::string trace(const LaidOutBook& book) {
  std::string out;
  for (std::size_t i = 0; i < book.pages.size(); ++i) {
    const bool front = i < book.front_matter_pages;
    out += "== " + (front ? roman_numeral(i + 1) : std::to_string(i - book.front_matter_pages + 1));
    const std::string anchors = test::anchor_names(book.pages[i]);
    if (!anchors.empty()) out += " [" + anchors + "]";
    out += "\n" + test::joined(test::page_lines(book.pages[i]));
  }
  return out;
}

std::map<std::string, std::size_t> anchor_pages(const LaidOutBook& book) {
  std::map<std::string, std::size_t> pages;
  for (std::size_t i = 0; i < book.pages.size(); ++i) {
    for (const Anchor& anchor : book.pages[i].anchors) pages.emplace(anchor.name, i);
  }
  return pages;
}

// Checks that every contents entry prints the body page its link's anchor is on (the number is
// the rightmost run on the entry's last line); returns how many entries and pages it found.
struct ContentsCheck {
  std::size_t entries = 0;
  std::size_t pages = 0;
};

ContentsCheck check_contents_numbers(const LaidOutBook& book) {
  const std::map<std::string, std::size_t> pages = anchor_pages(book);
  const std::size_t body_start = book.front_matter_pages;
  ContentsCheck out;
  for (std::size_t p = pages.at(model::contents_id); p < body_start; ++p) {
    if (!book.pages[p].links.empty()) ++out.pages;
    for (const LinkArea& link : book.pages[p].links) {
      const TextRun* number = nullptr;
      for (const TextRun& run : book.pages[p].runs) {
        if (run.baseline > link.top && run.baseline < link.bottom && (number == nullptr || run.x > number->x)) {
          number = &run;
        }
      }
      REQUIRE(number != nullptr);
      CAPTURE(link.destination);
      CHECK(number->text == std::to_string(pages.at(link.destination) - body_start + 1));
      ++out.entries;
    }
  }
  return out;
}

std::string lines_of(std::size_t count) {
  // About 61 characters fill a line of the measure with the fake metrics.
  std::string text;
  for (std::size_t i = 0; i < count; ++i) {
    text += "Every line of this paragraph holds sixty characters or so, ";
  }
  return text;
}

// The outline's first two levels, an entry a line: "Title -> destination", a child indented.
std::vector<std::string> outline_lines(const LaidOutBook& book) {
  std::vector<std::string> lines;
  for (const OutlineEntry& entry : book.outline) {
    lines.push_back(entry.title + " -> " + entry.destination);
    for (const OutlineEntry& child : entry.children) lines.push_back("  " + child.title + " -> " + child.destination);
  }
  return lines;
}

struct Laid {
  test::FakeMetrics metrics;
  PageStyle style;
  core::DiagnosticList diagnostics;
  LaidOutBook book;

  Laid(const model::Book& model, int lines) : Laid(model, test::small_style(lines)) {}
  Laid(const model::Book& model, const PageStyle& page_style) : style(page_style) {
    book = lay_out_book(model, metrics, style, layout::Hyphenators(), diagnostics);
  }
};

// Runs whose glyphs reach outside their page (fake metrics: ascent 0.8 em, descent 0.2 em), as
// "page N: TEXT"; empty when every run lies within its page.
std::string runs_outside_pages(const LaidOutBook& book) {
  const test::FakeMetrics metrics;
  std::string out;
  for (std::size_t i = 0; i < book.pages.size(); ++i) {
    const Page& page = book.pages[i];
    for (const TextRun& run : placed_runs(page)) {
      const bool inside = run.x >= core::Pt(0) && run.x + metrics.width(run.face, run.text, run.size) <= page.width &&
                          run.baseline - run.size * 0.8 >= core::Pt(0) && run.baseline + run.size * 0.2 <= page.height;
      if (!inside) out += "page " + std::to_string(i + 1) + ": " + run.text + "\n";
    }
  }
  return out;
}

// The pages before the disclaimer's.
std::size_t count_title_pages(const LaidOutBook& book) {
  for (std::size_t i = 0; i < book.pages.size(); ++i) {
    for (const Anchor& anchor : book.pages[i].anchors) {
      if (anchor.name == model::disclaimer_id) return i;
    }
  }
  return book.pages.size();
}

model::Block list_of(model::BlockKind kind, std::vector<std::string> items, int start = 1) {
  model::Block list;
  list.kind = kind;
  list.start = start;
  for (std::string& text : items) {
    model::Block item;
    item.kind = model::BlockKind::list_item;
    item.children.push_back(test::paragraph(std::move(text)));
    list.children.push_back(std::move(item));
  }
  return list;
}

}  // namespace

TEST_SUITE("layout.lay_out_book") {
  TEST_CASE("each article laid out is reported as progress") {
    const model::Book book = test::book_of({test::article("a01-alpha", "Alpha", {test::paragraph("One.")}),
                                            test::article("a02-beta", "Beta", {test::paragraph("Two.")})});
    const test::FakeMetrics metrics;
    core::DiagnosticList diagnostics;
    test::RecordingProgress progress;
    lay_out_book(book, metrics, test::small_style(12), layout::Hyphenators(), diagnostics, progress);
    CHECK(progress.log == "stage Laying out 2 articles\n+1\n+1\n");
  }

  TEST_CASE("each body page goes to the sink when its article is laid out; the front matter comes last") {
    // The sink and the progress write one log, so it shows when pages leave layout.
    struct LoggingSink final : PageSink {
      std::string& log;
      explicit LoggingSink(std::string& to) : log(to) {}
      void body_page(Page page) override { log += "page " + std::to_string(page.anchors.size()) + "\n"; }
      void front_matter(std::vector<Page> pages) override { log += "front " + std::to_string(pages.size()) + "\n"; }
    };
    const model::Book book = test::book_of({test::article("a01-alpha", "Alpha", {test::paragraph(lines_of(30))}),
                                            test::article("a02-beta", "Beta", {test::paragraph("Two.")})});
    const test::FakeMetrics metrics;
    core::DiagnosticList diagnostics;
    test::RecordingProgress progress;
    LoggingSink pages(progress.log);
    const BookEnd end =
        lay_out_book(book, metrics, test::small_style(12), layout::Hyphenators(), pages, diagnostics, progress);
    // Alpha takes four pages (30 lines and its source note on pages of 12), Beta one, then the
    // Sources; each page is logged with the number of anchors it holds.
    CHECK(progress.log ==
          "stage Laying out 2 articles\npage 1\npage 0\npage 0\npage 1\n+1\npage 2\n+1\npage 3\nfront 4\n");
    CHECK(end.body_pages == 6);
    CHECK(end.front_matter_pages == 4);
    CHECK(end.stats.pages == 10);
    CHECK(diagnostics.to_string() == "");
  }

  TEST_CASE("the sink prepares each page cut from an article, the Sources or the contents before its side; no other") {
    // Marks a page's body digest when preparing it; logs each page as prepared or not.
    struct PreparingSink final : PageSink {
      std::string log;
      // Called on layout's threads, where doctest cannot check: what it saw is checked after.
      mutable std::atomic<bool> prepared_with_furniture = false;
      void prepare_body(Page& page) const override {
        if (!page.furniture.runs.empty()) prepared_with_furniture = true;
        page.body_digest = core::StreamDigest{};
      }
      void body_page(Page page) override { log += page.body_digest ? "p" : "-"; }
      void front_matter(std::vector<Page> pages) override {
        for (const Page& page : pages) log += page.body_digest ? "P" : "f";
      }
    };
    model::Book book = test::book_of({test::article("a01-alpha", "Alpha", {test::paragraph(lines_of(30))}),
                                      test::article("a02-beta", "Beta", {test::paragraph("Two.")})});
    book.parts = {{"p01-part", "Part", "part", model::no_part, 1, 1, {}}};
    book.articles[1].part = 0;
    const test::FakeMetrics metrics;
    for (const std::size_t jobs : {1, 2}) {
      CAPTURE(jobs);
      core::DiagnosticList diagnostics;
      PreparingSink pages;
      lay_out_book(book, metrics, test::small_style(12), layout::Hyphenators(), pages, diagnostics, core::no_progress(),
                   jobs);
      // Alpha's four pages, the part's title page and blank verso, Beta's page, the Sources; then
      // the front matter, whose contents page is prepared as an article's (the title page, the
      // disclaimer and the blank verso are not). The Sources appendix is cut where it is set (on a
      // thread of its own with two jobs), as an article is.
      CHECK(pages.log == "pppp--ppffPf");
      CHECK_FALSE(pages.prepared_with_furniture);  // no folio yet: prepared before its side is known
    }
  }

  TEST_CASE("a tiny book: title page, disclaimer, contents, articles, sources, in that order") {
    const model::Book book = test::book_of(
        {test::article("a01-alpha", "Alpha",
                       {test::paragraph("The first article has a paragraph that runs over more than one line of "
                                        "the page, and a heading after it."),
                        test::heading(1, "Method", "method"), test::paragraph("Second paragraph.")}),
         test::article("a02-beta", "Beta", {test::paragraph("Short.")})});
    const Laid laid(book, 12);
    CHECK(trace(laid.book) ==
          "== i [title-page]\n"
          "Field Notes\n"
          "Ada Lovelace\n"
          "Octavo Press\n"
          "2024-05-01\n"
          "== ii [disclaimer]\n"
          "Unreviewed content\n"
          "Nothing here has been checked.\n"
          "ii\n"
          "== iii [contents]\n"
          "Contents\n"
          "Alpha . . . . . . . . . . . . . . . . . . . . . . . . . . . 1\n"
          "Method . . . . . . . . . . . . . . . . . . . . . . . . . 1\n"
          "Beta . . . . . . . . . . . . . . . . . . . . . . . . . . . 3\n"
          "Sources . . . . . . . . . . . . . . . . . . . . . . . . . . 4\n"
          "iii\n"
          "== iv\n"
          "iv\n"
          "== 1 [a01-alpha a01-alpha#method]\n"
          "Alpha\n"
          "The first article has a paragraph that runs over more than one\n"
          "line of the page, and a heading after it.\n"
          "Method\n"
          "Second paragraph.\n"
          "1\n"
          "== 2 [a01-alpha-note]\n"
          "Alpha\n"
          "Source note\n"
          "Source: https://example.org/a01-alpha\n"
          "Corpus file: a01-alpha.md\n"
          "Full provenance in Sources\n"
          "2\n"
          "== 3 [a02-beta a02-beta-note]\n"
          "Beta\n"
          "Short.\n"
          "Source note\n"
          "Source: https://example.org/a02-beta\n"
          "Corpus file: a02-beta.md\n"
          "Full provenance in Sources\n"
          "3\n"
          "== 4 [sources source-a01-alpha source-a02-beta]\n"
          "Sources\n"
          "Alpha\n"
          "Source: https://example.org/a01-alpha\n"
          "Corpus file: a01-alpha.md\n"
          "Beta\n"
          "Source: https://example.org/a02-beta\n"
          "Corpus file: a02-beta.md\n"
          "4\n");
    CHECK(laid.diagnostics.all().empty());
  }

  TEST_CASE("the contents gives the body page on which each anchor lands, also when it takes two pages") {
    std::vector<model::Article> articles;
    for (int i = 1; i <= 6; ++i) {
      const std::string n = std::to_string(i);
      articles.push_back(test::article("a" + n, "Article " + n,
                                       {test::paragraph(lines_of(i % 3 + 1)), test::heading(1, "Part " + n, "part"),
                                        test::paragraph(lines_of(i % 4 + 1))}));
    }
    const Laid laid(test::book_of(std::move(articles)), 12);
    const ContentsCheck contents = check_contents_numbers(laid.book);
    CHECK(contents.entries == 6 * 2 + 1);  // articles, their sections, the Sources
    CHECK(contents.pages == 2);
    // Body pages are numbered from 1 whatever the length of the front matter.
    CHECK(anchor_pages(laid.book).at("a1") == laid.book.front_matter_pages);
    CHECK(laid.book.front_matter_pages % 2 == 0);
  }

  TEST_CASE("contents of many pages still print the real pages: one layout pass settles them") {
    // 40 articles of one to four pages, each with a section: 81 entries on 12-line pages.
    std::vector<model::Article> articles;
    for (int i = 1; i <= 40; ++i) {
      const std::string n = std::to_string(i);
      articles.push_back(test::article("a" + n, "Article " + n,
                                       {test::paragraph(lines_of(static_cast<std::size_t>(i % 7) * 3 + 1)),
                                        test::heading(1, "Part " + n, "part"), test::paragraph(lines_of(i % 5 + 2))}));
    }
    const Laid laid(test::book_of(std::move(articles)), 12);
    const ContentsCheck contents = check_contents_numbers(laid.book);
    CHECK(contents.entries == 40 * 2 + 1);
    CHECK(contents.pages >= 3);
    // The last article lands far enough on that its page number has three digits.
    CHECK(anchor_pages(laid.book).at("a40") - laid.book.front_matter_pages + 1 >= 100);
    CHECK(laid.book.front_matter_pages % 2 == 0);
  }

  TEST_CASE("a heading is never the last line of a page: it moves on with the lines after it") {
    // Push the heading down one line at a time, so that one of the articles puts it at the foot.
    std::vector<model::Article> articles;
    for (std::size_t before = 0; before < 10; ++before) {
      std::vector<model::Block> blocks;
      for (std::size_t i = 0; i < before; ++i) blocks.push_back(test::paragraph("One line."));
      blocks.push_back(test::heading(1, "Heading", "h"));
      blocks.push_back(test::paragraph(lines_of(3)));
      articles.push_back(test::article("a" + std::to_string(before), "Title", std::move(blocks)));
    }
    const Laid laid(test::book_of(std::move(articles)), 8);
    std::size_t headings = 0;
    for (const Page& page : laid.book.pages) {
      const TextRun* last = nullptr;  // the lowest run above the folio
      const TextRun* heading = nullptr;
      for (const TextRun& run : page.runs) {
        if (run.baseline < laid.style.folio_baseline && (last == nullptr || run.baseline > last->baseline)) last = &run;
        if (run.face == fonts::FontFace::serif_bold && run.size == laid.style.heading_size[0]) heading = &run;
      }
      if (heading == nullptr) continue;
      ++headings;
      // At least two lines of the paragraph follow it on the same page.
      std::set<double> below;
      for (const TextRun& run : page.runs) {
        if (run.baseline > heading->baseline && run.baseline < laid.style.folio_baseline) {
          below.insert(run.baseline.value);
        }
      }
      CHECK(last != heading);
      CHECK(below.size() >= 2);
    }
    CHECK(headings == 10);
  }

  TEST_CASE("every article starts at the top of a new page, and its anchor is there") {
    std::vector<model::Article> articles;
    for (int i = 1; i <= 4; ++i) {
      articles.push_back(test::article("a" + std::to_string(i), "T" + std::to_string(i), {test::paragraph("Short.")}));
    }
    const Laid laid(test::book_of(std::move(articles)), 30);
    const std::map<std::string, std::size_t> pages = anchor_pages(laid.book);
    std::set<std::size_t> distinct;
    for (int i = 1; i <= 4; ++i) {
      const std::size_t p = pages.at("a" + std::to_string(i));
      distinct.insert(p);
      CHECK(laid.book.pages[p].anchors.front().name == "a" + std::to_string(i));
      CHECK(laid.book.pages[p].anchors.front().y == laid.style.margin_top);
      CHECK(test::page_lines(laid.book.pages[p]).front() == "T" + std::to_string(i));
    }
    CHECK(distinct.size() == 4);
    CHECK(pages.at(model::sources_id) == pages.at("a4") + 1);
  }

  TEST_CASE("missing characters show a placeholder and are reported once per article") {
    model::Article first = test::article(
        "a1", "Smile \U0001F600", {test::paragraph("A \U0001F600 and \u4E2D, again \U0001F600.", {"a1.md", 3, 1})});
    model::Article second = test::article("a2", "Plain", {test::paragraph("Only \U0001F600 here.", {"a2.md", 5, 2})});
    const Laid laid(test::book_of({first, second}), 30);
    CHECK(laid.diagnostics.to_string() ==
          "a1.md:1:1: warning: characters the PDF fonts cannot draw are shown as \u25A1: \U0001F600 (U+1F600), "
          "\u4E2D (U+4E2D)\n"
          "a2.md:5:2: warning: characters the PDF fonts cannot draw are shown as \u25A1: \U0001F600 (U+1F600)\n");
    const std::map<std::string, std::size_t> pages = anchor_pages(laid.book);
    const std::vector<std::string> lines = test::page_lines(laid.book.pages[pages.at("a1")]);
    CHECK(lines[0] == "Smile \u25A1");
    CHECK(lines[1] == "A \u25A1 and \u25A1, again \u25A1.");
    // No run anywhere holds a character the fonts lack.
    for (const Page& page : laid.book.pages) {
      for (const TextRun& run : page.runs) CHECK(run.text.find("\xF0\x9F\x98\x80") == std::string::npos);
    }
  }

  TEST_CASE("every page, the title page too, says in its foot that the content is unreviewed") {
    const Laid laid(test::book_of({test::article("a1", "One", {test::paragraph("Text.")})}), 30);
    REQUIRE(laid.book.pages.size() == 6);
    const test::FakeMetrics metrics;
    for (std::size_t i = 0; i < laid.book.pages.size(); ++i) {
      const std::vector<TextRun> runs = placed_runs(laid.book.pages[i]);
      const auto mark =
          std::find_if(runs.begin(), runs.end(), [](const TextRun& run) { return run.text == "Unreviewed content"; });
      REQUIRE(mark != runs.end());
      CHECK(mark->face == fonts::FontFace::serif_italic);
      CHECK(mark->baseline == laid.style.folio_baseline);
      // Flush with the outer edge of the text block: right on a recto, left on a verso.
      const bool recto = (i < laid.book.front_matter_pages ? i : i - laid.book.front_matter_pages) % 2 == 0;
      const core::Pt width = metrics.width(mark->face, mark->text, mark->size);
      if (recto) {
        CHECK((mark->x + width).value == doctest::Approx((laid.style.page_width - laid.style.margin_outer).value));
      } else {
        CHECK(mark->x == laid.style.margin_outer);
      }
    }
  }

  TEST_CASE("front matter pages are counted, padded to an even number and numbered in roman") {
    const Laid laid(test::book_of({test::article("a1", "One", {test::paragraph("Text.")})}), 30);
    // Title page, disclaimer, contents, and a blank verso so that page 1 is a recto.
    CHECK(laid.book.front_matter_pages == 4);
    CHECK(laid.book.pages.size() == 6);
    CHECK(test::page_lines(laid.book.pages[0]) ==
          std::vector<std::string>{"Field Notes", "Ada Lovelace", "Octavo Press", "2024-05-01"});  // no folio
    CHECK(test::page_lines(laid.book.pages[3]) == std::vector<std::string>{"iv"});
    CHECK(test::page_lines(laid.book.pages[4]).back() == "1");
    CHECK(test::page_lines(laid.book.pages[5]).back() == "2");
  }

  TEST_CASE("the title page sets the authors as one centred paragraph: A, B and C") {
    model::Book book = test::book_of({});
    book.metadata.authors = {"Ada Lovelace", "", "Charles Babbage"};
    CHECK(test::page_lines(Laid(book, 30).book.pages[0])[1] == "Ada Lovelace and Charles Babbage");
    book.metadata.authors = {"A. One", "B. Two", "C. Three"};
    const Laid three(book, 30);
    CHECK(test::page_lines(three.book.pages[0])[1] == "A. One, B. Two and C. Three");
    // Centred: as much white on the left of the line as on the right.
    core::Pt left = three.style.page_width;
    core::Pt right;
    for (const TextRun& run : three.book.pages[0].runs) {
      if (run.size != three.style.book_author_size) continue;
      left = std::min(left, run.x);
      right = std::max(right, run.x + three.metrics.width(run.face, run.text, run.size));
    }
    CHECK(right - left == core::Pt(27 * 6));
    CHECK((left - three.style.margin_inner).value ==
          doctest::Approx((three.style.margin_inner + three.style.measure() - right).value));
  }

  TEST_CASE("forty authors fit on the A5 title page with the publisher and the date, all inside the page") {
    model::Book book = test::book_of({});
    book.metadata.authors.clear();
    for (int i = 1; i <= 40; ++i) book.metadata.authors.push_back("Author Number " + std::to_string(i));
    const Laid laid(book, style::default_page_style());
    CHECK(laid.diagnostics.all().empty());
    REQUIRE(count_title_pages(laid.book) == 1);
    CHECK(runs_outside_pages(laid.book).empty());
    const Page& title = laid.book.pages[0];
    // 12 pt names at 6 pt a character: lines of at most 51 characters in the 306 pt measure.
    CHECK(test::joined(test::page_lines(title)) ==
          "Field Notes\n"
          "Author Number 1, Author Number 2, Author Number 3,\n"
          "Author Number 4, Author Number 5, Author Number 6,\n"
          "Author Number 7, Author Number 8, Author Number 9,\n"
          "Author Number 10, Author Number 11, Author Number 12,\n"
          "Author Number 13, Author Number 14, Author Number 15,\n"
          "Author Number 16, Author Number 17, Author Number 18,\n"
          "Author Number 19, Author Number 20, Author Number 21,\n"
          "Author Number 22, Author Number 23, Author Number 24,\n"
          "Author Number 25, Author Number 26, Author Number 27,\n"
          "Author Number 28, Author Number 29, Author Number 30,\n"
          "Author Number 31, Author Number 32, Author Number 33,\n"
          "Author Number 34, Author Number 35, Author Number 36,\n"
          "Author Number 37, Author Number 38, Author Number 39\n"
          "and Author Number 40\n"
          "Octavo Press\n"
          "2024-05-01\n");
    // Nothing below the text block but the page's unreviewed mark: the imprint keeps its place.
    for (const TextRun& run : title.runs) {
      if (run.text != model::unreviewed_mark) CHECK(run.baseline <= laid.style.margin_top + laid.style.body_height);
    }
  }

  TEST_CASE("names too many for the title page at their size are set smaller, still on one page") {
    model::Book book = test::book_of({});
    book.metadata.authors.clear();
    for (int i = 1; i <= 60; ++i) book.metadata.authors.push_back("Author Number " + std::to_string(i));
    const Laid laid(book, style::default_page_style());
    CHECK(laid.diagnostics.all().empty());
    REQUIRE(count_title_pages(laid.book) == 1);
    CHECK(runs_outside_pages(laid.book).empty());
    // 22 lines at 12 pt would reach into the imprint; 18 lines at 10 pt do not.
    const std::vector<std::string> lines = test::page_lines(laid.book.pages[0]);
    REQUIRE(lines.size() == 1 + 18 + 2);
    CHECK(lines[1] == "Author Number 1, Author Number 2, Author Number 3, Author Number");
    CHECK(lines[17] == "Number 57, Author Number 58, Author Number 59 and Author Number");
    CHECK(lines[18] == "60");
    for (const TextRun& run : laid.book.pages[0].runs) {
      if (run.text.rfind("Author", 0) == 0) CHECK(run.size == laid.style.body_size);
    }
  }

  TEST_CASE("a title too long for the title page continues on the next page, with a warning") {
    model::Book book = test::book_of({test::article("a1", "One", {test::paragraph("Text.")})});
    std::string title;
    for (int i = 0; i < 2000; ++i) title += "word ";
    book.metadata.title = title + "end";
    const Laid laid(book, style::default_page_style());
    CHECK(laid.diagnostics.to_string() ==
          "warning: the title page does not fit on one page; it continues on the next 25 pages\n"
          "  hint: shorten the title, the subtitle or the list of authors\n");
    CHECK(runs_outside_pages(laid.book).empty());
    const std::size_t title_pages = count_title_pages(laid.book);
    REQUIRE(title_pages == 26);  // five 24 pt words a line, 13 lines on the first page, 16 on the others
    CHECK(test::anchor_names(laid.book.pages[0]) == model::title_page_id);
    // Every word is there, and the names and imprint follow the title on the last title page.
    std::size_t words = 0;
    for (std::size_t i = 0; i < title_pages; ++i) {
      for (const TextRun& run : laid.book.pages[i].runs) words += run.text == "word" ? 1 : 0;
    }
    CHECK(words == 2000);
    const std::vector<std::string> last = test::page_lines(laid.book.pages[title_pages - 1]);
    REQUIRE(last.size() >= 3);
    CHECK(last[last.size() - 3] == "Ada Lovelace");
    CHECK(last[last.size() - 2] == "Octavo Press");
    CHECK(last.back() == "2024-05-01");  // no folio on the title pages
    CHECK(laid.book.front_matter_pages % 2 == 0);
  }

  TEST_CASE("running heads: none on an article's first page, truncated with an ellipsis when too long") {
    const std::string title(100, 'x');
    const Laid laid(test::book_of({test::article("a1", title + " end", {test::paragraph(lines_of(40))})}), 20);
    const LaidOutBook& book = laid.book;
    const std::size_t first = book.front_matter_pages;
    CHECK(placed_rules(book.pages[first]).empty());
    REQUIRE(book.pages.size() > first + 2);
    const Page& second = book.pages[first + 1];
    CHECK(second.rules.empty());
    REQUIRE(second.furniture.rules.size() == 1);  // the rule under the head
    const std::vector<std::string> lines = test::page_lines(second);
    // 8.5 pt at 4.25 pt a character: 72 characters fit in 306 pt, the last one the ellipsis.
    CHECK(lines.front() == std::string(71, 'x') + "\u2026");
    CHECK(second.text_left == laid.style.margin_outer);  // a verso: outer margin on the left
    CHECK(second.furniture.runs.front().x >= laid.style.margin_outer);
  }

  TEST_CASE("every link and bookmark points at an anchor that exists, and anchors are unique") {
    model::Article with_links = test::article(
        "a1", "Links",
        {test::paragraph("Intro."), test::heading(1, "Part", "part"),
         model::paragraph_block({model::link_inline("#part", {model::text_inline("back to part")}),
                                 model::text_inline(" and "),
                                 model::link_inline("https://example.org/x", {model::text_inline("out")})})});
    const Laid laid(test::book_of({with_links, test::article("a2", "Two", {test::paragraph("Text.")})}), 30);
    std::set<std::string> anchors;
    std::size_t anchor_count = 0;
    for (const Page& page : laid.book.pages) {
      for (const Anchor& anchor : page.anchors) {
        anchors.insert(anchor.name);
        ++anchor_count;
      }
    }
    CHECK(anchor_count == anchors.size());
    std::size_t internal = 0;
    std::set<std::string> uris;
    for (const Page& page : laid.book.pages) {
      for (const LinkArea& link : page.links) {
        if (link.destination.empty()) {
          uris.insert(link.uri);
        } else {
          CHECK(anchors.count(link.destination) == 1);
          ++internal;
        }
      }
    }
    CHECK(internal > 0);
    CHECK(uris == std::set<std::string>{"https://example.org/a1", "https://example.org/a2", "https://example.org/x"});
    CHECK(anchors.count("a1#part") == 1);

    const std::vector<OutlineEntry>& outline = laid.book.outline;
    std::vector<std::string> top;
    for (const OutlineEntry& entry : outline) {
      top.push_back(entry.title + " -> " + entry.destination);
      CHECK(anchors.count(entry.destination) == 1);
      for (const OutlineEntry& child : entry.children) CHECK(anchors.count(child.destination) == 1);
    }
    CHECK(top == std::vector<std::string>{"Field Notes -> title-page", "Unreviewed content -> disclaimer",
                                          "Contents -> contents", "Links -> a1", "Two -> a2", "Sources -> sources"});
    REQUIRE(outline[3].children.size() == 1);
    CHECK(outline[3].children[0].destination == "a1#part");
  }

  TEST_CASE("a contents entry no page holds is left out of the outline with its children; those after it stay") {
    model::Book book = test::book_of({test::article("a1", "One", {test::paragraph("First.")}),
                                      test::article("a2", "Two", {test::paragraph("Second.")})});
    // An entry for a heading the article does not have, with a child, between the two articles'.
    model::ContentsEntry lost{"Lost", "a1", "nowhere", {{"Lost too", "a1", "neither", {}}}};
    book.contents.insert(book.contents.begin() + 1, lost);
    const Laid laid(book, 30);
    CHECK(outline_lines(laid.book) ==
          std::vector<std::string>{"Field Notes -> title-page", "Unreviewed content -> disclaimer",
                                   "Contents -> contents", "One -> a1", "Two -> a2", "Sources -> sources"});
  }

  TEST_CASE("a link to a table cell's or row's id leads to the top of that row, with no warning") {
    model::Block th = test::cell("Vee");
    th.id = "letter-v";
    model::Block row = test::row({test::cell("Wye"), test::cell("word")});
    row.id = "r1";
    const model::Article article = test::article(
        "a1", "Cells",
        {model::paragraph_block({model::link_inline("#letter-v", {model::text_inline("this row")}),
                                 model::text_inline(" and "),
                                 model::link_inline("#r1", {model::text_inline("that row")})}),
         test::table({test::row_of({"Letter", "Word"}, true), test::row({th, test::cell("value")}), row})});
    const Laid laid(test::book_of({article}), 30);
    CHECK(laid.diagnostics.to_string().empty());
    std::map<std::string, core::Pt> anchor_y;
    std::map<std::string, core::Pt> baseline_of;
    std::set<std::string> linked;
    for (const Page& page : laid.book.pages) {
      for (const Anchor& anchor : page.anchors) anchor_y.emplace(anchor.name, anchor.y);
      for (const LinkArea& link : page.links) linked.insert(link.destination);
      for (const TextRun& run : page.runs) baseline_of.emplace(run.text, run.baseline);
    }
    CHECK(linked.count("a1#letter-v") == 1);
    CHECK(linked.count("a1#r1") == 1);
    REQUIRE(anchor_y.count("a1#letter-v") == 1);
    REQUIRE(anchor_y.count("a1#r1") == 1);
    // Each anchor is above its row's text, and below the row before it.
    CHECK(anchor_y["a1#letter-v"] < baseline_of["Vee"]);
    CHECK(anchor_y["a1#letter-v"] > baseline_of["Letter"]);
    CHECK(anchor_y["a1#r1"] < baseline_of["Wye"]);
    CHECK(anchor_y["a1#r1"] > baseline_of["Vee"]);
  }

  TEST_CASE("parts: a level above their articles in contents and outline; links between articles find anchors") {
    model::Inline to_two = model::link_inline("#y", {model::text_inline("to two")});
    to_two.target_article = "a2";
    model::Inline anchor;
    anchor.kind = model::InlineKind::anchor;
    anchor.id = "here";
    model::Inline to_one = model::link_inline("#here", {model::text_inline("to one")});
    to_one.target_article = "a1";
    model::Block boxed = test::paragraph("Boxed.");
    boxed.id = "box";
    model::Book book = test::book_of(
        {test::article("a1", "One", {test::heading(1, "X", "x"), model::paragraph_block({anchor, to_two}), boxed}),
         test::article("a2", "Two", {test::heading(1, "Y", "y"), model::paragraph_block({to_one})})});
    book.anchors.articles["a1"].ids.insert("here");
    model::ContentsEntry part{"Part One", "", "", {book.contents[0], book.contents[1]}};
    part.part_id = "p01-part-one";
    book.contents = {part};
    book.parts = {{"p01-part-one", "Part One", "part-one", model::no_part, 0, 2, {}}};
    for (model::Article& article : book.articles) article.part = 0;
    const Laid laid(book, 30);
    CHECK(laid.diagnostics.error_count() == 0);
    std::set<std::string> anchors;
    for (const Page& page : laid.book.pages) {
      for (const Anchor& a : page.anchors) anchors.insert(a.name);
    }
    CHECK(anchors.count("a1#here") == 1);
    CHECK(anchors.count("a1#box") == 1);
    std::set<std::string> destinations;
    for (const Page& page : laid.book.pages) {
      for (const LinkArea& link : page.links) destinations.insert(link.destination);
    }
    CHECK(destinations.count("a2#y") == 1);
    CHECK(destinations.count("a1#here") == 1);
    CHECK(outline_lines(laid.book) == std::vector<std::string>{"Field Notes -> title-page",
                                                               "Unreviewed content -> disclaimer",
                                                               "Contents -> contents", "Part One -> p01-part-one",
                                                               "  One -> a1", "  Two -> a2", "Sources -> sources"});
    CHECK(check_contents_numbers(laid.book).entries == 6);  // the part, two articles, two sections, Sources
  }

  TEST_CASE("document information comes from the metadata") {
    model::Book book = test::book_of({});
    book.metadata.authors = {"A. One", "B. Two"};
    book.metadata.language = "de-AT";
    const Laid laid(book, 30);
    CHECK(laid.book.info.language == "de-AT");  // for SVG pictures' systemLanguage
    CHECK(laid.book.info.title == "Field Notes");
    CHECK(laid.book.info.author == "A. One, B. Two");
    CHECK(laid.book.info.subject == "Unreviewed articles compiled from notes");
    CHECK(laid.book.info.creator == "Octavo 0.1.0");
    CHECK(laid.book.info.date == "2024-05-01T00:00:00Z");
    book.metadata.authors.clear();
    book.metadata.editor = "C. Three";
    const Laid edited(book, 30);
    CHECK(edited.book.info.author == "C. Three");
    CHECK(test::page_lines(edited.book.pages[0])[1] == "Edited by C. Three");
  }

  TEST_CASE("lists hang their markers, code keeps its lines, a break is a centred rule") {
    model::Block code;
    code.kind = model::BlockKind::code_block;
    code.text = "int main() {\n\treturn 0;\n}\n" + std::string(80, '#');
    model::Block rule;
    rule.kind = model::BlockKind::thematic_break;
    model::Block quote;
    quote.kind = model::BlockKind::block_quote;
    quote.children.push_back(test::paragraph("Quoted."));
    const Laid laid(test::book_of({test::article(
                        "a1", "Blocks",
                        {list_of(model::BlockKind::bullet_list, {"apples", "pears"}),
                         list_of(model::BlockKind::ordered_list, {"first", "second"}, 9), code, rule, quote})}),
                    40);
    const Page& page = laid.book.pages[laid.book.front_matter_pages];
    CHECK(test::joined(test::page_lines(page)) ==
          "Blocks\n"
          "\u2022 apples\n"
          "\u2022 pears\n"
          "9. first\n"
          "10. second\n"
          "int main() {\n"
          "    return 0;\n"
          "}\n"
          "########################################################################\n"
          "########\n"
          "Quoted.\n"
          "Source note\n"
          "Source: https://example.org/a1\n"
          "Corpus file: a1.md\n"
          "Full provenance in Sources\n"
          "1\n");
    // The body is placed from the text block's left edge, a recto's inner margin here.
    CHECK(page.text_left == laid.style.margin_inner);
    const core::Pt left;
    // Markers end list_marker_gap before the item text, which starts list_indent in.
    CHECK(page.runs[1].text == "apples");
    CHECK(page.runs[1].x == left + laid.style.list_indent);
    CHECK(page.runs[2].text == "\u2022");
    CHECK(page.runs[2].x == left + laid.style.list_indent - laid.style.list_marker_gap - core::Pt(5));
    // The continuation of a long code line is indented by two columns (8 pt mono: 4 pt each),
    // which hold its mark: four rules inside them.
    for (const TextRun& run : page.runs) {
      if (run.text == "########") CHECK(run.x == left + laid.style.code_indent + core::Pt(8));
    }
    REQUIRE(page.rules.size() == 5);
    for (std::size_t i = 0; i < 4; ++i) {
      CHECK(std::min(page.rules[i].x1, page.rules[i].x2) >= left + laid.style.code_indent - core::Pt(0.5));
      CHECK(std::max(page.rules[i].x1, page.rules[i].x2) <= left + laid.style.code_indent + core::Pt(8));
    }
    // The thematic break: one rule, centred in the measure.
    CHECK((page.rules[4].x1 + page.rules[4].x2) / 2 == left + laid.style.measure() / 2);
  }

  TEST_CASE("the outline's entries are set ragged like the headings they list; a body list is justified") {
    // Fake metrics: 5 pt a character. Two words that do not fit on one line with the third.
    const std::string entry = "Understanding chronic pain and its role in long-term management";
    model::Block outline = list_of(model::BlockKind::bullet_list, {entry});
    outline.role = model::BlockRole::outline;
    const Laid laid(
        test::book_of({test::article("a1", "Blocks", {outline, list_of(model::BlockKind::bullet_list, {entry})})}), 40);
    const Page& page = laid.book.pages[laid.book.front_matter_pages];
    const core::Pt right = laid.style.measure();  // the body's runs are placed from the text block's edge
    // The right end of the first line of each entry: its rightmost run on the baseline of "Understanding".
    std::vector<core::Pt> first_line_ends;
    for (const TextRun& start : page.runs) {
      if (start.text != "Understanding") continue;
      core::Pt end = start.x;
      for (const TextRun& run : page.runs) {
        if (run.baseline == start.baseline)
          end = std::max(end, run.x + laid.metrics.width(run.face, run.text, run.size));
      }
      first_line_ends.push_back(end);
    }
    REQUIRE(first_line_ends.size() == 2);
    CHECK(first_line_ends.front() < right - core::Pt(10));                // the outline's entry: ragged
    CHECK(first_line_ends.back().value == doctest::Approx(right.value));  // the list: justified
  }

  TEST_CASE("laying out the same book twice gives the same pages") {
    const model::Book book = test::book_of({test::article("a1", "One", {test::paragraph(lines_of(50))}),
                                            test::article("a2", "Two", {test::paragraph("Text.")})});
    const Laid first(book, 20);
    const Laid second(book, 20);
    CHECK(trace(first.book) == trace(second.book));
  }

  TEST_CASE("articles set on several threads give the same pages, warnings and progress as on one") {
    // Articles of different lengths, so that workers finish out of order; some with characters the
    // fonts lack (one warning per article, the first location noted) or a word wider than the
    // measure (a warning from deep in line breaking), and one running head with a missing one.
    std::vector<model::Article> articles;
    for (int i = 0; i < 24; ++i) {
      const std::string id = "a" + std::to_string(i);
      std::vector<model::Block> blocks = {test::paragraph(lines_of(static_cast<std::size_t>((i * 7) % 23 + 1)))};
      if (i % 5 == 1) blocks.push_back(test::paragraph("A \U0001F600 and \u4E2D.", {id + ".md", 4, 2}));
      if (i % 7 == 3) blocks.push_back(test::paragraph(std::string(200, 'w'), {id + ".md", 6, 1}));
      articles.push_back(test::article(id, i == 9 ? "Title \U0001F601" : "Title " + id, std::move(blocks)));
    }
    // The Sources appendix, set on a thread of its own, with a character the fonts lack.
    articles[17].source_note.fields.push_back({"Author", "Auteur \U0001F603", ""});
    const model::Book book = test::book_of(std::move(articles));
    const test::FakeMetrics metrics;
    const PageStyle style = test::small_style(20);
    const auto lay_out = [&](std::size_t jobs) {
      core::DiagnosticList diagnostics;
      test::RecordingProgress progress;
      const LaidOutBook laid = lay_out_book(book, metrics, style, layout::Hyphenators(), diagnostics, progress, jobs);
      return trace(laid) + "diagnostics:\n" + diagnostics.to_string() + "progress:\n" + progress.log;
    };
    const std::string one = lay_out(1);
    CHECK(one.find("warning: characters the PDF fonts cannot draw") != std::string::npos);
    CHECK(one.find("a3.md:6:1: warning:") != std::string::npos);
    CHECK(one.find("U+1F603") != std::string::npos);
    for (const std::size_t jobs : {2, 3, 8}) {
      CAPTURE(jobs);
      for (int run = 0; run < 3; ++run) CHECK(lay_out(jobs) == one);
    }
  }

  TEST_CASE("a book without articles still has every part") {
    const Laid laid(test::book_of({}), 30);
    const std::map<std::string, std::size_t> pages = anchor_pages(laid.book);
    CHECK(pages.count(model::title_page_id) == 1);
    CHECK(pages.count(model::disclaimer_id) == 1);
    CHECK(pages.count(model::contents_id) == 1);
    CHECK(pages.count(model::sources_id) == 1);
    CHECK(laid.book.pages.size() == laid.book.front_matter_pages + 1);
  }

  TEST_CASE("hostile input is set without a crash: deep nesting, a huge word, control characters") {
    model::Block quote = test::paragraph("bottom");
    for (int i = 0; i < 2000; ++i) {
      model::Block outer;
      outer.kind = i % 2 == 0 ? model::BlockKind::block_quote : model::BlockKind::list_item;
      outer.children.push_back(std::move(quote));
      quote = std::move(outer);
    }
    model::Inline emphasis = model::text_inline("deep");
    for (int i = 0; i < 2000; ++i) {
      model::Inline outer;
      outer.kind = model::InlineKind::emphasis;
      outer.children.push_back(std::move(emphasis));
      emphasis = std::move(outer);
    }
    const Laid laid(test::book_of({test::article("a1", "Hostile",
                                                 {quote, model::paragraph_block({emphasis}),
                                                  test::paragraph(std::string(20000, 'w') + " \x01\x7f\t end")})}),
                    30);
    const std::string text = trace(laid.book);
    CHECK(text.find("bottom") != std::string::npos);
    CHECK(text.find("deep") != std::string::npos);
    CHECK(text.find(" \u25A1\u25A1") != std::string::npos);  // U+0001 and U+007F
    CHECK(laid.diagnostics.warning_count() == 2);            // the long word, the two control characters
  }
}
