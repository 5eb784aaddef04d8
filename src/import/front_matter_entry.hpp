// One key of a Markdown article's front matter as its format's reader (YAML or TOML) hands it to
// read_front_matter, which knows what each key means: the key, where it stands, and its value.
#pragma once

#include <string>
#include <vector>

#include "core/source_location.hpp"

namespace octavo::import {

/// What a front matter value is, as far as an article field cares.
enum class FrontMatterShape {
  text,    ///< `texts` holds the one value: a YAML scalar, a TOML string, date or time
  list,    ///< `texts` holds the items: a YAML sequence of scalars, a TOML array of strings
  empty,   ///< no value at all (YAML `key:` or `~`)
  other,   ///< anything else (a mapping, a number in TOML, a list of lists): only `found` is set
  unread,  ///< not read: a key no field uses, or a repeat of a key, so nothing is walked for it
};

struct FrontMatterEntry {
  std::string key;
  core::SourceLocation key_at;
  core::SourceLocation value_at;
  FrontMatterShape shape = FrontMatterShape::unread;
  std::vector<std::string> texts;  ///< as written, before any cleaning or trimming
  std::string found;               ///< how messages name the value: "a string", "a list", "a mapping", …
};

}  // namespace octavo::import
