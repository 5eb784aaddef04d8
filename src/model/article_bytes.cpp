#include "model/article_bytes.hpp"

#include <initializer_list>

#include "core/sha256.hpp"
#include "model/walk.hpp"

namespace octavo::model {
namespace {

// Every struct below is taken apart with a structured binding naming all its members: a member
// added to the model is a compile error here until it is written (or said not to matter), rather
// than a cache that goes on reusing what the new field would have changed.

template <typename Enum>
void put_enum(core::ByteWriter& out, Enum value) {
  out.signed_number(static_cast<std::int64_t>(value));
}

void put(core::ByteWriter& out, const core::ImageInfo& header) {
  const auto& [format, width, height, bit_depth, components, interlaced, progressive, frames] = header;
  put_enum(out, format);
  for (const int number : {width, height, bit_depth, components, frames}) out.signed_number(number);
  out.boolean(interlaced);
  out.boolean(progressive);
}

// An image by its digest: writers take the bytes from the model whenever they need them, but the
// digest still tells one picture from another.
void put(core::ByteWriter& out, const Image& image) {
  const auto& [path, alt, header, sha256, bytes, location] = image;
  out.string(path);
  out.string(alt);
  put(out, header);
  out.string(sha256.empty() && bytes ? core::sha256_hex(*bytes) : sha256);
  put_location(out, location);
}

// A tree of blocks in walk order: 'B' a block's own fields, 'I' an inline's, 'E' an exit, so
// that the shape is written as well as the fields.
void put_blocks(core::ByteWriter& out, const std::vector<Block>& blocks) {
  Walker walk(blocks);
  while (walk.next()) {
    if (!walk.entering()) {
      out.byte('E');
      continue;
    }
    if (const Block* block = walk.block()) {
      [[maybe_unused]] const auto& [kind, role, level, start, id, text, inlines, children, images, align, colspan,
                                    rowspan, task, numbering, location] = *block;  // inlines, children: walked
      out.byte('B');
      put_enum(out, kind);
      put_enum(out, role);
      out.signed_number(level);
      out.signed_number(start);
      out.string(id);
      out.string(text);
      out.unsigned_number(images.size());
      for (const auto& image : images) put(out, *image);
      put_enum(out, align);
      out.signed_number(colspan);
      out.signed_number(rowspan);
      put_enum(out, task);
      put_enum(out, numbering);
      put_location(out, location);
    } else {
      const Inline& node = *walk.inline_node();
      [[maybe_unused]] const auto& [kind, text, target, children, location, target_article, id] =
          node;  // children: walked
      out.byte('I');
      put_enum(out, kind);
      out.string(text);
      out.string(target);
      put_location(out, location);
      out.string(target_article);
      out.string(id);
    }
  }
}

}  // namespace

void put_location(core::ByteWriter& out, const core::SourceLocation& at) {
  const auto& [path, line, column] = at;
  out.string(path);
  out.signed_number(line);
  out.signed_number(column);
}

void put_source_note(core::ByteWriter& out, const SourceNote& note) {
  const auto& [fields] = note;
  out.unsigned_number(fields.size());
  for (const NoteField& field : fields) {
    const auto& [label, value, href] = field;
    out.string(label);
    out.string(value);
    out.string(href);
  }
}

void put_article(core::ByteWriter& out, const Article& article) {
  const auto& [id, title, language, part, provenance, blocks, footnotes, source_note, location, taken_headings] =
      article;
  out.string(id);
  out.string(title);
  out.string(language);
  out.unsigned_number(part);
  const auto& [file, source, retrieved, author, sha256, word_count, date, description] = provenance;
  for (const std::string* field : {&file, &source, &retrieved, &author, &sha256, &date, &description}) {
    out.string(*field);
  }
  out.unsigned_number(word_count);
  put_blocks(out, blocks);
  out.unsigned_number(footnotes.size());
  for (const Footnote& note : footnotes) {
    const auto& [note_id, label, note_blocks, note_location] = note;
    out.string(note_id);
    out.string(label);
    put_blocks(out, note_blocks);
    put_location(out, note_location);
  }
  put_source_note(out, source_note);
  put_location(out, location);
  out.unsigned_number(taken_headings.size());
  for (const std::string& heading : taken_headings) out.string(heading);
}

core::StreamDigest article_digest(const Article& article) {
  core::ByteWriter out;
  put_article(out, article);
  return core::sha256(out.bytes());
}

void put_resolutions(core::ByteWriter& out, const Article& article, const PutResolution& put_resolution) {
  const auto put_in = [&out, &put_resolution](const std::vector<Block>& blocks) {
    for (Walker walk(blocks); walk.next();) {
      if (walk.entering() && walk.inline_node() != nullptr) put_resolution(out, *walk.inline_node());
    }
  };
  put_in(article.blocks);
  for (const Footnote& note : article.footnotes) put_in(note.blocks);
}

}  // namespace octavo::model
