#include "import/markdown_article.hpp"

#include <cmark.h>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

#include "core/sha256.hpp"
#include "core/utf8.hpp"
#include "import/clean_text.hpp"
#include "import/front_matter.hpp"
#include "import/image_reference.hpp"
#include "import/link_destination.hpp"
#include "import/source_lines.hpp"

namespace octavo::import {

namespace {

struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterDeleter {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;
using IterPtr = std::unique_ptr<cmark_iter, IterDeleter>;

std::string literal_of(cmark_node* node) {
  const char* text = cmark_node_get_literal(node);
  return text == nullptr ? std::string() : std::string(text);
}

std::string without_final_newline(std::string text) {
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

// cmark reports columns in bytes; SourceLocation counts code points. Nodes arrive line by line,
// so a byte → column table for the most recent line keeps the conversion linear.
class ColumnMap {
 public:
  explicit ColumnMap(const std::vector<SourceLine>& lines) : lines_(lines) {}

  int column(int line, int byte_column) {
    if (line < 1 || static_cast<std::size_t>(line) > lines_.size() || byte_column < 1) return std::max(byte_column, 1);
    if (line != cached_line_) {
      const std::string& text = lines_[static_cast<std::size_t>(line - 1)].text;
      columns_.assign(text.size() + 1, 0);
      int column = 1;
      std::size_t pos = 0;
      while (pos < text.size()) {
        const std::size_t start = pos;
        core::decode_utf8(text, pos);
        for (std::size_t i = start; i < pos; ++i) columns_[i] = column;
        ++column;
      }
      columns_[text.size()] = column;
      cached_line_ = line;
    }
    return columns_[std::min(static_cast<std::size_t>(byte_column - 1), columns_.size() - 1)];
  }

 private:
  const std::vector<SourceLine>& lines_;
  int cached_line_ = 0;
  std::vector<int> columns_;
};

// Where the children of the node being walked go: a block list or an inline list. A frame that
// does not count towards the nesting depth passes its children through to its ancestor.
struct Frame {
  std::vector<model::Block>* blocks = nullptr;
  std::vector<model::Inline>* inlines = nullptr;
  bool counted = false;
};

class Walker {
 public:
  Walker(const std::string& path, const std::vector<SourceLine>& lines, ImageReader& images, core::DiagnosticSink& sink)
      : path_(path), columns_(lines), images_(images), sink_(sink) {}

  // Walks with cmark's iterator and an explicit stack of frames, never by recursion, so even
  // thousands of nested block quotes cannot overflow the call stack.
  std::vector<model::Block> walk(cmark_node* document) {
    std::vector<model::Block> blocks;
    IterPtr iter(cmark_iter_new(document));
    cmark_event_type event;
    while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter.get());
      if (event == CMARK_EVENT_EXIT) {
        if (frames_.back().counted) --depth_;
        frames_.pop_back();
        const cmark_node_type type = cmark_node_get_type(node);
        if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING) close_text_block();
      } else if (cmark_node_get_type(node) == CMARK_NODE_DOCUMENT) {
        frames_.push_back({&blocks, nullptr, false});
      } else {
        enter(node, iter.get());
      }
    }
    return blocks;
  }

 private:
  core::SourceLocation location(cmark_node* node) {
    const int line = cmark_node_get_start_line(node);
    if (line <= 0) return current_;
    return {path_, line, columns_.column(line, cmark_node_get_start_column(node))};
  }

  void enter(cmark_node* node, cmark_iter* iter) {
    const core::SourceLocation at = location(node);
    current_ = at;
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_BLOCK_QUOTE: open_container(model::BlockKind::block_quote, at); break;
      case CMARK_NODE_ITEM: open_container(model::BlockKind::list_item, at); break;
      case CMARK_NODE_LIST:
        if (cmark_node_get_list_type(node) == CMARK_ORDERED_LIST) {
          if (model::Block* list = open_container(model::BlockKind::ordered_list, at)) {
            list->start = cmark_node_get_list_start(node);
          }
        } else {
          open_container(model::BlockKind::bullet_list, at);
        }
        break;
      case CMARK_NODE_PARAGRAPH: open_text_block(model::paragraph_block({}, at)); break;
      case CMARK_NODE_HEADING: open_text_block(model::heading_block(cmark_node_get_heading_level(node), {}, at)); break;
      case CMARK_NODE_CODE_BLOCK: add_code_block(without_final_newline(clean(literal_of(node), at)), at); break;
      case CMARK_NODE_HTML_BLOCK:
        // Shown as literal lines, exactly as written, so nothing the author wrote is lost.
        warn_raw_html(at);
        add_code_block(without_final_newline(clean(literal_of(node), at)), at);
        break;
      case CMARK_NODE_THEMATIC_BREAK: {
        model::Block rule;
        rule.kind = model::BlockKind::thematic_break;
        rule.location = at;
        blocks().push_back(std::move(rule));
        break;
      }
      case CMARK_NODE_TEXT: add_text(clean(literal_of(node), at), at); break;
      case CMARK_NODE_HTML_INLINE:
        warn_raw_html(at);
        add_text(clean(literal_of(node), at), at);
        break;
      case CMARK_NODE_CODE: {
        model::Inline code;
        code.kind = model::InlineKind::code;
        code.text = clean(literal_of(node), at);
        code.location = at;
        inlines().push_back(std::move(code));
        break;
      }
      case CMARK_NODE_SOFTBREAK: add_break(model::InlineKind::soft_break, at); break;
      case CMARK_NODE_LINEBREAK: add_break(model::InlineKind::hard_break, at); break;
      case CMARK_NODE_EMPH: open_inline(model::InlineKind::emphasis, {}, at); break;
      case CMARK_NODE_STRONG: open_inline(model::InlineKind::strong, {}, at); break;
      case CMARK_NODE_LINK: {
        const char* url = cmark_node_get_url(node);
        LinkDestination link = read_link_destination(clean(url == nullptr ? "" : url, at), path_);
        if (link.problem.empty()) {
          open_inline(model::InlineKind::link, std::move(link.target), at);
        } else {
          sink_.warning(at, link.problem);
          pass_through();
        }
        break;
      }
      case CMARK_NODE_IMAGE:
        add_image(node, at);
        // Skip the image's children: the alt text already holds them.
        cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
        break;
      default:  // custom blocks and inlines: cmark's parser makes none; keep their content
        pass_through();
        break;
    }
  }

  std::vector<model::Block>& blocks() { return *frames_.back().blocks; }
  std::vector<model::Inline>& inlines() { return *frames_.back().inlines; }

  bool too_deep(const core::SourceLocation& at) {
    if (depth_ < max_markdown_nesting) return false;
    if (!warned_depth_) {
      sink_.warning(at, "nesting deeper than " + std::to_string(max_markdown_nesting) + " levels is flattened");
      warned_depth_ = true;
    }
    return true;
  }

  void pass_through() {
    Frame frame = frames_.back();
    frame.counted = false;
    frames_.push_back(frame);
  }

  // The new block, or nullptr when it is too deep and its children go to its ancestor.
  model::Block* open_container(model::BlockKind kind, const core::SourceLocation& at) {
    if (too_deep(at)) {
      pass_through();
      return nullptr;
    }
    model::Block block;
    block.kind = kind;
    block.location = at;
    model::Block& added = blocks().emplace_back(std::move(block));
    frames_.push_back({&added.children, nullptr, true});
    ++depth_;
    return &added;
  }

  void open_text_block(model::Block block) {
    text_owner_ = &blocks();
    text_index_ = text_owner_->size();
    blocks().push_back(std::move(block));
    frames_.push_back({nullptr, &blocks().back().inlines, false});
  }

  void open_inline(model::InlineKind kind, std::string target, const core::SourceLocation& at) {
    if (too_deep(at)) return pass_through();
    model::Inline span;
    span.kind = kind;
    span.target = std::move(target);
    span.location = at;
    inlines().push_back(std::move(span));
    frames_.push_back({nullptr, &inlines().back().children, true});
    ++depth_;
  }

  void add_code_block(std::string text, const core::SourceLocation& at) {
    model::Block code;
    code.kind = model::BlockKind::code_block;
    code.text = std::move(text);
    code.location = at;
    blocks().push_back(std::move(code));
  }

  // cmark splits text at every delimiter it tried; adjacent runs are joined again.
  void add_text(std::string text, const core::SourceLocation& at) {
    if (text.empty()) return;
    std::vector<model::Inline>& list = inlines();
    if (!list.empty() && list.back().kind == model::InlineKind::text) {
      list.back().text += text;
    } else {
      list.push_back(model::text_inline(std::move(text), at));
    }
  }

  void add_break(model::InlineKind kind, const core::SourceLocation& at) {
    model::Inline line_break;
    line_break.kind = kind;
    line_break.location = at;
    inlines().push_back(std::move(line_break));
  }

  // An image becomes a figure after the paragraph (or heading) it is written in: PDF pages cannot
  // set a picture inside a line of justified text, and a book's pictures stand on their own. A
  // paragraph left with nothing but the image goes. One that cannot be used leaves its alt text.
  void add_image(cmark_node* node, const core::SourceLocation& at) {
    std::string alt = clean(alt_text(node), at);
    const char* url = cmark_node_get_url(node);
    std::optional<model::Image> image = images_.read(clean(url == nullptr ? "" : url, at), alt, path_, at, sink_);
    if (!image) return add_text(std::move(alt), at);
    model::Block figure;
    figure.kind = model::BlockKind::figure;
    figure.images.push_back(std::make_shared<const model::Image>(std::move(*image)));
    figure.location = at;
    pending_figures_.push_back(std::move(figure));
  }

  static bool is_blank(const std::vector<model::Inline>& inlines) {
    return std::all_of(inlines.begin(), inlines.end(), [](const model::Inline& run) {
      return run.kind == model::InlineKind::soft_break || run.kind == model::InlineKind::hard_break ||
             (run.kind == model::InlineKind::text && run.text.find_first_not_of(" \t") == std::string::npos);
    });
  }

  void close_text_block() {
    if (pending_figures_.empty() || text_owner_ == nullptr) return;
    std::vector<model::Block>& owner = *text_owner_;
    const model::Block& text_block = owner[text_index_];
    if (text_block.kind == model::BlockKind::paragraph && is_blank(text_block.inlines)) {
      owner.erase(owner.begin() + static_cast<std::ptrdiff_t>(text_index_));
    }
    for (model::Block& figure : pending_figures_) owner.push_back(std::move(figure));
    pending_figures_.clear();
  }

  void warn_raw_html(const core::SourceLocation& at) {
    if (at.line == last_html_warning_line_) return;  // one warning per line is enough
    last_html_warning_line_ = at.line;
    sink_.warning(at, "raw HTML is shown as text, not interpreted");
  }

  // The image description as plain text, as cmark's own renderers write an alt attribute.
  static std::string alt_text(cmark_node* image) {
    std::string alt;
    IterPtr iter(cmark_iter_new(image));
    cmark_event_type event;
    while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
      if (event != CMARK_EVENT_ENTER) continue;
      cmark_node* node = cmark_iter_get_node(iter.get());
      switch (cmark_node_get_type(node)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE: alt += literal_of(node); break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK: alt += ' '; break;
        default: break;
      }
    }
    return alt;
  }

  // Entities can produce what the file could not hold: &#1; gives U+0001, and cmark encodes
  // &#xFFFE; and &#xFFFF; as the lone bytes FE and FF. All of them are dropped here.
  std::string clean(std::string_view text, const core::SourceLocation& at) {
    CleanText cleaned = clean_text(text);
    if (cleaned.removed == 0) return std::move(cleaned.text);
    const auto byte = static_cast<unsigned char>(text[cleaned.first_at]);
    // Name the entity's character, not the byte cmark made of it.
    if (cleaned.first_removed == core::replacement_character && byte >= 0xFE) cleaned.first_removed = 0xFF00 + byte;
    warn_removed(cleaned, at, sink_);
    return std::move(cleaned.text);
  }

  const std::string& path_;
  ColumnMap columns_;
  ImageReader& images_;
  core::DiagnosticSink& sink_;
  // The block list that holds the paragraph or heading being read, and its index there.
  std::vector<model::Block>* text_owner_ = nullptr;
  std::size_t text_index_ = 0;
  std::vector<model::Block> pending_figures_;
  std::vector<Frame> frames_;
  int depth_ = 0;
  bool warned_depth_ = false;
  int last_html_warning_line_ = 0;
  core::SourceLocation current_;
};

}  // namespace

model::Article read_markdown_article(const std::string& path, std::string_view bytes, core::DiagnosticSink& sink) {
  const core::MemoryFileSystem no_files({});
  ImageReader images(no_files);
  return read_markdown_article(path, bytes, images, sink);
}

model::Article read_markdown_article(const std::string& path, std::string_view bytes, ImageReader& images,
                                     core::DiagnosticSink& sink) {
  model::Article article;
  article.location = {path, 1, 1};
  article.provenance.file = path;
  article.provenance.sha256 = core::sha256_hex(bytes);

  const std::vector<SourceLine> lines = read_source_lines(path, bytes, sink);
  const FrontMatter front = read_front_matter(lines, path, sink);
  article.provenance.source = front.fields.source;
  article.provenance.retrieved = front.fields.retrieved;
  article.provenance.author = front.fields.author;

  // The front matter's lines stay as empty lines so that cmark's line numbers are the file's.
  std::string text;
  text.reserve(bytes.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i >= front.body_begin) text += lines[i].text;
    text += '\n';
  }
  NodePtr document(cmark_parse_document(text.data(), text.size(), CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8));
  article.blocks = Walker(path, lines, images, sink).walk(document.get());

  // The title is chosen for the whole corpus at once (import/choose_titles.hpp); the front
  // matter's comes first there.
  article.title = front.fields.title;
  if (article.blocks.empty()) sink.warning({path, 0, 0}, "article is empty");
  return article;
}

}  // namespace octavo::import
