// Text like a PDF page's content, for the deflate tests: what the page bodies deflated in a book are.
#pragma once

#include <cstdint>
#include <string>

namespace test {

/// Page-like text of `size` bytes from a seeded generator: operators, numbers and two-byte codes.
inline std::string page_text(std::size_t size, std::uint32_t seed) {
  std::string text;
  std::uint32_t state = seed;
  const auto next = [&] { return (state = state * 1103515245u + 12345u) >> 16; };
  while (text.size() < size) {
    text += "0 -" + std::to_string(next() % 40) + "." + std::to_string(next() % 100) + " Td\n[(";
    for (std::uint32_t letters = 2 + next() % 12; letters > 0; --letters) {
      text += '\0';
      text += static_cast<char>('a' + next() % 26);
    }
    text += ")-" + std::to_string(next() % 500) + "]TJ\n";
  }
  text.resize(size);
  return text;
}

}  // namespace test
