#include "import/folder_parts.hpp"

#include <algorithm>
#include <string>

namespace octavo::import {

std::string folder_of_file(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

// One pass with the stack of the parts that hold the current article: each article closes the
// parts its folder is not inside and opens those it is inside that are not open yet.
std::vector<model::Part> parts_from_folders(std::vector<model::Article>& articles) {
  std::vector<model::Part> parts;
  std::vector<std::size_t> open;
  for (std::size_t index = 0; index < articles.size(); ++index) {
    model::Article& article = articles[index];
    const std::string folder = folder_of_file(article.provenance.file);
    const auto holds = [&](const model::Part& part) {
      return folder == part.folder || folder.starts_with(part.folder + "/");
    };
    while (!open.empty() && !holds(parts[open.back()])) open.pop_back();
    std::size_t known = open.empty() ? 0 : parts[open.back()].folder.size() + 1;
    while (known < folder.size() + 1 && !folder.empty()) {
      const std::size_t slash = std::min(folder.find('/', known), folder.size());
      model::Part part;
      part.folder = folder.substr(0, slash);
      part.parent = open.empty() ? model::no_part : open.back();
      part.first_article = index;
      part.location = {part.folder, 0, 0};
      open.push_back(parts.size());
      parts.push_back(std::move(part));
      known = slash + 1;
    }
    for (const std::size_t part : open) ++parts[part].article_count;
    article.part = open.empty() ? model::no_part : open.back();
  }
  return parts;
}

}  // namespace octavo::import
