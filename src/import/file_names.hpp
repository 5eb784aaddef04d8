// Names of files in the corpus folder: which ones are articles, in which format, and what an
// article's name says when nothing else gives it a title. Used by the manifest, corpus and readers.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace octavo::import {

enum class ArticleFormat { text, markdown, html, other };

/// The reader a file name calls for: ".txt" → text, ".md" or ".markdown" → markdown, ".html",
/// ".htm" or ".xhtml" → html (lower-case only), else other.
ArticleFormat article_format(std::string_view file_name);

/// For a name that would be an article but for the case of its extension ("b.MD", "c.Txt"), the
/// name it should have ("b.md", "c.txt"); nullopt for an article name or any other name.
std::optional<std::string> article_name_for(std::string_view file_name);

/// True for a name directly in the corpus folder: not empty, not "." or "..", no '/' or '\'.
bool is_plain_file_name(std::string_view file_name);

/// The name without its last extension ("000_a.txt" → "000_a"); the whole name if it has none
/// or is a dot-file (".hidden").
std::string file_stem(std::string_view file_name);

}  // namespace octavo::import
