// HTML parsed into a small tree of our own: elements with their attributes, text and comments, each
// with its line:col in the corpus file. Built by gumbo, an HTML5 tokenizer and tree builder (WHATWG
// HTML §13.2); html_tree.cpp is the only file that includes gumbo.h. Mapped to the model by html_blocks.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/source_location.hpp"

namespace octavo::import {

/// HTML's white space (WHATWG Infra's ASCII whitespace): space, tab, line feed, carriage return
/// and form feed; false for anything else.
inline bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

enum class HtmlNodeKind { element, text, comment };

struct HtmlAttribute {
  std::string name;   ///< lower-case
  std::string value;  ///< character references decoded; only characters XML allows
};

struct HtmlNode {
  HtmlNodeKind kind = HtmlNodeKind::text;
  std::string name;  ///< elements: the lower-case tag name ("div", "my-widget"); empty otherwise
  std::string text;  ///< text: the characters (references decoded, only XML characters); comments: as written
  std::vector<HtmlAttribute> attributes;  ///< elements only, in source order
  std::vector<HtmlNode> children;         ///< elements only
  core::SourceLocation location;          ///< where it starts in the corpus file
  bool end_tag = false;  ///< elements: closed by its own end tag, not implied by the parser or the end of input

  /// The value of the attribute `name` (lower-case), or nullptr when the element has none.
  const std::string* attribute(std::string_view name) const;

  // Destroyed without recursion (core/tree_release.hpp): depth comes from the input.
  HtmlNode() = default;
  HtmlNode(const HtmlNode&) = default;
  HtmlNode(HtmlNode&&) noexcept = default;
  HtmlNode& operator=(const HtmlNode&) = default;
  HtmlNode& operator=(HtmlNode&&) noexcept = default;
  ~HtmlNode();
};

/// Where a piece of HTML sits in its file; columns count code points.
struct HtmlOrigin {
  std::string path;
  int line = 1;    ///< of the first character
  int column = 1;  ///< of the first character
  int indent = 0;  ///< columns a container's prefix takes on each later line (a Markdown block quote's "> ")
  int prefix = 0;  ///< code points the caller put before the text, on its first line, that the file does not hold
};

/// Deepest element nesting kept, as Chromium's parser does (kMaximumHTMLParserDOMTreeDepth): a
/// start tag deeper than this is ignored and its content joins the enclosing element, with one
/// warning. gumbo's tree builder checks element scopes by walking its stack of open elements, so
/// unbounded nesting costs quadratic time (10,000 nested <div>s take half a second, 100,000 a minute).
inline constexpr int max_html_depth = 512;

/// The largest HTML text parsed (32 MiB): gumbo keeps the whole tree in memory, several times the
/// size of its input. Saved web pages with their images inlined reach a few MiB.
inline constexpr std::size_t max_html_bytes = std::size_t{32} << 20;

/// Parses a whole document: the top-level nodes, the <html> element (always there, with <head>
/// and <body>, implied when not written) among the comments around it. Empty, with an error, when
/// `text` is longer than max_html_bytes.
std::vector<HtmlNode> parse_html_document(std::string_view text, const HtmlOrigin& origin, core::DiagnosticSink& sink);

/// Parses `text` as the content of an element named `context` (WHATWG HTML §13.4, fragment
/// parsing): "body" for a block of HTML, "tr" for what follows an open row. An unknown context
/// parses as "body". The fragment's top-level nodes; empty for empty text, and with an error when
/// `text` is longer than max_html_bytes.
std::vector<HtmlNode> parse_html_fragment(std::string_view text, std::string_view context, const HtmlOrigin& origin,
                                          core::DiagnosticSink& sink);

}  // namespace octavo::import
