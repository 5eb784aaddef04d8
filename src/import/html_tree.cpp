#include "import/html_tree.hpp"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <memory>
#include <utility>

#include "core/tree_release.hpp"
#include "core/utf8.hpp"
#include "import/clean_text.hpp"

namespace octavo::import {

HtmlNode::~HtmlNode() { core::release_children_iteratively(children, &HtmlNode::children); }

const std::string* HtmlNode::attribute(std::string_view attribute_name) const {
  for (const HtmlAttribute& each : attributes) {
    if (each.name == attribute_name) return &each.value;
  }
  return nullptr;
}

namespace {

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// §13.1.2.1: elements with no content and no end tag.
bool is_void(std::string_view name) {
  static constexpr std::array<std::string_view, 16> names = {"area",   "base",  "br",     "col",  "embed", "hr",
                                                             "img",    "input", "keygen", "link", "meta",  "param",
                                                             "source", "track", "wbr",    "image"};
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements whose content the tokenizer reads as text up to their own end tag (§13.2.5.2–5).
bool is_raw_text(std::string_view name) {
  static constexpr std::array<std::string_view, 9> names = {"script", "style",   "textarea", "title",   "xmp",
                                                            "iframe", "noembed", "noframes", "noscript"};
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements whose end tag may be left out (§13.1.2.4): the parser closes them by itself.
bool is_optional_end(std::string_view name) {
  static constexpr std::array<std::string_view, 18> names = {"p",  "li",    "dt",    "dd",    "option",  "optgroup",
                                                             "rb", "rt",    "rtc",   "rp",    "tr",      "td",
                                                             "th", "tbody", "thead", "tfoot", "caption", "colgroup"};
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Replaces every code point of text[begin, end) but line endings by one space, so that gumbo's
// lines and columns after it stay those of the file.
void blank(std::string& out, std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t pos = begin;
  while (pos < end) {
    const char c = text[pos];
    if (c == '\n' || c == '\r') {
      out += c;
      ++pos;
    } else {
      core::decode_utf8(text, pos);
      out += ' ';
    }
  }
}

struct DepthGuard {
  std::string text;           // the input, with the start tags too deep to keep blanked out
  std::size_t first_cut = 0;  // byte offset in the input of the first start tag blanked
  bool cut = false;
};

// A lexical pass that bounds what gumbo is given (see max_html_depth): it follows start and end
// tags the way the tokenizer splits them (comments, quoted attribute values, raw text elements)
// and keeps a stack of open element names. An end tag closes the nearest open element of its
// name when only elements with optional end tags lie above it; elements the parser would close
// by itself otherwise stay counted, so the stack overestimates the tree's depth, never the
// reverse in the ways real pages nest. A start tag that would make it deeper than the limit is
// blanked, and its content joins the enclosing element, as in Chromium.
DepthGuard guard_depth(std::string_view text) {
  DepthGuard guard;
  std::vector<std::string> open;
  std::size_t copied = 0;  // text[0, copied) is in guard.text
  std::size_t pos = 0;
  while ((pos = text.find('<', pos)) != std::string_view::npos) {
    const std::size_t start = pos;
    if (text.substr(pos, 4) == "<!--") {
      const std::size_t end = text.find("-->", pos + 4);
      pos = end == std::string_view::npos ? text.size() : end + 3;
      continue;
    }
    if (pos + 1 < text.size() && (text[pos + 1] == '!' || text[pos + 1] == '?')) {
      const std::size_t end = text.find('>', pos);
      pos = end == std::string_view::npos ? text.size() : end + 1;
      continue;
    }
    const bool closing = pos + 1 < text.size() && text[pos + 1] == '/';
    std::size_t name_end = pos + (closing ? 2 : 1);
    if (name_end >= text.size() || !is_ascii_alpha(text[name_end])) {
      pos = name_end;
      continue;
    }
    std::string name;
    while (name_end < text.size() && !is_html_space(text[name_end]) && text[name_end] != '/' && text[name_end] != '>') {
      name += ascii_lower(text[name_end++]);
    }
    // The end of the tag: the first '>' outside a quoted attribute value.
    std::size_t end = name_end;
    char quote = 0;
    char previous = 0;
    for (; end < text.size(); ++end) {
      const char c = text[end];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '>') {
        break;
      } else if ((c == '"' || c == '\'') && previous == '=') {
        quote = c;
      }
      if (!is_html_space(c)) previous = c;
    }
    pos = std::min(end + 1, text.size());
    if (closing) {
      for (std::size_t i = open.size(); i-- > 0;) {
        if (open[i] == name) {
          open.resize(i);
          break;
        }
        if (!is_optional_end(open[i])) break;
      }
      continue;
    }
    if (name == "plaintext") break;  // the rest of the input is text
    if (is_raw_text(name)) {
      // Skip to the element's end tag: what lies between is text, whatever it looks like.
      const std::string end_tag = "</" + name;
      std::size_t scan = pos;
      while (scan < text.size()) {
        scan = text.find("</", scan);
        if (scan == std::string_view::npos) {
          scan = text.size();
          break;
        }
        std::size_t i = 0;
        while (i < end_tag.size() && scan + i < text.size() && ascii_lower(text[scan + i]) == end_tag[i]) ++i;
        if (i == end_tag.size()) break;
        scan += 2;
      }
      pos = scan;
      continue;
    }
    const bool self_closing = end > name_end && text[end - 1] == '/';
    if (is_void(name) || self_closing) continue;
    if (open.size() < static_cast<std::size_t>(max_html_depth)) {
      open.push_back(std::move(name));
      continue;
    }
    if (!guard.cut) {
      guard.cut = true;
      guard.first_cut = start;
      guard.text.reserve(text.size());
    }
    guard.text.append(text.substr(copied, start - copied));
    blank(guard.text, text, start, pos);
    copied = pos;
  }
  if (guard.cut) guard.text.append(text.substr(copied));
  return guard;
}

// The tag name as written, for the elements gumbo knows no name for ("<my-widget …>").
std::string unknown_tag_name(const GumboElement& element) {
  GumboStringPiece tag = element.original_tag;
  std::string name;
  if (tag.data == nullptr) return name;
  std::size_t i = tag.length > 0 && tag.data[0] == '<' ? 1 : 0;
  if (i < tag.length && tag.data[i] == '/') ++i;
  for (; i < tag.length && !is_html_space(tag.data[i]) && tag.data[i] != '/' && tag.data[i] != '>'; ++i) {
    name += ascii_lower(tag.data[i]);
  }
  return name;
}

struct OutputDeleter {
  const GumboOptions* options;
  void operator()(GumboOutput* output) const { gumbo_destroy_output(options, output); }
};

class TreeBuilder {
 public:
  TreeBuilder(const HtmlOrigin& origin, core::DiagnosticSink& sink) : origin_(origin), sink_(sink) {}

  // Copies gumbo's tree below `parent` with an explicit stack: its depth comes from the input.
  std::vector<HtmlNode> copy_children(const GumboVector& children, const core::SourceLocation& parent_at) {
    std::vector<HtmlNode> top;
    struct Frame {
      const GumboVector* children;
      unsigned next;
      std::vector<HtmlNode>* out;
      core::SourceLocation at;
    };
    std::vector<Frame> pending{{&children, 0, &top, parent_at}};
    while (!pending.empty()) {
      Frame& frame = pending.back();
      if (frame.next == frame.children->length) {
        pending.pop_back();
        continue;
      }
      const auto* node = static_cast<const GumboNode*>(frame.children->data[frame.next++]);
      std::vector<HtmlNode>& out = *frame.out;
      const core::SourceLocation parent = frame.at;
      switch (node->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
        case GUMBO_NODE_CDATA: {
          HtmlNode text;
          text.kind = HtmlNodeKind::text;
          text.location = location(node->v.text.start_pos, parent);
          CleanText cleaned = clean_text(node->v.text.text);
          warn_removed(cleaned, text.location, sink_);
          text.text = std::move(cleaned.text);
          out.push_back(std::move(text));
          break;
        }
        case GUMBO_NODE_COMMENT: {
          HtmlNode comment;
          comment.kind = HtmlNodeKind::comment;
          comment.location = location(node->v.text.start_pos, parent);
          comment.text = node->v.text.text;
          out.push_back(std::move(comment));
          break;
        }
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE: {
          const GumboElement& element = node->v.element;
          HtmlNode copy = copy_element(element, parent);
          const core::SourceLocation at = copy.location;
          if (pending.size() > static_cast<std::size_t>(max_html_depth)) {
            // Too deep even after guard_depth (the parser adds elements of its own): the
            // content joins the enclosing element.
            warn_depth(at);
            pending.push_back({&element.children, 0, &out, at});
            break;
          }
          out.push_back(std::move(copy));
          pending.push_back({&element.children, 0, &out.back().children, at});
          break;
        }
        case GUMBO_NODE_DOCUMENT: break;  // never a child
      }
    }
    return top;
  }

  void warn_depth(const core::SourceLocation& at) {
    if (warned_depth_) return;
    warned_depth_ = true;
    sink_.warning(at, "HTML nested deeper than " + std::to_string(max_html_depth) +
                          " elements: the deeper tags are ignored and their text is kept");
  }

  // gumbo counts lines from 1 and columns in code points from 1, tabs as one (tab_stop 1);
  // 0:0 for the elements it implied.
  core::SourceLocation location(const GumboSourcePosition& position, const core::SourceLocation& parent) const {
    if (position.line == 0) return parent;
    const int line = static_cast<int>(position.line);
    int column = static_cast<int>(position.column);
    if (line == 1) {
      column = std::max(1, column - origin_.prefix) + origin_.column - 1;
    } else {
      column += origin_.indent;
    }
    return {origin_.path, origin_.line + line - 1, column};
  }

 private:
  HtmlNode copy_element(const GumboElement& element, const core::SourceLocation& parent) {
    HtmlNode copy;
    copy.kind = HtmlNodeKind::element;
    copy.name = element.tag == GUMBO_TAG_UNKNOWN ? unknown_tag_name(element) : gumbo_normalized_tagname(element.tag);
    copy.location = location(element.start_pos, parent);
    copy.end_tag = element.original_end_tag.length > 0;
    copy.attributes.reserve(element.attributes.length);
    for (unsigned i = 0; i < element.attributes.length; ++i) {
      const auto* attribute = static_cast<const GumboAttribute*>(element.attributes.data[i]);
      CleanText cleaned = clean_text(attribute->value);
      warn_removed(cleaned, copy.location, sink_);
      copy.attributes.push_back({attribute->name, std::move(cleaned.text)});
    }
    return copy;
  }

  const HtmlOrigin& origin_;
  core::DiagnosticSink& sink_;
  bool warned_depth_ = false;
};

bool too_large(std::string_view text, const HtmlOrigin& origin, core::DiagnosticSink& sink) {
  if (text.size() <= max_html_bytes) return false;
  sink.error({origin.path, origin.line, origin.column}, "expected at most " + std::to_string(max_html_bytes >> 20) +
                                                            " MiB of HTML, found " + std::to_string(text.size() >> 20) +
                                                            " MiB; it is left out");
  return true;
}

// Parses `text`, bounded by guard_depth; `context` GUMBO_TAG_LAST for a whole document.
std::vector<HtmlNode> parse(std::string_view text, GumboTag context, const HtmlOrigin& origin,
                            core::DiagnosticSink& sink) {
  TreeBuilder builder(origin, sink);
  const core::SourceLocation start{origin.path, origin.line, origin.column};
  const DepthGuard guard = guard_depth(text);
  if (guard.cut) {
    const std::size_t line_start =
        guard.first_cut == 0 ? std::string_view::npos : text.rfind('\n', guard.first_cut - 1);
    const std::size_t from = line_start == std::string_view::npos ? 0 : line_start + 1;
    const auto lines = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(from), '\n');
    const int column = core::column_at(text.substr(from), guard.first_cut - from);
    const GumboSourcePosition at{static_cast<unsigned>(lines + 1), static_cast<unsigned>(column), 0};
    builder.warn_depth(builder.location(at, start));
  }
  const std::string_view input = guard.cut ? std::string_view(guard.text) : text;

  GumboOptions options = kGumboDefaultOptions;
  // Each parse error copies the stack of open elements: unbounded, they cost quadratic memory.
  options.max_errors = 0;
  options.tab_stop = 1;  // columns count code points, a tab as one
  options.fragment_context = context;
  std::unique_ptr<GumboOutput, OutputDeleter> output(gumbo_parse_with_options(&options, input.data(), input.size()),
                                                     OutputDeleter{&options});
  if (context == GUMBO_TAG_LAST) return builder.copy_children(output->document->v.document.children, start);
  // A fragment's nodes are the children of the <html> root the algorithm makes (§13.4 step 12).
  return builder.copy_children(output->root->v.element.children, start);
}

}  // namespace

std::vector<HtmlNode> parse_html_document(std::string_view text, const HtmlOrigin& origin, core::DiagnosticSink& sink) {
  if (too_large(text, origin, sink)) return {};
  return parse(text, GUMBO_TAG_LAST, origin, sink);
}

std::vector<HtmlNode> parse_html_fragment(std::string_view text, std::string_view context, const HtmlOrigin& origin,
                                          core::DiagnosticSink& sink) {
  if (text.empty() || too_large(text, origin, sink)) return {};
  const std::string name(context);
  GumboTag tag = gumbo_tag_enum(name.c_str());
  if (tag == GUMBO_TAG_UNKNOWN || tag == GUMBO_TAG_HTML) tag = GUMBO_TAG_BODY;
  return parse(text, tag, origin, sink);
}

}  // namespace octavo::import
