// Transform: the front-matter disclaimer that every book carries before its contents. It says
// plainly that the content is unreviewed and names the corpus the book was compiled from.
#pragma once

#include "core/diagnostics.hpp"
#include "model/book.hpp"

namespace octavo::transform {

inline constexpr const char* disclaimer_title = "Unreviewed content";

/// The wording used when book.toml gives none; paragraphs are separated by blank lines.
extern const char* const default_disclaimer_text;

/// Sets book.disclaimer from book.disclaimer_text (the default when empty), followed by a
/// paragraph that names the corpus and the number of articles, which wording cannot remove.
void add_front_matter(model::Book& book);

}  // namespace octavo::transform
