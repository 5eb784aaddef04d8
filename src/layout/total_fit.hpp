// Second layout stage of a justified paragraph: Knuth–Plass total-fit line breaking, which
// chooses all of a paragraph's breaks together. Beside first-fit (break_lines) on the same items,
// with the same output, so set_paragraph can call either.
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <vector>

#include "layout/break_lines.hpp"
#include "layout/items.hpp"

namespace octavo::layout {

/// Badness limit of the pre-pass, which ignores hyphenation points: TeX's plain \pretolerance.
/// A paragraph whose lines all stay within badness 100 (spaces stretched by at most their
/// stretch) without a hyphen is set that way; hyphens are for paragraphs that need them.
inline constexpr double pre_pass_tolerance = 100;
/// Badness limit of the first pass with hyphenation: TeX's plain \tolerance. Lines up to about 1.26 times their
/// glue's stretch pass (badness 100·r³ ≤ 200).
inline constexpr double first_pass_tolerance = 200;
/// Badness limit of the second pass: none. Every line that is not overfull passes, and the
/// least demerits still decide, so this pass fails only when some unbreakable run is wider than
/// its line.
inline constexpr double second_pass_tolerance = std::numeric_limits<double>::infinity();

/// Whether a pass may break at hyphenation points (flagged penalties).
enum class Hyphenation { ignore, allow };

/// How much work total-fit breaking did: lines tried, one for each active node at each breakpoint.
/// For tests and measurement; the breaks do not depend on it. The functions below add to the
/// counts given them (a null pointer counts nothing).
struct TotalFitWork {
  std::size_t lines_tried = 0;
  std::size_t searches = 0;            ///< passes over the paragraph, with or without a limit
  std::size_t unlimited_searches = 0;  ///< of them, without a limit
};

/// One pass of Knuth–Plass with the given badness limit (lines of greater badness are
/// infeasible). nullopt when no sequence of feasible lines reaches the end of the paragraph;
/// an empty vector for items with no boxes.
std::optional<std::vector<Line>> try_total_fit(const std::vector<Item>& items, const LineWidths& widths,
                                               double tolerance, Hyphenation hyphenation = Hyphenation::allow,
                                               TotalFitWork* work = nullptr);

/// Breaks `items` total-fit: least total demerits over the paragraph, first without hyphenation
/// at pre_pass_tolerance, then with it at first_pass_tolerance, then at second_pass_tolerance. When neither pass finds
/// feasible breaks (an unbreakable run wider than its line), falls back to first-fit break_lines, overfull line and
/// all. Empty for items with no boxes. The last pass gives the breaks try_total_fit gives at
/// second_pass_tolerance, but most often finds them with a limit first (see run_unlimited in the
/// source), at a fraction of the work.
std::vector<Line> break_lines_total_fit(const std::vector<Item>& items, const LineWidths& widths,
                                        TotalFitWork* work = nullptr);

}  // namespace octavo::layout
