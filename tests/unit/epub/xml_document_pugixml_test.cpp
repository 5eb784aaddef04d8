// xml_document against pugixml, which wrote the EPUB's XML before it: the same trees must give the
// same bytes, so that the books did not change when the writing moved into xml_document.cpp. The
// reference below is the code that used pugixml then (format_raw, built from the same tree).
#include <doctest/doctest.h>

#include <cstdint>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "core/utf8.hpp"
#include "epub/xml_document.hpp"

using namespace octavo;
using namespace octavo::epub;

namespace {

class StringWriter final : public pugi::xml_writer {
 public:
  explicit StringWriter(std::string& out) : out_(out) {}
  void write(const void* data, std::size_t size) override { out_.append(static_cast<const char*>(data), size); }

 private:
  std::string& out_;
};

void add_text(pugi::xml_node parent, const std::string& text) {
  const std::string clean = core::xml_safe(text);
  if (!clean.empty()) parent.append_child(pugi::node_pcdata).set_value(clean.c_str(), clean.size());
}

void add_tree(pugi::xml_node parent, const XmlNode& node) {
  pugi::xml_node created = parent.append_child(node.name.c_str());
  for (const auto& [name, value] : node.attributes) {
    const std::string clean = core::xml_safe(value);
    created.append_attribute(name.c_str()).set_value(clean.c_str(), clean.size());
  }
  for (const XmlNode& child : node.children) {
    if (node.lines) add_text(created, "\n");
    if (child.name.empty()) {
      add_text(created, child.text);
    } else {
      add_tree(created, child);
    }
  }
  if (node.lines && !node.children.empty()) add_text(created, "\n");
}

std::string written_by_pugixml(const XmlNode& root, const std::string& doctype) {
  pugi::xml_document document;
  add_tree(document, root);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  if (!doctype.empty()) out += "<!DOCTYPE " + doctype + ">\n";
  StringWriter writer(out);
  document.save(writer, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  out += '\n';
  return out;
}

class Random {
 public:
  explicit Random(std::uint32_t seed) : state_(seed * 2654435761U + 1) {}
  std::uint32_t below(std::uint32_t n) {
    state_ = state_ * 1664525U + 1013904223U;
    return (state_ >> 8) % n;
  }

 private:
  std::uint32_t state_;
};

// Every C0 control but NUL, in order.
std::string every_control() {
  std::string controls;
  for (char c = 1; c < 32; ++c) controls += c;
  return controls;
}

// Text with every byte below 128 that matters to escaping, a few UTF-8 characters (one that XML
// forbids, U+FFFE) and, now and then, nothing at all or nothing that survives cleaning.
std::string random_text(Random& random) {
  static const std::vector<std::string> pieces = {"a",
                                                  "word",
                                                  " ",
                                                  "&",
                                                  "<",
                                                  ">",
                                                  "\"",
                                                  "'",
                                                  "\t",
                                                  "\n",
                                                  "\r",
                                                  "\x01",
                                                  "\x1f",
                                                  "\x7f",
                                                  "\xc3\xa9",
                                                  "\xe2\x80\x94",
                                                  "\xef\xbf\xbe",
                                                  "\xf0\x9f\x98\x80",
                                                  "]]>",
                                                  "\xff",
                                                  "\xe2\x80",  // a sequence cut short
                                                  every_control(),
                                                  std::string(1, '\0')};
  const std::uint32_t kind = random.below(10);
  if (kind == 0) return "";
  if (kind == 1) return "\x01\x02";
  std::string text;
  const std::uint32_t count = 1 + random.below(8);
  for (std::uint32_t i = 0; i < count; ++i) text += pieces[random.below(static_cast<std::uint32_t>(pieces.size()))];
  return text;
}

XmlNode random_tree(Random& random, int depth) {
  static const std::vector<std::string> names = {"p", "em", "section", "a", "br", "li", "navPoint"};
  XmlNode node = xml_element(names[random.below(static_cast<std::uint32_t>(names.size()))]);
  node.lines = random.below(3) == 0;
  const std::uint32_t attributes = random.below(3);
  for (std::uint32_t i = 0; i < attributes; ++i)
    node.attributes.push_back({"x" + std::to_string(i), random_text(random)});
  const std::uint32_t children = depth > 4 ? 0 : random.below(5);
  for (std::uint32_t i = 0; i < children; ++i) {
    node.children.push_back(random.below(2) == 0 ? xml_text(random_text(random)) : random_tree(random, depth + 1));
  }
  return node;
}

}  // namespace

TEST_SUITE("epub.xml_document") {
  TEST_CASE("the same bytes pugixml writes for the same tree") {
    for (std::uint32_t seed = 0; seed < 2000; ++seed) {
      CAPTURE(seed);
      Random random(seed);
      const XmlNode tree = random_tree(random, 0);
      const std::string doctype = seed % 2 == 0 ? "html" : "";
      CHECK(xml_document(tree, doctype) == written_by_pugixml(tree, doctype));
    }
  }

  TEST_CASE("an element whose text cleans to nothing is one empty-element tag, as pugixml writes it") {
    const XmlNode node = xml_element("p", {}, {xml_text("\x01"), xml_text("")});
    CHECK(xml_document(node) == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<p/>\n");
    CHECK(xml_document(node) == written_by_pugixml(node, ""));
  }
}
