#include "import/wrapped_text.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "import/smart_punctuation.hpp"
#include "import/text_line_shapes.hpp"
#include "import/text_list_marker.hpp"

namespace octavo::import {

namespace {

// Text indented this far beyond its margin is preformatted, as Markdown's indented code is: a
// plain-text file cannot tell a quoted notice from an indented paragraph, and kept as written the
// notice keeps its words and its line breaks (the GPL's "How to Apply" notices need both).
constexpr int code_indent = 4;
// A list marker indented this far beyond the margin starts preformatted text instead (the GPL's
// "    a) …" items are indented four).
constexpr int max_marker_indent = 8;
// Lists and boxes nested deeper than this are read as paragraphs: depth comes from the input and
// the reader recurses once per level.
constexpr int max_depth = 16;
// A heading known only by its form is short; a longer line is a sentence.
constexpr int max_heading_width = 72;
// A numbered heading may wrap onto a second line (the MPL's "10.4. …"), up to this width in all.
constexpr int max_wrapped_heading_width = 100;
// A centred block is a title or a few display lines, never a paragraph.
constexpr std::size_t max_centred_lines = 4;
// At least one line of a centred block is indented this far: a full line is "centred" too.
constexpr int centred_indent = 8;

// Where a heading or a block that stays a heading or a box may stand.
enum class Scope { document, box, item };

bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Runs of spaces become one: sentences followed by two spaces, as typewriters had it, are set
// with one in print.
std::string collapse_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
  return out;
}

// Words that stay in lower case inside a title ("Revised Versions of this License").
bool is_small_word(std::string_view word) {
  static constexpr std::string_view words[] = {
      "a",  "an", "and", "as",  "at",   "but",  "by",  "for",  "from", "in",    "into", "is",  "nor",  "not",
      "of", "on", "or",  "per", "than", "that", "the", "this", "to",   "under", "upon", "via", "with", "without"};
  return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

// True when `title` reads as a title: its first word starts with a capital, every other word but
// the small ones with a capital or a non-letter, no sentence ends inside it, and it does not lead
// into more (a final ',', ';' or ':').
bool reads_as_title(std::string_view title) {
  if (title.empty() || title.back() == ',' || title.back() == ';' || title.back() == ':') return false;
  bool first = true;
  std::size_t pos = 0;
  while (pos < title.size()) {
    if (title[pos] == ' ') {
      ++pos;
      continue;
    }
    const std::size_t end = std::min(title.find(' ', pos), title.size());
    const std::string_view word = title.substr(pos, end - pos);
    pos = end;
    if (end < title.size() && std::string_view(".?!;:").find(word.back()) != std::string_view::npos) return false;
    const std::size_t letter = word.find_first_not_of("\"'([");
    if (letter == std::string_view::npos) continue;
    const std::string_view core = word.substr(letter);
    if (first ? !is_upper_ascii(core[0])
              : is_lower_ascii(core[0]) && !is_small_word(core.substr(0, core.find_first_of(".,;:!?)\"'")))) {
      return false;
    }
    first = false;
  }
  return !first;
}

// A section number such as "0.", "2.1." or "10.4" at the start of a line, then spaces: its parts
// and its length with the spaces. One part needs its final period ("1." and not "1", a number).
struct SectionNumber {
  int parts = 0;
  long long value = 0;  // of the first part
  std::size_t length = 0;
};

std::optional<SectionNumber> read_section_number(std::string_view text) {
  constexpr std::size_t max_part_digits = 4;
  SectionNumber number;
  std::size_t pos = 0;
  bool final_period = false;
  while (true) {
    const std::size_t start = pos;
    while (pos < text.size() && is_digit(text[pos])) ++pos;
    if (pos == start || pos - start > max_part_digits) return std::nullopt;
    if (number.parts++ == 0) number.value = std::stoll(std::string(text.substr(start, pos - start)));
    final_period = pos < text.size() && text[pos] == '.';
    if (!final_period) break;
    ++pos;
    if (pos == text.size() || !is_digit(text[pos])) break;
  }
  if (number.parts == 1 && !final_period) return std::nullopt;
  if (pos == text.size() || text[pos] != ' ') return std::nullopt;
  while (pos < text.size() && text[pos] == ' ') ++pos;
  if (pos == text.size()) return std::nullopt;
  number.length = pos;
  return number;
}

// A line in capitals standing alone: "TERMS AND CONDITIONS", "END OF TERMS AND CONDITIONS".
bool is_capitals_heading(const WrappedLine& line) {
  if (line.width > max_heading_width) return false;
  if (std::string_view(".,;!?").find(line.text.back()) != std::string_view::npos) return false;
  int capitals = 0;
  for (const char c : line.text) {
    if (is_lower_ascii(c)) return false;
    capitals += is_upper_ascii(c) ? 1 : 0;
  }
  constexpr int min_capitals = 4;  // "NOTE", not "OK" or "A."
  return capitals >= min_capitals;
}

// A line standing alone that names a part of a document by its kind: "APPENDIX: How to apply
// the Apache License to your work.", "ADDENDUM: How to use …", "Appendix B".
bool is_label_heading(const WrappedLine& line) {
  if (line.width > max_heading_width) return false;
  static constexpr std::string_view labels[] = {"APPENDIX", "Appendix", "ADDENDUM", "Addendum", "ANNEX",
                                                "Annex",    "EXHIBIT",  "Exhibit",  "SCHEDULE", "Schedule"};
  for (const std::string_view label : labels) {
    if (!line.text.starts_with(label) || line.text.size() < label.size() + 2) continue;
    const char after = line.text[label.size()];
    const char next = line.text[label.size() + 1];
    if (after == ':' || (after == ' ' && (is_upper_ascii(next) || is_digit(next)))) return true;
  }
  return false;
}

// The file's first line standing alone, short and not a sentence: its title.
bool is_title_line(const WrappedLine& line) {
  return line.width <= max_heading_width &&
         std::string_view(".,;:!?").find(line.text.back()) == std::string_view::npos &&
         std::any_of(line.text.begin(), line.text.end(),
                     [](char c) { return is_upper_ascii(c) || is_lower_ascii(c) || (c & 0x80) != 0; });
}

// How the items of a list are marked; the first item's marker sets it.
struct ListStyle {
  std::string bullet;  // empty for an ordered list
  char delimiter = 0;
  model::ListNumbering numbering = model::ListNumbering::decimal;
};

long long marker_value(const ListMarker& marker, model::ListNumbering numbering) {
  switch (numbering) {
    case model::ListNumbering::decimal: return marker.decimal;
    case model::ListNumbering::lower_alpha:
    case model::ListNumbering::upper_alpha: return marker.alpha;
    case model::ListNumbering::lower_roman:
    case model::ListNumbering::upper_roman: return marker.roman;
  }
  return 0;
}

// A list starts at any number, but at a or i only when lettered: "J. Smith" and "v." begin no list.
// "i" starts roman numerals, not the ninth letter.
std::optional<ListStyle> style_of_first(const ListMarker& marker) {
  if (!marker.ordered()) return ListStyle{marker.bullet, 0, model::ListNumbering::decimal};
  if (marker.decimal >= 0) return ListStyle{"", marker.delimiter, model::ListNumbering::decimal};
  if (marker.roman == 1) {
    return ListStyle{"", marker.delimiter,
                     marker.upper ? model::ListNumbering::upper_roman : model::ListNumbering::lower_roman};
  }
  if (marker.alpha == 1) {
    return ListStyle{"", marker.delimiter,
                     marker.upper ? model::ListNumbering::upper_alpha : model::ListNumbering::lower_alpha};
  }
  return std::nullopt;
}

// Whether `marker` numbers the item after one numbered `last` in a list of `style`.
bool continues(const ListStyle& style, long long last, const ListMarker& marker) {
  if (style.bullet.empty() != marker.ordered()) return false;
  if (!marker.ordered()) return marker.bullet == style.bullet;
  if (marker.delimiter != style.delimiter) return false;
  const bool upper =
      style.numbering == model::ListNumbering::upper_alpha || style.numbering == model::ListNumbering::upper_roman;
  if (style.numbering != model::ListNumbering::decimal && marker.upper != upper) return false;
  return marker_value(marker, style.numbering) == last + 1;
}

// Whether a list may start in the middle of a paragraph, after a line ending in ':' (BSD's "are
// met:" then "1. Redistributions …"). As in CommonMark, only a bullet or a first number may: a
// wrapped sentence often puts "7." or "2)" at the start of a line.
bool may_interrupt(const ListMarker& marker) {
  return !marker.ordered() || marker.decimal == 1 || marker.alpha == 1 || marker.roman == 1;
}

// Whether lines [first, end), with no blank line among them, start with a list of two or more
// items: a list that interrupts a paragraph must be one ("two steps:" then "(1) assert …, and (2)
// offer …" is a sentence).
bool starts_list_of_two(const std::vector<WrappedLine>& lines, std::size_t first, std::size_t end) {
  const std::optional<ListMarker> marker = read_list_marker(lines[first].text);
  if (!marker || !may_interrupt(*marker)) return false;
  const std::optional<ListStyle> style = style_of_first(*marker);
  if (!style) return false;
  const long long value = marker->ordered() ? marker_value(*marker, style->numbering) : 0;
  const int text_column = lines[first].indent + marker->width;
  // The second item comes within a few lines (the scan must stay short: a run of lines may hold
  // many colons and markers, and each would start one).
  constexpr std::size_t max_first_item_lines = 50;
  for (std::size_t i = first + 1; i < std::min(end, first + max_first_item_lines); ++i) {
    const std::optional<ListMarker> found = read_list_marker(lines[i].text);
    if (found && continues(*style, value, *found) &&
        (lines[i].indent == lines[first].indent || lines[i].indent + found->width == text_column)) {
      return true;
    }
  }
  return false;
}

WrappedLine blank_line(int number) {
  WrappedLine line;
  line.number = number;
  line.source_columns = {1};
  return line;
}

int margin_of(const std::vector<WrappedLine>& lines) {
  int margin = -1;
  for (const WrappedLine& line : lines) {
    if (!line.blank() && (margin < 0 || line.indent < margin)) margin = line.indent;
  }
  return std::max(margin, 0);
}

// U+2010 HYPHEN, which groff writes for the hyphens it adds and, off Debian, for a word's own.
constexpr std::string_view unicode_hyphen = "\u2010";

// Whether every U+2010 of the file ends a line after a word, and there is one: then they are
// groff's hyphenation of a man page saved as text, not hyphens of the words. (Debian's groff
// writes a man page's own hyphens as ASCII '-': its man.local maps '-' to '\-'.)
bool hyphenates_at_line_ends(const std::vector<WrappedLine>& lines) {
  bool found = false;
  for (const WrappedLine& line : lines) {
    for (std::size_t at = line.text.find(unicode_hyphen); at != std::string::npos;
         at = line.text.find(unicode_hyphen, at + 1)) {
      if (at == 0 || line.text[at - 1] == ' ' || at + unicode_hyphen.size() != line.text.size()) return false;
      found = true;
    }
  }
  return found;
}

// Characters code and notices use and prose does not: indented lines with any of them stay
// preformatted (the GPL's "<one line to give the program's name>", a shell's "$", an "a = b").
bool has_code_characters(std::string_view text) {
  return text.find_first_of("{}<>=|\\`$#~^@") != std::string_view::npos;
}

// How a line of prose may start: a word, a number, a quotation or a bracket ('-' or '*' would be a
// list's or a diagram's).
bool starts_like_prose(std::string_view text) {
  const char c = text.front();
  return static_cast<unsigned char>(c) >= 0x80 || is_lower_ascii(c) || is_upper_ascii(c) || is_digit(c) ||
         std::string_view("\"'(").find(c) != std::string_view::npos;
}

// How a paragraph of prose ends: a sentence's end or a lead-in to what follows, perhaps inside a
// closing quotation mark or bracket ('fee.)', 'it."'). A command's quoted argument ('-m "Fix the
// typo"') or a call ('print("Hello")') does not.
bool ends_like_prose(std::string_view text) {
  for (bool closed = true; closed;) {
    closed = false;
    for (const std::string_view mark : {")", "]", "\"", "'", "\u201D", "\u2019"}) {
      if (text.ends_with(mark)) {
        text.remove_suffix(mark.size());
        closed = true;
      }
    }
  }
  return !text.empty() && std::string_view(".!?:").find(text.back()) != std::string_view::npos;
}

// Whether the indented lines [first, end) (blank ones between) are hard-wrapped prose set in from
// the margin, as a licence's definitions are (the Artistic License's tab-indented '"Package" refers
// to the collection of files …'), rather than code or a notice to copy as it stands. Each paragraph
// of them reads as prose: no character of code; its lines start as prose does, at one indentation
// (the first may be further in, by less than code_indent); all but its last are full, ending past
// two thirds of `width` (the text's, or when unknown the run's longest line, or 72); it ends as prose
// does; and a paragraph of one line is a sentence of five words or more.
bool is_indented_prose(const std::vector<WrappedLine>& lines, std::size_t first, std::size_t end, int width) {
  constexpr int min_sentence_words = 5;
  // The width text is most often wrapped at: in a file too short to tell its width, two short
  // lines are no wrapped paragraph (four lines of a sonnet, indented, keep their breaks).
  constexpr int least_wrap_width = 72;
  if (width <= 0) {
    width = least_wrap_width;
    for (std::size_t i = first; i < end; ++i) width = std::max(width, lines[i].end());
  }
  for (std::size_t top = first; top < end;) {
    std::size_t bottom = top;  // the paragraph's last line
    while (bottom + 1 < end && !lines[bottom + 1].blank()) ++bottom;
    for (std::size_t i = top; i <= bottom; ++i) {
      const WrappedLine& line = lines[i];
      if (has_code_characters(line.text) || !starts_like_prose(line.text)) return false;
      if (i > top + 1 && line.indent != lines[top + 1].indent) return false;
      if (i == top + 1 && (line.indent > lines[top].indent || lines[top].indent - line.indent >= code_indent)) {
        return false;
      }
      if (i < bottom && line.end() * 3 < width * 2) return false;
    }
    if (!ends_like_prose(lines[bottom].text)) return false;
    if (top == bottom && std::count(lines[top].text.begin(), lines[top].text.end(), ' ') < min_sentence_words - 1) {
      return false;
    }
    top = bottom + 1;
    while (top < end && lines[top].blank()) ++top;
  }
  return true;
}

// A line spread across the width in parts, as running heads and feet are ("APROPOS(1)      Manual
// pager utils      APROPOS(1)") and an RFC's opening lines ("Request for Comments: 9000      Mozilla").
bool is_spread(const WrappedLine& line) { return line.text.find("   ") != std::string::npos; }

// A short line that may name a section: no sentence ends it, and it is not spread.
bool is_heading_like(const WrappedLine& line) { return is_title_line(line) && !is_spread(line); }

// The body of a document whose section headings stand out to the left of it, the body indented as
// one: a man page saved as text ("NAME" at column 0, its text at 7, "   Exit status" at 3 between),
// an RFC ("1.  Introduction" at 0, its text at 3). Every line at the least indentation is a
// heading-like line with text indented further after it (at once, or after blank lines), or a line
// standing alone between blank lines or spread (a man page's head and foot, an RFC's opening lines
// and page breaks), and two or more are headings. The body's margin is the indentation most of
// the lines indented up to a tab further have (a man page's option descriptions, further in, do not
// count); heading-like lines between the two, with body text after them, are headings a level down.
struct OutdentedHeading {
  int line_number = 0;
  int level = 0;
};

struct OutdentedHeadings {
  int body_margin = 0;
  std::vector<OutdentedHeading> headings;  // by line number, ascending
};

std::optional<OutdentedHeadings> outdented_headings(const std::vector<WrappedLine>& lines) {
  constexpr std::size_t min_headings = 2;
  constexpr int max_body_indent = text_tab_width;
  const int margin = margin_of(lines);
  std::vector<int> count(max_body_indent + 1, 0);  // lines at each indentation up to a tab in
  for (const WrappedLine& line : lines) {
    if (!line.blank() && line.indent > margin && line.indent - margin <= max_body_indent) {
      ++count[static_cast<std::size_t>(line.indent - margin)];
    }
  }
  const auto most = std::max_element(count.begin(), count.end());  // the first of equals: the least in
  if (*most == 0) return std::nullopt;
  OutdentedHeadings found;
  found.body_margin = margin + static_cast<int>(most - count.begin());
  std::size_t top_headings = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const WrappedLine& line = lines[i];
    if (line.blank() || line.indent >= found.body_margin) continue;
    std::size_t next = i + 1;
    while (next < lines.size() && lines[next].blank()) ++next;
    if (next < lines.size() && lines[next].indent > line.indent && is_heading_like(line)) {
      found.headings.push_back({line.number, line.indent == margin ? 1 : 2});
      top_headings += line.indent == margin ? 1 : 0;
      continue;
    }
    // Lines between the headings' column and the body's are read as they come.
    if (line.indent > margin) continue;
    const bool alone = (i == 0 || lines[i - 1].blank()) && (i + 1 == lines.size() || lines[i + 1].blank());
    if (!alone && !is_spread(line)) return std::nullopt;
  }
  if (top_headings < min_headings) return std::nullopt;
  return found;
}

class Reader {
 public:
  Reader(const std::string& path, const std::vector<WrappedLine>& lines) : path_(path), width_(wrap_width(lines)) {
    // Numbered lines standing alone are headings only where the file numbers its sections that
    // way more than once: one "1. Preheat the oven." followed by prose is no section.
    int candidates = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].blank() || (i > 0 && !lines[i - 1].blank())) continue;
      if (numbered_heading_shape(lines, i, chunk_end(lines, i))) ++candidates;
    }
    numbered_headings_ = candidates >= 2;
    drop_line_end_hyphens_ = hyphenates_at_line_ends(lines);
  }

  std::vector<model::Block> read(const std::vector<WrappedLine>& lines) {
    document_margin_ = margin_of(lines);
    if (std::optional<OutdentedHeadings> outdented = outdented_headings(lines)) {
      document_margin_ = outdented->body_margin;
      outdented_headings_ = std::move(outdented->headings);
    }
    return parse(lines, document_margin_, 0, Scope::document);
  }

 private:
  struct NumberedHeading {
    std::size_t end = 0;  // the line after the heading
    int level = 0;
    long long value = 0;          // the section number's first part
    std::size_t text_offset = 0;  // where the title starts after the number
  };

  std::vector<model::Block> parse(const std::vector<WrappedLine>& lines, int margin, int depth, Scope scope);
  std::size_t list(std::vector<model::Block>& out, const std::vector<WrappedLine>& lines, std::size_t first, int margin,
                   int depth);
  std::size_t paragraph(std::vector<model::Block>& out, const std::vector<WrappedLine>& lines, std::size_t first,
                        std::size_t end, bool structured);
  std::size_t tagged(std::vector<model::Block>& out, const std::vector<WrappedLine>& lines, std::size_t first,
                     std::size_t end, int depth);
  void centred(std::vector<model::Block>& out, const std::vector<WrappedLine>& lines, std::size_t first,
               std::size_t end);
  model::Block box(const std::vector<WrappedLine>& lines, std::size_t first, std::size_t height, int depth);
  model::Block code(const std::vector<WrappedLine>& lines, std::size_t first, std::size_t end) const;
  model::Block heading(int level, const std::vector<WrappedLine>& lines, std::size_t first, std::size_t end);

  static std::size_t chunk_end(const std::vector<WrappedLine>& lines, std::size_t first) {
    std::size_t end = first;
    while (end < lines.size() && !lines[end].blank()) ++end;
    return end;
  }

  std::optional<int> outdented_level(int line_number) const {
    const auto found = std::lower_bound(outdented_headings_.begin(), outdented_headings_.end(), line_number,
                                        [](const OutdentedHeading& h, int n) { return h.line_number < n; });
    if (found == outdented_headings_.end() || found->line_number != line_number) return std::nullopt;
    return found->level;
  }
  std::optional<NumberedHeading> numbered_heading_shape(const std::vector<WrappedLine>& lines, std::size_t first,
                                                        std::size_t end) const;
  std::optional<NumberedHeading> numbered_heading(const std::vector<WrappedLine>& lines, std::size_t first,
                                                  std::size_t end) const;
  bool is_centred_block(const std::vector<WrappedLine>& lines, std::size_t first, std::size_t end, int margin) const;
  bool keeps_line_breaks(const std::vector<WrappedLine>& lines, std::size_t first, std::size_t end) const;
  std::vector<model::Inline> inlines(const std::vector<WrappedLine>& lines, std::size_t first, std::size_t end,
                                     model::InlineKind line_break) const;
  core::SourceLocation at(const WrappedLine& line, std::size_t offset = 0) const {
    return {path_, line.number, line.column(offset)};
  }

  const std::string& path_;
  int width_ = 0;  // the column full lines end at; 0 when unknown
  bool numbered_headings_ = false;
  int document_margin_ = 0;  // the column the document's text starts at, for centred lines inside lists
  std::vector<OutdentedHeading> outdented_headings_;  // headings left of the body's margin, ascending
  bool drop_line_end_hyphens_ = false;                // hyphenates_at_line_ends: join "bound‐" + "aries"
};

std::vector<model::Block> Reader::parse(const std::vector<WrappedLine>& lines, int margin, int depth, Scope scope) {
  std::vector<model::Block> out;
  const bool structured = depth < max_depth;
  const bool headed = scope != Scope::item;  // headings stand in the document and in boxes, not in items
  bool first_chunk = scope == Scope::document && depth == 0;
  std::size_t i = 0;
  std::size_t end = 0;  // the blank line (or the end) after the lines i is among
  while (true) {
    while (i < lines.size() && lines[i].blank()) ++i;
    if (i == lines.size()) break;
    // A block may end inside a run of lines (a heading underlined, a rule, a list after a colon);
    // what follows is read on from there. Boxes and columns are whole runs, looked for only at a
    // run's first line, so that reading on costs nothing more.
    const bool run_start = i >= end;
    if (run_start) end = chunk_end(lines, i);
    const WrappedLine& line = lines[i];
    const int offset = line.indent - margin;
    const bool is_first = std::exchange(first_chunk, false);

    if (const std::optional<int> level = outdented_level(line.number); level && scope == Scope::document) {
      const std::optional<NumberedHeading> numbered = numbered_heading_shape(lines, i, i + 1);
      out.push_back(heading(numbered ? numbered->level : *level, lines, i, i + 1));
      // The body under it starts a run of its own, even with no blank line between.
      end = ++i;
      continue;
    }
    if (structured && !outdented_headings_.empty() && scope != Scope::box && offset == 0) {
      if (const std::size_t next = tagged(out, lines, i, end, depth); next != i) {
        i = next;
        end = next;
        continue;
      }
    }

    if (structured && run_start) {
      if (const std::size_t height = box_height(lines, i, end); height > 0) {
        out.push_back(box(lines, i, height, depth));
        i += height;
        continue;
      }
    }
    if (headed && offset < code_indent && i + 1 < end) {
      if (const int level = underline_level(line, lines[i + 1]); level > 0) {
        out.push_back(heading(level, lines, i, i + 1));
        i += 2;
        continue;
      }
    }
    if (offset < code_indent && is_rule(line)) {
      out.push_back(model::container_block(model::BlockKind::thematic_break, {}, at(line)));
      ++i;
      continue;
    }
    if (scope == Scope::document && is_centred_block(lines, i, end, margin)) {
      centred(out, lines, i, end);
      i = end;
      continue;
    }
    if (headed) {
      if (const std::optional<NumberedHeading> numbered = numbered_heading(lines, i, end)) {
        out.push_back(heading(numbered->level, lines, i, numbered->end));
        i = numbered->end;
        continue;
      }
    }
    if (structured && offset < max_marker_indent) {
      if (const std::size_t next = list(out, lines, i, margin, depth); next != i) {
        i = next;
        continue;
      }
    }
    if (offset >= code_indent) {
      // Preformatted text runs on across blank lines while its lines stay indented.
      std::size_t last = i;
      for (std::size_t j = i; j < lines.size(); ++j) {
        if (lines[j].blank()) continue;
        if (lines[j].indent - margin < code_indent) break;
        last = j;
      }
      if (structured && is_indented_prose(lines, i, last + 1, width_)) {
        // Prose set in from the margin is a block of its own, read as text with its indentation
        // as margin.
        const std::vector<WrappedLine> inside(lines.begin() + static_cast<std::ptrdiff_t>(i),
                                              lines.begin() + static_cast<std::ptrdiff_t>(last + 1));
        out.push_back(model::container_block(model::BlockKind::block_quote,
                                             parse(inside, margin_of(inside), depth + 1, Scope::item), at(line)));
      } else {
        out.push_back(code(lines, i, last + 1));
      }
      i = last + 1;
      continue;
    }
    if (run_start && is_tabular(lines, i, end)) {
      out.push_back(code(lines, i, end));
      i = end;
      continue;
    }
    if (headed && end == i + 1) {
      const bool more = std::any_of(lines.begin() + static_cast<std::ptrdiff_t>(end), lines.end(),
                                    [](const WrappedLine& l) { return !l.blank(); });
      if (is_capitals_heading(line) || is_label_heading(line) || (is_first && more && is_title_line(line))) {
        out.push_back(heading(1, lines, i, end));
        i = end;
        continue;
      }
    }
    i = paragraph(out, lines, i, end, structured);
  }
  return out;
}

std::size_t Reader::list(std::vector<model::Block>& out, const std::vector<WrappedLine>& lines, std::size_t first,
                         int margin, int depth) {
  std::optional<ListMarker> marker = read_list_marker(lines[first].text);
  if (!marker) return first;
  const std::optional<ListStyle> style = style_of_first(*marker);
  if (!style) return first;
  const bool ordered = marker->ordered();
  model::Block list = model::container_block(ordered ? model::BlockKind::ordered_list : model::BlockKind::bullet_list,
                                             {}, at(lines[first]));
  long long value = ordered ? marker_value(*marker, style->numbering) : 0;
  if (ordered) {
    list.start = static_cast<int>(value);
    list.numbering = style->numbering;
  }

  std::size_t head = first;
  while (true) {
    const WrappedLine& head_line = lines[head];
    const int marker_indent = head_line.indent;
    const int text_column = head_line.indent + marker->width;
    std::vector<WrappedLine> item_lines{without_prefix(head_line, marker->length)};
    // The item takes the lines that follow it in its paragraph (indented or not, as hard-wrapped
    // lists are written), and after a blank line those indented past its marker; it ends at the
    // next item's marker, or at a line no further in than its own marker.
    std::optional<std::size_t> next;
    std::size_t j = head + 1;
    bool after_blank = false;
    for (; j < lines.size(); ++j) {
      const WrappedLine& line = lines[j];
      if (line.blank()) {
        after_blank = true;
        continue;
      }
      const std::optional<ListMarker> found = read_list_marker(line.text);
      const bool aligned = line.indent == marker_indent || (found && line.indent + found->width == text_column);
      if (found && aligned && continues(*style, value, *found)) {
        next = j;
        marker = found;
        break;
      }
      if (line.indent <= marker_indent && (after_blank || (found && may_interrupt(*found)))) break;
      // After a blank line the item goes on with text indented to its own, with a list indented
      // past its marker (the GPL's "    a)" under "  2."), or with a block indented as far as
      // preformatted text (LGPL's "    (For example, …)" note under "  2."); a paragraph indented
      // less, with a first-line indent, is the document's.
      if (after_blank && line.indent < text_column && !found && line.indent - margin < code_indent) break;
      // A centred line ("NO WARRANTY", "END OF TERMS AND CONDITIONS") is the document's.
      if (after_blank && is_centred_block(lines, j, chunk_end(lines, j), document_margin_)) break;
      // A nested list starts a block of its own, as if a blank line were before it.
      if (after_blank || (found && may_interrupt(*found))) item_lines.push_back(blank_line(line.number));
      item_lines.push_back(line);
      after_blank = false;
    }
    const int marker_column = head_line.column();
    model::Block item =
        model::container_block(model::BlockKind::list_item, parse(item_lines, text_column, depth + 1, Scope::item),
                               {path_, head_line.number, marker_column});
    list.children.push_back(std::move(item));
    if (!next) {
      out.push_back(std::move(list));
      return j;
    }
    head = *next;
    value = ordered ? marker_value(*marker, style->numbering) : 0;
  }
}

std::size_t Reader::paragraph(std::vector<model::Block>& out, const std::vector<WrappedLine>& lines, std::size_t first,
                              std::size_t end, bool structured) {
  std::size_t j = first + 1;
  for (; j < end; ++j) {
    const WrappedLine& line = lines[j];
    // A line underlined, a rule, or a list announced by a colon ends the paragraph.
    if (j + 1 < end && underline_level(line, lines[j + 1]) > 0) break;
    if (is_rule(line)) break;
    if (structured && lines[j - 1].text.back() == ':' && starts_list_of_two(lines, j, end)) break;
  }
  const bool keep_breaks = keeps_line_breaks(lines, first, j);
  out.push_back(model::paragraph_block(
      inlines(lines, first, j, keep_breaks ? model::InlineKind::hard_break : model::InlineKind::soft_break),
      at(lines[first])));
  return j;
}

// A man page's tagged paragraph: a short tag ("-d, --debug") on a line of its own with its
// description indented under it at once, or a tag shorter than a tab with its description after
// spaces on the same line ("-l     use a long listing format") and then under it; the description
// goes on in blocks as far in. They are read as HTML's <dt> and <dd> are (import/html_blocks): the
// tag a paragraph in strong type, the description an indented block, read with its indentation as
// margin, as a list item's text is, so that its prose is prose and not preformatted text. Returns
// the line after the description, or `first` when no tagged paragraph starts there.
std::size_t Reader::tagged(std::vector<model::Block>& out, const std::vector<WrappedLine>& lines, std::size_t first,
                           std::size_t end, int depth) {
  const WrappedLine& tag = lines[first];
  // A bullet or a number with its text wrapped under it is a list item, read as one.
  if (tag.width > max_heading_width || read_list_marker(tag.text)) return first;
  int column = 0;
  std::size_t gap = tag.text.find("  ");  // where the description starts on the tag's line, if it does
  if (gap != std::string::npos) {
    column = tag.indent +
             static_cast<int>(code_points(std::string_view(tag.text).substr(0, tag.text.find_first_not_of(' ', gap))));
    if (column - tag.indent > text_tab_width) return first;
  } else {
    if (end - first < 2) return first;
    column = lines[first + 1].indent;
  }
  // A line or two indented by a column under a lead-in ("Example:") is no description.
  constexpr int min_description_indent = 2;
  if (column - tag.indent < min_description_indent) return first;
  for (std::size_t j = first + 1; j < end; ++j) {
    if (lines[j].indent < column) return first;
  }
  std::size_t last = end - 1;
  for (std::size_t j = end; j < lines.size(); ++j) {
    if (lines[j].blank()) continue;
    if (lines[j].indent < column) break;
    last = j;
  }
  std::vector<WrappedLine> description;
  WrappedLine term = tag;
  if (gap != std::string::npos) {
    description.push_back(without_prefix(tag, tag.text.find_first_not_of(' ', gap)));
    term.text.resize(gap);
    term.source_columns.resize(gap + 1);
    term.width = static_cast<int>(code_points(term.text));
  }
  description.insert(description.end(), lines.begin() + static_cast<std::ptrdiff_t>(first + 1),
                     lines.begin() + static_cast<std::ptrdiff_t>(last + 1));
  out.push_back(model::paragraph_block(
      {model::span_inline(model::InlineKind::strong, inlines({term}, 0, 1, model::InlineKind::soft_break), at(tag))},
      at(tag)));
  out.back().role = model::BlockRole::term;
  out.push_back(model::container_block(model::BlockKind::block_quote,
                                       parse(description, column, depth + 1, Scope::item), at(description.front())));
  return last + 1;
}

void Reader::centred(std::vector<model::Block>& out, const std::vector<WrappedLine>& lines, std::size_t first,
                     std::size_t end) {
  // The first line is the block's heading ("GNU GENERAL PUBLIC LICENSE", "Preamble") unless it
  // runs on; the lines under it ("Version 3, 29 June 2007") are a centred paragraph.
  const WrappedLine& top = lines[first];
  if (top.width <= max_heading_width && std::string_view(",;:").find(top.text.back()) == std::string_view::npos) {
    out.push_back(heading(1, lines, first, first + 1));
    ++first;
  }
  if (first == end) return;
  model::Block rest =
      model::paragraph_block(inlines(lines, first, end, model::InlineKind::hard_break), at(lines[first]));
  rest.align = model::Align::center;
  out.push_back(std::move(rest));
}

model::Block Reader::box(const std::vector<WrappedLine>& lines, std::size_t first, std::size_t height, int depth) {
  std::vector<WrappedLine> inside;
  for (std::size_t i = first + 1; i + 1 < first + height; ++i) inside.push_back(box_inside(lines[i]));
  std::vector<model::Block> children = parse(inside, margin_of(inside), depth + 1, Scope::box);
  // An empty frame is an ornament: a break in the text.
  if (children.empty()) return model::container_block(model::BlockKind::thematic_break, {}, at(lines[first]));
  return model::container_block(model::BlockKind::aside, std::move(children), at(lines[first]));
}

model::Block Reader::code(const std::vector<WrappedLine>& lines, std::size_t first, std::size_t end) const {
  const int indent = margin_of(std::vector<WrappedLine>(lines.begin() + static_cast<std::ptrdiff_t>(first),
                                                        lines.begin() + static_cast<std::ptrdiff_t>(end)));
  model::Block block;
  block.kind = model::BlockKind::code_block;
  block.location = at(lines[first]);
  for (std::size_t i = first; i < end; ++i) {
    if (i > first) block.text += '\n';
    if (lines[i].blank()) continue;
    block.text.append(static_cast<std::size_t>(lines[i].indent - indent), ' ');
    block.text += lines[i].text;
  }
  return block;
}

model::Block Reader::heading(int level, const std::vector<WrappedLine>& lines, std::size_t first, std::size_t end) {
  return model::heading_block(level, inlines(lines, first, end, model::InlineKind::soft_break), at(lines[first]));
}

std::optional<Reader::NumberedHeading> Reader::numbered_heading_shape(const std::vector<WrappedLine>& lines,
                                                                      std::size_t first, std::size_t end) const {
  const WrappedLine& line = lines[first];
  const std::optional<SectionNumber> number = read_section_number(line.text);
  if (!number || end - first > 2) return std::nullopt;
  std::string title = collapse_spaces(std::string_view(line.text).substr(number->length));
  int width = line.width;
  int limit = max_heading_width;
  if (end - first == 2) {
    // A title wrapped at the line's end: the first line is full, and the second no further in.
    const WrappedLine& second = lines[first + 1];
    if (width_ <= 0 || line.end() * 3 < width_ * 2 || second.indent > line.indent) return std::nullopt;
    title += ' ' + collapse_spaces(second.text);
    width += 1 + second.width;
    limit = max_wrapped_heading_width;
  }
  if (width > limit || !reads_as_title(title)) return std::nullopt;
  return NumberedHeading{end, std::min(6, 1 + number->parts), number->value, number->length};
}

// "  0. Definitions." standing alone, with the section's prose after it, as the GPL numbers its
// sections. A numbered line followed by text indented to its text, or by the next number, is a
// list item instead (Apache's "   1. Definitions." and its indented definitions).
std::optional<Reader::NumberedHeading> Reader::numbered_heading(const std::vector<WrappedLine>& lines,
                                                                std::size_t first, std::size_t end) const {
  if (!numbered_headings_) return std::nullopt;
  const std::optional<NumberedHeading> shape = numbered_heading_shape(lines, first, end);
  if (!shape) return std::nullopt;
  std::size_t next = shape->end;
  while (next < lines.size() && lines[next].blank()) ++next;
  if (next == lines.size()) return std::nullopt;
  const WrappedLine& head = lines[first];
  const WrappedLine& after = lines[next];
  const int text_column = head.indent + static_cast<int>(shape->text_offset);  // the number is ASCII
  if (after.indent >= text_column) return std::nullopt;
  const std::optional<ListMarker> marker = read_list_marker(after.text);
  if (marker && marker->decimal == shape->value + 1 && after.indent == head.indent) return std::nullopt;
  return shape;
}

bool Reader::is_centred_block(const std::vector<WrappedLine>& lines, std::size_t first, std::size_t end,
                              int margin) const {
  if (end - first > max_centred_lines) return false;
  bool indented = false;
  for (std::size_t i = first; i < end; ++i) {
    if (!is_centred(lines[i], margin, width_)) return false;
    indented = indented || lines[i].indent - margin >= centred_indent;
  }
  return indented;
}

// Lines broken on purpose (an address, a verse, a signature) rather than filled: three or more
// lines, and the next line's first word would have fitted on each, which ends well before the
// text's right edge. (Two lines are too little to tell a short line from a careless break.)
bool Reader::keeps_line_breaks(const std::vector<WrappedLine>& lines, std::size_t first, std::size_t end) const {
  constexpr std::size_t min_lines = 3;
  if (width_ <= 0 || end - first < min_lines) return false;
  for (std::size_t i = first; i + 1 < end; ++i) {
    const std::string& next = lines[i + 1].text;
    const int next_word = static_cast<int>(code_points(std::string_view(next).substr(0, next.find(' '))));
    if (lines[i].end() + 1 + next_word > width_ || lines[i].end() * 5 > width_ * 4) return false;
  }
  return true;
}

// Whether `line` ends in a hyphen after something other than a space: '-' (after any number of
// them), or U+2010 HYPHEN, which groff writes for every hyphen of a man page saved as text.
bool ends_in_word_hyphen(const std::string& line) {
  if (line.ends_with(unicode_hyphen)) {
    return line.size() > unicode_hyphen.size() && line[line.size() - unicode_hyphen.size() - 1] != ' ';
  }
  const std::size_t before_hyphens = line.find_last_not_of('-');
  return line.ends_with('-') && before_hyphens != std::string::npos && line[before_hyphens] != ' ';
}

// The lines as text runs, each at its own line and column, with `line_break` between them. A line
// ending in a hyphen after a letter joins the next without a space: hard-wrapped text breaks
// lines at spaces and at hyphens that are there anyway ("well-" + "known" is "well-known"), and
// never adds one, so the hyphen stays and no space is added. Only groff's hyphenation (see
// hyphenates_at_line_ends) is removed.
std::vector<model::Inline> Reader::inlines(const std::vector<WrappedLine>& lines, std::size_t first, std::size_t end,
                                           model::InlineKind line_break) const {
  std::vector<model::Inline> out;
  for (std::size_t i = first; i < end; ++i) {
    const WrappedLine& line = lines[i];
    if (i > first) {
      const std::string& previous = lines[i - 1].text;
      if (!ends_in_word_hyphen(previous)) {
        model::Inline gap;
        gap.kind = line_break;
        gap.location = at(line);
        out.push_back(std::move(gap));
      } else if (drop_line_end_hyphens_ && previous.ends_with(unicode_hyphen)) {
        std::string& joined = out.back().text;  // the line before, as its text ran
        if (joined.ends_with(unicode_hyphen)) joined.resize(joined.size() - unicode_hyphen.size());
      }
    }
    out.push_back(model::text_inline(smarten_punctuation(collapse_spaces(line.text)), at(line)));
  }
  return out;
}

std::string_view trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// True when the first run of "- " lines among `texts` (a file's lines, trimmed, blank ones left
// out) is the seeds' outline: one of its entries is a line of its own further on, a heading.
// Entries and lines compare smartened, as the seeds' reader matches them.
bool has_seed_outline(const std::vector<std::string_view>& texts) {
  constexpr std::string_view marker = "- ";
  std::size_t i = 0;
  while (i < texts.size() && !texts[i].starts_with(marker)) ++i;
  std::unordered_set<std::string> entries;
  std::size_t longest = 0;
  for (; i < texts.size() && texts[i].starts_with(marker); ++i) {
    // An entry is a section's title, short and no sentence (dialogue set off by dashes is not).
    const std::string_view title = trimmed(texts[i].substr(marker.size()));
    if (code_points(title) > static_cast<std::size_t>(max_heading_width) || ends_like_prose(title)) return false;
    std::string entry = smarten_punctuation(title);
    longest = std::max(longest, entry.size());
    entries.insert(std::move(entry));
  }
  for (; i < texts.size(); ++i) {
    // Smartening never shortens text: only a line no longer than an entry can match one.
    if (texts[i].size() <= longest && entries.contains(smarten_punctuation(texts[i]))) return true;
  }
  return false;
}

// Whether `line` reads as a paragraph written on one line: prose too wide to have been wrapped
// (is_unwrapped_prose), at the text's `margin`, starting as a paragraph does (not in lower case,
// not a list's item) and ending a sentence.
bool is_paragraph_line(const WrappedLine& line, int margin) {
  return !line.blank() && line.indent == margin && !is_lower_ascii(line.text.front()) && !read_list_marker(line.text) &&
         is_unwrapped_prose(line.text) && ends_like_prose(line.text);
}

// A line shown on its own beside paragraphs written on one line: a title or a heading, short, at
// the margin, reading as a title (reads_as_title: capitals, no sentence, no lead-in), and no list's
// item. A line of a paragraph wrapped at 72 columns or less reads otherwise, mostly.
bool is_display_line(const WrappedLine& line, int margin) {
  const std::string_view text = line.text;
  return line.indent == margin && line.width <= max_heading_width && !ends_like_prose(text) &&
         !read_list_marker(text) && reads_as_title(text);
}

// Which of `lines` are paragraphs written on one line, as word processors save text and the seeds
// are written (is_paragraph_line), in a run made of such lines and of display lines only (titles,
// headings). A run with any other line is left as it is: a long line there is a paragraph's or a
// list item's, wrapped or edited by hand, whose other lines go on with it.
std::vector<bool> paragraph_lines(const std::vector<WrappedLine>& lines) {
  std::vector<bool> found(lines.size(), false);
  const int margin = margin_of(lines);
  const auto is_paragraph = [margin](const WrappedLine& line) { return is_paragraph_line(line, margin); };
  for (std::size_t first = 0; first < lines.size();) {
    if (lines[first].blank()) {
      ++first;
      continue;
    }
    std::size_t end = first;
    bool any = false;
    bool only_these = true;
    for (; end < lines.size() && !lines[end].blank(); ++end) {
      const bool paragraph = is_paragraph(lines[end]);
      any = any || paragraph;
      only_these = only_these && (paragraph || is_display_line(lines[end], margin));
    }
    if (any && only_these && box_height(lines, first, end) == 0) {
      for (std::size_t i = first; i < end; ++i) found[i] = is_paragraph(lines[i]);
    }
    first = end;
  }
  return found;
}

// `lines` with each paragraph line (`apart`) set apart from the lines around it, as if blank lines
// were there: joined to them, a file's paragraphs would run into one, with any short line between
// them (a heading) inside.
std::vector<WrappedLine> set_apart(const std::vector<WrappedLine>& lines, const std::vector<bool>& apart) {
  std::vector<WrappedLine> out;
  out.reserve(lines.size() + lines.size() / 2);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (apart[i] && !out.empty() && !out.back().blank()) out.push_back(blank_line(lines[i].number));
    out.push_back(lines[i]);
    if (apart[i] && i + 1 < lines.size() && !lines[i + 1].blank()) out.push_back(blank_line(lines[i].number));
  }
  return out;
}

// A seed's form with blank lines in it (paragraphs added after blank lines), as the seeds open: a
// lead of paragraphs written on one line (is_paragraph_line) from the file's first line, then the
// outline, whose entries recur as headings; and nothing the seeds never have, an underline, text
// indented as code, or a paragraph wrapped over several lines. A README or a FAQ whose contents
// list recurs as headings opens otherwise, or has those.
// The lines it looks at, when it gets past its quick refusal, are made into `wrapped`, for the
// reading that follows when it says no.
bool is_seed_form_with_blank_lines(const std::vector<SourceLine>& source,
                                   std::optional<std::vector<WrappedLine>>& wrapped) {
  // A quick refusal for the hard-wrapped text most files with blank lines are: its first line is
  // short.
  const auto opening =
      std::find_if(source.begin(), source.end(), [](const SourceLine& line) { return !trimmed(line.text).empty(); });
  if (opening == source.end() || opening->text.size() <= one_line_paragraph_width) return false;
  const std::vector<WrappedLine>& lines = wrapped.emplace(wrapped_lines(source));
  const int margin = margin_of(lines);
  std::size_t i = 0;
  while (i < lines.size() && lines[i].blank()) ++i;
  if (i == lines.size() || !is_paragraph_line(lines[i], margin)) return false;
  for (; i < lines.size() && !lines[i].text.starts_with("- "); ++i) {
    if (!lines[i].blank() && !is_paragraph_line(lines[i], margin)) return false;  // the lead is paragraphs alone
  }
  for (std::size_t j = 0; j < lines.size(); ++j) {
    if (lines[j].blank()) continue;
    if (lines[j].indent - margin >= code_indent) return false;
    if (j > 0 && underline_level(lines[j - 1], lines[j]) > 0) return false;
    // Lines with another beside them are paragraphs on one line, the outline's entries or titles:
    // a paragraph wrapped over several lines is no seed's.
    const bool beside_another = (j > 0 && !lines[j - 1].blank()) || (j + 1 < lines.size() && !lines[j + 1].blank());
    if (beside_another && !is_paragraph_line(lines[j], margin) && !lines[j].text.starts_with("- ") &&
        !is_display_line(lines[j], margin)) {
      return false;
    }
  }
  std::vector<std::string_view> texts;
  texts.reserve(source.size());
  for (const SourceLine& line : source) {
    if (const std::string_view text = trimmed(line.text); !text.empty()) texts.push_back(text);
  }
  return has_seed_outline(texts);
}

// Whether `lines` are hard-wrapped text (read_if_wrapped_text); `wrapped` as in
// is_seed_form_with_blank_lines.
bool is_wrapped_text(const std::vector<SourceLine>& lines, std::optional<std::vector<WrappedLine>>& wrapped) {
  int text_lines = 0;
  bool blank_after_text = false;
  bool seed_marks = false;  // a "- " line, or one wider than hard-wrapped text's
  for (const SourceLine& line : lines) {
    const std::string_view text = trimmed(line.text);
    if (text.empty()) {
      blank_after_text = text_lines > 0;
      continue;
    }
    // Blank lines between paragraphs mark hard-wrapped text, but for a seed with blank lines in it.
    if (blank_after_text) return !is_seed_form_with_blank_lines(lines, wrapped);
    ++text_lines;
    // Once a mark is found, only a blank line between paragraphs is still looked for.
    if (seed_marks) continue;
    if (text.starts_with("- ")) seed_marks = true;
    if (code_points(line.text) > static_cast<std::size_t>(unwrapped_line_width)) seed_marks = true;
  }
  return text_lines >= 2 && !seed_marks;
}

}  // namespace

std::optional<std::vector<model::Block>> read_if_wrapped_text(const std::string& path,
                                                              const std::vector<SourceLine>& lines) {
  // Made once: telling a seed with blank lines from wrapped text may have made them already.
  std::optional<std::vector<WrappedLine>> made;
  if (!is_wrapped_text(lines, made)) return std::nullopt;
  const std::vector<WrappedLine>& wrapped = made ? *made : made.emplace(wrapped_lines(lines));
  // The text's width, its numbered headings and its hyphens are read from its lines as they are.
  Reader reader(path, wrapped);
  const std::vector<bool> apart = paragraph_lines(wrapped);
  if (std::none_of(apart.begin(), apart.end(), [](bool each) { return each; })) return reader.read(wrapped);
  return reader.read(set_apart(wrapped, apart));
}

}  // namespace octavo::import
