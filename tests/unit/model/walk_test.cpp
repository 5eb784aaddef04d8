#include <doctest/doctest.h>

#include <string>

#include "model/walk.hpp"

using namespace octavo::model;

namespace {

std::string name_of(const Block& block) {
  switch (block.kind) {
    case BlockKind::paragraph: return "paragraph";
    case BlockKind::heading: return "heading";
    case BlockKind::block_quote: return "quote";
    case BlockKind::bullet_list: return "list";
    case BlockKind::list_item: return "item";
    case BlockKind::details: return "details";
    default: return "block";
  }
}

std::string name_of(const Inline& run) {
  switch (run.kind) {
    case InlineKind::text: return "'" + run.text + "'";
    case InlineKind::emphasis: return "em";
    case InlineKind::link: return "link";
    default: return "inline";
  }
}

// One line per event: "+name" on enter, "-name" on exit, indented by depth.
template <typename Walk>
std::string trace(Walk walker) {
  std::string out;
  while (walker.next()) {
    out.append(walker.depth() * 2, ' ');
    out += walker.entering() ? "+" : "-";
    out += walker.block() != nullptr ? name_of(*walker.block()) : name_of(*walker.inline_node());
    out += '\n';
  }
  return out;
}

std::vector<Block> sample() {
  Block details = container_block(BlockKind::details, {paragraph_block({text_inline("inside")})});
  details.inlines = {text_inline("summary")};
  return {heading_block(1, {text_inline("Title")}),
          paragraph_block({text_inline("a "), span_inline(InlineKind::emphasis, {text_inline("b")})}),
          container_block(
              BlockKind::bullet_list,
              {container_block(BlockKind::list_item, {paragraph_block({link_inline("#x", {text_inline("c")})})})}),
          details};
}

}  // namespace

TEST_SUITE("model.walk") {
  TEST_CASE("blocks are entered, then their inlines, their children, and exited, in document order") {
    const std::vector<Block> blocks = sample();
    CHECK(trace(Walker(blocks)) ==
          "+heading\n"
          "  +'Title'\n"
          "  -'Title'\n"
          "-heading\n"
          "+paragraph\n"
          "  +'a '\n"
          "  -'a '\n"
          "  +em\n"
          "    +'b'\n"
          "    -'b'\n"
          "  -em\n"
          "-paragraph\n"
          "+list\n"
          "  +item\n"
          "    +paragraph\n"
          "      +link\n"
          "        +'c'\n"
          "        -'c'\n"
          "      -link\n"
          "    -paragraph\n"
          "  -item\n"
          "-list\n"
          "+details\n"
          "  +'summary'\n"
          "  -'summary'\n"
          "  +paragraph\n"
          "    +'inside'\n"
          "    -'inside'\n"
          "  -paragraph\n"
          "-details\n");
  }

  TEST_CASE("an empty list gives no events") {
    const std::vector<Block> none;
    Walker walker(none);
    CHECK_FALSE(walker.next());
    CHECK_FALSE(walker.next());
  }

  TEST_CASE("a walk over inlines alone") {
    const std::vector<Inline> inlines = {text_inline("x"), span_inline(InlineKind::emphasis, {text_inline("y")})};
    CHECK(trace(Walker(inlines)) == "+'x'\n-'x'\n+em\n  +'y'\n  -'y'\n-em\n");
  }

  TEST_CASE("skip_children passes over a node's content to its exit") {
    const std::vector<Block> blocks = sample();
    Walker walker(blocks);
    std::string out;
    while (walker.next()) {
      if (walker.block() == nullptr) continue;
      out += walker.entering() ? "+" : "-";  // appended piece by piece: GCC 12 -O3 -Wrestrict
      out += name_of(*walker.block());
      out += " ";
      if (walker.entering() && walker.block()->kind == BlockKind::bullet_list) walker.skip_children();
    }
    CHECK(out == "+heading -heading +paragraph -paragraph +list -list +details +paragraph -paragraph -details ");
  }

  TEST_CASE("a mutable walk edits the nodes it enters") {
    std::vector<Block> blocks = sample();
    for (MutableWalker walker(blocks); walker.next();) {
      if (walker.entering() && walker.inline_node() != nullptr && walker.inline_node()->kind == InlineKind::text)
        walker.inline_node()->text += "!";
    }
    CHECK(plain_text(blocks[1].inlines) == "a !b!");
    CHECK(plain_text(blocks[3].inlines) == "summary!");
  }

  TEST_CASE("nesting far deeper than any call stack allows is walked without recursion") {
    constexpr int depth = 200000;
    std::vector<Block> blocks{paragraph_block({text_inline("deepest")})};
    for (int i = 0; i < depth; ++i) {
      // Moved, never copied: a braced list would copy the tree, recursively, at every level.
      Block quote = container_block(BlockKind::block_quote, std::move(blocks));
      blocks = std::vector<Block>();
      blocks.push_back(std::move(quote));
    }
    std::size_t deepest = 0;
    std::size_t events = 0;
    for (Walker walker(blocks); walker.next(); ++events) deepest = std::max(deepest, walker.depth());
    CHECK(deepest == depth + 1);       // the text inside the paragraph inside every quote
    CHECK(events == 2 * (depth + 2));  // every node entered and exited once
  }
}
