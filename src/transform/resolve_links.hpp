// Transform: the anchor table (model::AnchorTable) and every link resolved against it. Headings
// get ids compatible with GitHub's, so that links written for GitHub find them; explicit ids are
// kept; then in-article "#name" links and links to other articles' files become in-book links,
// and links that lead nowhere keep only their text. Runs after assign_ids.
#pragma once

#include <cstddef>

#include "core/diagnostics.hpp"
#include "model/book.hpp"

namespace octavo::transform {

/// Fills book.anchors and rewrites ids and links:
/// - Each heading is known by GitHub's id for its text (core::GithubSlugger, in document order;
///   also with "–" and "—" read back as the "--" and "---" they were typed as) and by the id its
///   reader or an HTML `id` gave it; blocks with an id and `anchor` inlines by theirs. The id
///   written is the heading's own id, else its GitHub id, made a valid XML ID (a character no
///   XML name may hold becomes '_', and "s-" goes before one that cannot start a name:
///   "1-intro" → "s-1-intro"), "section" when empty, and "-2", "-3"… when already written.
///   The article's id, its source note's, its footnotes' and their references' ids are reserved
///   (in the table's ids, under no name: the writers link notes themselves).
/// - A link "#name" leads to the anchor `name` names in its article (as written, percent-decoded,
///   or in lower case); a link "file#name" to the article read from that corpus file, and there
///   to `name`, or to the article's start with a warning when it has no such anchor. Resolved
///   links get `target_article` and `target` "#id" (or "" for the start). Web and mail links are
///   left as they are. Any other link is replaced by its text, with a warning at the link.
/// Articles are read on `jobs` threads; the book and the diagnostics are the same for any number.
void resolve_links(model::Book& book, core::DiagnosticSink& sink, std::size_t jobs = 1);

}  // namespace octavo::transform
