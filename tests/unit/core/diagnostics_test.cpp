#include <doctest/doctest.h>

#include "core/diagnostics.hpp"

using namespace octavo::core;

TEST_SUITE("core.diagnostics") {
  TEST_CASE("a counting sink passes every diagnostic on in order and counts each severity") {
    DiagnosticList list;
    CountingSink counting(list);
    CHECK(counting.errors() == 0);
    CHECK(counting.warnings() == 0);
    counting.warning({"a.md", 1, 2}, "first", "a hint");
    counting.error({}, "second");
    counting.warning({}, "third");
    CHECK(counting.errors() == 1);
    CHECK(counting.warnings() == 2);
    CHECK(list.to_string() ==
          "a.md:1:2: warning: first\n"
          "  hint: a hint\n"
          "error: second\n"
          "warning: third\n");
  }

  TEST_CASE("counting sinks chain: each counts what passed through it") {
    DiagnosticList list;
    CountingSink outer(list);
    CountingSink inner(outer);
    inner.error({}, "inner");
    outer.warning({}, "outer");
    CHECK(inner.errors() == 1);
    CHECK(inner.warnings() == 0);
    CHECK(outer.errors() == 1);
    CHECK(outer.warnings() == 1);
    CHECK(list.all().size() == 2);
  }

  TEST_CASE("a list reports what it holds to another sink, in order, and keeps it") {
    DiagnosticList held;
    held.warning({"a.md", 3, 1}, "first", "a hint");
    held.error({}, "second");
    DiagnosticList replayed;
    DiagnosticList().report_to(replayed);
    CHECK(replayed.all().empty());
    held.report_to(replayed);
    CHECK(replayed.to_string() == held.to_string());
    CHECK(replayed.to_string() ==
          "a.md:3:1: warning: first\n"
          "  hint: a hint\n"
          "error: second\n");
    CHECK(held.all().size() == 2);
  }
}
