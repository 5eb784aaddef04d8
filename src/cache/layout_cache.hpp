// The build cache of set articles (issue 10, item 6): each article's lines, diagnostics and
// missing characters (and those of its entry in the Sources appendix) kept in an EntryStore under
// a key over everything that set them, so that a rebuild sets again only the articles whose inputs
// changed. lay_out_book consults it.
#pragma once

#include <string>

#include "cache/entry_store.hpp"
#include "layout/article_cache.hpp"

namespace octavo::cache {

class LayoutCache final : public layout::ArticleCache {
 public:
  /// Entries live in `store`; `fingerprint` is what every article depends on besides its
  /// ArticleInputs (build_fingerprint: the program, its libraries, the fonts).
  LayoutCache(EntryStore& store, std::string fingerprint);

  /// The entry under article_key(inputs) when it decodes (entry_codec), else set_anew()'s result,
  /// stored under that key (a failed write is ignored: the next build sets it again).
  layout::SetArticle recall_or_set(const layout::ArticleInputs& inputs, const fonts::GlyphCoverage& coverage,
                                   const std::function<layout::SetArticle()>& set_anew) override;
  /// The same for the entry under sources_entry_key(inputs).
  layout::SetArticle recall_or_set_sources_entry(const layout::SourcesEntryInputs& inputs,
                                                 const fonts::GlyphCoverage& coverage,
                                                 const std::function<layout::SetArticle()>& set_anew) override;

 private:
  // The entry under `key` (its pictures' bytes from `article`), or set_anew()'s, then kept.
  layout::SetArticle recall_or_set_under(const core::StreamDigest& key, const model::Article& article,
                                         const fonts::GlyphCoverage& coverage,
                                         const std::function<layout::SetArticle()>& set_anew);

  EntryStore& store_;
  std::string fingerprint_;
};

}  // namespace octavo::cache
