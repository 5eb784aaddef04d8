#include <doctest/doctest.h>

#include "epub/xhtml_page.hpp"
#include "epub/xml_document.hpp"
#include "epub_test_book.hpp"

using namespace octavo::epub;

TEST_SUITE("epub.xml_document") {
  TEST_CASE("declaration, optional doctype, root and a final newline") {
    CHECK(xml_document(xml_element("a", {{"x", "1"}}, {xml_text("t")})) ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a x=\"1\">t</a>\n");
    CHECK(xml_document(xml_element("html"), "html") ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html/>\n");
  }

  TEST_CASE("hostile text comes out escaped and legal") {
    CHECK(xml_document(xml_element("p", {}, {xml_text(test::hostile)})) ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<p>&lt;script&gt;x&lt;/script&gt; &amp; ]]&gt;  .</p>\n");
  }

  TEST_CASE("hostile attribute values come out escaped and legal, and tabs and newlines survive") {
    // '>' needs no escape inside an attribute value (XML 1.0 §2.3 AttValue).
    CHECK(xml_document(xml_element("a", {{"title", test::hostile + "\"'\t\n"}})) ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<a title=\"&lt;script>x&lt;/script> &amp; ]]>  .&quot;'&#09;&#10;\"/>\n");
  }

  TEST_CASE("NUL bytes and invalid UTF-8 cannot reach the output") {
    CHECK(xml_document(xml_element("p", {}, {xml_text(std::string("a\0b\xff", 4))})) ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<p>ab\xef\xbf\xbd</p>\n");
  }

  TEST_CASE("block elements put each child on its own line; inline content stays untouched") {
    XmlNode list = xml_block("ul", {},
                             {xml_element("li", {}, {xml_text("a "), xml_element("em", {}, {xml_text("b")})}),
                              xml_element("li", {}, {xml_text("c")})});
    CHECK(xml_document(list) ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ul>\n<li>a <em>b</em></li>\n<li>c</li>\n</ul>\n");
  }

  TEST_CASE("deep nesting does not exhaust the stack") {
    XmlNode root = xml_element("div");
    XmlNode* node = &root;
    for (int i = 0; i < 100000; ++i) node = &node->append(xml_element("div"));
    const std::string out = xml_document(root);
    CHECK(out.size() > 100000 * 6);
    // XmlNode's destructor recurses: take the chain apart one level at a time before it runs.
    std::vector<XmlNode> level = std::move(root.children);
    while (!level.empty()) {
      std::vector<XmlNode> next = std::move(level.front().children);
      level = std::move(next);
    }
  }
}

namespace {
// xml_children takes no lvalue: passing a named node without std::move would copy its tree.
template <class Node>
concept takes_as_child = requires(Node&& node) {
  xml_children(std::forward<Node>(node));
};
static_assert(takes_as_child<XmlNode>);
static_assert(!takes_as_child<XmlNode&>);
static_assert(!takes_as_child<const XmlNode&>);
// Nor does xhtml_page take its body's children in braces, which would copy them.
template <class Node>
concept page_takes_braces = requires(const std::string& s, Node node) {
  xhtml_page(s, s, s, {node});
};
template <class Node>
concept page_takes_moved = requires(const std::string& s, Node node) {
  xhtml_page(s, s, s, xml_children(std::move(node)));
};
static_assert(!page_takes_braces<XmlNode>);
static_assert(page_takes_moved<XmlNode>);
}  // namespace

TEST_SUITE("epub.xml_document") {
  TEST_CASE("xml_children moves its nodes in, in order, and leaves the originals empty") {
    XmlNode list =
        xml_block("ol", {}, {xml_element("li", {}, {xml_text("1")}), xml_element("li", {}, {xml_text("2")})});
    XmlNode heading = xml_element("h1", {}, {xml_text("T")});
    const std::vector<XmlNode> children = xml_children(std::move(heading), std::move(list));
    REQUIRE(children.size() == 2);
    CHECK(children[0].name == "h1");
    CHECK(children[1].children.size() == 2);
    CHECK(list.children.empty());     // NOLINT(bugprone-use-after-move): a moved vector is empty
    CHECK(heading.children.empty());  // NOLINT(bugprone-use-after-move)
    CHECK(xml_document(xml_block("body", {}, xml_children(xml_text("a"), xml_element("b")))) ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<body>\na\n<b/>\n</body>\n");
  }
}
