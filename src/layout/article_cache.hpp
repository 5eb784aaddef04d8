// Where lay_out_book finds articles (and their entries in the Sources appendix, and the contents'
// titles and pages) set by an earlier build, and keeps the ones it sets: the interface a build cache implements
// (src/cache/), so that layout knows nothing of files or keys.
#pragma once

#include <functional>

#include "fonts/glyph_coverage.hpp"
#include "layout/contents_flow.hpp"
#include "layout/hyphenator.hpp"
#include "layout/page_style.hpp"
#include "layout/set_article.hpp"
#include "model/anchor_table.hpp"
#include "model/article.hpp"

namespace octavo::layout {

/// What an article's setting depends on besides the fonts (which a cache is made for): the
/// article, the book's anchors its links resolve against, the page style and the patterns.
struct ArticleInputs {
  const model::Article& article;
  const model::AnchorTable& anchors;
  const PageStyle& style;
  const Hyphenator& hyphenator;
};

/// What an article's entry in the Sources appendix depends on besides the fonts
/// (sources_entry_flow): the article's id, title, location and source note and the page style.
/// The entries are not hyphenated, but are set with the book's patterns at hand, which a cache
/// keys all the same, so that hyphenating them would not need a change of key.
struct SourcesEntryInputs {
  const model::Article& article;
  const PageStyle& style;
  const Hyphenator& hyphenator;
};

/// What the contents' titles depend on besides the fonts (set_contents_titles): each entry's
/// title, level and kind, the page style and the book's patterns; not where the entries lead,
/// which contents_flow adds with their numbers.
struct ContentsTitlesInputs {
  const std::vector<ContentsItem>& items;
  const PageStyle& style;
  const Hyphenator& hyphenator;
};

/// What the contents' pages depend on besides the fonts (contents_flow, cut into pages): what their
/// titles depend on, where each entry leads, and the number of the body page it leads to
/// (`numbers`, one for each of `titles.items`, 0 for an entry that leads to no page).
struct ContentsPagesInputs {
  const ContentsTitlesInputs& titles;
  const std::vector<std::size_t>& numbers;
};

class ArticleCache {
 public:
  virtual ~ArticleCache() = default;
  /// The article set from `inputs` and cut into pages. An earlier build's cut when one was kept
  /// for exactly these inputs and `take_bodies` takes its pages (PageSink::take_kept_bodies:
  /// recalled pages carry no runs, rules or images), its missing characters in a branch of
  /// `coverage`. Else `cut` of the earlier build's lines, or of set_anew()'s, which it then keeps
  /// with the cut. Either is what cut(set_anew()) would return, bodies aside. Called from several
  /// threads at once.
  virtual CutArticle recall_or_cut(const ArticleInputs& inputs, const fonts::GlyphCoverage& coverage,
                                   const std::function<SetArticle()>& set_anew,
                                   const std::function<CutArticle(SetArticle)>& cut,
                                   const std::function<bool(std::vector<Page>&)>& take_bodies) = 0;
  /// The article's entry in the Sources appendix: an earlier build's SetArticle when one was kept
  /// for exactly these inputs (its missing characters in a branch of `coverage`), else
  /// `set_anew()`'s, which it then keeps. Either is what set_anew() would return. Called from
  /// several threads at once.
  virtual SetArticle recall_or_set_sources_entry(const SourcesEntryInputs& inputs, const fonts::GlyphCoverage& coverage,
                                                 const std::function<SetArticle()>& set_anew) = 0;
  /// The contents' titles: an earlier build's when they were kept for exactly these inputs (their
  /// missing characters in a branch of `coverage`), else `set_anew()`'s, which it then keeps.
  /// Either is what set_anew() would return.
  virtual SetContentsTitles recall_or_set_contents_titles(const ContentsTitlesInputs& inputs,
                                                          const fonts::GlyphCoverage& coverage,
                                                          const std::function<SetContentsTitles()>& set_anew) = 0;
  /// The contents' pages, cut and prepared for the page sink but not yet put on their sides: an
  /// earlier build's when they were kept for exactly these inputs and `take_bodies` takes them (as
  /// recall_or_cut takes an article's), their missing characters in a branch of `coverage`; else
  /// `cut_anew()`'s, which it then keeps. Either is what cut_anew() would return, bodies aside.
  virtual CutArticle recall_or_cut_contents(const ContentsPagesInputs& inputs, const fonts::GlyphCoverage& coverage,
                                            const std::function<CutArticle()>& cut_anew,
                                            const std::function<bool(std::vector<Page>&)>& take_bodies) = 0;
};

}  // namespace octavo::layout
