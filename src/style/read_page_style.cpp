#include "style/read_page_style.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include "import/toml_values.hpp"
#include "style/style_keys.hpp"

namespace octavo::style {
namespace {

using core::Pt;

constexpr const char* manifest_path = "book.toml";

// Below this a measure (about 24 characters) leaves justified text full of rivers and the
// contents' leaders no room beside their page numbers.
constexpr double min_measure_ems = 12;

std::string points(Pt length) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, std::round(length.value * 100) / 100);
  return std::string(buffer, result.ptr) + " pt";
}

// A length written as a string: a number and a unit, with at most one space between them.
std::optional<double> parse_length(std::string_view text) {
  double number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end == text.data()) return std::nullopt;
  std::string_view unit = text.substr(static_cast<std::size_t>(end - text.data()));
  if (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
  if (unit == "pt") return number;
  // core::millimetres, so that "148mm" is exactly the A5 width the layout always had.
  if (unit == "mm") return core::millimetres(number).value;
  if (unit == "cm") return core::millimetres(number * 10).value;
  if (unit == "in") return number * 72;
  return std::nullopt;
}

struct Value {
  double number = 0;
  core::SourceLocation at;
  bool from_book = false;  // given in book.toml's [style] table, not the style file
};

class StyleReader {
 public:
  StyleReader(const core::FileSystem& styles, std::string styles_label, core::DiagnosticSink& sink)
      : styles_(styles), styles_label_(std::move(styles_label)), sink_(sink) {}

  std::optional<layout::PageStyle> read(const import::StyleChoice& choice) {
    std::string name = default_style_name;
    core::SourceLocation chosen_at{manifest_path, 0, 0};
    const std::vector<import::StyleSetting>* overrides = nullptr;
    if (choice.given) {
      chosen_at = choice.value.location;
      if (choice.table) {
        overrides = &choice.settings;
        for (const import::StyleSetting& setting : choice.settings) {
          if (setting.key != "base") continue;
          chosen_at = setting.value.location;
          if (setting.value.type == import::StyleValue::Type::string) {
            name = setting.value.text;
          } else {
            error(chosen_at, "expected a style name for 'base', found " + setting.value.type_name);
          }
        }
      } else if (choice.value.type == import::StyleValue::Type::string) {
        name = choice.value.text;
      } else {
        error(chosen_at, "expected a style name or a [style] table for 'style', found " + choice.value.type_name);
      }
    }
    if (!read_style_file(name, chosen_at)) return std::nullopt;
    if (overrides != nullptr) read_values(*overrides, true);
    if (failed_) return std::nullopt;
    layout::PageStyle style = make_style();
    check_geometry(style);
    if (failed_) return std::nullopt;
    return style;
  }

 private:
  void error(const core::SourceLocation& at, std::string message, std::string hint = {}) {
    sink_.error(at, std::move(message), std::move(hint));
    failed_ = true;
  }

  std::string available_styles() const {
    std::string out;
    for (const std::string& file : styles_.list_files(sink_)) {
      if (file.size() > 5 && file.ends_with(".toml"))
        out += (out.empty() ? "" : ", ") + file.substr(0, file.size() - 5);
    }
    return out;
  }

  bool read_style_file(const std::string& name, const core::SourceLocation& chosen_at) {
    const bool plain = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
    const std::optional<std::string> text = plain ? styles_.read_file(name + ".toml") : std::nullopt;
    if (!text && chosen_at.line == 0) {  // nothing chosen: the default is missing from the data folder
      error({styles_label_ + "/" + name + ".toml", 0, 0}, "cannot read the default style",
            "Octavo's styles/ folder is incomplete");
      return false;
    }
    if (!text) {
      error(chosen_at, "unknown style '" + name + "'", "available styles: " + available_styles());
      return false;
    }
    const std::string path = styles_label_ + "/" + name + ".toml";
    const std::optional<toml::table> table = import::parse_toml(*text, path, sink_);
    if (!table) {
      failed_ = true;
      return false;
    }
    read_values(import::style_settings(*table, path), false);
    bool complete = true;
    std::string missing;
    for (const StyleKey& key : style_keys()) {
      if (values_.count(key.name) == 0) missing += (missing.empty() ? "" : ", ") + std::string(key.name);
    }
    if (!missing.empty()) {
      error({path, 0, 0}, "the style file does not set " + missing, "every style file sets every key");
      complete = false;
    }
    return complete;
  }

  void read_values(const std::vector<import::StyleSetting>& settings, bool from_book) {
    for (const import::StyleSetting& setting : settings) {
      if (from_book && setting.key == "base") continue;
      const StyleKey* spec = find_style_key(setting.key);
      if (spec == nullptr) {
        error(setting.key_location, "unknown style key '" + setting.key + "'" + (from_book ? " in [style]" : ""),
              "known keys: base (in book.toml), " + style_key_names());
        continue;
      }
      if (std::optional<double> number = read_number(*spec, setting.value)) {
        values_[setting.key] = Value{*number, setting.value.location, from_book};
      }
    }
  }

  std::optional<double> read_number(const StyleKey& spec, const import::StyleValue& value) {
    using Type = import::StyleValue::Type;
    const core::SourceLocation& at = value.location;
    const std::string name(spec.name);  // named: "'" + a temporary draws a false -Wrestrict from GCC 12 -O3
    const std::string key = "'" + name + "'";
    std::optional<double> number;
    if (spec.kind == Kind::lines) {
      if (value.type == Type::integer) number = static_cast<double>(value.integer);
      if (!number) error(at, "expected a whole number of lines for " + key + ", found " + value.type_name);
    } else if (value.type == Type::integer) {
      number = static_cast<double>(value.integer);
    } else if (value.type == Type::floating) {
      number = value.floating;
    } else if (value.type == Type::string && spec.kind != Kind::ratio) {
      number = parse_length(value.text);
      if (!number) {
        error(at,
              "expected a length such as \"10pt\", \"20mm\" or \"0.5in\" for " + key + ", found '" + value.text + "'");
        return std::nullopt;
      }
    } else {
      error(at, std::string(spec.kind == Kind::ratio ? "expected a number" : "expected a length") + " for " + key +
                    ", found " + value.type_name);
    }
    if (!number) return std::nullopt;
    if (std::optional<BoundsError> out_of_bounds = check_bounds(spec, *number)) {
      error(at, std::move(out_of_bounds->message), std::move(out_of_bounds->hint));
      return std::nullopt;
    }
    return number;
  }

  // Where to report a problem several keys make together: the first of them that book.toml
  // overrides (the user's change), else the first in the style file.
  core::SourceLocation blame(std::initializer_list<std::string_view> names) const {
    for (std::string_view name : names) {
      const Value& value = values_.find(name)->second;
      if (value.from_book) return value.at;
    }
    return values_.find(*names.begin())->second.at;
  }

  layout::PageStyle make_style() const {
    std::vector<double> numbers;
    for (const StyleKey& key : style_keys()) numbers.push_back(values_.find(key.name)->second.number);
    return make_page_style(numbers);
  }

  void check_geometry(const layout::PageStyle& s) {
    if (s.measure() < s.body_size * min_measure_ems) {
      error(blame({"margin_inner", "margin_outer", "page_width", "body_size"}),
            "the margins (" + points(s.margin_inner) + " and " + points(s.margin_outer) + ") leave a measure of " +
                points(s.measure()) + " on a page " + points(s.page_width) + " wide, less than " +
                std::to_string(static_cast<int>(min_measure_ems)) + " ems of the body size",
            "make the margins narrower or the page wider");
    } else if (s.footnote_rule_width > s.measure()) {
      error(blame({"footnote_rule_width", "margin_inner", "margin_outer", "page_width"}),
            "the footnote rule (" + points(s.footnote_rule_width) + ") is wider than the measure (" +
                points(s.measure()) + ")");
    }
    if (s.margin_top + s.body_height > s.page_height) {
      error(blame({"lines_per_page", "leading", "margin_top", "page_height"}),
            "the text block (" + points(s.body_height) + " below a top margin of " + points(s.margin_top) +
                ") is taller than the page (" + points(s.page_height) + ")",
            "set fewer lines_per_page, a smaller leading or a smaller margin_top");
    } else if (s.folio_baseline > s.page_height) {
      error(blame({"folio_drop", "lines_per_page", "leading", "margin_top", "page_height"}),
            "the folio's baseline (" + points(s.folio_baseline) + " from the top) falls below the page (" +
                points(s.page_height) + ")");
    }
    if (s.running_head_baseline - s.running_head_size < Pt(0) || s.running_head_rule_y < Pt(0)) {
      error(blame({"running_head_raise", "running_head_rule_raise", "margin_top", "running_head_size"}),
            "the running head rises above the page: margin_top is " + points(s.margin_top));
    }
    if (s.title_block_top >= s.margin_top + s.body_height) {
      error(blame({"title_block_top", "lines_per_page", "leading", "margin_top"}),
            "the title block starts below the text block");
    }
    if (s.footnote_space + s.small_leading * 2 > s.body_height) {
      error(blame({"footnote_space", "small_leading", "lines_per_page", "leading"}),
            "footnote_space (" + points(s.footnote_space) + ") leaves no room for two lines of notes on a page",
            "a long note needs a page that holds its first two lines");
    }
  }

  const core::FileSystem& styles_;
  std::string styles_label_;
  core::DiagnosticSink& sink_;
  std::map<std::string, Value, std::less<>> values_;
  bool failed_ = false;
};

}  // namespace

std::optional<layout::PageStyle> read_page_style(const import::StyleChoice& choice, const core::FileSystem& styles,
                                                 const std::string& styles_label, core::DiagnosticSink& sink) {
  return StyleReader(styles, styles_label, sink).read(choice);
}

}  // namespace octavo::style
