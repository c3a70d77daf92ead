// carelearn/analysis/outcomes.hpp
//
// Defines `MeasureOutcomes`, what the learning produced: learning points per
// session, and the follow-through of the proposed organisational actions as
// a funnel (proposed → started → done, or dropped), the done rate, the
// median days from proposal to done and the actions overdue, all as of a
// date (Proctor et al. 2011's penetration into routines is what the actions
// stand for). docs/metrics.md defines every column.
//
// Example:
//
//   carelearn::OutcomeOptions options;
//   options.as_of = absl::FromCivil(absl::CivilDay(2026, 7, 1), carelearn::CopenhagenTimeZone());
//   carelearn::OutcomeTable o = carelearn::MeasureOutcomes(tables, options);
//   o.done_rate[0];  // 0.5
#ifndef CARELEARN_ANALYSIS_OUTCOMES_HPP_
#define CARELEARN_ANALYSIS_OUTCOMES_HPP_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "carelearn/analysis/result.hpp"
#include "carelearn/analysis/tables.hpp"

namespace carelearn {

/// How outcomes are measured.
struct OutcomeOptions {
  PeriodGrouping period;  ///< The periods, by the session's planned start.
  /// The moment statuses are read at: an action's status is that of its last
  /// change at or before it. Sessions planned after it are left out. Actions
  /// are overdue only against a finite `as_of`.
  absl::Time as_of = absl::InfiniteFuture();
};

/// Outcomes per unit × format × period of the held sessions, sorted by unit,
/// format, then period start.
struct OutcomeTable {
  std::vector<std::string> unit;                    ///< The unit that held the sessions.
  std::vector<std::string> format;                  ///< The format's id.
  std::vector<std::string> period;                  ///< The period's label.
  std::vector<std::int64_t> period_start;           ///< Its first day (days since 1970-01-01).
  std::vector<std::int64_t> sessions;               ///< Held sessions.
  std::vector<std::int64_t> learning_points;        ///< Learning points recorded.
  std::vector<double> learning_points_per_session;  ///< learning_points / sessions.
  std::vector<std::int64_t> actions;  ///< Organisational actions proposed (the funnel's top).
  /// Actions that were ever in progress or done by `as_of` (the funnel's second step).
  std::vector<std::int64_t> started;
  std::vector<std::int64_t> open;         ///< Actions whose status at `as_of` is open.
  std::vector<std::int64_t> in_progress;  ///< … in progress.
  std::vector<std::int64_t> done;         ///< … done.
  std::vector<std::int64_t> dropped;      ///< … dropped.
  std::vector<double> done_rate;          ///< done / actions; NaN without actions.
  /// The median of (done − proposed) in days over the done actions; the
  /// proposal time is the action's first change, else the session's start.
  std::vector<double> median_days_to_done;
  /// Actions with a due day before `as_of`'s local day that are open or in
  /// progress at `as_of`; 0 when `as_of` is infinite.
  std::vector<std::int64_t> overdue;
  std::vector<std::uint8_t> suppressed;  ///< Set by `SuppressSmallCells` (never, here).

  /// The number of rows.
  [[nodiscard]] std::size_t size() const { return unit.size(); }
  /// The columns, in the order above.
  [[nodiscard]] std::vector<ResultColumn> Columns() const { return List<ResultColumn>(*this); }
  /// The columns, writable.
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
            {"sessions", R::kValue, &t.sessions},
            {"learning_points", R::kValue, &t.learning_points},
            {"learning_points_per_session", R::kValue, &t.learning_points_per_session},
            {"actions", R::kValue, &t.actions},
            {"started", R::kValue, &t.started},
            {"open", R::kValue, &t.open},
            {"in_progress", R::kValue, &t.in_progress},
            {"done", R::kValue, &t.done},
            {"dropped", R::kValue, &t.dropped},
            {"done_rate", R::kValue, &t.done_rate},
            {"median_days_to_done", R::kValue, &t.median_days_to_done},
            {"overdue", R::kValue, &t.overdue},
            {"suppressed", R::kFlag, &t.suppressed}};
  }
};

/// Outcomes of the held sessions in `tables`.
///
/// Example:
///
///   carelearn::OutcomeTable o = carelearn::MeasureOutcomes(tables);
[[nodiscard]] OutcomeTable MeasureOutcomes(const SessionTables& tables,
                                           const OutcomeOptions& options = {});

}  // namespace carelearn

#endif  // CARELEARN_ANALYSIS_OUTCOMES_HPP_
