// First layout stage of a paragraph: inline content (or plain text) becomes measured boxes, glue
// and penalties. Also where text is made drawable: soft hyphens dropped, no-break spaces kept
// unbreakable, characters the fonts lack replaced by a placeholder, over-wide words broken.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source_location.hpp"
#include "layout/items.hpp"
#include "layout/layout_context.hpp"
#include "model/inline.hpp"

namespace octavo::layout {

/// The warning ItemBuilder gives at a word wider than its measure, which it breaks there.
inline constexpr const char* long_word_warning = "word too long for the line; broken at the measure";

/// The typographic state of inline text; `face_for` turns it into a font face.
struct TextStyle {
  bool italic = false;
  bool bold = false;
  bool code = false;
  core::Pt size;
};

/// mono for code, else the serif face of the weight and slant; never fails.
FontFace face_for(const TextStyle& style);

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
  /// targets); `location` stands in for inlines that have none.
  void add_inlines(const std::vector<model::Inline>& inlines, const TextStyle& style,
                   const core::SourceLocation& location);
  /// Ends the line here; the line before it is set ragged, not justified.
  void add_line_break();
  /// Registers a link target and returns the index that boxes refer to.
  int add_link(LinkTarget target);

  /// The paragraph, closed with fill glue and a forced break; no items when nothing was added.
  ItemList finish();

 private:
  struct Piece {
    FontFace face;
    core::Pt size;
    int link;
    std::string text;
  };

  void add_space(const TextStyle& style);
  void add_cluster(std::u32string_view cluster, FontFace face, core::Pt size, int link,
                   const core::SourceLocation& location);
  void append_to_segment(std::string_view text, FontFace face, core::Pt size, int link);
  void flush_segment();
  bool emit_word(std::vector<Piece>& pieces, bool may_hyphenate);
  void emit_split_word(const std::vector<Piece>& pieces);
  void emit_hyphenated_word(std::vector<Piece>& pieces, const std::vector<core::Pt>& widths);
  std::optional<LinkTarget> resolve(const model::Inline& link) const;

  LayoutContext& context_;
  core::Pt measure_;
  bool warn_long_words_;
  bool literal_ = false;
  bool hyphenate_ = false;
  LinkResolver resolver_;
  ItemList list_;
  std::vector<Piece> segment_;  // the unbreakable run of characters not yet made into boxes
  core::SourceLocation segment_location_;
};

}  // namespace octavo::layout
