#include "layout/word_shapes.hpp"

#include <cstdint>

#include "core/text_hash.hpp"
#include "core/text_table.hpp"
#include "layout/hyphenator.hpp"

namespace octavo::layout {
namespace {

// A setting words are measured in (what decides every measure besides the word), and the shapes
// this thread measured in it.
struct Setting {
  std::uint64_t metrics = 0;  // FontMetrics::memo_source
  fonts::FontFace face = fonts::FontFace::serif;
  double size = 0;
  std::uint64_t patterns = 0;  // Hyphenator::memo_source; 0 for none
  core::TextTable<WordShape> shapes;
};

// A book sets its words in a dozen settings or so (the text with and without hyphenation, notes,
// each level of heading, captions, the contents and the folios, in their faces). A thread keeps
// up to 16,384 words across all its settings, then empties every setting's table; a table entry
// is some 100 bytes and a table at most half full, so with their parts and texts that is about
// 10 MB a thread at most. Words longer than 64 bytes (addresses, tokens), which seldom come
// again, are measured and not kept. Up to 64 settings are named; a 65th empties the list.
// A setting's tables are found by its fields, and a setting met again after the list was emptied
// is measured anew: no shape is ever taken for another setting's.
constexpr std::size_t remembered_words = 16384;
constexpr std::size_t longest_remembered_word = 64;
constexpr std::size_t named_settings = 64;
thread_local std::vector<Setting> settings;
thread_local std::size_t words_kept = 0;    // in all of `settings`' tables
thread_local std::size_t last_setting = 0;  // where the last word's setting was: most words share it

Setting& setting_of(std::uint64_t metrics, fonts::FontFace face, double size, std::uint64_t patterns) {
  const auto matches = [&](const Setting& setting) {
    return setting.metrics == metrics && setting.face == face && setting.size == size && setting.patterns == patterns;
  };
  if (last_setting < settings.size() && matches(settings[last_setting])) return settings[last_setting];
  for (std::size_t i = 0; i < settings.size(); ++i) {
    if (matches(settings[i])) {
      last_setting = i;
      return settings[i];
    }
  }
  if (settings.size() == named_settings) {
    settings.clear();
    words_kept = 0;
  }
  settings.push_back({metrics, face, size, patterns, {}});
  last_setting = settings.size() - 1;
  return settings.back();
}

}  // namespace

WordShape measure_word_shape(const fonts::FontMetrics& metrics, fonts::FontFace face, core::Pt size,
                             std::string_view word, const Hyphenator* hyphenator) {
  WordShape shape;
  shape.whole = metrics.measure_box(face, word, size);
  if (hyphenator == nullptr || hyphenator->empty()) return shape;
  shape.points = hyphenator->hyphenation_points_here(word);
  std::size_t from = 0;
  for (const std::size_t at : shape.points) {
    if (at >= word.size()) break;
    if (at > from) {
      shape.parts.push_back(metrics.measure_box(face, word.substr(from, at - from), size));
      from = at;
    }
  }
  if (from > 0 && from < word.size()) shape.parts.push_back(metrics.measure_box(face, word.substr(from), size));
  return shape;
}

const WordShape* remembered_word_shape(const fonts::FontMetrics& metrics, fonts::FontFace face, core::Pt size,
                                       std::string_view word, const Hyphenator* hyphenator) {
  const std::uint64_t metrics_source = metrics.memo_source();
  if (metrics_source == 0) return nullptr;
  if (word.size() > longest_remembered_word) {
    thread_local WordShape measured;
    measured = measure_word_shape(metrics, face, size, word, hyphenator);
    return &measured;
  }
  const bool hyphenates = hyphenator != nullptr && !hyphenator->empty();
  Setting& setting = setting_of(metrics_source, face, size.value, hyphenates ? hyphenator->memo_source() : 0);
  const std::size_t hash = core::TextHash{}(word);
  if (const WordShape* known = setting.shapes.find(word, hash)) return known;
  if (words_kept >= remembered_words) {
    for (Setting& each : settings) each.shapes = {};
    words_kept = 0;
  }
  ++words_kept;
  return &setting.shapes.insert(word, hash, measure_word_shape(metrics, face, size, word, hyphenator));
}

}  // namespace octavo::layout
