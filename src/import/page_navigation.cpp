#include "import/page_navigation.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>
#include <utility>

namespace octavo::import {

namespace {

// Whether `text` is `lower` (in lower case) but for the case of its ASCII letters.
bool equals_ignoring_case(std::string_view text, std::string_view lower) {
  return text.size() == lower.size() && std::equal(text.begin(), text.end(), lower.begin(), [](char a, char b) {
           return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
         });
}

template <std::size_t count>
bool has_word_in(const std::array<std::string_view, count>& words, std::string_view word) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view each) { return equals_ignoring_case(word, each); });
}

// Whether the space-separated list `list` (a class or rel attribute) holds `word`, ignoring case.
bool has_word(std::string_view list, std::string_view word) {
  std::size_t pos = 0;
  while (pos < list.size()) {
    while (pos < list.size() && is_html_space(list[pos])) ++pos;
    std::size_t end = pos;
    while (end < list.size() && !is_html_space(list[end])) ++end;
    if (equals_ignoring_case(list.substr(pos, end - pos), word)) return true;
    pos = end;
  }
  return false;
}

bool attribute_has_word(const HtmlNode& element, std::string_view attribute, std::string_view word) {
  const std::string* value = element.attribute(attribute);
  return value != nullptr && has_word(*value, word);
}

// A link to another page of the site by its place in a sequence (HTML's link types, §4.6.6, and
// the older "previous", "start" and "contents" Texinfo and DocBook write).
bool is_sequence_link(const HtmlNode& link) {
  static constexpr std::array<std::string_view, 10> kinds = {"next",  "prev",  "previous", "up",   "contents",
                                                             "index", "start", "first",    "last", "home"};
  return std::any_of(kinds.begin(), kinds.end(),
                     [&](std::string_view kind) { return attribute_has_word(link, "rel", kind); });
}

// Text between a pager's links is a few words and marks ("Next: ", " [", "]["); a longer text is
// no pager's, and is not read through for every block it stands in.
constexpr std::size_t max_pager_text = 256;

// Whether `text`, beside a pager's links, says only where they lead: "Next:", "Previous:", "Up:",
// "[", "][", "|" and spaces, as Texinfo writes it; a sentence around a link says more.
bool only_names_directions(std::string_view text) {
  if (text.size() > max_pager_text) return false;
  static constexpr std::array<std::string_view, 10> words = {"next",     "previous", "prev", "up",   "top",
                                                             "contents", "index",    "home", "back", "forward"};
  constexpr std::string_view no_break_space = "\u00A0";      // Texinfo's &nbsp; between the links
  const auto mark_at = [&](std::size_t at) -> std::size_t {  // the length of the mark at `at`; 0 for none
    if (text.substr(at).starts_with(no_break_space)) return no_break_space.size();
    return is_html_space(text[at]) || std::string_view(":[]()|,.<>").find(text[at]) != std::string_view::npos ? 1 : 0;
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (const std::size_t mark = mark_at(pos); mark > 0) {
      pos += mark;
      continue;
    }
    std::size_t end = pos;
    while (end < text.size() && mark_at(end) == 0) ++end;
    if (!has_word_in(words, text.substr(pos, end - pos))) return false;
    pos = end;
  }
  return true;
}

// A pager is small: a block of more nodes is no pager. This also bounds the work of asking every
// block of a page, however deeply the blocks nest.
constexpr std::size_t max_pager_nodes = 256;

// A block of sequence links and little else: Texinfo's "Next: …, Previous: …, Up: … [Contents]".
bool is_pager(const HtmlNode& element) {
  static constexpr std::array<std::string_view, 7> blocks = {"div", "p", "table", "ul", "ol", "header", "footer"};
  if (std::find(blocks.begin(), blocks.end(), element.name) == blocks.end()) return false;
  std::size_t links = 0;
  std::size_t visited = 0;
  std::vector<std::pair<const HtmlNode*, bool>> pending = {{&element, false}};  // node, inside a link
  while (!pending.empty()) {
    if (++visited > max_pager_nodes) return false;
    const auto [node, in_link] = pending.back();
    pending.pop_back();
    if (node->kind == HtmlNodeKind::text) {
      if (!in_link && !only_names_directions(node->text)) return false;
      continue;
    }
    if (node->kind != HtmlNodeKind::element) continue;
    const bool link = node->name == "a" && node->attribute("href") != nullptr;
    if (link) {
      if (!is_sequence_link(*node)) return false;
      ++links;
    }
    for (const HtmlNode& child : node->children) pending.emplace_back(&child, in_link || link);
  }
  return links > 0;
}

}  // namespace

bool is_page_navigation(const HtmlNode& node) {
  if (node.kind != HtmlNodeKind::element) return false;
  for (const std::string_view kind : {"navheader", "navfooter", "nav-panel"}) {
    if (attribute_has_word(node, "class", kind)) return true;
  }
  return is_pager(node);
}

std::vector<core::SourceLocation> remove_page_navigation(std::vector<HtmlNode>& nodes) {
  std::vector<core::SourceLocation> removed;
  std::vector<std::vector<HtmlNode>*> pending = {&nodes};
  while (!pending.empty()) {
    std::vector<HtmlNode>& list = *pending.back();
    pending.pop_back();
    std::erase_if(list, [&](const HtmlNode& node) {
      if (!is_page_navigation(node)) return false;
      removed.push_back(node.location);
      return true;
    });
    for (HtmlNode& node : list) {
      if (!node.children.empty()) pending.push_back(&node.children);
    }
  }
  // The walk goes depth first from the last list it found, not in document order.
  std::sort(removed.begin(), removed.end(), [](const core::SourceLocation& a, const core::SourceLocation& b) {
    return std::pair(a.line, a.column) < std::pair(b.line, b.column);
  });
  return removed;
}

}  // namespace octavo::import
