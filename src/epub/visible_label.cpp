#include "epub/visible_label.hpp"

#include "core/utf8.hpp"

namespace octavo::epub {

std::string visible_label(std::string_view text, std::string_view fallback) {
  const std::string clean = core::xml_safe(text);
  // Only the XML white space characters (XML 1.0 §2.3 S) count as blank here.
  if (clean.find_first_not_of(" \t\n\r") == std::string::npos) return std::string(fallback);
  return std::string(text);
}

}  // namespace octavo::epub
