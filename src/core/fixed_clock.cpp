#include "core/fixed_clock.hpp"

#include <string_view>

namespace octavo::core {
namespace {

// n in decimal, with leading zeros to `width` digits. The zeros come first and the digits are
// appended: inserting at the front of a std::string draws a false -Wrestrict from GCC 12 at -O3
// (libstdc++'s _M_replace), which breaks a Release build with -Werror.
std::string zero_padded(int n, std::size_t width) {
  const std::string digits = std::to_string(n);
  std::string padded(digits.size() < width ? width - digits.size() : 0, '0');
  padded += digits;
  return padded;
}

std::string two_digits(int n) { return zero_padded(n, 2); }

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

}  // namespace

std::string Timestamp::iso_date() const {
  return zero_padded(year, 4) + "-" + two_digits(month) + "-" + two_digits(day);
}

std::string Timestamp::iso_datetime() const {
  return iso_date() + "T" + two_digits(hour) + ":" + two_digits(minute) + ":" + two_digits(second) + "Z";
}

std::optional<Timestamp> parse_iso_timestamp(const std::string& text) {
  // ISO 8601's extended format with every digit in its place. sscanf's %d would also skip white
  // space and take a sign (" 999", "+024", "- 1"), and the text is printed as given.
  const std::string_view date_shape = "dddd-dd-dd";
  const std::string_view time_shape = "Tdd:dd:ddZ";
  if (text.size() != date_shape.size() && text.size() != date_shape.size() + time_shape.size()) return std::nullopt;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char expected = i < date_shape.size() ? date_shape[i] : time_shape[i - date_shape.size()];
    const bool ok = expected == 'd' ? text[i] >= '0' && text[i] <= '9' : text[i] == expected;
    if (!ok) return std::nullopt;
  }
  const auto number = [&](std::size_t at, std::size_t digits) {
    int value = 0;
    for (std::size_t i = at; i < at + digits; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  Timestamp t;
  t.year = number(0, 4);
  t.month = number(5, 2);
  t.day = number(8, 2);
  if (text.size() > date_shape.size()) {
    t.hour = number(11, 2);
    t.minute = number(14, 2);
    t.second = number(17, 2);
  }
  if (t.year < 1 || t.month < 1 || t.month > 12 || t.day < 1 || t.day > days_in_month(t.year, t.month))
    return std::nullopt;
  if (t.hour > 23 || t.minute > 59 || t.second > 59) return std::nullopt;
  return t;
}

Timestamp timestamp_from_epoch(long long seconds) {
  // Days-from-civil inverse (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
  long long days = seconds / 86400;
  long long rest = seconds % 86400;
  if (rest < 0) rest += 86400, --days;
  Timestamp t;
  t.hour = static_cast<int>(rest / 3600);
  t.minute = static_cast<int>(rest % 3600 / 60);
  t.second = static_cast<int>(rest % 60);
  days += 719468;
  const long long era = (days >= 0 ? days : days - 146096) / 146097;
  const long long day_of_era = days - era * 146097;
  const long long year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const long long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const long long mp = (5 * day_of_year + 2) / 153;
  t.day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
  t.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  t.year = static_cast<int>(year_of_era + era * 400 + (t.month <= 2 ? 1 : 0));
  return t;
}

std::optional<Timestamp> source_date_epoch(const char* value) {
  if (value == nullptr || *value == '\0') return std::nullopt;
  long long seconds = 0;
  for (const char* p = value; *p; ++p) {
    if (*p < '0' || *p > '9' || seconds > 253402300799LL) return std::nullopt;  // past 9999-12-31
    seconds = seconds * 10 + (*p - '0');
  }
  if (seconds > 253402300799LL) return std::nullopt;
  return timestamp_from_epoch(seconds);
}

}  // namespace octavo::core
