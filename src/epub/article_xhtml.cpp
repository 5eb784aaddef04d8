#include "epub/article_xhtml.hpp"

#include "epub/epub_paths.hpp"
#include "epub/note_fields.hpp"
#include "epub/visible_label.hpp"
#include "epub/xhtml_blocks.hpp"
#include "epub/xhtml_page.hpp"
#include "model/book.hpp"

namespace octavo::epub {
namespace {

constexpr const char* notes_title = "Notes";

// Octavo's own wording (headings, labels) is in the book's language; an article in another
// language marks it so that a screen reader switches voices (WCAG 3.1.2, language of parts).
void mark_language(XmlNode& element, const std::string& page_language, const std::string& book_language) {
  if (page_language == book_language) return;
  element.attributes.emplace_back("lang", book_language);
  element.attributes.emplace_back("xml:lang", book_language);
}

// A note's back-links to each of its references, in reading order, at the end of its last
// paragraph (or in a paragraph of their own). DPUB-ARIA doc-backlink; the label says where the
// arrow leads, and numbers the references when there are several.
void append_back_links(XmlNode& item, const std::vector<std::string>& refs, bool ends_in_paragraph) {
  XmlNode* paragraph =
      ends_in_paragraph ? &item.children.back() : &item.append(xml_element("p", {{"class", "back-links"}}));
  for (std::size_t k = 0; k < refs.size(); ++k) {
    const std::string suffix = refs.size() > 1 ? std::to_string(k + 1) : "";
    const std::string label = refs.size() > 1 ? "Back to reference " + suffix : "Back to the text";
    if (!paragraph->children.empty()) paragraph->append(xml_text(" "));
    // U+FE0E asks for the arrow as text: some reading systems would draw ↩ as an emoji.
    paragraph->append(xml_element("a", {{"href", "#" + refs[k]}, {"role", "doc-backlink"}, {"aria-label", label}},
                                  xml_children(xml_text("\u21a9\ufe0e" + suffix))));
  }
}

// Endnotes (EPUB 3 Structural Semantics "endnotes" with DPUB-ARIA doc-endnotes): an ordered list
// numbered as the references are. Deliberately not <aside epub:type="footnote">, which Apple Books
// hides; and each item is a plain list item with epub:type "endnote", because role doc-endnote is
// deprecated (DPUB-ARIA 1.1, axe "aria-deprecated-role") and doc-footnote is not allowed on li.
XmlNode endnotes(const model::Article& article, DocumentIds& ids, const std::string& page_language,
                 const std::string& book_language) {
  XmlNode section = xml_block("section", {{"class", "endnotes"}, {"epub:type", "endnotes"}, {"role", "doc-endnotes"}});
  XmlNode heading = xml_element("h2", {}, xml_children(xml_text(notes_title)));
  mark_language(heading, page_language, book_language);
  section.append(std::move(heading));
  XmlNode list = xml_block("ol");
  for (const model::Footnote& note : article.footnotes) {
    XmlNode item = xml_block("li");
    if (is_usable_id(note.id) && ids.written.insert(note.id).second) item.attributes.emplace_back("id", note.id);
    item.attributes.emplace_back("epub:type", "endnote");
    list.append(std::move(item));
  }
  // All notes first, then the back-links: a note may refer to a later one.
  for (std::size_t n = 0; n < article.footnotes.size(); ++n)
    append_blocks(list.children[n], article.footnotes[n].blocks, ids);
  for (std::size_t n = 0; n < article.footnotes.size(); ++n) {
    const model::Footnote& note = article.footnotes[n];
    const auto refs = ids.note_refs.find(note.id);
    if (refs == ids.note_refs.end()) continue;
    const bool ends_in_paragraph = !note.blocks.empty() && note.blocks.back().kind == model::BlockKind::paragraph;
    append_back_links(list.children[n], refs->second, ends_in_paragraph);
  }
  section.append(std::move(list));
  return section;
}

}  // namespace

std::string article_xhtml(const model::Article& article, const std::string& book_language, const BookLinks& links) {
  const std::string title = visible_label(article.title, "Untitled article");
  const std::string language = article.language.empty() ? book_language : article.language;
  const std::string note_id = model::source_note_id(article);
  DocumentIds ids;
  ids.written = {article.id, note_id};  // resolve_links reserves both, so no heading takes them
  for (const model::Footnote& note : article.footnotes) {
    if (is_usable_id(note.id)) ids.notes.insert(note.id);
  }
  ids.book = &links;
  ids.article_id = article.id;

  // epub:type "chapter" (EPUB Structural Semantics Vocabulary) and the matching DPUB-ARIA role.
  XmlNode section = xml_block(
      "section", {{"id", article.id}, {"class", "article"}, {"epub:type", "chapter"}, {"role", "doc-chapter"}});
  section.append(xml_element("h1", {}, xml_children(xml_text(title))));
  append_blocks(section, article.blocks, ids);
  if (!article.footnotes.empty()) section.append(endnotes(article, ids, language, book_language));

  XmlNode note = xml_block("section", {{"id", note_id}, {"class", "source-note"}});
  mark_language(note, language, book_language);
  note.append(xml_element("h2", {}, xml_children(xml_text(model::source_note_title))));
  if (!article.source_note.fields.empty()) note.append(note_fields(article.source_note));
  note.append(xml_element(
      "p", {{"class", "sources-link"}},
      xml_children(xml_element("a", {{"href", std::string(sources_file) + "#" + model::sources_entry_id(article)}},
                               xml_children(xml_text(model::sources_link_label))))));
  section.append(std::move(note));

  // Moved in (xml_children), never copied: copying a tree as deep as the input's nesting recurses
  // once per level (it overflowed the stack under ASan).
  return xhtml_page(title, language, stylesheet_href_from_text(), xml_children(std::move(section)));
}

}  // namespace octavo::epub
