// A page's operators that the adapter writes itself (Tf, Td, Tw, TJ) fail the document when the
// content stream refuses them: HPDF_Stream_Write is wrapped (tests/CMakeLists.txt, --wrap) so
// that the call writing a chosen operator fails, as it would when libharu's memory runs out.
#include <doctest/doctest.h>

#include <hpdf.h>

#include <optional>
#include <string>
#include <string_view>

#include "pdf/haru_document.hpp"
#include "sample_book.hpp"

using namespace octavo;

extern "C" HPDF_STATUS __real_HPDF_Stream_Write(HPDF_Stream stream, const HPDF_BYTE* ptr, HPDF_UINT size);

namespace {

// The operator whose write fails next (its last bytes, as " Td\n"); empty: every write goes on.
std::string refused_operator;

// Arms the wrap for one operator, and disarms it however the test case ends, so that no other
// test of this program finds a write refused.
class Refusing {
 public:
  explicit Refusing(const char* ending) { refused_operator = ending; }
  Refusing(const Refusing&) = delete;
  Refusing& operator=(const Refusing&) = delete;
  ~Refusing() { refused_operator.clear(); }
};

}  // namespace

extern "C" HPDF_STATUS __wrap_HPDF_Stream_Write(HPDF_Stream stream, const HPDF_BYTE* ptr, HPDF_UINT size) {
  const std::string_view bytes(reinterpret_cast<const char*>(ptr), size);
  if (!refused_operator.empty() && bytes.ends_with(refused_operator)) {
    refused_operator.clear();
    return HPDF_FAILD_TO_ALLOC_MEM;
  }
  return __real_HPDF_Stream_Write(stream, ptr, size);
}

TEST_SUITE("pdf.content_write") {
  TEST_CASE("an operator the page's content refuses fails the document, naming what was lost") {
    const struct {
      const char* ending;
      const char* reason;
    } cases[] = {{" Tf\n", "cannot write a font change into a page's content"},
                 {" Td\n", "cannot write a move of the text position into a page's content"},
                 {" Tw\n", "cannot write a word spacing into a page's content"},
                 {")]TJ\n", "cannot write a string of text into a page's content"}};
    for (const auto& [ending, reason] : cases) {
      CAPTURE(ending);
      pdf::HaruDocument haru;
      const pdf::FontCodes codes = pdf::FontCodes::for_characters({{0x20, 0x7E}});
      REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf", codes));
      const std::size_t page = haru.add_page(200, 100);
      const Refusing refusing(ending);
      haru.show_text(page, fonts::FontFace::serif, 12, 10, 50, "a b", {{1, -20}}, 0, 500);
      CHECK(refused_operator.empty());  // the write was tried, and refused
      CHECK(haru.failed());
      CHECK(haru.error() == reason);
      CHECK_FALSE(haru.save());
    }
  }

  TEST_CASE("with every write taken, the same text is drawn and saved") {
    pdf::HaruDocument haru;
    const pdf::FontCodes codes = pdf::FontCodes::for_characters({{0x20, 0x7E}});
    REQUIRE(haru.load_font(fonts::FontFace::serif, pdf::testing::fonts_dir() + "/NotoSerif-Regular.ttf", codes));
    const std::size_t page = haru.add_page(200, 100);
    haru.show_text(page, fonts::FontFace::serif, 12, 10, 50, "a b", {{1, -20}}, 0, 500);
    CHECK_FALSE(haru.failed());
    CHECK(haru.save());
  }
}
