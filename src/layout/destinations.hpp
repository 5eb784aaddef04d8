// Names of the anchors that links and bookmarks point at. Heading ids are unique only within an
// article, so a heading's anchor is scoped by its article; the model's book-level ids are used as
// they are. Every name is unique in the book.
#pragma once

#include <optional>
#include <string>

#include "layout/build_items.hpp"
#include "model/article.hpp"

namespace octavo::layout {

/// "<article id>#<heading id>".
std::string heading_destination(const std::string& article_id, const std::string& heading_id);

/// The destination of an in-book link (model::Inline::target_article set): the anchor
/// `target` ("#id") names in that article, or the article's start when `target` is empty.
std::optional<LinkTarget> book_link_target(const std::string& article_id, const std::string& target);

/// Resolves an article's "#id" targets: a heading id, the article's own id or its source note's.
/// Any other target resolves to nullopt (the transforms have already warned about it).
LinkResolver article_link_resolver(const model::Article& article);

}  // namespace octavo::layout
