// List markers at the start of a line of plain text ("- ", "* ", "• ", "1. ", "2) ", "a) ", "(iv) "):
// how the reader of hard-wrapped text (import/wrapped_text) tells a list item from a paragraph.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace octavo::import {

struct ListMarker {
  std::string bullet;      ///< "-", "*" or "•" for a bullet; empty for an ordered marker
  char delimiter = 0;      ///< '.' or ')' after a number, '(' for "(a)"; 0 for a bullet
  long long decimal = -1;  ///< the value of digits ("12." → 12); -1 when the marker has none
  int alpha = 0;           ///< a single letter's place in the alphabet (a → 1, B → 2); 0 otherwise
  int roman = 0;           ///< the value of a roman numeral (iv → 4, I → 1); 0 otherwise
  bool upper = false;      ///< a letter or numeral in capitals
  std::size_t length = 0;  ///< bytes of the marker and the spaces after it: where the item's text starts
  int width = 0;           ///< display columns of the same

  bool ordered() const { return bullet.empty(); }
};

/// The list marker that `text` (a line without its indentation, tabs expanded) starts with, when
/// one or more spaces and then more text follow it; nullopt otherwise. Digits are at most nine
/// (as CommonMark's); letters are one letter, or a roman numeral in canonical form ("iv", not "iiii").
std::optional<ListMarker> read_list_marker(std::string_view text);

}  // namespace octavo::import
