#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "style/style_keys.hpp"

using namespace octavo;

namespace {

// The keys styles/a5.toml sets, in its order: "name = value" lines outside comments.
std::vector<std::string> keys_of_a5() {
  std::ifstream in(OCTAVO_SOURCE_DIR "/styles/a5.toml");
  std::vector<std::string> keys;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    keys.push_back(line.substr(0, line.find(' ')));
  }
  return keys;
}

std::vector<double> house_values() {
  std::vector<double> values;
  for (const style::StyleKey& key : style::style_keys()) values.push_back(key.house);
  return values;
}

}  // namespace

TEST_SUITE("style.style_keys") {
  TEST_CASE("the table lists the keys of styles/a5.toml in its order, each once") {
    std::vector<std::string> names;
    for (const style::StyleKey& key : style::style_keys()) names.emplace_back(key.name);
    CHECK(names == keys_of_a5());
    CHECK(style::style_key_names().starts_with("page_width, page_height, margin_inner, "));
    CHECK(style::find_style_key("leading") != nullptr);
    CHECK(style::find_style_key("width") == nullptr);
  }

  TEST_CASE("every key sets a field of its own") {
    std::set<const double*> fields;
    layout::PageStyle style;
    for (const style::StyleKey& key : style::style_keys()) {
      CAPTURE(key.name);
      CHECK(fields.insert(&key.field(style)).second);
    }
  }

  TEST_CASE("a key changes its field, and a key placed from the text block moves with the margin") {
    std::vector<double> values = house_values();
    const layout::PageStyle house = style::make_page_style(values);
    values[0] = 100;  // page_width
    CHECK(style::make_page_style(values).page_width == core::Pt(100));
    values = house_values();
    values[4] += 10;  // margin_top
    const layout::PageStyle lower = style::make_page_style(values);
    CHECK(lower.running_head_baseline == house.running_head_baseline + core::Pt(10));
    CHECK(lower.folio_baseline == house.folio_baseline + core::Pt(10));
    CHECK(lower.imprint_baseline == house.imprint_baseline + core::Pt(10));
    CHECK(house.body_height == core::Pt(35 * 13.5));
    CHECK(house.heading_size[1] == core::Pt(10.5));
  }

  TEST_CASE("bounds: the kind's, then the key's own, with their texts") {
    const auto error = [](const char* name, double value) {
      const std::optional<style::BoundsError> e = style::check_bounds(*style::find_style_key(name), value);
      return e ? e->message + (e->hint.empty() ? "" : " | " + e->hint) : std::string("ok");
    };
    CHECK(error("page_width", 0) == "expected a size greater than 0 for 'page_width'");
    CHECK(error("margin_top", 0) == "ok");
    CHECK(error("margin_top", -1) == "expected a value of 0 or more for 'margin_top'");
    CHECK(error("lines_per_page", 7) ==
          "expected at least 8 lines a page for 'lines_per_page' | part titles, and headings kept with two lines of "
          "text, need that many");
    CHECK(error("lines_per_page", 8) == "ok");
    CHECK(error("space_shrink", 0.99) == "ok");
    CHECK(error("space_shrink", 1) ==
          "expected a space_shrink less than 1, found 1.000000 | a shrink of 1 lets spaces vanish");
    CHECK(error("inline_code_scale", 0) == "expected an inline_code_scale greater than 0");
    CHECK(error("space_stretch", 0) == "ok");
  }
}
