#include "layout/total_fit.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <utility>

// Knuth & Plass, "Breaking Paragraphs into Lines", Software—Practice and Experience 11 (1981),
// pp. 1119–1184: the paragraph is a sequence of boxes, glue and penalties; a breakpoint is glue
// after a box or a penalty below +∞; the algorithm keeps "active nodes" (breakpoints from which a
// next line may start), and for every new breakpoint tries a line from each active node, keeping
// the least total demerits per fitness class. The best path to the paragraph's end wins.
//
// Departures from the paper, all deliberate:
// - Flagged penalties are hyphenation points only (build_items never offers a break after a
//   hyphen or dash, see there for why). For α the paper's demerit is replaced by TeX's
//   \doublehyphendemerits 10000 (two hyphenated lines in a row) and \finalhyphendemerits 5000 (a
//   hyphenated line before a forced break). On top of that, three hyphenated lines in a row are
//   forbidden outright, a hard rule (as TeX's \doublehyphendemerits alone does not guarantee): a
//   node remembers how many hyphenated lines end in a row at it, and nodes are kept per fitness
//   class *and* that count (0, 1 or 2), so the rule never hides a better path.
// - Looseness q = 0 always: the optimum is taken, never a paragraph made longer or shorter.
// - Badness is the paper's 100|r|³, not capped at 10000 as in TeX, so the second pass still ranks
//   a very loose line above a looser one. A line that falls short with no glue to stretch (a
//   single long word, a piece of a URL) has infinite badness in the paper; here it gets a large
//   finite badness that grows with the shortfall, so that the second pass may use it when nothing
//   else is possible, and prefers the fuller of two such lines.
// - Demerits use TeX's \linepenalty l = 10 and \adjdemerits γ = 10000 (the paper's examples use
//   l = 1 and γ = 3000); fitness classes are the paper's bands of r (TeX uses equivalent badness
//   bands 12 and 99).
// - Line numbers: only the first line may differ in width, so every node after the first line is
//   in one line class (TeX's easy_line), and nodes differ only by fitness class.
// - Fill glue is never a breakpoint: it stands for TeX's \penalty10000\hskip\parfillskip, whose
//   penalty our items leave out. A penalty other than a forced break is a breakpoint only right
//   after a box, so two breakpoints always have a box between them; a line holds at least one box.
// - Three passes, TeX-style: a pre-pass that ignores hyphenation points at tolerance 100 (plain
//   \pretolerance), so a paragraph that sets well without hyphens gets none; then tolerance 200
//   with hyphenation (plain \tolerance); then no limit at all (TeX would add \emergencystretch).
//   When no pass finds feasible breaks, the paragraph is set first-fit, with its overfull line.
// - Widths are compared with the same 1e-6 pt allowance as first-fit, for rounding in the sums.
//
// Bounded work: a node is deactivated at the first breakpoint where a line from it is overfull
// (r < −1) without the breakpoint's own width (a hyphen's). Natural width minus shrink only grows
// along the paragraph (glue never shrinks by more than its width), so it can never fit again.
// Hence every active node lies less than one fully shrunk line before the current breakpoint;
// with a box between any two breakpoints and at most twelve nodes (fitness class × hyphenated
// lines in a row) per breakpoint, the active list holds at most 12 × (breakpoints in one line),
// whatever the paragraph's length.
// Breakpoints from which every line is too bad never get a node at all.

namespace octavo::layout {
namespace {

constexpr double width_allowance = 1e-6;
// Badness of a line that falls short and has no glue to stretch: as bad as spaces stretched by
// about 21 times their stretch, so chosen only when the alternatives are worse still; up to twice
// that as its shortfall grows to the whole line.
constexpr double no_stretch_badness = 1e6;
// TeX's \linepenalty: makes fewer lines preferable when badness is equal.
constexpr double line_penalty = 10;
// TeX's default \adjdemerits: a very loose line next to a decent or tight one looks worse than
// either alone (Knuth–Plass §"fitness classes").
constexpr double adjacent_demerits = 10000;
// TeX's default \doublehyphendemerits and \finalhyphendemerits.
constexpr double double_hyphen_demerits = 10000;
constexpr double final_hyphen_demerits = 5000;
// The limit of run_unlimited's first search: lines up to about 2.7 times their glue's stretch
// (100·r³ ≤ 2000). Its result settles the unlimited pass when its demerits stay below
// (l + 2000)², about 4 million: 90 lines at badness 200. Of the limits tried on 500 of the bench's
// articles (300, 500, 1000, 1500, 2000, 3000, 5000), 2000 made the fewest node visits in all: a
// lower limit fails more often and leaves the paragraph to the unlimited search, a higher one
// keeps more nodes.
constexpr double bounding_tolerance = 2000;
// run_unlimited's second limit is a little above √D − l, by this share and this much, so that
// rounding in (l + b)² cannot leave out a line that a path of demerits D holds: (l + limit)²
// exceeds D by about two parts in 10⁹, where rounding errs by parts in 10¹⁶.
constexpr double limit_margin = 1e-9;
// Hyphenated lines allowed in a row: a hard limit.
constexpr int max_hyphens_in_row = 2;

enum Fitness : int { very_loose = 0, loose = 1, decent = 2, tight = 3 };
constexpr std::size_t fitness_classes = 4;
constexpr std::size_t hyphen_counts = max_hyphens_in_row + 1;
constexpr std::size_t node_classes = fitness_classes * hyphen_counts;

struct Totals {
  double width = 0;
  double stretch = 0;
  double shrink = 0;
  int fills = 0;
};

Totals operator-(const Totals& a, const Totals& b) {
  return {a.width - b.width, a.stretch - b.stretch, a.shrink - b.shrink, a.fills - b.fills};
}

struct Node {
  std::size_t position = 0;  // the break item (0 for the paragraph's start)
  std::size_t begin = 0;     // first box of the line that follows; items.size() if none
  std::size_t line = 0;      // lines ended at this node
  int fitness = decent;
  int hyphens = 0;  // hyphenated lines that end in a row here (0 unless this break is flagged)
  double demerits = 0;
  std::size_t previous = 0;  // meaningless for the start node (line 0)
};

// What a line from `from` (whose first box is `begin`) to a break at `end` would be.
struct Fit {
  bool overfull = false;  // here, hyphen and all
  bool dead = false;      // even without the hyphen: overfull at every later breakpoint too
  double badness = 0;
  double ratio = 0;  // for badness and fitness; +∞ for a short line with no stretch
};

class Breaker {
 public:
  Breaker(const std::vector<Item>& items, const LineWidths& widths) : items_(items), widths_(widths) {
    const std::size_t count = items.size();
    before_.resize(count + 1);
    for (std::size_t i = 0; i < count; ++i) {
      Totals t = before_[i];
      const Item& item = items[i];
      if (item.kind == ItemKind::box) t.width += item.width.value;
      if (item.kind == ItemKind::glue) {
        t.width += item.width.value;
        t.stretch += item.stretch.value;
        t.shrink += item.shrink.value;
        if (item.fill) ++t.fills;
      }
      before_[i + 1] = t;
    }
    has_negative_penalty_ = std::any_of(items.begin(), items.end(), [](const Item& item) {
      return item.kind == ItemKind::penalty && item.penalty < 0 && item.penalty > forced_break;
    });
    next_box_.assign(count + 2, count);
    for (std::size_t i = count; i-- > 0;) next_box_[i] = items[i].kind == ItemKind::box ? i : next_box_[i + 1];
  }

  std::optional<std::vector<Line>> run(double tolerance, Hyphenation hyphenation) {
    if (next_box_[0] == items_.size()) return std::vector<Line>{};
    const std::optional<std::size_t> best = search(tolerance, hyphenation);
    if (!best) return std::nullopt;
    return trace(*best);
  }

  // The pass without a badness limit, with the breaks an unlimited search would choose. Searched
  // so, every breakpoint that is not overfull gets nodes, and they stay active for a whole line:
  // at 500 of the bench's articles it made 10.6 million node visits, where the pass before it,
  // at tolerance 200, made 0.7 million. So a search with a limit comes first, and its result
  // bounds what the unlimited one could find. Every line adds (l + b)² or more to a path's
  // demerits when no penalty is negative (the terms for penalties, adjacent classes and
  // hyphens are all added, never taken away, and rounding a sum of such terms never lowers
  // it). A path with demerits D therefore has no line of badness above √D − l, and a path with
  // such a line costs more than D. If the limited search finds demerits D < (l + limit)², every
  // node that costs no more than D is made the same way in both searches: from the same
  // candidates (one beyond the limit would cost more than D), in the same order, pruned alike.
  // So the breaks are the unlimited search's, ties included. Otherwise a second search with the
  // limit √D − l (at least the first limit, so it cannot fail) sees every path that costs no
  // more than D, and gives the unlimited search's breaks the same way. Where the limited search
  // finds nothing (only a badness above the limit keeps some line within the measure: a long
  // word alone), the unlimited search runs as it is. The second limit grows with the paragraph's
  // demerits, so a long paragraph with one loose line may pay for two searches at almost the
  // unlimited one's cost; never for more than the first search and the unlimited one.
  std::optional<std::vector<Line>> run_unlimited(Hyphenation hyphenation) {
    if (next_box_[0] == items_.size()) return std::vector<Line>{};
    if (!has_negative_penalty_) {
      if (const std::optional<std::size_t> bounded = search(bounding_tolerance, hyphenation)) {
        const double demerits = nodes_[*bounded].demerits;
        if (demerits < (line_penalty + bounding_tolerance) * (line_penalty + bounding_tolerance)) {
          return trace(*bounded);
        }
        const double limit = (std::sqrt(demerits) - line_penalty) * (1 + limit_margin) + limit_margin;
        if (const std::optional<std::size_t> best = search(limit, hyphenation)) return trace(*best);
      }
    }
    return run(std::numeric_limits<double>::infinity(), hyphenation);
  }

  // What every search so far cost.
  void add_work(TotalFitWork& work) const {
    work.lines_tried += lines_tried_;
    work.searches += searches_;
    work.unlimited_searches += unlimited_searches_;
  }

 private:
  // The node that ends the best path at `tolerance`; nullopt when no path of feasible lines
  // reaches the end. The items hold at least one box.
  std::optional<std::size_t> search(double tolerance, Hyphenation hyphenation) {
    const std::size_t count = items_.size();
    ++searches_;
    if (std::isinf(tolerance)) ++unlimited_searches_;
    nodes_.clear();
    active_.clear();
    nodes_.push_back(Node{0, next_box_[0], 0, decent, 0, 0, 0});
    active_.push_back(0);
    for (std::size_t i = 0; i < count; ++i) {
      const Item& item = items_[i];
      const bool after_box = i > 0 && items_[i - 1].kind == ItemKind::box;
      if (item.kind == ItemKind::glue && !item.fill && after_box) {
        try_break(i, 0, 0, false, tolerance);
      } else if (item.kind == ItemKind::penalty && item.penalty < no_break &&
                 (item.penalty <= forced_break || after_box) && (!item.flagged || hyphenation == Hyphenation::allow)) {
        try_break(i, item.penalty, item.width.value, item.flagged, tolerance);
      }
      if (active_.empty()) return std::nullopt;
    }
    // The end of the items counts as a forced break, for callers that did not close the paragraph.
    if (items_.back().kind != ItemKind::penalty || items_.back().penalty > forced_break) {
      try_break(count, forced_break, 0, false, tolerance);
      if (active_.empty()) return std::nullopt;
    }
    // Every active node now ends the paragraph (the last forced break deactivated all others):
    // looseness 0 takes the fewest demerits, the earliest found on a tie.
    std::size_t best = active_.front();
    for (std::size_t a : active_) {
      if (nodes_[a].demerits < nodes_[best].demerits) best = a;
    }
    return best;
  }

  Fit measure(const Node& from, std::size_t end, double penalty_width) const {
    const Totals t = before_[end] - before_[from.begin];
    const double natural = t.width + penalty_width;
    const double target = (from.line == 0 ? widths_.first : widths_.rest).value;
    Fit fit;
    if (natural - t.shrink > target + width_allowance) {
      fit.overfull = true;
      fit.dead = t.width - t.shrink > target + width_allowance;
      return fit;
    }
    const double shortfall = target - natural;
    if (shortfall > width_allowance) {
      // Infinite stretch takes up any shortfall at no cost (TeX's badness 0 with fil glue).
      if (t.fills > 0) return fit;
      fit.ratio = t.stretch > 0 ? shortfall / t.stretch : std::numeric_limits<double>::infinity();
    } else if (shortfall < -width_allowance && t.shrink > 0) {
      fit.ratio = std::max(-1.0, shortfall / t.shrink);
    }
    // Knuth–Plass badness: 100|r|³, cubed by multiplying (std::pow was 6 % of a 500-article build's
    // samples). A line with no glue grows worse with its shortfall, so that of two such lines
    // (pieces of a long URL) the fuller is chosen.
    const double r = std::abs(fit.ratio);
    fit.badness = std::isinf(fit.ratio) ? no_stretch_badness * (1 + shortfall / target) : 100 * (r * r * r);
    return fit;
  }

  static int fitness_of(double ratio) {
    if (ratio < -0.5) return tight;
    if (ratio <= 0.5) return decent;
    if (ratio <= 1) return loose;
    return very_loose;
  }

  // Knuth–Plass demerits of one line: (l + b)² + p² for p ≥ 0, (l + b)² − p² for a negative
  // penalty above −∞, (l + b)² for a forced break.
  static double line_demerits(double badness, int penalty) {
    const double base = (line_penalty + badness) * (line_penalty + badness);
    const double p = penalty;
    if (penalty >= 0) return base + p * p;
    if (penalty > forced_break) return base - p * p;
    return base;
  }

  void try_break(std::size_t end, int penalty, double penalty_width, bool flagged, double tolerance) {
    const bool forced = penalty <= forced_break;
    // Indexed by fitness × hyphen_counts + hyphenated lines in a row.
    std::array<double, node_classes> best;
    best.fill(std::numeric_limits<double>::infinity());
    std::array<std::size_t, node_classes> best_from{};
    // The next active list, in a vector kept from one breakpoint to the next (swapped with
    // active_ below), so that trying a break allocates nothing once it has grown.
    std::vector<std::size_t>& survivors = survivors_;
    survivors.clear();
    lines_tried_ += active_.size();
    for (std::size_t a : active_) {
      const Node& from = nodes_[a];
      // No line without a box: the next box after this node lies beyond the breakpoint.
      if (from.begin >= end) {
        if (!forced) survivors.push_back(a);
        continue;
      }
      const Fit fit = measure(from, end, penalty_width);
      // An overfull line stays overfull at every later breakpoint; a forced break ends every line.
      if (!fit.dead && !forced) survivors.push_back(a);
      if (fit.overfull || fit.badness > tolerance) continue;
      if (flagged && from.hyphens >= max_hyphens_in_row) continue;
      const int fitness = fitness_of(fit.ratio);
      double demerits = from.demerits + line_demerits(fit.badness, penalty);
      if (std::abs(fitness - from.fitness) > 1) demerits += adjacent_demerits;
      if (flagged && from.hyphens > 0) demerits += double_hyphen_demerits;
      if (forced && from.hyphens > 0) demerits += final_hyphen_demerits;
      const int hyphens = flagged ? from.hyphens + 1 : 0;
      const auto k = static_cast<std::size_t>(fitness) * hyphen_counts + static_cast<std::size_t>(hyphens);
      if (demerits < best[k]) {
        best[k] = demerits;
        best_from[k] = a;
      }
    }
    // A node whose demerits exceed the least of its hyphen count by more than γ can never
    // overtake that one: what follows costs both the same, give or take one adjacent-class
    // demerit. Nodes of different hyphen counts are not compared, as what may follow differs.
    std::array<double, hyphen_counts> least;
    least.fill(std::numeric_limits<double>::infinity());
    for (std::size_t k = 0; k < node_classes; ++k)
      least[k % hyphen_counts] = std::min(least[k % hyphen_counts], best[k]);
    const std::size_t begin = next_box_[end + 1];
    for (std::size_t k = 0; k < node_classes; ++k) {
      if (std::isinf(best[k]) || best[k] > least[k % hyphen_counts] + adjacent_demerits) continue;
      const Node& from = nodes_[best_from[k]];
      nodes_.push_back(Node{end, begin, from.line + 1, static_cast<int>(k / hyphen_counts),
                            static_cast<int>(k % hyphen_counts), best[k], best_from[k]});
      survivors.push_back(nodes_.size() - 1);
    }
    std::swap(active_, survivors);
  }

  std::vector<Line> trace(std::size_t last) const {
    std::vector<std::size_t> chain;
    for (std::size_t n = last; nodes_[n].line > 0; n = nodes_[n].previous) chain.push_back(n);
    std::vector<Line> lines;
    lines.reserve(chain.size());
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      const Node& node = nodes_[*it];
      const Node& from = nodes_[node.previous];
      const Item* end_item = node.position < items_.size() ? &items_[node.position] : nullptr;
      const double penalty_width =
          end_item != nullptr && end_item->kind == ItemKind::penalty ? end_item->width.value : 0;
      const Totals t = before_[node.position] - before_[from.begin];
      const double natural = t.width + penalty_width;
      const double target = (from.line == 0 ? widths_.first : widths_.rest).value;
      // The same ratio first-fit reports, so set_line treats both breakers' lines alike.
      Line line;
      line.begin = from.begin;
      line.end = node.position;
      line.ragged = t.fills > 0;
      if (natural < target) {
        if (!line.ragged && t.stretch > 0) line.ratio = (target - natural) / t.stretch;
      } else if (natural > target && t.shrink > 0) {
        line.ratio = std::max(-1.0, (target - natural) / t.shrink);
      }
      lines.push_back(line);
    }
    return lines;
  }

  const std::vector<Item>& items_;
  const LineWidths& widths_;
  std::vector<Totals> before_;         // sums over items [0, i)
  std::vector<std::size_t> next_box_;  // first box at or after i
  std::vector<Node> nodes_;            // every node made, active or not, for tracing back
  std::vector<std::size_t> active_;
  std::vector<std::size_t> survivors_;  // try_break's next active list
  bool has_negative_penalty_ = false;   // a penalty that lowers demerits: run_unlimited cannot bound
  std::size_t lines_tried_ = 0;         // over every search, for TotalFitWork
  std::size_t searches_ = 0;
  std::size_t unlimited_searches_ = 0;
};

}  // namespace

std::optional<std::vector<Line>> try_total_fit(const std::vector<Item>& items, const LineWidths& widths,
                                               double tolerance, Hyphenation hyphenation, TotalFitWork* work) {
  Breaker breaker(items, widths);
  std::optional<std::vector<Line>> lines = breaker.run(tolerance, hyphenation);
  if (work != nullptr) breaker.add_work(*work);
  return lines;
}

std::vector<Line> break_lines_total_fit(const std::vector<Item>& items, const LineWidths& widths, TotalFitWork* work) {
  Breaker breaker(items, widths);
  const auto count_work = [&breaker, work] {
    if (work != nullptr) breaker.add_work(*work);
  };
  struct Pass {
    double tolerance;
    Hyphenation hyphenation;
  };
  for (const Pass pass :
       {Pass{pre_pass_tolerance, Hyphenation::ignore}, Pass{first_pass_tolerance, Hyphenation::allow}}) {
    if (std::optional<std::vector<Line>> lines = breaker.run(pass.tolerance, pass.hyphenation)) {
      count_work();
      return std::move(*lines);
    }
  }
  static_assert(second_pass_tolerance == std::numeric_limits<double>::infinity(), "run_unlimited has no limit");
  std::optional<std::vector<Line>> lines = breaker.run_unlimited(Hyphenation::allow);
  count_work();
  if (lines) return std::move(*lines);
  return break_lines(items, widths);
}

}  // namespace octavo::layout
