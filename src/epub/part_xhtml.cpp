#include "epub/part_xhtml.hpp"

#include "epub/epub_paths.hpp"
#include "epub/visible_label.hpp"
#include "epub/xhtml_page.hpp"

namespace octavo::epub {

std::string part_xhtml(const model::Part& part, const std::string& language) {
  const std::string title = visible_label(part.title, "Untitled part");
  // "part" (EPUB Structural Semantics Vocabulary) with the matching DPUB-ARIA role.
  XmlNode section =
      xml_block("section", {{"id", part.id}, {"class", "part"}, {"epub:type", "part"}, {"role", "doc-part"}});
  section.append(xml_element("h1", {}, xml_children(xml_text(title))));
  return xhtml_page(title, language, stylesheet_href_from_text(), xml_children(std::move(section)));
}

}  // namespace octavo::epub
