#include "import/html_article.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <utility>
#include <vector>

#include "core/file_system.hpp"
#include "core/language_tag.hpp"
#include "core/sha256.hpp"
#include "core/url.hpp"
#include "import/clean_text.hpp"
#include "import/html_blocks.hpp"
#include "import/html_tree.hpp"
#include "import/markdown_article.hpp"
#include "import/page_navigation.hpp"
#include "import/source_lines.hpp"

namespace octavo::import {

namespace {

std::string trimmed(std::string_view text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && is_html_space(text[begin])) ++begin;
  while (end > begin && is_html_space(text[end - 1])) --end;
  return std::string(text.substr(begin, end - begin));
}

// One line of visible text: white space collapsed, nothing at either end.
std::string one_line(std::string_view text) { return trimmed(collapse_html_space(text)); }

const HtmlNode* child_element(const std::vector<HtmlNode>& nodes, std::string_view name) {
  for (const HtmlNode& node : nodes) {
    if (node.kind == HtmlNodeKind::element && node.name == name) return &node;
  }
  return nullptr;
}

// Visits every node under `nodes` in document order, without recursion; `visit` returns false to
// skip a node's children.
template <typename Visit>
void for_each_node(const std::vector<HtmlNode>& nodes, Visit visit) {
  std::vector<std::pair<const std::vector<HtmlNode>*, std::size_t>> pending{{&nodes, 0}};
  while (!pending.empty()) {
    auto& [list, next] = pending.back();
    if (next == list->size()) {
      pending.pop_back();
      continue;
    }
    const HtmlNode& node = (*list)[next++];
    if (visit(node) && !node.children.empty()) pending.emplace_back(&node.children, 0);
  }
}

// The characters a reader sees under `element` (scripts and styles are not text).
std::size_t text_size(const HtmlNode& element) {
  std::size_t size = 0;
  for_each_node(element.children, [&](const HtmlNode& node) {
    if (node.kind == HtmlNodeKind::text) size += node.text.size();
    return node.kind == HtmlNodeKind::element && html_inline_rule(node.name).role != HtmlInline::dropped &&
           html_inline_rule(node.name).role != HtmlInline::invisible;
  });
  return size;
}

// The element holding the article's text: the <article> (or else <main>) with the most text, as
// reader modes do; else the body.
const HtmlNode* main_text(const HtmlNode& body) {
  for (const std::string_view name : {std::string_view("article"), std::string_view("main")}) {
    const HtmlNode* best = nullptr;
    std::size_t best_size = 0;
    for_each_node(body.children, [&](const HtmlNode& node) {
      if (node.kind != HtmlNodeKind::element || node.name != name) return true;
      const std::size_t size = text_size(node);
      if (best == nullptr || size > best_size) {
        best = &node;
        best_size = size;
      }
      return true;
    });
    if (best != nullptr && best_size > 0) return best;
  }
  return &body;
}

struct PageFacts {
  std::string og_title;
  std::string title;
  std::string canonical;
  std::string og_url;
  std::string author;
  std::string single_file_url;
  std::string saved_date;
};

bool is_single_file_header(std::string_view comment) {
  const std::string text = trimmed(comment);
  return text.starts_with("Page saved with SingleFile") || text.starts_with("Archive processed by SingleFile");
}

// The value of the "name: value" line of a SingleFile header.
std::string header_field(std::string_view comment, std::string_view name) {
  std::size_t pos = 0;
  while (pos < comment.size()) {
    std::size_t end = comment.find('\n', pos);
    if (end == std::string_view::npos) end = comment.size();
    const std::string line = trimmed(comment.substr(pos, end - pos));
    if (line.size() > name.size() && line.starts_with(name) && line[name.size()] == ':') {
      return trimmed(std::string_view(line).substr(name.size() + 1));
    }
    pos = end + 1;
  }
  return {};
}

PageFacts read_facts(const std::vector<HtmlNode>& document, const HtmlNode* head) {
  PageFacts facts;
  // SingleFile writes its header as the first node inside <html>; older versions before it.
  for_each_node(document, [&](const HtmlNode& node) {
    if (node.kind == HtmlNodeKind::comment && facts.saved_date.empty() && is_single_file_header(node.text)) {
      facts.saved_date = single_file_saved_date(node.text);
      facts.single_file_url = clean_text(header_field(node.text, "url")).text;  // comments are not cleaned
    }
    return node.kind == HtmlNodeKind::element && node.name == "html";
  });
  if (head == nullptr) return facts;
  for (const HtmlNode& node : head->children) {
    if (node.kind != HtmlNodeKind::element) continue;
    const std::string* content = node.attribute("content");
    const std::string* property = node.attribute("property");
    const std::string* name = node.attribute("name");
    if (node.name == "title" && facts.title.empty()) {
      std::string text;
      for (const HtmlNode& child : node.children) text += child.text;
      facts.title = one_line(text);
    } else if (node.name == "meta" && content != nullptr) {
      if (property != nullptr && *property == "og:title" && facts.og_title.empty()) facts.og_title = one_line(*content);
      if (property != nullptr && *property == "og:url" && facts.og_url.empty()) facts.og_url = trimmed(*content);
      if (name != nullptr && *name == "author" && facts.author.empty()) facts.author = one_line(*content);
    } else if (node.name == "link" && facts.canonical.empty()) {
      const std::string* rel = node.attribute("rel");
      const std::string* href = node.attribute("href");
      if (rel != nullptr && href != nullptr && one_line(*rel) == "canonical") facts.canonical = trimmed(*href);
    }
  }
  return facts;
}

std::string first_web_url(std::initializer_list<const std::string*> candidates) {
  for (const std::string* url : candidates) {
    if (core::is_web_or_mail_url(*url)) return *url;
  }
  return {};
}

}  // namespace

std::string single_file_saved_date(std::string_view comment) {
  if (!is_single_file_header(comment)) return {};
  // JavaScript's Date.prototype.toString (ECMA-262 §21.4.4.41): "Tue Oct 17 2023 13:55:34 GMT+0300 (…)".
  const std::string value = header_field(comment, "saved date");
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (pos < value.size() && words.size() < 4) {
    const std::size_t end = std::min(value.find(' ', pos), value.size());
    if (end > pos) words.push_back(value.substr(pos, end - pos));
    pos = end + 1;
  }
  if (words.size() < 4) return {};
  static constexpr std::array<std::string_view, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto month = std::find(months.begin(), months.end(), words[1]);
  const std::string& day = words[2];
  const std::string& year = words[3];
  const auto digits = [](const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (month == months.end() || !digits(day) || day.size() > 2 || !digits(year) || year.size() != 4) return {};
  const int day_number = std::stoi(day);
  if (day_number < 1 || day_number > 31) return {};
  const int month_number = static_cast<int>(month - months.begin()) + 1;
  return year + (month_number < 10 ? "-0" : "-") + std::to_string(month_number) + (day_number < 10 ? "-0" : "-") +
         std::to_string(day_number);
}

model::Article read_html_article(const std::string& path, std::string_view bytes, core::DiagnosticSink& sink) {
  const core::MemoryFileSystem no_files({});
  ImageReader images(no_files);
  return read_html_article(path, bytes, images, sink);
}

model::Article read_html_article(const std::string& path, std::string_view bytes, ImageReader& images,
                                 core::DiagnosticSink& sink) {
  model::Article article;
  article.location = {path, 1, 1};
  article.provenance.file = path;
  article.provenance.sha256 = core::sha256_hex(bytes);

  // The same decoding as the other readers: a byte-order mark dropped, invalid UTF-8 repaired and
  // characters XML forbids removed, each reported at its line.
  std::string text;
  text.reserve(bytes.size());
  for (const SourceLine& line : read_source_lines(path, bytes, sink)) {
    text += line.text;
    text += '\n';
  }
  std::vector<HtmlNode> document = parse_html_document(text, {path}, sink);
  // The site's links between its pages in sequence are no part of the article: the book has its
  // own contents. They go before the article's text is chosen (those outside it are not read
  // anyway), in place: a copy of the tree would recurse as deep as the input nests.
  const std::vector<core::SourceLocation> bars = remove_page_navigation(document);
  const HtmlNode* html = child_element(document, "html");
  const HtmlNode* head = html == nullptr ? nullptr : child_element(html->children, "head");
  const HtmlNode* body = html == nullptr ? nullptr : child_element(html->children, "body");

  PageFacts facts = read_facts(document, head);
  HtmlReader reader(path, images, sink);
  if (body != nullptr) {
    // Said once for the page, however many (Texinfo puts one on every node).
    if (!bars.empty()) {
      sink.warning(bars.front(), bars.size() == 1 ? std::string("left out the page's navigation bar (links to the next "
                                                                "and previous pages, contents, index)")
                                                  : "left out the page's " + std::to_string(bars.size()) +
                                                        " navigation bars (links to the next and previous pages, "
                                                        "contents, index); this is the first");
    }
    article.blocks = reader.read_blocks(main_text(*body)->children, max_markdown_nesting);
  }

  article.provenance.source = first_web_url({&facts.canonical, &facts.og_url, &facts.single_file_url});
  article.provenance.retrieved = facts.saved_date;
  article.provenance.author = facts.author;
  if (const std::string* lang = html == nullptr ? nullptr : html->attribute("lang")) {
    const std::string tag = trimmed(*lang);
    if (core::is_language_tag(tag)) {
      article.language = tag;
    } else if (!tag.empty()) {
      sink.warning(html->location, "expected a BCP 47 language tag in <html lang>, found '" + tag + "'; it is ignored");
    }
  }

  // The page's own title, as front matter is a Markdown file's; without one the corpus chooses
  // it (import/choose_titles.hpp), which also removes a leading heading that repeats it.
  article.title = !facts.og_title.empty() ? facts.og_title : facts.title;
  if (article.blocks.empty()) sink.warning({path, 0, 0}, "article is empty");
  return article;
}

}  // namespace octavo::import
