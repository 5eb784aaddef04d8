#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "layout/page_furniture.hpp"
#include "layout/paginate.hpp"
#include "style/style_keys.hpp"

using namespace octavo;
using namespace octavo::layout;

namespace {

// Lines of height 10 described by letters: 'k' keeps with the next line, 'w' too but weakly,
// 'B' starts a page, 's' has 15 pt of space before it; anything else is a plain line.
std::vector<FlowLine> flow_of(const std::string& marks) {
  std::vector<FlowLine> lines;
  for (char mark : marks) {
    FlowLine line;
    line.height = core::Pt(10);
    line.keep = mark == 'k' ? Keep::strong : mark == 'w' ? Keep::weak : Keep::none;
    line.break_before = mark == 'B';
    if (mark == 's') line.space_before = core::Pt(15);
    lines.push_back(line);
  }
  return lines;
}

}  // namespace

TEST_SUITE("layout.paginate") {
  TEST_CASE("pages fill greedily") {
    CHECK(find_page_breaks(flow_of("......."), core::Pt(30)) == std::vector<std::size_t>{0, 3, 6});
    CHECK(find_page_breaks({}, core::Pt(30)).empty());
  }

  TEST_CASE("a page does not end after a line kept with the next: the kept lines move on") {
    // A heading ('k') as the third line would sit alone at the foot: it moves to page two.
    CHECK(find_page_breaks(flow_of("..k..."), core::Pt(30)) == std::vector<std::size_t>{0, 2, 5});
    // Heading, then a paragraph whose first line keeps with its second.
    CHECK(find_page_breaks(flow_of("..kk.."), core::Pt(30)) == std::vector<std::size_t>{0, 2, 5});
  }

  TEST_CASE("when a page cannot honour every keep, weak ones give way first") {
    // A title ('k'), a one-line paragraph weakly kept after it, a heading ('k') and its text:
    // the page ends before the heading rather than under it.
    CHECK(find_page_breaks(flow_of("kwkw.."), core::Pt(30)) == std::vector<std::size_t>{0, 2, 5});
  }

  TEST_CASE("keeps longer than a page give way rather than loop") {
    CHECK(find_page_breaks(flow_of("kkkkk."), core::Pt(30)) == std::vector<std::size_t>{0, 3});
  }

  TEST_CASE("a forced break starts a page; space before a line is dropped at the top of a page") {
    CHECK(find_page_breaks(flow_of("B.B."), core::Pt(100)) == std::vector<std::size_t>{0, 2});
    // "..s" needs 10 + 10 + 15 + 10 = 45 > 40: the spaced line opens page two without its space.
    CHECK(find_page_breaks(flow_of("..s."), core::Pt(40)) == std::vector<std::size_t>{0, 2});
    std::vector<FlowLine> lines = flow_of("..s.");
    Page page;
    CHECK(place_lines(page, lines, 2, 4, core::Pt(0), core::Pt(0)).value == 20);
  }

  TEST_CASE("rectos have the inner margin on the left, versos the outer one; bodies are placed from it") {
    PageStyle style = style::default_page_style();
    std::vector<FlowLine> lines = flow_of("B.B.B.");
    for (FlowLine& line : lines) {
      line.runs.push_back({fonts::FontFace::serif, core::Pt(10), core::Pt(3.3), core::Pt(8), "x"});
      line.rules.push_back({core::Pt(0.7), core::Pt(1), core::Pt(20.1), core::Pt(1), core::Pt(0.5)});
      line.links.push_back({core::Pt(3.3), core::Pt(0), core::Pt(9.9), core::Pt(10), "target", ""});
    }
    const std::vector<Page> pages = paginate(lines, style, true);
    REQUIRE(pages.size() == 3);
    CHECK(pages[0].text_left == style.margin_inner);
    CHECK(pages[1].text_left == style.margin_outer);
    CHECK(pages[2].text_left == style.margin_inner);
    // The body, bit for bit the same on a recto and a verso: the PDF writer keeps its drawing.
    for (const Page& page : pages) {
      CHECK(page.runs[0].x == core::Pt(3.3));
      CHECK(page.rules[0].x1 == core::Pt(0.7));
      CHECK(page.rules[0].x2 == core::Pt(20.1));
      CHECK(placed_runs(page)[0].x == page.text_left + core::Pt(3.3));
      // Links are clicked on the page: they are placed there.
      CHECK(page.links[0].left == page.text_left + core::Pt(3.3));
      CHECK(page.links[0].right == page.text_left + core::Pt(9.9));
    }
    CHECK(pages[0].runs[0].baseline == style.margin_top + core::Pt(8));
  }

  TEST_CASE("cut_into_pages leaves the sides to place_on_sides; the two halves make paginate's pages") {
    PageStyle style = style::default_page_style();
    std::vector<FlowLine> lines = flow_of("B.B.B.");
    for (FlowLine& line : lines) {
      line.runs.push_back({fonts::FontFace::serif, core::Pt(10), core::Pt(3.3), core::Pt(8), "x"});
      line.links.push_back({core::Pt(3.3), core::Pt(0), core::Pt(9.9), core::Pt(10), "target", ""});
    }
    std::vector<Page> cut = cut_into_pages(lines, style);
    REQUIRE(cut.size() == 3);
    for (const Page& page : cut) {
      CHECK(page.text_left == core::Pt(0));
      CHECK(page.links[0].left == core::Pt(3.3));
    }
    // Starting on a verso, as an article after one of an odd count of pages does.
    place_on_sides(cut, style, false);
    const std::vector<Page> whole = paginate(lines, style, false);
    REQUIRE(whole.size() == 3);
    for (std::size_t k = 0; k < 3; ++k) {
      CHECK(cut[k].text_left == (k % 2 == 0 ? style.margin_outer : style.margin_inner));
      CHECK(cut[k].text_left == whole[k].text_left);
      CHECK(cut[k].links[0].left == whole[k].links[0].left);
      CHECK(cut[k].links[0].right == whole[k].links[0].right);
      CHECK(cut[k].runs[0].x == whole[k].runs[0].x);
      CHECK(cut[k].runs[0].baseline == whole[k].runs[0].baseline);
    }
  }

  TEST_CASE("a page opened by a line with a repeated head starts with a copy of the head, and has less room") {
    // A head line 'H' kept with the first of seven body lines, which all carry a copy of it.
    std::vector<FlowLine> lines = flow_of("k.......");
    lines[0].runs.push_back({fonts::FontFace::serif, core::Pt(10), core::Pt(0), core::Pt(8), "H"});
    auto head = std::make_shared<const std::vector<FlowLine>>(std::vector<FlowLine>{lines[0]});
    for (std::size_t i = 1; i < lines.size(); ++i) {
      lines[i].runs.push_back({fonts::FontFace::serif, core::Pt(10), core::Pt(0), core::Pt(8), std::to_string(i)});
      lines[i].repeated_head = head;
    }
    // Page one: H 1 2 3; page two: (H) 4 5 6; page three: (H) 7. Without the head, 4–7 fit on two.
    CHECK(find_page_breaks(lines, core::Pt(40)) == std::vector<std::size_t>{0, 4, 7});
    PageStyle style = style::default_page_style();
    style.body_height = core::Pt(40);
    const std::vector<Page> pages = paginate(lines, style, true);
    REQUIRE(pages.size() == 3);
    auto texts = [](const Page& page) {
      std::string out;
      for (const TextRun& run : page.runs)
        out += run.text + "@" + std::to_string(static_cast<int>(run.baseline.value)) + " ";
      return out;
    };
    const int top = static_cast<int>(style.margin_top.value);
    const auto at = [top](int y) { return std::to_string(top + y); };
    CHECK(texts(pages[0]) == "H@" + at(8) + " 1@" + at(18) + " 2@" + at(28) + " 3@" + at(38) + " ");
    CHECK(texts(pages[1]) == "H@" + at(8) + " 4@" + at(18) + " 5@" + at(28) + " 6@" + at(38) + " ");
    CHECK(texts(pages[2]) == "H@" + at(8) + " 7@" + at(18) + " ");
  }
}

TEST_SUITE("layout.page_furniture") {
  TEST_CASE("front matter folios are lower-case roman numerals") {
    CHECK(roman_numeral(1) == "i");
    CHECK(roman_numeral(4) == "iv");
    CHECK(roman_numeral(9) == "ix");
    CHECK(roman_numeral(14) == "xiv");
    CHECK(roman_numeral(1999) == "mcmxcix");
    CHECK(roman_numeral(0).empty());
  }
}
