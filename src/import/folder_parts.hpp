// The parts of a book are the folders of its corpus: an article in "part-1/ch1.md" belongs to the
// part "part-1", one in "a/b/c.md" to "a/b" inside "a". Made by read_corpus once the articles are
// read, before their titles are chosen.
#pragma once

#include <vector>

#include "model/article.hpp"
#include "model/book.hpp"

namespace octavo::import {

/// The parts the articles' folders make, in pre-order, with `Article::part` set on each article.
/// A part's title is left empty and its location names the folder. Articles of one folder are
/// expected to follow one another; one that does not opens a second part for the same folder.
/// Empty when every article lies in the corpus root.
std::vector<model::Part> parts_from_folders(std::vector<model::Article>& articles);

/// "a/b" for "a/b/c.md"; empty for a file in the root.
std::string folder_of_file(const std::string& path);

}  // namespace octavo::import
