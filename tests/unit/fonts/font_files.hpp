// The fonts folder of the source tree, for the tests that read the real font files.
#pragma once

#include <string>

namespace octavo::fonts::testing {

inline std::string fonts_dir() { return std::string(OCTAVO_SOURCE_DIR) + "/fonts"; }

}  // namespace octavo::fonts::testing
