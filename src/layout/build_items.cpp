#include "layout/build_items.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <utility>

#include "core/url.hpp"
#include "core/utf8.hpp"
#include "layout/word_shapes.hpp"

namespace octavo::layout {
namespace {

bool is_breaking_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x2006) || (c >= 0x2008 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x205F ||
         c == 0x3000;
}

// No-break space, figure space, narrow no-break space: drawn as a plain space inside the word, so
// no line ends there (the fonts' U+00A0 has the width of U+0020 anyway).
bool is_no_break_space(char32_t c) { return c == 0xA0 || c == 0x2007 || c == 0x202F; }

// Default-ignorable characters (Unicode §5.21) have no appearance of their own: joiners,
// variation selectors, word joiner, byte order mark, tags. Drawing a placeholder for them would
// add a box that the text does not show. U+00AD (soft hyphen) is one of them; libharu would draw
// it as a visible hyphen.
bool is_ignorable(char32_t c) {
  return c == 0xAD || c == 0x34F || c == 0x180E || c == 0x200C || c == 0x200D || (c >= 0x2060 && c <= 0x2064) ||
         c == 0xFEFF || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0000 && c <= 0xE0FFF);
}

// Web and mail links; the test the EPUB and the Markdown reader use too (core/url.hpp).
bool is_external(const std::string& target) { return core::is_web_or_mail_url(target); }

bool is_code_space(char32_t c) { return c == ' ' || c == '\t'; }

bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_alphanumeric(char c) { return is_ascii_lower(c) || is_ascii_upper(c) || (c >= '0' && c <= '9'); }

// A character that may start or continue a token: a break before it (after punctuation) leaves
// the token whole. Everything beyond ASCII counts, for identifiers in other scripts.
bool is_token_character(char32_t c) {
  return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$' || c == '"' || c == '\'' || c == '`';
}

// Where a line of code may break between `c` and the `next` character, as a penalty; no_break
// where it may not. `before` is the character before `c`, U+0000 at the start of the text. After a
// run of spaces (the spaces end the broken line, where they are invisible); after ',' and ';';
// after '/', '.', ':', '=', '|', '(', '[' and '{' when a token follows and something other than a
// space precedes, so that "//", "/*", "::", "=>", "||" and "((" stay whole, "std::chrono" breaks
// after its "::", and a leading ".zst" or "/usr" keeps its first character; never inside a number
// ("5.11.0"); and before a '-' that follows a token or a closing bracket, never after it:
// extractors delete a line-final hyphen and join the lines (see add_cluster), which would change
// the code.
int code_break_between(char32_t before, char32_t c, char32_t next) {
  if (is_code_space(c)) return is_code_space(next) ? no_break : code_space_penalty;
  if (is_code_space(next)) return no_break;  // the break comes after the spaces
  if (c == ',' || c == ';') return next == ',' || next == ';' ? no_break : code_punctuation_penalty;
  const auto is_digit = [](char32_t d) { return d >= '0' && d <= '9'; };
  if ((c == '/' || c == '.' || c == ':' || c == '=' || c == '|' || c == '(' || c == '[' || c == '{') &&
      is_token_character(next) && before != U'\0' && !is_code_space(before) &&
      !(c == '.' && is_digit(before) && is_digit(next))) {
    return code_punctuation_penalty;
  }
  if (next == '-' && (is_token_character(c) || c == ')' || c == ']' || c == '}')) return code_punctuation_penalty;
  return no_break;
}

// The byte offsets inside `text`, a word or a piece of one, where code_break_between allows a break.
std::vector<std::size_t> punctuation_breaks(std::string_view text) {
  std::vector<std::size_t> breaks;
  std::size_t pos = 0;
  char32_t before = U'\0';
  char32_t c = text.empty() ? U'\0' : core::decode_utf8(text, pos);
  while (pos < text.size()) {
    const std::size_t at = pos;
    const char32_t next = core::decode_utf8(text, pos);
    if (code_break_between(before, c, next) < no_break) breaks.push_back(at);
    before = std::exchange(c, next);
  }
  return breaks;
}

// Where an identifier may break when nothing else lets it fit a line: after an underscore and
// between a lower-case and an upper-case letter ("NODE_|PERFORMANCE_|FLAGS", "get|Addr|Info"), as a
// long identifier is broken in printed reference books. No hyphen marks the break.
std::vector<std::size_t> identifier_breaks(std::string_view text) {
  std::vector<std::size_t> breaks;
  for (std::size_t at = 1; at < text.size(); ++at) {
    const char c = text[at - 1];
    const char next = text[at];
    if ((c == '_' && is_ascii_alphanumeric(next)) || (is_ascii_lower(c) && is_ascii_upper(next))) {
      breaks.push_back(at);
    }
  }
  return breaks;
}

// Characters a URL may break after (Chicago 7.47 breaks before them, so that a line does not seem
// to end a sentence; after keeps what pdftotext gives back a prefix of the URL on each line).
bool breaks_after_in_url(char c) { return c == '/' || c == '.' || c == '?' || c == '&'; }

bool starts_with_lower(std::string_view text, std::size_t at, std::string_view prefix) {
  if (text.size() - at < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[at + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// True if "www." is in `word`, in any case.
bool holds_www(std::string_view word) {
  for (std::size_t dot = word.find('.', 3); dot != std::string_view::npos; dot = word.find('.', dot + 1)) {
    if (starts_with_lower(word, dot - 3, "www")) return true;
  }
  return false;
}

// Where the first URL in `word` starts ("http://", "https://", "ftp://", or "www." at the start
// or after punctuation), in bytes; npos when it holds none.
std::size_t url_start(std::string_view word) {
  // Every start below holds "://" or "www.": most words have neither, and are passed at once.
  if (word.find("://") == std::string_view::npos && !holds_www(word)) return std::string_view::npos;
  for (std::size_t at = 0; at < word.size(); ++at) {
    if (starts_with_lower(word, at, "http://") || starts_with_lower(word, at, "https://") ||
        starts_with_lower(word, at, "ftp://")) {
      return at;
    }
    if (starts_with_lower(word, at, "www.") &&
        (at == 0 || !is_token_character(static_cast<unsigned char>(word[at - 1])))) {
      return at;
    }
  }
  return std::string_view::npos;
}

// The byte offsets inside `word` where its URL may break: after a run of '/', '.', '?' or '&'
// ("https://" stays whole), and before a '-' that does not follow another. Never after a '-': a
// line ending in one is read by extractors as hyphenated, and they delete the hyphen and join the
// lines. Empty when the word holds no URL. Offsets fall between characters: every byte compared
// is ASCII, and no UTF-8 continuation byte is.
std::vector<std::size_t> url_breaks(std::string_view word) {
  std::vector<std::size_t> breaks;
  const std::size_t start = url_start(word);
  if (start == std::string_view::npos) return breaks;
  for (std::size_t at = start + 1; at < word.size(); ++at) {
    const char before = word[at - 1];
    const char after = word[at];
    if ((breaks_after_in_url(before) && !breaks_after_in_url(after)) || (after == '-' && before != '-')) {
      breaks.push_back(at);
    }
  }
  return breaks;
}

// A word at least this long (in bytes) with a slash or an at sign inside is a path or an address,
// not "and/or": it breaks as a URL does.
constexpr std::size_t min_path_length = 16;

// Where a word that is a file path or a mail address, not a URL, may break: after a '/' or an '@'
// between letters or digits ("Documentation/|gitcvs-migration.txt", "git-security@|googlegroups.com"),
// so that a line before it is not stretched to make room for it whole. None for a shorter word.
std::vector<std::size_t> path_breaks(std::string_view word) {
  std::vector<std::size_t> breaks;
  if (word.size() < min_path_length) return breaks;
  for (std::size_t at = 2; at < word.size(); ++at) {
    const char mark = word[at - 1];
    if ((mark == '/' || mark == '@') && is_ascii_alphanumeric(word[at - 2]) && is_ascii_alphanumeric(word[at])) {
      breaks.push_back(at);
    }
  }
  return breaks;
}

// Where the run of printable ASCII (U+0021 to U+007E: no space, no control) that starts at `pos`
// and that `face` draws ends, less its last character when a byte of another script follows,
// which may be a combining mark or an ignorable character belonging to that character's
// cluster. Such a run is a string of one-character clusters that need no shaping. It stops at
// the first character the face lacks, so each byte is looked at once whatever the text.
std::size_t drawn_ascii_run_end(std::string_view text, std::size_t pos, fonts::GlyphCoverage& coverage,
                                fonts::FontFace face) {
  std::size_t end = pos;
  while (end < text.size() && text[end] > ' ' && text[end] < '\x7F' &&
         coverage.has_glyph(face, static_cast<unsigned char>(text[end]))) {
    ++end;
  }
  if (end > pos && end < text.size() && static_cast<unsigned char>(text[end]) >= 0x80) --end;
  return end;
}

// The breaks of a URL in `word`, else those of a path or an address.
std::vector<std::size_t> address_breaks(std::string_view word) {
  std::vector<std::size_t> breaks = url_breaks(word);
  return breaks.empty() ? path_breaks(word) : breaks;
}

}  // namespace

fonts::FontFace face_for(const TextStyle& style) {
  if (style.code) return fonts::FontFace::mono;
  if (style.bold) return style.italic ? fonts::FontFace::serif_bold_italic : fonts::FontFace::serif_bold;
  return style.italic ? fonts::FontFace::serif_italic : fonts::FontFace::serif;
}

ItemBuilder::ItemBuilder(LayoutContext& context, core::Pt measure, bool warn_long_words)
    : context_(context), measure_(measure), warn_long_words_(warn_long_words) {}

int ItemBuilder::add_link(LinkTarget target) {
  list_.links.push_back(std::move(target));
  return static_cast<int>(list_.links.size() - 1);
}

std::optional<LinkTarget> ItemBuilder::resolve(const model::Inline& link) const {
  const std::string& target = link.target;
  if (link.target_article.empty() && is_external(target)) return LinkTarget{"", target};
  const bool in_book = !link.target_article.empty() || (!target.empty() && target.front() == '#');
  if (in_book && resolver_) return resolver_(link);
  // Anything else (a relative file name the importer left) has no place in a PDF.
  return std::nullopt;
}

std::optional<LinkTarget> ItemBuilder::resolve_id(const std::string& id) const {
  // The place `id` names in this article, looked up as a link "#id" would be.
  model::Inline link;
  link.kind = model::InlineKind::link;
  link.target = "#" + id;
  return resolve(link);
}

void ItemBuilder::add_text(std::string_view text, const TextStyle& style, const core::SourceLocation& location,
                           int link) {
  const fonts::FontFace face = face_for(style);
  // About one item for every three bytes of text (a box, a glue, a hyphenation point or two a
  // word): reserved at once rather than grown by doubling, each step moving every item so far.
  if (const std::size_t wanted = list_.items.size() + text.size() / 3; list_.items.capacity() < wanted) {
    list_.items.reserve(std::max(wanted, 2 * list_.items.capacity()));
  }
  // Code comes a line per call: its indentation offers no break (a line of nothing but spaces).
  bool indentation = true;
  char32_t before = U'\0';  // the character before `c`
  std::size_t pos = 0;
  for (char32_t c = U'\0'; pos < text.size(); before = c) {
    // Most text is runs of ASCII letters, digits and punctuation, each a cluster of its own: as
    // far as the run's face draws them, they are added at once. Appended one by one, they would
    // join the same piece (append_to_segment), so the items are the same.
    if (!literal_) {
      const std::size_t run_end = drawn_ascii_run_end(text, pos, context_.coverage, face);
      const std::string_view run = text.substr(pos, run_end - pos);
      if (!run.empty()) {
        if (segment_.empty()) segment_location_ = location;
        append_to_segment(run, style, face, link);
        c = static_cast<char32_t>(run.back());
        pos = run_end;
        continue;
      }
    }
    c = core::decode_utf8(text, pos);
    if (literal_ && is_code_space(c)) {
      add_cluster(U" ", style, face, link, location);
    } else if (is_breaking_space(c)) {
      add_space(style);
    } else if (c == 0x200B) {
      // Zero-width space: a break opportunity that takes no room.
      flush_segment();
      if (!list_.items.empty()) list_.items.push_back(penalty_item(0));
    } else if (!is_ignorable(c)) {
      // A character and the combining marks after it are one cluster, drawn in one face when a
      // face has them all (the marks are dropped only where they would be dropped alone).
      std::u32string cluster(1, is_no_break_space(c) ? U' ' : c);
      while (pos < text.size()) {
        std::size_t next = pos;
        const char32_t mark = core::decode_utf8(text, next);
        if (!fonts::is_combining_mark(mark) && !is_ignorable(mark)) break;
        if (!is_ignorable(mark)) cluster += mark;
        pos = next;
      }
      add_cluster(cluster, style, face, link, location);
    }
    if (literal_ && pos < text.size()) {
      indentation = indentation && is_code_space(c);
      std::size_t peek = pos;
      const int penalty = code_break_between(before, c, core::decode_utf8(text, peek));
      if (!indentation && penalty < no_break) {
        flush_segment();
        if (!list_.items.empty() && list_.items.back().kind == ItemKind::box)
          list_.items.push_back(penalty_item(penalty));
      }
    }
  }
}

void ItemBuilder::add_space(const TextStyle& style) {
  flush_segment();
  // Runs of spaces collapse, and a paragraph never starts with glue (Knuth–Plass discard it at a
  // break anyway; here it would only indent the first line).
  if (list_.items.empty() || list_.items.back().kind == ItemKind::glue) return;
  const fonts::FontFace face = face_for(style);
  const core::Pt width = context_.metrics.width(face, " ", style.size);
  list_.items.push_back(glue_item(width, width * context_.style.space_stretch, width * context_.style.space_shrink));
}

void ItemBuilder::add_cluster(std::u32string_view cluster, const TextStyle& style, fonts::FontFace face, int link,
                              const core::SourceLocation& location) {
  // Lines break only at spaces, never after a dash, slash or hyphen inside a word: an extractor
  // (pdftotext, copy and paste) reads every line end as a space, and deletes a line-final U+002D
  // as a hyphenation, so "stimulating—makes" or "7-hydroxy" broken there would come back changed.
  // Hyphenation (issue #3) may add a U+002D at a break precisely because extractors remove it.
  // URLs and code are the exceptions (url_breaks, code_break_between): they break at their
  // punctuation, but never after a hyphen, only before one.
  if (segment_.empty()) segment_location_ = location;

  // The run's face, else the first face of the fallback chain (glyph_coverage.hpp) that has the
  // whole cluster. A face change makes a piece of its own, measured in its face (flush_segment).
  fonts::GlyphCoverage& coverage = context_.coverage;
  if (const std::optional<fonts::FontFace> found = coverage.face_for(face, cluster)) {
    std::string text;
    for (char32_t c : cluster) core::append_utf8(text, c);
    append_to_segment(text, style, *found, link);
    return;
  }
  // No face has the base and all its marks: each character on its own, so that what some face
  // has is still drawn and only the rest becomes placeholders.
  if (cluster.size() > 1) {
    for (std::size_t i = 0; i < cluster.size(); ++i) add_cluster(cluster.substr(i, 1), style, face, link, location);
    return;
  }
  coverage.note_missing(cluster.front(), location);
  const fonts::Placeholder placeholder = coverage.placeholder(face);
  append_to_segment(placeholder.text, style, placeholder.face, link);
}

void ItemBuilder::append_to_segment(std::string_view text, const TextStyle& style, fonts::FontFace face, int link) {
  const bool marked = !pending_marks_.anchors.empty() || !pending_marks_.notes.empty();
  const bool inline_code = style.code && style.key < 0 && !literal_;
  if (!segment_.empty() && !marked) {
    Piece& last = segment_.back();
    if (last.face == face && last.size == style.size && last.link == link && last.rise == style.rise &&
        last.strike == style.strike && last.key == style.key && last.code == inline_code) {
      last.text += text;
      return;
    }
  }
  segment_.push_back({face, style.size, link, std::string(text), style.rise, style.strike, style.key,
                      marked ? take_pending_marks() : -1, inline_code});
}

void ItemBuilder::add_anchor(const std::string& id) {
  if (id.empty()) return;
  if (std::optional<LinkTarget> target = resolve_id(id); target && !target->destination.empty()) {
    pending_marks_.anchors.push_back(std::move(target->destination));
  }
}

int ItemBuilder::take_pending_marks() {
  list_.marks.push_back(std::move(pending_marks_));
  pending_marks_ = {};
  return static_cast<int>(list_.marks.size() - 1);
}

Item ItemBuilder::box_of(const Piece& piece, std::string text, core::Pt width, bool first_of_piece) const {
  Item item = box_item(std::move(text), piece.face, piece.size, width, piece.link);
  item.rise = piece.rise;
  item.strike = piece.strike;
  item.key = piece.key;
  // A piece's marks ride on its first box only, so that an anchor or a note is placed once.
  if (first_of_piece) item.marks = piece.marks;
  return item;
}

Item ItemBuilder::box_of(const Piece& piece, std::string text, const fonts::MeasuredBox& measured,
                         bool first_of_piece) const {
  Item item = box_of(piece, std::move(text), measured.width, first_of_piece);
  item.unkerned = !measured.kerned;
  return item;
}

void ItemBuilder::add_inlines(const std::vector<model::Inline>& inlines, const TextStyle& style,
                              const core::SourceLocation& location) {
  // An explicit stack rather than recursion: nesting depth comes from the input.
  struct Level {
    const std::vector<model::Inline>* list;
    std::size_t next;
    TextStyle style;
    int link;
  };
  std::vector<Level> stack{{&inlines, 0, style, -1}};
  while (!stack.empty()) {
    Level& level = stack.back();
    if (level.next == level.list->size()) {
      stack.pop_back();
      continue;
    }
    const model::Inline& run = (*level.list)[level.next++];
    const core::SourceLocation& where = run.location.path.empty() ? location : run.location;
    TextStyle inner = level.style;
    const int link = level.link;
    switch (run.kind) {
      case model::InlineKind::text: add_text(run.text, inner, where, link); break;
      case model::InlineKind::code:
        inner.code = true;
        inner.size = inner.size * context_.style.inline_code_scale;
        add_text(run.text, inner, where, link);
        break;
      case model::InlineKind::soft_break: add_space(inner); break;
      case model::InlineKind::hard_break: add_line_break(); break;
      case model::InlineKind::emphasis:
        // Emphasis inside italic text is set upright, as in print.
        inner.italic = !inner.italic;
        stack.push_back({&run.children, 0, inner, link});
        break;
      case model::InlineKind::strong:
        inner.bold = true;
        stack.push_back({&run.children, 0, inner, link});
        break;
      case model::InlineKind::strikethrough:
        inner.strike = true;
        stack.push_back({&run.children, 0, inner, link});
        break;
      case model::InlineKind::superscript:
      case model::InlineKind::subscript: {
        const bool up = run.kind == model::InlineKind::superscript;
        inner.rise += level.style.size * (up ? superscript_rise : -subscript_drop);
        inner.size = level.style.size * script_scale;
        stack.push_back({&run.children, 0, inner, link});
        break;
      }
      case model::InlineKind::keyboard:
        // Keys are mono like code, at code's size, in a hairline frame (set_line draws it round
        // the boxes of one key): a book's way of showing what is pressed rather than typed. The
        // frame is the text's own advance box, with no white added: the mono face's side
        // bearings keep the letters off it, and any gap of about a twentieth of an em makes
        // poppler (pdftotext, viewers' copy and paste) read "Ctrl + S" for "Ctrl+S" (measured).
        if (inner.key < 0) {  // a key inside a key (<kbd><kbd>Ctrl</kbd></kbd>) shares its frame
          inner.code = true;
          inner.size = inner.size * context_.style.inline_code_scale;
          inner.key = keys_++;
        }
        stack.push_back({&run.children, 0, inner, link});
        break;
      case model::InlineKind::footnote_ref: {
        // The note's number as a superscript, linked to the note; the reference's own id is an
        // anchor for the note's link back, and the line holding it carries the note (paginate
        // keeps them on one page).
        const std::size_t anchors_before = pending_marks_.anchors.size();
        add_anchor(run.id);
        std::string anchor;
        if (pending_marks_.anchors.size() > anchors_before) anchor = pending_marks_.anchors.back();
        pending_marks_.notes.push_back({run.target, std::move(anchor)});
        inner.rise += level.style.size * superscript_rise;
        inner.size = level.style.size * script_scale;
        std::optional<LinkTarget> target = resolve_id(run.target);
        add_text(run.text, inner, where, target ? add_link(std::move(*target)) : link);
        break;
      }
      case model::InlineKind::anchor: add_anchor(run.id); break;
      case model::InlineKind::link: {
        std::optional<LinkTarget> target = resolve(run);
        const int index = target ? add_link(std::move(*target)) : link;
        stack.push_back({&run.children, 0, inner, index});
        break;
      }
    }
  }
}

void ItemBuilder::add_line_break() {
  flush_segment();
  while (!list_.items.empty() && list_.items.back().kind == ItemKind::glue) list_.items.pop_back();
  // No hyphen in the last word before a forced break: its line is ragged anyway, and TeX's
  // \finalhyphendemerits exist because a hyphenated last word looks careless.
  for (std::size_t i = list_.items.size(); i-- > 0 && list_.items[i].kind != ItemKind::glue;) {
    if (list_.items[i].flagged) list_.items.erase(list_.items.begin() + static_cast<std::ptrdiff_t>(i));
  }
  // Nothing to end: an empty paragraph, or a line that a break has just ended.
  if (list_.items.empty() || list_.items.back().penalty <= forced_break) return;
  list_.items.push_back(fill_item());
  list_.items.push_back(penalty_item(forced_break));
}

// Between two characters of one piece only, so that the text around the code keeps breaking only
// at its spaces.
std::vector<std::size_t> ItemBuilder::code_breaks(const std::vector<Piece>& pieces) {
  std::vector<std::size_t> breaks;
  std::size_t piece_start = 0;
  for (const Piece& piece : pieces) {
    if (piece.code) {
      for (const std::size_t at : punctuation_breaks(piece.text)) breaks.push_back(piece_start + at);
    }
    piece_start += piece.text.size();
  }
  return breaks;
}

void ItemBuilder::flush_segment() {
  if (segment_.empty()) return;
  // A URL, a path, an address and inline code break at their punctuation: the parts between those
  // breaks are words of their own, never hyphenated, with an unflagged penalty between them. (Most
  // words are one piece: they are searched where they lie, without joining the pieces into a copy.)
  std::vector<std::size_t> breaks;
  if (!literal_ && segment_.size() == 1) {
    breaks = address_breaks(segment_.front().text);
  } else if (!literal_) {
    std::string word;
    for (const Piece& piece : segment_) word += piece.text;
    breaks = address_breaks(word);
  }
  if (!literal_) {
    std::vector<std::size_t> in_code = code_breaks(segment_);
    if (!in_code.empty()) {
      breaks.insert(breaks.end(), in_code.begin(), in_code.end());
      std::sort(breaks.begin(), breaks.end());
      breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
    }
  }
  const bool split = breaks.empty() ? emit_word(segment_, true) : emit_parts(segment_, breaks);
  segment_.clear();
  if (split && warn_long_words_) context_.sink.warning(segment_location_, long_word_warning);
}

bool ItemBuilder::emit_parts(const std::vector<Piece>& pieces, const std::vector<std::size_t>& breaks) {
  // A piece's decoration goes with each part of it; its marks with the first only.
  const auto piece_part = [](const Piece& piece, std::size_t from, std::size_t count) {
    return Piece{piece.face, piece.size,   piece.link, piece.text.substr(from, count),
                 piece.rise, piece.strike, piece.key,  from == 0 ? piece.marks : -1,
                 piece.code};
  };
  bool split = false;
  std::vector<Piece> part;
  std::size_t piece_start = 0;
  std::size_t next = 0;
  for (const Piece& piece : pieces) {
    std::size_t from = 0;
    while (next < breaks.size() && breaks[next] < piece_start + piece.text.size()) {
      const std::size_t at = breaks[next++] - piece_start;
      if (at > from) part.push_back(piece_part(piece, from, at - from));
      from = at;
      split = emit_word(part, false) || split;
      part.clear();
      list_.items.push_back(penalty_item(url_break_penalty));
    }
    if (from < piece.text.size()) part.push_back(piece_part(piece, from, piece.text.size() - from));
    piece_start += piece.text.size();
  }
  return emit_word(part, false) || split;
}

bool ItemBuilder::emit_word(std::vector<Piece>& pieces, bool may_hyphenate) {
  // Code and keys are never hyphenated: a hyphen would read as part of an identifier.
  const bool code = std::any_of(pieces.begin(), pieces.end(), [](const Piece& p) { return p.code || p.key >= 0; });
  const bool hyphenates = may_hyphenate && !code && hyphenate_ && !literal_ && context_.hyphenator != nullptr &&
                          !context_.hyphenator->empty();
  // Nearly every word is one piece (one face, one link): its measures remembered by this thread
  // (word_shapes.hpp), or else measured without allocating.
  const WordShape* shape = nullptr;
  if (pieces.size() == 1) {
    const Piece& piece = pieces.front();
    shape = remembered_word_shape(context_.metrics, piece.face, piece.size, piece.text,
                                  hyphenates ? context_.hyphenator : nullptr);
  }
  std::array<fonts::MeasuredBox, 4> few;
  std::vector<fonts::MeasuredBox> many(pieces.size() > few.size() ? pieces.size() : 0);
  const std::span<fonts::MeasuredBox> measured =
      many.empty() ? std::span(few.data(), pieces.size()) : std::span(many.data(), many.size());
  core::Pt total;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    measured[i] =
        shape != nullptr ? shape->whole : context_.metrics.measure_box(pieces[i].face, pieces[i].text, pieces[i].size);
    total += measured[i].width;
  }
  if (measure_ > core::Pt(0) && total > measure_) {
    // Wider than any line: before cutting it at the measure, it breaks where a line of code would
    // ("{string|Buffer|TypedArray}", "read/write/execute"), as a URL does; a part still too wide
    // breaks as an identifier ("GC_FLAGS", "getAddrInfo"), and a part still too wide is cut.
    if (!literal_) {
      std::string word;
      for (const Piece& piece : pieces) word += piece.text;
      if (may_hyphenate) {
        if (const std::vector<std::size_t> breaks = punctuation_breaks(word); !breaks.empty()) {
          return emit_parts(pieces, breaks);
        }
      }
      // A part emit_parts hands back has no identifier break left inside it, so this ends.
      if (const std::vector<std::size_t> breaks = identifier_breaks(word); !breaks.empty()) {
        return emit_parts(pieces, breaks);
      }
    }
    emit_split_word(pieces);
    return true;
  }
  if (hyphenates && shape != nullptr) {
    emit_hyphenated_shape(pieces.front(), *shape);
  } else if (hyphenates) {
    emit_hyphenated_word(pieces, measured);
  } else {
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      Piece& piece = pieces[i];
      list_.items.push_back(box_of(piece, std::move(piece.text), measured[i], true));
    }
  }
  return false;
}

// Breaks an over-wide word into chunks that each fit the measure, with a free break between them
// (no hyphen: the reader should not take the pieces for a hyphenated word). Each chunk is
// measured whole as it grows: with kerning, a string is not as wide as its characters' sum.
void ItemBuilder::emit_split_word(const std::vector<Piece>& pieces) {
  core::Pt chunk_before;  // the earlier pieces' boxes in the current chunk
  bool chunk_empty = true;
  for (const Piece& piece : pieces) {
    std::string_view rest = piece.text;
    bool first = true;
    while (!rest.empty()) {
      // A chunk holds at least one character, however wide.
      const FittingPrefix fitting =
          fitting_prefix(context_.metrics, piece.face, rest, piece.size, chunk_before, measure_, chunk_empty);
      if (fitting.bytes > 0) {
        list_.items.push_back(box_of(piece, std::string(rest.substr(0, fitting.bytes)), fitting.width, first));
        first = false;
        chunk_before += fitting.width;
        chunk_empty = false;
        rest.remove_prefix(fitting.bytes);
      }
      if (!rest.empty()) {  // the next character does not fit: a new chunk (in code, the worst break)
        list_.items.push_back(penalty_item(literal_ ? code_split_penalty : 0));
        chunk_before = core::Pt(0);
        chunk_empty = true;
      }
    }
  }
}

// emit_hyphenated_word's items for a word of one piece, with the measures its shape remembers.
void ItemBuilder::emit_hyphenated_shape(Piece& piece, const WordShape& shape) {
  const std::size_t end = piece.text.size();
  std::size_t from = 0;
  std::size_t part = 0;
  for (const std::size_t at : shape.points) {
    if (at >= end) break;
    if (at > from) {
      list_.items.push_back(box_of(piece, piece.text.substr(from, at - from), shape.parts[part++], from == 0));
      from = at;
    }
    const Item& before = list_.items.back();
    list_.items.push_back(hyphen_item(context_.metrics.width(before.face, "-", before.size)));
  }
  if (from == 0) {
    list_.items.push_back(box_of(piece, std::move(piece.text), shape.whole, true));
  } else if (from < end) {
    list_.items.push_back(box_of(piece, piece.text.substr(from), shape.parts[part], false));
  }
}

// The segment's boxes with a hyphenation point between the pieces of a word that libhyphen allows
// to part. Each part is measured anew as a box of its own: kerning never crosses a box, so a
// pair split by a hyphenation point is set unkerned even when the line does not break there.
// The hyphen takes the face and size of the text before it.
void ItemBuilder::emit_hyphenated_word(std::vector<Piece>& pieces, std::span<const fonts::MeasuredBox> measured) {
  std::string joined;
  if (pieces.size() > 1) {
    for (const Piece& piece : pieces) joined += piece.text;
  }
  // Read before any piece's text moves into its box; good until the next word's look-up.
  const std::vector<std::size_t>& points =
      context_.hyphenator->hyphenation_points_here(pieces.size() > 1 ? joined : pieces.front().text);
  std::size_t next = 0;  // the first point not yet placed
  std::size_t piece_start = 0;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    Piece& piece = pieces[i];
    const std::size_t piece_end = piece_start + piece.text.size();
    std::size_t from = piece_start;
    bool first = true;
    // A point at the piece's start (where the face changes) follows the previous piece's box.
    while (next < points.size() && points[next] < piece_end) {
      const std::size_t at = points[next++];
      if (at > from) {
        std::string part = piece.text.substr(from - piece_start, at - from);
        const fonts::MeasuredBox part_measured = context_.metrics.measure_box(piece.face, part, piece.size);
        list_.items.push_back(box_of(piece, std::move(part), part_measured, first));
        first = false;
        from = at;
      }
      const Item& before = list_.items.back();
      list_.items.push_back(hyphen_item(context_.metrics.width(before.face, "-", before.size)));
    }
    if (from == piece_start) {
      list_.items.push_back(box_of(piece, std::move(piece.text), measured[i], true));
    } else if (from < piece_end) {
      std::string part = piece.text.substr(from - piece_start);
      const fonts::MeasuredBox part_measured = context_.metrics.measure_box(piece.face, part, piece.size);
      list_.items.push_back(box_of(piece, std::move(part), part_measured, false));
    }
    piece_start = piece_end;
  }
}

ItemList ItemBuilder::finish() {
  flush_segment();
  // Marks after the last text (an anchor ending a paragraph) ride on the last box; with no box at
  // all they stay loose, for set_paragraph to place.
  if (!pending_marks_.anchors.empty() || !pending_marks_.notes.empty()) {
    Item* last = nullptr;
    for (Item& item : list_.items) {
      if (item.kind == ItemKind::box) last = &item;
    }
    if (last == nullptr) {
      list_.loose_marks = take_pending_marks();
    } else if (last->marks < 0) {
      last->marks = take_pending_marks();
    } else {
      BoxMarks& marks = list_.marks[static_cast<std::size_t>(last->marks)];
      for (std::string& anchor : pending_marks_.anchors) marks.anchors.push_back(std::move(anchor));
      for (NoteRef& note : pending_marks_.notes) marks.notes.push_back(std::move(note));
      pending_marks_ = {};
    }
  }
  add_line_break();
  ItemList done = std::move(list_);
  list_ = {};
  return done;
}

}  // namespace octavo::layout
