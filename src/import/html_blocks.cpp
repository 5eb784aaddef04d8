#include "import/html_blocks.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <memory>
#include <optional>
#include <utility>

#include "core/file_system.hpp"
#include "core/url.hpp"
#include "core/utf8.hpp"
#include "import/link_destination.hpp"

namespace octavo::import {

namespace {

using model::Block;
using model::BlockKind;
using model::Inline;
using model::InlineKind;

template <std::size_t N>
bool one_of(std::string_view name, const std::array<std::string_view, N>& names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements that only group blocks: their content is kept, they add nothing of their own.
constexpr std::array<std::string_view, 17> transparent_blocks = {
    "address", "article", "body",   "dialog", "div", "dl",     "fieldset", "footer", "header",
    "hgroup",  "html",    "legend", "main",   "nav", "search", "section",  "center"};

// What a browser never shows: silently nothing.
constexpr std::array<std::string_view, 13> invisible_elements = {
    "area", "base", "col", "colgroup", "head", "link", "map", "meta", "param", "source", "template", "title", "track"};

// What a browser shows but a book cannot: left out with a warning naming the element.
constexpr std::array<std::string_view, 21> dropped_elements = {
    "applet",  "audio",    "button",   "canvas", "embed",  "form",   "frame", "frameset", "iframe",   "input", "math",
    "noembed", "noframes", "noscript", "object", "script", "select", "style", "svg",      "textarea", "video"};

constexpr std::array<std::string_view, 24> transparent_inlines = {
    "abbr",   "acronym", "bdi",      "bdo", "big", "data", "font", "ins",  "label", "mark", "meter", "nobr",
    "output", "picture", "progress", "rb",  "rp",  "rt",   "rtc",  "ruby", "small", "span", "time",  "u"};

int heading_level(std::string_view name) {
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return name[1] - '0';
  return 0;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string trimmed(std::string_view text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && is_html_space(text[begin])) ++begin;
  while (end > begin && is_html_space(text[end - 1])) --end;
  return std::string(text.substr(begin, end - begin));
}

// align="center" (HTML 4, still what GitHub READMEs write) or style="text-align: center".
model::Align align_of(const HtmlNode& element) {
  std::string value;
  if (const std::string* align = element.attribute("align")) {
    value = lower(trimmed(*align));
  } else if (const std::string* style = element.attribute("style")) {
    const std::string css = lower(*style);
    const std::size_t property = css.find("text-align");
    if (property != std::string::npos) {
      const std::size_t colon = css.find(':', property);
      if (colon != std::string::npos) {
        const std::size_t end = css.find(';', colon);
        value = trimmed(css.substr(colon + 1, end == std::string::npos ? std::string::npos : end - colon - 1));
      }
    }
  }
  if (value == "center" || value == "middle") return model::Align::center;
  if (value == "left" || value == "start") return model::Align::left;
  if (value == "right" || value == "end") return model::Align::right;
  return model::Align::none;
}

// HTML §13.1.2.3 rules for parsing non-negative integers, clamped as the table model does
// (colspan ≤ 1000, rowspan ≤ 65534); 1 when absent or not a number.
int span_of(const HtmlNode& element, std::string_view name, int maximum) {
  const std::string* value = element.attribute(name);
  if (value == nullptr) return 1;
  const std::string digits = trimmed(*value);
  long number = 0;
  std::size_t i = 0;
  for (; i < digits.size() && digits[i] >= '0' && digits[i] <= '9'; ++i) {
    number = std::min<long>(number * 10 + (digits[i] - '0'), maximum);
  }
  if (i == 0) return 1;
  return std::clamp(static_cast<int>(number), 1, maximum);
}

std::string id_of(const HtmlNode& element) {
  const std::string* id = element.attribute("id");
  if (id == nullptr || trimmed(*id).empty()) id = element.name == "a" ? element.attribute("name") : nullptr;
  return id == nullptr ? std::string() : trimmed(*id);
}

// Where the first character that shows lies, for text starting at `at` (white space first).
core::SourceLocation first_visible(std::string_view text, core::SourceLocation at) {
  std::size_t pos = 0;
  while (pos < text.size() && is_html_space(text[pos])) {
    if (text[pos] == '\n') {
      ++at.line;
      at.column = 1;
    } else {
      ++at.column;
    }
    ++pos;
  }
  return at;
}

Inline anchor_inline(std::string id, const core::SourceLocation& at) {
  Inline anchor;
  anchor.kind = InlineKind::anchor;
  anchor.id = std::move(id);
  anchor.location = at;
  return anchor;
}

// The text of a <pre>: every descendant's characters, <br> as a line end, without recursion.
std::string preformatted_text(const HtmlNode& pre) {
  std::string text;
  std::vector<std::pair<const std::vector<HtmlNode>*, std::size_t>> pending{{&pre.children, 0}};
  while (!pending.empty()) {
    auto& [nodes, next] = pending.back();
    if (next == nodes->size()) {
      pending.pop_back();
      continue;
    }
    const HtmlNode& node = (*nodes)[next++];
    if (node.kind == HtmlNodeKind::text) {
      text += node.text;
    } else if (node.kind == HtmlNodeKind::element) {
      const HtmlInline role = html_inline_rule(node.name).role;
      if (node.name == "br") text += '\n';
      if (role != HtmlInline::invisible && role != HtmlInline::dropped) pending.emplace_back(&node.children, 0);
    }
  }
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

// How a block context turns its gathered inlines into a block.
enum class Flush { paragraph, heading, term, caption };

// Where content goes while one block element (or the root) is read: its blocks, and the
// anonymous paragraph being gathered from its running text (CSS 2.1 §9.2.1.1).
struct Context {
  std::vector<Block>* blocks = nullptr;
  Block* owner = nullptr;  // the container block being filled, if any (details, table, …)
  std::vector<Inline> inlines;
  core::SourceLocation at;
  std::vector<Block> figures;  // images met in the running text, set after its paragraph
  Flush flush = Flush::paragraph;
  int level = 0;  // Flush::heading
  model::Align align = model::Align::none;
  std::string id;
  std::vector<Inline>* caption = nullptr;  // Flush::caption: where the inlines go
  int figure = -1;                         // index of the context of the enclosing <figure>, or -1
  bool is_figure = false;
  std::size_t figure_index = 0;  // where in `blocks` the figure goes
  std::vector<std::shared_ptr<const model::Image>> figure_images;
  std::vector<Inline> figure_caption;
  core::SourceLocation figure_at;
  std::size_t frame = 0;  // index of the frame that opened it
};

enum class Exit { none, context, flush, span, code, quotation };

struct Frame {
  const std::vector<HtmlNode>* nodes = nullptr;
  std::size_t next = 0;
  Exit exit = Exit::none;
  std::size_t context = 0;
  std::vector<Inline>* list = nullptr;    // where running text goes
  std::vector<Inline>* parent = nullptr;  // Exit::span / code: the list holding the span
  Inline proto;                           // Exit::span / code: the span without content, to open it again
  int depth = 0;                          // model containers and spans around it
  bool head_rows = false;                 // inside <thead>
};

}  // namespace

HtmlInlineRule html_inline_rule(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, InlineKind>, 13> spans = {{
      {"b", InlineKind::strong},
      {"cite", InlineKind::emphasis},
      {"del", InlineKind::strikethrough},
      {"dfn", InlineKind::emphasis},
      {"em", InlineKind::emphasis},
      {"i", InlineKind::emphasis},
      {"kbd", InlineKind::keyboard},
      {"s", InlineKind::strikethrough},
      {"strike", InlineKind::strikethrough},
      {"strong", InlineKind::strong},
      {"sub", InlineKind::subscript},
      {"sup", InlineKind::superscript},
      {"var", InlineKind::emphasis},
  }};
  for (const auto& [span, kind] : spans) {
    if (span == name) return {HtmlInline::span, kind};
  }
  if (name == "code" || name == "tt" || name == "samp") return {HtmlInline::code};
  if (name == "a") return {HtmlInline::link};
  if (name == "q") return {HtmlInline::quotation};
  if (name == "br") return {HtmlInline::line_break};
  if (name == "img" || name == "image") return {HtmlInline::image};
  if (name == "wbr") return {HtmlInline::invisible};
  if (one_of(name, transparent_inlines)) return {HtmlInline::transparent};
  if (one_of(name, invisible_elements)) return {HtmlInline::invisible};
  if (one_of(name, dropped_elements)) return {HtmlInline::dropped};
  static constexpr std::array<std::string_view, 27> blocks = {
      "aside", "blockquote", "caption", "dd",    "details", "dir",   "dt",        "figcaption", "figure",
      "hr",    "li",         "listing", "menu",  "ol",      "p",     "plaintext", "pre",        "summary",
      "table", "tbody",      "td",      "tfoot", "th",      "thead", "tr",        "ul",         "xmp"};
  if (one_of(name, transparent_blocks) || one_of(name, blocks) || heading_level(name) > 0) return {HtmlInline::block};
  return {HtmlInline::unknown};
}

std::string collapse_html_space(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (const char c : text) {
    if (is_html_space(c)) {
      if (!space) out += ' ';
      space = true;
    } else {
      out += c;
      space = false;
    }
  }
  return out;
}

void HtmlReader::warn_dropped(const HtmlNode& element) {
  sink_.warning(element.location, "HTML element <" + element.name + "> cannot be shown in a book and is left out");
}

void HtmlReader::warn_unknown(const HtmlNode& element) {
  if (!warned_tags_.insert(element.name).second) return;
  sink_.warning(element.location, "unknown HTML element <" + element.name + "> is kept as its text");
}

void HtmlReader::warn_depth(const core::SourceLocation& at, int max_depth) {
  if (warned_depth_) return;
  warned_depth_ = true;
  sink_.warning(at, "nesting deeper than " + std::to_string(max_depth) + " levels is flattened");
}

std::string HtmlReader::link_target(const std::string& href, const core::SourceLocation& at) {
  const std::string written = trimmed(href);
  if (written == "#") return {};  // the page's own top, as pages write for buttons: no link, nothing lost
  // The same reading as a Markdown link's; transform::resolve_links then finds the article.
  LinkDestination link = read_link_destination(written, path_);
  if (!link.problem.empty()) sink_.warning(at, link.problem);
  return std::move(link.target);
}

std::optional<model::Image> HtmlReader::image(const HtmlNode& img) {
  const std::string* src = img.attribute("src");
  const std::string* alt = img.attribute("alt");
  std::string alt_text = alt == nullptr ? std::string() : collapse_html_space(trimmed(*alt));
  const std::string source = src == nullptr ? std::string() : trimmed(*src);
  return images_.read(source, std::move(alt_text), path_, img.location, sink_);
}

namespace {

// Collapses white space over one paragraph's inline tree in document order, without recursion.
class SpaceCollapser {
 public:
  void run(std::vector<Inline>& inlines) {
    visit(inlines);
    if (last_text_ != nullptr) strip_trailing();
    prune(inlines);
  }

 private:
  void visit(std::vector<Inline>& top) {
    std::vector<std::pair<std::vector<Inline>*, std::size_t>> pending{{&top, 0}};
    while (!pending.empty()) {
      auto& [list, next] = pending.back();
      if (next == list->size()) {
        pending.pop_back();
        continue;
      }
      Inline& run = (*list)[next++];
      switch (run.kind) {
        case InlineKind::text:
        case InlineKind::code: collapse(run); break;
        case InlineKind::hard_break:
          if (last_text_ != nullptr) strip_trailing();
          space_ = true;  // no space at the start of the next line
          last_text_ = nullptr;
          break;
        case InlineKind::soft_break:
          run.kind = InlineKind::text;
          run.text = " ";
          collapse(run);
          break;
        default:
          if (!run.children.empty()) pending.emplace_back(&run.children, 0);
          break;
      }
    }
  }

  void collapse(Inline& run) {
    std::string out;
    out.reserve(run.text.size());
    for (const char c : run.text) {
      if (is_html_space(c)) {
        if (!space_) out += ' ';
        space_ = true;
      } else {
        out += c;
        space_ = false;
      }
    }
    run.text = std::move(out);
    if (!run.text.empty()) last_text_ = &run;
  }

  void strip_trailing() {
    if (!last_text_->text.empty() && last_text_->text.back() == ' ') last_text_->text.pop_back();
  }

  // Removes empty text, spans left without content, and line breaks at either end.
  static void prune(std::vector<Inline>& top) {
    std::vector<std::vector<Inline>*> lists;
    std::vector<std::vector<Inline>*> pending{&top};
    while (!pending.empty()) {
      std::vector<Inline>* list = pending.back();
      pending.pop_back();
      lists.push_back(list);
      for (Inline& run : *list) {
        if (!run.children.empty()) pending.push_back(&run.children);
      }
    }
    // Children before parents, so that a span emptied of its children goes too.
    for (auto it = lists.rbegin(); it != lists.rend(); ++it) {
      std::erase_if(**it, [](const Inline& run) {
        switch (run.kind) {
          case InlineKind::text: return run.text.empty();
          case InlineKind::code: return run.text.empty();
          case InlineKind::emphasis:
          case InlineKind::strong:
          case InlineKind::link:
          case InlineKind::strikethrough:
          case InlineKind::superscript:
          case InlineKind::subscript:
          case InlineKind::keyboard: return run.children.empty();
          default: return false;
        }
      });
    }
    while (!top.empty() && top.front().kind == InlineKind::hard_break) top.erase(top.begin());
    while (!top.empty() && top.back().kind == InlineKind::hard_break) top.pop_back();
  }

  bool space_ = true;  // at the start of a line: leading white space goes
  Inline* last_text_ = nullptr;
};

bool shows_something(const std::vector<Inline>& inlines) {
  return std::any_of(inlines.begin(), inlines.end(), [](const Inline& run) {
    return run.kind != InlineKind::hard_break && run.kind != InlineKind::soft_break;
  });
}

// The container block an element opens, without content; nullopt for an element that only groups.
std::optional<Block> container_for(const HtmlNode& element) {
  const std::string& name = element.name;
  Block block;
  if (name == "blockquote" || name == "dd") {
    block.kind = BlockKind::block_quote;
  } else if (name == "aside") {
    block.kind = BlockKind::aside;
  } else if (name == "details") {
    block.kind = BlockKind::details;
  } else if (name == "ul" || name == "menu" || name == "dir") {
    block.kind = BlockKind::bullet_list;
  } else if (name == "ol") {
    block.kind = BlockKind::ordered_list;
    if (const std::string* start = element.attribute("start")) {
      const std::string digits = trimmed(*start);
      char* end = nullptr;
      const long value = std::strtol(digits.c_str(), &end, 10);
      if (!digits.empty() && end != nullptr && *end == '\0')
        block.start = static_cast<int>(std::clamp(value, -999999L, 999999L));
    }
  } else if (name == "li") {
    block.kind = BlockKind::list_item;
  } else if (name == "table") {
    block.kind = BlockKind::table;
  } else if (name == "tr") {
    block.kind = BlockKind::table_row;
  } else if (name == "td" || name == "th") {
    block.kind = BlockKind::table_cell;
    if (name == "th") block.role = model::BlockRole::header;
    block.align = align_of(element);
    block.colspan = span_of(element, "colspan", 1000);
    block.rowspan = std::max(1, span_of(element, "rowspan", 65534));
  } else if (name == "center" ||
             ((name == "p" || one_of(name, transparent_blocks)) && align_of(element) != model::Align::none)) {
    block.kind = BlockKind::division;
    block.align = name == "center" ? model::Align::center : align_of(element);
  } else if (one_of(name, transparent_blocks) && !id_of(element).empty() && name != "body" && name != "html") {
    block.kind = BlockKind::division;  // an explicit id needs a block to stand on
  } else {
    return std::nullopt;
  }
  return block;
}

// One pass over a tree of HTML nodes with an explicit stack of frames (one per open element) and
// of contexts (one per open block element): depth comes from the input.
class Walker {
 public:
  Walker(HtmlReader& reader, int max_depth) : reader_(reader), max_depth_(max_depth) {}

  // Maps `nodes` into `blocks` (the children of `owner` when there is one).
  void run(const std::vector<HtmlNode>& nodes, std::vector<Block>& blocks, Block* owner, bool head_rows) {
    Context root;
    root.blocks = &blocks;
    root.owner = owner;
    contexts_.push_back(std::move(root));
    Frame frame;
    frame.nodes = &nodes;
    frame.exit = Exit::context;
    frame.head_rows = head_rows;
    push(std::move(frame), 0);
    while (!frames_.empty()) {
      Frame& top = frames_.back();
      if (top.next == top.nodes->size()) {
        leave();
        continue;
      }
      const HtmlNode& node = (*top.nodes)[top.next++];
      if (node.kind == HtmlNodeKind::text) {
        add_text(node.text, node.location);
      } else if (node.kind == HtmlNodeKind::element) {
        enter(node);
      }
    }
  }

 private:
  Context& context() { return contexts_[frames_.back().context]; }
  std::vector<Inline>& list() { return *frames_.back().list; }

  void push(Frame frame, std::size_t context_index) {
    frame.context = context_index;
    if (frame.list == nullptr) frame.list = &contexts_[context_index].inlines;
    frames_.push_back(std::move(frame));
  }

  // A frame for an element whose content goes where its parent's does.
  void push_transparent(const HtmlNode& element, Exit exit) {
    Frame frame;
    frame.nodes = &element.children;
    frame.exit = exit;
    frame.list = frames_.back().list;
    frame.depth = frames_.back().depth;
    frame.head_rows = frames_.back().head_rows;
    const std::size_t context_index = frames_.back().context;
    push(std::move(frame), context_index);
  }

  void add_text(const std::string& text, const core::SourceLocation& at) {
    if (text.empty()) return;
    Context& c = context();
    if (c.at.line == 0 && !std::all_of(text.begin(), text.end(), is_html_space)) c.at = first_visible(text, at);
    std::vector<Inline>& runs = list();
    if (!runs.empty() && runs.back().kind == InlineKind::text) {
      runs.back().text += text;
    } else {
      runs.push_back(model::text_inline(text, at));
    }
  }

  void add_inline(Inline run) {
    Context& c = context();
    if (c.at.line == 0) c.at = run.location;
    list().push_back(std::move(run));
  }

  bool too_deep(const HtmlNode& element) {
    if (frames_.back().depth < max_depth_) return false;
    reader_.warn_depth(element.location, max_depth_);
    return true;
  }

  void enter(const HtmlNode& element) {
    const HtmlInlineRule rule = html_inline_rule(element.name);
    switch (rule.role) {
      case HtmlInline::block: return enter_block(element);
      case HtmlInline::invisible: return;
      case HtmlInline::dropped: return reader_.warn_dropped(element);
      case HtmlInline::unknown: reader_.warn_unknown(element); return push_transparent(element, Exit::none);
      case HtmlInline::transparent:
        if (const std::string id = id_of(element); !id.empty()) add_inline(anchor_inline(id, element.location));
        return push_transparent(element, Exit::none);
      case HtmlInline::line_break: {
        Inline line_break;
        line_break.kind = InlineKind::hard_break;
        line_break.location = element.location;
        return add_inline(std::move(line_break));
      }
      case HtmlInline::quotation:
        add_text("\u201C", element.location);
        return push_transparent(element, Exit::quotation);
      case HtmlInline::image: return add_image(element);
      case HtmlInline::span: return open_span(element, model::span_inline(rule.kind, {}, element.location), Exit::span);
      case HtmlInline::code: {
        Inline code;
        code.kind = InlineKind::code;
        code.location = element.location;
        return open_span(element, std::move(code), Exit::code);
      }
      case HtmlInline::link: {
        if (const std::string id = id_of(element); !id.empty()) add_inline(anchor_inline(id, element.location));
        const std::string* href = element.attribute("href");
        std::string target =
            href == nullptr || trimmed(*href).empty() ? std::string() : reader_.link_target(*href, element.location);
        if (target.empty()) return push_transparent(element, Exit::none);
        return open_span(element, model::link_inline(std::move(target), {}, element.location), Exit::span);
      }
    }
  }

  void open_span(const HtmlNode& element, Inline span, Exit exit) {
    if (too_deep(element)) return push_transparent(element, Exit::none);
    Context& c = context();
    if (c.at.line == 0) c.at = element.location;
    Frame frame;
    frame.nodes = &element.children;
    frame.exit = exit;
    frame.parent = frames_.back().list;
    frame.proto = span;
    frame.parent->push_back(std::move(span));
    frame.list = &frame.parent->back().children;
    frame.depth = frames_.back().depth + 1;
    frame.head_rows = frames_.back().head_rows;
    const std::size_t context_index = frames_.back().context;
    push(std::move(frame), context_index);
  }

  void add_image(const HtmlNode& img) {
    std::optional<model::Image> image = reader_.image(img);
    if (!image) {
      const std::string* alt = img.attribute("alt");
      if (alt != nullptr) add_text(collapse_html_space(*alt), img.location);
      return;
    }
    auto shared = std::make_shared<const model::Image>(std::move(*image));
    Context& c = context();
    if (c.figure >= 0) {
      contexts_[static_cast<std::size_t>(c.figure)].figure_images.push_back(std::move(shared));
      return;
    }
    Block figure;
    figure.kind = BlockKind::figure;
    figure.images.push_back(std::move(shared));
    figure.location = img.location;
    c.figures.push_back(std::move(figure));
  }

  // Ends the running text gathered so far in `c` as a block (or caption), with its figures after it.
  void flush(std::size_t context_index) {
    Context& c = contexts_[context_index];
    normalize_html_inlines(c.inlines);
    if (shows_something(c.inlines)) {
      switch (c.flush) {
        case Flush::caption:
          if (!c.caption->empty()) c.caption->push_back(model::text_inline(" ", c.at));
          for (Inline& run : c.inlines) c.caption->push_back(std::move(run));
          break;
        case Flush::heading: {
          Block heading = model::heading_block(c.level, std::move(c.inlines), c.at);
          heading.id = std::exchange(c.id, {});
          heading.align = c.align;
          c.blocks->push_back(std::move(heading));
          break;
        }
        case Flush::term: {
          Block term =
              model::paragraph_block({model::span_inline(InlineKind::strong, std::move(c.inlines), c.at)}, c.at);
          term.id = std::exchange(c.id, {});
          term.role = model::BlockRole::term;
          c.blocks->push_back(std::move(term));
          break;
        }
        case Flush::paragraph: {
          Block paragraph = model::paragraph_block(std::move(c.inlines), c.at);
          paragraph.id = std::exchange(c.id, {});
          paragraph.align = c.align;
          c.blocks->push_back(std::move(paragraph));
          break;
        }
      }
    }
    c.inlines.clear();
    c.at = {};
    for (Block& figure : c.figures) c.blocks->push_back(std::move(figure));
    c.figures.clear();
    reopen_spans(context_index);
  }

  // After a block cut the running text, the spans still open continue in a new paragraph (as CSS
  // splits an inline box around a block inside it): every frame above the context's own is
  // pointed at the fresh copies.
  void reopen_spans(std::size_t context_index) {
    Context& c = contexts_[context_index];
    std::vector<Inline>* current = &c.inlines;
    for (std::size_t i = c.frame + 1; i < frames_.size(); ++i) {
      Frame& frame = frames_[i];
      if (frame.context != context_index) break;
      if (frame.exit == Exit::span || frame.exit == Exit::code) {
        frame.parent = current;
        current->push_back(frame.proto);
        current = &current->back().children;
      }
      frame.list = current;
    }
  }

  // A new context for a block element whose blocks go to `blocks`; its frame reads `element`.
  std::size_t open_context(const HtmlNode& element, std::vector<Block>* blocks, Block* owner, int depth) {
    Context c;
    c.blocks = blocks;
    c.owner = owner;
    c.frame = frames_.size();
    contexts_.push_back(std::move(c));
    Frame frame;
    frame.nodes = &element.children;
    frame.exit = Exit::context;
    frame.depth = depth;
    frame.head_rows = frames_.back().head_rows;
    push(std::move(frame), contexts_.size() - 1);
    return contexts_.size() - 1;
  }

  // A container block (quote, list, table, …) appended to the current context, read from `element`.
  std::size_t open_container(const HtmlNode& element, Block block) {
    block.location = element.location;
    if (block.id.empty()) block.id = id_of(element);
    Context& parent = context();
    Block& added = parent.blocks->emplace_back(std::move(block));
    const int depth = frames_.back().depth + 1;
    return open_context(element, &added.children, &added, depth);
  }

  void enter_block(const HtmlNode& element) {
    const std::size_t parent_index = frames_.back().context;
    flush(parent_index);
    const std::string& name = element.name;
    if (name == "pre" || name == "listing" || name == "xmp" || name == "plaintext") {
      Block code;
      code.kind = BlockKind::code_block;
      code.text = preformatted_text(element);
      code.location = element.location;
      code.id = id_of(element);
      context().blocks->push_back(std::move(code));
      return;
    }
    if (name == "hr") {
      Block rule;
      rule.kind = BlockKind::thematic_break;
      rule.location = element.location;
      context().blocks->push_back(std::move(rule));
      return;
    }
    if (name == "tbody" || name == "thead" || name == "tfoot") {
      push_transparent(element, Exit::flush);
      frames_.back().head_rows = name == "thead";
      return;
    }
    const int level = heading_level(name);
    if (level > 0 || name == "p" || name == "dt" || name == "summary" || name == "caption" || name == "figcaption") {
      return enter_text_block(element, level);
    }
    if (name == "figure") return enter_figure(element);
    std::optional<Block> container = container_for(element);
    if (!container || too_deep(element)) return push_transparent(element, Exit::flush);
    const BlockKind kind = container->kind;
    if (kind == BlockKind::table_row && frames_.back().head_rows) container->role = model::BlockRole::header;
    open_container(element, std::move(*container));
    if (kind == BlockKind::table) frames_.back().head_rows = false;  // a table inside a head cell has its own head
  }

  // p, h1–h6, dt, summary, caption, figcaption: running text of their own.
  void enter_text_block(const HtmlNode& element, int level) {
    const std::size_t parent_index = frames_.back().context;
    Context& parent = contexts_[parent_index];
    std::vector<Inline>* caption = nullptr;
    const std::string& name = element.name;
    if (name == "summary" && parent.owner != nullptr && parent.owner->kind == BlockKind::details &&
        parent.owner->inlines.empty()) {
      caption = &parent.owner->inlines;
    } else if (name == "caption" && parent.owner != nullptr && parent.owner->kind == BlockKind::table) {
      caption = &parent.owner->inlines;
    } else if (name == "figcaption" && parent.figure >= 0) {
      caption = &contexts_[static_cast<std::size_t>(parent.figure)].figure_caption;
    }
    const model::Align align = name == "p" || level > 0 ? align_of(element) : model::Align::none;
    std::vector<Block>* blocks = parent.blocks;
    Block* division = nullptr;
    // <p align="center"> around images (the GitHub README logo) centres them: a division.
    if (name == "p" && align != model::Align::none && frames_.back().depth < max_depth_) {
      Block centred = model::container_block(BlockKind::division, {}, element.location);
      centred.align = align;
      division = &blocks->emplace_back(std::move(centred));
      blocks = &division->children;
    }
    const int figure = parent.figure;
    const int depth = frames_.back().depth + (division != nullptr ? 1 : 0);
    const std::size_t index = open_context(element, blocks, division, depth);
    Context& c = contexts_[index];
    c.at = element.location;
    c.figure = figure;
    c.align = align;
    c.id = id_of(element);
    if (caption != nullptr) {
      c.flush = Flush::caption;
      c.caption = caption;
    } else if (level > 0) {
      c.flush = Flush::heading;
      c.level = level;
    } else if (name == "dt") {
      c.flush = Flush::term;
    }
  }

  void enter_figure(const HtmlNode& element) {
    const std::size_t parent_index = frames_.back().context;
    std::vector<Block>* blocks = contexts_[parent_index].blocks;
    const std::size_t index = open_context(element, blocks, nullptr, frames_.back().depth);
    Context& c = contexts_[index];
    c.is_figure = true;
    c.figure = static_cast<int>(index);
    c.figure_index = blocks->size();
    c.figure_at = element.location;
    c.id = id_of(element);
  }

  void leave() {
    Frame frame = std::move(frames_.back());
    switch (frame.exit) {
      case Exit::none:
      case Exit::span: break;
      case Exit::flush: flush(frame.context); break;
      case Exit::quotation: add_text("\u201D", {}); break;
      case Exit::code: {
        Inline& code = frame.parent->back();
        code.text = model::plain_text(code.children);
        code.children.clear();
        break;
      }
      case Exit::context: {
        flush(frame.context);
        Context& c = contexts_[frame.context];
        if (c.is_figure) close_figure(c);
        if (c.owner != nullptr && c.owner->kind == BlockKind::division && c.owner->align != model::Align::none &&
            c.owner->children.size() == 1 && c.owner->children.front().kind == BlockKind::paragraph &&
            c.owner->children.front().align == c.owner->align) {
          // A centred paragraph of text alone stays a paragraph.
          Block paragraph = std::move(c.owner->children.front());
          *c.owner = std::move(paragraph);
        }
        contexts_.pop_back();
        break;
      }
    }
    frames_.pop_back();
  }

  void close_figure(Context& c) {
    if (c.figure_images.empty()) {
      if (!c.figure_caption.empty())
        c.blocks->push_back(model::paragraph_block(std::move(c.figure_caption), c.figure_at));
      return;
    }
    Block figure;
    figure.kind = BlockKind::figure;
    figure.images = std::move(c.figure_images);
    figure.inlines = std::move(c.figure_caption);
    figure.location = figure.images.front()->location;
    figure.id = std::move(c.id);
    c.blocks->insert(c.blocks->begin() + static_cast<std::ptrdiff_t>(std::min(c.figure_index, c.blocks->size())),
                     std::move(figure));
  }

  HtmlReader& reader_;
  int max_depth_;
  std::deque<Context> contexts_;  // a deque: frames point into its elements, which must not move
  std::vector<Frame> frames_;
};

}  // namespace

std::vector<model::Block> HtmlReader::read_blocks(const std::vector<HtmlNode>& nodes, int max_depth) {
  std::vector<model::Block> blocks;
  Walker(*this, max_depth).run(nodes, blocks, nullptr, false);
  complete_html_containers(blocks);
  return blocks;
}

void HtmlReader::read_into(const std::vector<HtmlNode>& nodes, std::vector<model::Block>& blocks, model::Block* owner,
                           bool head_rows, int max_depth) {
  Walker(*this, max_depth).run(nodes, blocks, owner, head_rows);
}

std::optional<model::Block> HtmlReader::container_block(const HtmlNode& element) { return container_for(element); }

void normalize_html_inlines(std::vector<model::Inline>& inlines) { SpaceCollapser().run(inlines); }

void complete_html_containers(std::vector<model::Block>& blocks) {
  // What each kind of container may hold; a run of other blocks in it is wrapped in one of those.
  const auto required = [](BlockKind kind) -> std::optional<BlockKind> {
    switch (kind) {
      case BlockKind::bullet_list:
      case BlockKind::ordered_list: return BlockKind::list_item;
      case BlockKind::table: return BlockKind::table_row;
      case BlockKind::table_row: return BlockKind::table_cell;
      default: return std::nullopt;
    }
  };
  const auto complete = [&](std::vector<Block>& children, const Block* owner) {
    if (const std::optional<BlockKind> kind = owner == nullptr ? std::nullopt : required(owner->kind)) {
      std::vector<Block> fixed;
      bool wrapping = false;
      for (Block& child : children) {
        if (child.kind == *kind) {
          fixed.push_back(std::move(child));
          wrapping = false;
          continue;
        }
        if (!wrapping) {
          fixed.push_back(model::container_block(*kind, {}, child.location));
          // A table's stray blocks: a row of one cell.
          if (*kind == BlockKind::table_row)
            fixed.back().children.push_back(model::container_block(BlockKind::table_cell, {}, child.location));
          wrapping = true;
        }
        Block& target = *kind == BlockKind::table_row ? fixed.back().children.back() : fixed.back();
        target.children.push_back(std::move(child));
      }
      children = std::move(fixed);
    }
    // Rows with no cells go; a table with no rows leaves only its caption.
    std::vector<Block> kept;
    kept.reserve(children.size());
    for (Block& child : children) {
      if (child.kind == BlockKind::table_row && child.children.empty()) continue;
      if (child.kind == BlockKind::table && child.children.empty()) {
        if (!child.inlines.empty()) kept.push_back(model::paragraph_block(std::move(child.inlines), child.location));
        continue;
      }
      kept.push_back(std::move(child));
    }
    children = std::move(kept);
  };
  // Post-order with an explicit stack: a container is completed after its children.
  struct Item {
    std::vector<Block>* list;
    const Block* owner;
    std::size_t next;
  };
  std::vector<Item> pending{{&blocks, nullptr, 0}};
  while (!pending.empty()) {
    Item& top = pending.back();
    if (top.next < top.list->size()) {
      Block& child = (*top.list)[top.next++];
      pending.push_back({&child.children, &child, 0});
      continue;
    }
    complete(*top.list, top.owner);
    pending.pop_back();
  }
}

}  // namespace octavo::import
