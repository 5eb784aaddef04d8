#include "import/manifest.hpp"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "core/language_tag.hpp"
#include "import/file_names.hpp"
#include "import/toml_values.hpp"

namespace octavo::import {

namespace {

constexpr std::string_view book_keys =
    "title, subtitle, author, authors, editor, language, publisher, date, identifier, slug, disclaimer, style, "
    "articles, parts, exclude";
constexpr std::string_view article_keys = "file, title, source, retrieved, author, encoding";
constexpr std::string_view part_keys = "folder, title";
constexpr const char* inside_hint =
    "paths are relative to the corpus folder, with '/' between folders, and stay inside it";

bool is_blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

class ManifestReader {
 public:
  ManifestReader(const std::string& path, core::DiagnosticSink& sink) : path_(path), sink_(sink) {}

  Manifest read(const toml::table& table) {
    manifest_.parsed = true;
    for (const auto& [key, value] : entries_in_file_order(table)) read_book_key(*key, *value);
    return std::move(manifest_);
  }

 private:
  void read_book_key(const toml::key& key, const toml::node& value) {
    const std::string_view name = key.str();
    if (name == "title") return read_string(name, value, manifest_.title);
    if (name == "subtitle") return read_string(name, value, manifest_.subtitle);
    if (name == "editor") return read_string(name, value, manifest_.editor);
    if (name == "language") return read_language(value);
    if (name == "publisher") return read_string(name, value, manifest_.publisher);
    if (name == "identifier") return read_string(name, value, manifest_.identifier);
    if (name == "slug") return read_string(name, value, manifest_.slug);
    if (name == "date") {
      if (std::optional<std::string> date = toml_date(value, name, path_, sink_)) {
        manifest_.date = ManifestString{*date, toml_location(value.source(), path_)};
      }
      return;
    }
    if (name == "author") {
      if (std::optional<std::string> author = toml_string(value, name, path_, sink_)) {
        if (!is_empty_value(name, value, *author)) manifest_.authors.push_back(*author);
      }
      return;
    }
    if (name == "authors") return read_authors(value);
    if (name == "disclaimer") return read_disclaimer(value);
    if (name == "articles") {
      manifest_.articles_location = toml_location(key.source(), path_);
      return read_articles(value);
    }
    if (name == "parts") return read_tables(value, "parts", [this](const toml::table& entry) { read_part(entry); });
    if (name == "exclude") return read_exclude(value);
    if (name == "style") {  // the page style: style::read_page_style checks it
      manifest_.style = style_choice(value, path_);
      return;
    }
    // An error, not a warning: a misspelt `titel` or `encodng` would otherwise be dropped and the
    // book built without what the manifest meant to say.
    report_unknown_key(key, "", book_keys, core::Severity::error, path_, sink_);
  }

  void read_string(std::string_view key, const toml::node& value, std::optional<ManifestString>& target) {
    std::optional<std::string> text = toml_string(value, key, path_, sink_);
    if (text && !is_empty_value(key, value, *text)) {
      target = ManifestString{std::move(*text), toml_location(value.source(), path_)};
    }
  }

  // True when the string read from `value` is empty. `title = ""` (or blank) is a value not filled
  // in, almost certainly a mistake: an error at the value, so that a book is never silently titled
  // after its folder. A value left empty by removing characters XML forbids was warned about
  // already, and counts as not given.
  bool is_empty_value(std::string_view key, const toml::node& value, const std::string& text) {
    if (!text.empty()) return false;
    const std::string& written = value.as_string()->get();
    if (is_blank(written)) {
      sink_.error(toml_location(value.source(), path_),
                  "expected text for '" + std::string(key) + "', found " +
                      (written.empty() ? "an empty string" : "only white space"),
                  "give a value, or leave '" + std::string(key) + "' out");
    }
    return true;
  }

  // epubcheck rejects a dc:language that is not a well-formed BCP 47 tag, so `check` must too,
  // and at the line that says it. A bad tag is not kept: the book stays in the default language.
  void read_language(const toml::node& value) {
    std::optional<ManifestString> language;
    read_string("language", value, language);
    if (!language) return;
    if (core::is_language_tag(language->value)) {
      manifest_.language = std::move(language);
      return;
    }
    std::string dashed = language->value;
    std::replace(dashed.begin(), dashed.end(), '_', '-');
    sink_.error(language->location,
                "expected a BCP 47 language tag such as 'en' or 'en-GB', found '" + language->value + "'",
                core::is_language_tag(dashed) ? "did you mean '" + dashed + "'?" : "");
  }

  void read_authors(const toml::node& value) {
    const toml::array* list = value.as_array();
    if (list == nullptr) {
      sink_.error(toml_location(value.source(), path_),
                  "expected an array of strings for 'authors', found " + toml_type_name(value));
      return;
    }
    for (const toml::node& element : *list) {
      if (std::optional<std::string> author = toml_string(element, "authors", path_, sink_)) {
        if (!is_empty_value("authors", element, *author)) manifest_.authors.push_back(*author);
      }
    }
  }

  void read_disclaimer(const toml::node& value) {
    // Untrimmed: the disclaimer's own line breaks are its paragraphs.
    std::optional<std::string> text = toml_untrimmed_string(value, "disclaimer", path_, sink_);
    if (!text) return;
    const core::SourceLocation at = toml_location(value.source(), path_);
    if (is_blank(*text)) {
      sink_.error(at, "disclaimer must not be empty: the book has to say its content is unreviewed");
    } else {
      manifest_.disclaimer = ManifestString{std::move(*text), at};
    }
  }

  void read_articles(const toml::node& value) {
    if (const toml::array* list = value.as_array()) {
      manifest_.lists_articles = true;
      manifest_.articles.reserve(list->size());
    }
    read_tables(value, "articles", [this](const toml::table& entry) { read_article(entry); });
  }

  void read_article(const toml::table& entry) {
    ManifestArticle article;
    bool has_file = false;
    bool file_is_string = false;
    for (const auto& [key, value] : entries_in_file_order(entry)) {
      if (key->str() == "file") {
        has_file = true;
        if (std::optional<std::string> file = toml_string(*value, "file", path_, sink_)) {
          article.file = *file;
          file_is_string = true;
        }
        article.location = toml_location(value->source(), path_);
      } else if (key->str() == "encoding") {
        read_encoding(*value, article.encoding);
      } else if (!read_article_field(key->str(), *value, article.fields, path_, sink_)) {
        report_unknown_key(*key, " in an [[articles]] entry", article_keys, core::Severity::error, path_, sink_);
      }
    }
    if (!has_file) {
      sink_.error(toml_location(entry.source(), path_), "expected a 'file' key in this [[articles]] entry");
      return;
    }
    if (!file_is_string) return;  // the wrong type was reported
    // A path that leaves the corpus folder could read any file of the machine into the book.
    if (!is_corpus_path(article.file)) {
      sink_.error(article.location, "expected a file path inside the corpus folder, found '" + article.file + "'",
                  inside_hint);
      return;
    }
    auto [first, inserted] = first_listed_.try_emplace(article.file, article.location.line);
    if (!inserted) {
      sink_.error(article.location, "duplicate entry for '" + article.file + "' (first listed at line " +
                                        std::to_string(first->second) + ")");
      return;
    }
    manifest_.articles.push_back(std::move(article));
  }

  template <typename ReadEntry>
  void read_tables(const toml::node& value, std::string_view key, const ReadEntry& read_entry) {
    const toml::array* list = value.as_array();
    if (list == nullptr) {
      sink_.error(toml_location(value.source(), path_),
                  "expected an array of tables for '" + std::string(key) + "', found " + toml_type_name(value));
      return;
    }
    for (const toml::node& element : *list) {
      if (const toml::table* entry = element.as_table()) {
        read_entry(*entry);
      } else {
        sink_.error(toml_location(element.source(), path_),
                    "expected a table for each entry of '" + std::string(key) + "', found " + toml_type_name(element));
      }
    }
  }

  void read_part(const toml::table& entry) {
    std::optional<ManifestString> folder;
    std::optional<ManifestString> title;
    for (const auto& [key, value] : entries_in_file_order(entry)) {
      const core::SourceLocation at = toml_location(value->source(), path_);
      if (key->str() == "folder" || key->str() == "title") {
        std::optional<std::string> text = toml_string(*value, key->str(), path_, sink_);
        if (!text) continue;  // the wrong type was reported
        if (text->empty()) {
          sink_.error(at, "expected a non-empty string for '" + std::string(key->str()) + "', found \"\"");
          continue;
        }
        (key->str() == "folder" ? folder : title) = ManifestString{std::move(*text), at};
      } else {
        report_unknown_key(*key, " in a [[parts]] entry", part_keys, core::Severity::error, path_, sink_);
      }
    }
    const core::SourceLocation entry_at = toml_location(entry.source(), path_);
    if (!folder || !title) {
      sink_.error(folder ? folder->location : entry_at,
                  std::string("expected a '") + (folder ? "title" : "folder") + "' key in this [[parts]] entry");
      return;
    }
    if (folder->value.size() > 1 && folder->value.back() == '/') folder->value.pop_back();
    if (!is_corpus_path(folder->value)) {
      sink_.error(folder->location, "expected a folder path inside the corpus folder, found '" + folder->value + "'",
                  inside_hint);
      return;
    }
    for (const ManifestPart& earlier : manifest_.parts) {
      if (earlier.folder == folder->value) {
        sink_.error(folder->location, "duplicate entry for the folder '" + folder->value + "' (first listed at line " +
                                          std::to_string(earlier.location.line) + ")");
        return;
      }
    }
    manifest_.parts.push_back({std::move(folder->value), std::move(title->value), folder->location});
  }

  void read_exclude(const toml::node& value) {
    const toml::array* list = value.as_array();
    if (list == nullptr) {
      sink_.error(toml_location(value.source(), path_),
                  "expected an array of strings for 'exclude', found " + toml_type_name(value));
      return;
    }
    for (const toml::node& element : *list) {
      std::optional<std::string> pattern = toml_string(element, "exclude", path_, sink_);
      if (!pattern) continue;
      const core::SourceLocation at = toml_location(element.source(), path_);
      if (pattern->empty() || pattern->front() == '/') {
        sink_.error(at, "expected a pattern relative to the corpus folder, found '" + *pattern + "'",
                    "for example \"drafts/**\" or \"*/README.md\"");
        continue;
      }
      // "drafts/" names the folder, as in .gitignore: everything inside it.
      if (pattern->back() == '/') *pattern += "**";
      manifest_.exclude.push_back({std::move(*pattern), at});
    }
  }

  // An encoding Octavo cannot decode is an error: guessing would put the wrong letters in the book.
  void read_encoding(const toml::node& value, core::TextEncoding& target) {
    std::optional<std::string> label = toml_string(value, "encoding", path_, sink_);
    if (!label) return;
    if (std::optional<core::TextEncoding> encoding = core::text_encoding_named(*label)) {
      target = *encoding;
      return;
    }
    sink_.error(toml_location(value.source(), path_),
                "expected 'utf-8', 'windows-1252' or 'latin-1' for 'encoding', found '" + *label + "'",
                "convert the file to UTF-8 (for example with iconv) and leave 'encoding' out");
  }

  const std::string& path_;
  core::DiagnosticSink& sink_;
  Manifest manifest_;
  std::unordered_map<std::string, int> first_listed_;  // file → line, to find duplicates in O(1)
};

}  // namespace

Manifest read_manifest(std::string_view text, core::DiagnosticSink& sink, const std::string& path) {
  const std::optional<toml::table> table = parse_toml(text, path, sink);
  if (!table) return Manifest{};
  return ManifestReader(path, sink).read(*table);
}

}  // namespace octavo::import
