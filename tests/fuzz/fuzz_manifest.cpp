// libFuzzer target: any bytes as book.toml, beside a few fixed articles it may name (the file
// names of corpus/ among them), through import, the transforms and the EPUB writer.
#include "fuzz_book.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  octavo::fuzz::check_book({
      {"book.toml", octavo::fuzz::bytes(data, size)},
      {"000_c5692fd7a24f35ab.txt", "Lead.\n- One\n- Two\nOne\nText.\nTwo\nMore text.\n"},
      {"001_2c6643e1881c5ebf.txt", "A summary.\n"},
      {"002_5487eced9ec0c20f.txt", ""},
      {"003_bd4db81b6e8c4426.txt", "- Outline only\n"},
      {"004_c32646a6888d01f9.txt", "Last.\n"},
      {"a.md", "+++\ntitle = \"Front\"\n+++\n# Heading\n\nText with [a link](https://example.org).\n"},
      {"b.txt", "Only a line.\n"},
  });
  return 0;
}
