#include "epub/disclaimer_xhtml.hpp"

#include "epub/epub_paths.hpp"
#include "epub/visible_label.hpp"
#include "epub/xhtml_blocks.hpp"
#include "epub/xhtml_page.hpp"

namespace octavo::epub {

std::string disclaimer_xhtml(const model::Section& disclaimer, const std::string& language) {
  const std::string title = visible_label(disclaimer.title, "Disclaimer");
  const std::string id = is_usable_id(disclaimer.id) ? disclaimer.id : std::string(model::disclaimer_id);
  DocumentIds ids;  // the disclaimer has no anchors in the book's table: its links are external or none
  ids.written = {id};
  // "preamble" (EPUB Structural Semantics Vocabulary): introductory prose on the scope or nature
  // of the work's content, which is what the disclaimer is. DPUB-ARIA has no matching role.
  XmlNode section = xml_block("section", {{"id", id}, {"class", "disclaimer"}, {"epub:type", "preamble"}});
  section.append(xml_element("h1", {}, xml_children(xml_text(title))));
  append_blocks(section, disclaimer.blocks, ids);
  return xhtml_page(title, language, stylesheet_href_from_text(), xml_children(std::move(section)));
}

}  // namespace octavo::epub
