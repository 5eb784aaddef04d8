// Style settings as written in TOML, before any checking: book.toml's `style` choice (read with
// the manifest, so that book.toml is parsed once) and a style file's keys. style::read_page_style
// checks and applies them; here they only keep their values and places (import/toml_values.hpp
// makes them from TOML).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/source_location.hpp"

namespace octavo::import {

/// A TOML value as written: a number or a string, or only its type's name for anything else.
struct StyleValue {
  enum class Type { integer, floating, string, other };
  Type type = Type::other;
  std::int64_t integer = 0;
  double floating = 0;
  std::string text;
  std::string type_name;  ///< "an integer", "a boolean", …: for messages
  core::SourceLocation location;
};

/// One `key = value` entry of a style table.
struct StyleSetting {
  std::string key;
  core::SourceLocation key_location;
  StyleValue value;
};

/// What book.toml says about the page style: `style = "a4"`, or a `[style]` table (with `base`
/// among its settings), or nothing (`given` false, also after a syntax error in book.toml).
struct StyleChoice {
  bool given = false;
  bool table = false;                  ///< `style` is a table: see `settings`
  StyleValue value;                    ///< the `style` value when it is not a table
  std::vector<StyleSetting> settings;  ///< the [style] table's entries in file order
};

}  // namespace octavo::import
