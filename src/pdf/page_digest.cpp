#include "pdf/page_digest.hpp"

#include <cstring>
#include <string>

#include "core/sha256.hpp"

namespace octavo::pdf {
namespace {

// A byte string no two different pages share: fixed-size numbers, and each text after its length.
class Serial {
 public:
  void number(double value) { append(&value, sizeof value); }
  void count(std::size_t value) {
    const auto fixed = static_cast<std::uint64_t>(value);
    append(&fixed, sizeof fixed);
  }
  void text(std::string_view value) {
    count(value.size());
    out_.append(value);
  }
  std::string& bytes() { return out_; }

 private:
  void append(const void* data, std::size_t size) { out_.append(static_cast<const char*>(data), size); }
  std::string out_;
};

}  // namespace

core::StreamDigest page_digest(const layout::Page& page) {
  Serial serial;
  serial.text("octavo drawn page 1");  // changes with what is written here
  serial.number(page.width.value);
  serial.number(page.height.value);
  serial.count(page.runs.size());
  for (const layout::TextRun& run : page.runs) {
    serial.count(static_cast<std::size_t>(run.face));
    serial.number(run.size.value);
    serial.number(run.x.value);
    serial.number(run.baseline.value);
    serial.number(run.rise.value);
    serial.text(run.text);
    serial.count(run.kerns.size());
    for (const fonts::Kern& kern : run.kerns) {
      serial.count(kern.offset);
      serial.number(kern.amount.value);
    }
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
