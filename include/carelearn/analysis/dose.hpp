// carelearn/analysis/dose.hpp
//
// Defines `MeasureDose`, Carroll et al.'s dose (how much of the intervention
// its participants received) as learning hours per person per period: each
// session's minutes times the people who took part, summed per person and
// averaged over the unit's roster (people who took no part count as 0),
// against the hours the programme planned for the unit in the period.
// docs/metrics.md defines it.
//
// Example:
//
//   auto schedule = carelearn::Expand(programme, year, calendar);
//   carelearn::DoseTable dose = carelearn::MeasureDose(tables, roster, &*schedule);
//   dose.hours_per_person_mean[0];       // 0.75
//   dose.planned_hours_per_person[0];    // 1.0: two half-hour meetings in March
#ifndef CARELEARN_ANALYSIS_DOSE_HPP_
#define CARELEARN_ANALYSIS_DOSE_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "carelearn/analysis/reach.hpp"
#include "carelearn/analysis/result.hpp"
#include "carelearn/analysis/tables.hpp"
#include "carelearn/record/roster.hpp"
#include "carelearn/schedule/programme.hpp"

namespace carelearn {

/// How dose is measured.
struct DoseOptions {
  PeriodGrouping period;  ///< The periods (month by default, Europe/Copenhagen).
  /// The days covered; none: from the first to the last day on which a
  /// session took place.
  std::optional<DayRange> days;
};

/// Dose per unit × period. Rows: every unit with roster staff in the
/// period, sorted by unit, then period start.
struct DoseTable {
  std::vector<std::string> unit;           ///< The unit, from the roster.
  std::vector<std::string> period;         ///< The period's label.
  std::vector<std::int64_t> period_start;  ///< Its first day (days since 1970-01-01).
  std::vector<std::int64_t> staff;      ///< People on the unit's roster on some day of the period.
  std::vector<std::int64_t> attendees;  ///< Of whom took part in at least one session.
  /// Learning hours received by the staff in all: per session taken part
  /// in (while in the unit), its minutes / 60.
  std::vector<double> hours;
  std::vector<double> hours_per_person_mean;    ///< hours / staff.
  std::vector<double> hours_per_person_median;  ///< The median over the staff, zeros included.
  /// The hours the programme planned for the unit in the period
  /// (`PlannedHoursPerUnit`: the occurrences it holds and the joint ones it
  /// attends): the dose of someone who attends everything; NaN without a schedule.
  std::vector<double> planned_hours_per_person;
  /// hours_per_person_mean / planned_hours_per_person; NaN when nothing was planned.
  std::vector<double> dose_ratio;
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
            {"period", R::kKey, &t.period},
            {"period_start", R::kKey, &t.period_start},
            {"staff", R::kPeople, &t.staff},
            {"attendees", R::kPeople, &t.attendees},
            {"hours", R::kDerived, &t.hours},
            {"hours_per_person_mean", R::kDerived, &t.hours_per_person_mean},
            {"hours_per_person_median", R::kDerived, &t.hours_per_person_median},
            {"planned_hours_per_person", R::kValue, &t.planned_hours_per_person},
            {"dose_ratio", R::kDerived, &t.dose_ratio},
            {"suppressed", R::kFlag, &t.suppressed}};
  }
};

/// Dose of the sessions in `tables` for the staff on `roster`, against the
/// planned hours of `schedule` (nullptr: none).
///
/// A session's minutes are its actual end − actual start, or, without an
/// end, the sum of its steps' minutes; sessions that never began give none.
///
/// Example:
///
///   carelearn::DoseTable dose = carelearn::MeasureDose(tables, roster, nullptr);
[[nodiscard]] DoseTable MeasureDose(const SessionTables& tables, const Roster& roster,
                                    const Schedule* schedule, const DoseOptions& options = {});

}  // namespace carelearn

#endif  // CARELEARN_ANALYSIS_DOSE_HPP_
