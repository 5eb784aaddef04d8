// Names of the anchors that links and bookmarks point at. Heading ids are unique only within an
// article, so a heading's anchor is scoped by its article; the model's book-level ids are used as
// they are. Every name is unique in the book.
#pragma once

#include <optional>
#include <string>

#include "layout/build_items.hpp"
#include "model/anchor_table.hpp"
#include "model/article.hpp"

namespace octavo::layout {

/// "<article id>#<heading id>".
std::string heading_destination(const std::string& article_id, const std::string& heading_id);

/// Resolves the in-book links of `article` by looking them up in `anchors` (the book's): an
/// article's start, its source note, or any other id written in it; "#id" with no target_article
/// means `article`. An id the table does not have resolves to nullopt (the transforms have
/// already warned about it). `anchors` must outlive the resolver.
LinkResolver article_link_resolver(const model::Article& article, const model::AnchorTable& anchors);

}  // namespace octavo::layout
