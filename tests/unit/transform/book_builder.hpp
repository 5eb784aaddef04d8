// Small builders for transform tests: a book of articles made from a few literal blocks.
#pragma once

#include <string>
#include <vector>

#include "model/book.hpp"

namespace test {

inline octavo::model::Article article(std::string title, std::vector<octavo::model::Block> blocks,
                                      std::string file = "a.txt") {
  octavo::model::Article a;
  a.title = std::move(title);
  a.blocks = std::move(blocks);
  a.provenance.file = std::move(file);
  a.provenance.sha256 = "00ff";
  a.location = {a.provenance.file, 1, 1};
  return a;
}

inline octavo::model::Block heading(int level, std::string text, std::string id = {}) {
  octavo::model::Block b = octavo::model::heading_block(level, {octavo::model::text_inline(std::move(text))});
  b.id = std::move(id);
  return b;
}

inline octavo::model::Block paragraph(std::string text) {
  return octavo::model::paragraph_block({octavo::model::text_inline(std::move(text))});
}

inline octavo::model::Block paragraph_with_link(std::string target, std::string text) {
  return octavo::model::paragraph_block(
      {octavo::model::link_inline(std::move(target), {octavo::model::text_inline(std::move(text))}, {"a.txt", 4, 1})});
}

}  // namespace test
