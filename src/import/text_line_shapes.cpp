#include "import/text_line_shapes.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iterator>
#include <set>
#include <string_view>

namespace octavo::import {

namespace {

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

int display_width(std::string_view text) {
  return static_cast<int>(std::count_if(text.begin(), text.end(), [](char c) { return !is_continuation_byte(c); }));
}

// Moves leading spaces of `line.text` into its indentation and drops trailing ones.
void trim(WrappedLine& line) {
  const std::size_t first = line.text.find_first_not_of(' ');
  if (first == std::string::npos) {
    line.indent = 0;
    line.width = 0;
    line.text.clear();
    line.source_columns.erase(line.source_columns.begin(), line.source_columns.end() - 1);
    return;
  }
  const std::size_t last = line.text.find_last_not_of(' ');
  // Past the last character: the column after it, so that text ending a line still has an end.
  const int after = line.source_columns[last + 1];
  line.indent += static_cast<int>(first);
  line.text = line.text.substr(first, last - first + 1);
  line.source_columns.erase(line.source_columns.begin() + static_cast<std::ptrdiff_t>(last + 1),
                            line.source_columns.end());
  line.source_columns.erase(line.source_columns.begin(),
                            line.source_columns.begin() + static_cast<std::ptrdiff_t>(first));
  line.source_columns.push_back(after);
  line.width = display_width(line.text);
}

// A character of a drawing rather than of words: ASCII punctuation and symbols, and the box
// drawing and block elements (U+2500–U+259F, three bytes from E2 94 80 to E2 96 9F).
bool is_drawing_byte_sequence(std::string_view text, std::size_t pos) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) return std::ispunct(byte) != 0;
  if (byte == 0xE2 && pos + 1 < text.size()) {
    const auto second = static_cast<unsigned char>(text[pos + 1]);
    return second >= 0x94 && second <= 0x96;
  }
  return false;
}

bool is_drawn(const WrappedLine& line) {
  int symbols = 0;
  int others = 0;
  for (std::size_t pos = 0; pos < line.text.size(); ++pos) {
    if (is_continuation_byte(line.text[pos]) || line.text[pos] == ' ') continue;
    (is_drawing_byte_sequence(line.text, pos) ? symbols : others) += 1;
  }
  return symbols >= 3 && symbols > others;
}

// The display columns where text starts after a gap of two or more spaces inside the line.
std::set<int> gap_ends(const WrappedLine& line) {
  std::set<int> out;
  int column = line.indent;
  int spaces = 0;
  for (const char c : line.text) {
    if (is_continuation_byte(c)) continue;
    if (c == ' ') {
      ++spaces;
    } else {
      if (spaces >= 2) out.insert(column);
      spaces = 0;
    }
    ++column;
  }
  return out;
}

bool is_edge(const WrappedLine& line) {
  return line.text.size() >= 5 && line.text.find_first_not_of("*#=-~+_") == std::string::npos;
}

}  // namespace

int WrappedLine::column(std::size_t offset) const {
  return source_columns[std::min(offset, source_columns.size() - 1)];
}

std::vector<WrappedLine> wrapped_lines(const std::vector<SourceLine>& lines) {
  std::vector<WrappedLine> out;
  out.reserve(lines.size());
  for (const SourceLine& source : lines) {
    WrappedLine line;
    line.number = source.number;
    line.text.reserve(source.text.size());
    line.source_columns.reserve(source.text.size() + 1);
    int column = 0;  // display column, for tab stops
    for (std::size_t i = 0; i < source.text.size(); ++i) {
      const char c = source.text[i];
      const int source_column = static_cast<int>(i) + 1;
      if (c == '\t') {
        const int spaces = text_tab_width - column % text_tab_width;
        line.text.append(static_cast<std::size_t>(spaces), ' ');
        line.source_columns.insert(line.source_columns.end(), static_cast<std::size_t>(spaces), source_column);
        column += spaces;
        continue;
      }
      line.text += c;
      line.source_columns.push_back(source_column);
      if (!is_continuation_byte(c)) ++column;
    }
    line.source_columns.push_back(static_cast<int>(source.text.size()) + 1);
    trim(line);
    out.push_back(std::move(line));
  }
  return out;
}

WrappedLine without_prefix(const WrappedLine& line, std::size_t count) {
  WrappedLine out;
  out.number = line.number;
  out.indent = line.indent + display_width(std::string_view(line.text).substr(0, count));
  out.text = line.text.substr(count);
  out.source_columns.assign(line.source_columns.begin() + static_cast<std::ptrdiff_t>(count),
                            line.source_columns.end());
  trim(out);
  return out;
}

int wrap_width(const std::vector<WrappedLine>& lines) {
  std::vector<int> ends;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    if (!lines[i].blank() && !lines[i + 1].blank()) ends.push_back(lines[i].end());
  }
  // Too few full lines say nothing reliable about the text's width.
  constexpr std::size_t min_samples = 5;
  if (ends.size() < min_samples) return 0;
  const auto middle = ends.begin() + static_cast<std::ptrdiff_t>(ends.size() / 2);
  std::nth_element(ends.begin(), middle, ends.end());
  return *middle;
}

bool is_unwrapped_prose(std::string_view text) {
  // A quick refusal for the short lines most files are made of.
  if (text.size() <= static_cast<std::size_t>(one_line_paragraph_width)) return false;
  // A side of a framed box, or a row of a table drawn with bars, is the frame's, however wide.
  if ((text.front() == '|' || text.front() == '*') && text.back() == text.front()) return false;
  int longest_word = 0;
  int word = 0;
  int narrow = 0;
  int wide = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const char c = text[pos];
    if (c != ' ' && c != '\t') {
      if (!is_continuation_byte(c)) ++word;
      ++pos;
      continue;
    }
    longest_word = std::max(longest_word, word);
    word = 0;
    const std::size_t gap_end = std::min(text.find_first_not_of(" \t", pos), text.size());
    (gap_end - pos == 1 && c == ' ' ? narrow : wide) += 1;
    pos = gap_end;
  }
  longest_word = std::max(longest_word, word);
  // Prose sets words apart by single spaces several times as often as by wider gaps.
  constexpr int single_spaces_per_wide_gap = 2;
  return display_width(text) - longest_word > one_line_paragraph_width && narrow > single_spaces_per_wide_gap * wide;
}

bool is_rule(const WrappedLine& line) {
  if (line.blank()) return false;
  const char mark = line.text[0];
  if (std::string_view("-=*_~#").find(mark) == std::string_view::npos) return false;
  int count = 0;
  for (const char c : line.text) {
    if (c == mark) {
      ++count;
    } else if (c != ' ') {
      return false;
    }
  }
  return count >= 3;
}

int underline_level(const WrappedLine& text, const WrappedLine& under) {
  if (text.blank() || under.blank() || is_rule(text)) return 0;
  const char mark = under.text[0];
  if (mark != '=' && mark != '-') return 0;
  if (under.text.size() < 3 || under.text.find_first_not_of(mark) != std::string::npos) return 0;
  const int tolerance = std::max(2, text.width / 4);
  if (std::abs(under.indent - text.indent) > tolerance || std::abs(under.end() - text.end()) > tolerance) return 0;
  return mark == '=' ? 1 : 2;
}

bool is_centred(const WrappedLine& line, int margin, int width) {
  if (width <= 0 || line.blank()) return false;
  const int left = line.indent - margin;
  const int right = width - line.end();
  const int tolerance = std::max(4, (width - margin) / 8);
  return left >= 2 && right >= 0 && std::abs(left - right) <= tolerance;
}

std::size_t box_height(const std::vector<WrappedLine>& lines, std::size_t first, std::size_t end) {
  if (first >= end || !is_edge(lines[first])) return 0;
  const WrappedLine& top = lines[first];
  char side = 0;
  for (std::size_t i = first + 1; i < end; ++i) {
    const WrappedLine& line = lines[i];
    if (line.indent != top.indent) return 0;
    if (line.text == top.text) return i > first + 1 ? i - first + 1 : 0;  // the bottom edge
    if (line.end() != top.end() || line.text.size() < 2) return 0;
    if (side == 0) {
      side = line.text.front();
      if (side != top.text.front() && side != '|') return 0;
    }
    if (line.text.front() != side || line.text.back() != side) return 0;
  }
  return 0;
}

WrappedLine box_inside(const WrappedLine& side) {
  // Both side characters are ASCII, one byte each.
  WrappedLine inside;
  inside.number = side.number;
  inside.indent = side.indent + 1;
  inside.text = side.text.substr(1, side.text.size() - 2);
  inside.source_columns.assign(side.source_columns.begin() + 1,
                               side.source_columns.begin() + static_cast<std::ptrdiff_t>(side.text.size()));
  trim(inside);
  return inside;
}

bool is_tabular(const std::vector<WrappedLine>& lines, std::size_t first, std::size_t end) {
  if (end < first + 2) return false;
  const std::size_t count = end - first;
  std::size_t drawn = 0;
  for (std::size_t i = first; i < end; ++i) drawn += is_drawn(lines[i]) ? 1 : 0;
  if (drawn >= 2 && drawn * 2 >= count) return true;

  std::set<int> shared = gap_ends(lines[first]);
  for (std::size_t i = first + 1; i < end && !shared.empty(); ++i) {
    const std::set<int> ends = gap_ends(lines[i]);
    std::set<int> kept;
    std::set_intersection(shared.begin(), shared.end(), ends.begin(), ends.end(), std::inserter(kept, kept.end()));
    shared = std::move(kept);
  }
  if (shared.size() < (count >= 3 ? 1U : 2U)) return false;
  // Prose has a space between most words, even with two after each sentence (or spaces added to
  // justify it); columns are set apart by wider gaps than the words inside them.
  int narrow = 0;
  int wide = 0;
  for (std::size_t i = first; i < end; ++i) {
    const std::string& text = lines[i].text;
    for (std::size_t pos = 0; pos < text.size();) {
      if (text[pos] != ' ') {
        ++pos;
        continue;
      }
      const std::size_t gap_end = text.find_first_not_of(' ', pos);
      (gap_end - pos >= 2 ? wide : narrow) += 1;
      pos = gap_end;
    }
  }
  return wide >= narrow;
}

}  // namespace octavo::import
