#include "epub/xhtml_blocks.hpp"

#include <algorithm>

#include "core/utf8.hpp"
#include "epub/epub_paths.hpp"
#include "epub/external_href.hpp"
#include "model/book.hpp"
#include "model/inline.hpp"

namespace octavo::epub {
namespace {

// An href for a link, or empty to keep the link's text only. The anchor table says which ids
// exist; a fragment that names none would be a broken link (epubcheck RSC-012).
std::string link_href(const model::Inline& link, const DocumentIds& ids) {
  const std::string& target = link.target;
  const bool same_document = link.target_article.empty() && !target.empty() && target.front() == '#';
  if (link.target_article.empty() && !same_document) return external_href(target);
  const std::string& article = same_document ? ids.article_id : link.target_article;
  if (ids.anchors == nullptr || !ids.anchors->articles.contains(article)) return {};
  if (!target.empty() && (target.front() != '#' || !ids.anchors->contains(article, target.substr(1)))) return {};
  if (article == ids.article_id && !target.empty()) return target;
  return article_file(article) + target;
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
      case model::InlineKind::code: target.append(xml_element("code", {}, {xml_text(run.text)})); break;
      case model::InlineKind::soft_break: target.append(xml_text(" ")); break;
      case model::InlineKind::hard_break: target.append(xml_element("br")); break;
      case model::InlineKind::emphasis: nested = &target.append(xml_element("em")); break;
      case model::InlineKind::strong: nested = &target.append(xml_element("strong")); break;
      case model::InlineKind::strikethrough: nested = &target.append(xml_element("s")); break;
      case model::InlineKind::superscript: nested = &target.append(xml_element("sup")); break;
      case model::InlineKind::subscript: nested = &target.append(xml_element("sub")); break;
      case model::InlineKind::keyboard: nested = &target.append(xml_element("kbd")); break;
      // Interim: the number only, until endnotes are written (issue 9).
      case model::InlineKind::footnote_ref: target.append(xml_element("sup", {}, {xml_text(run.text)})); break;
      case model::InlineKind::anchor:
        if (is_usable_id(run.id) && ids.written.insert(run.id).second) {
          target.append(xml_element("span", {{"id", run.id}}));
        }
        break;
      case model::InlineKind::link: {
        const std::string href = link_href(run, ids);
        nested = href.empty() ? &target : &target.append(xml_element("a", {{"href", href}}));
        break;
      }
    }
    if (nested != nullptr && !run.children.empty()) pending.push_back({&run.children, 0, nested});
  }
}

std::string heading_name(int level) { return "h" + std::to_string(std::clamp(level + 1, 2, 6)); }

// Appends the element for one block and returns the node its children go into, or nullptr.
XmlNode* append_block(XmlNode& target, const model::Block& block, DocumentIds& ids) {
  switch (block.kind) {
    case model::BlockKind::paragraph: {
      XmlNode& p = target.append(xml_element("p"));
      if (block.role == model::BlockRole::summary) p.attributes.emplace_back("class", "summary");
      append_inlines(p, block.inlines, ids);
      return nullptr;
    }
    case model::BlockKind::heading: {
      XmlNode& h = target.append(xml_element(heading_name(block.level)));
      if (is_usable_id(block.id) && ids.written.insert(block.id).second) h.attributes.emplace_back("id", block.id);
      append_inlines(h, block.inlines, ids);
      return nullptr;
    }
    case model::BlockKind::bullet_list:
    case model::BlockKind::ordered_list: {
      const bool ordered = block.kind == model::BlockKind::ordered_list;
      XmlNode list = xml_block(ordered ? "ol" : "ul");
      if (ordered && block.start != 1) list.attributes.emplace_back("start", std::to_string(block.start));
      if (block.role != model::BlockRole::outline) return &target.append(std::move(list));
      XmlNode& nav = target.append(xml_block("nav", {{"class", "outline"}}));
      nav.append(xml_element("h2", {{"class", "outline-title"}}, {xml_text(model::outline_title)}));
      return &nav.append(std::move(list));
    }
    case model::BlockKind::list_item: return &target.append(xml_block("li"));
    case model::BlockKind::block_quote: return &target.append(xml_block("blockquote"));
    case model::BlockKind::code_block:
      target.append(xml_element("pre", {}, {xml_element("code", {}, {xml_text(block.text)})}));
      return nullptr;
    case model::BlockKind::thematic_break: target.append(xml_element("hr")); return nullptr;
    case model::BlockKind::figure: {
      // The alt text is the image's only description; the PDF prints it as a caption instead.
      XmlNode& figure = target.append(xml_block("figure", {{"class", "image"}}));
      for (const std::shared_ptr<const model::Image>& image : block.images) {
        figure.append(xml_element("img", {{"src", image_href_from_text(*image)}, {"alt", image->alt}}));
      }
      if (!block.inlines.empty()) append_inlines(figure.append(xml_element("figcaption")), block.inlines, ids);
      return nullptr;
    }
    // Interim structure for the kinds issue 9 adds, until the EPUB writer sets them properly.
    case model::BlockKind::table: return &target.append(xml_block("table"));
    case model::BlockKind::table_row: return &target.append(xml_block("tr"));
    case model::BlockKind::table_cell:
      return &target.append(xml_block(block.role == model::BlockRole::header ? "th" : "td"));
    case model::BlockKind::aside: return &target.append(xml_block("aside"));
    case model::BlockKind::details: {
      XmlNode& details = target.append(xml_block("details", {{"open", "open"}}));
      append_inlines(details.append(xml_element("summary")), block.inlines, ids);
      return &details;
    }
    case model::BlockKind::division: return &target.append(xml_block("div"));
  }
  return nullptr;
}

}  // namespace

bool is_usable_id(const std::string& id) {
  if (id.empty() || core::xml_safe(id) != id) return false;
  return id.find_first_of(" \t\n\r\f") == std::string::npos;
}

// Blocks are copied with an explicit stack, like inlines. A node pushed here is only appended to
// while it is on top, so the pointers of the frames below stay valid.
void append_blocks(XmlNode& parent, const std::vector<model::Block>& blocks, DocumentIds& ids) {
  struct Frame {
    const std::vector<model::Block>* blocks;
    std::size_t next;
    XmlNode* target;
  };
  std::vector<Frame> pending{{&blocks, 0, &parent}};
  while (!pending.empty()) {
    if (pending.back().next == pending.back().blocks->size()) {
      pending.pop_back();
      continue;
    }
    XmlNode& target = *pending.back().target;
    const model::Block& block = (*pending.back().blocks)[pending.back().next++];
    const std::size_t element = target.children.size();
    XmlNode* container = append_block(target, block, ids);
    // A heading writes its id itself; any other block's (an explicit HTML id) goes on its element.
    if (block.kind != model::BlockKind::heading && element < target.children.size() && is_usable_id(block.id) &&
        ids.written.insert(block.id).second) {
      target.children[element].attributes.emplace_back("id", block.id);
    }
    if (container != nullptr && !block.children.empty()) pending.push_back({&block.children, 0, container});
  }
}

}  // namespace octavo::epub
