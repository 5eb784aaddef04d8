#include "watch/change_filter.hpp"

namespace octavo::watch {

bool is_ignored_name(std::string_view name) {
  if (name.empty()) return false;
  if (name.front() == '.' || name.back() == '~') return true;
  if (name.size() > 1 && name.front() == '#' && name.back() == '#') return true;
  // vim writes and removes "4913" to learn whether it may create files in the folder (:help 4913).
  if (name == "4913") return true;
  // vim's swap files of a file whose own name is hidden are hidden already; these are the ones it
  // makes for a buffer without a name, or with 'directory' set to ".".
  for (std::string_view suffix : {".swp", ".swo", ".swx"}) {
    if (name.ends_with(suffix)) return true;
  }
  return false;
}

bool is_inside_folder(std::string_view path, std::string_view folder) {
  while (folder.size() > 1 && folder.back() == '/') folder.remove_suffix(1);
  if (folder.empty() || !path.starts_with(folder)) return false;
  return path.size() == folder.size() || path[folder.size()] == '/' || folder == "/";
}

}  // namespace octavo::watch
