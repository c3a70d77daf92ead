// Private to io: RFC 3339 times and "YYYY-MM-DD" dates as carelearn reads and
// writes them in session lines, strictly, in the years 0001 to 9999.
//
// Reading takes exactly RFC 3339's date-time (section 5.6): four-digit years
// from 0001, a "T" (or "t"), seconds, an optional fraction of up to nine
// digits (carelearn keeps nanoseconds), and "Z" (or "z") or an offset
// "+HH:MM"/"-HH:MM"; the instant it names must lie in 0001-01-01T00:00:00Z to
// 9999-12-31T23:59:59.999999999Z. A leap second (":60") is refused: absl::Time,
// like POSIX time, has none, so it cannot be kept and written back as read.
// Writing gives UTC with "Z" and as many fraction digits as the time needs,
// which reading gives back exactly.
//
// Example:
//
//   absl::Time t;
//   std::string why;
//   if (carelearn::detail::ParseRfc3339("2026-03-04T15:00:00+01:00", t, why)) {
//     carelearn::detail::FormatRfc3339(t);  // "2026-03-04T14:00:00Z"
//   }
#ifndef CARELEARN_SRC_IO_RFC3339_HPP_
#define CARELEARN_SRC_IO_RFC3339_HPP_

#include <string>
#include <string_view>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace carelearn::detail {

/// True when `t` lies in the years 0001 to 9999 in UTC, the instants that have an RFC 3339 form.
[[nodiscard]] bool HasRfc3339Form(absl::Time t);

/// Reads the RFC 3339 time `text` into `out`; false, with the reason in `why`
/// (a phrase that follows the quoted text in a message), when it is not one.
[[nodiscard]] bool ParseRfc3339(std::string_view text, absl::Time& out, std::string& why);

/// `t` in UTC: "2026-03-04T14:00:00Z", "2026-03-30T09:30:00.25Z". A time
/// outside the years 0001 to 9999 has no RFC 3339 form; it is written with its
/// year as a plain number ("10000-01-01T00:00:00Z"), which `ParseRfc3339` refuses.
[[nodiscard]] std::string FormatRfc3339(absl::Time t);

/// Reads the date "YYYY-MM-DD" (years 0001 to 9999) into `out`; false, with
/// the reason in `why`, when it is not one.
[[nodiscard]] bool ParseIsoDate(std::string_view text, absl::CivilDay& out, std::string& why);

/// `day` as "YYYY-MM-DD", the year written with four digits (with its year as
/// a plain number outside 0001 to 9999, which `ParseIsoDate` refuses).
[[nodiscard]] std::string FormatIsoDate(absl::CivilDay day);

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_IO_RFC3339_HPP_
