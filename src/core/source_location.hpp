// A position in a corpus file (1-based line and column, path relative to the corpus root).
// Every model node carries one so that later stages can point diagnostics back at the source.
#pragma once

#include <string>

namespace octavo::core {

struct SourceLocation {
  std::string path;  ///< relative to the corpus root; empty when the location is unknown
  int line = 0;      ///< 1-based; 0 when only the file is known
  int column = 0;    ///< 1-based, counted in code points; 0 when only the line is known
};

}  // namespace octavo::core
