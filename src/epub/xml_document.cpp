#include "epub/xml_document.hpp"

#include <cassert>
#include <string_view>

#include "core/tree_release.hpp"
#include "core/utf8.hpp"

namespace octavo::epub {

XmlNode::~XmlNode() { core::release_children_iteratively(children, &XmlNode::children); }
namespace {

// Where escaped text goes: its rules differ.
enum class Context { text, attribute };

// The characters written as references, as pugixml 1.13 writes them with format_raw (it wrote
// these documents before; tests/unit/epub compares the two): in text, & < > and the C0 controls
// but tab, line feed and carriage return; in attribute values (always in double quotes), & < "
// and every C0 control. A control becomes "&#" and two decimal digits. core::xml_safe has
// already dropped every control XML forbids, so only tab, line feed and carriage return are left
// to write so.
void append_escaped(std::string& out, std::string_view text, Context context) {
  const bool attribute = context == Context::attribute;
  std::size_t run = 0;  // start of the bytes not yet appended
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const char* reference = nullptr;
    if (c == '&') {
      reference = "&amp;";
    } else if (c == '<') {
      reference = "&lt;";
    } else if (c == '>' && !attribute) {
      reference = "&gt;";
    } else if (c == '"' && attribute) {
      reference = "&quot;";
    } else if (c >= 32 || (!attribute && (c == '\t' || c == '\n' || c == '\r'))) {
      continue;
    }
    out.append(text, run, i - run);
    run = i + 1;
    if (reference != nullptr) {
      out += reference;
    } else {
      const char digits[] = {'&', '#', static_cast<char>('0' + c / 10), static_cast<char>('0' + c % 10), ';'};
      out.append(digits, sizeof digits);
    }
  }
  out.append(text, run, std::string_view::npos);
}

// Whether core::xml_safe leaves nothing of `text`. A printable ASCII character always stays, so
// the text is cleaned here only when it has none (rarely: text is mostly words).
bool cleans_to_nothing(std::string_view text) {
  for (const char c : text) {
    if (c >= ' ' && c <= '~') return false;
  }
  return core::xml_safe(text).empty();
}

// Whether `node` is written with content (a start and an end tag) or as one empty-element tag:
// text children that clean to nothing are not written, so they alone leave it empty, unless it
// puts its children on lines (each then follows a line break).
bool has_content(const XmlNode& node) {
  if (node.children.empty()) return false;
  if (node.lines) return true;
  for (const XmlNode& child : node.children) {
    if (!child.name.empty() || !cleans_to_nothing(child.text)) return true;
  }
  return false;
}

void append_start_tag(std::string& out, const XmlNode& node) {
  // Names are literals of the callers (XmlNode): never empty, never with NUL.
  assert(!node.name.empty());
  out += '<';
  out += node.name;
  for (const auto& [name, value] : node.attributes) {
    out += ' ';
    out += name;
    out += "=\"";
    append_escaped(out, core::xml_safe(value), Context::attribute);
    out += '"';
  }
}

// Writes `root` with an explicit stack: nesting depth comes from the input and must not overflow
// the call stack. Line breaks (XmlNode::lines) go only between block-level children, where XHTML
// and the package formats ignore them.
void append_element(std::string& out, const XmlNode& root) {
  struct Frame {
    const XmlNode* node;
    std::size_t next;
  };
  std::vector<Frame> pending;
  const auto open = [&out, &pending](const XmlNode& node) {
    append_start_tag(out, node);
    if (!has_content(node)) {
      out += "/>";
      return;
    }
    out += '>';
    pending.push_back({&node, 0});
  };
  open(root);
  while (!pending.empty()) {
    Frame& frame = pending.back();
    const XmlNode& node = *frame.node;
    if (frame.next == node.children.size()) {
      if (node.lines) out += '\n';
      out += "</";
      out += node.name;
      out += '>';
      pending.pop_back();
      continue;
    }
    const XmlNode& child = node.children[frame.next++];
    if (node.lines) out += '\n';
    if (child.name.empty()) {
      append_escaped(out, core::xml_safe(child.text), Context::text);
    } else {
      open(child);  // may invalidate `frame`
    }
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
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  if (!doctype.empty()) out += "<!DOCTYPE " + doctype + ">\n";
  append_element(out, root);
  out += '\n';
  return out;
}

}  // namespace octavo::epub
