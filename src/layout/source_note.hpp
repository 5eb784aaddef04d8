// An article's provenance as "Label: value" lines: at the end of the article (the source note)
// and again in the Sources appendix.
#pragma once

#include "core/length.hpp"
#include "layout/flow.hpp"
#include "layout/layout_context.hpp"
#include "model/article.hpp"

namespace octavo::layout {

/// Appends one small, ragged line group per field, indented by `left`; a field with an href
/// links its value there. Nothing for a note without fields.
void set_note_fields(Flow& flow, const model::SourceNote& note, core::Pt left, LayoutContext& context);

/// Appends the note that ends `article`: a small model::source_note_title heading (the anchor
/// source_note_id), its fields, and a model::sources_link_label line linking to the article's
/// entry in the Sources appendix.
void set_source_note(Flow& flow, const model::Article& article, LayoutContext& context);

}  // namespace octavo::layout
