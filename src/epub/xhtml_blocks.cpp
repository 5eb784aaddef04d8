#include "epub/xhtml_blocks.hpp"

#include <algorithm>

#include "core/utf8.hpp"
#include "epub/book_links.hpp"
#include "epub/epub_paths.hpp"
#include "epub/visible_label.hpp"
#include "model/book.hpp"
#include "model/inline.hpp"

namespace octavo::epub {
namespace {

// Writes `id` on `element` the first time the document sees it, and says whether it did: XHTML
// ids are unique (epubcheck RSC-005).
bool write_id(XmlNode& element, const std::string& id, DocumentIds& ids) {
  if (!is_usable_id(id) || !ids.written.insert(id).second) return false;
  element.attributes.emplace_back("id", id);
  return true;
}

void add_class(XmlNode& element, const std::string& name) {
  if (name.empty()) return;
  for (XmlAttribute& attribute : element.attributes) {
    if (attribute.first == "class") {
      attribute.second += " " + name;
      return;
    }
  }
  element.attributes.emplace_back("class", name);
}

// Alignment is a class styled in the stylesheet rather than an inline style, so that a reading
// system's or a reader's own styles can still override it.
std::string align_class(model::Align align) {
  switch (align) {
    case model::Align::none: return {};
    case model::Align::left: return "align-left";
    case model::Align::center: return "align-center";
    case model::Align::right: return "align-right";
  }
  return {};
}

bool shows_text(const std::vector<model::Inline>& inlines) {
  return !visible_label(model::plain_text(inlines), "").empty();
}

// A note reference (EPUB 3 Structural Semantics "noteref", DPUB-ARIA doc-noteref) as a superscript
// number linked to the note; its id is what the note's back-link returns to.
void append_note_ref(XmlNode& target, const model::Inline& ref, DocumentIds& ids) {
  XmlNode& sup = target.append(xml_element("sup"));
  if (ref.target.empty() || ids.notes.count(ref.target) == 0) {
    write_id(sup, ref.id, ids);  // still written: the anchor table counts it among the page's ids
    sup.append(xml_text(ref.text));
    return;
  }
  XmlNode& link = sup.append(xml_element("a", {{"href", "#" + ref.target}}));
  if (write_id(link, ref.id, ids)) ids.note_refs[ref.target].push_back(ref.id);
  link.attributes.emplace_back("epub:type", "noteref");
  link.attributes.emplace_back("role", "doc-noteref");
  link.append(xml_text(ref.text));
}

// Inlines are copied with an explicit stack: nesting depth comes from the input.
void append_inlines(XmlNode& parent, const std::vector<model::Inline>& inlines, DocumentIds& ids) {
  struct Frame {
    const std::vector<model::Inline>* runs;
    std::size_t next;
    XmlNode* target;
  };
  std::vector<Frame> pending{{&inlines, 0, &parent}};
  while (!pending.empty()) {
    if (pending.back().next == pending.back().runs->size()) {
      pending.pop_back();
      continue;
    }
    XmlNode& target = *pending.back().target;
    const model::Inline& run = (*pending.back().runs)[pending.back().next++];
    XmlNode* nested = nullptr;
    switch (run.kind) {
      case model::InlineKind::text: target.append(xml_text(run.text)); break;
      case model::InlineKind::code: target.append(xml_element("code", {}, xml_children(xml_text(run.text)))); break;
      case model::InlineKind::soft_break: target.append(xml_text(" ")); break;
      case model::InlineKind::hard_break: target.append(xml_element("br")); break;
      case model::InlineKind::emphasis: nested = &target.append(xml_element("em")); break;
      case model::InlineKind::strong: nested = &target.append(xml_element("strong")); break;
      case model::InlineKind::strikethrough: nested = &target.append(xml_element("s")); break;
      case model::InlineKind::superscript: nested = &target.append(xml_element("sup")); break;
      case model::InlineKind::subscript: nested = &target.append(xml_element("sub")); break;
      case model::InlineKind::keyboard: nested = &target.append(xml_element("kbd")); break;
      case model::InlineKind::footnote_ref: append_note_ref(target, run, ids); break;
      case model::InlineKind::anchor: {
        // An empty span: an <a> without href would still be announced by some screen readers.
        XmlNode span = xml_element("span");
        if (write_id(span, run.id, ids)) target.append(std::move(span));
        break;
      }
      case model::InlineKind::link: {
        const std::string href = link_href(run, ids.book, ids.article_id);
        nested = href.empty() ? &target : &target.append(xml_element("a", {{"href", href}}));
        break;
      }
    }
    if (nested != nullptr && !run.children.empty()) pending.push_back({&run.children, 0, nested});
  }
}

// HTML's <ol type> for a numbering other than decimal (HTML §4.4.5).
const char* list_type(model::ListNumbering numbering) {
  switch (numbering) {
    case model::ListNumbering::lower_alpha: return "a";
    case model::ListNumbering::upper_alpha: return "A";
    case model::ListNumbering::lower_roman: return "i";
    case model::ListNumbering::upper_roman: return "I";
    case model::ListNumbering::decimal: break;
  }
  return "1";
}

std::string heading_name(int level) { return std::string("h").append(std::to_string(std::clamp(level + 1, 2, 6))); }

// The box of a task-list item (U+2610 ☐, U+2611 ☑, as the PDF prints it). A screen reader would
// read the character's name ("ballot box with check"); role img with a label says what it means.
XmlNode task_box(model::TaskState task) {
  const bool done = task == model::TaskState::done;
  return xml_element("span", {{"class", "task-box"}, {"role", "img"}, {"aria-label", done ? "done" : "not done"}},
                     xml_children(xml_text(done ? "\u2611" : "\u2610")));
}

// Blocks still to be written into `target`; `box` goes before the first paragraph of a task item.
struct Frame {
  const std::vector<model::Block>* blocks;
  std::size_t next;
  XmlNode* target;
  model::TaskState box = model::TaskState::none;
};

bool is_empty_cell(const model::Block& cell) {
  return std::all_of(cell.children.begin(), cell.children.end(), [](const model::Block& block) {
    return block.kind == model::BlockKind::paragraph && !shows_text(block.inlines);
  });
}

// A GFM cell holds one plain paragraph: its text goes straight into the cell, as in HTML tables.
bool holds_one_paragraph(const model::Block& cell) {
  if (cell.children.size() != 1) return false;
  const model::Block& only = cell.children.front();
  return only.kind == model::BlockKind::paragraph && only.id.empty() && only.align == model::Align::none &&
         only.role == model::BlockRole::body;
}

// The largest spans HTML allows (HTML §4.9.11, "colspan", "rowspan"); readers bring whatever the
// source says.
constexpr int max_colspan = 1000;
constexpr int max_rowspan = 65534;

std::string span(int value, int most) { return std::to_string(std::min(value, most)); }

// HTML tables (HTML §4.9): the leading header rows form thead, the others tbody. A header cell is
// th with scope col in the head and scope row in the body (WCAG technique H63); an empty header
// cell is td, since a th must name something (axe "empty-table-header"). Cells holding more than
// one paragraph are pushed onto `pending`, to be written after the table's skeleton is complete,
// so that no pointer into it moves.
void append_table(XmlNode& target, const model::Block& table, DocumentIds& ids, std::vector<Frame>& pending) {
  XmlNode element = xml_block("table");
  write_id(element, table.id, ids);
  add_class(element, align_class(table.align));
  if (!table.inlines.empty()) append_inlines(element.append(xml_element("caption")), table.inlines, ids);
  std::size_t head_rows = 0;
  while (head_rows < table.children.size() && table.children[head_rows].role == model::BlockRole::header) ++head_rows;
  std::vector<std::pair<const model::Block*, std::vector<std::size_t>>> cells_with_blocks;  // cell, path in element
  for (std::size_t group = 0; group < 2; ++group) {
    const bool head = group == 0;
    const std::size_t first = head ? 0 : head_rows;
    const std::size_t last = head ? head_rows : table.children.size();
    if (first == last) continue;
    XmlNode section = xml_block(head ? "thead" : "tbody");
    for (std::size_t r = first; r < last; ++r) {
      const model::Block& row = table.children[r];
      XmlNode tr = xml_block("tr");
      write_id(tr, row.id, ids);
      for (const model::Block& cell : row.children) {
        const bool header = cell.role == model::BlockRole::header && !is_empty_cell(cell);
        const bool inline_content = cell.children.empty() || holds_one_paragraph(cell);
        XmlNode element_cell = inline_content ? xml_element(header ? "th" : "td") : xml_block(header ? "th" : "td");
        write_id(element_cell, cell.id, ids);
        add_class(element_cell, align_class(cell.align));
        if (header) element_cell.attributes.emplace_back("scope", head ? "col" : "row");
        if (cell.colspan > 1) element_cell.attributes.emplace_back("colspan", span(cell.colspan, max_colspan));
        if (cell.rowspan > 1) element_cell.attributes.emplace_back("rowspan", span(cell.rowspan, max_rowspan));
        if (inline_content && !cell.children.empty()) {
          append_inlines(element_cell, cell.children.front().inlines, ids);
        } else if (!inline_content) {
          cells_with_blocks.push_back({&cell, {element.children.size(), section.children.size(), tr.children.size()}});
        }
        tr.append(std::move(element_cell));
      }
      section.append(std::move(tr));
    }
    element.append(std::move(section));
  }
  XmlNode& stored = target.append(std::move(element));
  // Pushed last first, so that the cells are written in reading order.
  for (auto it = cells_with_blocks.rbegin(); it != cells_with_blocks.rend(); ++it) {
    const std::vector<std::size_t>& path = it->second;
    XmlNode& cell = stored.children[path[0]].children[path[1]].children[path[2]];
    pending.push_back({&it->first->children, 0, &cell});
  }
}

// Appends the element for one block, and pushes onto `pending` the children still to be written.
void append_block(XmlNode& target, const model::Block& block, model::TaskState box, DocumentIds& ids,
                  std::vector<Frame>& pending) {
  XmlNode* container = nullptr;
  model::TaskState child_box = model::TaskState::none;
  switch (block.kind) {
    case model::BlockKind::paragraph: {
      XmlNode& p = target.append(xml_element("p"));
      write_id(p, block.id, ids);
      if (block.role == model::BlockRole::summary) add_class(p, "summary");
      add_class(p, align_class(block.align));
      if (box != model::TaskState::none) {
        p.append(task_box(box));
        p.append(xml_text(" "));
      }
      append_inlines(p, block.inlines, ids);
      break;
    }
    case model::BlockKind::heading: {
      XmlNode& h = target.append(xml_element(heading_name(block.level)));
      write_id(h, block.id, ids);
      add_class(h, align_class(block.align));
      append_inlines(h, block.inlines, ids);
      break;
    }
    case model::BlockKind::bullet_list:
    case model::BlockKind::ordered_list: {
      const bool ordered = block.kind == model::BlockKind::ordered_list;
      XmlNode list = xml_block(ordered ? "ol" : "ul");
      write_id(list, block.id, ids);
      if (ordered && block.start != 1) list.attributes.emplace_back("start", std::to_string(block.start));
      if (ordered && block.numbering != model::ListNumbering::decimal)
        list.attributes.emplace_back("type", list_type(block.numbering));
      if (block.role != model::BlockRole::outline) {
        container = &target.append(std::move(list));
        break;
      }
      XmlNode& nav = target.append(xml_block("nav", {{"class", "outline"}}));
      nav.append(xml_element("h2", {{"class", "outline-title"}}, xml_children(xml_text(model::outline_title))));
      container = &nav.append(std::move(list));
      break;
    }
    case model::BlockKind::list_item: {
      container = &target.append(xml_block("li"));
      write_id(*container, block.id, ids);
      if (block.task == model::TaskState::none) break;
      add_class(*container, "task");
      const bool paragraph_first =
          !block.children.empty() && block.children.front().kind == model::BlockKind::paragraph;
      if (paragraph_first) {
        child_box = block.task;
      } else {
        container->append(task_box(block.task));
      }
      break;
    }
    case model::BlockKind::block_quote:
      container = &target.append(xml_block("blockquote"));
      write_id(*container, block.id, ids);
      break;
    case model::BlockKind::code_block: {
      XmlNode& pre = target.append(xml_element("pre"));
      write_id(pre, block.id, ids);
      pre.append(xml_element("code", {}, xml_children(xml_text(block.text))));
      break;
    }
    case model::BlockKind::thematic_break: write_id(target.append(xml_element("hr")), block.id, ids); break;
    case model::BlockKind::figure: {
      // The alt text is the image's only description; the PDF prints it as a caption instead.
      XmlNode& figure = target.append(xml_block("figure"));
      write_id(figure, block.id, ids);
      add_class(figure, "image");
      for (const std::shared_ptr<const model::Image>& image : block.images) {
        figure.append(xml_element("img", {{"src", image_href_from_text(*image)}, {"alt", image->alt}}));
      }
      if (!block.inlines.empty()) append_inlines(figure.append(xml_element("figcaption")), block.inlines, ids);
      break;
    }
    case model::BlockKind::table: append_table(target, block, ids, pending); break;
    // Rows and cells are written by their table; one found elsewhere is a group of its blocks.
    case model::BlockKind::table_row:
    case model::BlockKind::table_cell:
      container = &target.append(xml_block("div"));
      write_id(*container, block.id, ids);
      break;
    case model::BlockKind::aside:
      container = &target.append(xml_block("aside"));
      write_id(*container, block.id, ids);
      add_class(*container, "aside");
      break;
    case model::BlockKind::details:
      // Shown open, as in the PDF. The HTML schema epubcheck 4.2.6 applies requires a summary, so
      // details without one become a plain group of their content.
      if (shows_text(block.inlines)) {
        container = &target.append(xml_block("details"));
        write_id(*container, block.id, ids);
        container->attributes.emplace_back("open", "open");
        append_inlines(container->append(xml_element("summary")), block.inlines, ids);
      } else {
        container = &target.append(xml_block("div"));
        write_id(*container, block.id, ids);
        add_class(*container, "details");
        append_inlines(*container, block.inlines, ids);  // anchors and spaces only: they keep their ids
      }
      break;
    case model::BlockKind::division:
      container = &target.append(xml_block("div"));
      write_id(*container, block.id, ids);
      add_class(*container, align_class(block.align));
      break;
  }
  if (container != nullptr && !block.children.empty()) pending.push_back({&block.children, 0, container, child_box});
}

}  // namespace

bool is_usable_id(const std::string& id) {
  if (id.empty() || core::xml_safe(id) != id) return false;
  return id.find_first_of(" \t\n\r\f") == std::string::npos;
}

// Blocks are copied with an explicit stack, like inlines. A node pushed here is only appended to
// while it is on top, so the pointers of the frames below stay valid.
void append_blocks(XmlNode& parent, const std::vector<model::Block>& blocks, DocumentIds& ids) {
  std::vector<Frame> pending{{&blocks, 0, &parent}};
  while (!pending.empty()) {
    if (pending.back().next == pending.back().blocks->size()) {
      pending.pop_back();
      continue;
    }
    Frame& frame = pending.back();
    XmlNode& target = *frame.target;
    const model::TaskState box = frame.next == 0 ? frame.box : model::TaskState::none;
    const model::Block& block = (*frame.blocks)[frame.next++];
    append_block(target, block, box, ids, pending);  // may push, so `frame` is not used after this
  }
}

}  // namespace octavo::epub
