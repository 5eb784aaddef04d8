// The layout stage's entry point: the finished document model → pages of positioned items, handed
// one by one to a PageSink (the PDF writer), then the PDF outline and document information.
#pragma once

#include <cstddef>

#include "core/diagnostics.hpp"
#include "core/progress.hpp"
#include "fonts/font_metrics.hpp"
#include "layout/article_cache.hpp"
#include "layout/hyphenators.hpp"
#include "layout/page.hpp"
#include "layout/page_sink.hpp"
#include "layout/page_style.hpp"
#include "model/book.hpp"

namespace octavo::layout {

/// Lays out the whole book: title page, disclaimer, contents (front matter, numbered i, ii, …),
/// then the articles and the Sources appendix (numbered 1, 2, …). Each body page goes to `pages`
/// as soon as it is final, then the front matter (see PageSink); returns what only the end of
/// the book settles. `book` is as transform::apply_transforms leaves it: its contents are built
/// (asserted when it has articles). Never fails: content that cannot be set as written (a
/// missing glyph, a word wider than the measure, a title page too full for one page, a link to
/// a place no page holds) is set as well as possible, with a warning on `sink`. Justified
/// paragraphs are hyphenated with `hyphenators`' patterns for their article's language
/// (none: not at all), the front matter with the book language's. Reports each article
/// laid out to `progress`, as the stage "Laying out". With `jobs` above 1, articles are set
/// (article_flow) and cut into pages (cut_into_pages) on that many worker threads, some dozens ahead
/// of this thread, which puts the pages on their sides, numbers them and hands them to `pages`;
/// `metrics` must then be safe to call from several threads. With a `cache` (made for
/// these `metrics`' fonts), each article, and each entry of the Sources appendix, is recalled
/// from it when it holds one set from the same inputs, else set and kept there. Pages,
/// diagnostics (in their order) and progress are the same whatever `jobs` is, and with or without
/// a cache, empty or full.
BookEnd lay_out_book(const model::Book& book, const fonts::FontMetrics& metrics, const PageStyle& style,
                     const Hyphenators& hyphenators, PageSink& pages, core::DiagnosticSink& sink,
                     core::Progress& progress = core::no_progress(), std::size_t jobs = 1,
                     ArticleCache* cache = nullptr);

/// The same, keeping every page (CollectPages): the whole book as one value, for tests.
LaidOutBook lay_out_book(const model::Book& book, const fonts::FontMetrics& metrics, const PageStyle& style,
                         const Hyphenators& hyphenators, core::DiagnosticSink& sink,
                         core::Progress& progress = core::no_progress(), std::size_t jobs = 1,
                         ArticleCache* cache = nullptr);

}  // namespace octavo::layout
