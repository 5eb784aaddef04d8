#include "epub/epub_paths.hpp"

namespace octavo::epub {

std::string article_file(const std::string& article_id) { return article_id + ".xhtml"; }

std::string part_file(const std::string& part_id) { return part_id + ".xhtml"; }

std::string text_href(const std::string& file) { return "text/" + file; }

std::string stylesheet_href_from_text() { return std::string("../") + stylesheet_file; }

// 64 bits of the digest: a collision among the images of one book is not a practical concern.
std::string image_file(const model::Image& image) {
  return "images/" + image.sha256.substr(0, 16) + "." + core::file_extension(image.info.format);
}

std::string image_href_from_text(const model::Image& image) { return "../" + image_file(image); }

}  // namespace octavo::epub
