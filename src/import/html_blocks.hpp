// HTML elements → blocks and inlines of the document model, as a browser would show them: the rules
// shared by HTML articles (html_article) and HTML in Markdown (markdown_html). Works on html_tree's
// nodes; what a book cannot show is reported at its line:col, never printed as markup.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostics.hpp"
#include "import/html_tree.hpp"
#include "import/image_reference.hpp"
#include "model/block.hpp"

namespace octavo::import {

/// What an element becomes inside running text.
enum class HtmlInline {
  span,         ///< an inline of HtmlInlineRule::kind holding the content (em, strong, sup, kbd, del, …)
  code,         ///< a code inline holding the content's plain text (code, tt, samp)
  link,         ///< <a>: a link when it has an href, an anchor when it has an id or name
  quotation,    ///< <q>: the content between quotation marks
  line_break,   ///< <br>
  image,        ///< <img>: a figure after the paragraph, or its alt text
  transparent,  ///< only the content counts (span, small, u, mark, abbr, …): silently
  invisible,    ///< never shown by a browser (template, meta, link, source, …): silently nothing
  dropped,      ///< shown by a browser but not by a book (script, style, iframe, form, svg, …): nothing, warned
  block,        ///< a block element (p, div, table, …); in running text only its content counts
  unknown,      ///< any other name: its content, with one warning per name and article
};

struct HtmlInlineRule {
  HtmlInline role = HtmlInline::unknown;
  model::InlineKind kind = model::InlineKind::text;  ///< for HtmlInline::span
};

/// The rule for the element `name` (lower-case).
HtmlInlineRule html_inline_rule(std::string_view name);

/// Maps the HTML of one article: keeps the tag names already warned about, so that each unknown
/// tag is reported once per article.
class HtmlReader {
 public:
  /// `path` is the article's corpus path (for links and images); `images` and `sink` must outlive the reader.
  HtmlReader(std::string path, ImageReader& images, core::DiagnosticSink& sink)
      : path_(std::move(path)), images_(images), sink_(sink) {}

  /// The blocks for `nodes` read as the content of a block element (body, div, blockquote, …), with
  /// at most `max_depth` nested containers (deeper ones give their content to their ancestor, with
  /// a warning). Empty when nothing in them shows.
  std::vector<model::Block> read_blocks(const std::vector<HtmlNode>& nodes, int max_depth);

  /// read_blocks for the part of an element that Markdown after it continues: maps `nodes` into
  /// `blocks` (the children of `owner`, a container made by container_block, when given; rows
  /// count as the table's head when `head_rows`), without completing the containers.
  void read_into(const std::vector<HtmlNode>& nodes, std::vector<model::Block>& blocks, model::Block* owner,
                 bool head_rows, int max_depth);

  /// The container block `element` opens (details, blockquote, list, item, table, row, cell; a
  /// division for <center> and an aligned <div> or <p>), without content; nullopt for an element
  /// that only groups its content (div, section, tbody, …) or is no block at all.
  static std::optional<model::Block> container_block(const HtmlNode& element);

  /// The target an <a href> leads to as the model keeps it (see model::Inline::target), read as
  /// read_link_destination reads a Markdown link: a web or mail URL, "#fragment", or a
  /// corpus-relative path, resolved and percent-decoded ("part/ch2.md#scope"). Empty for "#" (the
  /// page's top), and with a warning for an href that cannot be kept.
  std::string link_target(const std::string& href, const core::SourceLocation& at);

  /// The image an <img> shows, read through ImageReader (srcset is not read): a file, or the bytes
  /// of a data: URL as a page saved whole holds them; nullopt when it cannot be used, with
  /// ImageReader's diagnostic.
  std::optional<model::Image> image(const HtmlNode& img);

  /// Reports an element of HtmlInline::dropped, at its line:col.
  void warn_dropped(const HtmlNode& element);
  /// Reports an element of HtmlInline::unknown, the first time its name is met in the article.
  void warn_unknown(const HtmlNode& element);
  /// Reports nesting deeper than the model keeps, once per article.
  void warn_depth(const core::SourceLocation& at, int max_depth);

  core::DiagnosticSink& sink() { return sink_; }

 private:
  std::string path_;
  ImageReader& images_;
  core::DiagnosticSink& sink_;
  std::set<std::string> warned_tags_;
  bool warned_depth_ = false;
};

/// `text` with runs of HTML white space (space, tab, line feed, carriage return, form feed) made
/// one space, as a browser shows text outside <pre>.
std::string collapse_html_space(std::string_view text);

/// Collapses white space across the inlines of one paragraph as a browser does (one space between
/// words whatever the element boundaries, none at the start, the end or around a line break) and
/// removes what is left empty. Leading and trailing line breaks go too.
void normalize_html_inlines(std::vector<model::Inline>& inlines);

/// Makes containers hold what their kind requires, where HTML or Markdown between HTML tags left
/// something else: a list's stray blocks go into a list item, a row's into a cell, a table's into a
/// row of one cell. Rows with no cells and tables with no rows are removed (a table's caption stays
/// as a paragraph). Nothing else changes; no recursion.
void complete_html_containers(std::vector<model::Block>& blocks);

}  // namespace octavo::import
