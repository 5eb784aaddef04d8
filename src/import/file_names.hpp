// Names of files in the corpus folder: which ones are articles, in which format, and what an
// article's or a folder's name says when nothing else gives it a title. Used by the manifest,
// corpus and readers.
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

/// True for a '/'-separated path inside the corpus folder, as book.toml names files and folders
/// ("ch1.md", "part-1/ch1.md"): not empty, not absolute, no '\\', and no empty, "." or ".."
/// component; false otherwise.
bool is_corpus_path(std::string_view path);

/// The name without its last extension ("000_a.txt" → "000_a"); the whole name if it has none
/// or is a dot-file (".hidden").
std::string file_stem(std::string_view file_name);

/// A title made from a folder's name, for a part nothing else names: the last component without
/// the number that only orders it ("02-", "2_", "02. "), '-' and '_' as spaces, the first letter
/// in upper case ("book/02-getting-started" → "Getting started"); the name as it is when nothing
/// would be left.
std::string title_from_folder_name(std::string_view folder);

}  // namespace octavo::import
