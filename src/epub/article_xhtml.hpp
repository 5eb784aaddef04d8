// One article as an XHTML page (EPUB/text/<article id>.xhtml): its title, its blocks and, at the
// end, its source note, which links to the article's entry in the Sources appendix.
#pragma once

#include <string>

#include "model/anchor_table.hpp"
#include "model/article.hpp"

namespace octavo::epub {

/// The article's page in `language`; its in-book links lead where `anchors` (the book's) says. The
/// source note is a section with id model::source_note_id(article); it is written even when the
/// note has no fields.
std::string article_xhtml(const model::Article& article, const std::string& language,
                          const model::AnchorTable& anchors);

}  // namespace octavo::epub
