#include <doctest/doctest.h>

#include <cstddef>
#include <string>

#include "core/runtime_library.hpp"

using namespace octavo::core;

TEST_SUITE("core.runtime_library") {
  TEST_CASE("a function bound from an opened library is that function") {
    std::string problem;
    const RuntimeLibrary libc("libc.so.6", problem);
    std::size_t (*length)(const char*) = nullptr;
    libc.bind(length, "strlen");
    CHECK(problem.empty());
    REQUIRE((length != nullptr));
    CHECK(length("octavo") == 6);
  }

  TEST_CASE("a library that cannot be opened: the loader's reason, and every function left null") {
    std::string problem;
    const RuntimeLibrary missing("libnot-a-library-of-octavo.so.9", problem);
    CHECK(problem.starts_with("libnot-a-library-of-octavo.so.9: cannot open shared object file"));
    int (*function)() = [] { return 1; };
    missing.bind(function, "anything");
    CHECK((function == nullptr));
    CHECK(problem.starts_with("libnot-a-library-of-octavo.so.9:"));  // the first problem stays
  }

  TEST_CASE("a missing function is named with its library; the first problem of several libraries stays") {
    std::string problem;
    const RuntimeLibrary libc("libc.so.6", problem);
    const RuntimeLibrary libm("libm.so.6", problem);
    void (*none)() = nullptr;
    libc.bind(none, "octavo_no_such_function");
    CHECK((none == nullptr));
    CHECK(problem == "no octavo_no_such_function in libc.so.6");
    double (*cosine)(double) = nullptr;
    libm.bind(cosine, "cos");
    REQUIRE((cosine != nullptr));
    CHECK(cosine(0.0) == 1.0);
    libm.bind(none, "octavo_another_missing_one");
    CHECK(problem == "no octavo_no_such_function in libc.so.6");
  }
}
