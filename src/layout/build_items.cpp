#include "layout/build_items.hpp"

#include "core/url.hpp"
#include "core/utf8.hpp"
#include "layout/destinations.hpp"

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

}  // namespace

FontFace face_for(const TextStyle& style) {
  if (style.code) return FontFace::mono;
  if (style.bold) return style.italic ? FontFace::serif_bold_italic : FontFace::serif_bold;
  return style.italic ? FontFace::serif_italic : FontFace::serif;
}

ItemBuilder::ItemBuilder(LayoutContext& context, core::Pt measure, bool warn_long_words)
    : context_(context), measure_(measure), warn_long_words_(warn_long_words) {}

int ItemBuilder::add_link(LinkTarget target) {
  list_.links.push_back(std::move(target));
  return static_cast<int>(list_.links.size() - 1);
}

std::optional<LinkTarget> ItemBuilder::resolve(const std::string& target) const {
  if (is_external(target)) return LinkTarget{"", target};
  if (!target.empty() && target.front() == '#' && resolver_) return resolver_(target);
  // Anything else (a relative file name the importer left) has no place in a PDF.
  return std::nullopt;
}

void ItemBuilder::add_text(std::string_view text, const TextStyle& style, const core::SourceLocation& location,
                           int link) {
  const FontFace face = face_for(style);
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = core::decode_utf8(text, pos);
    if (literal_ && (c == ' ' || c == '\t')) {
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
        if (!is_combining_mark(mark) && !is_ignorable(mark)) break;
        if (!is_ignorable(mark)) cluster += mark;
        pos = next;
      }
      add_cluster(cluster, style, face, link, location);
    }
  }
}

void ItemBuilder::add_space(const TextStyle& style) {
  flush_segment();
  // Runs of spaces collapse, and a paragraph never starts with glue (Knuth–Plass discard it at a
  // break anyway; here it would only indent the first line).
  if (list_.items.empty() || list_.items.back().kind == ItemKind::glue) return;
  const FontFace face = face_for(style);
  const core::Pt width = context_.metrics.width(face, " ", style.size);
  list_.items.push_back(glue_item(width, width * context_.style.space_stretch, width * context_.style.space_shrink));
}

void ItemBuilder::add_cluster(std::u32string_view cluster, const TextStyle& style, FontFace face, int link,
                              const core::SourceLocation& location) {
  // Lines break only at spaces, never after a dash, slash or hyphen inside a word: an extractor
  // (pdftotext, copy and paste) reads every line end as a space, and deletes a line-final U+002D
  // as a hyphenation, so "stimulating—makes" or "7-hydroxy" broken there would come back changed.
  // Hyphenation (issue #3) may add a U+002D at a break precisely because extractors remove it.
  if (segment_.empty()) segment_location_ = location;

  // The run's face, else the first face of the fallback chain (glyph_coverage.hpp) that has the
  // whole cluster. A face change makes a piece of its own, measured in its face (flush_segment).
  GlyphCoverage& coverage = context_.coverage;
  if (const std::optional<FontFace> found = coverage.face_for(face, cluster)) {
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
  const Placeholder placeholder = coverage.placeholder(face);
  append_to_segment(placeholder.text, style, placeholder.face, link);
}

void ItemBuilder::append_to_segment(std::string_view text, const TextStyle& style, FontFace face, int link) {
  const bool marked = !pending_marks_.anchors.empty() || !pending_marks_.notes.empty();
  if (!segment_.empty() && !marked) {
    Piece& last = segment_.back();
    if (last.face == face && last.size == style.size && last.link == link && last.rise == style.rise &&
        last.strike == style.strike && last.key == style.key) {
      last.text += text;
      return;
    }
  }
  segment_.push_back({face, style.size, link, std::string(text), style.rise, style.strike, style.key,
                      marked ? take_pending_marks() : -1});
}

void ItemBuilder::add_anchor(const std::string& id) {
  if (id.empty() || !resolver_) return;
  if (std::optional<LinkTarget> target = resolver_("#" + id); target && !target->destination.empty()) {
    pending_marks_.anchors.push_back(std::move(target->destination));
  }
}

int ItemBuilder::take_pending_marks() {
  list_.marks.push_back(std::move(pending_marks_));
  pending_marks_ = {};
  return static_cast<int>(list_.marks.size() - 1);
}

Item ItemBuilder::box_of(Piece& piece, std::string text, core::Pt width, bool first_of_piece) const {
  Item item = box_item(std::move(text), piece.face, piece.size, width, piece.link);
  item.rise = piece.rise;
  item.strike = piece.strike;
  item.key = piece.key;
  // A piece's marks ride on its first box only, so that an anchor or a note is placed once.
  if (first_of_piece) item.marks = piece.marks;
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
        std::optional<LinkTarget> target = resolve("#" + run.target);
        add_text(run.text, inner, where, target ? add_link(std::move(*target)) : link);
        break;
      }
      case model::InlineKind::anchor: add_anchor(run.id); break;
      case model::InlineKind::link: {
        std::optional<LinkTarget> target =
            run.target_article.empty() ? resolve(run.target) : book_link_target(run.target_article, run.target);
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

void ItemBuilder::flush_segment() {
  if (segment_.empty()) return;
  core::Pt total;
  std::vector<core::Pt> widths;
  widths.reserve(segment_.size());
  for (const Piece& piece : segment_) {
    widths.push_back(box_width(context_.metrics, piece.face, piece.text, piece.size));
    total += widths.back();
  }
  if (measure_ > core::Pt(0) && total > measure_) {
    if (warn_long_words_) context_.sink.warning(segment_location_, "word too long for the line; broken at the measure");
    emit_split_segment();
  } else if (hyphenate_ && !literal_ && context_.hyphenator != nullptr && !context_.hyphenator->empty()) {
    emit_hyphenated_segment(widths);
  } else {
    for (std::size_t i = 0; i < segment_.size(); ++i) {
      Piece& piece = segment_[i];
      list_.items.push_back(box_of(piece, std::move(piece.text), widths[i], true));
    }
  }
  segment_.clear();
}

// Breaks an over-wide word into chunks that each fit the measure, with a free break between them
// (no hyphen: the reader should not take the pieces for a hyphenated word). Each chunk is
// measured whole as it grows: with kerning, a string is not as wide as its characters' sum.
void ItemBuilder::emit_split_segment() {
  core::Pt chunk_before;  // the earlier pieces' boxes in the current chunk
  bool chunk_empty = true;
  for (Piece& piece : segment_) {
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
      if (!rest.empty()) {  // the next character does not fit: a new chunk
        list_.items.push_back(penalty_item(0));
        chunk_before = core::Pt(0);
        chunk_empty = true;
      }
    }
  }
}

// The segment's boxes with a hyphenation point between the pieces of a word that libhyphen allows
// to part. Each part is measured anew as a box of its own: kerning never crosses a box, so a
// pair split by a hyphenation point is set unkerned even when the line does not break there.
// The hyphen takes the face and size of the text before it.
void ItemBuilder::emit_hyphenated_segment(const std::vector<core::Pt>& widths) {
  std::string word;
  for (const Piece& piece : segment_) word += piece.text;
  const std::vector<std::size_t> points = context_.hyphenator->hyphenation_points(word);
  std::size_t next = 0;  // the first point not yet placed
  std::size_t piece_start = 0;
  for (std::size_t i = 0; i < segment_.size(); ++i) {
    Piece& piece = segment_[i];
    const std::size_t piece_end = piece_start + piece.text.size();
    std::size_t from = piece_start;
    bool first = true;
    // A point at the piece's start (where the face changes) follows the previous piece's box.
    while (next < points.size() && points[next] < piece_end) {
      const std::size_t at = points[next++];
      if (at > from) {
        std::string part = piece.text.substr(from - piece_start, at - from);
        const core::Pt width = box_width(context_.metrics, piece.face, part, piece.size);
        list_.items.push_back(box_of(piece, std::move(part), width, first));
        first = false;
        from = at;
      }
      const Item& before = list_.items.back();
      list_.items.push_back(hyphen_item(context_.metrics.width(before.face, "-", before.size)));
    }
    if (from == piece_start) {
      list_.items.push_back(box_of(piece, std::move(piece.text), widths[i], true));
    } else if (from < piece_end) {
      std::string part = piece.text.substr(from - piece_start);
      const core::Pt width = box_width(context_.metrics, piece.face, part, piece.size);
      list_.items.push_back(box_of(piece, std::move(part), width, false));
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
