#include "core/url.hpp"

#include <array>

namespace octavo::core {
namespace {

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_ignoring_case(std::string_view text, std::string_view lower_prefix) {
  if (text.size() < lower_prefix.size()) return false;
  for (std::size_t i = 0; i < lower_prefix.size(); ++i) {
    if (ascii_lower(text[i]) != lower_prefix[i]) return false;
  }
  return true;
}

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Characters outside RFC 3986's reserved and unreserved sets (§2.2, §2.3). epubcheck parses
// hrefs as URIs (a raw space, quote or brace is RSC-020), and a PDF URI action is 7-bit ASCII
// (PDF 32000-1 §12.6.4.7).
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

// scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) (RFC 3986 §3.1)
bool is_scheme_char(char c, bool first) {
  return is_alpha(c) || (!first && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
}

// Where the authority ("scheme://host:port") ends, or 0 when there is none: brackets are legal
// only there, around an IPv6 literal (RFC 3986 §3.2.2).
std::size_t authority_end(std::string_view url) {
  std::size_t colon = 0;
  while (colon < url.size() && is_scheme_char(url[colon], colon == 0)) ++colon;
  if (colon == 0 || url.substr(colon, 3) != "://") return 0;
  const std::size_t end = url.find_first_of("/?#", colon + 3);
  return end == std::string_view::npos ? url.size() : end;
}

}  // namespace

bool is_web_or_mail_url(std::string_view url) {
  return starts_with_ignoring_case(url, "http://") || starts_with_ignoring_case(url, "https://") ||
         starts_with_ignoring_case(url, "mailto:");
}

std::string encode_url(std::string_view url) {
  static constexpr std::array<char, 16> digits = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                  '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};
  const std::size_t host_end = authority_end(url);
  std::string encoded;
  encoded.reserve(url.size());
  bool seen_fragment = false;
  for (std::size_t i = 0; i < url.size(); ++i) {
    const auto c = static_cast<unsigned char>(url[i]);
    bool encode = needs_encoding(c);
    // A valid escape stays as written, so encoding an encoded URL changes nothing (§2.4).
    if (c == '%') encode = i + 2 >= url.size() || !is_hex(url[i + 1]) || !is_hex(url[i + 2]);
    if ((c == '[' || c == ']') && i >= host_end) encode = true;
    if (c == '#') {
      encode = seen_fragment;  // a URI has at most one fragment (§3.5)
      seen_fragment = true;
    }
    if (encode) {
      encoded += '%';
      encoded += digits[c >> 4];
      encoded += digits[c & 0xF];
    } else {
      encoded += static_cast<char>(c);
    }
  }
  return encoded;
}

std::string percent_decode(std::string_view text) {
  auto hex_value = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return c - 'A' + 10;
  };
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && is_hex(text[i + 1]) && is_hex(text[i + 2])) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

bool has_scheme_or_host(std::string_view url) {
  if (url.starts_with("//")) return true;
  if (url.empty() || !is_alpha(url.front())) return false;
  for (const char c : url) {
    if (c == ':') return true;
    if (!is_alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

}  // namespace octavo::core
