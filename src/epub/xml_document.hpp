// The one way the EPUB writer produces XML: documents are built as a small tree of XmlNode values
// and serialized by xml_document(), which cleans every text and attribute value on the way out.
#pragma once

#include <concepts>
#include <string>
#include <utility>
#include <vector>

namespace octavo::epub {

using XmlAttribute = std::pair<std::string, std::string>;

/// An element, or a run of text when `name` is empty. Names are written as given (callers use
/// literal names); text and attribute values may contain anything.
struct XmlNode {
  std::string name;  ///< element name; empty for a text node
  std::string text;  ///< text nodes only
  std::vector<XmlAttribute> attributes;
  std::vector<XmlNode> children;
  /// Puts each child on its own line. Only for elements whose content is not inline text
  /// (html, body, section, ol, …): never for p, pre or anything inside them.
  bool lines = false;

  /// Appends `child` and returns a reference to the stored copy (valid until the next append).
  XmlNode& append(XmlNode child);

  // Destroyed without recursion (core/tree_release.hpp): depth comes from the input.
  XmlNode() = default;
  XmlNode(const XmlNode&) = default;
  XmlNode(XmlNode&&) noexcept = default;
  XmlNode& operator=(const XmlNode&) = default;
  XmlNode& operator=(XmlNode&&) noexcept = default;
  ~XmlNode();
};

/// An element with attributes (in the order given) and children.
XmlNode xml_element(std::string name, std::vector<XmlAttribute> attributes = {}, std::vector<XmlNode> children = {});
/// The same element with its children on separate lines (see XmlNode::lines).
XmlNode xml_block(std::string name, std::vector<XmlAttribute> attributes = {}, std::vector<XmlNode> children = {});
/// A text node; empty text writes nothing.
XmlNode xml_text(std::string text);

/// Children for xml_element, xml_block or xhtml_page, moved in. Children in braces are copied (an
/// initializer list holds copies), and a big tree, or one as deep as the input's nesting, must not
/// be; so only temporaries and moved nodes are taken here (`Nodes` is XmlNode only for an rvalue).
template <class... Nodes>
requires((std::same_as<Nodes, XmlNode> && ...)) std::vector<XmlNode> xml_children(Nodes&&... nodes) {
  std::vector<XmlNode> children;
  children.reserve(sizeof...(nodes));
  (children.push_back(std::move(nodes)), ...);
  return children;
}

/// Serializes `root` as a UTF-8 XML 1.0 document: the XML declaration, `<!DOCTYPE doctype>` when
/// `doctype` is not empty, the root element, and a final newline. Every text and attribute value
/// goes through core::xml_safe first, so that no character XML forbids is written; &, < and > in
/// text, & < and " in attribute values, and tab, line feed and carriage return in attribute
/// values are written as references. The bytes are those pugixml 1.13 writes for the same tree
/// with format_raw (a unit test compares the two); an element with nothing to write inside is
/// one empty-element tag.
std::string xml_document(const XmlNode& root, const std::string& doctype = {});

}  // namespace octavo::epub
