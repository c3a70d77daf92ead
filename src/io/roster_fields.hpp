// Private to the io layer: the roster fields that the CSV and the JSON reader
// read alike (dates and shifts), with the same wording of their errors.
#ifndef CARELEARN_SRC_IO_ROSTER_FIELDS_HPP_
#define CARELEARN_SRC_IO_ROSTER_FIELDS_HPP_

#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "carelearn/record/session.hpp"

namespace carelearn::detail {

/// Reads a date "YYYY-MM-DD" in the years 1583 to 9999; the error's message
/// says what was expected and what was found (no location: the caller adds it).
[[nodiscard]] absl::StatusOr<absl::CivilDay> ParseRosterDay(std::string_view text);

/// Reads a shift name ("day", "evening", "night", "unspecified"), the empty
/// text meaning unspecified; the error suggests the likely intended name.
[[nodiscard]] absl::StatusOr<Shift> ParseRosterShift(std::string_view text);

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_IO_ROSTER_FIELDS_HPP_
