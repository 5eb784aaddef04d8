#include "cache/layout_cache.hpp"

#include "cache/article_key.hpp"
#include "cache/entry_codec.hpp"

namespace octavo::cache {

LayoutCache::LayoutCache(EntryStore& store, std::string fingerprint)
    : store_(store), fingerprint_(std::move(fingerprint)) {}

layout::SetArticle LayoutCache::recall_or_set(const layout::ArticleInputs& inputs, const fonts::GlyphCoverage& coverage,
                                              const std::function<layout::SetArticle()>& set_anew) {
  const core::StreamDigest key = article_key(inputs, fingerprint_);
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
