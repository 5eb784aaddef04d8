// Inline content of the document model: runs of text, emphasis, code, links, notes and breaks.
// Readers produce it; transforms and writers consume it. Text is valid UTF-8 but may still hold
// characters that XML forbids: writers clean it (core::xml_safe) at their boundary.
#pragma once

#include <string>
#include <vector>

#include "core/source_location.hpp"

namespace octavo::model {

enum class InlineKind {
  text,           ///< `text` holds the characters
  emphasis,       ///< `children`
  strong,         ///< `children`
  code,           ///< `text` holds the literal code
  link,           ///< `children`; `target` (see below)
  soft_break,     ///< a line ending inside a paragraph: rendered as a space
  hard_break,     ///< a forced line break
  strikethrough,  ///< `children` (GFM ~~text~~, HTML <del>, <s>)
  superscript,    ///< `children` (HTML <sup>)
  subscript,      ///< `children` (HTML <sub>)
  keyboard,       ///< `children`: keys to press (HTML <kbd>)
  footnote_ref,   ///< a reference to the note `target` (a Footnote id of the article); `text` is its number
                  ///< as printed ("1"); `id` is the reference's own anchor, for the note's link back
  anchor,         ///< an empty, invisible link target named `id` (HTML <a id> / <a name>)
};

struct Inline {
  InlineKind kind = InlineKind::text;
  std::string text;
  /// Links: as the reader leaves it, an http(s)/mailto URL, "#fragment" within the article, or a
  /// corpus-relative file with an optional fragment ("part/ch2.md#scope"). After the transforms
  /// (transform::resolve_links) an in-book link has `target_article` set and `target` is "#id" within
  /// that article, or empty for the article's start; an external link keeps its URL.
  std::string target;
  std::vector<Inline> children;
  core::SourceLocation location;
  std::string target_article = {};  ///< the id of the article an in-book link leads to; empty for external links
  std::string id = {};              ///< footnote_ref and anchor only
};

/// Convenience constructors, mostly for readers and tests.
Inline text_inline(std::string text, core::SourceLocation location = {});
Inline link_inline(std::string target, std::vector<Inline> children, core::SourceLocation location = {});
/// An inline of `kind` (emphasis, strong, strikethrough, superscript, …) holding `children`.
Inline span_inline(InlineKind kind, std::vector<Inline> children, core::SourceLocation location = {});

/// The plain text of a run of inlines (breaks become spaces, footnote references their number,
/// anchors nothing); empty for no inlines.
std::string plain_text(const std::vector<Inline>& inlines);

}  // namespace octavo::model
