#include "epub/note_fields.hpp"

#include "epub/external_href.hpp"

namespace octavo::epub {

XmlNode note_fields(const model::SourceNote& note) {
  XmlNode list = xml_block("dl");
  for (const model::NoteField& field : note.fields) {
    list.append(xml_element("dt", {}, xml_children(xml_text(field.label))));
    const std::string href = external_href(field.href);
    XmlNode value = xml_text(field.value);
    if (!href.empty()) value = xml_element("a", {{"href", href}}, xml_children(std::move(value)));
    list.append(xml_element("dd", {}, xml_children(std::move(value))));
  }
  return list;
}

}  // namespace octavo::epub
