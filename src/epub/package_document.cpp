#include "epub/package_document.hpp"

#include <algorithm>

#include "epub/visible_label.hpp"
#include "epub/xml_document.hpp"

namespace octavo::epub {

const char* const accessibility_summary =
    "This publication contains only text, with no images, audio or video. It has a table of contents, headings for "
    "the articles and their sections, and links from each article's source note to its entry in the Sources "
    "appendix and back.";

const char* const accessibility_summary_with_images =
    "This publication contains text and images, with no audio or video; every image has the text alternative its "
    "article gives. It has a table of contents, headings for the articles and their sections, and links from each "
    "article's source note to its entry in the Sources appendix and back.";

namespace {

constexpr const char* book_id = "book-id";

XmlNode meta(const char* property, const std::string& value) {
  return xml_element("meta", {{"property", property}}, xml_children(xml_text(value)));
}

XmlNode refine(const std::string& id, const char* property, const char* value, const char* scheme = nullptr) {
  XmlNode node = xml_element("meta", {{"refines", "#" + id}, {"property", property}}, xml_children(xml_text(value)));
  if (scheme != nullptr) node.attributes.emplace_back("scheme", scheme);
  return node;
}

void append_dc(XmlNode& metadata, const char* name, const std::string& value, const std::string& id = {}) {
  XmlNode element = xml_element(name, {}, xml_children(xml_text(value)));
  if (!id.empty()) element.attributes.emplace_back("id", id);
  metadata.append(std::move(element));
}

// EPUB 3.3 §5.5.3 (DCMES elements) and §5.5.5 (meta refinements with the marc:relators scheme).
XmlNode metadata_element(const model::Metadata& book, bool has_images) {
  XmlNode metadata = xml_block("metadata", {{"xmlns:dc", "http://purl.org/dc/elements/1.1/"}});
  append_dc(metadata, "dc:identifier", book.identifier, book_id);
  append_dc(metadata, "dc:title", visible_label(book.title, "Untitled"), "title");
  metadata.append(refine("title", "title-type", "main"));
  if (!book.subtitle.empty()) {
    append_dc(metadata, "dc:title", book.subtitle, "subtitle");
    metadata.append(refine("subtitle", "title-type", "subtitle"));
  }
  std::size_t creators = 0;
  for (const std::string& author : book.authors) {
    if (author.empty()) continue;
    const std::string id = "creator-" + std::to_string(++creators);
    append_dc(metadata, "dc:creator", author, id);
    metadata.append(refine(id, "role", "aut", "marc:relators"));
  }
  if (!book.editor.empty()) {
    append_dc(metadata, "dc:creator", book.editor, "editor");
    metadata.append(refine("editor", "role", "edt", "marc:relators"));
  }
  append_dc(metadata, "dc:language", book.language);
  if (!book.publisher.empty()) append_dc(metadata, "dc:publisher", book.publisher);
  if (!book.date.empty()) append_dc(metadata, "dc:date", book.date);
  metadata.append(meta("dcterms:modified", book.modified));

  // EPUB Accessibility 1.1 §2 with schema.org's vocabulary: only what holds for every Octavo
  // book. No dcterms:conformsTo, because no one has evaluated the content against WCAG.
  // Images bring the visual access mode; their alt texts keep the book sufficient as text.
  metadata.append(meta("schema:accessMode", "textual"));
  if (has_images) metadata.append(meta("schema:accessMode", "visual"));
  metadata.append(meta("schema:accessModeSufficient", "textual"));
  for (const char* feature : {"structuralNavigation", "tableOfContents", "readingOrder"}) {
    metadata.append(meta("schema:accessibilityFeature", feature));
  }
  metadata.append(meta("schema:accessibilityHazard", "none"));
  if (has_images) metadata.append(meta("schema:accessibilityFeature", "alternativeText"));
  metadata.append(
      meta("schema:accessibilitySummary", has_images ? accessibility_summary_with_images : accessibility_summary));
  if (!book.generator.empty())
    metadata.append(xml_element("meta", {{"name", "generator"}, {"content", book.generator}}));
  return metadata;
}

}  // namespace

std::string package_document(const model::Metadata& metadata, const std::vector<PackageItem>& items) {
  XmlNode package = xml_block("package", {{"xmlns", "http://www.idpf.org/2007/opf"},
                                          {"version", "3.0"},
                                          {"unique-identifier", book_id},
                                          {"xml:lang", metadata.language}});
  const bool has_images = std::any_of(items.begin(), items.end(),
                                      [](const PackageItem& item) { return item.media_type.starts_with("image/"); });
  package.append(metadata_element(metadata, has_images));
  XmlNode manifest = xml_block("manifest");
  XmlNode spine = xml_block("spine", {{"toc", "ncx"}});
  for (const PackageItem& item : items) {
    XmlNode entry = xml_element("item", {{"id", item.id}, {"href", item.href}, {"media-type", item.media_type}});
    if (!item.properties.empty()) entry.attributes.emplace_back("properties", item.properties);
    manifest.append(std::move(entry));
    if (item.in_spine) spine.append(xml_element("itemref", {{"idref", item.id}}));
  }
  package.append(std::move(manifest));
  package.append(std::move(spine));
  return xml_document(package);
}

}  // namespace octavo::epub
