#include "epub/article_xhtml.hpp"

#include "epub/epub_paths.hpp"
#include "epub/note_fields.hpp"
#include "epub/visible_label.hpp"
#include "epub/xhtml_blocks.hpp"
#include "epub/xhtml_page.hpp"
#include "model/book.hpp"

namespace octavo::epub {

std::string article_xhtml(const model::Article& article, const std::string& language,
                          const model::AnchorTable& anchors) {
  const std::string title = visible_label(article.title, "Untitled article");
  const std::string note_id = model::source_note_id(article);
  DocumentIds ids;
  ids.anchors = &anchors;
  ids.article_id = article.id;
  ids.written = {article.id, note_id};  // resolve_links reserves both, so no heading should take them

  // epub:type "chapter" (EPUB Structural Semantics Vocabulary) and the matching DPUB-ARIA role.
  XmlNode section = xml_block(
      "section", {{"id", article.id}, {"class", "article"}, {"epub:type", "chapter"}, {"role", "doc-chapter"}});
  section.append(xml_element("h1", {}, {xml_text(title)}));
  append_blocks(section, article.blocks, ids);

  XmlNode note = xml_block("section", {{"id", note_id}, {"class", "source-note"}});
  note.append(xml_element("h2", {}, {xml_text(model::source_note_title)}));
  if (!article.source_note.fields.empty()) note.append(note_fields(article.source_note));
  note.append(
      xml_element("p", {{"class", "sources-link"}},
                  {xml_element("a", {{"href", std::string(sources_file) + "#" + model::sources_entry_id(article)}},
                               {xml_text(model::sources_link_label)})}));
  section.append(std::move(note));

  // Appended, not passed in braces: an initializer list copies its elements, and copying a tree as
  // deep as the input's nesting recurses once per level (it overflowed the stack under ASan).
  XmlNode body = xml_block("body");
  body.append(std::move(section));
  return xhtml_page(title, language, stylesheet_href_from_text(), std::move(body));
}

}  // namespace octavo::epub
