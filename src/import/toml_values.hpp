// Typed values out of a parsed TOML table, with diagnostics at file:line:col: shared by the
// manifest (book.toml) and the markdown front matter. The only header that includes toml++.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toml++/toml.h>

#include "core/diagnostics.hpp"
#include "import/article_fields.hpp"
#include "import/style_settings.hpp"

namespace octavo::import {

/// Parses `text` as TOML; on a syntax error reports toml++'s description at `path`:line:col
/// and returns nullopt.
std::optional<toml::table> parse_toml(std::string_view text, const std::string& path, core::DiagnosticSink& sink);

/// Where a TOML node begins, as a corpus location.
core::SourceLocation toml_location(const toml::source_region& region, const std::string& path);

/// "a string", "an integer", "an array", …: how messages name a TOML value's type.
std::string toml_type_name(const toml::node& value);

/// The entries of `table` in the order they appear in the file (toml++ iterates by key).
std::vector<std::pair<const toml::key*, const toml::node*>> entries_in_file_order(const toml::table& table);

/// The string held by `value`, without the characters XML 1.0 forbids (one warning at the value
/// when any were removed); nullopt, with "expected a string for 'key', found …", when it is not
/// a string.
std::optional<std::string> toml_untrimmed_string(const toml::node& value, std::string_view key, const std::string& path,
                                                 core::DiagnosticSink& sink);

/// toml_untrimmed_string, trimmed of surrounding white space: empty when nothing else is left.
std::optional<std::string> toml_string(const toml::node& value, std::string_view key, const std::string& path,
                                       core::DiagnosticSink& sink);

/// A calendar date given as a "YYYY-MM-DD" string or a TOML date, written back as Timestamp::iso_date()
/// does; nullopt, with "expected a date (YYYY-MM-DD) for 'key', found …", otherwise.
std::optional<std::string> toml_date(const toml::node& value, std::string_view key, const std::string& path,
                                     core::DiagnosticSink& sink);

/// Reports that `key` is unknown ("… is ignored" when `severity` is a warning); `known` lists the
/// keys allowed there, for the hint.
void report_unknown_key(const toml::key& key, std::string_view where, std::string_view known, core::Severity severity,
                        const std::string& path, core::DiagnosticSink& sink);

/// Stores `value` in `fields` when `key` is title, source, retrieved or author, reporting a wrong
/// type or a bad date; returns false (and reports nothing) for any other key.
bool read_article_field(std::string_view key, const toml::node& value, ArticleFields& fields, const std::string& path,
                        core::DiagnosticSink& sink);

/// The value of `node` as written, at `path`. Never fails.
StyleValue style_value(const toml::node& node, const std::string& path);

/// The entries of `table` in file order, at `path`. Empty for an empty table.
std::vector<StyleSetting> style_settings(const toml::table& table, const std::string& path);

/// The choice that `node`, book.toml's `style` value, makes (at `path`). Never fails.
StyleChoice style_choice(const toml::node& node, const std::string& path);

}  // namespace octavo::import
