// Golden-file checks: a test's text output compared with a committed file under tests/golden/.
// Run with OCTAVO_UPDATE_GOLDEN=1 in the environment to write the files instead; review the diff
// (git diff tests/golden) and commit it.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace test {

/// The lines where `expected` and `actual` first differ, for a readable failure; empty if equal.
inline std::string first_difference(const std::string& expected, const std::string& actual) {
  std::istringstream a(expected);
  std::istringstream b(actual);
  std::string left;
  std::string right;
  for (int line = 1;; ++line) {
    const bool more_left = static_cast<bool>(std::getline(a, left));
    const bool more_right = static_cast<bool>(std::getline(b, right));
    if (!more_left && !more_right) return expected == actual ? "" : "they differ only in the final newline";
    if (!more_left) left = "(end of file)";
    if (!more_right) right = "(end of output)";
    if (!more_left || !more_right || left != right) {
      return "line " + std::to_string(line) + ":\n  golden: " + left + "\n  actual: " + right;
    }
  }
}

/// Checks `actual` against tests/golden/`name`, or writes it there when OCTAVO_UPDATE_GOLDEN=1.
inline void check_golden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(OCTAVO_SOURCE_DIR) + "/tests/golden/" + name;
  const char* update = std::getenv("OCTAVO_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream out(path, std::ios::binary);
    out << actual;
    REQUIRE_MESSAGE(static_cast<bool>(out), "cannot write " << path);
    MESSAGE("wrote " << path);
    return;
  }
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(static_cast<bool>(in), "missing golden file " << path << "; run with OCTAVO_UPDATE_GOLDEN=1");
  const std::string expected((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string difference = first_difference(expected, actual);
  CHECK_MESSAGE(difference.empty(), name << " differs from its golden file at " << difference
                                         << "\n(if the change is meant, run with OCTAVO_UPDATE_GOLDEN=1 and review "
                                            "git diff tests/golden)");
}

}  // namespace test
