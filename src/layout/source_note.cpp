#include "layout/source_note.hpp"
#include "layout/paragraph_styles.hpp"

#include "layout/build_items.hpp"
#include "layout/set_paragraph.hpp"
#include "model/book.hpp"

namespace octavo::layout {
namespace {

ParagraphFormat note_format(core::Pt left, const PageStyle& style, Role role = Role::note) {
  return paragraph_format(role, style, left, style.measure() - left);
}

}  // namespace

void set_note_fields(Flow& flow, const model::SourceNote& note, core::Pt left, LayoutContext& context) {
  const PageStyle& style = context.style;
  const ParagraphFormat format = note_format(left, style);
  for (const model::NoteField& field : note.fields) {
    // Values are generated (digests, URLs): a long one breaks at the measure without a warning.
    ItemBuilder builder(context, format.width - format.rest_indent, false);
    builder.add_text(field.label + ":", TextStyle{true, false, false, style.small_size}, {});
    builder.add_text(" ", TextStyle{false, false, false, style.small_size}, {});
    const int link = field.href.empty() ? -1 : builder.add_link({"", field.href});
    builder.add_text(field.value, TextStyle{false, false, false, style.small_size}, {}, link);
    set_paragraph(flow, builder.finish(), format, context.metrics);
  }
}

void set_source_note(Flow& flow, const model::Article& article, LayoutContext& context) {
  const PageStyle& style = context.style;
  flow.allow_break();
  flow.add_space(style.note_space_before);
  flow.add_anchor(model::source_note_id(article));
  ItemBuilder heading(context, style.measure(), false);
  heading.add_text(model::source_note_title, TextStyle{false, true, false, style.small_size}, {});
  set_paragraph(flow, heading.finish(), note_format(core::Pt(0), style, Role::note_heading), context.metrics);
  flow.keep_next_lines(1);

  set_note_fields(flow, article.source_note, core::Pt(0), context);

  ItemBuilder pointer(context, style.measure(), false);
  const int link = pointer.add_link({model::sources_entry_id(article), ""});
  pointer.add_text(model::sources_link_label, TextStyle{true, false, false, style.small_size}, {}, link);
  set_paragraph(flow, pointer.finish(), note_format(core::Pt(0), style), context.metrics);
}

}  // namespace octavo::layout
