// RFC 3339 times and ISO dates; see rfc3339.hpp.
#include "io/rfc3339.hpp"

#include <cstdint>
#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace carelearn::detail {
namespace {

constexpr int kFirstYear = 1;
constexpr int kLastYear = 9999;

// The value of the `n` decimal digits of `text` at `at`, or std::nullopt.
std::optional<int> Digits(std::string_view text, std::size_t at, std::size_t n) {
  if (at + n > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

absl::Time Earliest() {
  return absl::FromCivil(absl::CivilSecond(kFirstYear, 1, 1, 0, 0, 0), absl::UTCTimeZone());
}

absl::Time End() {  // one past the latest
  return absl::FromCivil(absl::CivilSecond(kLastYear + 1, 1, 1, 0, 0, 0), absl::UTCTimeZone());
}

// Reads "YYYY-MM-DD" at the start of `text`; checks the year and the day.
bool ParseDatePart(std::string_view text, absl::CivilDay& out, std::string& why) {
  const std::optional<int> year = Digits(text, 0, 4);
  const std::optional<int> month = Digits(text, 5, 2);
  const std::optional<int> day = Digits(text, 8, 2);
  if (!year || !month || !day || text[4] != '-' || text[7] != '-') return false;
  if (*year < kFirstYear) {
    why = "has the year 0000; years are 0001 to 9999";
    return false;
  }
  const absl::CivilDay civil(*year, *month, *day);
  if (*month < 1 || *month > 12 || civil.month() != *month || civil.day() != *day) {
    why = "is no day of the calendar";
    return false;
  }
  out = civil;
  return true;
}

}  // namespace

bool HasRfc3339Form(absl::Time t) { return t >= Earliest() && t < End(); }

bool ParseRfc3339(std::string_view text, absl::Time& out, std::string& why) {
  static constexpr std::string_view kShape =
      "is not an RFC 3339 time such as \"2026-03-04T14:00:00Z\" or "
      "\"2026-03-04T15:00:00.5+01:00\"";
  why = kShape;
  if (text.size() < 20 || (text[10] != 'T' && text[10] != 't')) return false;
  absl::CivilDay day;
  const std::optional<int> hour = Digits(text, 11, 2);
  const std::optional<int> minute = Digits(text, 14, 2);
  const std::optional<int> second = Digits(text, 17, 2);
  if (!hour || !minute || !second || text[13] != ':' || text[16] != ':') return false;
  std::size_t i = 19;
  std::int64_t nanos = 0;
  if (text[i] == '.') {
    ++i;
    std::size_t digits = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      if (digits < 9) nanos = nanos * 10 + (text[i] - '0');
      ++digits;
      ++i;
    }
    if (digits == 0) return false;
    if (digits > 9) {
      why = "has more than nine fraction digits; carelearn keeps times to the nanosecond";
      return false;
    }
    for (std::size_t k = digits; k < 9; ++k) nanos *= 10;
  }
  if (i >= text.size()) return false;
  absl::Duration offset;
  if (text[i] == 'Z' || text[i] == 'z') {
    ++i;
  } else if (text[i] == '+' || text[i] == '-') {
    const std::optional<int> offset_hours = Digits(text, i + 1, 2);
    const std::optional<int> offset_minutes = Digits(text, i + 4, 2);
    if (!offset_hours || !offset_minutes || i + 3 >= text.size() || text[i + 3] != ':') {
      return false;
    }
    if (*offset_hours > 23 || *offset_minutes > 59) {
      why = "has an offset beyond -23:59 to +23:59";
      return false;
    }
    offset = absl::Hours(*offset_hours) + absl::Minutes(*offset_minutes);
    if (text[i] == '-') offset = -offset;
    i += 6;
  } else {
    return false;
  }
  if (i != text.size()) return false;
  if (!ParseDatePart(text, day, why)) return false;
  if (*hour > 23 || *minute > 59 || *second > 60) {
    why = "is no time of day";
    return false;
  }
  if (*second == 60) {
    why =
        "is a leap second, which carelearn refuses: its times, like POSIX time, have none; "
        "write the second before or after it";
    return false;
  }
  const absl::Time t = absl::FromCivil(absl::CivilSecond(day.year(), day.month(), day.day(), *hour,
                                                         *minute, *second),
                                       absl::UTCTimeZone()) +
                       absl::Nanoseconds(nanos) - offset;
  if (!HasRfc3339Form(t)) {
    why = "lies outside 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z in UTC";
    return false;
  }
  out = t;
  why.clear();
  return true;
}

std::string FormatRfc3339(absl::Time t) {
  const absl::TimeZone utc = absl::UTCTimeZone();
  const absl::CivilSecond s = absl::ToCivilSecond(t, utc);
  std::int64_t nanos = absl::ToInt64Nanoseconds(t - absl::FromCivil(s, utc));
  std::string out = absl::StrFormat("%04d-%02d-%02dT%02d:%02d:%02d", s.year(), s.month(), s.day(),
                                    s.hour(), s.minute(), s.second());
  if (nanos > 0) {
    std::string fraction = absl::StrFormat("%09d", nanos);
    while (fraction.back() == '0') fraction.pop_back();
    absl::StrAppend(&out, ".", fraction);
  }
  out.push_back('Z');
  return out;
}

bool ParseIsoDate(std::string_view text, absl::CivilDay& out, std::string& why) {
  why = "is not a date \"YYYY-MM-DD\" such as \"2026-04-01\"";
  if (text.size() != 10) return false;
  if (!ParseDatePart(text, out, why)) return false;
  why.clear();
  return true;
}

std::string FormatIsoDate(absl::CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

}  // namespace carelearn::detail
