#include "import/front_matter.hpp"

#include <string_view>

#include "import/toml_values.hpp"

namespace octavo::import {

namespace {

constexpr std::string_view fence = "+++";
constexpr std::string_view known_keys = "title, source, retrieved, author";

bool is_fence(const std::string& text) {
  const std::size_t end = text.find_last_not_of(" \t");
  return end != std::string::npos && std::string_view(text).substr(0, end + 1) == fence;
}

}  // namespace

FrontMatter read_front_matter(const std::vector<SourceLine>& lines, const std::string& path,
                              core::DiagnosticSink& sink) {
  FrontMatter front;
  if (lines.empty() || !is_fence(lines[0].text)) return front;
  std::size_t close = 1;
  while (close < lines.size() && !is_fence(lines[close].text)) ++close;
  if (close == lines.size()) {
    sink.warning({path, lines[0].number, 1}, "expected a closing '+++' line for the front matter; reading it as text");
    return front;
  }
  // One empty line stands for the opening fence, so toml++ counts lines as the file does.
  std::string toml_text;
  for (std::size_t i = 1; i < close; ++i) toml_text += '\n' + lines[i].text;
  toml_text += '\n';
  front.body_begin = close + 1;
  const std::optional<toml::table> table = parse_toml(toml_text, path, sink);
  if (!table) return front;
  for (const auto& [key, value] : entries_in_file_order(*table)) {
    if (!read_article_field(key->str(), *value, front.fields, path, sink)) {
      report_unknown_key(*key, " in the front matter", known_keys, core::Severity::warning, path, sink);
    }
  }
  return front;
}

}  // namespace octavo::import
