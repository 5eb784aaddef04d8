// The settings of a page style, declared once: for each key of a style file (and of book.toml's
// [style] table) the layout::PageStyle field it sets, its kind, its bounds and the house design's
// value. read_page_style reads and checks with it; default_page_style is built from it.
#pragma once

#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "layout/page_style.hpp"

namespace octavo::style {

/// What a key holds: a length (a number of points or a string with a unit), a plain number, or
/// a whole number of lines.
enum class Kind {
  size,   ///< a length > 0: page and type sizes, leadings, rule thickness
  space,  ///< a length >= 0: margins, indents, spaces
  ratio,  ///< a plain number >= 0
  lines,  ///< a whole number of lines
};

/// How a key's value becomes its field. The layout keeps the running head, its rule, the folio
/// and the imprint as positions from the page top, and the text block as a height; style files
/// give them relative to the text block, so that changing a margin or the leading moves them along.
enum class Placement {
  as_given,            ///< the field is the value
  lines_of_leading,    ///< the field is the value times the leading
  above_block_top,     ///< margin_top − value
  below_block_bottom,  ///< margin_top + body_height + value
  above_block_bottom,  ///< margin_top + body_height − value
};

/// The values a key accepts: at least `least` (more than it when `strict`), less than `below`.
struct Bounds {
  double least = 0;
  bool strict = false;
  double below = std::numeric_limits<double>::infinity();
  std::string_view hint;  ///< why, for the error; may be empty
};

/// One setting.
struct StyleKey {
  std::string_view name;                 ///< the TOML key
  Kind kind;                             ///< how its value is written
  double& (*field)(layout::PageStyle&);  ///< the PageStyle member it sets (in points for lengths)
  double house;                          ///< the value in styles/a5.toml, in points for lengths
  Placement placement = Placement::as_given;
  Bounds bounds = {};  ///< beyond the kind's own: sizes > 0, everything else >= 0
};

/// Every key, in the order styles/a5.toml gives them. Never empty.
std::span<const StyleKey> style_keys();

/// The key named `name`; nullptr when there is none.
const StyleKey* find_style_key(std::string_view name);

/// "page_width, page_height, …": every key's name, for hints.
std::string style_key_names();

/// Whether `value` is within the key's bounds (its kind's and its own); when it is not, the
/// error message and hint. Nullopt when the value is allowed.
struct BoundsError {
  std::string message;
  std::string hint;
};
std::optional<BoundsError> check_bounds(const StyleKey& key, double value);

/// A PageStyle from one value per key (indexed as style_keys()), placed as each key says. Never fails.
layout::PageStyle make_page_style(std::span<const double> values);

/// The house design (A5, 10/13.5 pt serif, about 64 characters a line) from the table's values:
/// the same values as styles/a5.toml (a style test compares them), for tests, which read no
/// files. Never fails.
layout::PageStyle default_page_style();

}  // namespace octavo::style
