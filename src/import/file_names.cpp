#include "import/file_names.hpp"

#include <algorithm>
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

bool is_corpus_path(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.find('\\') != std::string_view::npos) return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = std::min(path.find('/', start), path.size());
    const std::string_view component = path.substr(start, slash - start);
    if (component.empty() || component == "." || component == "..") return false;
    start = slash + 1;
  }
  return true;
}

std::string file_stem(std::string_view file_name) {
  const std::size_t slash = file_name.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? file_name : file_name.substr(slash + 1);
  const std::size_t dot = name.find_last_of('.');
  return std::string(dot == std::string_view::npos || dot == 0 ? name : name.substr(0, dot));
}

// Folder names such as "02-getting-started" carry an ordering number and a URL-safe spelling;
// a reader of the contents should see words, so both go, and nothing else is guessed.
std::string title_from_folder_name(std::string_view folder) {
  const std::size_t slash = folder.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? folder : folder.substr(slash + 1);
  std::size_t start = 0;
  while (start < name.size() && name[start] >= '0' && name[start] <= '9') ++start;
  if (start > 0 && start < name.size() &&
      (name[start] == '-' || name[start] == '_' || name[start] == '.' || name[start] == ' ')) {
    ++start;
    while (start < name.size() && name[start] == ' ') ++start;
  } else {
    start = 0;
  }
  if (start == name.size()) return std::string(name);  // "01-": the number is all there is
  std::string title(name.substr(start));
  for (char& c : title) {
    if (c == '-' || c == '_') c = ' ';
  }
  if (title.find_first_not_of(' ') == std::string::npos) return std::string(name);
  if (!title.empty() && title.front() >= 'a' && title.front() <= 'z')
    title.front() = static_cast<char>(title.front() - 'a' + 'A');
  return title;
}

}  // namespace octavo::import
