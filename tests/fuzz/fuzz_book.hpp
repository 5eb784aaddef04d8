// What every fuzz target checks: a corpus held in memory goes through import, the transforms and
// the EPUB writer (as src/compile.cpp runs them), and every XML document produced must be sound.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace octavo::fuzz {

/// The fuzzer's bytes as a string.
inline std::string bytes(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

/// Reads `files` as a corpus, applies the transforms and, when no error was reported, renders the
/// EPUB's documents. Aborts, naming the document and the reason, if any XML document is not
/// well-formed UTF-8 XML 1.0, names an entity XHTML does not define, repeats an id, or links to a
/// fragment its own page does not have.
void check_book(std::map<std::string, std::string> files);

/// The reason `xml` is not a sound XML document (see check_book); empty when it is.
std::string xml_problem(std::string_view xml);

}  // namespace octavo::fuzz
