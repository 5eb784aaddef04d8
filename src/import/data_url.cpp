#include "import/data_url.hpp"

#include <algorithm>
#include <cstdint>

#include "core/url.hpp"

namespace octavo::import {

namespace {

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool ends_with_no_case(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         std::equal(suffix.begin(), suffix.end(), text.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                    [](char a, char b) { return a == lower_ascii(b); });
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

std::optional<std::string> base64_decoded(std::string_view text) {
  std::string out;
  out.reserve(text.size() / 4 * 3);
  std::uint32_t bits = 0;
  int count = 0;
  int padding = 0;
  for (const char c : text) {
    if (is_space(c)) continue;
    int value = base64_value(c);
    if (c == '=') {
      ++padding;
      value = 0;
    } else if (value < 0 || padding > 0) {
      return std::nullopt;
    }
    bits = (bits << 6) | static_cast<std::uint32_t>(value);
    if (++count == 4) {
      out += static_cast<char>((bits >> 16) & 0xFF);
      if (padding < 2) out += static_cast<char>((bits >> 8) & 0xFF);
      if (padding < 1) out += static_cast<char>(bits & 0xFF);
      bits = 0;
      count = 0;
    }
  }
  if (count != 0 || padding > 2) return std::nullopt;
  return out;
}

}  // namespace

bool is_data_url(std::string_view url) {
  constexpr std::string_view scheme = "data:";
  return url.size() >= scheme.size() &&
         std::equal(scheme.begin(), scheme.end(), url.begin(), [](char a, char b) { return a == lower_ascii(b); });
}

std::optional<std::string> data_url_bytes(std::string_view url) {
  if (!is_data_url(url)) return std::nullopt;
  const std::size_t comma = url.find(',');
  if (comma == std::string_view::npos) return std::nullopt;
  const std::string_view data = url.substr(comma + 1);
  if (ends_with_no_case(url.substr(0, comma), ";base64")) return base64_decoded(data);
  return core::percent_decode(data);
}

std::string data_url_label(std::string_view url) {
  const std::size_t comma = url.find(',');
  return std::string(url.substr(0, std::min<std::size_t>(comma, 40))) + (comma == std::string_view::npos ? "…" : ",…");
}

}  // namespace octavo::import
