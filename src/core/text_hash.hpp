// A hash of text that takes std::string and std::string_view alike, so that an unordered map keyed
// by std::string is searched with a string_view (C++20's heterogeneous lookup, with
// std::equal_to<>) instead of a std::string built for each look-up.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace octavo::core {

struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
};

}  // namespace octavo::core
