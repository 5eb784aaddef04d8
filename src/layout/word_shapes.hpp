// A word's measures as build_items sets it (its box; with hyphenation, its points and parts),
// remembered per thread: one look-up a word where there were up to five, together a seventh of
// a first build. They depend only on what keys them, so the books are the same.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/length.hpp"
#include "fonts/font_metrics.hpp"

namespace octavo::layout {

class Hyphenator;

/// `word` measured as build_items' emit_word and emit_hyphenated_word measure one piece.
struct WordShape {
  fonts::MeasuredBox whole;  ///< the word as one box
  /// Where a hyphen may go (Hyphenator::hyphenation_points): empty without a hyphenator.
  std::vector<std::size_t> points;
  /// The boxes the points cut the word into, in order: each part from the last point before it
  /// (or the start) to its point, where the point lies past it, then the rest after the last
  /// point unless that is the start or the end. Empty when no point cuts the word.
  std::vector<fonts::MeasuredBox> parts;
};

/// The shape of `word` set in `face` at `size`, with its points and parts when `hyphenator` is
/// given (and not empty): remembered on this thread, or measured and remembered. Null when
/// `metrics` do not let their measures be remembered (FontMetrics::memo_source() is 0): then
/// the caller measures. Good until this thread's next call.
const WordShape* remembered_word_shape(const fonts::FontMetrics& metrics, fonts::FontFace face, core::Pt size,
                                       std::string_view word, const Hyphenator* hyphenator);

/// The shape of `word` measured now, as remembered_word_shape measures it.
WordShape measure_word_shape(const fonts::FontMetrics& metrics, fonts::FontFace face, core::Pt size,
                             std::string_view word, const Hyphenator* hyphenator);

}  // namespace octavo::layout
