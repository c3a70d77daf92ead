// carelearn/analysis/cadence.hpp
//
// Defines `Cadence`, the evaluator's measure of whether the units kept the
// fixed interval: per unit, format and calendar period, how many occurrences
// were planned, held, cancelled (by reason) and not recorded, the adherence
// (held / planned), the longest gap between held sessions, how regular the
// intervals were against the format's cadence, and maintenance (adherence in
// the second half of the period against the first). docs/metrics.md defines
// every column (RE-AIM's implementation and maintenance; Carroll et al.'s
// adherence to frequency).
//
// Example:
//
//   auto schedule = carelearn::Expand(programme, year, calendar);
//   carelearn::CadenceOptions options;
//   options.period.kind = carelearn::PeriodKind::kQuarter;
//   carelearn::CadenceTable c = carelearn::MeasureCadence(tables, *schedule, options);
//   c.adherence[0];  // 0.83: 5 of 6 planned meetings held in 2026-Q1
#ifndef CARELEARN_ANALYSIS_CADENCE_HPP_
#define CARELEARN_ANALYSIS_CADENCE_HPP_

#include <cstdint>
#include <string>
#include <vector>

#include "carelearn/analysis/plan_link.hpp"
#include "carelearn/analysis/result.hpp"
#include "carelearn/analysis/tables.hpp"
#include "carelearn/io/builtin_catalog.hpp"
#include "carelearn/model/catalog.hpp"
#include "carelearn/schedule/programme.hpp"

namespace carelearn {

/// How cadence is measured.
struct CadenceOptions {
  PeriodGrouping period;  ///< The periods rows are grouped by (month by default).
  LinkOptions link;       ///< How sessions are linked to occurrences.
  /// Where formats' cadences come from (for `cadence_days` and regularity);
  /// nullptr leaves them NaN. Not owned.
  const Catalog* catalog = &BuiltinCatalog();
};

/// Cadence per unit × format × period. Rows: every (unit, format, period)
/// with a planned occurrence or a recorded session, sorted by unit, format,
/// then period start. Counts are of sessions, not of people: nothing here is
/// withheld by small-cell suppression.
struct CadenceTable {
  std::vector<std::string> unit;           ///< The unit (the host, for a joint entry).
  std::vector<std::string> format;         ///< The format's id.
  std::vector<std::string> period;         ///< "2026-03", "2026-Q1" or "2026".
  std::vector<std::int64_t> period_start;  ///< The period's first day, in days since 1970-01-01.
  std::vector<std::int64_t> planned;       ///< Occurrences planned to start in the period.
  std::vector<std::int64_t> held;          ///< Planned and linked to a held session.
  std::vector<std::int64_t> cancelled;     ///< Planned and linked to a cancelled session.
  std::vector<std::int64_t> cancelled_staffing;        ///< Of which for too few staff.
  std::vector<std::int64_t> cancelled_workload;        ///< Of which for acute work.
  std::vector<std::int64_t> cancelled_no_facilitator;  ///< Of which for want of a facilitator.
  std::vector<std::int64_t> cancelled_holiday;         ///< Of which for a holiday or closure.
  std::vector<std::int64_t> cancelled_other;           ///< Of which for another reason.
  std::vector<std::int64_t>
      not_recorded;  ///< Planned, and no session linked: planned − held − cancelled.
  std::vector<std::int64_t> unplanned_held;       ///< Held sessions linked to no occurrence.
  std::vector<std::int64_t> unplanned_cancelled;  ///< Cancelled sessions linked to no occurrence.
  std::vector<double> adherence;                  ///< held / planned; NaN when nothing was planned.
  /// The longest interval, in local calendar days, between two consecutive
  /// held sessions of the unit and format (planned or not) of which the later
  /// one is in the period; NaN when there is none.
  std::vector<double> longest_gap_days;
  std::vector<std::int64_t> intervals;       ///< How many such intervals end in the period.
  std::vector<double> interval_median_days;  ///< Their median, in days; NaN when none.
  /// Regularity: the median absolute deviation of the intervals from the
  /// format's cadence interval (`cadence_days`), in days; 0 is perfectly
  /// regular; NaN without intervals or without a cadence.
  std::vector<double> interval_mad_days;
  std::vector<double> cadence_days;  ///< The format's interval in days (14 for every other week).
  /// held / planned for the occurrences in the first half of the period
  /// (days before start + ⌊length / 2⌋); NaN when none was planned there.
  std::vector<double> adherence_first_half;
  std::vector<double> adherence_second_half;  ///< The same for the second half.
  /// Maintenance: second-half adherence − first-half adherence; negative when it fell.
  std::vector<double> maintenance;
  std::vector<std::uint8_t> suppressed;  ///< Set by `SuppressSmallCells` (never, here).

  /// The number of rows.
  [[nodiscard]] std::size_t size() const { return unit.size(); }
  /// The columns, in the order above, for a DataFrame.
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
            {"format", R::kKey, &t.format},
            {"period", R::kKey, &t.period},
            {"period_start", R::kKey, &t.period_start},
            {"planned", R::kValue, &t.planned},
            {"held", R::kValue, &t.held},
            {"cancelled", R::kValue, &t.cancelled},
            {"cancelled_staffing", R::kValue, &t.cancelled_staffing},
            {"cancelled_workload", R::kValue, &t.cancelled_workload},
            {"cancelled_no_facilitator", R::kValue, &t.cancelled_no_facilitator},
            {"cancelled_holiday", R::kValue, &t.cancelled_holiday},
            {"cancelled_other", R::kValue, &t.cancelled_other},
            {"not_recorded", R::kValue, &t.not_recorded},
            {"unplanned_held", R::kValue, &t.unplanned_held},
            {"unplanned_cancelled", R::kValue, &t.unplanned_cancelled},
            {"adherence", R::kValue, &t.adherence},
            {"longest_gap_days", R::kValue, &t.longest_gap_days},
            {"intervals", R::kValue, &t.intervals},
            {"interval_median_days", R::kValue, &t.interval_median_days},
            {"interval_mad_days", R::kValue, &t.interval_mad_days},
            {"cadence_days", R::kValue, &t.cadence_days},
            {"adherence_first_half", R::kValue, &t.adherence_first_half},
            {"adherence_second_half", R::kValue, &t.adherence_second_half},
            {"maintenance", R::kValue, &t.maintenance},
            {"suppressed", R::kFlag, &t.suppressed}};
  }
};

/// Cadence of the sessions in `tables` against the occurrences of `schedule`.
///
/// Example:
///
///   carelearn::CadenceTable c = carelearn::MeasureCadence(tables, *schedule);
[[nodiscard]] CadenceTable MeasureCadence(const SessionTables& tables, const Schedule& schedule,
                                          const CadenceOptions& options = {});

/// Cadence with a link already made (`LinkSessions(tables, schedule, ...)`),
/// so that several measures share one; `options.link` is not used. A link
/// whose sizes do not fit the tables and the schedule is made anew.
///
/// Example:
///
///   carelearn::PlanLink link = carelearn::LinkSessions(tables, *schedule);
///   carelearn::CadenceTable c = carelearn::MeasureCadence(tables, *schedule, link);
[[nodiscard]] CadenceTable MeasureCadence(const SessionTables& tables, const Schedule& schedule,
                                          const PlanLink& link, const CadenceOptions& options = {});

}  // namespace carelearn

#endif  // CARELEARN_ANALYSIS_CADENCE_HPP_
