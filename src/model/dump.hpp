// A readable, indented text dump of the whole document model: metadata, front matter, contents
// and every article's blocks and inlines. Golden tests compare it; it never feeds a writer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/book.hpp"

namespace octavo::model {

/// One node per line, two spaces of indent per level, strings quoted with C-style escapes; each
/// block shows its line:col (and its path when it differs from its article's file). Every field is
/// printed, empty ones too, so that a golden diff shows exactly what changed.
std::string dump_book(const Book& book);

/// The part of dump_book for one article, starting at indent 0.
std::string dump_article(const Article& article);

/// The part of dump_book for a block list, starting at indent 0; locations in `path` show only
/// line:col. Empty for no blocks.
std::string dump_blocks(const std::vector<Block>& blocks, std::string_view path = {});

}  // namespace octavo::model
