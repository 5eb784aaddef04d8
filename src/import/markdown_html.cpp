#include "import/markdown_html.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

namespace octavo::import {

namespace {

bool is_blank(const HtmlNode& node) {
  if (node.kind == HtmlNodeKind::comment) return true;
  return node.kind == HtmlNodeKind::text && std::all_of(node.text.begin(), node.text.end(), is_html_space);
}

// Elements whose content may be Markdown written after the block of HTML that opens them (the
// GitHub README patterns: <details>, <div align="center">, <p align="center">, layout tables).
bool may_span(std::string_view name) {
  static constexpr std::array<std::string_view, 22> names = {
      "article", "aside", "blockquote", "center", "dd",      "details", "div",   "dl", "footer", "header", "li",
      "main",    "nav",   "ol",         "p",      "section", "table",   "tbody", "td", "tfoot",  "th",     "thead"};
  return std::find(names.begin(), names.end(), name) != names.end() || name == "ul" || name == "tr";
}

// The last node of `nodes` that shows anything, when it is an element left open that may span.
std::optional<std::size_t> open_spine(const std::vector<HtmlNode>& nodes) {
  for (std::size_t i = nodes.size(); i-- > 0;) {
    if (is_blank(nodes[i])) continue;
    const HtmlNode& node = nodes[i];
    if (node.kind == HtmlNodeKind::element && !node.end_tag && may_span(node.name)) return i;
    return std::nullopt;
  }
  return std::nullopt;
}

class StepWriter {
 public:
  StepWriter(HtmlReader& reader, int max_depth) : reader_(reader), depth_left_(max_depth) {}

  // `owner` names the element the nodes continue ("details", "table"), so that a <summary> or a
  // <caption> written in a block of its own still becomes its summary or caption.
  void append(const std::vector<HtmlNode>& nodes, bool head_rows, std::string_view owner = {}) {
    if (std::all_of(nodes.begin(), nodes.end(), is_blank)) return;  // most levels of a block hold nothing
    model::Block container;
    container.kind = owner == "details" ? model::BlockKind::details
                     : owner == "table" ? model::BlockKind::table
                                        : model::BlockKind::division;
    reader_.read_into(nodes, container.children, &container, head_rows, depth_left_);
    if (!container.inlines.empty()) add({HtmlBlockStep::Kind::caption, std::move(container), {}, false});
    for (model::Block& block : container.children) add({HtmlBlockStep::Kind::append, std::move(block), {}, false});
  }

  // Maps `nodes`; when they end with an element left open, opens it (and the open elements at the
  // end of its content, in turn) for the Markdown that follows.
  void append_and_open(std::vector<HtmlNode> nodes, bool head_rows, std::string_view owner) {
    while (true) {
      const std::optional<std::size_t> spine = open_spine(nodes);
      if (!spine) return append(nodes, head_rows, owner);
      HtmlNode element = std::move(nodes[*spine]);
      nodes.erase(nodes.begin() + static_cast<std::ptrdiff_t>(*spine), nodes.end());
      append(nodes, head_rows, owner);
      owner = {};
      nodes = std::move(element.children);
      element.children.clear();
      std::optional<std::size_t> inner = open_spine(nodes);
      std::vector<HtmlNode> rest;
      if (inner) {
        rest.push_back(std::move(nodes[*inner]));
        nodes.erase(nodes.begin() + static_cast<std::ptrdiff_t>(*inner), nodes.end());
      }
      head_rows = (head_rows || element.name == "thead") && element.name != "table";
      std::optional<model::Block> container = HtmlReader::container_block(element);
      if (container && depth_left_ > 0) {
        if (container->kind == model::BlockKind::table_row && head_rows) container->role = model::BlockRole::header;
        if (container->id.empty() && element.attribute("id") != nullptr) container->id = *element.attribute("id");
        container->location = element.location;
        --depth_left_;
        reader_.read_into(nodes, container->children, &*container, head_rows, depth_left_);
        add({HtmlBlockStep::Kind::open, std::move(*container), element.name, false});
      } else {
        append(nodes, head_rows);
        add({HtmlBlockStep::Kind::open, {}, element.name, true});
      }
      nodes = std::move(rest);
    }
  }

  void close() { add({HtmlBlockStep::Kind::close, {}, {}, false}); }

  std::vector<HtmlBlockStep> take() { return std::move(steps_); }

 private:
  void add(HtmlBlockStep step) { steps_.push_back(std::move(step)); }

  HtmlReader& reader_;
  int depth_left_;
  std::vector<HtmlBlockStep> steps_;
};

}  // namespace

std::vector<HtmlBlockStep> read_html_block(std::string_view html, const std::vector<std::string>& open,
                                           const HtmlOrigin& origin, int max_depth, HtmlReader& reader) {
  // The elements still open are written again before the block, without their attributes, so
  // that gumbo reads the block inside them: an end tag closes one, a "<td>" continues a row.
  std::string text;
  for (const std::string& tag : open) text += "<" + tag + ">";
  HtmlOrigin shifted = origin;
  shifted.prefix = static_cast<int>(text.size());
  text.append(html);
  std::vector<HtmlNode> nodes = parse_html_fragment(text, "body", shifted, reader.sink());

  // Find the elements of that prefix again: level j + 1 holds the children of the j-th.
  std::vector<std::vector<HtmlNode>*> levels{&nodes};
  std::vector<std::size_t> positions;
  for (const std::string& tag : open) {
    std::vector<HtmlNode>& list = *levels.back();
    const auto found = std::find_if(list.begin(), list.end(), [&](const HtmlNode& node) {
      return node.kind == HtmlNodeKind::element && node.name == tag;
    });
    if (found == list.end()) break;
    positions.push_back(static_cast<std::size_t>(found - list.begin()));
    levels.push_back(&found->children);
  }
  const std::size_t found = positions.size();
  // Which of them the block leaves open: no end tag of their own, nothing after them, and the
  // enclosing one open too.
  std::size_t still_open = 0;
  while (still_open < found) {
    const std::vector<HtmlNode>& list = *levels[still_open];
    const std::size_t at = positions[still_open];
    const HtmlNode& element = list[at];
    const bool last = std::all_of(list.begin() + static_cast<std::ptrdiff_t>(at) + 1, list.end(), is_blank);
    if (element.end_tag || !last) break;
    ++still_open;
  }

  StepWriter writer(reader, max_depth);
  // The open elements gumbo did not keep (it ignores a stray <tr> in a <div>) end here.
  for (std::size_t i = found; i < open.size(); ++i) writer.close();
  // From the innermost level out: its content, then the end of its element when it ended.
  for (std::size_t level = found + 1; level-- > 0;) {
    std::vector<HtmlNode>& list = *levels[level];
    std::vector<HtmlNode> content;
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (level < found && i == positions[level]) continue;
      content.push_back(std::move(list[i]));
    }
    const bool head_rows = std::any_of(open.begin(), open.begin() + static_cast<std::ptrdiff_t>(level),
                                       [](const std::string& tag) { return tag == "thead"; });
    const std::string_view owner = level > 0 ? std::string_view(open[level - 1]) : std::string_view();
    if (level == still_open) {
      writer.append_and_open(std::move(content), head_rows, owner);
    } else {
      writer.append(content, head_rows, owner);
    }
    if (level > 0 && level > still_open) writer.close();
  }
  return writer.take();
}

HtmlTag read_html_tag(std::string_view literal, const HtmlOrigin& origin, core::DiagnosticSink& sink) {
  HtmlTag tag;
  if (literal.starts_with("</")) {
    // An end tag (CommonMark §6.6: "</", a tag name, optional white space, ">").
    for (std::size_t i = 2; i < literal.size() && !is_html_space(literal[i]) && literal[i] != '>'; ++i) {
      const char c = literal[i];
      tag.name += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    tag.kind = tag.name.empty() ? HtmlTag::Kind::other : HtmlTag::Kind::end;
    return tag;
  }
  if (!literal.starts_with("<") || literal.size() < 2 || literal[1] == '!' || literal[1] == '?') return tag;
  // The template context takes every start tag as an element, table parts included (§13.2.6.4.18).
  std::vector<HtmlNode> nodes = parse_html_fragment(literal, "template", origin, sink);
  for (HtmlNode& node : nodes) {
    if (node.kind != HtmlNodeKind::element) continue;
    tag.kind = HtmlTag::Kind::start;
    tag.name = node.name;
    tag.element = std::move(node);
    tag.element.children.clear();
    return tag;
  }
  return tag;
}

}  // namespace octavo::import
