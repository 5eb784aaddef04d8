#include "import/toml_values.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "core/fixed_clock.hpp"
#include "import/clean_text.hpp"

namespace octavo::import {

std::optional<toml::table> parse_toml(std::string_view text, const std::string& path, core::DiagnosticSink& sink) {
  try {
    return toml::parse(text, std::string_view(path));
  } catch (const toml::parse_error& error) {
    sink.error(toml_location(error.source(), path), "toml syntax error: " + std::string(error.description()));
    return std::nullopt;
  }
}

core::SourceLocation toml_location(const toml::source_region& region, const std::string& path) {
  return {path, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

std::string toml_type_name(const toml::node& value) {
  switch (value.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a floating-point number";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    case toml::node_type::none: break;
  }
  return "nothing";
}

std::vector<std::pair<const toml::key*, const toml::node*>> entries_in_file_order(const toml::table& table) {
  std::vector<std::pair<const toml::key*, const toml::node*>> entries;
  entries.reserve(table.size());
  for (const auto& [key, value] : table) entries.emplace_back(&key, &value);
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    const toml::source_position& pa = a.first->source().begin;
    const toml::source_position& pb = b.first->source().begin;
    return pa.line != pb.line ? pa.line < pb.line : pa.column < pb.column;
  });
  return entries;
}

std::optional<std::string> toml_untrimmed_string(const toml::node& value, std::string_view key, const std::string& path,
                                                 core::DiagnosticSink& sink) {
  if (const auto* text = value.as_string()) {
    // TOML escapes reach every character ("\u0001", "\uFFFE"), and XML 1.0 forbids some of them:
    // left in, they empty <dc:title/> or <dc:creator/> and fail epubcheck (RSC-005).
    CleanText cleaned = clean_text(text->get());
    warn_removed(cleaned, toml_location(value.source(), path), sink);
    return std::move(cleaned.text);
  }
  sink.error(toml_location(value.source(), path),
             "expected a string for '" + std::string(key) + "', found " + toml_type_name(value));
  return std::nullopt;
}

std::optional<std::string> toml_string(const toml::node& value, std::string_view key, const std::string& path,
                                       core::DiagnosticSink& sink) {
  std::optional<std::string> text = toml_untrimmed_string(value, key, path, sink);
  if (!text) return std::nullopt;
  // Surrounding white space in a title or a name is never meant; a multi-line string's last
  // line ending is the common case.
  const std::size_t first = text->find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return std::string();
  return text->substr(first, text->find_last_not_of(" \t\r\n") - first + 1);
}

std::optional<std::string> toml_date(const toml::node& value, std::string_view key, const std::string& path,
                                     core::DiagnosticSink& sink) {
  std::string text;
  // A bare TOML date (date = 2026-11-23) is as clear as a quoted one, so both are accepted.
  if (const auto* date = value.as_date()) {
    const toml::date& d = date->get();
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04u-%02u-%02u", static_cast<unsigned>(d.year),
                  static_cast<unsigned>(d.month), static_cast<unsigned>(d.day));
    text = buffer;
  } else if (const auto* string = value.as_string()) {
    text = string->get();
  } else {
    sink.error(toml_location(value.source(), path),
               "expected a date (YYYY-MM-DD) for '" + std::string(key) + "', found " + toml_type_name(value));
    return std::nullopt;
  }
  const std::optional<core::Timestamp> parsed = core::parse_iso_timestamp(text);
  // parse_iso_timestamp also takes a full date-time; only the plain date is a valid value here.
  if (!parsed || text.size() != 10) {
    sink.error(toml_location(value.source(), path),
               "expected a date (YYYY-MM-DD) for '" + std::string(key) + "', found '" + clean_text(text).text + "'");
    return std::nullopt;
  }
  // The date as Octavo writes it, never the text as given: that is what the books print.
  return parsed->iso_date();
}

void report_unknown_key(const toml::key& key, std::string_view where, std::string_view known, core::Severity severity,
                        const std::string& path, core::DiagnosticSink& sink) {
  std::string message = "unknown key '" + std::string(key.str()) + "'" + std::string(where);
  if (severity == core::Severity::warning) message += " is ignored";
  sink.report({severity, toml_location(key.source(), path), std::move(message), "known keys: " + std::string(known)});
}

bool read_article_field(std::string_view key, const toml::node& value, ArticleFields& fields, const std::string& path,
                        core::DiagnosticSink& sink) {
  std::string* target = nullptr;
  if (key == "title") {
    target = &fields.title;
  } else if (key == "source") {
    target = &fields.source;
  } else if (key == "author") {
    target = &fields.author;
  } else if (key == "retrieved") {
    if (std::optional<std::string> date = toml_date(value, key, path, sink)) fields.retrieved = *date;
    return true;
  } else {
    return false;
  }
  if (std::optional<std::string> text = toml_string(value, key, path, sink)) *target = *text;
  return true;
}

StyleValue style_value(const toml::node& node, const std::string& path) {
  StyleValue value;
  value.location = toml_location(node.source(), path);
  value.type_name = toml_type_name(node);
  if (const auto* integer = node.as_integer()) {
    value.type = StyleValue::Type::integer;
    value.integer = integer->get();
  } else if (const auto* floating = node.as_floating_point()) {
    value.type = StyleValue::Type::floating;
    value.floating = floating->get();
  } else if (const auto* text = node.as_string()) {
    value.type = StyleValue::Type::string;
    value.text = text->get();
  }
  return value;
}

std::vector<StyleSetting> style_settings(const toml::table& table, const std::string& path) {
  std::vector<StyleSetting> settings;
  for (const auto& [key, node] : entries_in_file_order(table)) {
    settings.push_back(
        StyleSetting{std::string(key->str()), toml_location(key->source(), path), style_value(*node, path)});
  }
  return settings;
}

StyleChoice style_choice(const toml::node& node, const std::string& path) {
  StyleChoice choice;
  choice.given = true;
  choice.value = style_value(node, path);
  if (const toml::table* table = node.as_table()) {
    choice.table = true;
    choice.settings = style_settings(*table, path);
  }
  return choice;
}

}  // namespace octavo::import
