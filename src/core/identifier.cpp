#include "core/identifier.hpp"

#include "core/sha256.hpp"
#include "core/utf8.hpp"

namespace octavo::core {

std::string uuid_urn_from_content(std::string_view content) {
  auto digest = sha256(content);
  digest[6] = static_cast<std::uint8_t>((digest[6] & 0x0F) | 0x50);  // version 5 (RFC 4122 §4.3)
  digest[8] = static_cast<std::uint8_t>((digest[8] & 0x3F) | 0x80);  // RFC 4122 variant
  static constexpr char digits[] = "0123456789abcdef";
  std::string urn = "urn:uuid:";
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) urn += '-';
    urn += digits[digest[i] >> 4];
    urn += digits[digest[i] & 0xF];
  }
  return urn;
}

namespace {

// Base letter of the Latin-1 Supplement letters, so that slugs of accented titles stay readable.
char latin1_base_letter(char32_t cp) {
  static constexpr std::string_view bases = "aaaaaaeceeeeiiiidnooooo-ouuuuyts";
  if (cp >= 0xC0 && cp <= 0xFF) {
    const char base = bases[(cp - 0xC0) % 32];
    return base == '-' ? '\0' : base;
  }
  return '\0';
}

}  // namespace

std::string slugify(std::string_view text, std::string_view fallback) {
  std::string slug;
  bool pending_hyphen = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = decode_utf8(text, pos);
    char c = '\0';
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
      c = static_cast<char>(cp);
    else if (cp >= 'A' && cp <= 'Z')
      c = static_cast<char>(cp - 'A' + 'a');
    else if (cp == '\'' || cp == 0x2019)
      continue;  // "Kratom's" → "kratoms", not "kratom-s"
    else
      c = latin1_base_letter(cp);
    if (c == '\0') {
      pending_hyphen = !slug.empty();
      continue;
    }
    if (pending_hyphen) slug += '-';
    pending_hyphen = false;
    slug += c;
  }
  return slug.empty() ? std::string(fallback) : slug;
}

}  // namespace octavo::core
