// A core::Progress that writes down what a stage reports, for tests: "stage Laying out 2 articles",
// then "+1" per step, "hide" when asked to hide. The stages' own tests compare the log.
#pragma once

#include <string>
#include <string_view>

#include "core/progress.hpp"

namespace test {

class RecordingProgress : public octavo::core::Progress {
 public:
  std::string log;

  void stage(std::string_view name, std::size_t total, std::string_view unit) override {
    log += "stage " + std::string(name);
    if (total > 0) log += " " + std::to_string(total) + " " + std::string(unit);
    log += "\n";
  }
  void advance(std::size_t count = 1) override { log += "+" + std::to_string(count) + "\n"; }
  void hide() override { log += "hide\n"; }
};

}  // namespace test
