// Transform: the table of contents, shared by both writers: every article, and its top-level
// sections one level down.
#pragma once

#include "model/book.hpp"

namespace octavo::transform {

/// Replaces book.contents. Sections are the article's headings of its shallowest level; an
/// article without headings has no children. Needs ids (run assign_ids first).
void build_contents(model::Book& book);

}  // namespace octavo::transform
