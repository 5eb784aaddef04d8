#include "epub/xml_document.hpp"

#include <pugixml.hpp>

#include "core/tree_release.hpp"
#include "core/utf8.hpp"

namespace octavo::epub {

XmlNode::~XmlNode() { core::release_children_iteratively(children, &XmlNode::children); }
namespace {

class StringWriter final : public pugi::xml_writer {
 public:
  explicit StringWriter(std::string& out) : out_(out) {}
  void write(const void* data, std::size_t size) override { out_.append(static_cast<const char*>(data), size); }

 private:
  std::string& out_;
};

void append_text(pugi::xml_node parent, const std::string& text) {
  const std::string clean = core::xml_safe(text);
  if (!clean.empty()) parent.append_child(pugi::node_pcdata).set_value(clean.c_str(), clean.size());
}

void append_element(pugi::xml_node parent, const XmlNode& node, pugi::xml_node& created) {
  created = parent.append_child(node.name.c_str());
  for (const auto& [name, value] : node.attributes) {
    const std::string clean = core::xml_safe(value);
    created.append_attribute(name.c_str()).set_value(clean.c_str(), clean.size());
  }
}

// Copies the tree into pugixml with an explicit stack: nesting depth comes from the input and
// must not overflow the call stack.
void build(const XmlNode& root, pugi::xml_document& document) {
  struct Frame {
    const XmlNode* node;
    std::size_t next;
    pugi::xml_node target;
  };
  pugi::xml_node root_element;
  append_element(document, root, root_element);
  std::vector<Frame> pending{{&root, 0, root_element}};
  while (!pending.empty()) {
    Frame& frame = pending.back();
    const XmlNode& node = *frame.node;
    if (frame.next == node.children.size()) {
      if (node.lines && !node.children.empty()) append_text(frame.target, "\n");
      pending.pop_back();
      continue;
    }
    const XmlNode& child = node.children[frame.next++];
    // With format_raw pugixml adds no whitespace at all; these line breaks sit only between
    // block-level children, where XHTML and the package formats ignore them.
    if (node.lines) append_text(frame.target, "\n");
    if (child.name.empty()) {
      append_text(frame.target, child.text);
      continue;
    }
    pugi::xml_node created;
    append_element(frame.target, child, created);
    if (!child.children.empty()) pending.push_back({&child, 0, created});  // invalidates `frame`
  }
}

}  // namespace

XmlNode& XmlNode::append(XmlNode child) {
  children.push_back(std::move(child));
  return children.back();
}

XmlNode xml_element(std::string name, std::vector<XmlAttribute> attributes, std::vector<XmlNode> children) {
  XmlNode node;
  node.name = std::move(name);
  node.attributes = std::move(attributes);
  node.children = std::move(children);
  return node;
}

XmlNode xml_block(std::string name, std::vector<XmlAttribute> attributes, std::vector<XmlNode> children) {
  XmlNode node = xml_element(std::move(name), std::move(attributes), std::move(children));
  node.lines = true;
  return node;
}

XmlNode xml_text(std::string text) {
  XmlNode node;
  node.text = std::move(text);
  return node;
}

std::string xml_document(const XmlNode& root, const std::string& doctype) {
  pugi::xml_document document;
  build(root, document);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  if (!doctype.empty()) out += "<!DOCTYPE " + doctype + ">\n";
  StringWriter writer(out);
  document.save(writer, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  out += '\n';
  return out;
}

}  // namespace octavo::epub
