// Private to the schedule layer: the one place where a series is turned into
// occurrences. `Expand`, `ExpandOnCalendar`, programme expansion and the
// iCalendar export all go through `ExpandSeries`, so they never disagree.
#ifndef CARELEARN_SRC_SCHEDULE_RECURRENCE_ENGINE_HPP_
#define CARELEARN_SRC_SCHEDULE_RECURRENCE_ENGINE_HPP_

#include <cstdint>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "carelearn/schedule/recurrence.hpp"
#include "carelearn/schedule/work_calendar.hpp"

namespace carelearn::detail {

/// Starts later than this many years after DTSTART are never generated.
inline constexpr absl::civil_year_t kHorizonYears = 1000;

/// `local` as an absolute time in `zone`, by RFC 5545's reading of times that
/// do not exist (the offset before the change) or happen twice (the first).
absl::Time LocalToTime(absl::CivilMinute local, const absl::TimeZone& zone);

/// Remembers until when the zone's offset stays as it is, so that the local
/// end of an occurrence is found by civil arithmetic instead of a zone lookup.
class OffsetSpan {
 public:
  /// `end` on the local clock, for an occurrence that starts at `start`
  /// (`local_start` on the local clock).
  absl::CivilMinute LocalEnd(const absl::TimeZone& zone, absl::Time start,
                             absl::CivilMinute local_start, absl::Time end);

 private:
  absl::Time from_ = absl::InfiniteFuture();  // no change of offset in [from_, to_)
  absl::Time to_ = absl::InfinitePast();
};

/// The occurrence that starts at `local` (for `original`) and lasts `duration`.
/// `span`, when given, speeds up a series of calls with ascending starts.
Occurrence MakeOccurrence(absl::CivilMinute local, absl::CivilMinute original,
                          absl::Duration duration, const absl::TimeZone& zone,
                          OffsetSpan* span = nullptr);

/// Calls `visit` with each local start `rule` gives for a series starting at
/// `dtstart`, in ascending order, DTSTART first (the only start when `rule`
/// is null), while `visit` returns true.
///
/// Only starts on local days in [first, last] are visited; earlier ones are
/// generated (and counted towards COUNT) without a visit, except that without
/// COUNT whole periods before `first` are skipped in O(1). Generation stops
/// after `last`, after UNTIL, after COUNT starts when `apply_count` is true,
/// and at the horizon. Returns how many starts were generated.
std::int64_t ForEachRuleStart(const RRule* rule, absl::CivilMinute dtstart,
                              const absl::TimeZone& zone, absl::CivilDay first, absl::CivilDay last,
                              bool apply_count, absl::FunctionRef<bool(absl::CivilMinute)> visit);

/// How `ExpandSeries` treats closed days.
struct SeriesOptions {
  const WorkCalendar* calendar = nullptr;           ///< nullptr: no day is closed.
  ClosedDayPolicy policy = ClosedDayPolicy::kKeep;  ///< What a closed day does.
  bool count_held = false;                          ///< COUNT counts held sessions.
};

/// Expands `recurrence` in `window`; see `ExpandOnCalendar`.
absl::StatusOr<CalendarExpansion> ExpandSeries(const Recurrence& recurrence,
                                               const TimeWindow& window,
                                               const SeriesOptions& options);

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_SCHEDULE_RECURRENCE_ENGINE_HPP_
