#include "import/file_names.hpp"

namespace octavo::import {

ArticleFormat article_format(std::string_view file_name) {
  if (file_name.ends_with(".txt")) return ArticleFormat::text;
  if (file_name.ends_with(".md")) return ArticleFormat::markdown;
  return ArticleFormat::other;
}

bool is_plain_file_name(std::string_view file_name) {
  return !file_name.empty() && file_name != "." && file_name != ".." &&
         file_name.find_first_of("/\\") == std::string_view::npos;
}

std::string file_stem(std::string_view file_name) {
  const std::size_t slash = file_name.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? file_name : file_name.substr(slash + 1);
  const std::size_t dot = name.find_last_of('.');
  return std::string(dot == std::string_view::npos || dot == 0 ? name : name.substr(0, dot));
}

}  // namespace octavo::import
