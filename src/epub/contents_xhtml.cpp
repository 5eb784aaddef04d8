#include "epub/contents_xhtml.hpp"

#include "epub/contents_links.hpp"
#include "epub/epub_paths.hpp"
#include "epub/visible_label.hpp"
#include "epub/xhtml_page.hpp"

namespace octavo::epub {
namespace {

XmlNode entry_link(const std::string& href, const std::string& title, const char* fallback) {
  return xml_element("a", {{"href", href}}, {xml_text(visible_label(title, fallback))});
}

// Parts, their articles, the articles' sections: as deep as book.contents nests them, which the
// corpus's folder depth bounds (core::max_folder_depth).
void append_entries(XmlNode& list, const std::vector<model::ContentsEntry>& entries, const ContentsLinks& links) {
  for (const model::ContentsEntry& entry : entries) {
    const std::string href = links.href(entry);
    if (href.empty()) continue;
    const char* fallback = !entry.part_id.empty() ? "Untitled part"
                           : entry.anchor.empty() ? "Untitled article"
                                                  : "Untitled section";
    if (entry.part_id.empty() && !entry.anchor.empty()) {  // a section: a line of its own
      list.append(xml_element("li", {}, {entry_link(href, entry.title, fallback)}));
      continue;
    }
    XmlNode& item = list.append(xml_block("li"));
    item.append(entry_link(href, entry.title, fallback));
    if (!entry.children.empty()) append_entries(item.append(xml_block("ol")), entry.children, links);
  }
}

}  // namespace

std::string contents_xhtml(const model::Book& book) {
  const ContentsLinks links(book);
  XmlNode list = xml_block("ol", {{"class", "contents"}});
  append_entries(list, book.contents, links);
  list.append(xml_element("li", {}, {entry_link(sources_file, model::sources_title, "")}));

  // A table of contents in the body (EPUB Structural Semantics "toc", DPUB-ARIA doc-toc); the
  // navigation document's toc nav is separate and not in the reading order.
  XmlNode nav =
      xml_block("nav", {{"id", model::contents_id}, {"class", "contents"}, {"epub:type", "toc"}, {"role", "doc-toc"}});
  nav.append(xml_element("h1", {}, {xml_text(model::contents_title)}));
  nav.append(std::move(list));
  return xhtml_page(model::contents_title, book.metadata.language, stylesheet_href_from_text(),
                    xml_block("body", {}, {std::move(nav)}));
}

}  // namespace octavo::epub
