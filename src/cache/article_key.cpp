#include "cache/article_key.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstring>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/byte_stream.hpp"
#include "core/sha256.hpp"
#include "layout/destinations.hpp"
#include "model/article_bytes.hpp"

namespace octavo::cache {
namespace {

// Bumped whenever what goes into a key changes, so that no old entry matches a new key by chance.
// The kinds of key start differently, so that none can be another's.
constexpr std::string_view key_format = "octavo article key 2";
constexpr std::string_view sources_entry_key_format = "octavo sources entry key 1";
constexpr std::string_view contents_titles_key_format = "octavo contents titles key 1";
constexpr std::string_view contents_pages_key_format = "octavo contents pages key 1";

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

// The article by its digest, its links as the PDF resolves them, and its own anchors.
void put(core::ByteWriter& out, const model::Article& article, const model::AnchorTable& anchors,
         const model::ArticleDigests& digests) {
  out.raw(digests.of(article));
  const layout::LinkResolver resolve = layout::article_link_resolver(article, anchors);
  model::put_resolutions(
      out, article, [&resolve](core::ByteWriter& to, const model::Inline& node) { put_resolution(to, resolve, node); });
  put_own_anchors(out, anchors, article.id);
}

// What every kind of key begins with: their format, the build's fingerprint, the page style and the
// patterns' digest.
void put_setting(core::ByteWriter& out, std::string_view format, std::string_view fingerprint,
                 const layout::PageStyle& style, const layout::Hyphenator& hyphenator) {
  out.string(format);
  out.string(fingerprint);
  put(out, style);
  out.string(hyphenator.patterns_digest());
}

// The contents' entries in order: each one's title, level and kind, which setting its title
// reads; and with `numbers` (the page each entry leads to) where it leads and that number, which
// contents_flow adds to the title's last line.
void put_contents_items(core::ByteWriter& out, const std::vector<layout::ContentsItem>& items,
                        const std::vector<std::size_t>* numbers) {
  out.unsigned_number(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& [title, destination, level, kind] = items[i];
    out.string(title);
    if (numbers != nullptr) out.string(destination);
    out.signed_number(level);
    out.signed_number(static_cast<std::int64_t>(kind));
    if (numbers != nullptr) out.unsigned_number((*numbers)[i]);
  }
}

}  // namespace

core::StreamDigest article_key(const layout::ArticleInputs& inputs, std::string_view fingerprint,
                               const model::ArticleDigests& digests) {
  core::ByteWriter out;
  put_setting(out, key_format, fingerprint, inputs.style, inputs.hyphenator);
  put(out, inputs.article, inputs.anchors, digests);
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
  model::put_location(out, location);
  model::put_source_note(out, source_note);
  return core::sha256(out.bytes());
}

core::StreamDigest contents_titles_key(const layout::ContentsTitlesInputs& inputs, std::string_view fingerprint) {
  core::ByteWriter out;
  put_setting(out, contents_titles_key_format, fingerprint, inputs.style, inputs.hyphenator);
  put_contents_items(out, inputs.items, nullptr);
  return core::sha256(out.bytes());
}

core::StreamDigest contents_pages_key(const layout::ContentsPagesInputs& inputs, std::string_view fingerprint) {
  const layout::ContentsTitlesInputs& titles = inputs.titles;
  assert(inputs.numbers.size() == titles.items.size());
  core::ByteWriter out;
  put_setting(out, contents_pages_key_format, fingerprint, titles.style, titles.hyphenator);
  put_contents_items(out, titles.items, &inputs.numbers);
  return core::sha256(out.bytes());
}

}  // namespace octavo::cache
