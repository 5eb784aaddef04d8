#include "epub/navigation_document.hpp"

#include "epub/book_links.hpp"
#include "epub/epub_paths.hpp"
#include "epub/toc_items.hpp"
#include "epub/visible_label.hpp"
#include "epub/xhtml_page.hpp"

namespace octavo::epub {
namespace {

XmlNode link(const std::string& href, const std::string& label) {
  return xml_element("a", {{"href", href}}, xml_children(xml_text(label)));
}

// EPUB 3.3 §7.4: each li holds an a, optionally followed by a non-empty ol of the next level.
XmlNode toc_list(const std::vector<TocItem>& items) {
  XmlNode list = xml_block("ol");
  for (const TocItem& item : items) {
    if (item.children.empty()) {
      list.append(xml_element("li", {}, {link(item.href, item.label)}));
    } else {
      list.append(xml_block("li", {}, {link(item.href, item.label), toc_list(item.children)}));
    }
  }
  return list;
}

XmlNode landmark(const char* type, const std::string& href, const std::string& label) {
  return xml_element(
      "li", {}, xml_children(xml_element("a", {{"epub:type", type}, {"href", href}}, xml_children(xml_text(label)))));
}

// The page the body starts on: the title page of the outermost part that opens with the first
// article (parts are listed outermost first), else the first article.
std::string first_body_page(const model::Book& book) {
  for (const model::Part& part : book.parts) {
    if (part.first_article == 0 && has_part_page(book, part)) return part_file(part.id);
  }
  return article_file(book.articles.front().id);
}

}  // namespace

NavigationInputs navigation_inputs(const model::Book& book) {
  NavigationInputs inputs{book.metadata.title, book.metadata.language,
                          visible_label(book.disclaimer.title, "Disclaimer"), std::nullopt};
  if (!book.articles.empty()) inputs.body_start = text_href(first_body_page(book));
  return inputs;
}

std::string navigation_document(const model::Book& book) {
  return navigation_document(navigation_inputs(book), toc_items(book));
}

std::string navigation_document(const NavigationInputs& inputs, const std::vector<TocItem>& items) {
  XmlNode toc = xml_block("nav", {{"id", "toc"}, {"epub:type", "toc"}, {"role", "doc-toc"}});
  toc.append(xml_element("h1", {}, xml_children(xml_text(model::contents_title))));
  toc.append(toc_list(items));

  // Landmarks use terms of the EPUB Structural Semantics Vocabulary (EPUB 3.3 §7.4.3); the
  // disclaimer is "preamble", as on its own page.
  XmlNode marks = xml_block("ol");
  marks.append(landmark("titlepage", text_href(title_page_file), "Title page"));
  marks.append(landmark("preamble", text_href(disclaimer_file), inputs.disclaimer_label));
  marks.append(landmark("toc", text_href(contents_file), model::contents_title));
  if (inputs.body_start) marks.append(landmark("bodymatter", *inputs.body_start, "Start of content"));
  marks.append(landmark("appendix", text_href(sources_file), model::sources_title));
  XmlNode landmarks = xml_block("nav", {{"id", "landmarks"}, {"epub:type", "landmarks"}, {"hidden", "hidden"}});
  landmarks.append(xml_element("h2", {}, xml_children(xml_text("Landmarks"))));
  landmarks.append(std::move(marks));

  return xhtml_page(inputs.title, inputs.language, stylesheet_file, xml_children(std::move(toc), std::move(landmarks)));
}

}  // namespace octavo::epub
