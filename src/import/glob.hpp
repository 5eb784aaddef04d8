// Glob patterns over corpus-relative paths, as book.toml's `exclude` writes them: "drafts/**",
// "*/README.md", "notes-??.md". Used by read_corpus to leave files out of the folder listing.
#pragma once

#include <string_view>

namespace octavo::import {

/// True if `pattern` matches the whole of `path` ('/'-separated, relative to the corpus root).
/// `*` matches any run of characters within one component, `?` one character (not '/'), and a
/// component that is exactly `**` any number of whole components, none included ("**/x.md"
/// matches "x.md" and "a/b/x.md"); every other character matches itself. False for an empty pattern.
bool glob_match(std::string_view pattern, std::string_view path);

/// True if `pattern` matches every path inside `folder`: it ends in "/**" and the rest matches
/// the folder ("drafts/**" covers "drafts"), so the folder need not be read at all.
bool glob_covers_folder(std::string_view pattern, std::string_view folder);

}  // namespace octavo::import
