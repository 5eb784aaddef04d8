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

// Hidden files (".DS_Store", macOS "._x.txt" companions) are never meant as articles.
bool is_listable_article(const std::string& file) {
  return !file.empty() && file.front() != '.' && article_format(file) != ArticleFormat::other;
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

  std::optional<Manifest> manifest;
  if (std::optional<std::string> text = files.read_file(manifest_path)) manifest = read_manifest(*text, sink);
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
        sink.error(entry.location, "expected a .txt or .md file, found '" + entry.file + "'");
        continue;
      }
      planned.push_back(entry);
    }
    for (const std::string& file : listing) {
      if (is_listable_article(file) && !listed.contains(file)) {
        sink.warning({manifest_path, 0, 0}, "'" + file + "' is not listed in book.toml and is left out of the book");
      }
    }
  } else {
    for (const std::string& file : listing) {
      if (is_listable_article(file)) planned.push_back({file, {}, {file, 0, 0}});
    }
  }

  book.articles.reserve(planned.size());
  for (const ManifestArticle& entry : planned) {
    std::optional<std::string> bytes = files.read_file(entry.file);
    if (!bytes) {
      sink.error(entry.location, by_manifest ? "'" + entry.file + "' is listed in book.toml but does not exist"
                                             : "cannot read '" + entry.file + "'");
      continue;
    }
    model::Article article = article_format(entry.file) == ArticleFormat::markdown
                                 ? read_markdown_article(entry.file, *bytes, entry.fields.title, sink)
                                 : read_text_article(entry.file, *bytes, entry.fields.title, sink);
    apply_listed_provenance(article.provenance, entry.fields);
    book.articles.push_back(std::move(article));
  }

  if (book.articles.empty()) {
    sink.error({manifest ? manifest_path : "", 0, 0}, "expected at least one article, found none",
               "add .txt or .md files to the corpus folder, or list them in book.toml");
  }
  return book;
}

}  // namespace octavo::import
