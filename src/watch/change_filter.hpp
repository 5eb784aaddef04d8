// Which changes in a watched corpus call for a rebuild: editors' temporary files, hidden files and
// the output folder do not. Pure: names and paths in, yes or no out; folder_watcher.cpp asks it.
#pragma once

#include <string_view>

namespace octavo::watch {

/// True when a file or folder named `name` (no '/') never matters to a build: hidden names, which
/// the corpus reader skips too (".git", vim's ".a.md.swp", emacs's ".#a.md"), backups ("a.md~"),
/// emacs's autosaves ("#a.md#") and vim's write test "4913". False for an empty name.
bool is_ignored_name(std::string_view name);

/// True when `path` is `folder` or lies below it, comparing whole names of absolute, normal paths
/// ("/c/out" is not inside "/c/o"). False when `folder` is empty.
bool is_inside_folder(std::string_view path, std::string_view folder);

}  // namespace octavo::watch
