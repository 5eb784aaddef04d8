#include "cache/layout_cache.hpp"

#include "cache/article_key.hpp"
#include "cache/entry_codec.hpp"

namespace octavo::cache {

LayoutCache::LayoutCache(EntryStore& store, std::string fingerprint)
    : store_(store), fingerprint_(std::move(fingerprint)) {}

layout::CutArticle LayoutCache::recall_or_cut(const layout::ArticleInputs& inputs, const fonts::GlyphCoverage& coverage,
                                              const std::function<layout::SetArticle()>& set_anew,
                                              const std::function<layout::CutArticle(layout::SetArticle)>& cut,
                                              const std::function<bool(std::vector<layout::Page>&)>& take_bodies) {
  const core::StreamDigest key = article_key(inputs, fingerprint_);
  const std::optional<std::string> bytes = store_.read(key);
  if (bytes) {
    // The pages as an earlier build cut them, when the page sink still has their bodies' drawing;
    // else the lines, cut again.
    if (std::optional<layout::CutArticle> recalled = decode_cut(*bytes, key, coverage.branch())) {
      if (take_bodies(recalled->pages)) return std::move(*recalled);
    }
    if (std::optional<layout::SetArticle> set = decode_entry(*bytes, key, inputs.article, coverage.branch())) {
      return cut(std::move(*set));
    }
  }
  layout::SetArticle set = set_anew();
  // Encoded before the cut, which takes the lines.
  std::string entry = encode_entry(set, key);
  layout::CutArticle article = cut(std::move(set));
  add_cut(entry, article);
  store_.write(key, entry);
  return article;
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

}  // namespace octavo::cache
