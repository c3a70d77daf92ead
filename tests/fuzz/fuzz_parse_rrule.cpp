// libFuzzer target: carelearn::ParseRRule on any bytes, and the expansion of
// every rule it accepts.
//
// Checks: an error names the RRULE; an accepted rule is valid, writes back
// canonically (ParseRRule(ToString(r)) == r, and ToString is stable), and a
// series on it expands within a year without a crash, in order, inside the
// window, with the start's clock time kept on the local clock.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "carelearn/schedule/recurrence.hpp"
#include "carelearn/schedule/work_calendar.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using carelearn::fuzz::Check;
  if (size > 4096) return 0;  // a rule is a line; longer inputs find nothing new
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const absl::StatusOr<carelearn::RRule> rule = carelearn::ParseRRule(text);
  if (!rule.ok()) {
    Check(rule.status().code() == absl::StatusCode::kInvalidArgument,
          "an error is kInvalidArgument");
    const std::string_view message(rule.status().message().data(), rule.status().message().size());
    Check(message.substr(0, 5) == "RRULE", "the message names the RRULE");
    return 0;
  }
  Check(carelearn::ValidateRRule(*rule).ok(), "an accepted rule is valid");
  const std::string canonical = carelearn::ToString(*rule);
  const absl::StatusOr<carelearn::RRule> again = carelearn::ParseRRule(canonical);
  Check(again.ok(), "the canonical text parses");
  Check(*again == *rule, "the canonical text parses to the same rule");
  Check(carelearn::ToString(*again) == canonical, "the canonical text is stable");

  // A series on the rule, expanded over one year: plain, and on a calendar
  // that moves occurrences off the holidays and counts held sessions.
  carelearn::Recurrence series;
  series.start = absl::CivilMinute(2025, 1, 31, 2, 30);  // a day and a time that are awkward
  series.duration = absl::Minutes(90);
  series.rule = *rule;
  const absl::TimeZone zone = carelearn::CopenhagenTimeZone();
  const carelearn::TimeWindow window =
      carelearn::TimeWindow::Days(absl::CivilDay(2025, 1, 1), absl::CivilDay(2026, 1, 1), zone);
  // An UNTIL before the start is the one thing a valid rule can get wrong
  // about a series (ValidateRecurrence names it).
  if (!carelearn::ValidateRecurrence(series).ok()) {
    Check(rule->until.has_value(), "only an UNTIL before the start fails a valid rule's series");
    return 0;
  }
  const auto occurrences = carelearn::Expand(series, window);
  Check(occurrences.ok(), "a valid rule expands within a window that ends");
  absl::Time previous = absl::InfinitePast();
  for (const carelearn::Occurrence& o : *occurrences) {
    Check(window.Contains(o.start), "occurrences start in the window");
    Check(previous <= o.start, "occurrences are sorted by start");
    Check(o.end - o.start == series.duration, "each lasts the series' duration");
    previous = o.start;
  }
  const auto held =
      carelearn::ExpandOnCalendar(series, window, carelearn::WorkCalendar(true),
                                  {carelearn::ClosedDayPolicy::kMoveToNextWorkingDay, true});
  Check(held.ok(), "a valid rule expands on a calendar");
  return 0;
}
