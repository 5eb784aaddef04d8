#include "layout/page_furniture.hpp"

#include "core/utf8.hpp"
#include "layout/build_items.hpp"
#include "model/book.hpp"

namespace octavo::layout {
namespace {

constexpr char32_t ellipsis = 0x2026;

// Cuts `list` to what fits in `available` and ends it with an ellipsis box. Boxes are cut by
// the longest prefix that fits, measured whole (kerning), and a space before the ellipsis is dropped.
ItemList truncate_with_ellipsis(const ItemList& list, core::Pt available, LayoutContext& context) {
  const Item* first_box = nullptr;
  for (const Item& item : list.items) {
    if (item.kind == ItemKind::box) {
      first_box = &item;
      break;
    }
  }
  if (first_box == nullptr) return list;
  const fonts::FontFace face = first_box->face;
  const core::Pt size = first_box->size;
  std::string mark;
  if (context.coverage.has_glyph(face, ellipsis)) {
    core::append_utf8(mark, ellipsis);
  } else {
    mark = "...";
  }
  const core::Pt mark_width = box_width(context.metrics, face, mark, size);
  const core::Pt limit = available - mark_width;

  ItemList out;
  out.links = list.links;
  core::Pt x;
  for (const Item& item : list.items) {
    if (item.kind == ItemKind::penalty || item.fill) continue;
    if (x + item.width <= limit) {
      out.items.push_back(item);
      x += item.width;
      continue;
    }
    if (item.kind == ItemKind::box) {
      // The kept prefix is measured whole as it grows: kerning makes it narrower than its letters.
      const FittingPrefix kept = fitting_prefix(context.metrics, item.face, item.text, item.size, x, limit, false);
      if (kept.bytes > 0) {
        out.items.push_back(box_item(item.text.substr(0, kept.bytes), item.face, item.size, kept.width));
      }
    }
    break;
  }
  while (!out.items.empty() && out.items.back().kind == ItemKind::glue) out.items.pop_back();
  out.items.push_back(box_item(mark, face, size, mark_width));
  return out;
}

}  // namespace

std::string roman_numeral(std::size_t number) {
  static constexpr std::pair<std::size_t, const char*> numerals[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (const auto& [value, letters] : numerals) {
    while (number >= value) {
      out += letters;
      number -= value;
    }
  }
  return out;
}

SetLine make_running_head(const std::string& title, LayoutContext& context) {
  const PageStyle& style = context.style;
  ItemBuilder builder(context, core::Pt(0), false);
  builder.add_text(title, TextStyle{true, false, false, style.running_head_size}, {});
  ItemList list = builder.finish();
  core::Pt natural;
  for (const Item& item : list.items) {
    if (item.kind != ItemKind::penalty) natural += item.width;
  }
  if (natural > style.measure()) list = truncate_with_ellipsis(list, style.measure(), context);
  // One line, whatever its length: the head is never broken.
  const Line line{0, list.items.size(), 0, true};
  return set_line(list, line, style.measure(), Alignment::centre, context.metrics);
}

void add_running_head(Page& page, const SetLine& head, bool recto, const PageStyle& style) {
  if (head.runs.empty()) return;
  const core::Pt left = style.text_left(recto);
  for (TextRun run : head.runs) {
    run.x += left;
    run.baseline = style.running_head_baseline;
    page.furniture.runs.push_back(std::move(run));
  }
  const core::Pt y = style.running_head_rule_y;
  page.furniture.rules.push_back({left, y, left + style.measure(), y, style.rule_thickness});
}

void add_folio(Page& page, const std::string& label, bool recto, LayoutContext& context) {
  const PageStyle& style = context.style;
  const core::Pt width = context.metrics.width(fonts::FontFace::serif, label, style.folio_size);
  const core::Pt x = style.text_left(recto) + (style.measure() - width) / 2;
  page.furniture.runs.push_back({fonts::FontFace::serif, style.folio_size, x, style.folio_baseline, label});
}

void add_review_mark(Page& page, bool recto, LayoutContext& context) {
  const PageStyle& style = context.style;
  const core::Pt size = style.review_mark_size;
  const core::Pt width = context.metrics.width(fonts::FontFace::serif_italic, model::unreviewed_mark, size);
  const core::Pt left = style.text_left(recto);
  const core::Pt x = recto ? left + style.measure() - width : left;
  page.furniture.runs.push_back({fonts::FontFace::serif_italic, size, x, style.folio_baseline, model::unreviewed_mark});
}

}  // namespace octavo::layout
