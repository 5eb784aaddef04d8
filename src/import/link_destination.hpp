// Where a link written in an article leads, as the readers leave it in the model: a web or mail
// address, a "#fragment" in the same article, or a corpus-relative path with its fragment, which
// transform::resolve_links turns into an in-book link. Shared by the Markdown and HTML readers.
#pragma once

#include <string>
#include <string_view>

namespace octavo::import {

/// A link's model target, or why it has none.
struct LinkDestination {
  std::string target;   ///< the model's Inline::target; empty when `problem` is set
  std::string problem;  ///< a warning's message when the link cannot be kept (its text stays); else empty
};

/// The target for `destination` as written in the article at `article_path`: an http(s) or
/// mailto URL and a "#fragment" as they are; a relative path ("ch2.md#scope", "../b/c.md",
/// "my%20notes.md") resolved against the article's folder and percent-decoded, and one starting
/// with '/' against the corpus root, its "?query" dropped and its "#fragment" kept as written. A
/// problem for an empty destination, any other scheme ("javascript:", "ftp:"), a network path
/// ("//host/x") and a path that leads out of the corpus.
LinkDestination read_link_destination(std::string_view destination, const std::string& article_path);

}  // namespace octavo::import
