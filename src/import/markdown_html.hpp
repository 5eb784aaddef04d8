// HTML written in Markdown, as cmark hands it over: whole blocks of HTML (HTML_BLOCK nodes), which
// may leave an element open for the Markdown after them (<details> … Markdown … </details>), and
// single tags among the text (HTML_INLINE: "<sup>", "2", "</sup>" arrive as three nodes).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "import/html_blocks.hpp"
#include "import/html_tree.hpp"
#include "model/block.hpp"

namespace octavo::import {

/// Elements that blocks of HTML may keep open around Markdown at once: GitHub's patterns need a
/// handful (a layout table's table, tbody, tr and td inside a details or a div). Each block of HTML
/// is parsed after the open ones, so they bound its cost; one more is ignored, with its end tag.
inline constexpr int max_open_html = 12;

/// One thing a block of HTML asks of the Markdown reader; steps are carried out in order.
struct HtmlBlockStep {
  enum class Kind {
    append,   ///< add `block` where blocks go now
    open,     ///< an element left open: what follows goes into `block` (added first), or where it is when `transparent`
    close,    ///< the innermost element opened by an earlier step ends here
    caption,  ///< `block.inlines` are the summary (or caption) of the innermost open details (or table)
  };
  Kind kind = Kind::append;
  model::Block block;
  std::string tag;           ///< open: the element's name, which its end tag will name
  bool transparent = false;  ///< open: the element groups only (div, section, tbody): no block of its own
};

/// Maps the HTML_BLOCK text `html`, read while the elements `open` (names, outermost first) are
/// still open from earlier blocks, so that "</details>" closes one of them and "<td>" after an
/// open "tr" starts a cell. An element of the block left open at its end (details, div, center,
/// blockquote, aside, lists, tables and their parts, an aligned p) is opened for the Markdown that
/// follows; others end with the block. At most `max_depth` containers nest. Never fails.
std::vector<HtmlBlockStep> read_html_block(std::string_view html, const std::vector<std::string>& open,
                                           const HtmlOrigin& origin, int max_depth, HtmlReader& reader);

/// One HTML_INLINE node: a start tag (with the element, no children), an end tag (its name), or
/// anything else cmark passes as inline HTML (a comment, a declaration, a processing instruction,
/// a tag the HTML parser ignores there), which shows nothing.
struct HtmlTag {
  enum class Kind { start, end, other };
  Kind kind = Kind::other;
  HtmlNode element;  ///< start: the element and its attributes
  std::string name;  ///< start and end: the lower-case tag name
};

/// Reads the literal of an HTML_INLINE node at `origin`.
HtmlTag read_html_tag(std::string_view literal, const HtmlOrigin& origin, core::DiagnosticSink& sink);

}  // namespace octavo::import
