#include "cache/layout_cache.hpp"

#include "cache/article_key.hpp"
#include "cache/entry_codec.hpp"

namespace octavo::cache {

LayoutCache::LayoutCache(EntryStore& store, std::string fingerprint)
    : store_(store), fingerprint_(std::move(fingerprint)) {}

layout::SetArticle LayoutCache::recall_or_set(const layout::ArticleInputs& inputs, const fonts::GlyphCoverage& coverage,
                                              const std::function<layout::SetArticle()>& set_anew) {
  return recall_or_set_under(article_key(inputs, fingerprint_), inputs.article, coverage, set_anew);
}

layout::SetArticle LayoutCache::recall_or_set_sources_entry(const layout::SourcesEntryInputs& inputs,
                                                            const fonts::GlyphCoverage& coverage,
                                                            const std::function<layout::SetArticle()>& set_anew) {
  return recall_or_set_under(sources_entry_key(inputs, fingerprint_), inputs.article, coverage, set_anew);
}

layout::SetArticle LayoutCache::recall_or_set_under(const core::StreamDigest& key, const model::Article& article,
                                                    const fonts::GlyphCoverage& coverage,
                                                    const std::function<layout::SetArticle()>& set_anew) {
  if (const std::optional<std::string> bytes = store_.read(key)) {
    if (std::optional<layout::SetArticle> recalled = decode_entry(*bytes, key, article, coverage.branch())) {
      return std::move(*recalled);
    }
  }
  layout::SetArticle set = set_anew();
  store_.write(key, encode_entry(set, key));
  return set;
}

}  // namespace octavo::cache
