// Block content of the model (paragraphs, headings, lists, quotes, code, breaks) → lines of a flow.
// Used for article bodies and the disclaimer; owns the typographic rules between blocks (indents,
// spacing, keeping headings with their text).
#pragma once

#include <string>
#include <vector>

#include "core/length.hpp"
#include "layout/build_items.hpp"
#include "layout/flow.hpp"
#include "layout/layout_context.hpp"
#include "model/block.hpp"

namespace octavo::layout {

/// The column blocks are set in, relative to the text block.
struct BlockFrame {
  core::Pt left;
  core::Pt width;
  bool in_list = false;  ///< paragraphs in list items are not indented
  bool ragged = false;   ///< paragraphs set ragged-right, unhyphenated (the outline's entries, notes)
  model::Align align = model::Align::none;  ///< centre or right: a division's, for the blocks in it
};

/// Sets the blocks of one part (an article, the disclaimer) into its flow.
class BlockSetter {
 public:
  /// Heading anchors are named `anchor_prefix` + heading id; "#id" links go to `resolver`.
  BlockSetter(LayoutContext& context, Flow& flow, std::string anchor_prefix, LinkResolver resolver);

  /// Appends `blocks`; nothing for none.
  void set_blocks(const std::vector<model::Block>& blocks, const BlockFrame& frame);
  /// The next paragraph starts flush left (after a title, a heading, a break).
  void suppress_indent() { indent_next_ = false; }

 private:
  /// Places `block`'s own id at the next line; nothing for a block without one, or a heading.
  void add_block_anchor(const model::Block& block);
  void set_block(const model::Block& block, const BlockFrame& frame, int depth);
  void set_flattened(const std::vector<model::Block>& blocks, const BlockFrame& frame);
  void set_text_paragraph(const model::Block& block, const BlockFrame& frame);
  void set_heading(const model::Block& block, const BlockFrame& frame);
  void set_list(const model::Block& block, const BlockFrame& frame, int depth);
  void set_quote(const model::Block& block, const BlockFrame& frame, int depth);
  void set_code(const model::Block& block, const BlockFrame& frame);
  void set_thematic_break(const BlockFrame& frame);
  void set_figure(const model::Block& block, const BlockFrame& frame);
  void set_aside(const model::Block& block, const BlockFrame& frame, int depth);
  void set_details(const model::Block& block, const BlockFrame& frame, int depth);
  void set_table(const model::Block& block, const BlockFrame& frame, int depth);
  void keep_short_block(std::size_t first_line);
  TextRun task_box(model::TaskState task, core::Pt size);
  BlockFrame indented(const BlockFrame& frame, core::Pt left, core::Pt right) const;

  LayoutContext& context_;
  Flow& flow_;
  std::string anchor_prefix_;
  LinkResolver resolver_;
  bool indent_next_ = false;
  bool in_table_ = false;  // setting a table's cell: a table inside it is set as its cells' content
};

}  // namespace octavo::layout
