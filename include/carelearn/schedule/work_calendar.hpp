// carelearn/schedule/work_calendar.hpp
//
// Defines `WorkCalendar`, the days on which learning is not held: the Danish
// public holidays (optionally also the days commonly given off) and closure
// periods — the summer holidays, the Christmas weeks, a unit's own days off —
// as inclusive ranges of civil days; `ClosedDayPolicy`, what becomes of an
// occurrence that falls on a closed day (kept, skipped, or moved to the next
// working day); and `ExpandOnCalendar`, which expands a `Recurrence` on a
// calendar with a policy.
//
// A working day is Monday to Friday and not closed. Weekends are not closed
// days: a series that is held on a Saturday stays on its Saturday.
//
// Example: the diploma module, not held in the Christmas weeks.
//
//   carelearn::WorkCalendar calendar;
//   auto added = calendar.AddClosure({absl::CivilDay(2018, 12, 22), absl::CivilDay(2019, 1, 1),
//                                     {"Juleferie", "Christmas holidays"}});
//   auto held = carelearn::ExpandOnCalendar(sessions, {}, calendar,
//                                           {carelearn::ClosedDayPolicy::kSkip, true});
#ifndef CARELEARN_SCHEDULE_WORK_CALENDAR_HPP_
#define CARELEARN_SCHEDULE_WORK_CALENDAR_HPP_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "carelearn/model/text.hpp"
#include "carelearn/schedule/holidays.hpp"
#include "carelearn/schedule/recurrence.hpp"

namespace carelearn {

/// What becomes of an occurrence that falls on a closed day.
enum class ClosedDayPolicy {
  kKeep,                  ///< It is held anyway (the calendar is not applied).
  kSkip,                  ///< It is not held.
  kMoveToNextWorkingDay,  ///< It is held at the same clock time on the next working day.
};

/// Returns the canonical name of `policy`: "keep", "skip" or "move-to-next-working-day".
std::string_view ClosedDayPolicyName(ClosedDayPolicy policy);

/// Parses a canonical policy name; std::nullopt when unknown.
std::optional<ClosedDayPolicy> ParseClosedDayPolicy(std::string_view name);

/// A period in which a workplace is closed for learning: both days included.
struct Closure {
  absl::CivilDay first = {};  ///< The first closed day.
  absl::CivilDay last = {};   ///< The last closed day (inclusive).
  Text reason = {};           ///< Why, e.g. {"Sommerferie", "Summer holidays"}; may be empty.
  /// The organisation unit it applies to (and, in a programme, that unit's
  /// sub-units); empty for every unit.
  std::string unit = {};

  /// Equal when every field is.
  friend bool operator==(const Closure&, const Closure&) = default;
};

/// The days on which learning is not held.
///
/// A value: copying it copies the closures. Lookups take O(log n) in the
/// number of closures; holidays are computed, not stored, so a calendar
/// serves any year.
class WorkCalendar {
 public:
  /// The Danish public holidays, without the days commonly given off, with no closures.
  WorkCalendar() = default;

  /// The Danish public holidays, and also grundlovsdag, juleaftensdag and
  /// nytårsaftensdag when `common_days_off` is true.
  explicit WorkCalendar(bool common_days_off) : common_days_off_(common_days_off) {}

  /// A calendar with no holidays at all, only the closures added to it.
  static WorkCalendar WithoutHolidays();

  /// True when the Danish holidays are closed days.
  [[nodiscard]] bool danish_holidays() const { return danish_holidays_; }

  /// True when the days commonly given off are closed days too.
  [[nodiscard]] bool common_days_off() const { return common_days_off_; }

  /// Adds a closure period.
  ///
  /// Errors: kInvalidArgument when `closure.last` is before `closure.first`.
  ///
  /// Example:
  ///
  ///   absl::Status s = calendar.AddClosure({absl::CivilDay(2026, 7, 6),
  ///                                         absl::CivilDay(2026, 7, 31),
  ///                                         {"Sommerferie", "Summer holidays"}});
  [[nodiscard]] absl::Status AddClosure(Closure closure);

  /// The closures, in the order they were added.
  [[nodiscard]] const std::vector<Closure>& closures() const { return closures_; }

  /// The holiday on `day` that this calendar keeps, if any.
  [[nodiscard]] std::optional<HolidayKind> HolidayOn(absl::CivilDay day) const;

  /// True when `day` is a holiday of this calendar or in a closure for every unit.
  [[nodiscard]] bool IsClosed(absl::CivilDay day) const;

  /// True when `day` is closed for every unit, or in a closure of one of `units`.
  [[nodiscard]] bool IsClosed(absl::CivilDay day, std::span<const std::string> units) const;

  /// True when `day` is Monday to Friday and `IsClosed(day)` is false.
  [[nodiscard]] bool IsWorkingDay(absl::CivilDay day) const;

  /// The first working day after `day`; std::nullopt when there is none in
  /// the ten years that follow (a closure that long).
  ///
  /// Example:
  ///
  ///   carelearn::WorkCalendar().NextWorkingDay(absl::CivilDay(2026, 4, 1));
  ///   // absl::CivilDay(2026, 4, 7): Thursday to Monday are Easter.
  [[nodiscard]] std::optional<absl::CivilDay> NextWorkingDay(absl::CivilDay day) const;

  /// This calendar as `units` see it: the closures for every unit and for
  /// any of `units` apply to everyone; the other units' closures are left out.
  ///
  /// Example:
  ///
  ///   std::vector<std::string> chain = {"egely", "area-north", "hoersholm"};
  ///   carelearn::WorkCalendar egely = calendar.ForUnits(chain);
  [[nodiscard]] WorkCalendar ForUnits(std::span<const std::string> units) const;

  /// The longest run of days closed by closures alone (merged where they
  /// touch); 0 without closures. Bounds how far a move can reach.
  [[nodiscard]] int LongestClosure() const;

  /// Calendars are equal when their holiday settings and closures are.
  friend bool operator==(const WorkCalendar& a, const WorkCalendar& b) {
    return a.danish_holidays_ == b.danish_holidays_ && a.common_days_off_ == b.common_days_off_ &&
           a.closures_ == b.closures_;
  }

 private:
  void Index();

  bool danish_holidays_ = true;
  bool common_days_off_ = false;
  std::vector<Closure> closures_;
  // The closures for every unit, merged and sorted: inclusive [first, last].
  std::vector<std::pair<absl::CivilDay, absl::CivilDay>> merged_;
};

/// How `ExpandOnCalendar` applies a calendar.
struct CalendarRules {
  ClosedDayPolicy policy = ClosedDayPolicy::kSkip;  ///< What a closed day does to an occurrence.
  /// When true, the rule's COUNT is the number of sessions actually held:
  /// starts left out by EXDATE or skipped for a closed day are made up for by
  /// continuing the series. When false, COUNT counts the rule's starts as RFC
  /// 5545 does, so a skipped start is a session fewer.
  bool count_held_sessions = false;

  /// Equal when both fields are.
  friend bool operator==(const CalendarRules&, const CalendarRules&) = default;
};

/// A series expanded on a calendar.
struct CalendarExpansion {
  /// The occurrences held that start in the window, sorted by start.
  std::vector<Occurrence> occurrences = {};
  /// The original local starts skipped for a closed day, ascending; for an
  /// iCalendar export these are EXDATEs. Those whose start lies in the window,
  /// or before it when the window has no beginning.
  std::vector<absl::CivilMinute> skipped = {};
  /// With `count_held_sessions`, the COUNT an RFC 5545 reader needs to give
  /// the same sessions (the rule's starts up to the last one held); none otherwise.
  std::optional<int> rule_count = {};

  /// Equal when every field is.
  friend bool operator==(const CalendarExpansion&, const CalendarExpansion&) = default;
};

/// The occurrences of `recurrence` in `window`, with the rule's starts and
/// the RDATEs that fall on a day `calendar` closes kept, skipped or moved by
/// `rules.policy`. An occurrence moved with a RECURRENCE-ID (`moves`) is where
/// the user put it: the calendar does not move it again. A start moved to the
/// next working day keeps its `original`, so it can be exported as a
/// RECURRENCE-ID; two starts moved to the same day both happen there.
///
/// Errors: those of `Expand`; kInvalidArgument when no working day follows a
/// closed day within ten years and the policy is to move.
///
/// Example:
///
///   auto held = carelearn::ExpandOnCalendar(meetings, year, carelearn::WorkCalendar(),
///                                           {carelearn::ClosedDayPolicy::kMoveToNextWorkingDay});
[[nodiscard]] absl::StatusOr<CalendarExpansion> ExpandOnCalendar(const Recurrence& recurrence,
                                                                 const TimeWindow& window,
                                                                 const WorkCalendar& calendar,
                                                                 const CalendarRules& rules = {});

}  // namespace carelearn

#endif  // CARELEARN_SCHEDULE_WORK_CALENDAR_HPP_
