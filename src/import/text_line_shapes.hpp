// The shapes of lines in hard-wrapped plain text that show its structure: indentation, the width
// the text was wrapped to, centred lines, underlines, rules, framed boxes and columns. The reader
// of hard-wrapped text (import/wrapped_text) decides what each run of lines is from these.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "import/source_lines.hpp"

namespace octavo::import {

/// Tabs in plain text stop every eight columns, as in a terminal, `less` or `pr`.
constexpr int text_tab_width = 8;

/// One line of the file: its indentation apart, tabs expanded, trailing white space dropped.
struct WrappedLine {
  int number = 0;    ///< 1-based line number in the file
  int indent = 0;    ///< display columns of leading white space; 0 for a blank line
  int width = 0;     ///< display columns of `text` (one per code point)
  std::string text;  ///< the line without indentation or trailing white space; empty for a blank line
  /// The 1-based byte column in the source line of each byte of `text`, and one past the last.
  std::vector<int> source_columns;

  bool blank() const { return text.empty(); }
  /// The display column just after the line's last character.
  int end() const { return indent + width; }
  /// The source column of byte `offset` of `text` (past the end: just after the line).
  int column(std::size_t offset = 0) const;
};

/// Splits each source line into indentation and text, expanding tabs; a line of nothing but white
/// space is blank. Keeps every line, blank ones included, in order.
std::vector<WrappedLine> wrapped_lines(const std::vector<SourceLine>& lines);

/// The line `line` with its first `count` bytes of text removed (a list marker) and the columns
/// they took added to its indentation; `count` must not split a character.
WrappedLine without_prefix(const WrappedLine& line, std::size_t count);

/// The display column where the text's full lines end: the median end of the lines that another
/// line of the same paragraph follows. 0 when fewer than five lines are followed that way.
int wrap_width(const std::vector<WrappedLine>& lines);

/// Past this width a line is wider than hard-wrapped text's: most text is wrapped at 72 to 80
/// columns, some at up to 132, and wrapped text runs past its measure only by a word too long to
/// break (an address).
constexpr int unwrapped_line_width = 100;

/// A line of prose this wide even without its longest word was written as a paragraph on one line:
/// twice as wide as the seeds' form's mark, well past any measure text is wrapped to.
constexpr int one_line_paragraph_width = 200;

/// True when `text` (a line without its indentation) reads as a paragraph of prose written on one
/// line, as word processors save text and the seeds are written: wider than
/// `one_line_paragraph_width` characters (code points) even without its longest word, with words
/// set apart by single spaces far more often than by wider gaps or tabs (columns of a table have
/// wide gaps between short words; prose with two spaces after each sentence has one per
/// sentence), and not framed by the same '|' or '*' at both ends (a side of a box, a row of a table
/// drawn with bars). Text without spaces between its words (Chinese, Japanese) never is.
bool is_unwrapped_prose(std::string_view text);

/// True for a line of three or more of one of - = * _ ~ # and nothing else but spaces ("* * *").
bool is_rule(const WrappedLine& line);

/// 1 when `under` underlines `text` with '=', 2 with '-', else 0: the underline is three or more
/// of the one character, no more indented than the text, and about as long (within a quarter of
/// the text's width, and at least within two columns).
int underline_level(const WrappedLine& text, const WrappedLine& under);

/// True when the line sits in the middle of the text: indented by two or more columns beyond
/// `margin`, with about as much room left on its right before `width` (within an eighth of the
/// measure, and at least within four columns). Always false when `width` is 0.
bool is_centred(const WrappedLine& line, int margin, int width);

/// The number of lines of a framed box starting at `first` (a top edge such as "*****" or
/// "+---+", sides "*  …  *" or "|  …  |" ending in the same column, a bottom edge like the top),
/// within lines [first, end); 0 when no box starts there. A box has at least one line inside.
std::size_t box_height(const std::vector<WrappedLine>& lines, std::size_t first, std::size_t end);

/// The inside of a side line of a box: the line without its first and last characters, its
/// indentation measured again.
WrappedLine box_inside(const WrappedLine& side);

/// True when lines [first, end) are set in columns or drawn: two or more lines that share a
/// column where text starts after a gap of two or more spaces (three or more lines sharing one,
/// or two lines sharing two), with at least as many such wide gaps as single spaces (prose that
/// puts two spaces after its sentences has far more single ones); or lines most of whose
/// characters are neither letters nor digits (ASCII art), half or more of them.
bool is_tabular(const std::vector<WrappedLine>& lines, std::size_t first, std::size_t end);

}  // namespace octavo::import
