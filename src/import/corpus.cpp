#include "import/corpus.hpp"

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdio>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/ordered_pool.hpp"
#include "core/sha256.hpp"
#include "core/text_encoding.hpp"
#include "core/utf8.hpp"
#include "import/choose_titles.hpp"
#include "import/file_names.hpp"
#include "import/folder_parts.hpp"
#include "import/glob.hpp"
#include "import/html_article.hpp"
#include "import/kept_text_articles.hpp"
#include "import/manifest.hpp"
#include "import/markdown_article.hpp"
#include "import/text_article.hpp"

namespace octavo::import {

namespace {

constexpr const char* manifest_path = "book.toml";

constexpr const char* article_kinds = ".txt, .md, .markdown, .html, .htm or .xhtml";

// Hidden files and folders never reach here: the listing skips them (core::FileSystem::list_files).
bool is_listable_article(const std::string& file) { return article_format(file) != ArticleFormat::other; }

// "b.MD" is almost certainly meant as an article; skipping it without a word would lose it.
void warn_near_miss(const std::string& file, core::DiagnosticSink& sink) {
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

// The file's bytes in UTF-8, decoded from the encoding book.toml declares. Each encoding maps one
// byte to one character, so a byte's line and column are counted in the raw bytes, with the
// line endings read_source_lines knows (LF, CRLF, lone CR); one warning per line, as for UTF-8.
std::string decode_article(const std::string& path, std::string_view bytes, core::TextEncoding encoding,
                           core::DiagnosticSink& sink) {
  int line = 1;
  std::size_t line_start = 0;
  std::size_t scanned = 0;
  int last_warned_line = 0;
  return core::decode_to_utf8(bytes, encoding, [&](std::size_t offset) {
    for (; scanned < offset; ++scanned) {
      const char c = bytes[scanned];
      if (c == '\n' || (c == '\r' && (scanned + 1 >= bytes.size() || bytes[scanned + 1] != '\n'))) {
        ++line;
        line_start = scanned + 1;
      }
    }
    if (line == last_warned_line) return;
    last_warned_line = line;
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(bytes[offset])));
    sink.warning({path, line, static_cast<int>(offset - line_start) + 1},
                 "byte " + std::string(byte) + " is not defined in " +
                     std::string(core::text_encoding_label(encoding)) + "; replaced by U+FFFD");
  });
}

// A file counts as binary (an image, a PDF, a font or text in an encoding never declared) when more
// than one byte in eight cannot be text, and there are at least 16 such bytes, so that a short
// note with one stray byte is still read as text. Text with a few stray bytes stays far below: a
// Western European text read in the wrong 8-bit encoding has about one bad byte in thirty.
constexpr std::size_t binary_share_denominator = 8;
constexpr std::size_t binary_minimum_bytes = 16;

// True, with an error, when `text` is binary: its article would be nothing but replacement
// characters and warnings, so it is left out, and the error says so.
bool refuse_binary(const std::string& path, std::string_view text, core::DiagnosticSink& sink) {
  const std::size_t bad = core::count_non_text_bytes(text);
  if (bad < binary_minimum_bytes || bad * binary_share_denominator <= text.size()) return false;
  sink.error({path, 0, 0},
             "expected text, found binary data (" + std::to_string(bad) + " of " + std::to_string(text.size()) +
                 " bytes are control characters or invalid UTF-8); the file is left out",
             "remove it from the corpus; if it is text in another encoding, convert it to UTF-8 or declare its "
             "encoding in book.toml");
  return true;
}

// What the Markdown and HTML readers share across the book: the images read (each file once) and
// the front-matter keys no article used (reported once each, at the end).
struct MarkupShared {
  ImageReader& images;
  UnusedFrontMatterKeys& unused_keys;
};

// What an earlier build kept of the plain-text articles it read, and where this reading puts what
// it reads anew, for keeping.
struct KeptReading {
  const KeptTextArticles& kept;
  std::optional<KeptTextArticles::Read>& read_now;
  std::optional<std::string>& identity;  ///< the file's settled identity, taken before it is read
};

// One planned article, read and decoded; nullopt, with an error, if it is missing, unreadable or
// binary. `shared` may be null only for a plain-text article, whose reader needs nothing of it.
// With `keeping`, a plain-text article whose text an earlier build kept is copied, not parsed
// again, and one read now goes to keeping.read_now too; one in UTF-8 whose settled identity is
// the one kept is not even opened.
std::optional<model::Article> read_article(const core::FileSystem& files, const ManifestArticle& entry,
                                           bool by_manifest, const MarkupShared* shared, core::DiagnosticSink& sink,
                                           const KeptReading* keeping = nullptr) {
  const ArticleFormat format = article_format(entry.file);
  // UTF-8 only: a kept entry does not record the encoding its text was decoded from, and decoding
  // reports its warnings as it goes, which taking the entry would leave out.
  if (keeping != nullptr && format == ArticleFormat::text && entry.encoding == core::TextEncoding::utf8) {
    keeping->identity = files.settled_identity(entry.file);
    const KeptTextArticles::Read* unchanged =
        keeping->identity ? keeping->kept.find_unchanged(entry.file, *keeping->identity) : nullptr;
    if (unchanged != nullptr) {
      unchanged->diagnostics.report_to(sink);
      model::Article article = unchanged->article;
      apply_listed_provenance(article.provenance, entry.fields);
      return article;
    }
  }
  std::optional<std::string> bytes = files.read_file(entry.file);
  // The identity names these bytes only if the file did not change while they were read.
  if (keeping != nullptr && keeping->identity && files.settled_identity(entry.file) != keeping->identity) {
    keeping->identity.reset();
  }
  if (!bytes) {
    const bool missing = by_manifest && !files.exists(entry.file);
    sink.error(entry.location, missing ? "'" + entry.file + "' is listed in book.toml but does not exist"
                                       : "cannot read '" + entry.file + "'");
    return std::nullopt;
  }
  // Not const: an article read for keeping gives its text to what is kept.
  std::string text = entry.encoding == core::TextEncoding::utf8
                         ? std::move(*bytes)
                         : decode_article(entry.file, *bytes, entry.encoding, sink);
  assert(shared != nullptr || format == ArticleFormat::text);
  // The same text was not binary before either.
  const KeptTextArticles::Read* found =
      keeping != nullptr && format == ArticleFormat::text ? keeping->kept.find(entry.file, text) : nullptr;
  if (found == nullptr && refuse_binary(entry.file, text, sink)) return std::nullopt;
  model::Article article;
  if (found != nullptr) {
    found->diagnostics.report_to(sink);
    article = found->article;
  } else if (format == ArticleFormat::markdown) {
    article = read_markdown_article(entry.file, text, shared->images, shared->unused_keys, sink);
  } else if (format == ArticleFormat::html) {
    article = read_html_article(entry.file, text, shared->images, sink);
  } else if (keeping != nullptr) {
    KeptTextArticles::Read& read = keeping->read_now.emplace();
    read.article = read_text_article(entry.file, text, read.diagnostics);
    read.diagnostics.report_to(sink);
    read.text = std::move(text);  // the last use of `text`
    read.identity = keeping->identity;
    article = read.article;
  } else {
    article = read_text_article(entry.file, text, sink);
  }
  // The checksum is of the file as it is on disk, whatever it was decoded to.
  if (entry.encoding != core::TextEncoding::utf8) article.provenance.sha256 = core::sha256_hex(*bytes);
  apply_listed_provenance(article.provenance, entry.fields);
  return article;
}

// A plain-text article read ahead of the book's order, on a thread of read_corpus's, with the
// diagnostics reading it gave, held to be reported in the book's order.
struct ReadAhead {
  std::optional<model::Article> article;
  core::DiagnosticList diagnostics;
  std::optional<KeptTextArticles::Read> read_now;  ///< for keeping, when read now rather than found kept
  std::optional<std::string> identity;             ///< for keeping: the file's settled identity
};

// How many articles the threads read ahead of the one the book takes next, at most: enough that a
// Markdown article read on the book's thread, or a long text one, leaves the threads work for as
// long, few enough that the articles waiting (a few kilobytes of model each) cost nothing next to
// the book they join.
constexpr std::size_t read_ahead_window = 32;

// Every non-empty prefix folder of `folder`, outermost first: "a", "a/b" for "a/b".
std::vector<std::string> enclosing_folders(const std::string& folder) {
  std::vector<std::string> out;
  for (std::size_t slash = folder.find('/'); slash != std::string::npos; slash = folder.find('/', slash + 1)) {
    out.push_back(folder.substr(0, slash));
  }
  if (!folder.empty()) out.push_back(folder);
  return out;
}

// A folder is one part of the book, so its articles must follow one another in book.toml; an
// entry listed after its folder was left is an error, and is dropped so that no part is split.
std::vector<ManifestArticle> keep_folders_together(std::vector<ManifestArticle> planned, core::DiagnosticSink& sink) {
  std::vector<ManifestArticle> kept;
  std::set<std::string> left;
  std::vector<std::string> current;
  for (ManifestArticle& entry : planned) {
    const std::string folder = folder_of_file(entry.file);
    for (const std::string& open : current) {
      if (folder != open && !folder.starts_with(open + "/")) left.insert(open);
    }
    const std::vector<std::string> enclosing = enclosing_folders(folder);
    const auto split =
        std::find_if(enclosing.begin(), enclosing.end(), [&](const std::string& f) { return left.contains(f); });
    if (split != enclosing.end()) {
      sink.error(entry.location, "'" + entry.file + "' is listed apart from the other articles in '" + *split + "/'",
                 "a folder is a part of the book: list its articles one after another");
      continue;
    }
    current = enclosing;
    kept.push_back(std::move(entry));
  }
  return kept;
}

// The title a folder's README (or index page) gives it: its front matter's, else its first
// heading. Read quietly: the file is read again, with its diagnostics, if it is also an article.
std::optional<GivenTitle> readme_title(const core::FileSystem& files, const std::string& folder) {
  for (const char* name : {"README.md", "readme.md", "Readme.md", "index.md", "_index.md"}) {
    const std::string path = folder + "/" + name;
    if (!files.resolve_inside(path)) continue;  // a link out of the corpus is never read
    const std::optional<std::string> bytes = files.read_file(path);
    if (!bytes) continue;
    core::DiagnosticList quiet;
    const model::Article readme = read_markdown_article(path, *bytes, quiet);
    if (!readme.title.empty()) return GivenTitle{readme.title, {path, 1, 1}};
    for (const model::Block& block : readme.blocks) {
      if (block.kind != model::BlockKind::heading) continue;
      const std::string title = model::plain_text(block.inlines);
      if (title.find_first_not_of(" \t") != std::string::npos) return GivenTitle{title, block.location};
    }
  }
  return std::nullopt;
}

}  // namespace

Corpus read_corpus(const core::FileSystem& files, core::DiagnosticSink& sink, core::Progress& progress,
                   std::size_t jobs, KeptTextArticles* kept) {
  Corpus corpus;
  model::Book& book = corpus.book;
  const std::optional<Manifest> manifest = read_manifest_file(files, sink);
  fill_metadata(book, manifest, files);

  // The folder, its sub-folders included, less what book.toml excludes. A folder every path of
  // which is excluded ("drafts/**") is not even read.
  const std::vector<ManifestString> no_patterns;
  const std::vector<ManifestString>& exclude = manifest ? manifest->exclude : no_patterns;
  std::vector<bool> pattern_used(exclude.size(), false);
  core::ListOptions options;
  options.skip_folder = [&](const std::string& folder) {
    for (std::size_t i = 0; i < exclude.size(); ++i) {
      if (!glob_covers_folder(exclude[i].value, folder)) continue;
      pattern_used[i] = true;
      return true;
    }
    return false;
  };
  std::vector<std::string> listing;
  for (std::string& file : files.list_files(sink, options)) {
    bool excluded = false;
    for (std::size_t i = 0; i < exclude.size() && !excluded; ++i) {
      excluded = glob_match(exclude[i].value, file);
      if (excluded) pattern_used[i] = true;
    }
    if (!excluded) listing.push_back(std::move(file));
  }

  // Which files, in which order, with what the manifest says about each.
  std::vector<ManifestArticle> planned;
  const bool by_manifest = manifest && manifest->parsed && manifest->lists_articles;
  if (by_manifest) {
    std::unordered_set<std::string> listed;
    listed.reserve(manifest->articles.size());
    // The listing followed no link out of the corpus (list_files), so a file it found needs no
    // second look: one lstat less per article, on the thread every reading thread waits for.
    const std::unordered_set<std::string_view> found(listing.begin(), listing.end());
    for (const ManifestArticle& entry : manifest->articles) {
      listed.insert(entry.file);
      if (article_format(entry.file) == ArticleFormat::other) {
        const std::optional<std::string> meant = article_name_for(entry.file);
        sink.error(entry.location, "expected a " + std::string(article_kinds) + " file, found '" + entry.file + "'",
                   meant ? "rename it to '" + *meant + "'" : "");
        continue;
      }
      if (!found.contains(entry.file) && !files.resolve_inside(entry.file)) {
        sink.error(entry.location, "expected a file inside the corpus folder, found '" + entry.file +
                                       "', a symbolic link to outside it");
        continue;
      }
      planned.push_back(entry);
    }
    planned = keep_folders_together(std::move(planned), sink);
    for (const std::string& file : listing) {
      if (listed.contains(file)) continue;
      // An error, not a warning: a book that lacks part of its corpus is never written without
      // one. Whoever wants the file out of the book says so with `exclude`.
      if (is_listable_article(file)) {
        sink.error(manifest->articles_location, "'" + file + "' is in the corpus folder but not listed in book.toml",
                   "list it under [[articles]], or leave it out with exclude = [\"" + file + "\"]");
      }
      warn_near_miss(file, sink);
    }
  } else {
    for (const std::string& file : listing) {
      if (is_listable_article(file)) planned.push_back({file, {}, {file, 0, 0}});
      warn_near_miss(file, sink);
    }
  }
  for (std::size_t i = 0; i < exclude.size(); ++i) {
    if (!pattern_used[i])
      sink.warning(exclude[i].location, "exclude pattern '" + exclude[i].value + "' matches no file");
  }

  book.articles.reserve(planned.size());
  TitleSources titles;
  ImageReader images(files);
  UnusedFrontMatterKeys unused_keys;  // reported once per key for the whole book, below
  const MarkupShared shared{images, unused_keys};
  progress.stage("Reading", planned.size(), "articles");
  // Plain-text articles are read on `jobs` threads ahead of the book's order (reading the bench's
  // 500 .txt articles was the first 10 % of a build, on one thread while the others waited);
  // Markdown and HTML ones here, in order: cmark-gfm marks its extensions' special characters in a
  // table every parser shares while one parses (github/cmark-gfm pull request 176), and both
  // readers share `shared`. Whatever the threads, the book and its diagnostics come in the same
  // order.
  core::OrderedPool<std::optional<ReadAhead>> ahead(
      jobs, planned.size(), read_ahead_window, [&](std::size_t index) -> std::optional<ReadAhead> {
        const ManifestArticle& entry = planned[index];
        if (article_format(entry.file) != ArticleFormat::text) return std::nullopt;
        ReadAhead read;
        if (kept == nullptr) {
          read.article = read_article(files, entry, by_manifest, nullptr, read.diagnostics);
        } else {
          const KeptReading keeping{*kept, read.read_now, read.identity};
          read.article = read_article(files, entry, by_manifest, nullptr, read.diagnostics, &keeping);
        }
        return read;
      });
  for (const ManifestArticle& entry : planned) {
    std::optional<ReadAhead> read = ahead.take();
    std::optional<model::Article> article;
    if (read) {
      read->diagnostics.report_to(sink);
      article = std::move(read->article);
      if (kept != nullptr && read->read_now) {
        kept->keep(entry.file, std::move(*read->read_now));
      } else if (kept != nullptr && article) {
        kept->keep_found(entry.file, std::move(read->identity));
      }
    } else {
      article = read_article(files, entry, by_manifest, &shared, sink);
    }
    if (article) {
      titles.articles.push_back({entry.fields.title, entry.location});
      book.articles.push_back(std::move(*article));
    }
    progress.advance();
  }
  unused_keys.report(sink);
  if (kept != nullptr) kept->finish_build();

  // Folders become parts; then every title is chosen, the parts' with the rest.
  book.parts = parts_from_folders(book.articles);
  if (manifest) {
    titles.book_title_given = manifest->title.has_value();
    for (const ManifestPart& part : manifest->parts)
      titles.parts.emplace(part.folder, GivenTitle{part.title, part.location});
  }
  for (const model::Part& part : book.parts) {
    if (std::optional<GivenTitle> title = readme_title(files, part.folder))
      titles.readmes.emplace(part.folder, std::move(*title));
  }
  choose_titles(book, titles, sink);

  if (book.articles.empty()) {
    sink.error({manifest ? manifest_path : "", 0, 0}, "expected at least one article, found none",
               "add " + std::string(article_kinds) + " files to the corpus folder, or list them in book.toml");
  }
  if (manifest) corpus.style = manifest->style;
  return corpus;
}

}  // namespace octavo::import
