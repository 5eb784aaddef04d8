#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "import/text_line_shapes.hpp"

using namespace octavo;
using import::WrappedLine;

namespace {

std::vector<WrappedLine> lines_of(std::string_view text) {
  core::DiagnosticList diagnostics;
  return import::wrapped_lines(import::read_source_lines("a.txt", text, diagnostics));
}

}  // namespace

TEST_SUITE("import.text_line_shapes") {
  TEST_CASE("a line's indentation, text and source columns, with tabs on 8-column stops") {
    const std::vector<WrappedLine> lines = lines_of("  \tab\tc  \n   \n\xC3\xA9t\xC3\xA9\n");
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].indent == 8);
    CHECK(lines[0].text == "ab      c");
    CHECK(lines[0].width == 9);
    CHECK(lines[0].column() == 4);
    CHECK(lines[0].column(8) == 7);
    CHECK(lines[0].column(9) == 8);  // just after the line's text
    CHECK(lines[1].blank());
    CHECK(lines[2].width == 3);
    CHECK(lines[2].end() == 3);
    const WrappedLine rest = import::without_prefix(lines[0], 2);
    CHECK(rest.text == "c");
    CHECK(rest.indent == 16);
    CHECK(rest.column() == 7);
  }

  TEST_CASE("the wrap width is the median end of lines a paragraph goes on after; unknown with few") {
    CHECK(import::wrap_width(lines_of("aaaa\nb\n\nccc\nd\n")) == 0);
    CHECK(import::wrap_width(lines_of("aaaaaa\nbbbbbbb\nccccccc\nddddddd\neeeeeeeee\nf\n")) == 7);
  }

  TEST_CASE("rules, underlines and centred lines") {
    const std::vector<WrappedLine> lines = lines_of("* * *\nTitle\n=====\nTitle\n--\n    Centre    \n");
    CHECK(import::is_rule(lines[0]));
    CHECK_FALSE(import::is_rule(lines[1]));
    CHECK(import::underline_level(lines[1], lines[2]) == 1);
    CHECK(import::underline_level(lines[3], lines[4]) == 0);  // too short
    CHECK(import::is_centred(lines[5], 0, 14));
    CHECK_FALSE(import::is_centred(lines[5], 0, 30));
    CHECK_FALSE(import::is_centred(lines[5], 0, 0));
  }

  TEST_CASE("a framed box: its height and the inside of its sides") {
    const std::vector<WrappedLine> lines = lines_of("+------+\n| ab   |\n|  c   |\n+------+\n*****\n*****\n");
    CHECK(import::box_height(lines, 0, lines.size()) == 4);
    CHECK(import::box_inside(lines[1]).text == "ab");
    CHECK(import::box_inside(lines[1]).indent == 2);
    CHECK(import::box_inside(lines[2]).indent == 3);
    CHECK(import::box_height(lines, 4, lines.size()) == 0);  // two edges, nothing inside
  }

  TEST_CASE("a paragraph on one line: past 200 characters without its longest word, its words single-spaced") {
    std::string prose;  // 40 words of five letters: 239 characters
    for (int i = 0; i < 40; ++i) prose += i == 0 ? "words" : " words";
    CHECK(import::is_unwrapped_prose(prose));
    // Two spaces after a sentence now and then are prose still.
    CHECK(import::is_unwrapped_prose("First.  " + prose + ".  Last."));
    // A short line, one long only by its address, and one of text wrapped as wide as text is
    // wrapped (132 columns) are not.
    CHECK_FALSE(import::is_unwrapped_prose("short words"));
    const std::string address = "https://example.org/" + std::string(220, 'a');
    CHECK_FALSE(import::is_unwrapped_prose("See " + address + " for more."));
    CHECK_FALSE(import::is_unwrapped_prose(prose.substr(0, 132)));
    // Exactly 200 characters without the longest word is not past it.
    std::string edge = std::string(20, 'y');  // the longest word, then 200 characters
    for (int i = 0; i < 20; ++i) edge += " xxxxxxxxx";
    CHECK_FALSE(import::is_unwrapped_prose(edge));
    CHECK(import::is_unwrapped_prose(edge + "x"));
    // A side of a box, a row of a table drawn with bars: the frame's.
    CHECK_FALSE(import::is_unwrapped_prose("| " + prose + " |"));
    CHECK_FALSE(import::is_unwrapped_prose("* " + prose + " *"));
    CHECK(import::is_unwrapped_prose("* " + prose));
    // Columns: wide gaps between short words, or tabs.
    std::string columns;
    for (int i = 0; i < 40; ++i) columns += "cell    ";
    CHECK_FALSE(import::is_unwrapped_prose(columns));
    std::string tabbed;
    for (int i = 0; i < 40; ++i) tabbed += "cell\tcell ";
    CHECK_FALSE(import::is_unwrapped_prose(tabbed));
  }
}
