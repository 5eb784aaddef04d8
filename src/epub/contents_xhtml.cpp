#include "epub/contents_xhtml.hpp"

#include <cassert>
#include <span>

#include "epub/epub_paths.hpp"
#include "epub/toc_items.hpp"
#include "epub/visible_label.hpp"
#include "epub/xhtml_page.hpp"

namespace octavo::epub {
namespace {

// The items of toc_items() point from the package folder ("text/a01-x.xhtml"); this page lives
// in text/ itself.
std::string href_from_text(const std::string& href) { return href.substr(text_href("").size()); }

// Recursive: the depth is that of the corpus's folders, not of any article's content. A part's or
// an article's item has its lines (XmlNode::lines) even without sections; a section's has not.
XmlNode contents_list(std::span<const TocItem> items, bool top) {
  XmlNode list = top ? xml_block("ol", {{"class", "contents"}}) : xml_block("ol");
  for (const TocItem& item : items) {
    XmlNode link = xml_element("a", {{"href", href_from_text(item.href)}}, xml_children(xml_text(item.label)));
    if (item.children.empty() && !top) {
      list.append(xml_element("li", {}, xml_children(std::move(link))));
      continue;
    }
    XmlNode& entry = list.append(xml_block("li"));
    entry.append(std::move(link));
    if (!item.children.empty()) entry.append(contents_list(item.children, false));
  }
  return list;
}

}  // namespace

std::string contents_xhtml(const model::Book& book) { return contents_xhtml(book.metadata.language, toc_items(book)); }

std::string contents_xhtml(const std::string& language, const std::vector<TocItem>& items) {
  // The same tree as the navigation, but for the disclaimer and the contents page itself, which
  // come before this page in the reading order, and Sources, listed last (toc_items lists all
  // three, always).
  assert(items.size() >= 3);
  XmlNode list = contents_list(std::span(items).subspan(2, items.size() - 3), true);
  list.append(xml_element(
      "li", {},
      xml_children(xml_element("a", {{"href", sources_file}}, xml_children(xml_text(model::sources_title))))));

  // A table of contents in the body (EPUB Structural Semantics "toc", DPUB-ARIA doc-toc); the
  // navigation document's toc nav is separate and not in the reading order.
  XmlNode nav =
      xml_block("nav", {{"id", model::contents_id}, {"class", "contents"}, {"epub:type", "toc"}, {"role", "doc-toc"}});
  nav.append(xml_element("h1", {}, xml_children(xml_text(model::contents_title))));
  nav.append(std::move(list));
  return xhtml_page(model::contents_title, language, stylesheet_href_from_text(), xml_children(std::move(nav)));
}

}  // namespace octavo::epub
