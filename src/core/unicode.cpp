#include "core/unicode.hpp"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include <vector>

namespace octavo::core {

std::string_view general_category(char32_t code_point) {
  if (code_point > 0x10FFFF) return "Cn";
  const auto category = static_cast<int32_t>(u_charType(static_cast<UChar32>(code_point)));
  const char* name = u_getPropertyValueName(UCHAR_GENERAL_CATEGORY, category, U_SHORT_PROPERTY_NAME);
  return name == nullptr ? std::string_view("Cn") : std::string_view(name);
}

bool is_alphabetic(char32_t code_point) {
  return code_point <= 0x10FFFF && u_hasBinaryProperty(static_cast<UChar32>(code_point), UCHAR_ALPHABETIC) != 0;
}

// Through UTF-16, ICU's own encoding. The root locale ("") applies no language's special rules
// (Turkish dotless i, Lithuanian dots), so the result never depends on where Octavo runs.
std::string lower_case(std::string_view text) {
  if (text.empty()) return {};
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  const auto size = static_cast<int32_t>(text.size());
  // UTF-8 → UTF-16 never needs more units than bytes; U+FFFD stands in for invalid sequences.
  std::vector<UChar> source(text.size());
  u_strFromUTF8WithSub(source.data(), size, &length, text.data(), size, 0xFFFD, nullptr, &status);
  if (U_FAILURE(status)) return std::string(text);
  // Lower case can grow ("İ" is one unit, "i̇" two); ask for the size on overflow and try again.
  std::vector<UChar> lower(static_cast<std::size_t>(length) + 16);
  int32_t lower_length =
      u_strToLower(lower.data(), static_cast<int32_t>(lower.size()), source.data(), length, "", &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    status = U_ZERO_ERROR;
    lower.resize(static_cast<std::size_t>(lower_length));
    lower_length = u_strToLower(lower.data(), lower_length, source.data(), length, "", &status);
  }
  if (U_FAILURE(status)) return std::string(text);
  std::string out(static_cast<std::size_t>(lower_length) * 3, '\0');
  int32_t out_length = 0;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &out_length, lower.data(), lower_length, &status);
  if (U_FAILURE(status)) return std::string(text);
  out.resize(static_cast<std::size_t>(out_length));
  return out;
}

// ICU's NFC instance is built once per process and shared; it is never freed by the caller.
char32_t canonical_composition(char32_t first, char32_t second) {
  if (first > 0x10FFFF || second > 0x10FFFF) return 0;
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2* nfc = unorm2_getNFCInstance(&status);
  if (U_FAILURE(status)) return 0;
  const UChar32 composite = unorm2_composePair(nfc, static_cast<UChar32>(first), static_cast<UChar32>(second));
  return composite < 0 ? 0 : static_cast<char32_t>(composite);
}

}  // namespace octavo::core
