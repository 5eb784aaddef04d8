#include "epub/title_page_xhtml.hpp"

#include "epub/epub_paths.hpp"
#include "epub/visible_label.hpp"
#include "epub/xhtml_page.hpp"

namespace octavo::epub {

std::string title_page_xhtml(const model::Metadata& metadata) {
  const std::string title = visible_label(metadata.title, "Untitled");
  // "titlepage" is a term of the EPUB Structural Semantics Vocabulary; DPUB-ARIA has no role for it.
  XmlNode section =
      xml_block("section", {{"id", model::title_page_id}, {"class", "title-page"}, {"epub:type", "titlepage"}});
  section.append(xml_element("h1", {{"class", "title"}}, xml_children(xml_text(title))));
  auto line = [&section](const char* css_class, const std::string& text) {
    if (!text.empty()) section.append(xml_element("p", {{"class", css_class}}, xml_children(xml_text(text))));
  };
  line("subtitle", metadata.subtitle);
  for (const std::string& author : metadata.authors) line("author", author);
  if (!metadata.editor.empty()) line("editor", "Edited by " + metadata.editor);
  line("publisher", metadata.publisher);
  line("date", metadata.date);
  return xhtml_page(title, metadata.language, stylesheet_href_from_text(), xml_children(std::move(section)));
}

}  // namespace octavo::epub
