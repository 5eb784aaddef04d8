// libFuzzer target: any bytes as a plain-text article (.txt), through import, the transforms and
// the EPUB writer; see fuzz_book.hpp for what must hold.
#include "fuzz_book.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  octavo::fuzz::check_book({{"article.txt", octavo::fuzz::bytes(data, size)}});
  return 0;
}
