#include "pdf/page_digest.hpp"

#include <cstdint>
#include <string>

#include "core/sha256.hpp"

namespace octavo::pdf {
namespace {

// A byte string no two pages drawn differently share: counts as LEB128 varints, lengths in points
// as their 8 bytes (bit for bit), each text after its length. A run writes its face, size,
// baseline and rise only where they differ in value from the run before (a flag byte says which
// follow; drawing compares them by value too), as most runs of a line share them: about a third
// of the bytes to hash.
class Serial {
 public:
  void number(double value) { append(&value, sizeof value); }
  void count(std::size_t value) {
    do {
      const auto low = static_cast<char>(value & 0x7F);
      value >>= 7;
      out_ += static_cast<char>(low | (value != 0 ? 0x80 : 0));
    } while (value != 0);
  }
  void byte(std::uint8_t value) { out_ += static_cast<char>(value); }
  void text(std::string_view value) {
    count(value.size());
    out_.append(value);
  }
  std::string& bytes() { return out_; }

 private:
  void append(const void* data, std::size_t size) { out_.append(static_cast<const char*>(data), size); }
  std::string out_;
};

// Which of a run's settings follow its flag byte.
enum RunSetting : std::uint8_t { new_face = 1, new_size = 2, new_baseline = 4, new_rise = 8 };

}  // namespace

core::StreamDigest page_digest(const layout::Page& page) {
  Serial serial;
  serial.text("octavo drawn page 2");  // changes with what is written here
  serial.number(page.width.value);
  serial.number(page.height.value);
  serial.count(page.runs.size());
  const layout::TextRun* previous = nullptr;
  for (const layout::TextRun& run : page.runs) {
    std::uint8_t settings = 0;
    if (previous == nullptr || run.face != previous->face) settings |= new_face;
    if (previous == nullptr || run.size.value != previous->size.value) settings |= new_size;
    if (previous == nullptr || run.baseline.value != previous->baseline.value) settings |= new_baseline;
    if (previous == nullptr || run.rise.value != previous->rise.value) settings |= new_rise;
    serial.byte(settings);
    if ((settings & new_face) != 0) serial.count(static_cast<std::size_t>(run.face));
    if ((settings & new_size) != 0) serial.number(run.size.value);
    if ((settings & new_baseline) != 0) serial.number(run.baseline.value);
    if ((settings & new_rise) != 0) serial.number(run.rise.value);
    serial.number(run.x.value);
    serial.text(run.text);
    serial.count(run.kerns.size());
    for (const fonts::Kern& kern : run.kerns) {
      serial.count(kern.offset);
      serial.number(kern.amount.value);
    }
    previous = &run;
  }
  serial.count(page.rules.size());
  for (const layout::Rule& rule : page.rules) {
    serial.number(rule.x1.value);
    serial.number(rule.y1.value);
    serial.number(rule.x2.value);
    serial.number(rule.y2.value);
    serial.number(rule.thickness.value);
  }
  return core::sha256(serial.bytes());
}

}  // namespace octavo::pdf
