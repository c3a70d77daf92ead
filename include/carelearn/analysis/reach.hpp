// carelearn/analysis/reach.hpp
//
// Defines `MeasureReach`, RE-AIM's reach within the staff: of the people on
// a unit's roster in a period, how many took part in a learning session, how
// many in at least k, and how many were never reached (a count, never who).
// A person is counted in the unit (and profession and shift) their roster
// membership gives on the day of the session, so a person who moved unit
// mid-period is on both units' rosters for that period and reached in the
// one they belonged to when they took part. docs/metrics.md defines it.
//
// Example:
//
//   carelearn::ReachOptions options;
//   options.period.kind = carelearn::PeriodKind::kQuarter;
//   options.by_profession = true;
//   carelearn::ReachTable reach = carelearn::MeasureReach(tables, roster, options);
//   carelearn::SuppressSmallCells(reach);  // before it leaves the organisation
#ifndef CARELEARN_ANALYSIS_REACH_HPP_
#define CARELEARN_ANALYSIS_REACH_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "carelearn/analysis/result.hpp"
#include "carelearn/analysis/tables.hpp"
#include "carelearn/record/roster.hpp"

namespace carelearn {

/// The calendar days a roster measure covers (both included).
struct DayRange {
  absl::CivilDay first;  ///< The first day.
  absl::CivilDay last;   ///< The last day (inclusive).
};

/// How reach is measured.
struct ReachOptions {
  PeriodGrouping period;       ///< The periods (month by default, Europe/Copenhagen).
  bool by_profession = false;  ///< Split each unit's rows by the roster's profession.
  bool by_shift = false;       ///< Split each unit's rows by the roster's shift.
  int min_sessions = 2;        ///< k in "reached by at least k sessions".
  /// The days covered; none: from the first to the last day on which a
  /// session took place. Every period touching the range has rows.
  std::optional<DayRange> days;
};

/// Reach per unit (× profession × shift) × period. Rows: every group with
/// someone on the roster or someone off the roster who took part, sorted by
/// unit, profession, shift, then period start.
struct ReachTable {
  std::vector<std::string> unit;           ///< The unit, from the roster.
  std::vector<std::string> profession;     ///< The profession; "" when not split by profession.
  std::vector<std::string> shift;          ///< The shift's name; "" when not split by shift.
  std::vector<std::string> period;         ///< The period's label.
  std::vector<std::int64_t> period_start;  ///< Its first day (days since 1970-01-01).
  /// Staff: distinct people with a roster membership in the group that covers
  /// a day of the period.
  std::vector<std::int64_t> staff;
  /// Reached: of those, the people who took part in a session (held, or
  /// cancelled part-way after it began) in the period while in the group.
  std::vector<std::int64_t> reached;
  std::vector<double> reached_share;  ///< reached / staff; NaN when no staff.
  /// Of the staff, the people who took part in at least `min_sessions` sessions.
  std::vector<std::int64_t> reached_k;
  std::vector<double> reached_k_share;      ///< reached_k / staff.
  std::vector<std::int64_t> never_reached;  ///< staff − reached.
  /// People who took part, recorded in this unit (profession, shift), and
  /// were on no roster that day: a sign of an incomplete roster.
  std::vector<std::int64_t> off_roster;
  std::vector<std::uint8_t> suppressed;  ///< Set by `SuppressSmallCells`.

  /// The number of rows.
  [[nodiscard]] std::size_t size() const { return unit.size(); }
  /// The columns, in the order above.
  [[nodiscard]] std::vector<ResultColumn> Columns() const { return List<ResultColumn>(*this); }
  /// The columns, writable, for `SuppressSmallCells`.
  [[nodiscard]] std::vector<MutableResultColumn> MutableColumns() {
    return List<MutableResultColumn>(*this);
  }

 private:
  template <typename Column, typename Self>
  static std::vector<Column> List(Self& t) {
    using R = ColumnRole;
    return {{"unit", R::kKey, &t.unit},
            {"profession", R::kKey, &t.profession},
            {"shift", R::kKey, &t.shift},
            {"period", R::kKey, &t.period},
            {"period_start", R::kKey, &t.period_start},
            {"staff", R::kPeople, &t.staff},
            {"reached", R::kPeople, &t.reached},
            {"reached_share", R::kDerived, &t.reached_share},
            {"reached_k", R::kPeople, &t.reached_k},
            {"reached_k_share", R::kDerived, &t.reached_k_share},
            {"never_reached", R::kPeople, &t.never_reached},
            {"off_roster", R::kPeople, &t.off_roster},
            {"suppressed", R::kFlag, &t.suppressed}};
  }
};

/// Reach of the sessions in `tables` against `roster`.
///
/// Example:
///
///   carelearn::ReachTable reach = carelearn::MeasureReach(tables, roster);
[[nodiscard]] ReachTable MeasureReach(const SessionTables& tables, const Roster& roster,
                                      const ReachOptions& options = {});

}  // namespace carelearn

#endif  // CARELEARN_ANALYSIS_REACH_HPP_
