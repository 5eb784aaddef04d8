#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "layout/paragraph_styles.hpp"
#include "style/style_keys.hpp"

using namespace octavo;
using namespace octavo::layout;

namespace {

// A format as text: "left+width first/rest leading face size alignment keeps".
std::string describe(const ParagraphFormat& f) {
  static const char* const faces[] = {"serif", "italic", "bold", "bold-italic", "mono", "fallback"};
  static const char* const alignments[] = {"justify", "left", "centre", "right"};
  char buffer[160];
  std::snprintf(buffer, sizeof buffer, "%g+%g %g/%g %g %s %g %s%s%s%s", f.left.value, f.width.value,
                f.first_indent.value, f.rest_indent.value, f.leading.value, faces[static_cast<int>(f.face)],
                f.size.value, alignments[static_cast<int>(f.alignment)], f.keep_together ? " together" : "",
                f.keep_with_next ? " with-next" : "", f.code ? " code" : "");
  return buffer;
}

std::string format(Role role) {
  return describe(paragraph_format(role, style::default_page_style(), core::Pt(10), core::Pt(200)));
}

}  // namespace

TEST_SUITE("layout.paragraph_styles") {
  TEST_CASE("each role's format comes from the page style") {
    CHECK(format(Role::body) == "10+200 0/0 13.5 serif 10 justify");
    CHECK(format(Role::lead) == "10+200 0/0 13.5 serif 10 justify");
    CHECK(format(Role::heading1) == "10+200 0/0 16.2 bold 12 left together with-next");
    CHECK(format(Role::heading3) == "10+200 0/0 13.5 bold-italic 10 left together with-next");
    CHECK(format(Role::part_title) == "10+200 0/0 22 serif 18 left together with-next");
    CHECK(format(Role::part_page_title) == "10+200 0/0 22 serif 18 centre together");
    CHECK(format(Role::code) == "10+200 0/0 10.5 mono 8 left code");
    CHECK(format(Role::note) == "10+200 0/10 10.5 serif 8 left");
    CHECK(format(Role::note_heading) == "10+200 0/10 10.5 bold 8 left together with-next");
    CHECK(format(Role::contents_part_entry) == "10+200 0/10 13.5 bold 10 left together");
    CHECK(format(Role::sources_entry) == "10+200 0/10 13.5 serif 10 left together with-next");
    CHECK(format(Role::table_caption) == "10+200 0/0 10.5 italic 8 left together with-next");
    CHECK(format(Role::figure_caption) == "10+200 0/0 10.5 italic 8 centre together");
    CHECK(format(Role::table_head_cell) == "10+200 0/0 13.5 bold 10 justify");
    CHECK(format(Role::details_summary) == "10+200 0/0 13.5 bold 10 left together with-next");
    CHECK(format(Role::outline_title) == "10+200 0/0 13.5 italic 10 left together with-next");
  }

  TEST_CASE("heading levels beyond 3 share the third level's style") {
    CHECK(heading_role(0) == Role::heading1);
    CHECK(heading_role(2) == Role::heading2);
    CHECK(heading_role(6) == Role::heading3);
  }

  TEST_CASE("notes and asides get their sizes from the small type style they are given") {
    const PageStyle small = small_type_style(style::default_page_style());
    CHECK(describe(paragraph_format(Role::body, small, core::Pt(0), core::Pt(100))) ==
          "0+100 0/0 10.5 serif 8 justify");
  }
}
