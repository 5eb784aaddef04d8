// Block content of the document model: paragraphs, headings, lists, quotes, code, rules.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/source_location.hpp"
#include "model/image.hpp"
#include "model/inline.hpp"

namespace octavo::model {

enum class BlockKind {
  paragraph,       ///< `inlines`
  heading,         ///< `inlines`, `level` 1–6 within the article (the article title is above 1)
  bullet_list,     ///< `children` are list_item blocks
  ordered_list,    ///< `children` are list_item blocks; numbering from `start`
  list_item,       ///< `children` are blocks
  block_quote,     ///< `children` are blocks
  code_block,      ///< `text` holds the literal lines, '\n'-separated, no final newline
  thematic_break,  ///< no content
  figure,          ///< `image`: a local image, on its own (an image in running text follows its block)
};

/// What a block is for, beyond its kind; writers may style these differently.
enum class BlockRole {
  body,     ///< ordinary content
  summary,  ///< the lead paragraph that summarises a plain-text article
  outline,  ///< the "In this article" list of links to the article's sections
};

struct Block {
  BlockKind kind = BlockKind::paragraph;
  BlockRole role = BlockRole::body;
  int level = 0;   ///< headings only
  int start = 1;   ///< ordered lists only
  std::string id;  ///< anchor id, unique within the article (headings; set by transform::assign_ids)
  std::string text;
  std::vector<Inline> inlines;
  std::vector<Block> children;
  std::shared_ptr<const Image> image;  ///< figures only
  core::SourceLocation location;

  // Destroyed without recursion (core/tree_release.hpp): depth comes from the input.
  Block() = default;
  Block(const Block&) = default;
  Block(Block&&) noexcept = default;
  Block& operator=(const Block&) = default;
  Block& operator=(Block&&) noexcept = default;
  ~Block();
};

Block paragraph_block(std::vector<Inline> inlines, core::SourceLocation location = {});
Block heading_block(int level, std::vector<Inline> inlines, core::SourceLocation location = {});

}  // namespace octavo::model
