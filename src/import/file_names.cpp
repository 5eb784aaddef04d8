#include "import/file_names.hpp"

#include <array>

namespace octavo::import {

namespace {

// The extensions that make a file an article, exactly as written; ".markdown" is the long form
// pandoc and most editors also take for Markdown; ".htm" and ".xhtml" are what browsers save too.
constexpr std::array<std::string_view, 6> article_extensions = {".txt", ".md", ".markdown", ".html", ".htm", ".xhtml"};

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

ArticleFormat article_format(std::string_view file_name) {
  if (file_name.ends_with(".txt")) return ArticleFormat::text;
  if (file_name.ends_with(".md") || file_name.ends_with(".markdown")) return ArticleFormat::markdown;
  if (file_name.ends_with(".html") || file_name.ends_with(".htm") || file_name.ends_with(".xhtml")) {
    return ArticleFormat::html;
  }
  return ArticleFormat::other;
}

std::optional<std::string> article_name_for(std::string_view file_name) {
  if (article_format(file_name) != ArticleFormat::other) return std::nullopt;
  for (const std::string_view extension : article_extensions) {
    if (file_name.size() <= extension.size()) continue;
    const std::string_view tail = file_name.substr(file_name.size() - extension.size());
    bool same = true;
    for (std::size_t i = 0; i < tail.size() && same; ++i) same = ascii_lower(tail[i]) == extension[i];
    if (same) return std::string(file_name.substr(0, file_name.size() - extension.size())) + std::string(extension);
  }
  return std::nullopt;
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
