#include "layout/text_to_set.hpp"

#include <vector>

#include "model/walk.hpp"

namespace octavo::layout {
namespace {

void add(std::string& text, std::string_view piece) {
  text += piece;
  text += '\n';
}

// Each run of text on its own, and each block's runs joined as layout joins them (a word's pieces
// in several runs, "*Ur*sache", are one word to hyphenate; a line break is a space).
void add_blocks(std::string& text, const std::vector<model::Block>& blocks) {
  std::string joined;
  for (model::Walker walk(blocks); walk.next();) {
    if (!walk.entering()) continue;
    if (const model::Inline* run = walk.inline_node()) {
      if (run->kind == model::InlineKind::soft_break || run->kind == model::InlineKind::hard_break) joined += ' ';
      if (run->text.empty()) continue;
      add(text, run->text);
      joined += run->text;
    } else if (const model::Block* block = walk.block()) {
      add(text, joined);
      joined.clear();
      if (!block->text.empty()) add(text, block->text);
      for (const auto& image : block->images) add(text, image->alt);
    }
  }
  add(text, joined);
}

}  // namespace

std::string text_to_set(const model::Book& book) {
  std::string text;
  const model::Metadata& metadata = book.metadata;
  for (const std::string* field :
       {&metadata.title, &metadata.subtitle, &metadata.editor, &metadata.publisher, &metadata.corpus_name}) {
    add(text, *field);
  }
  for (const std::string& author : metadata.authors) add(text, author);
  for (const char* label : {model::contents_title, model::sources_title, model::outline_title, model::source_note_title,
                            model::sources_link_label, model::unreviewed_mark}) {
    add(text, label);
  }
  add(text, book.disclaimer.title);
  add_blocks(text, book.disclaimer.blocks);
  for (const model::Part& part : book.parts) add(text, part.title);
  for (const model::Article& article : book.articles) {
    add(text, article.title);
    add_blocks(text, article.blocks);
    for (const model::Footnote& note : article.footnotes) add_blocks(text, note.blocks);
    for (const model::NoteField& field : article.source_note.fields) {
      add(text, field.label);
      add(text, field.value);
    }
  }
  return text;
}

}  // namespace octavo::layout
