#include "cache/layout_cache.hpp"

#include <iterator>
#include <optional>
#include <string_view>
#include <vector>

#include "cache/article_key.hpp"
#include "cache/entry_codec.hpp"
#include "core/byte_stream.hpp"
#include "core/sha256.hpp"

namespace octavo::cache {
namespace {

// The contents' titles as one entry: how many lines each title has, then every line in order with
// the titles' diagnostics and missing characters, as encode_entry writes an article's. `titles`
// lends its parts to the encoding and gets them back.
std::string encode_titles(layout::SetContentsTitles& titles, const core::StreamDigest& key) {
  core::ByteWriter out;
  out.unsigned_number(titles.titles.size());
  layout::SetArticle all{{}, std::move(titles.diagnostics), std::move(titles.missing)};
  for (std::vector<layout::FlowLine>& lines : titles.titles) {
    out.unsigned_number(lines.size());
    for (layout::FlowLine& line : lines) all.lines.push_back(std::move(line));
  }
  out.string(encode_entry(all, key));
  std::size_t next = 0;
  for (std::vector<layout::FlowLine>& lines : titles.titles) {
    for (layout::FlowLine& line : lines) line = std::move(all.lines[next++]);
  }
  titles.diagnostics = std::move(all.diagnostics);
  titles.missing = std::move(all.missing);
  return out.take();
}

// What encode_titles wrote for `count` titles, or nullopt.
std::optional<layout::SetContentsTitles> decode_titles(std::string_view bytes, const core::StreamDigest& key,
                                                       std::size_t count, fonts::GlyphCoverage missing) {
  core::ByteReader in(bytes);
  if (in.count() != count) return std::nullopt;
  std::vector<std::size_t> sizes;
  sizes.reserve(count);
  std::size_t total = 0;
  for (std::size_t i = 0; i < count && !in.failed(); ++i) {
    sizes.push_back(in.count());
    total += sizes.back();
    // set_contents_titles gives every title a line (an untitled one a blank line, for its number),
    // and contents_flow adds the number to each title's last.
    if (sizes.back() == 0) in.fail();
  }
  const std::string_view entry = in.string_view();
  if (in.failed() || !in.at_end()) return std::nullopt;
  // The titles show no picture: an entry that does is no entry of these titles.
  static const model::Article no_article;
  std::optional<layout::SetArticle> all = decode_entry(entry, key, no_article, std::move(missing));
  if (!all || all->lines.size() != total) return std::nullopt;
  layout::SetContentsTitles titles{{}, std::move(all->diagnostics), std::move(all->missing)};
  titles.titles.reserve(count);
  auto next = all->lines.begin();
  for (const std::size_t size : sizes) {
    titles.titles.emplace_back(std::make_move_iterator(next), std::make_move_iterator(next + size));
    next += size;
  }
  return titles;
}

// The name of the entry that holds the article keyed `key` as cut (its pages, without their lines).
core::StreamDigest cut_key(const core::StreamDigest& key) {
  std::string named = "cut of ";
  named.append(reinterpret_cast<const char*>(key.data()), key.size());
  return core::sha256(named);
}

// Keeps `cut` for the next build under `name`, with what `reported` holds (what setting its lines
// reported and the characters the fonts lacked for them; no lines), when add_cut takes it (not a
// page showing a picture).
void keep_cut(EntryStore& store, const core::StreamDigest& name, const layout::SetArticle& reported,
              const layout::CutArticle& cut) {
  std::string entry = encode_entry(reported, name);
  if (add_cut(entry, cut)) store.write(name, entry);
}

}  // namespace

// The keys take the fingerprint by its digest: it names the program and every library it links,
// some 3 KB that each of the 2,000 keys of a rebuild of 1,000 articles hashed again.
LayoutCache::LayoutCache(EntryStore& store, const std::string& fingerprint, const model::ArticleDigests& digests)
    : store_(store), fingerprint_(core::sha256_hex(fingerprint)), digests_(digests) {}

layout::CutArticle LayoutCache::recall_or_cut(const layout::ArticleInputs& inputs, const fonts::GlyphCoverage& coverage,
                                              const std::function<layout::SetArticle()>& set_anew,
                                              const std::function<layout::CutArticle(layout::SetArticle)>& cut,
                                              const std::function<bool(std::vector<layout::Page>&)>& take_bodies) {
  const core::StreamDigest key = article_key(inputs, fingerprint_, digests_);
  const core::StreamDigest cut_name = cut_key(key);
  // Cuts `set` and keeps the cut for the next build under its own key, with the same diagnostics
  // and missing characters and no lines, when add_cut takes it (not a page showing a picture).
  const auto cut_keeping = [&](layout::SetArticle set) {
    layout::SetArticle reported{{}, set.diagnostics, set.missing};
    layout::CutArticle article = cut(std::move(set));
    keep_cut(store_, cut_name, reported, article);
    return article;
  };
  // The pages as an earlier build cut them, when the page sink still has their bodies' drawing:
  // their lines, some nine tenths of the article's bytes, are then kept for the next build
  // unread; else the lines, cut again (and the cut kept anew if its entry was missing or
  // damaged, so that the next build reads the cut alone again).
  bool cut_decoded = false;
  if (const std::optional<std::string> bytes = store_.read(cut_name)) {
    if (std::optional<layout::CutArticle> recalled = decode_cut(*bytes, cut_name, coverage.branch())) {
      cut_decoded = true;
      if (take_bodies(recalled->pages)) {
        store_.keep(key);
        return std::move(*recalled);
      }
    }
  }
  if (const std::optional<std::string> bytes = store_.read(key)) {
    if (std::optional<layout::SetArticle> set = decode_entry(*bytes, key, inputs.article, coverage.branch())) {
      return cut_decoded ? cut(std::move(*set)) : cut_keeping(std::move(*set));
    }
  }
  layout::SetArticle set = set_anew();
  store_.write(key, encode_entry(set, key));  // before the cut, which takes the lines
  return cut_keeping(std::move(set));
}

layout::SetArticle LayoutCache::recall_or_set_sources_entry(const layout::SourcesEntryInputs& inputs,
                                                            const fonts::GlyphCoverage& coverage,
                                                            const std::function<layout::SetArticle()>& set_anew) {
  const core::StreamDigest key = sources_entry_key(inputs, fingerprint_);
  if (const std::optional<std::string> bytes = store_.read(key)) {
    if (std::optional<layout::SetArticle> recalled = decode_entry(*bytes, key, inputs.article, coverage.branch())) {
      return std::move(*recalled);
    }
  }
  layout::SetArticle set = set_anew();
  store_.write(key, encode_entry(set, key));
  return set;
}

layout::SetContentsTitles LayoutCache::recall_or_set_contents_titles(
    const layout::ContentsTitlesInputs& inputs, const fonts::GlyphCoverage& coverage,
    const std::function<layout::SetContentsTitles()>& set_anew) {
  const core::StreamDigest key = contents_titles_key(inputs, fingerprint_);
  if (const std::optional<std::string> bytes = store_.read(key)) {
    if (std::optional<layout::SetContentsTitles> recalled =
            decode_titles(*bytes, key, inputs.items.size(), coverage.branch())) {
      return std::move(*recalled);
    }
  }
  layout::SetContentsTitles titles = set_anew();
  store_.write(key, encode_titles(titles, key));
  return titles;
}

layout::CutArticle LayoutCache::recall_or_cut_contents(
    const layout::ContentsPagesInputs& inputs, const fonts::GlyphCoverage& coverage,
    const std::function<layout::CutArticle()>& cut_anew,
    const std::function<bool(std::vector<layout::Page>&)>& take_bodies) {
  const core::StreamDigest key = contents_pages_key(inputs, fingerprint_);
  bool decoded = false;
  if (const std::optional<std::string> bytes = store_.read(key)) {
    if (std::optional<layout::CutArticle> recalled = decode_cut(*bytes, key, coverage.branch())) {
      if (take_bodies(recalled->pages)) return std::move(*recalled);
      decoded = true;  // the page sink lacks their drawing: cut again, the entry as it was
    }
  }
  // The pages have no lines to keep: the entry holds the cut alone, as an article's cut entry does.
  layout::CutArticle cut = cut_anew();
  if (!decoded) keep_cut(store_, key, {{}, cut.diagnostics, cut.missing}, cut);
  return cut;
}

}  // namespace octavo::cache
