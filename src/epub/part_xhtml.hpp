// A part's title page (EPUB/text/<part id>.xhtml): a folder of the corpus, read before its first
// article and listed in the navigation one level above its articles.
#pragma once

#include <string>

#include "model/book.hpp"

namespace octavo::epub {

/// The page for `part`: its title as h1. An empty title reads "Untitled part".
std::string part_xhtml(const model::Part& part, const std::string& language);

}  // namespace octavo::epub
