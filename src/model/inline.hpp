// Inline content of the document model: runs of text, emphasis, code, links and breaks.
// Readers produce it; transforms and writers consume it. Text is valid UTF-8 but may still hold
// characters that XML forbids: writers clean it (core::xml_safe) at their boundary.
#pragma once

#include <string>
#include <vector>

#include "core/source_location.hpp"

namespace octavo::model {

enum class InlineKind {
  text,        ///< `text` holds the characters
  emphasis,    ///< `children`
  strong,      ///< `children`
  code,        ///< `text` holds the literal code
  link,        ///< `children`; `target` is an http(s)/mailto URL or "#id" within the article
  soft_break,  ///< a line ending inside a paragraph: rendered as a space
  hard_break,  ///< a forced line break
};

struct Inline {
  InlineKind kind = InlineKind::text;
  std::string text;
  std::string target;
  std::vector<Inline> children;
  core::SourceLocation location;
};

/// Convenience constructors, mostly for readers and tests.
Inline text_inline(std::string text, core::SourceLocation location = {});
Inline link_inline(std::string target, std::vector<Inline> children, core::SourceLocation location = {});

/// The plain text of a run of inlines (breaks become spaces); empty for no inlines.
std::string plain_text(const std::vector<Inline>& inlines);

}  // namespace octavo::model
