#include "fuzz_book.hpp"

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "core/diagnostics.hpp"
#include "core/file_system.hpp"
#include "epub/epub_writer.hpp"
#include "import/corpus.hpp"
#include "model/dump.hpp"
#include "transform/apply_transforms.hpp"

namespace octavo::fuzz {
namespace {

// XML 1.0 §2.2 Char. Written here again, not taken from core/utf8, so that the check does not
// share a mistake with the code it checks.
bool is_char(std::uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF. Returns the
// code point and advances `pos`, or nullopt.
std::optional<std::uint32_t> decode(std::string_view s, std::size_t& pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return s[pos++] & 0x7F;
  // {lead byte mask, lead byte value, sequence length, smallest code point it may encode}
  struct Form {
    unsigned mask, value;
    std::size_t length;
    std::uint32_t minimum;
  };
  constexpr Form forms[] = {{0xE0, 0xC0, 2, 0x80}, {0xF0, 0xE0, 3, 0x800}, {0xF8, 0xF0, 4, 0x10000}};
  const Form* form = nullptr;
  for (const Form& candidate : forms) {
    if ((lead & candidate.mask) == candidate.value) form = &candidate;
  }
  if (form == nullptr) return std::nullopt;
  const std::size_t length = form->length;
  const std::uint32_t minimum = form->minimum;
  std::uint32_t c = lead & (~form->mask & 0xFF);
  if (pos + length > s.size()) return std::nullopt;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) return std::nullopt;
    c = (c << 6) | (byte(pos + i) & 0x3F);
  }
  if (c < minimum || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return std::nullopt;
  pos += length;
  return c;
}

// pugixml accepts any "&name;" and decodes "&#1;" without complaint, so references are checked on
// the raw text: the five predefined entities (XHTML in EPUB has no DTD for others) and character
// references to XML characters.
std::string reference_problem(std::string_view xml, std::size_t at) {
  const std::size_t end = xml.find(';', at);
  if (end == std::string_view::npos || end - at > 12) return "'&' that starts no reference";
  const std::string_view name = xml.substr(at + 1, end - at - 1);
  if (name == "lt" || name == "gt" || name == "amp" || name == "quot" || name == "apos") return {};
  if (name.size() < 2 || name[0] != '#') return "undefined entity &" + std::string(name) + ";";
  const bool hex = name[1] == 'x';
  const std::string digits(name.substr(hex ? 2 : 1));
  if (digits.empty() || digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") != std::string::npos) {
    return "malformed character reference &" + std::string(name) + ";";
  }
  if (!is_char(static_cast<std::uint32_t>(std::strtoul(digits.c_str(), nullptr, hex ? 16 : 10)))) {
    return "reference to a character XML forbids: &" + std::string(name) + ";";
  }
  return {};
}

std::string tree_problem(const pugi::xml_document& document) {
  std::set<std::string> ids, fragments;
  std::vector<pugi::xml_node> pending{document.document_element()};
  while (!pending.empty()) {  // iterative: the depth comes from the input
    const pugi::xml_node node = pending.back();
    pending.pop_back();
    std::set<std::string> names;
    for (const pugi::xml_attribute attribute : node.attributes()) {
      const std::string name = attribute.name();
      if (!names.insert(name).second) return "attribute " + name + " repeated on <" + node.name() + ">";
      if (name == "id" && !ids.insert(attribute.value()).second)
        return "id repeated: " + std::string(attribute.value());
      if (name == "href" && attribute.value()[0] == '#') fragments.insert(attribute.value() + 1);
    }
    for (const pugi::xml_node child : node.children()) {
      if (child.type() == pugi::node_element) pending.push_back(child);
    }
  }
  for (const std::string& fragment : fragments) {
    if (!ids.contains(fragment)) return "link to a missing fragment #" + fragment;
  }
  return {};
}

}  // namespace

std::string xml_problem(std::string_view xml) {
  for (std::size_t pos = 0; pos < xml.size();) {
    const std::size_t at = pos;
    const std::optional<std::uint32_t> c = decode(xml, pos);
    if (!c) return "invalid UTF-8 at byte " + std::to_string(at);
    if (!is_char(*c)) return "character XML forbids (" + std::to_string(*c) + ") at byte " + std::to_string(at);
    if (*c == '&') {
      if (std::string problem = reference_problem(xml, at); !problem.empty()) {
        return problem + " at byte " + std::to_string(at);
      }
    }
  }
  pugi::xml_document document;
  const pugi::xml_parse_result parsed =
      document.load_buffer(xml.data(), xml.size(), pugi::parse_full, pugi::encoding_utf8);
  if (!parsed)
    return std::string("not well-formed: ") + parsed.description() + " at byte " + std::to_string(parsed.offset);
  if (!document.document_element()) return "no root element";
  return tree_problem(document);
}

void check_book(std::map<std::string, std::string> files) {
  const core::MemoryFileSystem corpus(std::move(files), "fuzz");
  core::DiagnosticList sink;
  model::Book book = import::read_corpus(corpus, sink).book;
  transform::apply_transforms(book, {std::nullopt, "Octavo fuzz"}, sink);
  (void)model::dump_book(book);
  (void)sink.to_string();
  if (sink.error_count() > 0) return;  // the pipeline writes nothing then
  epub::epub_files(book, {"p { margin: 0 }\n"}, [](const std::string& path, std::string_view content) {
    // Every file but the stylesheet and the raster pictures (a data: URL may bring one) is XML.
    if (path.ends_with(".css") || path.ends_with(".png") || path.ends_with(".jpg") || path.ends_with(".gif")) return;
    if (const std::string problem = xml_problem(content); !problem.empty()) {
      std::fprintf(stderr, "%s: %s\n", path.c_str(), problem.c_str());
      std::abort();
    }
  });
}

}  // namespace octavo::fuzz
