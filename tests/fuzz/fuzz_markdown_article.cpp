// libFuzzer target: any bytes as a Markdown article (.md, front matter included), through cmark-gfm,
// the transforms and the EPUB writer; the XHTML must parse and hold only XML 1.0 characters.
#include "fuzz_book.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  octavo::fuzz::check_book({{"article.md", octavo::fuzz::bytes(data, size)}});
  return 0;
}
