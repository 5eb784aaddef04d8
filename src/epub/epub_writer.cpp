#include "epub/epub_writer.hpp"

#include <cassert>
#include <functional>
#include <optional>
#include <set>
#include <unordered_set>

#include "core/byte_stream.hpp"
#include "core/deflate.hpp"
#include "core/fixed_clock.hpp"
#include "core/language_tag.hpp"
#include "epub/article_page_key.hpp"
#include "epub/article_xhtml.hpp"
#include "epub/book_links.hpp"
#include "epub/book_page_keys.hpp"
#include "epub/container_xml.hpp"
#include "epub/contents_xhtml.hpp"
#include "epub/disclaimer_xhtml.hpp"
#include "epub/epub_paths.hpp"
#include "epub/navigation_document.hpp"
#include "epub/ncx_document.hpp"
#include "epub/package_document.hpp"
#include "epub/part_xhtml.hpp"
#include "epub/sources_xhtml.hpp"
#include "epub/title_page_xhtml.hpp"
#include "epub/zip_container.hpp"

namespace octavo::epub {
namespace {

constexpr const char* xhtml_type = "application/xhtml+xml";

// The transforms guarantee all of this (assign_ids, complete_metadata) and read_manifest checks
// the language; a book that breaks it is a programming mistake, not bad input (STYLE.md).
[[maybe_unused]] bool is_page_id(const std::string& id, char prefix) {
  // prefix + a zero-padded number + "-" + a slug: a file name, an XML ID and never a fixed page's name.
  if (id.size() < 4 || id[0] != prefix) return false;
  const std::size_t hyphen = id.find('-');
  if (hyphen == std::string::npos || hyphen < 3) return false;
  for (std::size_t i = 1; i < id.size(); ++i) {
    const char c = id[i];
    const bool digit = c >= '0' && c <= '9';
    if (i < hyphen ? !digit : !(digit || (c >= 'a' && c <= 'z') || c == '-')) return false;
  }
  return true;
}

[[maybe_unused]] bool is_complete(const model::Book& book) {
  const model::Metadata& metadata = book.metadata;
  if (metadata.identifier.find_first_not_of(" \t\n\r") == std::string::npos) return false;
  if (!core::is_language_tag(metadata.language)) return false;
  if (metadata.date.size() != 10 || !core::parse_iso_timestamp(metadata.date)) return false;
  if (metadata.modified.size() != 20 || !core::parse_iso_timestamp(metadata.modified)) return false;
  std::unordered_set<std::string> ids;
  for (const model::Article& article : book.articles) {
    if (!is_page_id(article.id, 'a') || !ids.insert(article.id).second) return false;
  }
  // Parts: listed outermost first, each starting at an article (transform::assign_ids, the corpus reader).
  for (std::size_t i = 0; i < book.parts.size(); ++i) {
    const model::Part& part = book.parts[i];
    if (!is_page_id(part.id, 'p') || !ids.insert(part.id).second) return false;
    if (part.first_article >= book.articles.size() || part.article_count == 0) return false;
    if (i > 0 && part.first_article < book.parts[i - 1].first_article) return false;
  }
  return true;
}

// Every figure's image in reading order, each file once (by name, which follows the bytes).
// Blocks are walked with an explicit stack: nesting depth comes from the input.
std::vector<const model::Image*> book_images(const model::Book& book) {
  std::vector<const model::Image*> images;
  std::set<std::string> seen;
  for (const model::Article& article : book.articles) {
    std::vector<const model::Block*> pending;
    for (auto it = article.blocks.rbegin(); it != article.blocks.rend(); ++it) pending.push_back(&*it);
    while (!pending.empty()) {
      const model::Block* block = pending.back();
      pending.pop_back();
      for (const std::shared_ptr<const model::Image>& image : block->images) {
        if (seen.insert(image_file(*image)).second) images.push_back(image.get());
      }
      for (auto it = block->children.rbegin(); it != block->children.rend(); ++it) pending.push_back(&*it);
    }
  }
  return images;
}

// One XHTML page of the spine before it is made: the package document lists every page, and comes
// before them in the archive, yet only one page's text is held at a time.
struct TextPage {
  std::string id;
  std::string file;
  std::function<std::string()> render;
  std::function<core::StreamDigest()> key;  // what it is kept under between builds, if it is
  const model::Article* article = nullptr;  // the article shown: one step of progress
};

// The book's pages; the contents page is made from `toc` and kept under contents_key(), an
// article's page under its article_page_key.
std::vector<TextPage> text_pages(const model::Book& book, const BookLinks& links, const model::ArticleDigests& digests,
                                 const std::vector<TocItem>& toc,
                                 const std::function<core::StreamDigest()>& contents_key) {
  std::vector<TextPage> pages;
  pages.reserve(book.articles.size() + book.parts.size() + 4);
  // Spine order: title page, disclaimer, contents, the parts and articles, Sources.
  pages.push_back(
      {model::title_page_id, title_page_file, [&book] { return title_page_xhtml(book.metadata); }, {}, nullptr});
  pages.push_back({model::disclaimer_id,
                   disclaimer_file,
                   [&book] { return disclaimer_xhtml(book.disclaimer, book.metadata.language); },
                   {},
                   nullptr});
  pages.push_back({model::contents_id, contents_file,
                   [&book, &toc] { return contents_xhtml(book.metadata.language, toc); }, contents_key, nullptr});
  // A part's title page comes right before its first article, an enclosing part's before its own.
  std::size_t next_part = 0;
  for (std::size_t index = 0; index < book.articles.size(); ++index) {
    for (; next_part < book.parts.size() && book.parts[next_part].first_article <= index; ++next_part) {
      const model::Part& part = book.parts[next_part];
      if (has_part_page(book, part)) {
        pages.push_back({"part-" + part.id,
                         part_file(part.id),
                         [&book, &part] { return part_xhtml(part, book.metadata.language); },
                         {},
                         nullptr});
      }
    }
    const model::Article& article = book.articles[index];
    pages.push_back({"article-" + article.id, article_file(article.id),
                     [&book, &article, &links] { return article_xhtml(article, book.metadata.language, links); },
                     [&book, &article, &links, &digests] {
                       return article_page_key(article, book.metadata.language, links, digests);
                     },
                     &article});
  }
  pages.push_back({model::sources_id, sources_file, [&book] { return sources_xhtml(book); }, {}, nullptr});
  return pages;
}

// The name a long page's piece list is kept under, apart from the name its key gives a whole
// page: a SHA-256 of a name and the key.
core::StreamDigest piece_list_key(const core::StreamDigest& key) {
  core::ByteWriter name;
  name.string("octavo page pieces 1");
  name.raw(key);
  return core::sha256(name.bytes());
}

// A page deflated: kept by an earlier build under its key, or made and deflated now and kept for
// the next. Its key changes only when the page's bytes could (article_page_key, book_page_keys).
// A short page is kept whole under its key: missed, it is deflated without looking for its bytes
// in the memo, as its key changed, so its bytes almost surely did. A long one (past
// core::zip_whole_limit: a long book's navigation and contents) is kept as the list of its pieces
// (core::ZipPieceList), the pieces by their own names: taken by its key, it is read from them, so
// that they stay in the memo; missed (an article added, a title or a heading edited), it is made
// and only the pieces that changed are deflated again, as the NCX's are. Kept whole, such a page
// was deflated whole at every edit of the contents: 35 ms of processor time in a rebuild of 1,000
// articles.
core::DeflatedBytes deflated_page(const std::function<core::StreamDigest()>& key,
                                  const std::function<std::string()>& make, core::DeflateMemo* memo) {
  if (memo == nullptr) return core::deflate_zip_entry(make(), nullptr);
  const core::StreamDigest digest = key();
  // The whole page first: most are short (every article's), and a lookup that finds nothing is
  // not a use, so a long page's list and pieces are still asked for in the order they were kept.
  if (const std::optional<std::string> whole = memo->recall(digest)) {
    if (std::optional<core::DeflatedBytes> page = core::DeflatedBytes::from_kept_form(*whole)) return std::move(*page);
  } else if (const std::optional<std::string> kept = memo->recall(piece_list_key(digest))) {
    if (const std::optional<core::ZipPieceList> list = core::ZipPieceList::from_kept_form(*kept)) {
      if (std::optional<core::DeflatedBytes> page = core::recall_zip_pieces(*list, *memo)) return std::move(*page);
    }
  }
  const std::string bytes = make();
  const core::ZipPieces pieces = core::zip_pieces(bytes);
  if (pieces.ends.empty()) {
    core::DeflatedBytes page = core::deflate_zip_entry(bytes, nullptr);
    memo->keep(digest, page.kept_form());
    return page;
  }
  // The list first, then the pieces, in the order a build that takes the page by its key asks for
  // them: a memo that follows the order of use (cache::DeflatePack) then keeps its file as it is.
  memo->keep(piece_list_key(digest), core::ZipPieceList{pieces.names, core::crc32(bytes), bytes.size()}.kept_form());
  return core::deflate_zip_pieces(bytes, pieces, *memo);
}

}  // namespace

void epub_files(const model::Book& book, const EpubOptions& options, const FileReceiver& receive,
                core::Progress& progress) {
  epub_files(
      book, options, receive,
      [&receive](const std::string& path, const std::function<core::StreamDigest()>&,
                 const std::function<std::string()>& make) { receive(path, make()); },
      progress);
}

void epub_files(const model::Book& book, const EpubOptions& options, const FileReceiver& receive,
                const PageReceiver& receive_page, core::Progress& progress) {
  progress.stage("Writing EPUB", book.articles.size(), "articles");
  const BookLinks links(book);
  const std::optional<model::ArticleDigests> own_digests =
      options.article_digests == nullptr ? std::optional<model::ArticleDigests>(std::in_place, book.articles)
                                         : std::nullopt;
  const model::ArticleDigests& digests = options.article_digests ? *options.article_digests : *own_digests;
  // The contents tree, made once for the navigation, the NCX and the contents page, and its digest
  // made for their keys when the first is asked (only with a memo).
  const std::vector<TocItem> toc = toc_items(book, links);
  std::optional<core::StreamDigest> toc_key;
  const auto toc_digest_once = [&toc, &toc_key] {
    if (!toc_key) toc_key = toc_digest(toc);
    return *toc_key;
  };
  const std::vector<TextPage> pages = text_pages(book, links, digests, toc, [&book, &toc_digest_once] {
    return contents_key(book.metadata.language, toc_digest_once());
  });
  const std::vector<const model::Image*> images = book_images(book);
  std::vector<PackageItem> items;
  items.reserve(pages.size() + images.size() + 3);
  items.push_back({"nav", nav_file, xhtml_type, "nav", false});
  items.push_back({"ncx", ncx_file, "application/x-dtbncx+xml", "", false});
  items.push_back({"css", stylesheet_file, "text/css", "", false});
  for (const TextPage& page : pages) items.push_back({page.id, text_href(page.file), xhtml_type, "", true});
  for (const model::Image* image : images) {
    items.push_back({"img-" + image->sha256.substr(0, 16), image_file(*image), model::media_type(*image), "", false});
  }

  const std::string package_path = std::string(package_root) + package_file;
  receive("META-INF/container.xml", container_xml(package_path));
  receive(package_path, package_document(book.metadata, items));
  const NavigationInputs navigation = navigation_inputs(book);
  receive_page(
      std::string(package_root) + nav_file, [&] { return navigation_key(navigation, toc_digest_once()); },
      [&] { return navigation_document(navigation, toc); });
  // The NCX names the book's identifier, which unless book.toml gives one hashes every article's
  // bytes: an edit changes it. It goes to the memo by its bytes, in pieces, so that only the piece
  // that names the identifier is deflated again.
  receive(std::string(package_root) + ncx_file, ncx_document(ncx_inputs(book), toc));
  receive(std::string(package_root) + stylesheet_file, options.stylesheet);
  const std::string text_root = std::string(package_root) + "text/";
  for (const TextPage& page : pages) {
    if (!page.key) {
      receive(text_root + page.file, page.render());
      continue;
    }
    receive_page(text_root + page.file, page.key, page.render);
    if (page.article != nullptr) progress.advance();
  }
  for (const model::Image* image : images) receive(package_root + image_file(*image), *image->bytes);
}

bool write_epub(const model::Book& book, const EpubOptions& options, const std::string& path,
                core::DiagnosticSink& sink, core::Progress& progress) {
  assert(is_complete(book));
  // Each file is deflated as soon as it is made; the container keeps only the compressed bytes.
  ZipContainer container;
  core::DeflateMemo* memo = options.memo;
  epub_files(
      book, options,
      [&container, memo](const std::string& file, std::string_view bytes) {
        container.add(file, core::deflate_zip_entry(bytes, memo));
      },
      [&container, memo](const std::string& file, const std::function<core::StreamDigest()>& key,
                         const std::function<std::string()>& make) {
        container.add(file, deflated_page(key, make, memo));
      },
      progress);
  // Writing the archive is one call to libzip: a stage with nothing to count.
  progress.stage("Saving EPUB", 0, "");
  return container.write(path, sink);
}

}  // namespace octavo::epub
