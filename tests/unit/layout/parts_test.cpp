// Parts of the corpus (model::Part) in the PDF: a recto title page before each, the contents and
// the outline a level above their articles, running heads naming them; and links to nowhere.
#include <doctest/doctest.h>

#include <string>

#include "layout/lay_out_book.hpp"
#include "layout/layout_test_support.hpp"
#include "layout/page_furniture.hpp"

using namespace octavo;
using namespace octavo::layout;

namespace {

// Every body page as "N [anchors]: line | line | …".
std::string body_trace(const LaidOutBook& book) {
  std::string out;
  for (std::size_t i = book.front_matter_pages; i < book.pages.size(); ++i) {
    out += std::to_string(i - book.front_matter_pages + 1);
    const std::string anchors = test::anchor_names(book.pages[i]);
    if (!anchors.empty()) out += " [" + anchors + "]";
    out += ":";
    for (const std::string& line : test::page_lines(book.pages[i])) out += " " + line + " |";
    out += "\n";
  }
  return out;
}

// Two articles in a part "Herbs", one outside it; contents as transform::build_contents makes them.
model::Book book_with_a_part() {
  std::vector<model::Article> articles = {test::article("a1", "Mint", {test::paragraph("Mint is a herb.")}),
                                          test::article("a2", "Sage", {}),
                                          test::article("a3", "Stones", {test::paragraph("Not a herb.")})};
  // Sage runs over three pages, so that its running heads show on a verso and a recto.
  std::string long_text;
  for (int i = 0; i < 60; ++i) long_text += "Sage is a herb with grey leaves and a strong smell. ";
  articles[1].blocks = {test::paragraph(long_text)};
  articles[0].part = 0;
  articles[1].part = 0;
  model::Book book = test::book_of(std::move(articles));
  book.parts = {{"p1", "Herbs", "herbs", model::no_part, 0, 2, {}}};
  model::ContentsEntry part{"Herbs", "", "", {book.contents[0], book.contents[1]}, "p1"};
  book.contents = {part, book.contents[2]};
  return book;
}

}  // namespace

TEST_SUITE("layout.parts") {
  TEST_CASE("a part opens with its title on a recto, its verso blank; neither has a folio or head") {
    const test::FakeMetrics metrics;
    core::DiagnosticList diagnostics;
    const LaidOutBook laid =
        lay_out_book(book_with_a_part(), metrics, test::small_style(12), layout::Hyphenators(), diagnostics);
    CHECK(diagnostics.to_string() == "");
    const std::string trace = body_trace(laid);
    CHECK(trace.substr(0, trace.find("\n4")) ==
          "1 [p1]: Herbs |\n"
          "2:\n"
          "3 [a1 a1-note]: Mint | Mint is a herb. | Source note | Source: https://example.org/a1 | Corpus file: "
          "a1.md | Full provenance in Sources | 3 |");
  }

  TEST_CASE("in a part, versos' running heads name the part and rectos' the article") {
    const test::FakeMetrics metrics;
    core::DiagnosticList diagnostics;
    const PageStyle style = test::small_style(12);
    const LaidOutBook laid = lay_out_book(book_with_a_part(), metrics, style, layout::Hyphenators(), diagnostics);
    std::string heads;
    for (std::size_t i = laid.front_matter_pages; i < laid.pages.size(); ++i) {
      for (const TextRun& run : laid.pages[i].furniture.runs) {
        if (run.baseline == style.running_head_baseline)
          heads += std::to_string(i - laid.front_matter_pages + 1) + " " + run.text + "; ";
      }
    }
    // Part title and blank verso (1, 2) and Mint (3) have none; Sage opens on page 4 and runs to
    // 8; Stones, outside the part, is one page (9); the Sources appendix ends on 11.
    CHECK(heads == "5 Sage; 6 Herbs; 7 Sage; 8 Herbs; 11 Sources; ");
  }

  TEST_CASE("the contents and the outline list a part a level above its articles") {
    const test::FakeMetrics metrics;
    core::DiagnosticList diagnostics;
    const LaidOutBook laid =
        lay_out_book(book_with_a_part(), metrics, test::small_style(16), layout::Hyphenators(), diagnostics);
    std::string contents;
    for (std::size_t i = 0; i < laid.front_matter_pages; ++i) {
      if (test::anchor_names(laid.pages[i]) != model::contents_id) continue;
      // The body's runs, from the text block's left edge.
      for (const TextRun& run : laid.pages[i].runs) {
        if (run.size == test::small_style(16).body_size && run.x < laid.pages[i].width / 2 &&
            run.text.find('.') == std::string::npos)
          contents += run.text + (run.face == fonts::FontFace::serif_bold ? " (bold)" : "") + " at " +
                      std::to_string(static_cast<int>(run.x.value)) + "\n";
      }
    }
    CHECK(contents ==
          "Herbs (bold) at 0\n"
          "Mint at 15\n"
          "Sage at 15\n"
          "Stones at 0\n"
          "Sources at 0\n");
    REQUIRE(laid.outline.size() == 6);  // title page, disclaimer, contents, Herbs, Stones, Sources
    CHECK(laid.outline[3].title == "Herbs");
    CHECK(laid.outline[3].destination == "p1");
    REQUIRE(laid.outline[3].children.size() == 2);
    CHECK(laid.outline[3].children[1].title == "Sage");
    CHECK(laid.outline[4].title == "Stones");
  }

  TEST_CASE("a link whose destination no page holds is left as text, with a warning at the link") {
    // The anchor table says a9 has "missing", but no page places it (a stale table). The warning
    // points at the first link to it and names the place as the author did, not as layout does.
    model::Inline link = model::link_inline("#missing", {model::text_inline("elsewhere")}, {"a1.md", 3, 4});
    link.target_article = "a9";
    model::Inline again = model::link_inline("#missing", {model::text_inline("again")}, {"a1.md", 5, 1});
    again.target_article = "a9";
    model::Inline own = model::link_inline("#lost", {model::text_inline("here")}, {"a1.md", 7, 2});
    model::Book book = test::book_of(
        {test::article("a1", "Linking", {model::paragraph_block({model::text_inline("Go "), link, again, own})}),
         test::article("a9", "Elsewhere", {test::paragraph("Nothing named.")})});
    book.anchors.articles["a9"].ids.insert("missing");
    book.anchors.articles["a1"].ids.insert("lost");
    const test::FakeMetrics metrics;
    core::DiagnosticList diagnostics;
    const LaidOutBook laid = lay_out_book(book, metrics, test::small_style(16), layout::Hyphenators(), diagnostics);
    CHECK(diagnostics.to_string() ==
          "a1.md:3:4: warning: expected a place in the PDF for the link to 'a9.md#missing', found none\n"
          "  hint: the link's text is kept, unlinked\n"
          "a1.md:7:2: warning: expected a place in the PDF for the link to '#lost', found none\n"
          "  hint: the link's text is kept, unlinked\n");
    for (const Page& page : laid.pages) {
      for (const LinkArea& area : page.links)
        CHECK((area.destination != "a9#missing" && area.destination != "a1#lost"));
    }
  }
}
