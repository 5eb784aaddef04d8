// The fuzz targets' XML check must itself catch what it is meant to catch: run by ctest in the
// fuzz build, before any fuzzing relies on it.
#include <cstdio>
#include <string>

#include "fuzz_book.hpp"

namespace {

int failures = 0;

void expect(const std::string& xml, const std::string& problem) {
  const std::string found = octavo::fuzz::xml_problem(xml);
  if (found.rfind(problem, 0) != 0 || (problem.empty() && !found.empty())) {
    std::fprintf(stderr, "FAIL: %s\n  expected a problem starting '%s', found '%s'\n", xml.c_str(), problem.c_str(),
                 found.c_str());
    ++failures;
  }
}

}  // namespace

int main() {
  expect("<p id=\"a\">x &amp; &#233; &#x1F600; <a href=\"#a\">y</a></p>", "");
  expect("<?xml version=\"1.0\"?>\n<!DOCTYPE html>\n<html><!-- c --><body/></html>\n", "");
  expect("<p>\x01</p>", "character XML forbids (1)");
  expect("<p>\xef\xbf\xbe</p>", "character XML forbids (65534)");
  expect("<p>\xff</p>", "invalid UTF-8 at byte 3");
  expect("<p>\xc0\xaf</p>", "invalid UTF-8");
  expect("<p>\xed\xa0\x80</p>", "invalid UTF-8");
  expect("<p>\xf4\x90\x80\x80</p>", "invalid UTF-8");
  expect("<p>&#1;</p>", "reference to a character XML forbids: &#1;");
  expect("<p>&#xFFFF;</p>", "reference to a character XML forbids");
  expect("<p>&nbsp;</p>", "undefined entity &nbsp;");
  expect("<p>a & b</p>", "'&' that starts no reference");
  expect("<p>&#x;</p>", "malformed character reference");
  expect("<p><b></p>", "not well-formed");
  expect("text only", "not well-formed");
  expect("<p a=\"1\" a=\"2\"/>", "attribute a repeated");
  expect("<p><a id=\"x\"/><b id=\"x\"/></p>", "id repeated: x");
  expect("<p><a href=\"#y\"/></p>", "link to a missing fragment #y");
  if (failures == 0) std::puts("xml_problem: all checks passed");
  return failures == 0 ? 0 : 1;
}
