#include <doctest/doctest.h>

#include <string>

#include "layout/flow.hpp"
#include "layout/layout_test_support.hpp"
#include "layout/set_blocks.hpp"

using namespace octavo;
using namespace octavo::layout;

namespace {

// Each line's keep as a letter: '.' none, 'w' weak, 'k' strong (the page may not end after it).
std::string keeps(const std::vector<FlowLine>& lines) {
  std::string out;
  for (const FlowLine& line : lines) out += line.keep == Keep::strong ? 'k' : line.keep == Keep::weak ? 'w' : '.';
  return out;
}

// `words` words of four letters: at 5 pt a character, eight words fill a 200 pt line.
std::string words(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) text += i == 0 ? "aaaa" : " aaaa";
  return text;
}

model::Block item_of(std::vector<model::Block> children) {
  model::Block item;
  item.kind = model::BlockKind::list_item;
  item.children = std::move(children);
  return item;
}

// The keeps of `block` set in a frame that leaves its text 200 pt once indented.
std::string keeps_of(const model::Block& block) {
  test::LayoutFixture f;
  Flow flow;
  BlockSetter setter(f.context, flow, "a1#", nullptr);
  const core::Pt indents = block.kind == model::BlockKind::block_quote ? f.style.quote_indent * 2 : f.style.list_indent;
  setter.set_blocks({block}, BlockFrame{core::Pt(0), core::Pt(200) + indents});
  return keeps(flow.finish());
}

}  // namespace

TEST_SUITE("layout.set_blocks") {
  TEST_CASE("a list item of up to five lines is kept whole; a longer one only by widow and orphan rules") {
    model::Block list;
    list.kind = model::BlockKind::bullet_list;
    list.children.push_back(item_of({test::paragraph(words(40))}));  // five lines
    list.children.push_back(item_of({test::paragraph(words(56))}));  // seven lines
    CHECK(keeps_of(list) ==
          "wwww."
          "w....w.");
  }

  TEST_CASE("a term is set flush after a definition, and kept with the first line of its own") {
    // Two terms, each with a definition of seven lines (too long to be kept whole), then a paragraph.
    test::LayoutFixture f;
    Flow flow;
    BlockSetter setter(f.context, flow, "a1#", nullptr);
    std::vector<model::Block> blocks;
    for (const char* name : {"-a", "-b"}) {
      model::Block term = test::paragraph(name);
      term.role = model::BlockRole::term;
      model::Block definition;
      definition.kind = model::BlockKind::block_quote;
      definition.children = {test::paragraph(words(56))};
      blocks.push_back(term);
      blocks.push_back(definition);
    }
    blocks.push_back(test::paragraph(words(4)));
    setter.set_blocks(blocks, BlockFrame{core::Pt(0), core::Pt(200) + f.style.quote_indent * 2});
    const std::vector<FlowLine> lines = flow.finish();
    REQUIRE(lines.size() == 17);
    CHECK(keeps(lines) == "kw....w.kw....w..");  // each term kept with its definition's first line
    // Both terms flush left; the paragraph after a definition indented, as after any quote.
    CHECK(lines[0].runs.front().x == core::Pt(0));
    CHECK(lines[8].runs.front().x == core::Pt(0));
    CHECK(lines[16].runs.front().x == f.style.paragraph_indent);
  }

  TEST_CASE("a short block quote of two paragraphs is kept whole") {
    model::Block quote;
    quote.kind = model::BlockKind::block_quote;
    quote.children = {test::paragraph(words(16)), test::paragraph(words(16))};
    CHECK(keeps_of(quote) == "www.");
  }

  TEST_CASE("ordered list markers follow the list's numbering: letters, roman numerals, digits past their range") {
    const auto markers = [](model::ListNumbering numbering, int start, int count) {
      model::Block list;
      list.kind = model::BlockKind::ordered_list;
      list.numbering = numbering;
      list.start = start;
      for (int i = 0; i < count; ++i) list.children.push_back(item_of({test::paragraph("x")}));
      test::LayoutFixture f;
      Flow flow;
      BlockSetter setter(f.context, flow, "a1#", nullptr);
      setter.set_blocks({list}, BlockFrame{core::Pt(0), core::Pt(300)});
      std::string out;
      for (const FlowLine& line : flow.finish()) {
        for (const TextRun& run : line.runs) {
          if (run.text != "x") out += run.text + " ";
        }
      }
      return out;
    };
    CHECK(markers(model::ListNumbering::decimal, 0, 2) == "0. 1. ");
    CHECK(markers(model::ListNumbering::lower_alpha, 25, 3) == "y. z. aa. ");
    CHECK(markers(model::ListNumbering::upper_alpha, 1, 2) == "A. B. ");
    CHECK(markers(model::ListNumbering::lower_roman, 3, 3) == "iii. iv. v. ");
    CHECK(markers(model::ListNumbering::upper_roman, 1998, 2) == "MCMXCVIII. MCMXCIX. ");
    CHECK(markers(model::ListNumbering::lower_roman, 3999, 2) == "mmmcmxcix. 4000. ");
    CHECK(markers(model::ListNumbering::lower_alpha, 0, 2) == "0. a. ");
  }
}
