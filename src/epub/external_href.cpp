#include "epub/external_href.hpp"

#include <array>

namespace octavo::epub {
namespace {

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Characters outside RFC 3986's reserved and unreserved sets (§2.2, §2.3). epubcheck parses
// hrefs as URIs, so a raw space, quote or brace would be reported as an invalid link (RSC-020).
bool needs_encoding(unsigned char c) {
  if (c <= 0x20 || c >= 0x7F) return true;
  switch (c) {
    case '"':
    case '<':
    case '>':
    case '\\':
    case '^':
    case '`':
    case '{':
    case '|':
    case '}': return true;
    default: return false;
  }
}

}  // namespace

std::string external_href(std::string_view target) {
  std::size_t authority_end = 0;  // brackets are legal only in the host (an IPv6 literal)
  if (starts_with_ignoring_case(target, "https://") || starts_with_ignoring_case(target, "http://")) {
    authority_end = target.find_first_of("/?#", target.find("//") + 2);
    if (authority_end == std::string_view::npos) authority_end = target.size();
  } else if (!starts_with_ignoring_case(target, "mailto:")) {
    return {};
  }
  static constexpr std::array<char, 16> digits = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                  '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};
  std::string href;
  href.reserve(target.size());
  bool seen_fragment = false;
  for (std::size_t i = 0; i < target.size(); ++i) {
    const auto c = static_cast<unsigned char>(target[i]);
    bool encode = needs_encoding(c);
    if (c == '%') encode = i + 2 >= target.size() || !is_hex(target[i + 1]) || !is_hex(target[i + 2]);
    if ((c == '[' || c == ']') && i >= authority_end) encode = true;
    if (c == '#') {
      encode = seen_fragment;  // a URI has at most one fragment (RFC 3986 §3.5)
      seen_fragment = true;
    }
    if (encode) {
      href += '%';
      href += digits[c >> 4];
      href += digits[c & 0xF];
    } else {
      href += static_cast<char>(c);
    }
  }
  return href;
}

}  // namespace octavo::epub
