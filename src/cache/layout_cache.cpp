#include "cache/layout_cache.hpp"

#include "cache/article_key.hpp"
#include "cache/entry_codec.hpp"

namespace octavo::cache {

LayoutCache::LayoutCache(EntryStore& store, std::string fingerprint)
    : store_(store), fingerprint_(std::move(fingerprint)) {}

layout::SetArticle LayoutCache::recall_or_set(const layout::ArticleInputs& inputs, const fonts::GlyphCoverage& coverage,
                                              const std::function<layout::SetArticle()>& set_anew) {
  const std::string key = article_key(inputs, fingerprint_);
  {
    const std::lock_guard lock(mutex_);
    used_.insert(key);
  }
  if (const std::optional<std::string> bytes = store_.read(key)) {
    if (std::optional<layout::SetArticle> recalled = decode_entry(*bytes, key, inputs.article, coverage.branch())) {
      ++recalled_;
      return std::move(*recalled);
    }
  }
  layout::SetArticle set = set_anew();
  store_.write(key, encode_entry(set, key));
  ++set_;
  return set;
}

void LayoutCache::remove_unused() {
  const std::lock_guard lock(mutex_);
  for (const std::string& name : store_.names()) {
    if (used_.count(name) == 0) store_.remove(name);
  }
}

}  // namespace octavo::cache
