// Natural order of file names and '/'-separated paths, as people read them: "ch2.md" before
// "ch10.md". The corpus listing uses it for the reading order when book.toml lists no articles.
#pragma once

#include <string_view>

namespace octavo::core {

/// True if `a` comes before `b`. A strict total order, usable with std::sort; "" comes first.
/// Three keys, each consulted only when the ones before it tie:
/// 1. paths component by component ("a/b" before "a-b", "a" before "a/b"); within a component,
///    runs of ASCII digits by their value, however long ("9" < "10" < "0010000000000000000000001"),
///    other bytes one by one with ASCII letters folded to lower case (only ASCII: "É" and "é"
///    stay different bytes), and a digit run compares with another byte as its first digit does;
/// 2. the digit count of the first digit runs of equal value that differ in it: fewer first
///    ("1" before "01");
/// 3. the bytes, unsigned ("A.md" before "a.md"), so that only equal strings tie.
bool natural_less(std::string_view a, std::string_view b);

}  // namespace octavo::core
