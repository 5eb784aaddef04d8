#include "layout/set_figure.hpp"
#include "layout/paragraph_styles.hpp"

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

// Pictures are set in rows: as many as fit side by side in the measure, a gap of small_leading
// between them, centred and standing on a common foot, as a printed plate of several pictures;
// one too wide for a row with others has a row of its own. Each row is one flow line, so it is
// never split across pages; rows keep strongly with the next and the last with the first line
// of the caption. The caption (set small, italic and centred, like the source notes' small type)
// keeps together. It is the figure's own caption when the source wrote one, else the alt text of
// a lone picture; a figure with neither has no caption.
void BlockSetter::set_figure(const model::Block& block, const BlockFrame& frame) {
  const PageStyle& style = context_.style;
  const bool own_caption = !block.inlines.empty();
  const model::Image* lone = block.images.size() == 1 ? block.images.front().get() : nullptr;
  const bool captioned = own_caption || (lone != nullptr && !lone->alt.empty());
  const core::Pt gap = style.small_leading;
  flow_.add_space(style.block_space);

  std::vector<FigureSize> sizes;
  for (const auto& image : block.images) {
    sizes.push_back(fit_figure(image->info, frame.width, style.body_height * max_figure_height_share));
  }
  std::size_t first = 0;
  while (first < block.images.size()) {
    // The row: pictures while their widths and gaps fit the measure.
    std::size_t end = first + 1;
    core::Pt width = sizes[first].width;
    while (end < block.images.size() && width + gap + sizes[end].width <= frame.width)
      width += gap + sizes[end++].width;
    FlowLine line;
    for (std::size_t i = first; i < end; ++i) line.height = std::max(line.height, sizes[i].height);
    line.baseline = line.height;
    core::Pt x = frame.left + (frame.width - width) / 2;
    for (std::size_t i = first; i < end; ++i) {
      const model::Image& image = *block.images[i];
      line.images.push_back({image.sha256, image.path, image.info, image.bytes, image.location, x,
                             line.height - sizes[i].height, sizes[i].width, sizes[i].height});
      x += sizes[i].width + gap;
    }
    if (captioned || end < block.images.size()) line.keep = Keep::strong;
    if (first > 0) flow_.add_space(style.small_leading / 2);
    flow_.add_line(std::move(line));
    first = end;
  }

  if (captioned) {
    flow_.add_space(style.small_leading / 2);
    const TextStyle caption_style{true, false, false, style.small_size};
    ItemBuilder builder(context_, frame.width, false);
    if (own_caption) {
      builder.set_link_resolver(resolver_);
      builder.add_inlines(block.inlines, caption_style, block.location);
    } else {
      builder.add_text(lone->alt, caption_style, lone->location);
    }
    set_paragraph(flow_, builder.finish(), paragraph_format(Role::figure_caption, style, frame.left, frame.width),
                  context_.metrics);
  }
  flow_.add_space(style.block_space);
  indent_next_ = false;
}

}  // namespace octavo::layout
