// Text that must not come out empty: titles and link labels. A title made only of characters XML
// forbids, or of spaces, would leave an empty <title>, nav link or NCX label, which epubcheck rejects.
#pragma once

#include <string>
#include <string_view>

namespace octavo::epub {

/// `text` itself if it still shows something once cleaned for XML; `fallback` otherwise.
std::string visible_label(std::string_view text, std::string_view fallback);

}  // namespace octavo::epub
