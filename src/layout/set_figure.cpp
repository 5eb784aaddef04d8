#include "layout/set_figure.hpp"

#include <algorithm>

#include "layout/set_blocks.hpp"
#include "layout/set_paragraph.hpp"
#include "model/image.hpp"

namespace octavo::layout {

FigureSize fit_figure(const core::ImageInfo& info, core::Pt max_width, core::Pt max_height) {
  const double natural_width = info.width * points_per_pixel;
  const double natural_height = info.height * points_per_pixel;
  if (natural_width <= 0 || natural_height <= 0) return {};
  const double scale = std::min({1.0, max_width.value / natural_width, max_height.value / natural_height});
  return {core::Pt(natural_width * scale), core::Pt(natural_height * scale)};
}

// The picture is one flow line, so it is never split across pages; it keeps strongly with the
// first line of its caption, and the caption (set small, italic and centred, like the source
// notes' small type) keeps together. A figure with no alt text has no caption.
void BlockSetter::set_figure(const model::Block& block, const BlockFrame& frame) {
  const PageStyle& style = context_.style;
  const model::Image& image = *block.image;
  const FigureSize size = fit_figure(image.info, frame.width, style.body_height * max_figure_height_share);
  flow_.add_space(style.block_space);

  FlowLine line;
  line.height = size.height;
  line.baseline = size.height;
  line.images.push_back({image.sha256, image.path, image.info, image.bytes, image.location,
                         frame.left + (frame.width - size.width) / 2, core::Pt(0), size.width, size.height});
  const bool captioned = !image.alt.empty();
  if (captioned) line.keep = Keep::strong;
  flow_.add_line(std::move(line));

  if (captioned) {
    flow_.add_space(style.small_leading / 2);
    const TextStyle caption_style{true, false, false, style.small_size};
    ItemBuilder builder(context_, frame.width, false);
    builder.add_text(image.alt, caption_style, image.location);
    ParagraphFormat format;
    format.left = frame.left;
    format.width = frame.width;
    format.leading = style.small_leading;
    format.face = face_for(caption_style);
    format.size = style.small_size;
    format.alignment = Alignment::centre;
    format.keep_together = true;
    set_paragraph(flow_, builder.finish(), format, context_.metrics);
  }
  flow_.add_space(style.block_space);
  indent_next_ = false;
}

}  // namespace octavo::layout
