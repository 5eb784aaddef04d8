#include "import/markdown_article.hpp"

// cmark-gfm's public API, its core extensions, and its node struct: the public API has no way
// from a footnote reference to its definition, which node.h's parent_footnote_def gives.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <cmark-gfm/node.h>

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/sha256.hpp"
#include "core/utf8.hpp"
#include "import/clean_text.hpp"
#include "import/front_matter.hpp"
#include "import/html_blocks.hpp"
#include "import/image_reference.hpp"
#include "import/link_destination.hpp"
#include "import/markdown_html.hpp"
#include "import/smart_punctuation.hpp"
#include "import/source_lines.hpp"

namespace octavo::import {

namespace {

struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterDeleter {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};
struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;
using IterPtr = std::unique_ptr<cmark_iter, IterDeleter>;
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;

// Smart punctuation as the text reader does it; invalid UTF-8 repaired (the lines are clean
// already); GFM footnotes, which cmark-gfm has as an option rather than an extension.
constexpr int parse_options = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_FOOTNOTES;

// GitHub's extensions as cmark-gfm names them: pipe tables, ~~strikethrough~~, bare URLs and
// www. links, and "- [x]" task items. (tagfilter only matters to cmark-gfm's HTML renderer.)
constexpr const char* gfm_extensions[] = {"table", "strikethrough", "autolink", "tasklist"};

// cmark's smart punctuation turns the "--" of an option's name ("--all") into an en dash, which
// the text reader keeps (option_name_length). A text node's literal is matched with its source
// line, in order, from `first` to `last` (0-based bytes): each option's en dash goes back to two
// hyphens, while dashes typed as such, and those other hyphen runs made, are passed over. Dashes
// written as entities (&ndash;) are not in the line and are not told apart. When the literal does
// not hold what the line says it should, the match is lost and the rest is left as it is: each
// search then starts where the last ended, so the work stays linear in the line.
std::string keep_option_dashes(std::string text, std::string_view line, std::size_t first, std::size_t last) {
  constexpr std::string_view en_dash = "\xE2\x80\x93";
  if (text.find(en_dash) == std::string::npos) return text;
  std::size_t cursor = 0;  // in text: what lies before is matched
  for (std::size_t p = first; p < std::min(last, line.size());) {
    if (const std::size_t option = option_name_length(line, p); option > 0) {
      const std::string_view name = line.substr(p + 2, option - 2);
      const std::string made = std::string(en_dash) + std::string(name);
      const std::size_t at = text.find(made, cursor);
      if (at == std::string::npos) return text;
      text.replace(at, en_dash.size(), "--");
      cursor = at + 2 + name.size();
      p += option;
    } else if (line[p] == '-' && p + 1 < line.size() && line[p + 1] == '-') {
      std::size_t end = p;
      while (end < line.size() && line[end] == '-') ++end;
      const std::string dashes = smart_dashes(end - p);
      const std::size_t at = text.find(dashes, cursor);
      if (at == std::string::npos) return text;
      cursor = at + dashes.size();
      p = end;
    } else if (line[p] == '\\' && p + 1 < line.size()) {
      p += 2;  // an escaped character stands for itself: "\--x" is "--x", no dash
    } else if (line.substr(p, en_dash.size()) == en_dash) {
      const std::size_t at = text.find(en_dash, cursor);
      if (at == std::string::npos) return text;
      cursor = at + en_dash.size();
      p += en_dash.size();
    } else {
      ++p;
    }
  }
  return text;
}

NodePtr parse_gfm(std::string_view text) {
  cmark_gfm_core_extensions_ensure_registered();
  ParserPtr parser(cmark_parser_new(parse_options));
  for (const char* name : gfm_extensions) {
    cmark_syntax_extension* extension = cmark_find_syntax_extension(name);
    assert(extension != nullptr && "libcmark-gfm-extensions registers its core extensions");
    cmark_parser_attach_syntax_extension(parser.get(), extension);
  }
  cmark_parser_feed(parser.get(), text.data(), text.size());
  return NodePtr(cmark_parser_finish(parser.get()));
}

// The extensions' node types are numbers assigned at registration, and their headers are not
// installed: they are told apart by name.
bool has_type_name(cmark_node* node, const char* name) {
  return std::strcmp(cmark_node_get_type_string(node), name) == 0;
}

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

// A footnote label as cmark-gfm's definition scanner takes it: "[^", then anything but ']',
// white space and NUL, then "]".
bool is_label_char(char c) { return c != ']' && c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\0'; }

// The labels of everything that looks like a footnote definition ("[^label]:"), each once, in
// order. A superset: some stand in code, which does no harm (see read_markdown_article).
std::vector<std::string> definition_labels(std::string_view text) {
  std::vector<std::string> labels;
  std::unordered_set<std::string_view> seen;
  for (std::size_t at = text.find("[^"); at != std::string_view::npos; at = text.find("[^", at + 2)) {
    std::size_t end = at + 2;
    while (end < text.size() && is_label_char(text[end])) ++end;
    if (end == at + 2 || text.substr(end, 2) != "]:") continue;
    const std::string_view label = text.substr(at + 2, end - at - 2);
    if (seen.insert(label).second) labels.emplace_back(label);
  }
  return labels;
}

// "|---|:--:|": a line that can only be a table's delimiter row.
bool is_delimiter_row(std::string_view line) {
  return line.find('|') != std::string_view::npos && line.find('-') != std::string_view::npos &&
         line.find_first_not_of("|-: \t") == std::string_view::npos;
}

std::string_view trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

model::Align column_align(std::uint8_t align) {
  switch (align) {
    case 'l': return model::Align::left;
    case 'c': return model::Align::center;
    case 'r': return model::Align::right;
    default: return model::Align::none;
  }
}

// Where the children of the node being walked go: a block list or an inline list. A frame that
// does not count towards the nesting depth passes its children through to its ancestor.
struct Frame {
  std::vector<model::Block>* blocks = nullptr;
  std::vector<model::Inline>* inlines = nullptr;
  bool counted = false;
  std::string html =
      {};  // an element opened by raw HTML (markdown_html.hpp): ends at its end tag or its container's end
};

// A footnote definition and what the walk has found out about it.
struct Note {
  cmark_node* definition = nullptr;
  std::size_t number = 0;  // 0 until a reference in the text gives it one
  int references = 0;
};

class Walker {
 public:
  // `line_offset` lines of cmark's input come before the file's first line.
  Walker(const std::string& path, const std::vector<SourceLine>& lines, int line_offset, ImageReader& images,
         core::DiagnosticSink& sink)
      : path_(path),
        lines_(lines),
        line_offset_(line_offset),
        columns_(lines),
        images_(images),
        sink_(sink),
        html_(path, images, sink) {}

  // Walks `root` (the document or a footnote definition) into `blocks`. Walks with cmark's
  // iterator and an explicit stack of frames, never by recursion, so even thousands of nested
  // block quotes cannot overflow the call stack. Footnote definitions met on the way are kept
  // for later (notes_), not walked.
  void walk(cmark_node* root, std::vector<model::Block>& blocks) {
    frames_.clear();
    depth_ = 0;
    text_owner_ = nullptr;
    IterPtr iter(cmark_iter_new(root));
    cmark_event_type event;
    while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter.get());
      if (node == root) {
        if (event == CMARK_EVENT_ENTER) frames_.push_back({&blocks, nullptr, false});
        if (event == CMARK_EVENT_EXIT) {
          while (frames_.size() > 1 && !frames_.back().html.empty()) pop_frame();  // HTML left open ends here
          frames_.pop_back();
        }
      } else if (event == CMARK_EVENT_EXIT) {
        exit(node);
      } else {
        enter(node, iter.get());
      }
    }
  }

  // The notes referenced so far, in order of first reference, walked. Walking one may number
  // more (a note that refers to another), which the loop then walks too.
  void walk_notes(std::vector<model::Footnote>& footnotes) {
    while (footnotes.size() < numbered_.size()) {
      const std::size_t n = footnotes.size() + 1;
      cmark_node* definition = numbered_[n - 1];
      model::Footnote note;
      note.id = "fn-" + std::to_string(n);
      note.location = definition_location(definition);
      note.label = clean(definition_label(definition), note.location);
      footnotes.push_back(std::move(note));
      std::vector<model::Block> note_blocks;
      walk(definition, note_blocks);
      footnotes[n - 1].blocks = std::move(note_blocks);
    }
  }

  bool is_referenced(cmark_node* definition) const {
    const auto it = notes_.find(definition);
    return it != notes_.end() && it->second.number > 0;
  }

  // The definitions that nothing walked so far refers to, in the order they were written.
  std::vector<cmark_node*> unreferenced_definitions() const {
    std::vector<cmark_node*> unreferenced;
    for (const auto& [definition, note] : notes_) {
      if (note.number == 0) unreferenced.push_back(definition);
    }
    std::sort(unreferenced.begin(), unreferenced.end(), [](cmark_node* a, cmark_node* b) {
      return std::make_pair(a->start_line, a->start_column) < std::make_pair(b->start_line, b->start_column);
    });
    return unreferenced;
  }

  // A definition never referenced stays where it was written, as the text it is ("[^label]: …"),
  // just as a reference with no definition stays text: cmark-gfm (and pandoc) would drop it.
  std::vector<model::Block> walk_as_text(cmark_node* definition) {
    const core::SourceLocation at = definition_location(definition);
    const std::string label = clean(definition_label(definition), at);
    sink_.warning(at, "footnote '[^" + label + "]' is never referenced; its text is kept where it is written");
    std::vector<model::Block> blocks;
    walk(definition, blocks);
    const std::string marker = "[^" + label + "]:";
    if (blocks.empty() || blocks.front().kind != model::BlockKind::paragraph) {
      blocks.insert(blocks.begin(), model::paragraph_block({model::text_inline(marker, at)}, at));
      return blocks;
    }
    model::Block& first = blocks.front();
    first.location = at;
    if (!first.inlines.empty() && first.inlines.front().kind == model::InlineKind::text) {
      first.inlines.front().text.insert(0, marker + " ");
    } else {
      first.inlines.insert(first.inlines.begin(), model::text_inline(marker + " ", at));
    }
    return blocks;
  }

 private:
  // The file's line for cmark's `line`; 0 for none (cmark's extensions leave some nodes, such as
  // an autolink's or an empty table cell's, without a position).
  int file_line(int line) const { return line > line_offset_ ? line - line_offset_ : 0; }

  const std::string* line_text(int file_line_number) const {
    if (file_line_number < 1 || static_cast<std::size_t>(file_line_number) > lines_.size()) return nullptr;
    return &lines_[static_cast<std::size_t>(file_line_number - 1)].text;
  }

  core::SourceLocation location(cmark_node* node) {
    int line = file_line(cmark_node_get_start_line(node));
    int byte_column = cmark_node_get_start_column(node);
    if (line == 0 || byte_column < 1) {
      // No position: just after the previous sibling, when that has one.
      cmark_node* previous = cmark_node_previous(node);
      if (previous == nullptr || file_line(cmark_node_get_end_line(previous)) == 0) return current_;
      line = file_line(cmark_node_get_end_line(previous));
      byte_column = cmark_node_get_end_column(previous) + 1;
    }
    return {path_, line, columns_.column(line, byte_column)};
  }

  static std::string definition_label(cmark_node* definition) {
    const cmark_chunk& label = definition->as.literal;
    return std::string(reinterpret_cast<const char*>(label.data), static_cast<std::size_t>(label.len));
  }

  // cmark-gfm places a definition where its content starts; the note is written at its "[^".
  core::SourceLocation definition_location(cmark_node* definition) {
    core::SourceLocation at = location(definition);
    const int byte_column = cmark_node_get_start_column(definition);
    if (const std::string* text = line_text(at.line); text != nullptr && byte_column > 1) {
      const std::size_t marker = text->rfind("[^", static_cast<std::size_t>(byte_column - 1));
      if (marker != std::string::npos) at.column = core::column_at(*text, marker);
    }
    return at;
  }

  void enter(cmark_node* node, cmark_iter* iter) {
    const core::SourceLocation at = location(node);
    current_ = at;
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_BLOCK_QUOTE: open_container(model::BlockKind::block_quote, at); break;
      case CMARK_NODE_ITEM:
        if (model::Block* item = open_container(model::BlockKind::list_item, at);
            item != nullptr && has_type_name(node, "tasklist")) {
          item->task =
              cmark_gfm_extensions_get_tasklist_item_checked(node) ? model::TaskState::done : model::TaskState::open;
        }
        break;
      case CMARK_NODE_LIST:
        if (cmark_node_get_list_type(node) == CMARK_ORDERED_LIST) {
          if (model::Block* list = open_container(model::BlockKind::ordered_list, at)) {
            list->start = cmark_node_get_list_start(node);
          }
        } else {
          open_container(model::BlockKind::bullet_list, at);
        }
        break;
      case CMARK_NODE_PARAGRAPH:
        // The paragraphs that refer to every footnote definition (see read_markdown_article).
        if (cmark_node_get_start_line(node) <= line_offset_ && cmark_node_parent(node) != nullptr &&
            cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_DOCUMENT) {
          cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
          break;
        }
        open_text_block(model::paragraph_block({}, at));
        break;
      case CMARK_NODE_HEADING: open_text_block(model::heading_block(cmark_node_get_heading_level(node), {}, at)); break;
      case CMARK_NODE_CODE_BLOCK: add_code_block(without_final_newline(clean(literal_of(node), at)), at); break;
      case CMARK_NODE_HTML_BLOCK: add_html_block(node, at); break;
      case CMARK_NODE_THEMATIC_BREAK: {
        model::Block rule;
        rule.kind = model::BlockKind::thematic_break;
        rule.location = at;
        blocks().push_back(std::move(rule));
        break;
      }
      case CMARK_NODE_TEXT: add_source_text(node, at); break;
      case CMARK_NODE_HTML_INLINE: add_html_inline(node, at); break;
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
      case CMARK_NODE_FOOTNOTE_REFERENCE:
        add_footnote_reference(node, at);
        cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
        break;
      case CMARK_NODE_FOOTNOTE_DEFINITION:
        // cmark-gfm has moved every used definition to the end of the document; each becomes a
        // note when the text first refers to it.
        notes_.try_emplace(node, Note{node, 0, 0});
        cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
        break;
      default: enter_extension(node, at); break;
    }
  }

  void enter_extension(cmark_node* node, const core::SourceLocation& at) {
    if (has_type_name(node, "strikethrough")) return open_inline(model::InlineKind::strikethrough, {}, at);
    if (has_type_name(node, "table")) {
      const std::uint16_t columns = cmark_gfm_extensions_get_table_columns(node);
      const std::uint8_t* aligns = cmark_gfm_extensions_get_table_alignments(node);
      column_aligns_.clear();
      for (std::uint16_t i = 0; i < columns; ++i) column_aligns_.push_back(column_align(aligns[i]));
      open_container(model::BlockKind::table, at);
      return;
    }
    if (has_type_name(node, "table_header") || has_type_name(node, "table_row")) {
      header_row_ = cmark_gfm_extensions_get_table_row_is_header(node) != 0;
      cell_index_ = 0;
      warn_dropped_cells(node);
      if (model::Block* row = open_container(model::BlockKind::table_row, at); row != nullptr && header_row_) {
        row->role = model::BlockRole::header;
      }
      return;
    }
    if (has_type_name(node, "table_cell")) {
      if (model::Block* cell = open_container(model::BlockKind::table_cell, at)) {
        if (header_row_) cell->role = model::BlockRole::header;
        if (cell_index_ < column_aligns_.size()) cell->align = column_aligns_[cell_index_];
      }
      ++cell_index_;
      // A GFM cell holds inline content: one paragraph in the model.
      open_text_block(model::paragraph_block({}, at));
      return;
    }
    pass_through();  // an extension this reader does not attach: keep its content
  }

  void exit(cmark_node* node) {
    while (!frames_.back().html.empty()) pop_frame();  // HTML elements left open end with their container
    if (cmark_node_get_syntax_extension(node) != nullptr && has_type_name(node, "table_cell")) {
      frames_.pop_back();  // the cell's paragraph
      close_text_block(true);
    }
    pop_frame();
    const cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING) close_text_block(true);
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
    frame.html.clear();
    frames_.push_back(frame);
  }

  void pop_frame() {
    const Frame frame = std::move(frames_.back());
    frames_.pop_back();
    if (frame.counted) --depth_;
    if (frame.html.empty()) return;
    // <code>…</code> written as tags: the code inline holds the text of what was read inside it.
    if (frame.counted && (frame.html == "code" || frame.html == "tt" || frame.html == "samp")) {
      model::Inline& code = frames_.back().inlines->back();
      code.text = model::plain_text(code.children);
      code.children.clear();
    }
    if (frame.html == "q") add_text("\u201D", current_);
    if (frames_.back().inlines != &discarded_) discarded_.clear();
  }

  // HTML elements open at the top of the frames, capped (markdown_html.hpp): every block of HTML is
  // parsed after them and every end tag looks through them, so more would cost quadratic time.
  bool too_many_open_html(const core::SourceLocation& at, int limit) {
    int open = 0;
    for (std::size_t i = frames_.size(); i-- > 0 && !frames_[i].html.empty();) ++open;
    if (open < limit) return false;
    if (!warned_depth_) {
      sink_.warning(at, "nesting deeper than " + std::to_string(limit) + " levels is flattened");
      warned_depth_ = true;
    }
    return true;
  }

  HtmlOrigin html_origin(cmark_node* node, const core::SourceLocation& at) {
    HtmlOrigin origin{path_, at.line, at.column, 0, 0};
    // Inside a quote or a list item, cmark strips the container's prefix from the block's lines.
    cmark_node* parent = cmark_node_parent(node);
    if (parent != nullptr && cmark_node_get_type(parent) != CMARK_NODE_DOCUMENT) origin.indent = at.column - 1;
    return origin;
  }

  // A block of HTML, through markdown_html: mapped to blocks, and elements left open (<details>,
  // <div align="center">) take the Markdown blocks that follow until their end tag.
  void add_html_block(cmark_node* node, const core::SourceLocation& at) {
    std::vector<std::string> open;
    for (std::size_t i = frames_.size(); i-- > 0 && !frames_[i].html.empty();)
      open.insert(open.begin(), frames_[i].html);
    const std::string html = literal_of(node);
    for (HtmlBlockStep& step :
         read_html_block(html, open, html_origin(node, at), max_markdown_nesting - depth_, html_)) {
      switch (step.kind) {
        case HtmlBlockStep::Kind::append: blocks().push_back(std::move(step.block)); break;
        case HtmlBlockStep::Kind::close:
          if (!frames_.back().html.empty()) pop_frame();
          break;
        case HtmlBlockStep::Kind::caption:
          // The open element's block is the last one added where its frame was opened.
          if (frames_.size() >= 2 && frames_.back().counted && !frames_.back().html.empty()) {
            model::Block& owner = frames_[frames_.size() - 2].blocks->back();
            if (owner.inlines.empty()) owner.inlines = std::move(step.block.inlines);
          }
          break;
        case HtmlBlockStep::Kind::open:
          if (too_many_open_html(at, max_open_html)) {  // its content joins the enclosing element
            for (model::Block& child : step.block.children) blocks().push_back(std::move(child));
            break;
          }
          if (step.transparent || too_deep(at)) {
            for (model::Block& child : step.block.children) blocks().push_back(std::move(child));
            pass_through();
          } else {
            model::Block& added = blocks().emplace_back(std::move(step.block));
            frames_.push_back({&added.children, nullptr, true});
            ++depth_;
          }
          frames_.back().html = step.tag;
          break;
      }
    }
  }

  // One tag among the text: a start tag opens an inline of its kind until its end tag (or the end
  // of the paragraph, span or link it is written in); an end tag closes the nearest open element
  // of its name written in the same span, and is ignored otherwise, as by a browser.
  void add_html_inline(cmark_node* node, const core::SourceLocation& at) {
    const HtmlTag tag = read_html_tag(literal_of(node), html_origin(node, at), sink_);
    if (tag.kind == HtmlTag::Kind::end) {
      for (std::size_t i = frames_.size(); i-- > 0 && !frames_[i].html.empty();) {
        if (frames_[i].html != tag.name) continue;
        while (frames_.size() > i) pop_frame();
        break;
      }
      return;
    }
    if (tag.kind != HtmlTag::Kind::start) return;
    const HtmlNode& element = tag.element;
    const HtmlInlineRule rule = html_inline_rule(element.name);
    const bool opens =
        !is_void_element(element.name) && rule.role != HtmlInline::line_break && rule.role != HtmlInline::image;
    if (opens && too_many_open_html(at, max_markdown_nesting)) return;  // its content joins the enclosing element
    const std::string* id =
        element.attribute(element.name == "a" && element.attribute("id") == nullptr ? "name" : "id");
    if (id != nullptr && !id->empty() && rule.role != HtmlInline::dropped && rule.role != HtmlInline::invisible) {
      model::Inline anchor;
      anchor.kind = model::InlineKind::anchor;
      anchor.id = *id;
      anchor.location = at;
      inlines().push_back(std::move(anchor));
    }
    switch (rule.role) {
      case HtmlInline::span: open_inline(rule.kind, {}, at); break;
      case HtmlInline::code: open_inline(model::InlineKind::code, {}, at); break;
      case HtmlInline::link: {
        const std::string* href = element.attribute("href");
        std::string target = href == nullptr || href->empty() ? std::string() : html_.link_target(*href, at);
        if (target.empty()) {
          pass_through();
        } else {
          open_inline(model::InlineKind::link, std::move(target), at);
        }
        break;
      }
      case HtmlInline::quotation:
        add_text("\u201C", at);
        pass_through();
        break;
      case HtmlInline::line_break: add_break(model::InlineKind::hard_break, at); return;
      case HtmlInline::image: {
        const std::string* alt = element.attribute("alt");
        std::optional<model::Image> image = html_.image(element);
        if (!image) return add_text(alt == nullptr ? std::string() : collapse_html_space(*alt), at);
        return add_figure(std::move(*image), at);
      }
      case HtmlInline::dropped: html_.warn_dropped(element); [[fallthrough]];
      case HtmlInline::invisible: {
        if (is_void_element(element.name)) return;
        // What is written up to the end tag is not shown.
        Frame frame = frames_.back();
        frame.counted = false;
        frame.inlines = &discarded_;
        frames_.push_back(frame);
        break;
      }
      case HtmlInline::unknown:
        html_.warn_unknown(element);
        pass_through();
        break;
      case HtmlInline::transparent:
      case HtmlInline::block: pass_through(); break;
    }
    frames_.back().html = element.name;
  }

  static bool is_void_element(std::string_view name) {
    return name == "area" || name == "base" || name == "col" || name == "embed" || name == "input" || name == "link" ||
           name == "meta" || name == "param" || name == "source" || name == "track" || name == "wbr" || name == "img" ||
           name == "br" || name == "hr";
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

  // A text node, checked against the line it was read from for what GFM leaves as text.
  void add_source_text(cmark_node* node, const core::SourceLocation& at) {
    std::string text = clean(literal_of(node), at);
    const std::string* line = line_text(at.line);
    if (line == nullptr) return add_text(std::move(text), at);
    // A delimiter row with no header row of as many cells above it leaves a paragraph, whose
    // smart punctuation would turn the rule into dashes ("|—|—|"): it is kept as written.
    const std::string_view row = trimmed(*line);
    const auto row_begin = static_cast<int>(row.data() - line->data());
    if (is_delimiter_row(row) && cmark_node_get_start_column(node) == row_begin + 1) {
      sink_.warning(at,
                    "expected a table header row with as many cells above this delimiter row, found none; "
                    "the lines are kept as text");
      return add_text(std::string(row), at);
    }
    warn_undefined_references(text, *line, cmark_node_get_start_column(node), at);
    const int first = cmark_node_get_start_column(node) - 1;
    const int last = cmark_node_get_end_column(node);
    if (first >= 0 && last > first) {
      text =
          keep_option_dashes(std::move(text), *line, static_cast<std::size_t>(first), static_cast<std::size_t>(last));
    }
    add_text(std::move(text), at);
  }

  // A reference to a label with no definition stays as text, "[^z]": said at its own column
  // when the line holds it as written (not escaped, not made from entities).
  void warn_undefined_references(std::string_view text, const std::string& line, int byte_column,
                                 const core::SourceLocation& at) {
    for (std::size_t start = text.find("[^"); start != std::string_view::npos; start = text.find("[^", start + 2)) {
      std::size_t end = start + 2;
      while (end < text.size() && is_label_char(text[end])) ++end;
      if (end == start + 2 || end == text.size() || text[end] != ']') continue;
      const std::string_view reference = text.substr(start, end + 1 - start);
      const std::size_t written = line.find(reference, static_cast<std::size_t>(std::max(byte_column - 1, 0)));
      if (written == std::string::npos || (written > 0 && line[written - 1] == '\\')) continue;
      sink_.warning({path_, at.line, core::column_at(line, written)},
                    "expected a definition for the footnote '" + std::string(reference) +
                        "', found none; the reference is kept as text");
    }
  }

  void add_break(model::InlineKind kind, const core::SourceLocation& at) {
    model::Inline line_break;
    line_break.kind = kind;
    line_break.location = at;
    inlines().push_back(std::move(line_break));
  }

  // Notes are numbered in the order the text first refers to them (the model's contract, and
  // what readers see); the first reference to note n is "fnref-n", later ones "fnref-n-2", ….
  void add_footnote_reference(cmark_node* node, const core::SourceLocation& at) {
    cmark_node* definition = node->parent_footnote_def;
    if (definition == nullptr) return add_text("[^" + clean(literal_of(node), at) + "]", at);
    Note& note = notes_.try_emplace(definition, Note{definition, 0, 0}).first->second;
    if (note.number == 0) {
      numbered_.push_back(definition);
      note.number = numbered_.size();
    }
    const std::string n = std::to_string(note.number);
    model::Inline reference;
    reference.kind = model::InlineKind::footnote_ref;
    reference.text = n;
    reference.target = "fn-" + n;
    reference.id = ++note.references == 1 ? "fnref-" + n : "fnref-" + n + "-" + std::to_string(note.references);
    reference.location = at;
    inlines().push_back(std::move(reference));
  }

  // GFM drops the cells of a row beyond the header's count; the text lost is reported.
  void warn_dropped_cells(cmark_node* row) {
    cmark_node* last = cmark_node_last_child(row);
    if (last == nullptr) return;
    const int line_number = file_line(cmark_node_get_end_line(last));
    const std::string* line = line_text(line_number);
    const int end = cmark_node_get_end_column(last);
    if (line == nullptr || end < 1 || static_cast<std::size_t>(end) >= line->size()) return;
    std::string_view rest = trimmed(std::string_view(*line).substr(static_cast<std::size_t>(end)));
    if (!rest.empty() && rest.front() == '|') rest = trimmed(rest.substr(1));
    if (!rest.empty() && rest.back() == '|' && (rest.size() < 2 || rest[rest.size() - 2] != '\\')) {
      rest = trimmed(rest.substr(0, rest.size() - 1));
    }
    if (rest.empty()) return;
    const auto column = core::column_at(*line, static_cast<std::size_t>(rest.data() - line->data()));
    sink_.warning({path_, line_number, column},
                  "expected at most " + std::to_string(column_aligns_.size()) +
                      " cells in this table row, as in its header row, found more; dropped: '" + std::string(rest) +
                      "'");
  }

  // An image becomes a figure after the paragraph (or heading) it is written in: PDF pages cannot
  // set a picture inside a line of justified text, and a book's pictures stand on their own. A
  // paragraph left with nothing but the image goes. One that cannot be used leaves its alt text.
  void add_image(cmark_node* node, const core::SourceLocation& at) {
    std::string alt = clean(alt_text(node), at);
    const char* url = cmark_node_get_url(node);
    std::optional<model::Image> image = images_.read(clean(url == nullptr ? "" : url, at), alt, path_, at, sink_);
    if (!image) return add_text(std::move(alt), at);
    add_figure(std::move(*image), at);
  }

  void add_figure(model::Image image, const core::SourceLocation& at) {
    model::Block figure;
    figure.kind = model::BlockKind::figure;
    figure.images.push_back(std::make_shared<const model::Image>(std::move(image)));
    figure.location = at;
    pending_figures_.push_back(std::move(figure));
  }

  static bool is_blank(const std::vector<model::Inline>& inlines) {
    return std::all_of(inlines.begin(), inlines.end(), [](const model::Inline& run) {
      return run.kind == model::InlineKind::soft_break || run.kind == model::InlineKind::hard_break ||
             (run.kind == model::InlineKind::text && run.text.find_first_not_of(" \t") == std::string::npos);
    });
  }

  // A paragraph an image leaves blank goes, in a table cell too: the cell holds the figure alone,
  // as an HTML cell holding only an <img> does.
  void close_text_block(bool drop_blank_paragraph) {
    if (pending_figures_.empty() || text_owner_ == nullptr) return;
    std::vector<model::Block>& owner = *text_owner_;
    const model::Block& text_block = owner[text_index_];
    if (drop_blank_paragraph && text_block.kind == model::BlockKind::paragraph && is_blank(text_block.inlines)) {
      owner.erase(owner.begin() + static_cast<std::ptrdiff_t>(text_index_));
    }
    for (model::Block& figure : pending_figures_) owner.push_back(std::move(figure));
    pending_figures_.clear();
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
  const std::vector<SourceLine>& lines_;
  int line_offset_;
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
  HtmlReader html_;
  std::vector<model::Inline> discarded_;  // what dropped HTML elements held in running text
  core::SourceLocation current_;
  // The table being read (a cell holds no blocks, so tables never nest while being read).
  std::vector<model::Align> column_aligns_;
  std::size_t cell_index_ = 0;
  bool header_row_ = false;
  // Every footnote definition met, and those numbered, in order of number.
  std::unordered_map<cmark_node*, Note> notes_;
  std::vector<cmark_node*> numbered_;
};

// Puts `inserted` among the article's top-level blocks where its line says it was written.
void insert_in_place(std::vector<model::Block>& blocks, std::vector<model::Block> inserted, int line) {
  const auto at = std::find_if(blocks.begin(), blocks.end(),
                               [line](const model::Block& block) { return block.location.line > line; });
  blocks.insert(at, std::make_move_iterator(inserted.begin()), std::make_move_iterator(inserted.end()));
}

}  // namespace

model::Article read_markdown_article(const std::string& path, std::string_view bytes, core::DiagnosticSink& sink) {
  const core::MemoryFileSystem no_files({});
  ImageReader images(no_files);
  UnusedFrontMatterKeys unused_keys;
  model::Article article = read_markdown_article(path, bytes, images, unused_keys, sink);
  unused_keys.report(sink);
  return article;
}

model::Article read_markdown_article(const std::string& path, std::string_view bytes, ImageReader& images,
                                     UnusedFrontMatterKeys& unused_keys, core::DiagnosticSink& sink) {
  model::Article article;
  article.location = {path, 1, 1};
  article.provenance.file = path;
  article.provenance.sha256 = core::sha256_hex(bytes);

  const std::vector<SourceLine> lines = read_source_lines(path, bytes, sink);
  const FrontMatter front = read_front_matter(lines, path, unused_keys, sink);
  article.provenance.source = front.fields.source;
  article.provenance.retrieved = front.fields.retrieved;
  article.provenance.author = front.fields.author;
  article.provenance.date = front.fields.date;
  article.provenance.description = front.fields.description;
  article.language = front.fields.language;

  // The front matter's lines stay as empty lines so that cmark's line numbers are the file's.
  std::string body;
  body.reserve(bytes.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i >= front.body_begin) body += lines[i].text;
    body += '\n';
  }
  // cmark-gfm drops a footnote definition that nothing refers to, and its text with it. So
  // that none is lost, every label that may be defined is referred to once, each in a
  // paragraph of its own ahead of the text (where no open block can swallow it); the walker
  // skips those paragraphs and numbers notes by the text's own references. Two lines per label
  // come before the file's first line.
  const std::vector<std::string> labels = definition_labels(body);
  std::string text;
  text.reserve(body.size() + labels.size() * 8);
  for (const std::string& label : labels) text += "[^" + label + "]\n\n";
  text += body;
  const NodePtr document = parse_gfm(text);

  Walker walker(path, lines, static_cast<int>(labels.size() * 2), images, sink);
  walker.walk(document.get(), article.blocks);
  walker.walk_notes(article.footnotes);
  for (cmark_node* definition : walker.unreferenced_definitions()) {
    if (walker.is_referenced(definition)) continue;  // by the text of one kept before it
    std::vector<model::Block> blocks = walker.walk_as_text(definition);
    const int line = blocks.empty() ? 0 : blocks.front().location.line;
    insert_in_place(article.blocks, std::move(blocks), line);
    walker.walk_notes(article.footnotes);  // the notes its text refers to
  }
  complete_html_containers(article.blocks);

  // The title is chosen for the whole corpus at once (import/choose_titles.hpp); the front
  // matter's comes first there.
  article.title = front.fields.title;
  if (article.blocks.empty()) sink.warning({path, 0, 0}, "article is empty");
  return article;
}

}  // namespace octavo::import
