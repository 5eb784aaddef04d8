#include "pdf/page_digest.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/byte_stream.hpp"
#include "core/sha256.hpp"

namespace octavo::pdf {
namespace {

// Which of a run's settings follow its flag byte.
enum RunSetting : std::uint8_t { new_face = 1, new_size = 2, new_baseline = 4, new_rise = 8, after_space = 16 };

// Runs as page_digest and furniture_digest write them: a run writes its face, size, baseline and
// rise only where they differ in value from the run before (a flag byte says which follow; drawing
// compares them by value too), as most runs of a line share them: about a third of the bytes to
// hash.
void put_runs(core::ByteWriter& serial, const std::vector<layout::TextRun>& runs) {
  serial.unsigned_number(runs.size());
  const layout::TextRun* previous = nullptr;
  for (const layout::TextRun& run : runs) {
    std::uint8_t settings = 0;
    if (previous == nullptr || run.face != previous->face) settings |= new_face;
    if (previous == nullptr || run.size.value != previous->size.value) settings |= new_size;
    if (previous == nullptr || run.baseline.value != previous->baseline.value) settings |= new_baseline;
    if (previous == nullptr || run.rise.value != previous->rise.value) settings |= new_rise;
    if (run.after_word_space) settings |= after_space;
    serial.byte(settings);
    if ((settings & new_face) != 0) serial.unsigned_number(static_cast<std::size_t>(run.face));
    if ((settings & new_size) != 0) serial.real(run.size.value);
    if ((settings & new_baseline) != 0) serial.real(run.baseline.value);
    if ((settings & new_rise) != 0) serial.real(run.rise.value);
    serial.real(run.x.value);
    serial.string(run.text);
    serial.unsigned_number(run.kerns.size());
    for (const fonts::Kern& kern : run.kerns) {
      serial.unsigned_number(kern.offset);
      serial.real(kern.amount.value);
    }
    previous = &run;
  }
}

void put_rules(core::ByteWriter& serial, const std::vector<layout::Rule>& rules) {
  serial.unsigned_number(rules.size());
  for (const layout::Rule& rule : rules) {
    serial.real(rule.x1.value);
    serial.real(rule.y1.value);
    serial.real(rule.x2.value);
    serial.real(rule.y2.value);
    serial.real(rule.thickness.value);
  }
}

}  // namespace

// A byte string no two bodies drawn differently share (core::ByteWriter: counts as varints, lengths
// in points bit for bit, each text after its length).
core::StreamDigest page_digest(const layout::Page& page) {
  core::ByteWriter serial;
  serial.string("octavo drawn body 3");  // changes with what is written here
  serial.real(page.width.value);
  serial.real(page.height.value);
  put_runs(serial, page.runs);
  put_rules(serial, page.rules);
  return core::sha256(serial.bytes());
}

core::StreamDigest furniture_digest(const core::StreamDigest& body, const layout::Page& page) {
  core::ByteWriter serial;
  serial.string("octavo drawn furniture 1");  // changes with what is written here
  serial.string(std::string_view(reinterpret_cast<const char*>(body.data()), body.size()));
  serial.real(page.width.value);
  serial.real(page.height.value);
  serial.real(page.text_left.value);
  put_runs(serial, page.furniture.runs);
  put_rules(serial, page.furniture.rules);
  return core::sha256(serial.bytes());
}

}  // namespace octavo::pdf
