#include "layout/lay_out_book.hpp"

#include <cassert>
#include <future>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/background_priority.hpp"
#include "core/ordered_pool.hpp"
#include "fonts/glyph_coverage.hpp"
#include "layout/article_flow.hpp"
#include "layout/contents_flow.hpp"
#include "layout/destinations.hpp"
#include "layout/front_matter.hpp"
#include "layout/layout_context.hpp"
#include "layout/page_furniture.hpp"
#include "layout/paginate.hpp"
#include "layout/part_page.hpp"
#include "layout/set_article.hpp"
#include "layout/sources_flow.hpp"
#include "model/walk.hpp"

namespace octavo::layout {
namespace {

// The model's contents has two levels (transform::build_contents); deeper ones, should a transform
// ever make them, share the last indent.
constexpr int max_contents_level = 4;

// A part's entry leads to its title page, an article's to its start, a section's to its heading.
std::string entry_destination(const model::ContentsEntry& entry) {
  if (!entry.part_id.empty()) return entry.part_id;
  return entry.anchor.empty() ? entry.article_id : heading_destination(entry.article_id, entry.anchor);
}

void flatten_contents(const std::vector<model::ContentsEntry>& entries, int level, std::vector<ContentsItem>& out) {
  for (const model::ContentsEntry& entry : entries) {
    const ContentsKind kind = !entry.part_id.empty() ? ContentsKind::part
                              : entry.anchor.empty() ? ContentsKind::article
                                                     : ContentsKind::section;
    out.push_back({entry.title, entry_destination(entry), level, kind});
    flatten_contents(entry.children, std::min(level + 1, max_contents_level), out);
  }
}

// The number of `destination` when a page holds an anchor of that name.
std::optional<DestinationNumber> placed_number(const DestinationTable& destinations, const std::string& destination) {
  const std::optional<DestinationNumber> number = destinations.find(destination);
  if (!number || !destinations.placed(*number)) return std::nullopt;
  return number;
}

// Bookmarks for the entries whose anchors exist: a dangling one would make a broken PDF outline.
// `numbers` are the entries' destinations, numbered in the order flatten_contents lists the
// entries; `next` is the first of `entries`'.
std::vector<OutlineEntry> outline_entries(const std::vector<model::ContentsEntry>& entries,
                                          const DestinationTable& destinations,
                                          const std::vector<DestinationNumber>& numbers, std::size_t& next) {
  std::vector<OutlineEntry> out;
  for (const model::ContentsEntry& entry : entries) {
    const DestinationNumber number = numbers[next++];
    // Walked whether or not the entry is left out, so that `next` passes its children's numbers.
    std::vector<OutlineEntry> children = outline_entries(entry.children, destinations, numbers, next);
    if (!destinations.placed(number)) continue;  // its children go with it
    out.push_back({entry.title, destinations.name(number), std::move(children), number});
  }
  return out;
}

std::vector<OutlineEntry> make_outline(const model::Book& book, const DestinationTable& destinations,
                                       const std::vector<DestinationNumber>& contents_numbers) {
  std::vector<OutlineEntry> outline;
  auto add = [&](const std::string& title, const std::string& destination) {
    if (const std::optional<DestinationNumber> number = placed_number(destinations, destination)) {
      outline.push_back({title, destination, {}, *number});
    }
  };
  add(book.metadata.title.empty() ? "Title page" : book.metadata.title, model::title_page_id);
  add(book.disclaimer.title, model::disclaimer_id);
  add(model::contents_title, model::contents_id);
  std::size_t next = 0;
  for (OutlineEntry& entry : outline_entries(book.contents, destinations, contents_numbers, next)) {
    outline.push_back(std::move(entry));
  }
  add(model::sources_title, model::sources_id);
  return outline;
}

DocumentInfo make_info(const model::Metadata& metadata) {
  DocumentInfo info;
  info.title = metadata.title;
  for (const std::string& author : metadata.authors) {
    if (!info.author.empty()) info.author += ", ";
    info.author += author;
  }
  if (info.author.empty()) info.author = metadata.editor;
  if (!metadata.subtitle.empty()) {
    info.subject = metadata.subtitle;
  } else {
    info.subject = "Unreviewed articles";
    if (!metadata.corpus_name.empty()) info.subject += " compiled from " + metadata.corpus_name;
  }
  info.creator = metadata.generator;
  info.date = metadata.modified;
  info.language = metadata.language;
  return info;
}

void append_pages(std::vector<Page>& to, std::vector<Page> pages) {
  for (Page& page : pages) to.push_back(std::move(page));
}

// The internal links of a run of pages, each destination once, in the order first linked: a
// dangling one is warned about once, and in reading order.
class LinkDestinations {
 public:
  // Links whose destinations are numbered (number_destinations).
  void add(const Page& page) {
    for (const LinkArea& link : page.links) {
      if (link.destination.empty()) continue;
      if (link.number >= seen_.size()) seen_.resize(link.number + 1);
      if (!seen_[link.number]) {
        seen_[link.number] = true;
        order_.push_back(link.number);
      }
    }
  }
  const std::vector<DestinationNumber>& in_order() const { return order_; }

 private:
  std::vector<bool> seen_;  // by number
  std::vector<DestinationNumber> order_;
};

// A link of an article as its author wrote it: where it is, and the place it names ("#id", or
// "file#id" in another article).
struct LinkSource {
  core::SourceLocation location;
  std::string target;
};

// The first link of the articles (footnotes included) to each of `destinations`, in reading order,
// resolved as article_flow resolved it. Only asked when a destination has no place, so the walk
// costs nothing in a sound book.
std::map<std::string, LinkSource> first_links_to(const model::Book& book, const std::set<std::string>& destinations) {
  std::map<std::string, LinkSource> found;
  for (const model::Article& article : book.articles) {
    // A link to another article names its file, as its author wrote it.
    const auto file_of = [&](const std::string& id) {
      for (const model::Article& to : book.articles) {
        if (to.id == id && id != article.id) return to.location.path;
      }
      return std::string();
    };
    const LinkResolver resolve = article_link_resolver(article, book.anchors);
    const auto visit = [&](const std::vector<model::Block>& blocks) {
      for (model::Walker walk(blocks); walk.next();) {
        const model::Inline* link = walk.inline_node();
        if (!walk.entering() || link == nullptr || link->kind != model::InlineKind::link) continue;
        const std::optional<LinkTarget> target = resolve(*link);
        if (!target || !destinations.contains(target->destination) || found.contains(target->destination)) continue;
        found.emplace(target->destination, LinkSource{link->location, file_of(link->target_article) + link->target});
      }
    };
    visit(article.blocks);
    for (const model::Footnote& note : article.footnotes) visit(note.blocks);
  }
  return found;
}

// Links whose destination no page holds are left as plain text, with a warning at the first link
// to each, naming the place as its author did: a PDF link to nowhere is an error to a viewer, and
// the words are what matters. A destination no link of the articles names (a footnote's, whose
// links layout makes itself) is named as layout names it. Adds the destinations warned about to
// `reported`.
void warn_dangling(const LinkDestinations& links, const DestinationTable& destinations, const model::Book& book,
                   core::DiagnosticSink& sink, std::set<std::string>& reported) {
  std::vector<std::string> dangling;
  for (const DestinationNumber number : links.in_order()) {
    if (destinations.placed(number)) continue;
    const std::string& destination = destinations.name(number);
    if (reported.insert(destination).second) dangling.push_back(destination);
  }
  if (dangling.empty()) return;
  const std::map<std::string, LinkSource> sources =
      first_links_to(book, std::set<std::string>(dangling.begin(), dangling.end()));
  for (const std::string& destination : dangling) {
    const auto source = sources.find(destination);
    if (source == sources.end()) {
      sink.warning({}, "expected a place named '" + destination + "' for a link in the PDF, found none",
                   "the link's text is kept, unlinked");
    } else {
      sink.warning(source->second.location,
                   "expected a place in the PDF for the link to '" + source->second.target + "', found none",
                   "the link's text is kept, unlinked");
    }
  }
}

// Articles set and cut ahead of this thread: at least this many per worker thread, so that a worker
// rarely waits for a slot; few enough that memory stays that of a few dozen articles whatever the
// book's length.
constexpr std::size_t articles_ahead_per_job = 4;
// At least this many in all: workers asleep on a full window are woken when half of it is free, so
// a window of 8 (two workers) woke them every 4 articles, some 250 times in a rebuild of 1,000
// articles, each recalled in about 20 µs. With 32: context switches 1,050 -> 550, the rebuild
// 4-8 ms shorter, a cold build of 10,000 articles 9.3-9.8 -> 8.8-9.0 s for 12-37 MB more memory.
constexpr std::size_t articles_ahead_at_least = 32;

// The running heads of an article's versos and rectos.
struct RunningHeads {
  SetLine verso;
  SetLine recto;
};

// An article cut into pages with its running heads, both made on the thread that set it: a head
// is the article's (or its part's) title shaped, some 8 µs an article, which the book's thread,
// which a rebuild waits for, no longer spends.
struct HeadedArticle {
  CutArticle cut;
  RunningHeads heads;
};

// The running heads of pages titled `verso_title` and `recto_title`, reported to `context`.
RunningHeads make_running_heads(const std::string& verso_title, const std::string& recto_title,
                                LayoutContext& context) {
  RunningHeads heads{make_running_head(verso_title, context), {}};
  heads.recto = verso_title == recto_title ? heads.verso : make_running_head(recto_title, context);
  return heads;
}

}  // namespace

BookEnd lay_out_book(const model::Book& book, const fonts::FontMetrics& metrics, const PageStyle& style,
                     const Hyphenators& hyphenators, PageSink& pages, core::DiagnosticSink& sink,
                     core::Progress& progress, std::size_t jobs, ArticleCache* cache) {
  fonts::GlyphCoverage coverage(metrics);
  LayoutContext context{metrics, style, sink, coverage, &hyphenators.book()};
  BookEnd end;

  // The contents must print the page of every entry, yet it comes before the pages it lists. TeX
  // settles this in passes (write the .toc, run again until nothing moves); here one pass always
  // suffices, by construction, so the number of passes is fixed at one and never iterated:
  // 1. The body first. Body pages are numbered 1, 2, … independently of the front matter (which
  // is numbered i, ii, …, and padded to an even count so that body page 1 is always a recto), so
  // once a body page is laid out its number and parity are final: it gets its running head,
  // folio and review mark and goes to `pages` at once. Each part is paginated on its own, so no
  // flow longer than one article, and no page of an earlier one, is ever held (only the few articles
  // set ahead, below).
  // Every anchor's and link's name numbered once, as its page is handed over (the contents'
  // entries' when they are listed, below), with the page of its first anchor: where contents
  // entries and bookmarks lead, and which links dangle. The writers get the numbers
  // (BookEnd::destinations).
  DestinationTable& destinations = end.destinations;
  LinkDestinations body_links;
  // Hands over a run of body pages laid out from one flow, with what their heads say: versos and
  // rectos may differ (a part's title over an article's). Blind pages (a part's title page and
  // the blank verso after it) have neither running head nor folio, as display pages in a printed
  // book; a flow's first page opens with its own title, so it has no running head either.
  auto hand_over = [&](std::vector<Page> run, const SetLine& verso_head, const SetLine& recto_head, bool blind) {
    for (std::size_t i = 0; i < run.size(); ++i) {
      Page& page = run[i];
      const std::size_t number = ++end.body_pages;
      // Body page 1 is a recto (the front matter is padded to an even count of pages), so every
      // odd body page is one.
      const bool recto = number % 2 == 1;
      if (!blind) {
        if (i != 0) add_running_head(page, recto ? recto_head : verso_head, recto, style);
        add_folio(page, std::to_string(number), recto, context);
      }
      add_review_mark(page, recto, context);
      number_destinations(page, destinations);
      for (const Anchor& anchor : page.anchors) destinations.place(anchor.number, number);
      body_links.add(page);
      pages.body_page(std::move(page));
    }
  };
  // Pages cut from one flow (cut_into_pages), put on their sides here, where the count of pages
  // before them is known.
  auto add_body_pages = [&](std::vector<Page> cut, const SetLine& verso_head, const SetLine& recto_head, bool blind) {
    place_on_sides(cut, style, end.body_pages % 2 == 0);
    hand_over(std::move(cut), verso_head, recto_head, blind);
  };
  // A part's title page and the blank verso after it: blind, without heads.
  auto add_blind_part = [&](std::vector<FlowLine> lines) {
    add_body_pages(cut_into_pages(std::move(lines), style, &end.stats), {}, {}, true);
  };
  // A flow set and cut apart (cut_apart, below) with its running heads, taken in its place in the
  // book: what it reported and the characters it lacked (its heads' too), its figures, then its
  // pages.
  auto add_cut = [&](HeadedArticle headed) {
    CutArticle& cut = headed.cut;
    cut.diagnostics.report_to(sink);
    coverage.merge(cut.missing);
    end.stats.add(cut.stats);
    add_body_pages(std::move(cut.pages), headed.heads.verso, headed.heads.recto, false);
  };
  auto add_blank_page = [&]() {
    std::vector<Page> blank;
    blank.push_back(Page{style.page_width, style.page_height, {}, {}, {}, {}});
    hand_over(std::move(blank), {}, {}, true);
  };
  // The parts that open at each article, outermost first (Book::parts lists a folder before the
  // folders inside it).
  std::map<std::size_t, std::vector<const model::Part*>> parts_at;
  for (const model::Part& part : book.parts) parts_at[part.first_article].push_back(&part);
  // Lines set apart from the book's sequence, on whatever thread: an article, the Sources appendix
  // or one entry of it. What they report and the characters the fonts lack for them are kept with
  // them, and reported where they take their place in the book.
  const auto set_apart = [&](const Hyphenator& hyphenator, const auto& set_lines) {
    SetArticle set{{}, {}, coverage.branch()};
    LayoutContext apart{metrics, style, set.diagnostics, set.missing, &hyphenator};
    set.lines = set_lines(apart);
    return set;
  };
  // Lines set apart, cut into pages and prepared for the page sink where they were set.
  const auto cut_apart = [&](SetArticle set, LayoutStats stats) {
    CutArticle cut{{}, std::move(set.diagnostics), std::move(set.missing), stats};
    cut.pages = cut_into_pages(std::move(set.lines), style, &cut.stats);
    for (Page& page : cut.pages) pages.prepare_body(page);
    return cut;
  };
  // The running heads of `cut`, made on the thread that cut it, as the book's thread would with the
  // book's hyphenator; what they report is the cut's.
  const auto add_heads = [&](CutArticle cut, const std::string& verso_title, const std::string& recto_title) {
    LayoutContext context_of_cut{metrics, style, cut.diagnostics, cut.missing, &hyphenators.book()};
    RunningHeads heads = make_running_heads(verso_title, recto_title, context_of_cut);
    return HeadedArticle{std::move(cut), std::move(heads)};
  };
  // An article's lines and its cut into pages depend on nothing laid out before it (it starts on
  // a new page, and its links lead to anchors the model names), so articles are set and cut on
  // `jobs` threads, ahead of this loop, with their running heads; everything that needs page
  // numbers or the book's order (the pages' sides, placing the heads, folios, the page sink,
  // diagnostics, progress) stays here, one article at a time. With one job, each article is set
  // here when its turn comes, through the same path. A cache answers on the worker threads too, so that reading an
  // earlier build's lines runs on every core. A cache may also answer with the article already cut, its pages' bodies
  // kept by the page sink from an earlier build (PageSink::take_kept_bodies): nothing of it is then set, cut or drawn.
  const auto set_article = [&](std::size_t a) {
    const Hyphenator& hyphenator = hyphenators.for_language(book.articles[a].language);
    bool set_here = false;
    const auto set_anew = [&] {
      set_here = true;
      return set_apart(hyphenator,
                       [&](LayoutContext& apart) { return article_flow(book.articles[a], book.anchors, apart); });
    };
    const auto cut = [&](SetArticle set) { return cut_apart(std::move(set), {}); };
    CutArticle article =
        cache == nullptr
            ? cut(set_anew())
            : cache->recall_or_cut({book.articles[a], book.anchors, style, hyphenator}, coverage, set_anew, cut,
                                   [&](std::vector<Page>& recalled) { return pages.take_kept_bodies(recalled); });
    article.stats.articles = 1;
    article.stats.articles_set = set_here ? 1 : 0;
    // In a part, versos name the part and rectos the article, as a book's running heads name the
    // larger division on the left and the smaller on the right.
    const model::Article& source = book.articles[a];
    const bool in_part = source.part < book.parts.size();
    return add_heads(std::move(article), in_part ? book.parts[source.part].title : source.title, source.title);
  };
  core::OrderedPool<HeadedArticle> articles(
      jobs, book.articles.size(), std::max(jobs * articles_ahead_per_job, articles_ahead_at_least), set_article);
  // The Sources appendix depends on no page either: with more than one job it is set on a thread
  // beside the articles (after the contents' titles, below), as an article is set, and its
  // diagnostics and missing characters are reported where they would have been had it been set
  // after them. Should the system have no thread to give, it is set at set_beside.get() instead,
  // as with one job (std::async with both policies falls back so in libstdc++; the OrderedPool
  // above does the same). It is needed only after the last article, so its thread runs at
  // background priority: the articles this loop waits for come first.
  // Each article's entry is set on its own, or recalled from the cache like an article: a rebuild
  // after an edit sets one entry again, not the whole appendix. Their diagnostics and missing
  // characters are gathered in the appendix's, in the book's order. The appendix is cut into pages
  // there too, and its heads made, as an article's are: only its pages' sides, the placing of its
  // heads and its folios wait for the last article.
  const auto set_sources = [&] {
    SetArticle set = set_apart(hyphenators.book(), [&](LayoutContext& appendix) {
      const auto entry = [&](std::size_t a) {
        const model::Article& article = book.articles[a];
        const auto set_anew = [&] {
          return set_apart(hyphenators.book(),
                           [&](LayoutContext& apart) { return sources_entry_flow(article, apart); });
        };
        SetArticle entry_set = cache == nullptr ? set_anew()
                                                : cache->recall_or_set_sources_entry(
                                                      {article, style, hyphenators.book()}, coverage, set_anew);
        entry_set.diagnostics.report_to(appendix.sink);
        appendix.coverage.merge(entry_set.missing);
        return std::move(entry_set.lines);
      };
      return sources_flow(book, appendix, entry);
    });
    return cut_apart(std::move(set), {});
  };
  // The contents' titles depend on no page either (only their numbers do): they are set in the
  // same way, and finished with their numbers after the body. Their diagnostics and missing
  // characters are reported where the contents are.
  std::vector<ContentsItem> contents_items;
  // transform::build_contents gives every article an entry; layout does not second-guess it.
  assert(book.articles.empty() || !book.contents.empty());
  flatten_contents(book.contents, 0, contents_items);
  contents_items.push_back({model::sources_title, model::sources_id, 0});
  // Their destinations numbered now, looked up by number when the contents are finished and the
  // outline made.
  std::vector<DestinationNumber> contents_numbers;
  contents_numbers.reserve(contents_items.size());
  for (const ContentsItem& item : contents_items) contents_numbers.push_back(destinations.number(item.destination));
  // Both on one background thread, the titles first: a thread of its own for the titles touched
  // fresh memory of its own (its heap's first huge pages), where the Sources' work after them
  // reuses what the titles' work freed. The end of the body then waits for both in turn, not for
  // the longer of the two: more only where the articles are set before both (a few short ones on
  // many cores), and the titles are the shorter by far.
  struct SetBeside {
    SetContentsTitles titles;
    HeadedArticle sources;
  };
  const std::launch beside = jobs > 1 ? std::launch::async | std::launch::deferred : std::launch::deferred;
  // The titles are recalled from the cache as a whole: an edit that changes none (most) sets none.
  std::future<SetBeside> set_beside = core::start_in_background(beside, [&] {
    const auto set_anew = [&] {
      SetContentsTitles titles{{}, {}, coverage.branch()};
      LayoutContext titles_context{metrics, style, titles.diagnostics, titles.missing, &hyphenators.book()};
      titles.titles = set_contents_titles(contents_items, titles_context);
      return titles;
    };
    SetContentsTitles titles = cache == nullptr ? set_anew()
                                                : cache->recall_or_set_contents_titles(
                                                      {contents_items, style, hyphenators.book()}, coverage, set_anew);
    return SetBeside{std::move(titles), add_heads(set_sources(), model::sources_title, model::sources_title)};
  });
  progress.stage("Laying out", book.articles.size(), "articles");
  for (std::size_t a = 0; a < book.articles.size(); ++a) {
    const model::Article& article = book.articles[a];
    if (const auto opening = parts_at.find(a); opening != parts_at.end()) {
      // A part's title page is a recto, its verso blank, so that it stands alone as in print.
      for (const model::Part* part : opening->second) {
        if (end.body_pages % 2 == 1) add_blank_page();
        add_blind_part(part_page_flow(*part, context));
        add_blank_page();
      }
      coverage.report(sink, opening->second.front()->location, false);
    }
    add_cut(articles.take());
    coverage.report(sink, article.location, false);
    progress.advance();
  }
  SetBeside beside_set = set_beside.get();
  add_cut(std::move(beside_set.sources));
  coverage.report(sink, {}, true);

  // 2. The front matter: title page, disclaimer, contents with the body's page numbers.
  std::vector<Page> front = title_pages(book.metadata, context);
  const std::size_t title_page_count = front.size();
  append_pages(front, paginate(disclaimer_flow(book.disclaimer, context), style, front.size() % 2 == 0, &end.stats));
  // The contents: their titles finished with the body's page numbers and cut into pages, set apart
  // and prepared for the page sink as an article is, or recalled already cut, as an article is,
  // when neither a title nor a number changed (most edits: then nothing of them is set, cut or
  // drawn here).
  SetContentsTitles& titles = beside_set.titles;
  const auto cut_contents = [&] {
    return cut_apart(set_apart(hyphenators.book(),
                               [&](LayoutContext& apart) {
                                 return contents_flow(contents_items, std::move(titles.titles), destinations, apart);
                               }),
                     {});
  };
  // Where each entry leads, by number: what the contents' pages are kept under with their titles.
  const auto numbers_of_entries = [&] {
    std::vector<std::size_t> numbers;
    numbers.reserve(contents_items.size());
    for (const DestinationNumber number : contents_numbers)
      numbers.push_back(destinations.body_page(number).value_or(0));
    return numbers;
  };
  CutArticle contents =
      cache == nullptr
          ? cut_contents()
          : cache->recall_or_cut_contents(
                {{contents_items, style, hyphenators.book()}, numbers_of_entries()}, coverage, cut_contents,
                [&](std::vector<Page>& recalled) { return pages.take_kept_bodies(recalled); });
  // What setting them reported, and then what setting their titles did, as when they were set here.
  contents.diagnostics.report_to(sink);
  coverage.merge(contents.missing);
  titles.diagnostics.report_to(sink);
  coverage.merge(titles.missing);
  end.stats.add(contents.stats);
  place_on_sides(contents.pages, style, front.size() % 2 == 0);
  append_pages(front, std::move(contents.pages));
  // A blank verso if needed, so that body page 1 is a recto as in a printed book.
  if (front.size() % 2 == 1) front.push_back(Page{style.page_width, style.page_height, {}, {}, {}, {}});
  // Folios on every page but the title page(s), the unreviewed mark on every page.
  for (std::size_t i = title_page_count; i < front.size(); ++i) {
    add_folio(front[i], roman_numeral(i + 1), i % 2 == 0, context);
  }
  for (std::size_t i = 0; i < front.size(); ++i) add_review_mark(front[i], i % 2 == 0, context);
  coverage.report(sink, {}, true);
  LinkDestinations front_links;
  for (Page& page : front) {
    number_destinations(page, destinations);
    for (const Anchor& anchor : page.anchors) destinations.place(anchor.number, 0);
    front_links.add(page);
  }

  // 3. Links to places no page holds: the front matter's first, as they come first in the book.
  std::set<std::string> front_dangling;
  warn_dangling(front_links, destinations, book, sink, front_dangling);
  leave_out_links_to(front, front_dangling);
  end.dangling_destinations = front_dangling;
  warn_dangling(body_links, destinations, book, sink, end.dangling_destinations);
  end.front_matter_pages = front.size();
  pages.front_matter(std::move(front));

  end.outline = make_outline(book, destinations, contents_numbers);
  end.info = make_info(book.metadata);
  end.stats.pages = end.front_matter_pages + end.body_pages;
  return end;
}

LaidOutBook lay_out_book(const model::Book& book, const fonts::FontMetrics& metrics, const PageStyle& style,
                         const Hyphenators& hyphenators, core::DiagnosticSink& sink, core::Progress& progress,
                         std::size_t jobs, ArticleCache* cache) {
  CollectPages pages;
  BookEnd end = lay_out_book(book, metrics, style, hyphenators, pages, sink, progress, jobs, cache);
  return std::move(pages).book(std::move(end));
}

}  // namespace octavo::layout
