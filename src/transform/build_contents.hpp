// Transform: the table of contents, shared by both writers: every part, its articles one level
// down, and each article's top-level sections one level below it.
#pragma once

#include "model/book.hpp"

namespace octavo::transform {

/// Replaces book.contents. A part's entry (part_id set) holds its articles and sub-parts in book
/// order; sections are an article's headings of its shallowest level, and an article without
/// headings has no children. Needs ids (run assign_ids and resolve_links first).
void build_contents(model::Book& book);

}  // namespace octavo::transform
