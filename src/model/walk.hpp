// An enter/exit walk over blocks and inlines, in document order and without recursion, as cmark's
// iterator walks its tree. Every stage that looks through an article uses it instead of its own loop.
#pragma once

#include <cstddef>
#include <type_traits>
#include <vector>

#include "model/block.hpp"
#include "model/inline.hpp"

namespace octavo::model {

enum class WalkEvent { enter, exit };

/// Visits every node under the lists it is given: a block is entered, then its inlines (a
/// paragraph's text, a heading's, a table's caption, a details' summary), then its child blocks,
/// then it is exited; an inline is entered, then its children, then exited. Every node gets both
/// events, leaves included. The tree must not change shape during the walk; the nodes themselves
/// may be edited (through MutableWalker) when entered.
template <bool is_const>
class BasicWalker {
 public:
  using BlockT = std::conditional_t<is_const, const Block, Block>;
  using InlineT = std::conditional_t<is_const, const Inline, Inline>;

  /// Walks `blocks` and everything under them; no events for an empty list.
  explicit BasicWalker(std::vector<Block>& blocks) requires(!is_const) { stack_.push_back({&blocks, nullptr}); }
  explicit BasicWalker(const std::vector<Block>& blocks) requires(is_const) { stack_.push_back({&blocks, nullptr}); }
  /// Walks `inlines` and their children only.
  explicit BasicWalker(std::vector<Inline>& inlines) requires(!is_const) { stack_.push_back({nullptr, &inlines}); }
  explicit BasicWalker(const std::vector<Inline>& inlines) requires(is_const) { stack_.push_back({nullptr, &inlines}); }

  /// Moves to the next event; false once every node has been exited.
  bool next() {
    while (!stack_.empty()) {
      Frame& top = stack_.back();
      if (skip_) {
        top.next_inline = inlines_of(top).size();
        top.next_block = blocks_of(top).size();
        skip_ = false;
      }
      if (top.next_inline < inlines_of(top).size()) {
        InlineT* child = &inlines_of(top)[top.next_inline++];
        stack_.push_back(Frame{nullptr, nullptr, nullptr, child});
        return at(WalkEvent::enter, nullptr, child);
      }
      if (top.next_block < blocks_of(top).size()) {
        BlockT* child = &blocks_of(top)[top.next_block++];
        stack_.push_back(Frame{nullptr, nullptr, child, nullptr});
        return at(WalkEvent::enter, child, nullptr);
      }
      const Frame done = top;
      stack_.pop_back();
      if (stack_.empty()) return false;  // the lists the walk started from
      return at(WalkEvent::exit, done.block, done.inline_node);
    }
    return false;
  }

  WalkEvent event() const { return event_; }
  bool entering() const { return event_ == WalkEvent::enter; }
  /// The block entered or exited; nullptr when the event is an inline's.
  BlockT* block() const { return block_; }
  /// The inline entered or exited; nullptr when the event is a block's.
  InlineT* inline_node() const { return inline_; }
  /// Nodes above the current one: 0 for a node of the lists the walk started from.
  std::size_t depth() const { return stack_.size() - (event_ == WalkEvent::enter ? 2 : 1); }
  /// After an enter event: the node's inlines and children are passed over, and the next event is
  /// its exit. No effect after an exit event.
  void skip_children() {
    if (event_ == WalkEvent::enter) skip_ = true;
  }

 private:
  using BlockList = std::conditional_t<is_const, const std::vector<Block>, std::vector<Block>>;
  using InlineList = std::conditional_t<is_const, const std::vector<Inline>, std::vector<Inline>>;

  struct Frame {
    BlockList* root_blocks = nullptr;
    InlineList* root_inlines = nullptr;
    BlockT* block = nullptr;
    InlineT* inline_node = nullptr;
    std::size_t next_inline = 0;
    std::size_t next_block = 0;
  };

  static InlineList& inlines_of(const Frame& frame) {
    static InlineList none;
    if (frame.block != nullptr) return frame.block->inlines;
    if (frame.inline_node != nullptr) return frame.inline_node->children;
    return frame.root_inlines != nullptr ? *frame.root_inlines : none;
  }
  static BlockList& blocks_of(const Frame& frame) {
    static BlockList none;
    if (frame.block != nullptr) return frame.block->children;
    return frame.root_blocks != nullptr ? *frame.root_blocks : none;
  }

  bool at(WalkEvent event, BlockT* block, InlineT* inline_node) {
    event_ = event;
    block_ = block;
    inline_ = inline_node;
    return true;
  }

  std::vector<Frame> stack_;
  WalkEvent event_ = WalkEvent::enter;
  BlockT* block_ = nullptr;
  InlineT* inline_ = nullptr;
  bool skip_ = false;
};

using Walker = BasicWalker<true>;
using MutableWalker = BasicWalker<false>;

}  // namespace octavo::model
