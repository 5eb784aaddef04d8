// First layout stage of a paragraph: inline content (or plain text) becomes measured boxes, glue
// and penalties. Also where text is made drawable: soft hyphens dropped, no-break spaces kept
// unbreakable, characters the fonts lack replaced by a placeholder, over-wide words broken.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/source_location.hpp"
#include "layout/items.hpp"
#include "layout/layout_context.hpp"
#include "model/inline.hpp"

namespace octavo::layout {

struct WordShape;

/// The warning ItemBuilder gives at a word wider than its measure, which it breaks there.
inline constexpr const char* long_word_warning = "word too long for the line; broken at the measure";

/// The typographic state of inline text; `face_for` turns it into a font face.
struct TextStyle {
  bool italic = false;
  bool bold = false;
  bool code = false;
  core::Pt size;
  core::Pt rise = {};   ///< baseline shift of superscripts (up) and subscripts (down, negative)
  bool strike = false;  ///< struck through
  int key = -1;         ///< inside the keyboard span of that number (framed); -1 outside keys
};

/// Superscripts and subscripts are set at this share of the surrounding size: TeX's script
/// size (cmr7 beside cmr10, The TeXbook, ch. 17), small but still legible at 8 pt notes.
inline constexpr double script_scale = 0.7;
/// A superscript's baseline rises this share of the surrounding size (TeX's sup1, \fontdimen13 of
/// cmsy10: 0.413 em); a subscript's drops this share (sub1, \fontdimen16: 0.15 em).
inline constexpr double superscript_rise = 0.413;
inline constexpr double subscript_drop = 0.15;

/// mono for code, else the serif face of the weight and slant; never fails.
fonts::FontFace face_for(const TextStyle& style);

/// Maps a model link (in-book: `target_article` and `target` "#id" or "") to a destination;
/// nullopt sets the text unlinked. http(s) and mailto targets are handled before it is asked.
using LinkResolver = std::function<std::optional<LinkTarget>(const model::Inline& link)>;

/// Builds one paragraph's items; finish() hands them over and starts afresh.
class ItemBuilder {
 public:
  /// `measure`: the narrowest line the paragraph will be set in; a word wider than it is broken
  /// there by characters, with a warning if `warn_long_words` (false for generated text).
  ItemBuilder(LayoutContext& context, core::Pt measure, bool warn_long_words = true);

  /// Used for in-book links; without one, such links are set as plain text.
  void set_link_resolver(LinkResolver resolver) { resolver_ = std::move(resolver); }

  /// Offers hyphenation points (flagged penalties, from context.hyphenator) in the words added
  /// from now on, except in a paragraph's or forced line's last word. For justified text only; off
  /// by default, and without effect when the context has no patterns.
  void set_hyphenate(bool hyphenate) { hyphenate_ = hyphenate; }

  /// Literal text (code), added a line per add_text call: spaces are kept as characters, and
  /// lines may break after spaces and at punctuation (code_space_penalty,
  /// code_punctuation_penalty; break_code_lines ranks them), else inside a token at the measure.
  void set_literal(bool literal) { literal_ = literal; }

  /// Appends text: runs of white space become one glue; nothing for empty text.
  void add_text(std::string_view text, const TextStyle& style, const core::SourceLocation& location, int link = -1);
  /// Appends inlines (emphasis toggles italic, strong sets bold, code is mono, links get
  /// targets, superscripts and subscripts are smaller and shifted, keys are mono and framed,
  /// footnote references are superscript numbers linked to their note); `location` stands in for
  /// inlines that have none. Anchors and footnote references become marks on the next box, named
  /// by the link resolver ("#id"); without a resolver they are left out.
  void add_inlines(const std::vector<model::Inline>& inlines, const TextStyle& style,
                   const core::SourceLocation& location);
  /// Ends the line here; the line before it is set ragged, not justified.
  void add_line_break();
  /// Registers a link target and returns the index that boxes refer to.
  int add_link(LinkTarget target);

  /// The paragraph, closed with fill glue and a forced break; no items when nothing was added.
  ItemList finish();

 private:
  // A run of one face, size and decoration inside a word.
  struct Piece {
    fonts::FontFace face;
    core::Pt size;
    int link;
    std::string text;
    core::Pt rise = {};
    bool strike = false;
    int key = -1;
    int marks = -1;
    bool code = false;  ///< inline code (not a key): breaks at its punctuation (code_break_between)
  };

  /// The byte offsets inside the word made of `pieces` where its inline code may break: where a
  /// line of code would (code_break_between). Empty when it holds no inline code.
  static std::vector<std::size_t> code_breaks(const std::vector<Piece>& pieces);
  /// Emits `pieces` as the words between `breaks` (byte offsets into their joined text), with an
  /// unflagged url_break_penalty between them; true when one of them had to be cut at the measure.
  bool emit_parts(const std::vector<Piece>& pieces, const std::vector<std::size_t>& breaks);
  void add_space(const TextStyle& style);
  void add_cluster(std::u32string_view cluster, const TextStyle& style, fonts::FontFace face, int link,
                   const core::SourceLocation& location);
  void append_to_segment(std::string_view text, const TextStyle& style, fonts::FontFace face, int link);
  void add_anchor(const std::string& id);
  int take_pending_marks();
  Item box_of(const Piece& piece, std::string text, core::Pt width, bool first_of_piece) const;
  Item box_of(const Piece& piece, std::string text, const fonts::MeasuredBox& measured, bool first_of_piece) const;
  void flush_segment();
  bool emit_word(std::vector<Piece>& pieces, bool may_hyphenate);
  void emit_split_word(const std::vector<Piece>& pieces);
  void emit_hyphenated_word(std::vector<Piece>& pieces, std::span<const fonts::MeasuredBox> measured);
  void emit_hyphenated_shape(Piece& piece, const WordShape& shape);
  std::optional<LinkTarget> resolve(const model::Inline& link) const;
  std::optional<LinkTarget> resolve_id(const std::string& id) const;

  LayoutContext& context_;
  core::Pt measure_;
  bool warn_long_words_;
  bool literal_ = false;
  bool hyphenate_ = false;
  LinkResolver resolver_;
  ItemList list_;
  std::vector<Piece> segment_;  // the unbreakable run of characters not yet made into boxes
  core::SourceLocation segment_location_;
  BoxMarks pending_marks_;  // anchors and note references waiting for the next box
  int keys_ = 0;            // keyboard spans numbered so far
};

}  // namespace octavo::layout
