#include "layout/lay_out_book.hpp"

#include <cassert>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "layout/article_flow.hpp"
#include "layout/contents_flow.hpp"
#include "layout/destinations.hpp"
#include "layout/front_matter.hpp"
#include "layout/glyph_coverage.hpp"
#include "layout/layout_context.hpp"
#include "layout/page_furniture.hpp"
#include "layout/paginate.hpp"
#include "layout/part_page.hpp"
#include "layout/sources_flow.hpp"

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

// Bookmarks for the entries whose anchors exist: a dangling one would make a broken PDF outline.
std::vector<OutlineEntry> outline_entries(const std::vector<model::ContentsEntry>& entries,
                                          const std::set<std::string>& anchors) {
  std::vector<OutlineEntry> out;
  for (const model::ContentsEntry& entry : entries) {
    std::string destination = entry_destination(entry);
    if (anchors.count(destination) == 0) continue;
    out.push_back({entry.title, std::move(destination), outline_entries(entry.children, anchors)});
  }
  return out;
}

std::vector<OutlineEntry> make_outline(const model::Book& book, const std::vector<model::ContentsEntry>& entries,
                                       const std::set<std::string>& anchors) {
  std::vector<OutlineEntry> outline;
  auto add = [&](const std::string& title, const std::string& destination) {
    if (anchors.count(destination) != 0) outline.push_back({title, destination, {}});
  };
  add(book.metadata.title.empty() ? "Title page" : book.metadata.title, model::title_page_id);
  add(book.disclaimer.title, model::disclaimer_id);
  add(model::contents_title, model::contents_id);
  for (OutlineEntry& entry : outline_entries(entries, anchors)) outline.push_back(std::move(entry));
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

// A run of body pages laid out from one flow, and what their heads say: versos and rectos may
// differ (a part's title over an article's). Blind pages (a part's title page and the blank verso
// after it) have neither running head nor folio, as display pages in a printed book.
struct BodySection {
  std::size_t start = 0;
  SetLine verso_head;
  SetLine recto_head;
  bool blind = false;
};

// Links whose destination no page holds are left as plain text, with a warning: a PDF link to
// nowhere is an error to a viewer, and the words are what matters.
void drop_dangling_links(std::vector<Page>& pages, const std::set<std::string>& anchors, core::DiagnosticSink& sink) {
  std::set<std::string> reported;
  for (Page& page : pages) {
    std::erase_if(page.links, [&](const LinkArea& link) {
      if (link.destination.empty() || anchors.count(link.destination) != 0) return false;
      if (reported.insert(link.destination).second) {
        sink.warning({}, "expected a place named '" + link.destination + "' for a link in the PDF, found none",
                     "the link's text is kept, unlinked");
      }
      return true;
    });
  }
}

}  // namespace

LaidOutBook lay_out_book(const model::Book& book, const FontMetrics& metrics, const PageStyle& style,
                         const Hyphenator& hyphenator, core::DiagnosticSink& sink, core::Progress& progress) {
  GlyphCoverage coverage(metrics);
  LayoutContext context{metrics, style, sink, coverage, &hyphenator};
  LayoutStats stats;

  // The contents must print the page of every entry, yet it comes before the pages it lists. TeX
  // settles this in passes (write the .toc, run again until nothing moves); here one pass always
  // suffices, by construction, so the number of passes is fixed at one and never iterated:
  // 1. The body first. Body pages are numbered 1, 2, … independently of the front matter (which
  // is numbered i, ii, …, and padded to an even count so that body page 1 is always a recto), so
  // once the body is laid out every anchor has its final page number and parity, and the contents
  // set afterwards can take as many pages as it needs without moving any body page. Each part is
  // paginated on its own, so no flow longer than one article is ever held.
  std::vector<Page> body;
  std::vector<BodySection> sections;
  auto add_body_part = [&](std::vector<FlowLine> lines, const std::string& verso_head, const std::string& recto_head,
                           bool blind = false) {
    sections.push_back({body.size(), make_running_head(verso_head, context),
                        verso_head == recto_head ? SetLine{} : make_running_head(recto_head, context), blind});
    if (verso_head == recto_head) sections.back().recto_head = sections.back().verso_head;
    // Body page 1 is a recto (the front matter is padded to an even count of pages), so every
    // odd body page is one.
    append_pages(body, paginate(std::move(lines), style, body.size() % 2 == 0, &stats));
  };
  auto add_blank_page = [&]() {
    sections.push_back({body.size(), {}, {}, true});
    body.push_back(Page{style.page_width, style.page_height, {}, {}, {}, {}});
  };
  // The parts that open at each article, outermost first (Book::parts lists a folder before the
  // folders inside it).
  std::map<std::size_t, std::vector<const model::Part*>> parts_at;
  for (const model::Part& part : book.parts) parts_at[part.first_article].push_back(&part);
  progress.stage("Laying out", book.articles.size(), "articles");
  for (std::size_t a = 0; a < book.articles.size(); ++a) {
    const model::Article& article = book.articles[a];
    if (const auto opening = parts_at.find(a); opening != parts_at.end()) {
      // A part's title page is a recto, its verso blank, so that it stands alone as in print.
      for (const model::Part* part : opening->second) {
        if (body.size() % 2 == 1) add_blank_page();
        add_body_part(part_page_flow(*part, context), {}, {}, true);
        add_blank_page();
      }
      coverage.report(sink, opening->second.front()->location, false);
    }
    // In a part, versos name the part and rectos the article, as a book's running heads name the
    // larger division on the left and the smaller on the right.
    const bool in_part = article.part < book.parts.size();
    add_body_part(article_flow(article, book.anchors, context),
                  in_part ? book.parts[article.part].title : article.title, article.title);
    coverage.report(sink, article.location, false);
    progress.advance();
  }
  add_body_part(sources_flow(book, context), model::sources_title, model::sources_title);
  coverage.report(sink, {}, true);

  std::map<std::string, std::size_t> body_pages;  // anchor name → body page number
  std::set<std::string> anchors;
  for (std::size_t k = 0; k < body.size(); ++k) {
    for (const Anchor& anchor : body[k].anchors) {
      body_pages.emplace(anchor.name, k + 1);
      anchors.insert(anchor.name);
    }
  }

  // 2. The front matter: title page, disclaimer, contents with the body's page numbers.
  std::vector<Page> front = title_pages(book.metadata, context);
  const std::size_t title_page_count = front.size();
  append_pages(front, paginate(disclaimer_flow(book.disclaimer, context), style, front.size() % 2 == 0, &stats));
  // transform::build_contents gives every article an entry; layout does not second-guess it.
  assert(book.articles.empty() || !book.contents.empty());
  const std::vector<model::ContentsEntry>& entries = book.contents;
  std::vector<ContentsItem> items;
  flatten_contents(entries, 0, items);
  items.push_back({model::sources_title, model::sources_id, 0});
  append_pages(front, paginate(contents_flow(items, body_pages, context), style, front.size() % 2 == 0, &stats));
  // A blank verso if needed, so that body page 1 is a recto as in a printed book.
  if (front.size() % 2 == 1) front.push_back(Page{style.page_width, style.page_height, {}, {}, {}, {}});
  coverage.report(sink, {}, true);
  for (const Page& page : front) {
    for (const Anchor& anchor : page.anchors) anchors.insert(anchor.name);
  }

  // 3. Folios on every page but the title page(s) and blind ones, the unreviewed mark on every
  // page; running heads on body pages except the first page of each flow, which opens with its
  // own title.
  for (std::size_t i = title_page_count; i < front.size(); ++i) {
    add_folio(front[i], roman_numeral(i + 1), i % 2 == 0, context);
  }
  for (std::size_t section = 0; section < sections.size(); ++section) {
    const BodySection& part = sections[section];
    const std::size_t end = section + 1 < sections.size() ? sections[section + 1].start : body.size();
    for (std::size_t k = part.start; k < end && !part.blind; ++k) {
      const bool recto = k % 2 == 0;
      if (k != part.start) add_running_head(body[k], recto ? part.recto_head : part.verso_head, recto, style);
      add_folio(body[k], std::to_string(k + 1), recto, context);
    }
  }
  for (std::size_t i = 0; i < front.size(); ++i) add_review_mark(front[i], i % 2 == 0, context);
  for (std::size_t k = 0; k < body.size(); ++k) add_review_mark(body[k], k % 2 == 0, context);
  coverage.report(sink, {}, true);

  drop_dangling_links(front, anchors, sink);
  drop_dangling_links(body, anchors, sink);

  LaidOutBook out;
  out.front_matter_pages = front.size();
  out.pages = std::move(front);
  append_pages(out.pages, std::move(body));
  out.outline = make_outline(book, entries, anchors);
  out.info = make_info(book.metadata);
  out.stats = stats;
  out.stats.pages = out.pages.size();
  return out;
}

}  // namespace octavo::layout
