// Hyphenation patterns are data, chosen by language: a BCP 47 tag → the Debian libhyphen pattern
// file (package hyphen-*) and its bytes, read through a core::FileSystem rooted at the patterns'
// folder (/usr/share/hyphen). compile.cpp makes a layout::Hyphenator from them.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/file_system.hpp"
#include "layout/hyphenator.hpp"
#include "layout/hyphenators.hpp"
#include "style/loaded_patterns.hpp"

namespace octavo::style {

/// Where a language's patterns are: a file of Debian's hyphen-* packages.
struct PatternFile {
  std::string file;     ///< "hyph_en_US.dic", in /usr/share/hyphen
  std::string package;  ///< "hyphen-en-us"
};

/// The pattern file for `language` (a BCP 47 tag, any case): en (en-GB, en-AU, en-NZ, en-IE,
/// en-ZA: British patterns; other regions: US), de, fr. Nullopt for a language Octavo has no
/// patterns for (its books are set without hyphenation, silently).
std::optional<PatternFile> hyphenation_pattern_file(std::string_view language);

/// The bytes of `language`'s patterns from `patterns`, whose files are reported as
/// `label`/<file>. Empty, with one warning, when the file is not there (naming the language and
/// the package to install) or cannot be read ("expected hyphenation patterns, found no readable
/// pattern file"); empty without one for a language with no patterns. Never throws.
std::string read_hyphenation_patterns(std::string_view language, const core::FileSystem& patterns,
                                      const std::string& label, core::DiagnosticSink& sink);

/// The text whose words a book's patterns are loaded for (layout::text_to_set), asked for only
/// when a pattern file is large enough to be loaded so, and then once.
using TextToSet = std::function<const std::string&()>;

/// read_hyphenation_patterns, loaded (for the words of `text()` when the file has
/// layout::Hyphenator::large_patterns bytes or more and `text` is given): an empty Hyphenator when
/// there are no patterns, and also, with the "expected hyphenation patterns, found no readable
/// pattern file" warning, when libhyphen cannot load the bytes. Never throws.
layout::Hyphenator load_hyphenator(std::string_view language, const core::FileSystem& patterns,
                                   const std::string& label, core::DiagnosticSink& sink, const TextToSet& text = {});

/// A language an article is written in (front matter `lang`, `<html lang>`), and where the article is.
struct ArticleLanguage {
  std::string language;  ///< a BCP 47 tag; empty: the book's
  core::SourceLocation article;
};

/// The patterns of a whole book: load_hyphenator's for `book_language`, and for each other language
/// in `article_languages` (empty ones and repeats are fine). A warning about an article's language
/// is reported at the first article written in it, naming the pattern file. Each pattern
/// file is read once, in the order of the languages' tags, so its warning comes once; languages
/// with one pattern file share its Hyphenator (an en-GB article in an en-AU book, the book's). A
/// tag that the book's narrows is the book's language ("en" in an en-GB book: British patterns).
/// Each is loaded for the words of `text()`, as load_hyphenator says. With `loaded_before`, a
/// file whose very bytes an earlier build kept there is not loaded again, what is loaded now is
/// kept for the next build (LoadedPatterns::keep says which), and files no language asked for
/// this time are forgotten.
layout::Hyphenators load_hyphenators(std::string_view book_language,
                                     const std::vector<ArticleLanguage>& article_languages,
                                     const core::FileSystem& patterns, const std::string& label,
                                     core::DiagnosticSink& sink, const TextToSet& text = {},
                                     LoadedPatterns* loaded_before = nullptr);

}  // namespace octavo::style
