#include "epub/epub_paths.hpp"

namespace octavo::epub {

std::string article_file(const std::string& article_id) { return article_id + ".xhtml"; }

std::string text_href(const std::string& file) { return "text/" + file; }

std::string stylesheet_href_from_text() { return std::string("../") + stylesheet_file; }

}  // namespace octavo::epub
