// A whole-file check of PNG image data, by decoding it with libpng: libharu 2.3.0 decodes PNGs
// with libpng but lets libpng abort() the process on damaged data, so nothing reaches it unchecked.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace octavo::core {

/// nullopt if libpng decodes every row of `png` (a file that sniff_image accepted) without an
/// error; else libpng's reason ("IDAT: incorrect header check"). Warnings (a damaged ancillary
/// chunk) are not errors; a side over 16384 pixels is. Never aborts, never prints.
std::optional<std::string> png_data_problem(std::string_view png);

}  // namespace octavo::core
