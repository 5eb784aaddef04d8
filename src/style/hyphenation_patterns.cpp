#include "style/hyphenation_patterns.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <memory>

namespace octavo::style {
namespace {

// Language tags are case-insensitive (BCP 47 §2.1.1): compared in ASCII lower case.
std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Regions whose English follows British spelling and so British hyphenation (Debian's hyphen-en-gb
// links en_AU and en_ZA to it as well).
constexpr std::array<std::string_view, 5> british_regions{"gb", "au", "nz", "ie", "za"};

// The warning for patterns of `language`, read from `label`, that libhyphen cannot load.
void warn_unloadable(std::string_view language, const std::string& label, core::DiagnosticSink& sink) {
  sink.warning({label + "/" + hyphenation_pattern_file(language)->file, 0, 0},
               "expected hyphenation patterns, found no readable pattern file",
               "paragraphs are set without hyphenation");
}

// `bytes`, the patterns of `language` read from `label`, loaded (for the words of `text()` when
// the file is large and `text` is given); with a warning when libhyphen cannot load them.
layout::Hyphenator hyphenator_from(const std::string& bytes, std::string_view language, const std::string& label,
                                   core::DiagnosticSink& sink, const TextToSet& text) {
  if (bytes.empty()) return {};
  layout::Hyphenator hyphenator = text && bytes.size() >= layout::Hyphenator::large_patterns
                                      ? layout::Hyphenator(bytes, text())
                                      : layout::Hyphenator(bytes);
  if (hyphenator.empty()) warn_unloadable(language, label, sink);
  return hyphenator;
}

}  // namespace

std::optional<PatternFile> hyphenation_pattern_file(std::string_view language) {
  const std::string tag = lower(language);
  const std::size_t dash = tag.find('-');
  const std::string primary = tag.substr(0, dash);
  // The region is the first two-letter subtag after the primary one ("en-Latn-GB" has a script first).
  std::string region;
  for (std::size_t at = dash; at != std::string::npos && region.empty();) {
    const std::size_t next = tag.find('-', at + 1);
    const std::string subtag = tag.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
    if (subtag.size() == 2) region = subtag;
    at = next;
  }
  if (primary == "en") {
    const bool british = std::find(british_regions.begin(), british_regions.end(), region) != british_regions.end();
    return british ? PatternFile{"hyph_en_GB.dic", "hyphen-en-gb"} : PatternFile{"hyph_en_US.dic", "hyphen-en-us"};
  }
  // Debian's hyphen-de links every German region's file (de_AT, de_CH, …) to the de_DE patterns.
  if (primary == "de") return PatternFile{"hyph_de_DE.dic", "hyphen-de"};
  if (primary == "fr") return PatternFile{"hyph_fr.dic", "hyphen-fr"};
  return std::nullopt;
}

std::string read_hyphenation_patterns(std::string_view language, const core::FileSystem& patterns,
                                      const std::string& label, core::DiagnosticSink& sink) {
  const std::optional<PatternFile> source = hyphenation_pattern_file(language);
  if (!source) return {};
  const std::string path = label + "/" + source->file;
  if (!patterns.exists(source->file)) {
    sink.warning({path, 0, 0},
                 "expected hyphenation patterns for the language '" + std::string(language) + "', found none installed",
                 "install the Debian package " + source->package + "; paragraphs are set without hyphenation");
    return {};
  }
  std::optional<std::string> bytes = patterns.read_file(source->file);
  if (!bytes || bytes->empty()) {
    warn_unloadable(language, label, sink);
    return {};
  }
  return std::move(*bytes);
}

layout::Hyphenator load_hyphenator(std::string_view language, const core::FileSystem& patterns,
                                   const std::string& label, core::DiagnosticSink& sink, const TextToSet& text) {
  return hyphenator_from(read_hyphenation_patterns(language, patterns, label, sink), language, label, sink, text);
}

layout::Hyphenators load_hyphenators(std::string_view book_language,
                                     const std::vector<ArticleLanguage>& article_languages,
                                     const core::FileSystem& patterns, const std::string& label,
                                     core::DiagnosticSink& sink, const TextToSet& text, LoadedPatterns* loaded_before) {
  std::map<std::string, std::shared_ptr<const layout::Hyphenator>> by_file;
  // `asked_by`: the article the language is first named by, where a warning about it is reported
  // (the pattern file's path goes into the message); none for the book's language.
  const auto load = [&](std::string_view language,
                        const core::SourceLocation* asked_by) -> std::shared_ptr<const layout::Hyphenator> {
    const std::optional<PatternFile> file = hyphenation_pattern_file(language);
    if (!file) return nullptr;
    std::shared_ptr<const layout::Hyphenator>& loaded = by_file[file->file];
    if (loaded == nullptr) {
      core::DiagnosticList warnings;
      std::string bytes = read_hyphenation_patterns(language, patterns, label, warnings);
      // The same bytes an earlier build of this process loaded give the same patterns, and the
      // same warning when they give none.
      loaded = loaded_before != nullptr ? loaded_before->find(file->file, bytes) : nullptr;
      if (loaded != nullptr && loaded->empty()) warn_unloadable(language, label, warnings);
      if (loaded == nullptr) {
        loaded = std::make_shared<const layout::Hyphenator>(hyphenator_from(bytes, language, label, warnings, text));
        if (loaded_before != nullptr && !bytes.empty()) loaded_before->keep(file->file, std::move(bytes), loaded);
      }
      for (core::Diagnostic warning : warnings.all()) {
        if (asked_by != nullptr) {
          warning.message += " ('" + warning.location.path + "')";
          warning.location = *asked_by;
        }
        sink.report(std::move(warning));
      }
    }
    return loaded;
  };
  const std::shared_ptr<const layout::Hyphenator> book = load(book_language, nullptr);
  layout::Hyphenators hyphenators(book);
  const std::string book_tag = lower(book_language);
  std::map<std::string, core::SourceLocation> languages;  // each tag, with its first article
  for (const ArticleLanguage& article : article_languages) languages.emplace(article.language, article.article);
  for (const auto& [language, first_article] : languages) {
    if (language.empty()) continue;
    // A tag the book's narrows ("en" in an en-GB book, "de" in a de-CH one) is the book's
    // language: saved pages write a bare `lang="en"` whatever their spelling.
    const std::string tag = lower(language);
    const bool the_books =
        tag == book_tag || (book_tag.size() > tag.size() && book_tag.starts_with(tag) && book_tag[tag.size()] == '-');
    hyphenators.set(language, the_books ? book : load(language, &first_article));
  }
  if (loaded_before != nullptr) loaded_before->finish_build();
  return hyphenators;
}

}  // namespace octavo::style
