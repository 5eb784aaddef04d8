// Transform: counts each article's words and writes its source note, the provenance statement
// that ends the article and is repeated in the Sources appendix. Both writers print it as is.
#pragma once

#include <cstddef>

#include "model/book.hpp"

namespace octavo::transform {

/// Review status printed in every note: nothing in a corpus has been reviewed by Octavo.
inline constexpr const char* review_status_unreviewed = "unreviewed: not checked by editors or experts";
/// What a note says for provenance that the manifest does not give.
inline constexpr const char* not_recorded = "not recorded";

/// Sets provenance.word_count (notes included) and source_note for every article. Never invents
/// provenance: missing facts are printed as "not recorded"; the article's own date ("Published")
/// and description ("Summary") appear only when its front matter gives them. The source is linked when it is a web or
/// mail address (core::is_web_or_mail_url, any case) with no white space, '"', '<' or '>'.
/// Articles are counted on `jobs` threads; the notes are the same for any number.
void write_source_notes(model::Book& book, std::size_t jobs = 1);

}  // namespace octavo::transform
