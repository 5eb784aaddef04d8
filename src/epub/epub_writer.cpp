#include "epub/epub_writer.hpp"

#include <cstdio>
#include <fstream>
#include <unordered_set>

#include "core/fixed_clock.hpp"
#include "epub/article_xhtml.hpp"
#include "epub/container_xml.hpp"
#include "epub/contents_xhtml.hpp"
#include "epub/disclaimer_xhtml.hpp"
#include "epub/epub_paths.hpp"
#include "epub/navigation_document.hpp"
#include "epub/ncx_document.hpp"
#include "epub/package_document.hpp"
#include "epub/sources_xhtml.hpp"
#include "epub/title_page_xhtml.hpp"

namespace octavo::epub {
namespace {

constexpr const char* xhtml_type = "application/xhtml+xml";

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Well-formed BCP 47 in outline (RFC 5646 §2.1): a 2–8 letter primary subtag, then subtags of
// 1–8 letters or digits. epubcheck rejects a dc:language that is not a well-formed tag.
bool is_language_tag(const std::string& tag) {
  std::size_t start = 0;
  bool first = true;
  while (true) {
    std::size_t end = tag.find('-', start);
    if (end == std::string::npos) end = tag.size();
    const std::size_t length = end - start;
    if (length < (first ? 2u : 1u) || length > 8) return false;
    for (std::size_t i = start; i < end; ++i) {
      const char c = tag[i];
      if (!is_ascii_alnum(c) || (first && c >= '0' && c <= '9')) return false;
    }
    if (end == tag.size()) return true;
    start = end + 1;
    first = false;
  }
}

// Article ids become file names and manifest ids (XML IDs), so only ASCII NCName characters.
bool is_article_id(const std::string& id) {
  if (id.empty() || !((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= 'A' && id[0] <= 'Z') || id[0] == '_')) return false;
  for (const char c : id) {
    if (!is_ascii_alnum(c) && c != '-' && c != '_' && c != '.') return false;
  }
  return true;
}

// The fixed pages are named by plain words; an article called, say, "contents" would collide.
bool is_reserved_name(const std::string& id) {
  for (const char* file : {title_page_file, disclaimer_file, contents_file, sources_file}) {
    if (article_file(id) == file) return true;
  }
  return false;
}

}  // namespace

bool check_epub_input(const model::Book& book, core::DiagnosticSink& sink) {
  bool ok = true;
  auto error = [&](std::string message) {
    sink.error({}, std::move(message));
    ok = false;
  };
  const model::Metadata& metadata = book.metadata;
  if (metadata.identifier.find_first_not_of(" \t\n\r") == std::string::npos) {
    error("expected a book identifier, found none");
  }
  if (!is_language_tag(metadata.language)) {
    error("expected a language tag such as 'en' or 'en-GB', found '" + metadata.language + "'");
  }
  if (!metadata.date.empty() && (metadata.date.size() != 10 || !core::parse_iso_timestamp(metadata.date))) {
    error("expected a publication date as YYYY-MM-DD, found '" + metadata.date + "'");
  }
  if (metadata.modified.size() != 20 || !core::parse_iso_timestamp(metadata.modified)) {
    error("expected a modification time as YYYY-MM-DDThh:mm:ssZ, found '" + metadata.modified + "'");
  }
  std::unordered_set<std::string> ids;
  ids.reserve(book.articles.size());
  for (const model::Article& article : book.articles) {
    if (!is_article_id(article.id) || is_reserved_name(article.id)) {
      error("expected an article id made of ASCII letters, digits and hyphens, found '" + article.id + "'");
    } else if (!ids.insert(article.id).second) {
      error("expected unique article ids, found '" + article.id + "' twice");
    }
  }
  return ok;
}

std::vector<ContainerFile> epub_files(const model::Book& book, const EpubOptions& options) {
  const std::string& language = book.metadata.language;
  const std::string text_root = std::string(package_root) + "text/";
  std::vector<PackageItem> items;
  std::vector<ContainerFile> text;
  items.reserve(book.articles.size() + 8);
  text.reserve(book.articles.size() + 4);
  auto add_text = [&](const std::string& id, const std::string& file, std::string content) {
    items.push_back({id, text_href(file), xhtml_type, "", true});
    text.push_back({text_root + file, std::move(content)});
  };

  items.push_back({"nav", nav_file, xhtml_type, "nav", false});
  items.push_back({"ncx", ncx_file, "application/x-dtbncx+xml", "", false});
  items.push_back({"css", stylesheet_file, "text/css", "", false});
  // Spine order: title page, disclaimer, contents, the articles, Sources.
  add_text(model::title_page_id, title_page_file, title_page_xhtml(book.metadata));
  add_text(model::disclaimer_id, disclaimer_file, disclaimer_xhtml(book.disclaimer, language));
  add_text(model::contents_id, contents_file, contents_xhtml(book));
  for (const model::Article& article : book.articles) {
    add_text("article-" + article.id, article_file(article.id), article_xhtml(article, language));
  }
  add_text(model::sources_id, sources_file, sources_xhtml(book));

  const std::string package_path = std::string(package_root) + package_file;
  std::vector<ContainerFile> files;
  files.reserve(text.size() + 5);
  files.push_back({"META-INF/container.xml", container_xml(package_path)});
  files.push_back({package_path, package_document(book.metadata, items)});
  files.push_back({std::string(package_root) + nav_file, navigation_document(book)});
  files.push_back({std::string(package_root) + ncx_file, ncx_document(book)});
  files.push_back({std::string(package_root) + stylesheet_file, options.stylesheet});
  for (ContainerFile& file : text) files.push_back(std::move(file));
  return files;
}

bool write_epub(const model::Book& book, const EpubOptions& options, const std::string& path,
                core::DiagnosticSink& sink) {
  if (!check_epub_input(book, sink)) return false;
  const std::optional<std::string> archive = zip_container(epub_files(book, options), sink);
  if (!archive) return false;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(archive->data(), static_cast<std::streamsize>(archive->size()));
  out.close();  // a failed open, write or close all leave failbit set
  if (!out.fail()) return true;
  std::remove(path.c_str());
  sink.error({path, 0, 0}, "cannot write the epub file");
  return false;
}

}  // namespace octavo::epub
