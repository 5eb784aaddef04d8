#include <doctest/doctest.h>
#include <zlib.h>

#include <cstdint>
#include <functional>
#include <future>
#include <string>
#include <vector>

#include "core/content_defined_pieces.hpp"
#include "core/deflate.hpp"
#include "core/sha256.hpp"
#include "counting_memo.hpp"
#include "inflate_raw.hpp"

using namespace octavo;
using test::inflate_raw;

namespace {

// zlib's own inflate of a zlib stream, checking its Adler-32 trailer.
std::string inflate_zlib(const std::string& encoded, std::size_t size) {
  z_stream stream{};
  REQUIRE(inflateInit(&stream) == Z_OK);
  std::string out(size + 1, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(encoded.data()));
  stream.avail_in = static_cast<uInt>(encoded.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  CHECK(inflate(&stream, Z_FINISH) == Z_STREAM_END);  // the trailer is checked too
  CHECK(stream.avail_in == 0);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return out;
}

// Varied text that deflate cannot shrink to nothing: words from a linear congruential generator.
std::string varied_text(std::size_t size) {
  const char* words[] = {"tea ", "leaf ", "brewed ", "kratom ", "<p>", "</p>\n", "&amp; ", "sleep "};
  std::string text;
  std::uint32_t state = 1;
  while (text.size() < size) {
    state = state * 1103515245u + 12345u;
    text += words[(state >> 16) % 8];
  }
  text.resize(size);
  return text;
}

}  // namespace

TEST_SUITE("core.deflate") {
  TEST_CASE("a memo keeps what is deflated under the bytes' digest, and gives it back instead of deflating") {
    const std::string text = varied_text(30000);
    test::CountingMemo memo;
    const core::DeflatedBytes first = core::deflate_zip_entry(text, &memo);
    CHECK(first.compressed == core::deflate_zip_entry(text).compressed);
    REQUIRE(memo.kept.size() == 1);
    CHECK(memo.kept.begin()->first == core::sha256(text));
    CHECK(memo.kept.begin()->second == first.compressed);
    // What the memo gives back is used as it is: a stand-in shows that nothing was deflated.
    memo.kept.begin()->second = "recalled";
    const core::DeflatedBytes second = core::deflate_zip_entry(text, &memo);
    CHECK(second.compressed == "recalled");
    CHECK(second.crc32 == first.crc32);  // the CRC and size are still the bytes' own
    CHECK(second.size == text.size());
    CHECK(memo.keeps == 1);  // a recalled stream is not kept again by the caller
    CHECK(memo.recalls == 2);
    CHECK(core::deflate_zip_entry(text + " ", &memo).compressed == core::deflate_zip_entry(text + " ").compressed);
    CHECK(memo.kept.size() == 2);  // other bytes, another entry
  }

  TEST_CASE("a long file's pieces are named before they are deflated, and read back by their names") {
    const std::string text = varied_text(300000);
    const core::ZipPieces pieces = core::zip_pieces(text);
    REQUIRE(pieces.ends == core::content_defined_ends(text, core::zip_piece_sizes));
    REQUIRE(pieces.names.size() == pieces.ends.size());
    // Deflated by the names given, the file is deflate_zip_entry's, each piece kept under its name
    // in the order of the pieces.
    test::CountingMemo memo;
    const core::DeflatedBytes deflated = core::deflate_zip_pieces(text, pieces, memo);
    CHECK(deflated.compressed == core::deflate_zip_entry(text).compressed);
    CHECK(deflated.crc32 == core::crc32(text));
    CHECK(deflated.size == text.size());
    CHECK(memo.kept.size() == pieces.names.size());
    for (const core::StreamDigest& name : pieces.names) CHECK(memo.kept.count(name) == 1);
    test::CountingMemo by_entry;
    core::deflate_zip_entry(text, &by_entry);
    CHECK(by_entry.kept == memo.kept);  // the same names deflate_zip_entry keeps them under
    // The file again from its list: its bytes, its CRC and size as the list gives them.
    const core::ZipPieceList list{pieces.names, deflated.crc32, deflated.size};
    const std::optional<core::ZipPieceList> read = core::ZipPieceList::from_kept_form(list.kept_form());
    REQUIRE(read);
    CHECK(read->names == list.names);
    CHECK(read->crc32 == list.crc32);
    CHECK(read->size == list.size);
    const std::optional<core::DeflatedBytes> recalled = core::recall_zip_pieces(*read, memo);
    REQUIRE(recalled);
    CHECK(recalled->compressed == deflated.compressed);
    CHECK(recalled->crc32 == deflated.crc32);
    CHECK(recalled->size == deflated.size);
    // A piece missing: nothing.
    memo.kept.erase(pieces.names[pieces.names.size() / 2]);
    CHECK_FALSE(core::recall_zip_pieces(list, memo));
    // A short file has no pieces: deflate_zip_pieces deflates it whole, as deflate_zip_entry.
    const std::string short_text = varied_text(1000);
    CHECK(core::zip_pieces(short_text).ends.empty());
    CHECK(core::deflate_zip_pieces(short_text, core::zip_pieces(short_text), memo).compressed ==
          core::deflate_zip_entry(short_text).compressed);
  }

  TEST_CASE("a piece list that does not read back whole is nothing") {
    const core::ZipPieceList list{{core::sha256("one"), core::sha256("two")}, 1234, 99999};
    const std::string kept = list.kept_form();
    CHECK(core::ZipPieceList::from_kept_form(kept));
    for (std::size_t cut = 0; cut < kept.size(); ++cut)
      CHECK_FALSE(core::ZipPieceList::from_kept_form(kept.substr(0, cut)));
    CHECK_FALSE(core::ZipPieceList::from_kept_form(kept + "x"));
    CHECK_FALSE(core::ZipPieceList::from_kept_form(core::ZipPieceList{{}, 0, 0}.kept_form()));  // no piece
  }

  TEST_CASE("a long file is deflated in pieces: after an edit, only the pieces around it are deflated again") {
    const std::string text = varied_text(400000);
    REQUIRE(text.size() > core::zip_whole_limit);
    test::CountingMemo memo;
    const core::DeflatedBytes first = core::deflate_zip_entry(text, &memo);
    CHECK(inflate_raw(first.compressed, text.size()) == text);
    CHECK(first.compressed == core::deflate_zip_entry(text).compressed);  // the memo changes nothing
    const std::size_t pieces = core::content_defined_ends(text, core::zip_piece_sizes).size();
    CHECK(pieces > 8);
    CHECK(memo.kept.size() == pieces);
    CHECK(memo.kept.count(core::sha256(text)) == 0);  // kept by piece, not whole

    // The same bytes again: every piece recalled, nothing deflated.
    const int keeps = memo.keeps;
    CHECK(core::deflate_zip_entry(text, &memo).compressed == first.compressed);
    CHECK(memo.keeps == keeps);

    // A sentence inserted in the middle: its piece and the one or two whose window holds it.
    const std::string edited = text.substr(0, 200000) + "One sentence changed." + text.substr(200000);
    const core::DeflatedBytes second = core::deflate_zip_entry(edited, &memo);
    CHECK(memo.keeps - keeps >= 1);
    CHECK(memo.keeps - keeps <= 4);
    CHECK(second.compressed == core::deflate_zip_entry(edited).compressed);
    CHECK(inflate_raw(second.compressed, edited.size()) == edited);
    CHECK(second.crc32 == core::crc32(edited));
    CHECK(second.size == edited.size());
  }

  TEST_CASE("a long file's pieces deflate to nearly what the whole would") {
    const std::string text = varied_text(400000);
    z_stream stream{};
    REQUIRE(deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, MAX_MEM_LEVEL, Z_DEFAULT_STRATEGY) ==
            Z_OK);
    std::string whole(deflateBound(&stream, text.size()), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    stream.avail_in = static_cast<uInt>(text.size());
    stream.next_out = reinterpret_cast<Bytef*>(whole.data());
    stream.avail_out = static_cast<uInt>(whole.size());
    REQUIRE(deflate(&stream, Z_FINISH) == Z_STREAM_END);
    whole.resize(stream.total_out);
    deflateEnd(&stream);
    const std::size_t in_pieces = core::deflate_zip_entry(text).compressed.size();
    CHECK(in_pieces >= whole.size());
    CHECK(in_pieces < whole.size() + whole.size() / 50);  // within 2 %
  }

  TEST_CASE("one byte past zip_whole_limit, and pieces cut at their longest, still make one valid stream") {
    // Bytes with no pattern in them are cut at the longest length, so the last piece may be one byte.
    for (const std::size_t size : {core::zip_whole_limit + 1, core::zip_piece_sizes.most * 3 + 1}) {
      CAPTURE(size);
      const std::string same(size, 'z');
      test::CountingMemo memo;
      const core::DeflatedBytes deflated = core::deflate_zip_entry(same, &memo);
      CHECK(inflate_raw(deflated.compressed, same.size()) == same);
      CHECK(deflated.compressed == core::deflate_zip_entry(same).compressed);
      // Pieces alike after windows alike share one name, so fewer are kept than there are pieces.
      CHECK(!memo.kept.empty());
      CHECK(memo.kept.size() <= core::content_defined_ends(same, core::zip_piece_sizes).size());
    }
  }

  TEST_CASE("a file of zip_whole_limit bytes is still deflated whole, kept under its own digest") {
    const std::string text = varied_text(core::zip_whole_limit);
    test::CountingMemo memo;
    core::deflate_zip_entry(text, &memo);
    CHECK(memo.kept.size() == 1);
    CHECK(memo.kept.count(core::sha256(text)) == 1);
  }

  TEST_CASE("inflates back to the bytes, with their size and CRC-32") {
    const std::string text = varied_text(300000);
    const core::DeflatedBytes deflated = core::deflate_zip_entry(text);
    CHECK(deflated.size == text.size());
    CHECK(deflated.compressed.size() < text.size() / 2);
    CHECK(inflate_raw(deflated.compressed, text.size()) == text);
    CHECK(deflated.crc32 == crc32(0, reinterpret_cast<const Bytef*>(text.data()), static_cast<uInt>(text.size())));
  }

  TEST_CASE("the CRC is ISO 3309's, as ZIP records it: the check value of \"123456789\"") {
    CHECK(core::deflate_zip_entry("123456789").crc32 == 0xCBF43926u);
  }

  TEST_CASE("empty input is the two-byte empty stream, size 0, CRC 0") {
    const core::DeflatedBytes deflated = core::deflate_zip_entry("");
    CHECK(deflated.compressed == std::string("\x03\x00", 2));
    CHECK(deflated.size == 0);
    CHECK(deflated.crc32 == 0);
    CHECK(inflate_raw(deflated.compressed, 0).empty());
  }

  TEST_CASE("the compressed bytes are kept at their own size, not at the bound zlib reserved") {
    const std::string text(100000, 'a');
    const core::DeflatedBytes deflated = core::deflate_zip_entry(text);
    CHECK(deflated.compressed.size() < 1000);
    CHECK(deflated.compressed.capacity() < 1000);
  }

  TEST_CASE("flate_encode: a zlib stream at the default level that inflates back to the bytes") {
    const std::string text = varied_text(200000);
    const std::string encoded = core::flate_encode(text);
    REQUIRE(encoded.size() > 6);
    CHECK(static_cast<unsigned char>(encoded[0]) == 0x78);  // deflate, a 32 KiB window
    CHECK(static_cast<unsigned char>(encoded[1]) == 0x9C);  // the default level
    CHECK(encoded.size() < text.size() / 2);
    z_stream stream{};
    REQUIRE(inflateInit(&stream) == Z_OK);
    std::string out(text.size() + 1, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(encoded.data()));
    stream.avail_in = static_cast<uInt>(encoded.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    CHECK(inflate(&stream, Z_FINISH) == Z_STREAM_END);  // the Adler-32 trailer checked too
    out.resize(stream.total_out);
    inflateEnd(&stream);
    CHECK(out == text);
    CHECK(core::flate_encode("").size() == 8);  // header, the empty block, the trailer
  }

  TEST_CASE("flate parts deflated apart join into one zlib stream of their bytes in order") {
    const std::string head = "q 1 0 0 1 56.69 0 cm\n";
    const std::string body = varied_text(70000);  // more than a window: matches inside the part
    const std::string tail = "Q\nBT /F1 9 Tf 200 40 Td <0012> Tj ET\n";
    const core::FlatePart first = core::flate_part(head);
    const core::FlatePart middle = core::flate_part(body);
    const core::FlatePart last = core::flate_part(tail);
    CHECK(middle.size == body.size());
    CHECK(middle.compressed.size() < body.size() / 2);
    const std::string joined = core::flate_join({&first, &middle, &last});
    CHECK(joined.substr(0, 2) == "\x78\x9C");  // flate_encode's header
    CHECK(inflate_zlib(joined, head.size() + body.size() + tail.size()) == head + body + tail);
    // Each part is its own bytes' stream, whatever is deflated beside it.
    const core::FlatePart other_first = core::flate_part("q 1 0 0 1 70.87 0 cm\n");
    CHECK(core::flate_part(body).compressed == middle.compressed);
    const std::string rejoined = core::flate_join({&other_first, &middle, &last});
    CHECK(inflate_zlib(rejoined, 100000) == "q 1 0 0 1 70.87 0 cm\n" + body + tail);
  }

  TEST_CASE("a flate part may refer back to the part before it, and the last part ends the stream") {
    const std::string body = varied_text(20000);
    const core::FlatePart first = core::flate_part(body);
    CHECK(first.tail == body.substr(body.size() - core::flate_tail_size));
    const std::string furniture = body.substr(body.size() - 700, 300) + "Q\n";  // repeats the body's end
    const core::FlatePart alone = core::flate_part(furniture, {}, true);
    const core::FlatePart after = core::flate_part(furniture, first.tail, true);
    CHECK(after.last);
    CHECK(after.compressed.size() + 100 < alone.compressed.size());
    const std::string joined = core::flate_join({&first, &after});
    CHECK(inflate_zlib(joined, 30000) == body + furniture);
    CHECK(joined.size() == 2 + first.compressed.size() + after.compressed.size() + 4);  // no empty final block
    CHECK(core::flate_part("short").tail == "short");
  }

  TEST_CASE("small flate parts join with deflated ones, and refer back to the part just before") {
    const std::string head = "q\n1 0 0 1 65.2 0 cm\n";
    const std::string body = varied_text(9000);
    const core::FlatePart first = core::flate_small_part(head);
    CHECK(first.tail == head);
    const core::FlatePart middle = core::flate_part(body);
    const std::string furniture = body.substr(body.size() - 500, 200) + "Q\n";
    const core::FlatePart small = core::flate_small_part(furniture, middle.tail, true);
    CHECK(small.compressed.size() < 40);  // it refers back into the body's tail
    CHECK(small.compressed.size() * 4 < core::flate_small_part(furniture, {}, true).compressed.size());
    CHECK(inflate_zlib(core::flate_join({&first, &middle, &small}), 100000) == head + body + furniture);
    // A small part of more than its window still inflates to its bytes.
    const std::string big = varied_text(70000);
    const core::FlatePart small_big = core::flate_small_part(big, middle.tail);
    CHECK(inflate_zlib(core::flate_join({&middle, &small_big}), 100000) == body + big);
  }

  TEST_CASE("each deflate starts afresh, whatever this thread deflated before: the bytes of a new thread") {
    const std::string body = varied_text(9000);
    const std::string furniture = body.substr(2000, 300) + "Q\n";
    const std::vector<std::function<std::string()>> deflations = {
        [&] { return core::flate_part(body).compressed; },
        [&] { return core::flate_small_part(furniture, body, true).compressed; },
        [&] { return core::flate_small_part(furniture).compressed; },
        [&] { return core::flate_encode(body); },
        [&] { return core::deflate_zip_entry(body).compressed; },
    };
    // Each on a thread of its own that has deflated nothing before it.
    std::vector<std::string> fresh;
    for (const auto& deflation : deflations) fresh.push_back(std::async(std::launch::async, deflation).get());
    // Then all here, twice, after other bytes, some cut short by a sync flush and some given a
    // window, and each after the others.
    core::flate_part(varied_text(70000), body);
    core::flate_small_part(body.substr(0, 700), furniture);
    core::flate_encode(furniture);
    core::deflate_zip_entry(furniture);
    for (int round = 0; round < 2; ++round) {
      for (std::size_t i = 0; i < deflations.size(); ++i) CHECK(deflations[i]() == fresh[i]);
    }
  }

  TEST_CASE("empty flate parts, and no parts at all, still make a valid stream") {
    const core::FlatePart empty = core::flate_part("");
    CHECK(empty.size == 0);
    CHECK(empty.adler32 == 1);
    CHECK(inflate_zlib(core::flate_join({}), 10).empty());
    const core::FlatePart text = core::flate_part("0 0 m 1 1 l S");
    CHECK(inflate_zlib(core::flate_join({&empty, &text, &empty}), 100) == "0 0 m 1 1 l S");
  }

  TEST_CASE("a flate part's kept form reads back the same part, and damage is refused") {
    const core::FlatePart part = core::flate_part(varied_text(5000));
    const std::string kept = part.kept_form();
    const std::optional<core::FlatePart> back = core::FlatePart::from_kept_form(kept);
    REQUIRE(back);
    CHECK(back->compressed == part.compressed);
    CHECK(back->adler32 == part.adler32);
    CHECK(back->size == part.size);
    CHECK(back->tail == part.tail);
    CHECK_FALSE(core::FlatePart::from_kept_form(kept.substr(0, kept.size() - 1)));
    CHECK_FALSE(core::FlatePart::from_kept_form(kept + "x"));
  }
}
