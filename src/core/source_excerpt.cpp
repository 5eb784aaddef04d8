#include "core/source_excerpt.hpp"

#include <string_view>

#include "core/utf8.hpp"

namespace octavo::core {

namespace {

// A line wider than this many terminal columns is cut to a window around the caret, with "…" on
// each side that was cut, so that a minified or binary "line" cannot flood the terminal. With the
// gutter it still fits a terminal of 110 columns.
constexpr int max_excerpt_width = 100;

// A tab is shown as this many spaces on the source line and counted the same on the caret line
// (as rustc does), so the caret lands under its character whatever the terminal's tab stops.
constexpr int tab_width = 4;

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

// One code point of the source line as it is shown.
struct Cell {
  std::string text;
  int width = 1;  // terminal columns
};

bool in(char32_t c, char32_t first, char32_t last) { return c >= first && c <= last; }

// Terminal columns of a printable code point: a small wcwidth after Markus Kuhn's, not the C
// library's, whose answer depends on the locale. Deliberate departure: only the combining marks of
// Latin, Greek and Cyrillic text count as zero columns; marks of other scripts count as one, which
// can put the caret a column to the right of its character on such lines.
int display_width(char32_t c) {
  // Combining marks, zero-width spaces and joiners, variation selectors: drawn over a neighbour.
  if (in(c, 0x0300, 0x036F) || in(c, 0x0483, 0x0489) || in(c, 0x1AB0, 0x1AFF) || in(c, 0x1DC0, 0x1DFF) ||
      in(c, 0x200B, 0x200F) || in(c, 0x20D0, 0x20FF) || in(c, 0xFE00, 0xFE0F) || in(c, 0xFE20, 0xFE2F) || c == 0xFEFF ||
      in(c, 0xE0100, 0xE01EF)) {
    return 0;
  }
  // East Asian wide and full-width characters, and the emoji blocks: two columns.
  if (in(c, 0x1100, 0x115F) || in(c, 0x2E80, 0x303E) || in(c, 0x3041, 0x33FF) || in(c, 0x3400, 0x4DBF) ||
      in(c, 0x4E00, 0x9FFF) || in(c, 0xA000, 0xA4CF) || in(c, 0xAC00, 0xD7A3) || in(c, 0xF900, 0xFAFF) ||
      in(c, 0xFE30, 0xFE4F) || in(c, 0xFF00, 0xFF60) || in(c, 0xFFE0, 0xFFE6) || in(c, 0x1F300, 0x1F64F) ||
      in(c, 0x1F900, 0x1F9FF) || in(c, 0x20000, 0x2FFFD) || in(c, 0x30000, 0x3FFFD)) {
    return 2;
  }
  return 1;
}

// What the terminal gets for one code point: never a control character or a bidirectional
// override, which could move the cursor or reorder the line on screen.
Cell to_cell(char32_t c) {
  Cell cell;
  if (c == '\t') {
    cell.text.assign(tab_width, ' ');
    cell.width = tab_width;
  } else if (c < 0x20 || c == 0x7F) {
    append_utf8(cell.text, c == 0x7F ? char32_t{0x2421} : char32_t{0x2400} + c);  // ␀ … ␟, ␡
  } else if (in(c, 0x80, 0x9F) || in(c, 0x202A, 0x202E) || in(c, 0x2066, 0x2069)) {
    append_utf8(cell.text, replacement_character);
  } else {
    append_utf8(cell.text, c);
    cell.width = display_width(c);
  }
  return cell;
}

// One cell per code point, as SourceLocation counts columns: an invalid byte is one U+FFFD.
std::vector<Cell> to_cells(std::string_view line) {
  std::vector<Cell> cells;
  for (std::size_t pos = 0; pos < line.size();) cells.push_back(to_cell(decode_utf8(line, pos)));
  return cells;
}

int width_of(const std::vector<Cell>& cells, std::size_t first, std::size_t last) {
  int width = 0;
  for (std::size_t i = first; i < last; ++i) width += cells[i].width;
  return width;
}

// The part of a source line that is shown, and where its caret goes.
struct ExcerptLine {
  std::string text;      // with "…" where the line was cut, without trailing spaces
  int caret_offset = 0;  // terminal columns before the caret
};

// The excerpt of `line` around code point `caret` (0-based; one past the last code point points
// at the line's end); nullopt when the line is shorter than that.
std::optional<ExcerptLine> excerpt_line(std::string_view line, std::size_t caret) {
  // Only the code points near the caret become cells, so that a line of megabytes costs one
  // decoding pass up to the caret and no more memory than a short line. Twice the window's width
  // either side is enough even when some of them take no column.
  constexpr auto reach = static_cast<std::size_t>(2 * max_excerpt_width);
  const std::size_t lo = caret > reach ? caret - reach : 0;
  const std::size_t hi = caret + reach + 1;
  std::size_t count = 0;
  std::size_t pos = 0;
  std::size_t lo_byte = 0;
  while (pos < line.size() && count < hi) {
    if (count == lo) lo_byte = pos;
    decode_utf8(line, pos);
    ++count;
  }
  if (count == lo) lo_byte = pos;
  if (caret > count) return std::nullopt;  // the loop stopped at the line's end
  const bool cut_before = lo > 0;
  const bool cut_after = pos < line.size();
  const std::vector<Cell> cells = to_cells(line.substr(lo_byte, pos - lo_byte));
  caret -= lo;

  std::size_t first = 0;
  std::size_t last = cells.size();
  if (cut_before || cut_after || width_of(cells, 0, cells.size()) > max_excerpt_width) {
    // Start half a window before the caret, or earlier when the line ends within the window.
    int width = 0;
    for (first = caret; first > 0 && width + cells[first - 1].width <= max_excerpt_width / 2;) {
      width += cells[--first].width;
    }
    if (!cut_after) {
      width = width_of(cells, first, cells.size());
      while (first > 0 && width + cells[first - 1].width <= max_excerpt_width) width += cells[--first].width;
    }
    width = 0;
    for (last = first; last < cells.size() && width + cells[last].width <= max_excerpt_width;) {
      width += cells[last++].width;
    }
  }
  const bool ellipsis_before = cut_before || first > 0;
  ExcerptLine excerpt;
  excerpt.text = ellipsis_before ? "…" : "";
  for (std::size_t i = first; i < last; ++i) excerpt.text += cells[i].text;
  if (cut_after || last < cells.size()) excerpt.text += "…";
  excerpt.text.erase(excerpt.text.find_last_not_of(' ') + 1);  // npos + 1 == 0 erases a line of spaces
  excerpt.caret_offset = (ellipsis_before ? 1 : 0) + width_of(cells, first, caret);
  return excerpt;
}

}  // namespace

const SourceExcerpts::SourceFile* SourceExcerpts::source_file(const std::string& path) {
  auto [entry, inserted] = cache_.try_emplace(path);
  if (inserted) {
    // Only files inside the corpus: writers report at output paths and style files sit in the
    // data folder, and a file of the same name in the corpus must not stand in for them.
    const std::optional<std::string> inside = files_.resolve_inside(path);
    if (std::optional<std::string> bytes = inside ? files_.read_file(*inside) : std::nullopt) {
      SourceFile file{std::move(*bytes), {0}};
      // Lines end at LF, CRLF or a lone CR, as the article readers count them.
      const std::string& b = file.bytes;
      for (std::size_t i = 0; i < b.size(); ++i) {
        if (b[i] == '\r' && i + 1 < b.size() && b[i + 1] == '\n') ++i;
        if (b[i] == '\r' || b[i] == '\n') file.line_starts.push_back(i + 1);
      }
      entry->second = std::move(file);
    }
  }
  return entry->second ? &*entry->second : nullptr;
}

std::string SourceExcerpts::format(const Diagnostic& diagnostic) {
  const SourceLocation& at = diagnostic.location;
  if (at.path.empty() || at.line <= 0 || at.column < 0) return format_diagnostic(diagnostic);
  const SourceFile* file = source_file(at.path);
  if (file == nullptr || static_cast<std::size_t>(at.line) > file->line_starts.size()) {
    return format_diagnostic(diagnostic);
  }
  std::string_view line(file->bytes);
  line.remove_prefix(file->line_starts[static_cast<std::size_t>(at.line) - 1]);
  line = line.substr(0, line.find_first_of("\r\n"));
  // The readers drop a byte-order mark before they count columns.
  if (at.line == 1 && line.starts_with(byte_order_mark)) line.remove_prefix(byte_order_mark.size());
  const std::size_t caret = at.column > 0 ? static_cast<std::size_t>(at.column) - 1 : 0;
  const std::optional<ExcerptLine> shown = excerpt_line(line, caret);
  // A column may point just past the last character ("expected … at the end of the line").
  if (!shown) return format_diagnostic(diagnostic);
  const std::string& text = shown->text;

  Diagnostic header = diagnostic;
  header.hint.clear();
  const std::string number = std::to_string(at.line);
  const std::string gutter(number.size(), ' ');
  std::string out = format_diagnostic(header);
  out += '\n' + gutter + " |";
  out += '\n' + number + " |" + (text.empty() ? "" : " " + text);
  if (at.column > 0)
    out += '\n' + gutter + " | " + std::string(static_cast<std::size_t>(shown->caret_offset), ' ') + '^';
  if (!diagnostic.hint.empty()) out += '\n' + gutter + " = hint: " + diagnostic.hint;
  return out;
}

}  // namespace octavo::core
