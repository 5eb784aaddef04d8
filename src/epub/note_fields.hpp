// A source note's labelled fields as an XHTML description list, the same in the article's closing
// note and in its Sources entry.
#pragma once

#include "epub/xml_document.hpp"
#include "model/article.hpp"

namespace octavo::epub {

/// A <dl> with a dt/dd pair per field; a value with a web or mail href is a link, any other href
/// is ignored. An empty <dl> when the note has no fields.
XmlNode note_fields(const model::SourceNote& note);

}  // namespace octavo::epub
