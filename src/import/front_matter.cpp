#include "import/front_matter.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <sstream>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/fixed_clock.hpp"
#include "core/language_tag.hpp"
#include "import/clean_text.hpp"
#include "import/toml_values.hpp"
#include "import/yaml_front_matter.hpp"

namespace octavo::import {

namespace {

constexpr std::string_view toml_fence = "+++";
constexpr std::string_view yaml_fence = "---";
constexpr std::string_view yaml_end = "...";  // YAML's own document end marker, which pandoc also accepts

// How a field's value is checked.
enum class Kind { text, names, date, language };

// Each field with its keys in order of priority: the first one given is read, and any other
// one given is reported as unused.
struct FieldRule {
  std::array<std::string_view, 3> keys;
  std::string ArticleFields::*field;
  Kind kind;
};

const FieldRule field_rules[] = {
    {{"title"}, &ArticleFields::title, Kind::text},
    {{"author", "authors"}, &ArticleFields::author, Kind::names},
    {{"date"}, &ArticleFields::date, Kind::text},
    {{"source", "canonical_url", "url"}, &ArticleFields::source, Kind::text},
    {{"retrieved"}, &ArticleFields::retrieved, Kind::date},
    {{"lang", "language"}, &ArticleFields::language, Kind::language},
    {{"description"}, &ArticleFields::description, Kind::text},
};

bool is_known_key(std::string_view key) {
  for (const FieldRule& rule : field_rules) {
    for (const std::string_view known : rule.keys) {
      if (!known.empty() && known == key) return true;
    }
  }
  return false;
}

bool is_line(const std::string& text, std::string_view fence) {
  const std::size_t end = text.find_last_not_of(" \t");
  return end != std::string::npos && std::string_view(text).substr(0, end + 1) == fence;
}

// Values are short, one-line facts: YAML folding and TOML multi-line strings leave line breaks
// and runs of spaces in them that the books would print, so white space is collapsed to one
// space, and characters XML forbids are removed (escapes can produce them).
std::string clean_value(const std::string& text, const core::SourceLocation& at, core::DiagnosticSink& sink) {
  const CleanText cleaned = clean_text(text);
  warn_removed(cleaned, at, sink);
  std::string out;
  bool space = false;
  for (const char c : cleaned.text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

class FieldReader {
 public:
  FieldReader(UnusedFrontMatterKeys& unused, core::DiagnosticSink& sink) : unused_(unused), sink_(sink) {}

  void read(const std::vector<FrontMatterEntry>& entries, ArticleFields& fields) {
    read_fields(entries, fields);
    // In the order they are written, whichever reason left them unused.
    std::sort(unused_entries_.begin(), unused_entries_.end(), [](const FrontMatterEntry* a, const FrontMatterEntry* b) {
      return std::make_pair(a->key_at.line, a->key_at.column) < std::make_pair(b->key_at.line, b->key_at.column);
    });
    for (const FrontMatterEntry* entry : unused_entries_) unused_.add(entry->key, entry->key_at);
  }

 private:
  void read_fields(const std::vector<FrontMatterEntry>& entries, ArticleFields& fields) {
    std::unordered_map<std::string_view, const FrontMatterEntry*> first;
    for (const FrontMatterEntry& entry : entries) {
      const bool known = is_known_key(entry.key);
      if (!first.try_emplace(entry.key, &entry).second) {
        // TOML forbids repeats; YAML only discourages them, and yaml-cpp keeps them all.
        if (known) {
          sink_.warning(entry.key_at, "expected each key once in the front matter, found '" + entry.key +
                                          "' again; the first is used");
        }
        continue;
      }
      if (!known) unused_entries_.push_back(&entry);
    }
    for (const FieldRule& rule : field_rules) {
      bool given = false;
      for (const std::string_view key : rule.keys) {
        const auto it = key.empty() ? first.end() : first.find(key);
        if (it == first.end() || it->second->shape == FrontMatterShape::empty) continue;
        const FrontMatterEntry& entry = *it->second;
        if (given) {
          unused_entries_.push_back(&entry);
          continue;
        }
        given = true;
        if (std::optional<std::string> value = read_value(entry, rule.kind)) fields.*rule.field = std::move(*value);
      }
    }
  }

  std::optional<std::string> read_value(const FrontMatterEntry& entry, Kind kind) {
    if (entry.shape == FrontMatterShape::list && kind == Kind::names) {
      std::string names;
      for (const std::string& item : entry.texts) {
        const std::string name = clean_value(item, entry.value_at, sink_);
        if (name.empty()) continue;
        if (!names.empty()) names += ", ";
        names += name;
      }
      return names;
    }
    // A value of another shape is the site's own use of a known key: a scraped page must not stop
    // the book, so it is a warning, and the key is left out.
    if (entry.shape != FrontMatterShape::text) {
      const char* wanted = kind == Kind::names ? "a string or a list of strings" : "a string";
      if (kind == Kind::date) wanted = "a date (YYYY-MM-DD)";
      sink_.warning(entry.value_at, std::string("expected ") + wanted + " for '" + entry.key + "', found " +
                                        entry.found + "; the key is left out");
      return std::nullopt;
    }
    std::string text = clean_value(entry.texts.front(), entry.value_at, sink_);
    if (kind == Kind::date) {
      // A date, or a date and time as sites and SingleFile write them (2025-01-31T10:00:00Z,
      // 2025-01-31 10:00:00 +0100), of which the date is kept.
      const std::string date = text.substr(0, 10);
      const bool time_follows =
          text.size() > 11 && (text[10] == 'T' || text[10] == ' ') && text[11] >= '0' && text[11] <= '9';
      const std::optional<core::Timestamp> parsed = core::parse_iso_timestamp(date);
      if (!parsed || (text.size() != 10 && !time_follows)) {
        sink_.warning(entry.value_at, "expected a date (YYYY-MM-DD) for '" + entry.key + "', found '" + text +
                                          "'; the key is left out");
        return std::nullopt;
      }
      return parsed->iso_date();
    }
    if (kind == Kind::language && !text.empty() && !core::is_language_tag(text)) {
      sink_.warning(entry.value_at, "expected a BCP 47 language tag for '" + entry.key + "', found '" + text +
                                        "'; the article is in the book's language");
      return std::nullopt;
    }
    return text;
  }

  UnusedFrontMatterKeys& unused_;
  core::DiagnosticSink& sink_;
  std::vector<const FrontMatterEntry*> unused_entries_;
};

// A person written as a table (`author = { name = "Ada" }`, `[[authors]]`) stands for its name;
// nullptr for anything else.
const toml::value<std::string>* name_of(const toml::node& value) {
  const toml::table* table = value.as_table();
  return table == nullptr ? nullptr : table->get_as<std::string>("name");
}

// toml++ has parsed the whole table already, and TOML has no aliases: every value is described.
std::vector<FrontMatterEntry> toml_entries(const toml::table& table, const std::string& path) {
  std::vector<FrontMatterEntry> entries;
  for (const auto& [key, value] : entries_in_file_order(table)) {
    FrontMatterEntry entry;
    entry.key = std::string(key->str());
    entry.key_at = toml_location(key->source(), path);
    entry.value_at = toml_location(value->source(), path);
    entry.found = toml_type_name(*value);
    entry.shape = FrontMatterShape::text;
    std::ostringstream written;  // a bare TOML date (date = 2026-11-23) is as clear as a quoted one
    if (const auto* text = value->as_string()) {
      entry.texts.push_back(text->get());
    } else if (const auto* date = value->as_date()) {
      written << date->get();
    } else if (const auto* time = value->as_time()) {
      written << time->get();
    } else if (const auto* date_time = value->as_date_time()) {
      written << date_time->get();
    } else if (const auto* name = name_of(*value)) {
      entry.texts.push_back(name->get());
    } else if (const auto* array = value->as_array()) {
      entry.shape = FrontMatterShape::list;
      for (const toml::node& item : *array) {
        const auto* text_item = item.as_string() != nullptr ? item.as_string() : name_of(item);
        if (text_item != nullptr) {
          entry.texts.push_back(text_item->get());
          continue;
        }
        entry.shape = FrontMatterShape::other;
        entry.found = "an array holding " + toml_type_name(item);
        entry.texts.clear();
        break;
      }
    } else {
      entry.shape = FrontMatterShape::other;
    }
    if (!written.str().empty()) entry.texts.push_back(written.str());
    entries.push_back(std::move(entry));
  }
  return entries;
}

std::size_t block_bytes(const std::vector<SourceLine>& lines, std::size_t first, std::size_t end) {
  std::size_t bytes = 0;
  for (std::size_t i = first; i < end; ++i) bytes += lines[i].text.size() + 1;
  return bytes;
}

}  // namespace

FrontMatter read_front_matter(const std::vector<SourceLine>& lines, const std::string& path,
                              UnusedFrontMatterKeys& unused, core::DiagnosticSink& sink) {
  FrontMatter front;
  if (lines.empty()) return front;
  const bool yaml = is_line(lines[0].text, yaml_fence);
  if (!yaml && !is_line(lines[0].text, toml_fence)) return front;
  std::size_t close = 1;
  while (close < lines.size() && !is_line(lines[close].text, yaml ? yaml_fence : toml_fence) &&
         !(yaml && is_line(lines[close].text, yaml_end))) {
    ++close;
  }
  if (close == lines.size()) {
    // A first "---" with no second one is a thematic break, common enough to pass in silence.
    if (!yaml) {
      sink.warning({path, lines[0].number, 1},
                   "expected a closing '+++' line for the front matter; reading it as text");
    }
    return front;
  }
  const core::SourceLocation at{path, lines[0].number, 1};
  if (const std::size_t bytes = block_bytes(lines, 1, close); bytes > max_front_matter_bytes) {
    sink.error(at, "expected front matter of at most " + std::to_string(max_front_matter_bytes) + " bytes, found " +
                       std::to_string(bytes) + "; it is not read");
    front.body_begin = close + 1;
    return front;
  }
  std::vector<FrontMatterEntry> entries;
  if (yaml) {
    std::optional<YamlFrontMatter> read =
        read_yaml_front_matter(lines, 1, close, path, is_known_key, max_front_matter_bytes, sink);
    if (read && !read->is_mapping) {
      // "---", a paragraph, "---" is Markdown too (a rule and a setext heading), and reads as such.
      sink.warning(at, "expected 'key: value' lines between the '---' lines, found " + read->found +
                           "; reading them as Markdown");
      return front;
    }
    front.body_begin = close + 1;
    if (!read) return front;
    entries = std::move(read->entries);
  } else {
    // One empty line stands for the opening fence, so toml++ counts lines as the file does.
    std::string toml_text;
    for (std::size_t i = 1; i < close; ++i) toml_text += '\n' + lines[i].text;
    toml_text += '\n';
    front.body_begin = close + 1;
    const std::optional<toml::table> table = parse_toml(toml_text, path, sink);
    if (!table) return front;
    entries = toml_entries(*table, path);
  }
  FieldReader(unused, sink).read(entries, front.fields);
  return front;
}

}  // namespace octavo::import
