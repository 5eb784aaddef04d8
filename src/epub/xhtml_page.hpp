// The frame every XHTML content document shares (EPUB 3.3 §6.1): the XHTML and EPUB namespaces,
// the book's language, a UTF-8 meta, a title and the stylesheet, around a page-specific body.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "epub/xml_document.hpp"

namespace octavo::epub {

/// The serialized document whose body holds `body_content` (made with xml_children, so that no
/// tree is copied on its way in). `title` falls back to "Untitled" when it shows nothing;
/// `stylesheet_href` is relative to the page.
std::string xhtml_page(const std::string& title, const std::string& language, const std::string& stylesheet_href,
                       std::vector<XmlNode> body_content);
/// Children in braces would be copied into the page (an initializer list holds copies): refused.
std::string xhtml_page(const std::string& title, const std::string& language, const std::string& stylesheet_href,
                       std::initializer_list<XmlNode> body_content) = delete;

}  // namespace octavo::epub
