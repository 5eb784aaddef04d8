#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "import/manifest.hpp"
#include "style/read_page_style.hpp"
#include "style/style_keys.hpp"

using namespace octavo;

namespace {

// The shipped style files; the corpus and its book.toml are in memory.
const core::DiskFileSystem& shipped_styles() {
  static const core::DiskFileSystem styles(OCTAVO_SOURCE_DIR "/styles");
  return styles;
}

struct Read {
  std::optional<layout::PageStyle> style;
  std::string diagnostics;
};

// book.toml is read as import::read_corpus reads it; only the style reader's diagnostics count.
Read read(const std::string& manifest, const core::FileSystem& styles = shipped_styles()) {
  core::DiagnosticList manifest_diagnostics;
  const import::StyleChoice choice =
      manifest.empty() ? import::StyleChoice{} : import::read_manifest(manifest, manifest_diagnostics).style;
  core::DiagnosticList diagnostics;
  Read out{style::read_page_style(choice, styles, "styles", diagnostics), ""};
  out.diagnostics = diagnostics.to_string();
  return out;
}

// Every field, exactly (17 significant digits), so that two styles compare as text.
std::string describe(const layout::PageStyle& s) {
  std::string out;
  const auto add = [&](const char* name, double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s %.17g\n", name, value);
    out += buffer;
  };
  add("page_width", s.page_width.value);
  add("page_height", s.page_height.value);
  add("margin_inner", s.margin_inner.value);
  add("margin_outer", s.margin_outer.value);
  add("margin_top", s.margin_top.value);
  add("body_height", s.body_height.value);
  add("body_size", s.body_size.value);
  add("leading", s.leading.value);
  add("paragraph_indent", s.paragraph_indent.value);
  add("space_stretch", s.space_stretch);
  add("space_shrink", s.space_shrink);
  add("inline_code_scale", s.inline_code_scale);
  add("part_title_size", s.part_title_size.value);
  add("part_title_leading", s.part_title_leading.value);
  add("part_title_space_after", s.part_title_space_after.value);
  for (const core::Pt size : s.heading_size) add("heading_size", size.value);
  add("heading_space_before", s.heading_space_before.value);
  add("heading_space_after", s.heading_space_after.value);
  add("block_space", s.block_space.value);
  add("list_indent", s.list_indent.value);
  add("list_marker_gap", s.list_marker_gap.value);
  add("quote_indent", s.quote_indent.value);
  add("code_indent", s.code_indent.value);
  add("code_size", s.code_size.value);
  add("code_leading", s.code_leading.value);
  add("ornament_width", s.ornament_width.value);
  add("rule_thickness", s.rule_thickness.value);
  add("small_size", s.small_size.value);
  add("small_leading", s.small_leading.value);
  add("note_space_before", s.note_space_before.value);
  add("note_hanging_indent", s.note_hanging_indent.value);
  add("contents_indent", s.contents_indent.value);
  add("contents_number_width", s.contents_number_width.value);
  add("contents_entry_space", s.contents_entry_space.value);
  add("footnote_space", s.footnote_space.value);
  add("footnote_rule_width", s.footnote_rule_width.value);
  add("running_head_size", s.running_head_size.value);
  add("running_head_baseline", s.running_head_baseline.value);
  add("running_head_rule_y", s.running_head_rule_y.value);
  add("folio_size", s.folio_size.value);
  add("folio_baseline", s.folio_baseline.value);
  add("review_mark_size", s.review_mark_size.value);
  add("book_title_size", s.book_title_size.value);
  add("book_title_leading", s.book_title_leading.value);
  add("book_subtitle_size", s.book_subtitle_size.value);
  add("book_author_size", s.book_author_size.value);
  add("title_block_top", s.title_block_top.value);
  add("imprint_baseline", s.imprint_baseline.value);
  return out;
}

// Characters a line at Noto Serif's average of 0.475 em a character (measured on corpus/).
double characters_a_line(const layout::PageStyle& s) { return s.measure() / (s.body_size * 0.475); }

}  // namespace

TEST_SUITE("style.read_page_style") {
  TEST_CASE("without a choice the book gets styles/a5.toml, which is exactly the house design") {
    const Read none = read("");
    CHECK(none.diagnostics == "");
    REQUIRE(none.style);
    CHECK(describe(*none.style) == describe(style::default_page_style()));
    const Read named = read("title = \"T\"\nstyle = \"a5\"\n");
    REQUIRE(named.style);
    CHECK(describe(*named.style) == describe(style::default_page_style()));
  }

  TEST_CASE("every shipped style reads cleanly, has its paper size and a measure of 60 to 70 characters") {
    struct Case {
      const char* name;
      double width, height;
    };
    for (const Case& c :
         {Case{"a5", 419.53, 595.28}, Case{"a4", 595.28, 841.89}, Case{"letter", 612, 792}, Case{"6x9", 432, 648}}) {
      CAPTURE(c.name);
      const Read r = read(std::string("style = \"") + c.name + "\"\n");
      CHECK(r.diagnostics == "");
      REQUIRE(r.style);
      CHECK(r.style->page_width.value == doctest::Approx(c.width).epsilon(0.001));
      CHECK(r.style->page_height.value == doctest::Approx(c.height).epsilon(0.001));
      CHECK(characters_a_line(*r.style) >= 60);
      CHECK(characters_a_line(*r.style) <= 70);
      // Leading 125–140 % of the body size, and a bottom margin wider than the top one.
      CHECK(r.style->leading / r.style->body_size >= 1.25);
      CHECK(r.style->leading / r.style->body_size <= 1.4);
      CHECK(r.style->page_height - r.style->margin_top - r.style->body_height > r.style->margin_top);
    }
  }

  TEST_CASE("a [style] table picks a base and overrides single values, in any unit") {
    const Read r = read(
        "[style]\n"
        "base = \"a4\"\n"
        "body_size = 11\n"
        "margin_inner = \"1in\"\n"
        "margin_outer = \"3cm\"\n"
        "lines_per_page = 40\n");
    CHECK(r.diagnostics == "");
    REQUIRE(r.style);
    CHECK(r.style->body_size == core::Pt(11));
    CHECK(r.style->margin_inner == core::Pt(72));
    CHECK(r.style->margin_outer.value == doctest::Approx(85.0394));
    CHECK(r.style->leading == core::Pt(16));  // from a4.toml
    CHECK(r.style->body_height == core::Pt(640));
    // Positions kept from the page top move with the text block.
    CHECK(r.style->folio_baseline == r.style->margin_top + core::Pt(640) + core::Pt(32));
    // Without a base the overrides apply to the default style.
    const Read a5 = read("[style]\nbody_size = \"9.5pt\"\n");
    REQUIRE(a5.style);
    CHECK(a5.style->body_size == core::Pt(9.5));
    CHECK(a5.style->page_width == core::millimetres(148));
  }

  TEST_CASE("an unknown style name is an error at its value, with the styles there are") {
    CHECK(read("style = \"a3\"\n").diagnostics ==
          "book.toml:1:9: error: unknown style 'a3'\n"
          "  hint: available styles: 6x9, a4, a5, letter\n");
    CHECK(read("[style]\nbase = \"../a4\"\n").diagnostics ==
          "book.toml:2:8: error: unknown style '../a4'\n"
          "  hint: available styles: 6x9, a4, a5, letter\n");
    CHECK_FALSE(read("style = \"a3\"\n").style);
  }

  TEST_CASE("unknown keys and values of the wrong type or sign are errors at book.toml line:col") {
    const Read r = read(
        "title = \"T\"\n"
        "[style]\n"
        "base = 4\n"
        "body_sise = 11\n"
        "leading = true\n"
        "margin_top = \"2 furlongs\"\n"
        "page_width = 0\n"
        "margin_inner = -3\n"
        "lines_per_page = 12.5\n");
    CHECK_FALSE(r.style);
    CHECK(r.diagnostics.find("book.toml:3:8: error: expected a style name for 'base', found an integer\n") == 0);
    CHECK(r.diagnostics.find("book.toml:4:1: error: unknown style key 'body_sise' in [style]\n"
                             "  hint: known keys: base (in book.toml), page_width, page_height,") != std::string::npos);
    CHECK(r.diagnostics.find("book.toml:5:11: error: expected a length for 'leading', found a boolean\n") !=
          std::string::npos);
    CHECK(r.diagnostics.find("book.toml:6:14: error: expected a length such as \"10pt\", \"20mm\" or \"0.5in\" for "
                             "'margin_top', found '2 furlongs'\n") != std::string::npos);
    CHECK(r.diagnostics.find("book.toml:7:14: error: expected a size greater than 0 for 'page_width'\n") !=
          std::string::npos);
    CHECK(r.diagnostics.find("book.toml:8:16: error: expected a value of 0 or more for 'margin_inner'\n") !=
          std::string::npos);
    CHECK(r.diagnostics.find("book.toml:9:18: error: expected a whole number of lines for 'lines_per_page', found a "
                             "floating-point number\n") != std::string::npos);
    CHECK(read("style = 3\n").diagnostics ==
          "book.toml:1:9: error: expected a style name or a [style] table for 'style', found an integer\n");
  }

  TEST_CASE("geometry that cannot be set is an error at the override that causes it") {
    CHECK(read("[style]\nmargin_outer = \"130mm\"\n").diagnostics ==
          "book.toml:2:16: error: the margins (48.19 pt and 368.5 pt) leave a measure of 2.83 pt on a page "
          "419.53 pt wide, less than 12 ems of the body size\n"
          "  hint: make the margins narrower or the page wider\n");
    CHECK(read("[style]\nlines_per_page = 45\n").diagnostics ==
          "book.toml:2:18: error: the text block (607.5 pt below a top margin of 53.86 pt) is taller than the page "
          "(595.28 pt)\n"
          "  hint: set fewer lines_per_page, a smaller leading or a smaller margin_top\n");
    CHECK(read("[style]\nfolio_drop = 100\n").diagnostics ==
          "book.toml:2:14: error: the folio's baseline (626.36 pt from the top) falls below the page (595.28 pt)\n");
    CHECK(read("[style]\nrunning_head_raise = 60\n").diagnostics ==
          "book.toml:2:22: error: the running head rises above the page: margin_top is 53.86 pt\n");
    CHECK(read("[style]\nlines_per_page = 5\n").diagnostics ==
          "book.toml:2:18: error: expected at least 8 lines a page for 'lines_per_page'\n"
          "  hint: part titles, and headings kept with two lines of text, need that many\n");
    CHECK(read("[style]\nfootnote_rule_width = \"120mm\"\n").diagnostics ==
          "book.toml:2:23: error: the footnote rule (340.16 pt) is wider than the measure (306.14 pt)\n");
    CHECK(read("[style]\nfootnote_space = 460\n").diagnostics ==
          "book.toml:2:18: error: footnote_space (460 pt) leaves no room for two lines of notes on a page\n"
          "  hint: a long note needs a page that holds its first two lines\n");
    CHECK(read("[style]\nspace_shrink = 1\n").diagnostics ==
          "book.toml:2:16: error: expected a space_shrink less than 1, found 1.000000\n"
          "  hint: a shrink of 1 lets spaces vanish\n");
  }

  TEST_CASE("a style file must set every key and use only known ones") {
    const core::MemoryFileSystem styles(
        std::map<std::string, std::string>{{"thin.toml", "page_width = 100\n\nwidth = 3\n"}});
    const Read r = read("style = \"thin\"\n", styles);
    CHECK_FALSE(r.style);
    CHECK(r.diagnostics.find("styles/thin.toml:3:1: error: unknown style key 'width'\n") == 0);
    CHECK(r.diagnostics.find("styles/thin.toml: error: the style file does not set page_height, margin_inner,") !=
          std::string::npos);
    const core::MemoryFileSystem broken(std::map<std::string, std::string>{{"bad.toml", "page_width = \n"}});
    CHECK(read("style = \"bad\"\n", broken).diagnostics.find("styles/bad.toml:1:14: error: toml syntax error") == 0);
  }

  TEST_CASE("a data folder without the default style is an error at that file") {
    const core::MemoryFileSystem empty(std::map<std::string, std::string>{});
    CHECK(read("", empty).diagnostics ==
          "styles/a5.toml: error: cannot read the default style\n"
          "  hint: Octavo's styles/ folder is incomplete\n");
  }

  TEST_CASE("a book.toml that does not parse is the manifest's to report: the style stays the default") {
    const Read r = read("style = \n");
    CHECK(r.diagnostics == "");
    REQUIRE(r.style);
    CHECK(describe(*r.style) == describe(style::default_page_style()));
  }
}
