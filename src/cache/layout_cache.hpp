// The build cache of set articles (issue 10, item 6): each article's lines, diagnostics and
// missing characters, and in an entry of its own the pages it was cut into (and the lines of its
// entry in the Sources appendix; and the contents' titles, and their pages), kept in an EntryStore under a key over
// everything that set them, so that a rebuild sets again only the articles whose inputs changed,
// and cuts again none whose pages' drawing the PDF's memo still holds, reading only their pages.
// lay_out_book consults it.
#pragma once

#include <string>

#include "cache/entry_store.hpp"
#include "layout/article_cache.hpp"
#include "model/article_digests.hpp"

namespace octavo::cache {

class LayoutCache final : public layout::ArticleCache {
 public:
  /// Entries live in `store`; `fingerprint` is what every article depends on besides its
  /// ArticleInputs (build_fingerprint: the program, its libraries, the fonts); article keys start
  /// from the articles' `digests`, which must outlive this.
  LayoutCache(EntryStore& store, const std::string& fingerprint, const model::ArticleDigests& digests);

  /// The article keyed article_key(inputs): its cut, when an entry holds one that `take_bodies`
  /// takes (the entry of its lines is then kept unread); else its lines, cut, when they decode
  /// (entry_codec); else set_anew()'s lines, cut, stored under that key, and the cut under a key
  /// of its own when add_cut takes it (a failed write is ignored: the next build sets it again).
  layout::CutArticle recall_or_cut(const layout::ArticleInputs& inputs, const fonts::GlyphCoverage& coverage,
                                   const std::function<layout::SetArticle()>& set_anew,
                                   const std::function<layout::CutArticle(layout::SetArticle)>& cut,
                                   const std::function<bool(std::vector<layout::Page>&)>& take_bodies) override;
  /// The entry under sources_entry_key(inputs) when its lines decode, else set_anew()'s result,
  /// stored under that key.
  layout::SetArticle recall_or_set_sources_entry(const layout::SourcesEntryInputs& inputs,
                                                 const fonts::GlyphCoverage& coverage,
                                                 const std::function<layout::SetArticle()>& set_anew) override;
  /// The entry under contents_titles_key(inputs) when it decodes into as many titles as there are
  /// entries, else set_anew()'s result, stored under that key.
  layout::SetContentsTitles recall_or_set_contents_titles(
      const layout::ContentsTitlesInputs& inputs, const fonts::GlyphCoverage& coverage,
      const std::function<layout::SetContentsTitles()>& set_anew) override;
  /// The cut under contents_pages_key(inputs) when it decodes and `take_bodies` takes its pages,
  /// else cut_anew()'s, kept under that key when add_cut takes it.
  layout::CutArticle recall_or_cut_contents(
      const layout::ContentsPagesInputs& inputs, const fonts::GlyphCoverage& coverage,
      const std::function<layout::CutArticle()>& cut_anew,
      const std::function<bool(std::vector<layout::Page>&)>& take_bodies) override;

 private:
  EntryStore& store_;
  std::string fingerprint_;  // the SHA-256 of the one given, in hex: what the keys are made with
  const model::ArticleDigests& digests_;
};

}  // namespace octavo::cache
