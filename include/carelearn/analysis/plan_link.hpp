// carelearn/analysis/plan_link.hpp
//
// Defines `LinkSessions`, which links the sessions that were recorded to the
// occurrences a programme planned (a `Schedule`), so that cadence can say of
// every planned occurrence whether it was held, cancelled or not recorded at
// all, and of every session whether it was planned.
//
// The rule (docs/metrics.md, "Plan and record"):
//   - a session and an occurrence can be linked when the session's unit is
//     the occurrence's unit (for a joint entry, its host), its format id is
//     the occurrence's format id (versions are not compared), and the
//     session's planned start lies in the window around the occurrence's
//     start: by default on the same local calendar day (Europe/Copenhagen),
//     or, with `LinkWindow::kWithin`, no more than `tolerance` away (the
//     half of a cadence interval: 7 days for a meeting every other week);
//   - links are one-to-one and nearest first: of all the possible pairs, the
//     one with the smallest distance in time is linked first, then the next
//     among those left; ties go to the earlier occurrence, then to a held
//     session before a cancelled one, then to the smaller session id, then
//     to the earlier row (only identical duplicates reach this last step);
//   - an occurrence linked to a held session is held, to a cancelled session
//     cancelled, and without a session not recorded; a session without an
//     occurrence is unplanned (a unit with no programme has only unplanned
//     sessions; a second session on the day of one occurrence is unplanned).
// The result does not depend on the order of the sessions.
//
// Sessions do not yet name the occurrence they realise (a programme, entry
// and occurrence start or a stable occurrence id); when they do, that link
// will come first and this matching will serve the sessions without it.
//
// Example:
//
//   auto schedule = carelearn::Expand(programme, window, calendar);
//   carelearn::PlanLink link = carelearn::LinkSessions(tables, *schedule);
//   link.outcome[0];     // OccurrenceOutcome::kHeld
//   link.occurrence[7];  // -1: session row 7 was not planned
#ifndef CARELEARN_ANALYSIS_PLAN_LINK_HPP_
#define CARELEARN_ANALYSIS_PLAN_LINK_HPP_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "absl/time/time.h"
#include "carelearn/analysis/tables.hpp"
#include "carelearn/schedule/programme.hpp"
#include "carelearn/schedule/recurrence.hpp"

namespace carelearn {

/// What became of a planned occurrence.
enum class OccurrenceOutcome : std::uint8_t {
  kHeld = 0,         ///< A held session was linked to it.
  kCancelled = 1,    ///< A cancelled session was linked to it.
  kNotRecorded = 2,  ///< No session was linked to it: neither held nor cancelled.
};

/// Returns the canonical name of `outcome`: "held", "cancelled" or "not-recorded".
std::string_view OccurrenceOutcomeName(OccurrenceOutcome outcome);

/// How far a session may lie from an occurrence to be linked to it.
enum class LinkWindow {
  kSameLocalDay,  ///< On the same local calendar day in `LinkOptions::zone`.
  kWithin,        ///< No more than `LinkOptions::tolerance` before or after.
};

/// How sessions are linked to occurrences.
struct LinkOptions {
  LinkWindow window = LinkWindow::kSameLocalDay;  ///< The window's kind.
  /// For `kWithin`: the largest distance between the session's planned start
  /// and the occurrence's start (inclusive).
  absl::Duration tolerance = absl::ZeroDuration();
  absl::TimeZone zone = CopenhagenTimeZone();  ///< Whose calendar days `kSameLocalDay` compares.
};

/// Sessions linked to planned occurrences; see this file's banner for the rule.
struct PlanLink {
  /// Per occurrence (`Schedule::occurrences` order): the linked session's row, or -1.
  std::vector<std::int64_t> session;
  /// Per occurrence: what became of it (`OccurrenceOutcome` as a number).
  std::vector<std::uint8_t> outcome;
  /// Per session row: the linked occurrence's index, or -1 when the session was not planned.
  std::vector<std::int64_t> occurrence;

  /// The number of sessions linked to no occurrence.
  [[nodiscard]] std::size_t Unplanned() const;

  /// Links are equal when every column is.
  friend bool operator==(const PlanLink&, const PlanLink&) = default;
};

/// Links the sessions of `tables` to the occurrences of `schedule`.
///
/// Example:
///
///   carelearn::LinkOptions within;
///   within.window = carelearn::LinkWindow::kWithin;
///   within.tolerance = absl::Hours(24 * 7);  // half of every other week
///   carelearn::PlanLink link = carelearn::LinkSessions(tables, schedule, within);
[[nodiscard]] PlanLink LinkSessions(const SessionTables& tables, const Schedule& schedule,
                                    const LinkOptions& options = {});

}  // namespace carelearn

#endif  // CARELEARN_ANALYSIS_PLAN_LINK_HPP_
