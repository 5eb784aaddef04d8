#include "import/text_article.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/github_slug.hpp"
#include "core/sha256.hpp"
#include "import/smart_punctuation.hpp"
#include "import/source_lines.hpp"
#include "import/wrapped_text.hpp"

namespace octavo::import {

namespace {

// A non-empty line, trimmed, with the column where its text starts.
struct TextLine {
  int number = 0;
  int column = 1;
  std::string text;
};

constexpr std::string_view outline_marker = "- ";

// Tabs become spaces (a tab in prose is only a gap); the line is then trimmed on both sides, and
// the column counts the spaces dropped on the left.
std::optional<TextLine> trim_line(const SourceLine& line) {
  std::string text = line.text;
  std::replace(text.begin(), text.end(), '\t', ' ');
  const std::size_t first = text.find_first_not_of(' ');
  if (first == std::string::npos) return std::nullopt;
  const std::size_t last = text.find_last_not_of(' ');
  return TextLine{line.number, static_cast<int>(first) + 1, text.substr(first, last - first + 1)};
}

// One outline entry: its line and the column of its text after the "- " marker.
struct OutlineEntry {
  TextLine line;
  int marker_column = 1;
  std::optional<std::size_t> heading;  // index into the article's lines of the matching heading
  std::string heading_id;              // GitHub's id for that heading, which the link names
};

model::Block outline_item(const OutlineEntry& entry, const std::string& path) {
  const core::SourceLocation text_at{path, entry.line.number, entry.line.column};
  std::vector<model::Inline> inlines;
  if (entry.heading) {
    inlines.push_back(
        model::link_inline("#" + entry.heading_id, {model::text_inline(entry.line.text, text_at)}, text_at));
  } else {
    inlines.push_back(model::text_inline(entry.line.text, text_at));
  }
  model::Block item;
  item.kind = model::BlockKind::list_item;
  item.location = {path, entry.line.number, entry.marker_column};
  item.children.push_back(model::paragraph_block(std::move(inlines), text_at));
  return item;
}

model::Block text_block(const TextLine& line, const std::string& path, model::BlockRole role) {
  const core::SourceLocation at{path, line.number, line.column};
  model::Block block = model::paragraph_block({model::text_inline(line.text, at)}, at);
  block.role = role;
  return block;
}

// The seeds' form: each line a block, the lead before the first run of "- " lines, the outline,
// and headings that repeat its entries.
std::vector<model::Block> read_outlined_lines(const std::string& path, const std::vector<SourceLine>& source,
                                              core::DiagnosticSink& sink) {
  std::vector<TextLine> lines;
  for (const SourceLine& each : source) {
    if (std::optional<TextLine> line = trim_line(each)) lines.push_back(std::move(*line));
  }

  // The outline is the first run of "- " lines; everything before it is the lead.
  std::size_t outline_begin = 0;
  while (outline_begin < lines.size() && !lines[outline_begin].text.starts_with(outline_marker)) ++outline_begin;
  std::size_t outline_end = outline_begin;
  std::vector<OutlineEntry> outline;
  while (outline_end < lines.size() && lines[outline_end].text.starts_with(outline_marker)) {
    const TextLine& line = lines[outline_end];
    const std::string rest = line.text.substr(outline_marker.size());
    const std::size_t first = rest.find_first_not_of(' ');  // never npos: the line was trimmed
    OutlineEntry entry;
    entry.marker_column = line.column;
    entry.line = {line.number, line.column + static_cast<int>(outline_marker.size() + first),
                  smarten_punctuation(rest.substr(first))};
    outline.push_back(std::move(entry));
    ++outline_end;
  }
  for (TextLine& line : lines) line.text = smarten_punctuation(line.text);

  // Match each entry, in order, to the first equal line after the previous match. An index of
  // the lines after the outline by text keeps this O(n log n) however long the article is.
  // Matching compares smartened text, so "Kratom's" in the outline finds "Kratom’s" below.
  std::unordered_map<std::string, std::vector<std::size_t>> lines_by_text;
  for (const OutlineEntry& entry : outline) lines_by_text.try_emplace(entry.line.text);
  for (std::size_t i = outline_end; i < lines.size(); ++i) {
    auto it = lines_by_text.find(lines[i].text);
    if (it != lines_by_text.end()) it->second.push_back(i);
  }
  std::vector<int> heading_entry(lines.size(), -1);  // line index → outline entry index
  // The headings are exactly the matched lines, claimed in document order, so these are the ids
  // transform::resolve_links finds for them: the outline links as an author writing for GitHub would.
  core::GithubSlugger ids;
  std::size_t search_from = outline_end;
  for (std::size_t e = 0; e < outline.size(); ++e) {
    OutlineEntry& entry = outline[e];
    const std::vector<std::size_t>& candidates = lines_by_text[entry.line.text];
    auto found = std::lower_bound(candidates.begin(), candidates.end(), search_from);
    if (found == candidates.end()) {
      sink.warning({path, entry.line.number, entry.line.column},
                   "outline entry '" + entry.line.text + "' has no matching heading; it is kept as plain text");
      continue;
    }
    entry.heading = *found;
    entry.heading_id = ids.slug(entry.line.text);
    heading_entry[*found] = static_cast<int>(e);
    search_from = *found + 1;
  }

  std::vector<model::Block> blocks;
  // With no outline there is no lead either: every line is a body paragraph.
  const bool has_outline = !outline.empty();
  blocks.reserve(lines.size() - outline.size() + (has_outline ? 1 : 0));
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const TextLine& line = lines[i];
    if (has_outline && i < outline_begin) {
      blocks.push_back(text_block(line, path, i == 0 ? model::BlockRole::summary : model::BlockRole::body));
    } else if (has_outline && i == outline_begin) {
      model::Block list;
      list.kind = model::BlockKind::bullet_list;
      list.role = model::BlockRole::outline;
      list.location = {path, line.number, line.column};
      for (const OutlineEntry& entry : outline) list.children.push_back(outline_item(entry, path));
      blocks.push_back(std::move(list));
      i = outline_end - 1;
    } else if (heading_entry[i] >= 0) {
      const core::SourceLocation at{path, line.number, line.column};
      blocks.push_back(model::heading_block(1, {model::text_inline(line.text, at)}, at));
    } else {
      blocks.push_back(text_block(line, path, model::BlockRole::body));
    }
  }
  return blocks;
}

}  // namespace

model::Article read_text_article(const std::string& path, std::string_view bytes, core::DiagnosticSink& sink) {
  model::Article article;
  article.location = {path, 1, 1};
  article.provenance.file = path;
  article.provenance.sha256 = core::sha256_hex(bytes);

  const std::vector<SourceLine> source = read_source_lines(path, bytes, sink);
  if (std::optional<std::vector<model::Block>> wrapped = read_if_wrapped_text(path, source)) {
    article.blocks = std::move(*wrapped);
  } else {
    article.blocks = read_outlined_lines(path, source, sink);
  }
  if (article.blocks.empty()) sink.warning({path, 0, 0}, "article is empty");

  return article;
}

}  // namespace octavo::import
