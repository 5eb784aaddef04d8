#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "core/diagnostics.hpp"
#include "import/html_tree.hpp"

using namespace octavo;
using import::HtmlNode;
using import::HtmlNodeKind;

namespace {

// One line per node: "<name a=v> @line:col" (with "/" when closed by its own end tag), "text"
// or "!comment", indented by depth.
std::string outline(const std::vector<HtmlNode>& nodes, int depth = 0) {
  std::string out;
  for (const HtmlNode& node : nodes) {
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
    if (node.kind == HtmlNodeKind::element) {
      out += "<" + node.name;
      for (const import::HtmlAttribute& attribute : node.attributes)
        out += " " + attribute.name + "=" + attribute.value;
      out += node.end_tag ? ">/" : ">";
    } else {
      out += std::string(node.kind == HtmlNodeKind::comment ? "!\"" : "\"") + node.text + "\"";
    }
    out += " @" + std::to_string(node.location.line) + ":" + std::to_string(node.location.column) + "\n";
    out += outline(node.children, depth + 1);
  }
  return out;
}

int depth_of(const std::vector<HtmlNode>& nodes) {
  int depth = 0;
  const std::vector<HtmlNode>* level = &nodes;
  while (!level->empty() && level->front().kind == HtmlNodeKind::element) {
    ++depth;
    level = &level->front().children;
  }
  return depth;
}

}  // namespace

TEST_SUITE("import.html_tree") {
  TEST_CASE("a fragment's nodes, with end tags, names and attributes as written, at their place in the file") {
    core::DiagnosticList diagnostics;
    const std::vector<HtmlNode> nodes = import::parse_html_fragment(
        "<DETAILS open>\n<summary Class=\"a&amp;b\">Clé <my-Widget>x</my-widget></summary><!-- c -->\n\tz", "body",
        {"a.md", 10, 5, 2}, diagnostics);
    CHECK(outline(nodes) ==
          "<details open=> @10:5\n"
          "  \"\n\" @10:19\n"
          "  <summary class=a&b>/ @11:3\n"
          "    \"Clé \" @11:28\n"
          "    <my-widget>/ @11:32\n"
          "      \"x\" @11:43\n"
          "  !\" c \" @11:66\n"
          "  \"\n\tz\" @11:76\n");
    CHECK(diagnostics.to_string() == "");
  }

  TEST_CASE("the context element decides how a fragment parses") {
    core::DiagnosticList diagnostics;
    CHECK(outline(import::parse_html_fragment("<td>x", "tr", {"a.md"}, diagnostics)) == "<td> @1:1\n  \"x\" @1:5\n");
    CHECK(outline(import::parse_html_fragment("<td>x", "body", {"a.md"}, diagnostics)) == "\"x\" @1:5\n");
    CHECK(outline(import::parse_html_fragment("<td>x", "no-such-element", {"a.md"}, diagnostics)) == "\"x\" @1:5\n");
    CHECK(import::parse_html_fragment("", "body", {"a.md"}, diagnostics).empty());
  }

  TEST_CASE("a document always has html, head and body; comments around them are kept") {
    core::DiagnosticList diagnostics;
    CHECK(outline(import::parse_html_document("<!--a-->text", {"a.html"}, diagnostics)) ==
          "!\"a\" @1:1\n"
          "<html> @1:9\n"
          "  <head> @1:9\n"
          "  <body> @1:9\n"
          "    \"text\" @1:9\n");
  }

  TEST_CASE("100,000 nested elements: 512 kept, the rest's text too, one warning, no deep recursion") {
    for (const char* tag : {"div", "span", "b", "blockquote", "table"}) {
      std::string text;
      for (int i = 0; i < 100000; ++i) text += std::string("<") + tag + ">";
      text += "deep";
      core::DiagnosticList diagnostics;
      const auto start = std::chrono::steady_clock::now();
      const std::vector<HtmlNode> nodes = import::parse_html_fragment(text, "body", {"a.html"}, diagnostics);
      const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      const std::string name = tag;
      CAPTURE(name);
      CHECK(depth_of(nodes) <= import::max_html_depth);
      CHECK(seconds < 20);                // gumbo alone takes minutes for 100,000 nested <div>s
      if (std::string(tag) != "table") {  // nested tables close each other: nothing to cut
        CHECK(diagnostics.to_string().find("warning: HTML nested deeper than 512 elements: the deeper tags are "
                                           "ignored and their text is kept") != std::string::npos);
      }
      std::string found;  // the text, wherever the parser put it (a table's goes before the table)
      std::vector<const std::vector<HtmlNode>*> pending{&nodes};
      while (!pending.empty()) {
        const std::vector<HtmlNode>* level = pending.back();
        pending.pop_back();
        for (const HtmlNode& node : *level) {
          if (node.kind == HtmlNodeKind::text) found += node.text;
          pending.push_back(&node.children);
        }
      }
      CHECK(found.ends_with("deep"));  // after the blanked tags
    }
  }

  TEST_CASE("the depth guard skips comments, quoted attribute values and the text of raw text elements") {
    std::string text;
    for (int i = 0; i < 600; ++i) text += "<!-- <div> --><i title='<div>'></i><script>'<div>'</script>";
    core::DiagnosticList diagnostics;
    import::parse_html_fragment(text, "body", {"a.html"}, diagnostics);
    CHECK(diagnostics.to_string() == "");
  }

  TEST_CASE("HTML longer than the limit is an error and parses to nothing") {
    core::DiagnosticList diagnostics;
    const std::string text(import::max_html_bytes + 1, 'x');
    CHECK(import::parse_html_document(text, {"a.html"}, diagnostics).empty());
    CHECK(diagnostics.to_string() ==
          "a.html:1:1: error: expected at most 32 MiB of HTML, found 32 MiB; it is left out\n");
  }
}
