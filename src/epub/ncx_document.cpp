#include "epub/ncx_document.hpp"

#include <algorithm>
#include <unordered_map>

#include "epub/toc_items.hpp"
#include "epub/visible_label.hpp"
#include "epub/xml_document.hpp"

namespace octavo::epub {
namespace {

class NavMapWriter {
 public:
  XmlNode nav_point(const TocItem& item) {
    // NCX (ANSI/NISO Z39.86-2005 §8.4.2): playOrder follows the reading order, and two points
    // with the same target must share it (epubcheck checks both).
    const auto order = play_orders_.emplace(item.href, play_orders_.size() + 1).first;
    XmlNode point = xml_block(
        "navPoint", {{"id", "navpoint-" + std::to_string(++points_)}, {"playOrder", std::to_string(order->second)}});
    point.append(
        xml_element("navLabel", {}, xml_children(xml_element("text", {}, xml_children(xml_text(item.label))))));
    point.append(xml_element("content", {{"src", item.href}}));
    for (const TocItem& child : item.children) point.append(nav_point(child));
    return point;
  }

 private:
  std::unordered_map<std::string, std::size_t> play_orders_;
  std::size_t points_ = 0;
};

// dtb:depth is the depth of the navMap's deepest navPoint (Z39.86-2005 §8.4.1).
std::size_t depth(const std::vector<TocItem>& items) {
  std::size_t deepest = 0;
  for (const TocItem& item : items) deepest = std::max(deepest, 1 + depth(item.children));
  return deepest;
}

}  // namespace

NcxInputs ncx_inputs(const model::Book& book) {
  return {book.metadata.identifier, book.metadata.language, book.metadata.title};
}

std::string ncx_document(const model::Book& book) { return ncx_document(ncx_inputs(book), toc_items(book)); }

std::string ncx_document(const NcxInputs& inputs, const std::vector<TocItem>& items) {
  XmlNode ncx = xml_block(
      "ncx", {{"xmlns", "http://www.daisy.org/z3986/2005/ncx/"}, {"version", "2005-1"}, {"xml:lang", inputs.language}});
  auto meta = [](const char* name, const std::string& content) {
    return xml_element("meta", {{"name", name}, {"content", content}});
  };
  ncx.append(xml_block("head", {},
                       {meta("dtb:uid", inputs.identifier), meta("dtb:depth", std::to_string(depth(items))),
                        meta("dtb:totalPageCount", "0"), meta("dtb:maxPageNumber", "0")}));
  ncx.append(xml_element(
      "docTitle", {},
      xml_children(xml_element("text", {}, xml_children(xml_text(visible_label(inputs.title, "Untitled")))))));
  XmlNode& nav_map = ncx.append(xml_block("navMap"));
  NavMapWriter writer;
  for (const TocItem& item : items) nav_map.append(writer.nav_point(item));
  return xml_document(ncx);
}

}  // namespace octavo::epub
