#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.hpp"

using namespace octavo::core;

namespace {

// The code-point-at-a-time versions of repair_utf8 and clean_xml_text from before their fast
// paths, on decode_utf8_sequence (no inline ASCII shortcut): what the fast paths must equal.
std::string repair_by_code_point(std::string_view text, std::vector<std::size_t>& offsets) {
  std::string out;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t cp = decode_utf8_sequence(text, pos);
    if (cp == replacement_character && pos - start == 1) {
      offsets.push_back(start);
      append_utf8(out, cp);
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

std::string clean_by_code_point(std::string_view text, std::string& removed) {
  std::string kept;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t cp = decode_utf8_sequence(text, pos);
    const bool invalid = cp == replacement_character && pos - start == 1;
    if (!invalid && is_xml_char(cp) && !is_discouraged_xml_char(cp)) {
      kept.append(text.substr(start, pos - start));
    } else {
      removed += std::to_string(start) + ":" + code_point_name(cp) + " ";
    }
  }
  return kept;
}

// Every code point with the offset after it, decoded by `decode`.
template <typename Decode>
std::string decode_all(std::string_view text, Decode decode) {
  std::string out;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = decode(text, pos);
    out += code_point_name(cp) + "@" + std::to_string(pos) + " ";
  }
  return out;
}

// ASCII runs of every length up to past two 32-byte blocks, so that each tail below meets the
// word-at-a-time scans at every offset within a word and a block, then ends the text or not.
std::vector<std::string> boundary_inputs() {
  const std::string prose = "The quick brown fox jumps over the lazy dog; 0123456789 ~!@#$%^&*()_+{}|:<>?";
  const std::vector<std::string> tails = {"\x7F",         "\x80",
                                          "\x1F",         " ",
                                          "\t",           "\xC2\x80",
                                          "\xC3\xA9",     "\xC3",
                                          "\xE2\x80",     "\xE2\x80\x94",
                                          "\xF0\x9F\x98", "\xF0\x9F\x98\x80",
                                          "\xEF\xBF\xBD", "\xEF\xBF\xBE",
                                          "\xED\xA0\x80", "\xC0\xAF",
                                          "\xFF",         std::string(1, '\0')};
  std::vector<std::string> inputs;
  for (std::size_t length = 0; length <= 72; ++length) {
    for (const std::string& tail : tails) {
      inputs.push_back(prose.substr(0, length) + tail);
      inputs.push_back(prose.substr(0, length) + tail + prose.substr(0, 40));
    }
  }
  return inputs;
}

}  // namespace

TEST_SUITE("core.utf8") {
  TEST_CASE("valid text passes through unchanged") {
    CHECK(repair_utf8("caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d") == "caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d");
  }

  TEST_CASE("stray, truncated, overlong and surrogate sequences become U+FFFD, each reported") {
    std::vector<std::size_t> offsets;
    const std::string repaired =
        repair_utf8("a\x80z\xc3\xc0\xafq\xed\xa0\x80", [&](std::size_t offset) { offsets.push_back(offset); });
    CHECK(repaired == "a\xef\xbf\xbdz\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdq\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
    CHECK(offsets == std::vector<std::size_t>{1, 3, 4, 5, 7, 8, 9});
  }

  TEST_CASE("a genuine U+FFFD is not reported as invalid") {
    int reports = 0;
    CHECK(repair_utf8("\xef\xbf\xbd", [&](std::size_t) { ++reports; }) == "\xef\xbf\xbd");
    CHECK(reports == 0);
  }

  TEST_CASE("xml_safe drops C0 controls, U+FFFE and U+FFFF but keeps tab and newline") {
    CHECK(xml_safe(std::string("a\x01\tb\n\x1f", 6) + "\xef\xbf\xbe\xef\xbf\xbfz") == "a\tb\nz");
    CHECK(xml_safe(std::string("nul\0end", 7)) == "nulend");
  }

  TEST_CASE("clean_xml_text removes what XML 1.0 forbids and reports each removal with its offset") {
    std::string removed;
    const auto report = [&](std::size_t offset, char32_t code_point) {
      removed += std::to_string(offset) + ":" + std::to_string(static_cast<unsigned>(code_point)) + " ";
    };
    CHECK(clean_xml_text(std::string("a\x01\tb\n\0", 6) + "\xef\xbf\xbe\xc3\xa9\xef\xbf\xbfz", report) ==
          "a\tb\n\xc3\xa9z");
    CHECK(removed == "1:1 5:0 6:65534 11:65535 ");
  }

  TEST_CASE("clean_xml_text drops invalid bytes as U+FFFD but keeps a genuine U+FFFD") {
    std::string removed;
    const auto report = [&](std::size_t offset, char32_t code_point) {
      removed += std::to_string(offset) + ":" + std::to_string(static_cast<unsigned>(code_point)) + " ";
    };
    CHECK(clean_xml_text("x\xfe\xef\xbf\xbdy\xff", report) == "x\xef\xbf\xbdy");
    CHECK(removed == "1:65533 6:65533 ");
    CHECK(clean_xml_text("plain text, nothing to remove") == "plain text, nothing to remove");
  }

  TEST_CASE("clean_xml_text also removes the controls and non-characters XML 1.0 discourages") {
    std::string removed;
    const auto report = [&](std::size_t offset, char32_t code_point) {
      removed += std::to_string(offset) + ":" + code_point_name(code_point) + " ";
    };
    // DEL, NEL, CSI, U+FDD0, U+1FFFE and U+10FFFF go; U+00A0, U+FDF0 and U+1F600 stay.
    CHECK(clean_xml_text("a\x7F\xC2\x85\xC2\x9B\xC2\xA0\xEF\xB7\x90\xEF\xB7\xB0\xF0\x9F\xBF\xBE\xF4\x8F\xBF\xBF"
                         "\xF0\x9F\x98\x80z",
                         report) == "a\xC2\xA0\xEF\xB7\xB0\xF0\x9F\x98\x80z");
    CHECK(removed == "1:U+007F 2:U+0085 4:U+009B 8:U+FDD0 14:U+1FFFE 18:U+10FFFF ");
    CHECK(is_xml_char(0x85));
    CHECK(is_discouraged_xml_char(0x85));
    CHECK_FALSE(is_discouraged_xml_char(0xA0));
    CHECK_FALSE(is_discouraged_xml_char(0xFFFD));
  }

  TEST_CASE("count_non_text_bytes counts controls but TAB, LF, FF and CR, and invalid bytes") {
    CHECK(count_non_text_bytes("") == 0);
    CHECK(count_non_text_bytes("Text\twith\r\nline\fbreaks, caf\xC3\xA9 \xEF\xBF\xBD.") == 0);
    CHECK(count_non_text_bytes(std::string("\0\x01\x1B ok \x80\xC3", 9)) == 5);
    // Long runs of printable ASCII (stepped over a word at a time) between the bytes that count,
    // DEL among them, which is not counted.
    const std::string run(70, 'a');
    CHECK(count_non_text_bytes(run + "\x7F" + run + "\n" + run) == 0);
    CHECK(count_non_text_bytes(run + std::string(1, '\0') + run + "\xFF" + run + "\xC3\xA9" + run + "\x1B") == 3);
  }

  TEST_CASE("column_at counts code points, not bytes") {
    CHECK(column_at("\xc3\xa9t\xc3\xa9", 0) == 1);
    CHECK(column_at("\xc3\xa9t\xc3\xa9", 3) == 3);
  }

  TEST_CASE("count_words joins apostrophes and hyphens but not dashes") {
    CHECK(count_words("") == 0);
    CHECK(count_words(" \xe2\x80\x94 ") == 0);
    CHECK(count_words("Kratom\xe2\x80\x99s well-being \xe2\x80\x94 a caf\xc3\xa9, 7 days.") == 6);
  }

  TEST_CASE("count_words's table of ASCII classes agrees with the rule it stands for") {
    // The rule, one decoded character at a time, as count_words was written before its table.
    const auto by_rule = [](std::string_view text) {
      std::size_t words = 0;
      bool in_word = false;
      std::size_t pos = 0;
      while (pos < text.size()) {
        const char32_t cp = decode_utf8(text, pos);
        const bool joiner = cp == '\'' || cp == 0x2019 || cp == '-';
        const bool letter = (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
                            (cp >= 0xC0 && cp != 0x2013 && cp != 0x2014 && cp != 0x201C && cp != 0x201D &&
                             cp != 0x2018 && cp != 0x2026 && cp != 0xA0 && cp != 0x2019);
        if (letter && !in_word) ++words;
        in_word = letter || (joiner && in_word);
      }
      return words;
    };
    // Every byte between two letters, after a letter and alone: a class wrong in the table shows.
    for (int byte = 0; byte < 256; ++byte) {
      const char c = static_cast<char>(byte);
      for (const std::string& text :
           {std::string{'a', c, 'b'}, std::string{'a', c}, std::string{c}, std::string{c, c}}) {
        CAPTURE(byte);
        CHECK(count_words(text) == by_rule(text));
      }
    }
    const std::string mixed =
        "l'\xe2\x80\x99"
        "a--b \xc2\xa0x\xe2\x80\x94y 'q' -z- \xc3\xa9t\xc3\xa9 \xf0\x9f\x98\x80 9.5 \x80"
        "c";
    CHECK(count_words(mixed) == by_rule(mixed));
  }

  TEST_CASE("decode_utf8's inline ASCII path ends at 0x7F and agrees with decode_utf8_sequence") {
    std::size_t pos = 0;
    CHECK(decode_utf8("\x7F", pos) == 0x7F);
    CHECK(pos == 1);
    pos = 0;
    CHECK(decode_utf8("\x80", pos) == replacement_character);
    CHECK(pos == 1);
    CHECK(decode_all("a\xC2\x80\xC3", decode_utf8) == "U+0061@1 U+0080@3 U+FFFD@4 ");
    // Every one- and two-byte text, then the boundary inputs.
    for (int first = 0; first < 256; ++first) {
      for (int second = -1; second < 256; ++second) {
        std::string text(1, static_cast<char>(first));
        if (second >= 0) text += static_cast<char>(second);
        REQUIRE(decode_all(text, decode_utf8) == decode_all(text, decode_utf8_sequence));
      }
    }
    for (const std::string& text : boundary_inputs()) {
      CHECK(decode_all(text, decode_utf8) == decode_all(text, decode_utf8_sequence));
    }
  }

  TEST_CASE("ascii_prefix_length stops at the first byte of 0x80 or more, past any word or block") {
    CHECK(ascii_prefix_length("") == 0);
    CHECK(ascii_prefix_length("\x80") == 0);
    CHECK(ascii_prefix_length("\x7F\x80") == 1);
    for (std::size_t length = 0; length <= 100; ++length) {
      CHECK(ascii_prefix_length(std::string(length, 'a')) == length);
      CHECK(ascii_prefix_length(std::string(length, '\x7F') + "\xC3\xA9" + std::string(40, 'a')) == length);
    }
  }

  TEST_CASE("find_invalid_utf8 finds an invalid byte after a long ASCII run and a truncated end") {
    const std::string run(100, 'a');
    CHECK(find_invalid_utf8(run) == std::string_view::npos);
    CHECK(find_invalid_utf8(run + "\xFF") == 100);
    CHECK(find_invalid_utf8(run + "\xC3\xA9" + run + "\x80" + run) == 202);
    CHECK(find_invalid_utf8(run + "\xC3") == 100);
    CHECK(find_invalid_utf8(run + "\xE2\x80") == 100);
    CHECK(find_invalid_utf8(run + "\xF0\x9F\x98") == 100);
    CHECK(find_invalid_utf8("\x80\x80"
                            "a\x80",
                            1) == 1);
    CHECK(find_invalid_utf8("\x80\x80"
                            "a\x80",
                            2) == 3);
    CHECK(find_invalid_utf8("\x80", 5) == std::string_view::npos);
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8(run + "\xF0\x9F\x98\x80"));
    CHECK_FALSE(is_valid_utf8(run + "\xF0\x9F\x98"));
  }

  TEST_CASE("repair_utf8, is_valid_utf8 and find_invalid_utf8 equal the code-point-at-a-time repair") {
    for (const std::string& text : boundary_inputs()) {
      std::vector<std::size_t> expected_offsets;
      const std::string expected = repair_by_code_point(text, expected_offsets);
      std::vector<std::size_t> offsets;
      CHECK(repair_utf8(text, [&](std::size_t offset) { offsets.push_back(offset); }) == expected);
      CHECK(offsets == expected_offsets);
      CHECK(is_valid_utf8(text) == expected_offsets.empty());
      CHECK(find_invalid_utf8(text) == (expected_offsets.empty() ? std::string_view::npos : expected_offsets[0]));
    }
  }

  TEST_CASE("clean_xml_text and xml_safe equal the code-point-at-a-time clean at every ASCII boundary") {
    const std::string run(100, 'a');
    CHECK(clean_xml_text(run + "\x1F" + run) == run + run);
    CHECK(clean_xml_text(run + "\x7F") == run);
    CHECK(clean_xml_text(run + " ~") == run + " ~");
    for (const std::string& text : boundary_inputs()) {
      std::string expected_removed;
      const std::string expected = clean_by_code_point(text, expected_removed);
      std::string removed;
      const auto report = [&](std::size_t offset, char32_t code_point) {
        removed += std::to_string(offset) + ":" + code_point_name(code_point) + " ";
      };
      CHECK(clean_xml_text(text, report) == expected);
      CHECK(removed == expected_removed);
      std::vector<std::size_t> offsets;
      std::string ignored;
      CHECK(xml_safe(text) == clean_by_code_point(repair_by_code_point(text, offsets), ignored));
    }
  }
}
