// A SetArticle as text, every member of every line (doubles as their bit patterns, shared heads
// by their order of first use), for the cache's tests to compare two of them exactly.
#pragma once

#include <bit>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>

#include "layout/set_article.hpp"

namespace test {

class SetArticleDump {
 public:
  std::string operator()(const octavo::layout::SetArticle& set) {
    lines(set.lines, 0);
    for (const octavo::core::Diagnostic& diagnostic : set.diagnostics.all()) {
      const auto& [severity, location, message, hint] = diagnostic;
      out_ += "diagnostic " + std::to_string(static_cast<int>(severity)) + " " + where(location) + " " + message +
              " | " + hint + "\n";
    }
    out_ += "missing";
    for (const char32_t c : set.missing.noted()) out_ += " " + std::to_string(static_cast<std::uint32_t>(c));
    out_ += " at " + where(set.missing.noted_location()) + "\n";
    return out_;
  }

 private:
  static std::string bits(double value) {
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%016llx",
                  static_cast<unsigned long long>(std::bit_cast<std::uint64_t>(value)));
    return buffer;
  }
  static std::string bits(octavo::core::Pt value) { return bits(value.value); }
  static std::string where(const octavo::core::SourceLocation& at) {
    const auto& [path, line, column] = at;
    return path + ":" + std::to_string(line) + ":" + std::to_string(column);
  }

  void lines(const std::vector<octavo::layout::FlowLine>& list, int depth) {
    const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
    for (const octavo::layout::FlowLine& line : list) {
      const auto& [space_before, height, baseline, runs, rules, links, anchors, images, keep, break_before, facts,
                   note_refs, notes, repeated_head] = line;
      out_ += indent + "line " + bits(space_before) + " " + bits(height) + " " + bits(baseline) + " keep " +
              std::to_string(static_cast<int>(keep)) + (break_before ? " break" : "") + "\n";
      for (const auto& run : runs) {
        const auto& [face, size, x, run_baseline, text, kerns, rise, after_word_space] = run;
        out_ += indent + " run " + std::to_string(static_cast<int>(face)) + " " + bits(size) + " " + bits(x) + " " +
                bits(run_baseline) + " " + bits(rise) + (after_word_space ? " after-space" : "") + " '" + text + "'";
        for (const auto& kern : kerns) out_ += " k" + std::to_string(kern.offset) + "=" + bits(kern.amount);
        out_ += "\n";
      }
      for (const auto& rule : rules) {
        const auto& [x1, y1, x2, y2, thickness] = rule;
        out_ += indent + " rule " + bits(x1) + " " + bits(y1) + " " + bits(x2) + " " + bits(y2) + " " +
                bits(thickness) + "\n";
      }
      for (const auto& link : links) {
        const auto& [left, top, right, bottom, destination, uri, number] = link;
        out_ += indent + " link " + bits(left) + " " + bits(top) + " " + bits(right) + " " + bits(bottom) + " " +
                destination + " " + uri + " n" + std::to_string(number) + "\n";
      }
      for (const auto& anchor : anchors) {
        const auto& [name, y, number] = anchor;
        out_ += indent + " anchor " + name + " " + bits(y) + " n" + std::to_string(number) + "\n";
      }
      for (const auto& image : images) {
        const auto& [key, name, info, bytes, location, x, y, width, image_height] = image;
        const auto& [format, pixel_width, pixel_height, bit_depth, components, interlaced, progressive, frames] = info;
        out_ += indent + " image " + key + " " + name + " " + std::to_string(static_cast<int>(format)) + " " +
                std::to_string(pixel_width) + "x" + std::to_string(pixel_height) + " " + std::to_string(bit_depth) +
                " " + std::to_string(components) + " " + std::to_string(interlaced) + std::to_string(progressive) +
                " " + std::to_string(frames) + " bytes=" + (bytes ? *bytes : "null") + " " + where(location) + " " +
                bits(x) + " " + bits(y) + " " + bits(width) + " " + bits(image_height) + "\n";
      }
      const auto& [text, justified, hyphenated, overfull, heading, opens, closes, ratio] = facts;
      out_ += indent + " facts " + std::to_string(text) + std::to_string(justified) + std::to_string(hyphenated) +
              std::to_string(overfull) + std::to_string(heading) + std::to_string(opens) + std::to_string(closes) +
              " " + bits(ratio) + "\n";
      for (const auto& ref : note_refs) out_ += indent + " note_ref " + ref.note + " " + ref.anchor + "\n";
      for (const auto& note : notes) {
        out_ += indent + " note\n";
        lines(note.lines, depth + 1);
      }
      if (repeated_head) {
        const auto [seen, added] = heads_.emplace(repeated_head.get(), heads_.size());
        out_ += indent + " head#" + std::to_string(seen->second) + "\n";
        if (added) lines(*repeated_head, depth + 1);
      }
    }
  }

  std::string out_;
  std::map<const void*, std::size_t> heads_;
};

inline std::string dump(const octavo::layout::SetArticle& set) { return SetArticleDump()(set); }

}  // namespace test
