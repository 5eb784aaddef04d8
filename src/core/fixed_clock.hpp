// The only source of dates in a book: never the wall clock (determinism). A date comes from
// book.toml, else from SOURCE_DATE_EPOCH (reproducible-builds.org), else a fixed epoch.
#pragma once

#include <optional>
#include <string>

namespace octavo::core {

struct Timestamp {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;  // UTC

  std::string iso_date() const;      ///< "YYYY-MM-DD"
  std::string iso_datetime() const;  ///< "YYYY-MM-DDThh:mm:ssZ"
};

/// Parses "YYYY-MM-DD" or "YYYY-MM-DDThh:mm:ssZ", an ASCII digit at every digit position and a
/// calendar-valid date from year 0001; nullopt otherwise (signs, spaces, other lengths).
std::optional<Timestamp> parse_iso_timestamp(const std::string& text);

/// Converts seconds since 1970-01-01T00:00:00Z (proleptic Gregorian, no leap seconds).
Timestamp timestamp_from_epoch(long long seconds);

/// Parses the value of SOURCE_DATE_EPOCH (decimal seconds); nullopt if unset or not a number.
std::optional<Timestamp> source_date_epoch(const char* value);

}  // namespace octavo::core
