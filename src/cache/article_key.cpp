#include "cache/article_key.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/byte_stream.hpp"
#include "core/sha256.hpp"
#include "layout/destinations.hpp"
#include "model/walk.hpp"

namespace octavo::cache {
namespace {

// Bumped whenever what goes into a key changes, so that no old entry matches a new key by chance.
// The two kinds of key start differently, so that neither can be the other's.
constexpr std::string_view key_format = "octavo article key 1";
constexpr std::string_view sources_entry_key_format = "octavo sources entry key 1";

// Every struct below is taken apart with a structured binding naming all its members: a member
// added to the model is a compile error here until it is keyed (or said not to matter), rather
// than a cache that goes on reusing lines the new field would have changed.

template <typename Enum>
void put_enum(core::ByteWriter& out, Enum value) {
  out.signed_number(static_cast<std::int64_t>(value));
}

void put(core::ByteWriter& out, const core::SourceLocation& at) {
  const auto& [path, line, column] = at;
  out.string(path);
  out.signed_number(line);
  out.signed_number(column);
}

void put(core::ByteWriter& out, const core::ImageInfo& header) {
  const auto& [format, width, height, bit_depth, components, interlaced, progressive, frames] = header;
  put_enum(out, format);
  for (const int number : {width, height, bit_depth, components, frames}) out.signed_number(number);
  out.boolean(interlaced);
  out.boolean(progressive);
}

// An image by its digest: layout never reads the bytes, only passes them on (a recalled entry
// takes them from the model again), but the digest still tells one picture from another.
void put(core::ByteWriter& out, const model::Image& image) {
  const auto& [path, alt, header, sha256, bytes, location] = image;
  out.string(path);
  out.string(alt);
  put(out, header);
  out.string(sha256.empty() && bytes ? core::sha256_hex(*bytes) : sha256);
  put(out, location);
}

// Where `link` leads in the PDF: the book's anchors decide it, so a heading renamed in another
// article changes this article's key.
void put_resolution(core::ByteWriter& out, const layout::LinkResolver& resolve, const model::Inline& link) {
  if (link.target.empty() && link.target_article.empty()) return;
  const std::optional<layout::LinkTarget> target = resolve(link);
  out.byte('L');
  out.boolean(target.has_value());
  if (target) {
    out.string(target->destination);
    out.string(target->uri);
  }
}

// A tree of blocks in walk order: 'B' a block's own fields, 'I' an inline's, 'E' an exit, so
// that the shape is part of the key as well as the fields.
void put_blocks(core::ByteWriter& out, const std::vector<model::Block>& blocks, const layout::LinkResolver& resolve) {
  model::Walker walk(blocks);
  while (walk.next()) {
    if (!walk.entering()) {
      out.byte('E');
      continue;
    }
    if (const model::Block* block = walk.block()) {
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
      put(out, location);
    } else {
      const model::Inline& node = *walk.inline_node();
      [[maybe_unused]] const auto& [kind, text, target, children, location, target_article, id] =
          node;  // children: walked
      out.byte('I');
      put_enum(out, kind);
      out.string(text);
      out.string(target);
      put(out, location);
      out.string(target_article);
      out.string(id);
      put_resolution(out, resolve, node);
    }
  }
}

// The article's own entry of the anchor table, sorted (it is unordered): what "#id" inside the
// article and a footnote's links resolve against.
void put_own_anchors(core::ByteWriter& out, const model::AnchorTable& anchors, const std::string& article_id) {
  const auto entry = anchors.articles.find(article_id);
  out.boolean(entry != anchors.articles.end());
  if (entry == anchors.articles.end()) return;
  const auto& [names, ids] = entry->second;
  std::vector<std::pair<std::string, std::string>> sorted_names(names.begin(), names.end());
  std::sort(sorted_names.begin(), sorted_names.end());
  out.unsigned_number(sorted_names.size());
  for (const auto& [name, id] : sorted_names) {
    out.string(name);
    out.string(id);
  }
  std::vector<std::string> sorted_ids(ids.begin(), ids.end());
  std::sort(sorted_ids.begin(), sorted_ids.end());
  out.unsigned_number(sorted_ids.size());
  for (const std::string& id : sorted_ids) out.string(id);
}

// The style by its bytes: every setting is a length or a number. A padding byte, should the
// struct ever have one, could only make two equal styles differ (a miss), never the reverse.
void put(core::ByteWriter& out, const layout::PageStyle& style) {
  static_assert(std::is_trivially_copyable_v<layout::PageStyle>,
                "PageStyle is keyed by its bytes: key a member that is not a number by hand here");
  std::array<char, sizeof(layout::PageStyle)> bytes{};
  std::memcpy(bytes.data(), &style, sizeof style);
  out.string(std::string_view(bytes.data(), bytes.size()));
}

void put(core::ByteWriter& out, const model::SourceNote& note) {
  const auto& [fields] = note;
  out.unsigned_number(fields.size());
  for (const model::NoteField& field : fields) {
    const auto& [label, value, href] = field;
    out.string(label);
    out.string(value);
    out.string(href);
  }
}

void put(core::ByteWriter& out, const model::Article& article, const model::AnchorTable& anchors) {
  const layout::LinkResolver resolve = layout::article_link_resolver(article, anchors);
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
  put_blocks(out, blocks, resolve);
  out.unsigned_number(footnotes.size());
  for (const model::Footnote& note : footnotes) {
    const auto& [note_id, label, note_blocks, note_location] = note;
    out.string(note_id);
    out.string(label);
    put_blocks(out, note_blocks, resolve);
    put(out, note_location);
  }
  put(out, source_note);
  put(out, location);
  out.unsigned_number(taken_headings.size());
  for (const std::string& heading : taken_headings) out.string(heading);
  put_own_anchors(out, anchors, id);
}

// What both kinds of key begin with: their format, the build's fingerprint, the page style and the
// patterns' digest.
void put_setting(core::ByteWriter& out, std::string_view format, std::string_view fingerprint,
                 const layout::PageStyle& style, const layout::Hyphenator& hyphenator) {
  out.string(format);
  out.string(fingerprint);
  put(out, style);
  out.string(hyphenator.patterns_digest());
}

}  // namespace

core::StreamDigest article_key(const layout::ArticleInputs& inputs, std::string_view fingerprint) {
  core::ByteWriter out;
  put_setting(out, key_format, fingerprint, inputs.style, inputs.hyphenator);
  put(out, inputs.article, inputs.anchors);
  return core::sha256(out.bytes());
}

core::StreamDigest sources_entry_key(const layout::SourcesEntryInputs& inputs, std::string_view fingerprint) {
  core::ByteWriter out;
  put_setting(out, sources_entry_key_format, fingerprint, inputs.style, inputs.hyphenator);
  // The members sources_entry_flow reads; the rest of the article is named to say it is not. The
  // entry's anchors (model::sources_entry_id, model::source_note_id) are made of the id alone.
  [[maybe_unused]] const auto& [id, title, language, part, provenance, blocks, footnotes, source_note, location,
                                taken_headings] = inputs.article;
  out.string(id);
  out.string(title);
  put(out, location);
  put(out, source_note);
  return core::sha256(out.bytes());
}

}  // namespace octavo::cache
