#include "image/svg_document.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <initializer_list>
#include <map>
#include <set>

#include "core/utf8.hpp"

namespace octavo::image {

namespace {

constexpr std::string_view svg_namespace = "http://www.w3.org/2000/svg";
constexpr std::string_view xlink_namespace = "http://www.w3.org/1999/xlink";
// Entities may expand to this many bytes in all: Adobe Illustrator declares a dozen namespace
// URIs as entities, while "billion laughs" nests them to expand to gigabytes.
constexpr std::size_t max_entity_expansion = 1 << 20;
// Nesting of entity references inside entity values (XML 1.0 §4.4.5 forbids cycles; this bounds
// them), and the references expanded in all, which bounds the work when nesting yields little text.
constexpr int max_entity_depth = 8;
constexpr std::size_t max_entity_references = 100000;
// The size CSS gives a replaced element without one (CSS 2.1 §10.3.2): what browsers show for an
// SVG with no width, height or viewBox.
constexpr double default_width = 300;
constexpr double default_height = 150;
// Beyond this a size is nonsense (or an attack on the layout's arithmetic); layout shrinks every
// picture to the page anyway.
constexpr double max_side = 1e6;
// How many outside references a warning names; the rest are counted.
constexpr std::size_t max_named_references = 4;

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && equals_ignoring_case(text.substr(0, prefix.size()), prefix);
}

bool contains_ignoring_case(std::string_view text, std::string_view part) {
  for (std::size_t pos = 0; pos + part.size() <= text.size(); ++pos) {
    if (equals_ignoring_case(text.substr(pos, part.size()), part)) return true;
  }
  return false;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string_view local_name(std::string_view name) {
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// Pictures inside an SVG may only be these (the formats the books take, decoded by librsvg's own
// loaders): anything else in a data: URL, an SVG above all, could carry references of its own.
bool is_allowed_data_url(std::string_view url) {
  for (const std::string_view type : {"data:image/png", "data:image/jpeg", "data:image/jpg", "data:image/gif"}) {
    if (starts_with_ignoring_case(url, type) && url.size() > type.size() &&
        (url[type.size()] == ';' || url[type.size()] == ',')) {
      return true;
    }
  }
  return false;
}

bool stays_inside(std::string_view url) {
  url = trimmed(url);
  return url.starts_with('#') || is_allowed_data_url(url);
}

// The DOCTYPE's internal subset (XML 1.0 §2.8): general entities, internal ones with their
// literal value, external ones with their system identifier. Parameter entities and the other
// declarations are skipped: they cannot change what the books draw once the DOCTYPE is gone.
struct Entities {
  std::map<std::string, std::string, std::less<>> internal;
  std::map<std::string, std::string, std::less<>> external;
};

// Skips a quoted literal starting at `pos` (which holds the quote); returns its content.
std::string_view quoted(std::string_view text, std::size_t& pos) {
  const char quote = text[pos];
  const std::size_t end = text.find(quote, pos + 1);
  const std::size_t stop = end == std::string_view::npos ? text.size() : end;
  std::string_view content = text.substr(pos + 1, stop - pos - 1);
  pos = stop == text.size() ? stop : stop + 1;
  return content;
}

// Moves `pos` past the next '>' that is not inside a quoted literal.
void skip_declaration(std::string_view text, std::size_t& pos) {
  while (pos < text.size() && text[pos] != '>') {
    if (text[pos] == '"' || text[pos] == '\'') {
      quoted(text, pos);
    } else {
      ++pos;
    }
  }
  if (pos < text.size()) ++pos;
}

void skip_spaces(std::string_view text, std::size_t& pos) {
  while (pos < text.size() && is_space(text[pos])) ++pos;
}

std::string_view word(std::string_view text, std::size_t& pos) {
  const std::size_t start = pos;
  while (pos < text.size() && !is_space(text[pos]) && text[pos] != '>' && text[pos] != '"' && text[pos] != '\'') ++pos;
  return text.substr(start, pos - start);
}

void read_entity(std::string_view text, std::size_t& pos, Entities& entities) {
  pos += 8;  // "<!ENTITY"
  skip_spaces(text, pos);
  if (pos < text.size() && text[pos] == '%') return skip_declaration(text, pos);
  const std::string name(word(text, pos));
  skip_spaces(text, pos);
  if (pos < text.size() && (text[pos] == '"' || text[pos] == '\'')) {
    const std::string_view value = quoted(text, pos);
    // The first declaration binds (XML 1.0 §4.2).
    if (!entities.external.contains(name)) entities.internal.try_emplace(name, value);
  } else {
    const std::string_view keyword = word(text, pos);
    skip_spaces(text, pos);
    if (keyword == "PUBLIC" && pos < text.size() && (text[pos] == '"' || text[pos] == '\'')) {
      quoted(text, pos);
      skip_spaces(text, pos);
    }
    std::string_view system;
    if (pos < text.size() && (text[pos] == '"' || text[pos] == '\'')) system = quoted(text, pos);
    if (!entities.internal.contains(name)) entities.external.try_emplace(name, system);
  }
  skip_declaration(text, pos);
}

// `doctype` is pugixml's value of the DOCTYPE node: everything between "<!DOCTYPE" and its '>'.
Entities read_entities(std::string_view doctype) {
  Entities entities;
  std::size_t pos = 0;
  while (pos < doctype.size() && doctype[pos] != '[') {
    if (doctype[pos] == '"' || doctype[pos] == '\'') {
      quoted(doctype, pos);
    } else {
      ++pos;
    }
  }
  ++pos;
  while (pos < doctype.size() && doctype[pos] != ']') {
    const std::string_view rest = doctype.substr(pos);
    if (rest.starts_with("<!--")) {
      const std::size_t end = doctype.find("-->", pos + 4);
      pos = end == std::string_view::npos ? doctype.size() : end + 3;
    } else if (rest.starts_with("<?")) {
      const std::size_t end = doctype.find("?>", pos + 2);
      pos = end == std::string_view::npos ? doctype.size() : end + 2;
    } else if (rest.starts_with("<!ENTITY")) {
      read_entity(doctype, pos, entities);
    } else if (rest.starts_with("<!")) {
      skip_declaration(doctype, pos);
    } else {
      ++pos;
    }
  }
  return entities;
}

// What the clean-up found and did, gathered over the whole document.
struct Cleaning {
  Entities entities;
  bool changed = false;
  bool too_many_entities = false;
  std::size_t expanded = 0;
  std::size_t references = 0;
  bool scripts = false;
  std::set<std::string> removed_elements;  // loading elements, by name
  bool foreign_object = false;
  std::vector<std::string> outside;  // references to outside, in document order, once each
  std::vector<std::string> undeclared;

  void refer_outside(std::string_view target) {
    std::string text(trimmed(target));
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    text = core::xml_safe(text);
    if (std::find(outside.begin(), outside.end(), text) == outside.end()) outside.push_back(std::move(text));
    changed = true;
  }

  // `raw` with its references replaced (XML 1.0 §4.4): character references and the five
  // predefined entities always, declared internal entities by their values (nested up to
  // max_entity_depth); references to external or undeclared entities are dropped and recorded.
  // Characters XML forbids are dropped.
  std::string expand(std::string_view raw, int depth = 0) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t pos = 0; pos < raw.size();) {
      if (raw[pos] != '&') {
        out += raw[pos++];
        continue;
      }
      const std::size_t end = raw.find(';', pos);
      if (end == std::string_view::npos || end - pos > 64) {  // a stray '&': pugixml tolerates it, keep it as text
        out += raw[pos++];
        continue;
      }
      const std::string_view name = raw.substr(pos + 1, end - pos - 1);
      pos = end + 1;
      if (name.starts_with('#')) {
        const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
        const std::string digits(name.substr(hex ? 2 : 1));
        char* stop = nullptr;
        const unsigned long value = std::strtoul(digits.c_str(), &stop, hex ? 16 : 10);
        const bool valid =
            !digits.empty() && *stop == '\0' && value <= 0x10FFFF && !(value >= 0xD800 && value <= 0xDFFF);
        const auto code_point = static_cast<char32_t>(value);
        if (valid && core::is_xml_char(code_point) && !core::is_discouraged_xml_char(code_point)) {
          core::append_utf8(out, code_point);
        } else {
          changed = true;
        }
      } else if (name == "lt") {
        out += '<';
      } else if (name == "gt") {
        out += '>';
      } else if (name == "amp") {
        out += '&';
      } else if (name == "apos") {
        out += '\'';
      } else if (name == "quot") {
        out += '"';
      } else if (const auto internal = entities.internal.find(name); internal != entities.internal.end()) {
        changed = true;
        if (++references > max_entity_references) too_many_entities = true;
        if (depth >= max_entity_depth || too_many_entities) continue;
        const std::string value = expand(internal->second, depth + 1);
        expanded += value.size();
        if (expanded > max_entity_expansion) {
          too_many_entities = true;
          continue;
        }
        out += value;
      } else if (const auto external = entities.external.find(name); external != entities.external.end()) {
        refer_outside(external->second.empty() ? "&" + std::string(name) + ";" : external->second);
      } else {
        changed = true;
        const std::string reference = core::xml_safe("&" + std::string(name) + ";");
        if (std::find(undeclared.begin(), undeclared.end(), reference) == undeclared.end()) {
          undeclared.push_back(reference);
        }
      }
    }
    const std::string clean = core::xml_safe(out);
    if (clean != out) changed = true;
    return clean;
  }

  // CSS text with every url() that leads outside replaced by `none`, and every @import rule
  // removed (CSS 2.1 §4.3.4, §6.3): a style sheet could otherwise load anything.
  std::string strip_css(std::string_view css) {
    std::string out;
    for (std::size_t pos = 0; pos < css.size();) {
      const std::string_view rest = css.substr(pos);
      if (starts_with_ignoring_case(rest, "@import")) {
        const std::size_t end = css.find(';', pos);
        const std::size_t stop = end == std::string_view::npos ? css.size() : end + 1;
        // The address alone: `@import url("a.css") screen;` names a.css.
        std::string_view target =
            trimmed(css.substr(pos + 7, stop - pos - 7 - (end == std::string_view::npos ? 0 : 1)));
        if (starts_with_ignoring_case(target, "url(")) target = trimmed(target.substr(4, target.find(')') - 4));
        if (!target.empty() && (target.front() == '"' || target.front() == '\'')) {
          std::size_t at = 0;
          target = quoted(target, at);
        }
        refer_outside(target);
        pos = stop;
        continue;
      }
      const bool word_start =
          pos == 0 || !(std::isalnum(static_cast<unsigned char>(css[pos - 1])) || css[pos - 1] == '-');
      if (word_start && starts_with_ignoring_case(rest, "url(")) {
        std::size_t end = pos + 4;
        skip_spaces(css, end);
        std::string_view target;
        if (end < css.size() && (css[end] == '"' || css[end] == '\'')) {
          target = quoted(css, end);
          const std::size_t close = css.find(')', end);
          end = close == std::string_view::npos ? css.size() : close + 1;
        } else {
          const std::size_t close = css.find(')', end);
          const std::size_t stop = close == std::string_view::npos ? css.size() : close;
          target = trimmed(css.substr(end, stop - end));
          end = close == std::string_view::npos ? css.size() : close + 1;
        }
        if (stays_inside(target)) {
          out += css.substr(pos, end - pos);
        } else {
          refer_outside(target);
          out += "none";
        }
        pos = end;
        continue;
      }
      out += css[pos++];
    }
    return out;
  }
};

// Elements that load or run content of their own: never in a book.
bool is_loading_element(std::string_view local) {
  for (const std::string_view name : {"iframe", "video", "audio", "object", "embed", "canvas"}) {
    if (local == name) return true;
  }
  return false;
}

// Presentation attributes that epubcheck's SVG schema (SVG 1.1, as the W3C validator has it)
// refuses, measured on epubcheck 4.2.6 with files Inkscape writes: CSS properties SVG 1.1 does not
// have, anywhere; text and font properties on shapes and images; overflow and clip on shapes,
// <use> and text; enable-background on shapes. They move into the style attribute, where they
// mean the same to librsvg and to browsers and the schema does not look (RSC-005 otherwise).
bool is_shape(std::string_view local) {
  for (const std::string_view name : {"path", "rect", "circle", "ellipse", "line", "polyline", "polygon"}) {
    if (local == name) return true;
  }
  return false;
}

bool in(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool refused_by_schema(std::string_view element, std::string_view attribute) {
  if (in(attribute, {"isolation",
                     "mix-blend-mode",
                     "solid-color",
                     "solid-opacity",
                     "marker",
                     "paint-order",
                     "vector-effect",
                     "transform-origin",
                     "mask-type",
                     "white-space",
                     "inline-size",
                     "shape-inside",
                     "shape-subtract",
                     "shape-padding",
                     "shape-margin",
                     "text-decoration-line",
                     "text-decoration-style",
                     "text-decoration-color",
                     "font-variant-ligatures",
                     "font-variant-caps",
                     "font-variant-numeric",
                     "font-variant-east-asian",
                     "font-variant-position",
                     "font-feature-settings",
                     "font-kerning",
                     "line-height",
                     "text-orientation",
                     "text-indent",
                     "text-align",
                     "text-transform"})) {
    return true;
  }
  const bool text_property = in(attribute, {"font",
                                            "font-family",
                                            "font-size",
                                            "font-size-adjust",
                                            "font-stretch",
                                            "font-style",
                                            "font-variant",
                                            "font-weight",
                                            "letter-spacing",
                                            "word-spacing",
                                            "text-anchor",
                                            "text-decoration",
                                            "writing-mode",
                                            "direction",
                                            "dominant-baseline",
                                            "alignment-baseline",
                                            "baseline-shift",
                                            "kerning",
                                            "unicode-bidi",
                                            "glyph-orientation-vertical",
                                            "glyph-orientation-horizontal"});
  if (text_property) return is_shape(element) || element == "image";
  if (attribute == "overflow" || attribute == "clip") {
    return is_shape(element) || in(element, {"use", "text", "tspan", "textPath", "tref", "altGlyph"});
  }
  if (attribute == "enable-background") return is_shape(element);
  return false;
}

// Lengths in CSS need a unit where presentation attributes take a bare number ("10" is 10px).
std::string css_value(std::string_view property, std::string_view value) {
  if (!in(property, {"transform-origin", "inline-size", "shape-padding", "shape-margin", "font-size", "letter-spacing",
                     "word-spacing", "baseline-shift", "kerning"})) {
    return std::string(value);
  }
  std::string out;
  std::size_t pos = 0;
  while (pos < value.size()) {
    if (is_space(value[pos]) || value[pos] == ',') {
      out += value[pos++];
      continue;
    }
    const std::size_t end = std::min(value.size(), value.find_first_of(" \t\r\n,", pos));
    const std::string_view token = value.substr(pos, end - pos);
    out += token;
    const bool bare_number = token.find_first_not_of("+-.0123456789eE") == std::string_view::npos &&
                             token.find_first_of("0123456789") != std::string_view::npos;
    if (bare_number) out += "px";
    pos = end;
  }
  return out;
}

// Cleans one element's attributes; true when the element itself must go.
bool clean_element(pugi::xml_node element, Cleaning& cleaning) {
  const std::string_view local = local_name(element.name());
  if (local == "script") {
    cleaning.scripts = cleaning.changed = true;
    return true;
  }
  if (local == "foreignObject") {
    cleaning.foreign_object = cleaning.changed = true;
    return true;
  }
  if (is_loading_element(local)) {
    cleaning.removed_elements.insert("<" + std::string(local) + ">");
    cleaning.changed = true;
    return true;
  }
  // An animation that sets an href could point it anywhere (SVG 1.1 §19.2.8).
  if ((local == "set" || local == "animate") && local_name(element.attribute("attributeName").value()) == "href") {
    cleaning.refer_outside(std::string(local) + " of an href");
    return true;
  }
  std::vector<pugi::xml_attribute> removed;
  std::string moved_style;  // declarations for the style attribute, in attribute order
  for (pugi::xml_attribute attribute : element.attributes()) {
    const std::string_view name = attribute.name();
    std::string value = cleaning.expand(attribute.value());
    if (refused_by_schema(local, name)) {
      if (contains_ignoring_case(value, "url(")) value = cleaning.strip_css(value);
      moved_style += std::string(name) + ":" + css_value(name, value) + ";";
      cleaning.changed = true;
      removed.push_back(attribute);
      continue;
    }
    if (name.size() > 2 && starts_with_ignoring_case(name, "on") && name.find(':') == std::string_view::npos) {
      cleaning.scripts = cleaning.changed = true;
      removed.push_back(attribute);
      continue;
    }
    if (name == "xml:base") {
      cleaning.changed = true;
      removed.push_back(attribute);
      continue;
    }
    if (local_name(name) == "href" && !stays_inside(value)) {
      cleaning.refer_outside(value);
      removed.push_back(attribute);
      continue;
    }
    // A link in a picture shown by <img> never works (HTML §4.8.4.3.1: images are not
    // interactive); an <a> becomes the <g> it draws as, without the attributes of a link, which
    // epubcheck would otherwise want titled (ACC-011).
    if (local == "a" && (local_name(name) == "href" ||
                         in(local_name(name), {"target", "show", "actuate", "title", "type", "role", "arcrole",
                                               "download", "rel", "hreflang", "ping", "referrerpolicy"}))) {
      removed.push_back(attribute);
      continue;
    }
    if (contains_ignoring_case(value, "url(")) value = cleaning.strip_css(value);
    attribute.set_value(value.c_str());
  }
  for (const pugi::xml_attribute attribute : removed) element.remove_attribute(attribute);
  if (local == "a") {
    const std::string_view name = element.name();
    element.set_name((std::string(name.substr(0, name.size() - 1)) + "g").c_str());
    cleaning.changed = true;
  }
  if (!moved_style.empty()) {
    // Before the element's own declarations, which win over presentation attributes and still do.
    pugi::xml_attribute style = element.attribute("style");
    if (!style) style = element.append_attribute("style");
    style.set_value((moved_style + style.value()).c_str());
  }
  return false;
}

// Walks the document in order without recursion (the depth comes from the input), cleaning
// every node; a removed element's subtree is not visited.
// `xlink` records whether an xlink: attribute is used and whether any element declares the prefix.
struct XlinkUse {
  bool used = false;
  bool declared = false;
};

void clean_tree(pugi::xml_document& document, Cleaning& cleaning, XlinkUse& xlink) {
  std::vector<pugi::xml_node> removed;
  pugi::xml_node node = document.first_child();
  while (node) {
    bool descend = true;
    switch (node.type()) {
      case pugi::node_element:
        if (clean_element(node, cleaning)) {
          removed.push_back(node);
          descend = false;
          break;
        }
        for (const pugi::xml_attribute attribute : node.attributes()) {
          const std::string_view name = attribute.name();
          xlink.used = xlink.used || name.starts_with("xlink:");
          xlink.declared = xlink.declared || name == "xmlns:xlink";
        }
        break;
      case pugi::node_pcdata: {
        std::string text = cleaning.expand(node.value());
        if (local_name(node.parent().name()) == "style") text = cleaning.strip_css(text);
        node.set_value(text.c_str());
        break;
      }
      case pugi::node_cdata: {
        // CDATA holds no references (XML 1.0 §2.7); only style sheets need looking at.
        std::string text = core::xml_safe(node.value());
        if (local_name(node.parent().name()) == "style") text = cleaning.strip_css(text);
        if (text != node.value()) cleaning.changed = true;
        node.set_value(text.c_str());
        break;
      }
      case pugi::node_comment: {
        const std::string text = core::xml_safe(node.value());
        if (text != node.value()) cleaning.changed = true;
        node.set_value(text.c_str());
        break;
      }
      case pugi::node_pi:
        if (std::string_view(node.name()) == "xml-stylesheet") {
          cleaning.refer_outside(std::string("<?xml-stylesheet ") + node.value() + "?>");
          removed.push_back(node);
          descend = false;
        }
        break;
      default: break;
    }
    if (descend && node.first_child()) {
      node = node.first_child();
      continue;
    }
    while (node && !node.next_sibling()) node = node.parent();
    if (node) node = node.next_sibling();
  }
  for (const pugi::xml_node gone : removed) gone.parent().remove_child(gone);
}

// A CSS length as SVG's width and height take it (CSS Values 3 §5–6), in CSS pixels; nullopt for
// percentages, auto, nonsense and values that are not positive.
std::optional<double> css_pixels(std::string_view text) {
  text = trimmed(text);
  const std::string number_part(text);
  char* stop = nullptr;
  const double value = std::strtod(number_part.c_str(), &stop);
  if (stop == number_part.c_str() || !std::isfinite(value) || value <= 0) return std::nullopt;
  const std::string_view unit = trimmed(text.substr(static_cast<std::size_t>(stop - number_part.c_str())));
  struct Unit {
    std::string_view name;
    double pixels;
  };
  // Absolute units at 96 px to the inch; em and ex at the initial font size, 16 px (CSS Fonts 3 §3.5).
  static constexpr Unit units[] = {{"", 1},    {"px", 1},         {"pt", 96.0 / 72},  {"pc", 16},
                                   {"in", 96}, {"cm", 96 / 2.54}, {"mm", 9.6 / 2.54}, {"q", 2.4 / 2.54},
                                   {"em", 16}, {"ex", 8},         {"rem", 16}};
  for (const Unit& each : units) {
    if (equals_ignoring_case(unit, each.name)) return value * each.pixels;
  }
  return std::nullopt;
}

struct ViewBox {
  double width = 0, height = 0;
};

// viewBox="min-x min-y width height", separated by white space and/or a comma (SVG 1.1 §7.7).
std::optional<ViewBox> view_box(std::string_view text) {
  std::string copy(text);
  std::replace(copy.begin(), copy.end(), ',', ' ');
  double values[4];
  const char* pos = copy.c_str();
  for (double& value : values) {
    char* stop = nullptr;
    value = std::strtod(pos, &stop);
    if (stop == pos || !std::isfinite(value)) return std::nullopt;
    pos = stop;
  }
  if (values[2] <= 0 || values[3] <= 0) return std::nullopt;
  return ViewBox{values[2], values[3]};
}

// The size an <img> shows the SVG at (CSS Images 3 §4.1, default sizing): width and height
// when both are lengths; one of them and the viewBox's proportions; the viewBox alone (its user
// units as pixels, as librsvg and Inkscape take them); else 300 x 150.
void size_from(pugi::xml_node root, SvgDocument& svg) {
  const std::optional<double> width = css_pixels(root.attribute("width").value());
  const std::optional<double> height = css_pixels(root.attribute("height").value());
  const std::optional<ViewBox> box = view_box(root.attribute("viewBox").value());
  if (width && height) {
    svg.width = *width;
    svg.height = *height;
  } else if (width && box) {
    svg.width = *width;
    svg.height = *width * box->height / box->width;
  } else if (height && box) {
    svg.width = *height * box->width / box->height;
    svg.height = *height;
  } else if (box) {
    svg.width = box->width;
    svg.height = box->height;
  } else {
    svg.width = width.value_or(default_width);
    svg.height = height.value_or(default_height);
    svg.sized = false;
  }
}

std::string parse_problem(std::string_view bytes, const pugi::xml_parse_result& result) {
  // pugixml's offset is in the (UTF-8) buffer it parsed; line and column count from 1.
  const std::size_t offset =
      std::min(static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0)), bytes.size());
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t pos = 0; pos < offset; ++pos) {
    if (bytes[pos] == '\n') {
      ++line;
      line_start = pos + 1;
    }
  }
  const int column = core::column_at(bytes.substr(line_start), offset - line_start);
  std::string description = result.description();
  if (!description.empty())
    description[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(description[0])));
  return "text that is not well-formed XML (line " + std::to_string(line) + ", column " + std::to_string(column) +
         ": " + description + ")";
}

// Whether the file is UTF-8 as it is: EPUB takes UTF-8 or UTF-16, but Latin-1 or a damaged
// encoding must be written again.
bool is_plain_utf8(std::string_view bytes, const pugi::xml_document& document) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return false;
  if (!core::is_valid_utf8(bytes)) return false;
  const pugi::xml_node declaration = document.first_child();
  if (declaration.type() != pugi::node_declaration) return true;
  const std::string_view encoding = declaration.attribute("encoding").value();
  return encoding.empty() || equals_ignoring_case(encoding, "utf-8") || equals_ignoring_case(encoding, "utf8");
}

std::string listed(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < max_named_references; ++i) {
    out += (i == 0 ? "'" : ", '") + items[i] + "'";
  }
  if (items.size() > max_named_references)
    out += " and " + std::to_string(items.size() - max_named_references) + " more";
  return out;
}

struct StringWriter final : pugi::xml_writer {
  std::string out;
  void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
};

}  // namespace

SvgRead read_svg(std::string_view bytes) {
  pugi::xml_document document;
  // Without parse_escapes, so that references are expanded here, with the DOCTYPE's entities;
  // white space and comments kept, since <text> and old <style> blocks depend on them.
  const unsigned options = (pugi::parse_default & ~pugi::parse_escapes) | pugi::parse_doctype | pugi::parse_pi |
                           pugi::parse_comments | pugi::parse_ws_pcdata | pugi::parse_declaration;
  const pugi::xml_parse_result result = document.load_buffer(bytes.data(), bytes.size(), options, pugi::encoding_auto);
  if (!result) return {std::nullopt, parse_problem(bytes, result)};
  pugi::xml_node root = document.document_element();
  const std::string_view root_name = root.name();
  if (local_name(root_name) != "svg") {
    return {std::nullopt, "an XML document whose root element is <" + core::xml_safe(root_name) + ">, not <svg>"};
  }

  Cleaning cleaning;
  cleaning.changed = !is_plain_utf8(bytes, document);
  for (pugi::xml_node child = document.first_child(); child;) {
    const pugi::xml_node next = child.next_sibling();
    if (child.type() == pugi::node_doctype) {
      cleaning.entities = read_entities(child.value());
      document.remove_child(child);
      cleaning.changed = true;
    } else if (child.type() == pugi::node_declaration) {
      // Written again (as UTF-8) if anything changes.
      document.remove_child(child);
    }
    child = next;
  }
  XlinkUse xlink;
  clean_tree(document, cleaning, xlink);
  if (cleaning.too_many_entities) {
    return {std::nullopt, "an SVG file whose entities expand past " + std::to_string(max_entity_expansion / (1 << 20)) +
                              " MB (an entity expansion attack?)"};
  }
  // After the clean-up, which expanded the entities a namespace may be written with.
  const std::string_view prefix =
      root_name.find(':') == std::string_view::npos ? std::string_view() : root_name.substr(0, root_name.find(':'));
  const std::string namespace_attribute = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
  const pugi::xml_attribute root_namespace = root.attribute(namespace_attribute.c_str());
  if (root_namespace && std::string_view(root_namespace.value()) != svg_namespace) {
    return {std::nullopt, "an XML document whose root <svg> is in the namespace '" +
                              core::xml_safe(root_namespace.value()) + "', not SVG's"};
  }

  if (!root_namespace) {
    root.append_attribute(namespace_attribute.c_str()) = std::string(svg_namespace).c_str();
    cleaning.changed = true;
  }
  if (xlink.used && !xlink.declared) {
    root.append_attribute("xmlns:xlink") = std::string(xlink_namespace).c_str();
    cleaning.changed = true;
  }

  SvgDocument svg;
  size_from(root, svg);
  if (svg.width > max_side || svg.height > max_side) {
    char size[80];
    std::snprintf(size, sizeof size, "%g x %g", svg.width, svg.height);
    return {std::nullopt, std::string("an SVG image of ") + size + " pixels, larger than the " +
                              std::to_string(static_cast<long>(max_side)) + " pixels a side that Octavo lays out"};
  }
  if (cleaning.scripts) svg.dropped.push_back("its scripts");
  if (cleaning.foreign_object) svg.dropped.push_back("its <foreignObject> content (HTML, which the PDF cannot draw)");
  for (const std::string& element : cleaning.removed_elements) svg.dropped.push_back("its " + element + " elements");
  if (!cleaning.outside.empty()) svg.dropped.push_back("references to outside it: " + listed(cleaning.outside));
  if (!cleaning.undeclared.empty()) svg.dropped.push_back("undeclared entities " + listed(cleaning.undeclared));
  if (!cleaning.changed) {
    svg.bytes = std::string(bytes);
    return {std::move(svg), {}};
  }
  pugi::xml_node declaration = document.prepend_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  StringWriter writer;
  document.save(writer, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  svg.bytes = std::move(writer.out);
  return {std::move(svg), {}};
}

std::string svg_for_language(std::string_view svg, std::string_view language) {
  pugi::xml_document document;
  const unsigned options =
      pugi::parse_default | pugi::parse_pi | pugi::parse_comments | pugi::parse_ws_pcdata | pugi::parse_declaration;
  if (!document.load_buffer(svg.data(), svg.size(), options, pugi::encoding_utf8)) return std::string(svg);
  pugi::xml_node root = document.document_element();
  bool changed = false;
  if (!root.attribute("xml:lang") && !language.empty()) {
    root.append_attribute("xml:lang") = std::string(language).c_str();
    changed = true;
  }
  // A listed language matches when it equals the reader's or one is the other's prefix up to a
  // '-' ("en" and "en-GB"), in any case: the browsers' reading of SVG 1.1 §5.8.5.
  const auto matches = [language](std::string_view listed) {
    const std::string_view tag = trimmed(listed);
    if (tag.empty()) return false;
    const std::string_view shorter = tag.size() < language.size() ? tag : language;
    const std::string_view longer = tag.size() < language.size() ? language : tag;
    return starts_with_ignoring_case(longer, shorter) &&
           (longer.size() == shorter.size() || longer[shorter.size()] == '-');
  };
  std::vector<pugi::xml_node> removed;
  pugi::xml_node node = root;
  while (node) {
    bool descend = true;
    if (const pugi::xml_attribute condition = node.attribute("systemLanguage")) {
      bool any = false;
      std::string_view list = condition.value();
      while (!list.empty()) {
        const std::size_t comma = list.find(',');
        any = any || matches(list.substr(0, comma));
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
      }
      changed = true;
      node.remove_attribute(condition);
      if (!any && node != root) {
        removed.push_back(node);
        descend = false;
      } else if (!any) {
        // The root's condition fails: nothing is drawn (SVG 1.1 §5.8.2).
        while (root.first_child()) root.remove_child(root.first_child());
        break;
      }
    }
    if (descend && node.first_child()) {
      node = node.first_child();
      continue;
    }
    while (node && node != root && !node.next_sibling()) node = node.parent();
    node = node == root ? pugi::xml_node() : node.next_sibling();
  }
  for (const pugi::xml_node gone : removed) gone.parent().remove_child(gone);
  if (!changed) return std::string(svg);
  StringWriter writer;
  document.save(writer, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return writer.out;
}

}  // namespace octavo::image
