// Where each part of the book lives inside the EPUB container and how its documents refer to one
// another. Layout: mimetype, META-INF/container.xml, EPUB/{package.opf, nav.xhtml, toc.ncx},
// EPUB/styles/book.css and every XHTML page in EPUB/text/.
#pragma once

#include <string>

#include "model/image.hpp"

namespace octavo::epub {

inline constexpr const char* package_root = "EPUB/";               ///< folder of the package document
inline constexpr const char* package_file = "package.opf";         ///< the package document, in package_root
inline constexpr const char* nav_file = "nav.xhtml";               ///< the navigation document, in package_root
inline constexpr const char* ncx_file = "toc.ncx";                 ///< the EPUB 2 NCX, in package_root
inline constexpr const char* stylesheet_file = "styles/book.css";  ///< relative to package_root

/// Files of the text pages, all in EPUB/text/ so that they can link to each other by file name.
inline constexpr const char* title_page_file = "title.xhtml";
inline constexpr const char* disclaimer_file = "disclaimer.xhtml";
inline constexpr const char* contents_file = "contents.xhtml";
inline constexpr const char* sources_file = "sources.xhtml";

/// "<article id>.xhtml"; the id is XML-name-safe, so it is also a safe file name.
std::string article_file(const std::string& article_id);
/// "<part id>.xhtml": a part's title page; part ids are XML-name-safe too, and never an article's.
std::string part_file(const std::string& part_id);
/// The href of a text page from the package document, nav.xhtml or toc.ncx ("text/<file>").
std::string text_href(const std::string& file);
/// The stylesheet's href from a text page ("../styles/book.css").
std::string stylesheet_href_from_text();
/// "images/<first 16 hex digits of its SHA-256>.png" (or .jpg), relative to package_root: the
/// same bytes get the same name, so an image used twice is stored once.
std::string image_file(const model::Image& image);
/// An image's href from a text page ("../images/….png").
std::string image_href_from_text(const model::Image& image);

}  // namespace octavo::epub
