#include <doctest/doctest.h>

#include <string>

#include "core/diagnostics.hpp"
#include "import/front_matter.hpp"
#include "import/source_lines.hpp"

using namespace octavo;

namespace {

import::FrontMatter front(std::string_view bytes, core::DiagnosticList& diagnostics){
    return import::read_front_matter(import::read_source_lines("a.md", bytes, diagnostics), "a.md", diagnostics);
}

}  // namespace

TEST_SUITE("import.front_matter") {
  TEST_CASE("the fields and the first body line") {
    core::DiagnosticList diagnostics;
    const import::FrontMatter read =
        front("+++\r\ntitle = \"T\"\r\nauthor = \"A\"\r\n+++  \r\n# Body\r\n", diagnostics);
    CHECK(diagnostics.to_string() == "");
    CHECK(read.fields.title == "T");
    CHECK(read.fields.author == "A");
    CHECK(read.body_begin == 4);
  }

  TEST_CASE("no front matter unless the very first line is +++") {
    core::DiagnosticList diagnostics;
    CHECK(front("\n+++\ntitle = \"T\"\n+++\n", diagnostics).body_begin == 0);
    CHECK(front("+++x\n+++\n", diagnostics).fields.title.empty());
    CHECK(front("", diagnostics).body_begin == 0);
    CHECK(diagnostics.to_string() == "");
  }

  TEST_CASE("an empty front matter is allowed") {
    core::DiagnosticList diagnostics;
    CHECK(front("+++\n+++\nText\n", diagnostics).body_begin == 2);
    CHECK(diagnostics.to_string() == "");
  }

  TEST_CASE("an unclosed front matter is a warning and counts as body") {
    core::DiagnosticList diagnostics;
    const import::FrontMatter read = front("+++\ntitle = \"T\"\n", diagnostics);
    CHECK(read.body_begin == 0);
    CHECK(read.fields.title.empty());
    CHECK(diagnostics.to_string() ==
          "a.md:1:1: warning: expected a closing '+++' line for the front matter; reading it as text\n");
  }

  TEST_CASE("the front matter is no manifest: its own keys only") {
    core::DiagnosticList diagnostics;
    front("+++\nfile = \"x.txt\"\n+++\n", diagnostics);
    CHECK(diagnostics.to_string() ==
          "a.md:2:1: warning: unknown key 'file' in the front matter is ignored\n"
          "  hint: known keys: title, source, retrieved, author\n");
  }

  TEST_CASE("escapes that make characters XML forbids are removed, with a warning at the value") {
    core::DiagnosticList diagnostics;
    const import::FrontMatter read = front("+++\ntitle = \"\\u0001\"\nauthor = \"A\\uFFFEB\"\n+++\n", diagnostics);
    CHECK(read.fields.title.empty());
    CHECK(read.fields.author == "AB");
    CHECK(diagnostics.to_string() ==
          "a.md:2:9: warning: removed a character that XML does not allow (U+0001)\n"
          "a.md:3:10: warning: removed a character that XML does not allow (U+FFFE)\n");
  }
}
