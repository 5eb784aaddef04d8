#include "import/corpus.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "import/file_names.hpp"
#include "import/manifest.hpp"
#include "import/markdown_article.hpp"
#include "import/text_article.hpp"

namespace octavo::import {

namespace {

constexpr const char* manifest_path = "book.toml";

constexpr const char* article_kinds = ".txt, .md or .markdown";

// Hidden files (".DS_Store", macOS "._x.txt" companions) are never meant as articles.
bool is_hidden(const std::string& file) { return file.empty() || file.front() == '.'; }

bool is_listable_article(const std::string& file) {
  return !is_hidden(file) && article_format(file) != ArticleFormat::other;
}

// "b.MD" is almost certainly meant as an article; skipping it without a word would lose it.
void warn_near_miss(const std::string& file, core::DiagnosticSink& sink) {
  if (is_hidden(file)) return;
  if (std::optional<std::string> meant = article_name_for(file)) {
    sink.warning(
        {file, 0, 0},
        "expected a lower-case " + std::string(article_kinds) + " extension, found '" + file + "'; the file is ignored",
        "rename it to '" + *meant + "'");
  }
}

// The manifest only when book.toml is there; one that is there but cannot be read (a folder, no
// permission) is an error, never silently the same as no manifest.
std::optional<Manifest> read_manifest_file(const core::FileSystem& files, core::DiagnosticSink& sink) {
  if (std::optional<std::string> text = files.read_file(manifest_path)) return read_manifest(*text, sink);
  if (files.exists(manifest_path)) {
    sink.error({manifest_path, 0, 0}, "cannot read book.toml", "it must be a readable file");
  }
  return std::nullopt;
}

void set_if_given(std::string& target, const std::optional<ManifestString>& value) {
  if (value) target = value->value;
}

// The manifest wins over what the article itself says (front matter); never the other way round.
void apply_listed_provenance(model::Provenance& provenance, const ArticleFields& listed) {
  if (!listed.source.empty()) provenance.source = listed.source;
  if (!listed.retrieved.empty()) provenance.retrieved = listed.retrieved;
  if (!listed.author.empty()) provenance.author = listed.author;
}

void fill_metadata(model::Book& book, const std::optional<Manifest>& manifest, const core::FileSystem& files) {
  model::Metadata& metadata = book.metadata;
  metadata.corpus_name = files.root_name();
  metadata.title = metadata.corpus_name;
  if (!manifest) return;
  set_if_given(metadata.title, manifest->title);
  set_if_given(metadata.subtitle, manifest->subtitle);
  metadata.authors = manifest->authors;
  set_if_given(metadata.editor, manifest->editor);
  set_if_given(metadata.language, manifest->language);
  set_if_given(metadata.publisher, manifest->publisher);
  set_if_given(metadata.date, manifest->date);
  set_if_given(metadata.identifier, manifest->identifier);
  set_if_given(metadata.slug, manifest->slug);
  set_if_given(book.disclaimer_text, manifest->disclaimer);
}

}  // namespace

model::Book read_corpus(const core::FileSystem& files, core::DiagnosticSink& sink) {
  model::Book book;
  const std::vector<std::string> listing = files.list_files();

  const std::optional<Manifest> manifest = read_manifest_file(files, sink);
  fill_metadata(book, manifest, files);

  // Which files, in which order, with what the manifest says about each.
  std::vector<ManifestArticle> planned;
  const bool by_manifest = manifest && manifest->parsed && manifest->lists_articles;
  if (by_manifest) {
    std::unordered_set<std::string> listed;
    listed.reserve(manifest->articles.size());
    for (const ManifestArticle& entry : manifest->articles) {
      listed.insert(entry.file);
      if (article_format(entry.file) == ArticleFormat::other) {
        const std::optional<std::string> meant = article_name_for(entry.file);
        sink.error(entry.location, "expected a " + std::string(article_kinds) + " file, found '" + entry.file + "'",
                   meant ? "rename it to '" + *meant + "'" : "");
        continue;
      }
      planned.push_back(entry);
    }
    for (const std::string& file : listing) {
      if (listed.contains(file)) continue;
      if (is_listable_article(file)) {
        sink.warning({manifest_path, 0, 0}, "'" + file + "' is not listed in book.toml and is left out of the book");
      }
      warn_near_miss(file, sink);
    }
  } else {
    for (const std::string& file : listing) {
      if (is_listable_article(file)) planned.push_back({file, {}, {file, 0, 0}});
      warn_near_miss(file, sink);
    }
  }

  book.articles.reserve(planned.size());
  ImageReader images(files);
  for (const ManifestArticle& entry : planned) {
    std::optional<std::string> bytes = files.read_file(entry.file);
    if (!bytes) {
      const bool missing = by_manifest && !files.exists(entry.file);
      sink.error(entry.location, missing ? "'" + entry.file + "' is listed in book.toml but does not exist"
                                         : "cannot read '" + entry.file + "'");
      continue;
    }
    model::Article article = article_format(entry.file) == ArticleFormat::markdown
                                 ? read_markdown_article(entry.file, *bytes, entry.fields.title, images, sink)
                                 : read_text_article(entry.file, *bytes, entry.fields.title, sink);
    apply_listed_provenance(article.provenance, entry.fields);
    book.articles.push_back(std::move(article));
  }

  if (book.articles.empty()) {
    sink.error({manifest ? manifest_path : "", 0, 0}, "expected at least one article, found none",
               "add " + std::string(article_kinds) + " files to the corpus folder, or list them in book.toml");
  }
  return book;
}

}  // namespace octavo::import
