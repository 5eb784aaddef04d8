#include "layout/layout_stats.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "layout/flow.hpp"

namespace octavo::layout {

double LayoutStats::mean_ratio() const {
  return justified_lines == 0 ? 0 : ratio_sum / static_cast<double>(justified_lines);
}

void LayoutStats::add(const LayoutStats& more) {
  articles += more.articles;
  articles_set += more.articles_set;
  pages += more.pages;
  lines += more.lines;
  hyphenated_lines += more.hyphenated_lines;
  longest_hyphen_run = std::max(longest_hyphen_run, more.longest_hyphen_run);
  justified_lines += more.justified_lines;
  ratio_sum += more.ratio_sum;
  worst_stretch = std::max(worst_stretch, more.worst_stretch);
  worst_shrink = std::min(worst_shrink, more.worst_shrink);
  overfull_lines += more.overfull_lines;
  orphans += more.orphans;
  widows += more.widows;
  headings_at_foot += more.headings_at_foot;
}

void tally_flow(const std::vector<FlowLine>& lines, const std::vector<std::size_t>& page_starts, LayoutStats& stats) {
  std::size_t run = 0;  // hyphenated lines in a row so far
  for (const FlowLine& line : lines) {
    const LineFacts& facts = line.facts;
    if (!facts.text) continue;
    ++stats.lines;
    run = facts.hyphenated ? run + 1 : 0;
    stats.longest_hyphen_run = std::max(stats.longest_hyphen_run, run);
    if (facts.hyphenated) ++stats.hyphenated_lines;
    if (facts.overfull) ++stats.overfull_lines;
    if (facts.justified) {
      ++stats.justified_lines;
      stats.ratio_sum += std::abs(facts.ratio);
      stats.worst_stretch = std::max(stats.worst_stretch, facts.ratio);
      stats.worst_shrink = std::min(stats.worst_shrink, facts.ratio);
    }
  }
  // Page breaks inside the flow: the line before each start ends a page, the start opens one.
  for (const std::size_t start : page_starts) {
    if (start == 0 || start >= lines.size()) continue;
    const LineFacts& foot = lines[start - 1].facts;
    const LineFacts& head = lines[start].facts;
    if (foot.opens_paragraph) ++stats.orphans;
    if (head.closes_paragraph) ++stats.widows;
    // A heading before a forced break has nothing of its own to keep with.
    if (foot.heading && !lines[start].break_before) ++stats.headings_at_foot;
  }
}

std::string format_stats(const LayoutStats& stats) {
  char buffer[640];
  const double share =
      stats.lines == 0 ? 0 : 100.0 * static_cast<double>(stats.hyphenated_lines) / static_cast<double>(stats.lines);
  std::snprintf(buffer, sizeof buffer,
                "articles set anew          %zu of %zu\n"
                "pages                      %zu\n"
                "lines                      %zu\n"
                "hyphenated lines           %zu (%.1f %%)\n"
                "longest hyphenated run     %zu\n"
                "justified lines            %zu\n"
                "adjustment ratio, mean     %.3f\n"
                "adjustment ratio, worst    %+.3f stretch, %+.3f shrink\n"
                "overfull lines             %zu\n"
                "widows                     %zu\n"
                "orphans                    %zu\n"
                "headings alone at a foot   %zu\n",
                stats.articles_set, stats.articles, stats.pages, stats.lines, stats.hyphenated_lines, share,
                stats.longest_hyphen_run, stats.justified_lines, stats.mean_ratio(), stats.worst_stretch,
                stats.worst_shrink, stats.overfull_lines, stats.widows, stats.orphans, stats.headings_at_foot);
  return buffer;
}

}  // namespace octavo::layout
