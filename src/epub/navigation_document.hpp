// The EPUB navigation document (EPUB/nav.xhtml, EPUB 3.3 §7): the toc nav that reading systems
// show as the table of contents, and the landmarks nav. There are no print pages, so no page-list.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "epub/toc_items.hpp"
#include "model/book.hpp"

namespace octavo::epub {

/// All nav.xhtml shows of the book besides its toc items (navigation_key hashes exactly these).
struct NavigationInputs {
  std::string title;                      ///< the book's, the page's title
  std::string language;                   ///< the book's
  std::string disclaimer_label;           ///< the preamble landmark's text
  std::optional<std::string> body_start;  ///< the bodymatter landmark's href; none without articles
};

/// The inputs of `book`'s nav.xhtml: body_start is the first article's page, or the title page of
/// the part that opens with it.
NavigationInputs navigation_inputs(const model::Book& book);

/// nav.xhtml: the toc nav of `items` (toc_items), and landmarks: titlepage, preamble (the
/// disclaimer), toc (the contents page), bodymatter (left out without body_start) and appendix
/// (Sources).
std::string navigation_document(const NavigationInputs& inputs, const std::vector<TocItem>& items);

/// nav.xhtml for `book`: navigation_document(navigation_inputs(book), toc_items(book)).
std::string navigation_document(const model::Book& book);

}  // namespace octavo::epub
