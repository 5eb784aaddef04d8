// A deflate memo in memory for the tests of what uses one (core::deflate, the EPUB writer): it
// keeps every stream it is given and counts what it is asked.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/deflate_memo.hpp"

namespace test {

class CountingMemo final : public octavo::core::DeflateMemo {
 public:
  std::optional<std::string> recall(const octavo::core::StreamDigest& digest) override {
    ++recalls;
    const auto found = kept.find(digest);
    if (found == kept.end()) return std::nullopt;
    return found->second;
  }
  void keep(const octavo::core::StreamDigest& digest, std::string_view compressed) override {
    ++keeps;
    kept[digest] = std::string(compressed);
  }
  std::map<octavo::core::StreamDigest, std::string> kept;
  int recalls = 0;
  int keeps = 0;
};

}  // namespace test
