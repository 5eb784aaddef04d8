// The disclaimer page (EPUB/text/disclaimer.xhtml), front matter right after the title page: it
// tells the reader that the content is unreviewed.
#pragma once

#include <string>

#include "model/book.hpp"

namespace octavo::epub {

/// The page for `disclaimer`: its title as h1, then its blocks. An empty title reads "Disclaimer".
std::string disclaimer_xhtml(const model::Section& disclaimer, const std::string& language);

}  // namespace octavo::epub
