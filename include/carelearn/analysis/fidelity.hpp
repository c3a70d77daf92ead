// carelearn/analysis/fidelity.hpp
//
// Defines the evaluator's fidelity measures: how closely held sessions kept
// to their format (Carroll et al. 2007's adherence to content, and dose as
// the time given to each part), as numbers rather than diagnostic text:
//
//   - `StepBudgets`: per held step, its minutes against the step's budget for
//     the number of people present (the plan layer's timing: a round of ca.
//     1 minute each takes 12 minutes with 12 people; an open step gets its
//     share of the planned duration), and the overrun;
//   - `MeasureSessionFidelity`: per held session, the format's steps held,
//     skipped and reordered, steps over budget, questions used of those the
//     format offers (the 8 learning questions), outputs produced against
//     those declared ("at least one learning point"), the facilitator;
//   - `MeasureFidelity`: the same per unit × format × period;
//   - `MeasureStepFidelity`: minutes per step against budget per unit ×
//     format × period × step, the figure of step minutes against budget.
//
// docs/metrics.md defines every column. Formats are looked up in a catalog
// by id and version (the newest version when the session's is missing);
// sessions of a format the catalog lacks are counted with NaN figures.
//
// Example:
//
//   carelearn::FidelityOptions options;
//   options.catalog = &carelearn::BuiltinCatalog();
//   carelearn::StepBudgetTable b = carelearn::StepBudgets(tables, options);
//   b.overrun_minutes[3];  // 2.5: the round took 14.5 minutes, 12 were budgeted
#ifndef CARELEARN_ANALYSIS_FIDELITY_HPP_
#define CARELEARN_ANALYSIS_FIDELITY_HPP_

#include <cstdint>
#include <string>
#include <vector>

#include "carelearn/analysis/result.hpp"
#include "carelearn/analysis/tables.hpp"
#include "carelearn/io/builtin_catalog.hpp"
#include "carelearn/model/catalog.hpp"
#include "carelearn/model/time_budget.hpp"

namespace carelearn {

/// What fidelity is measured against.
struct FidelityOptions {
  /// The formats and question sets; not owned, must not be null.
  const Catalog* catalog = &BuiltinCatalog();
  WorkingDay day;         ///< The length of a working day, for budgets in days.
  PeriodGrouping period;  ///< The periods of the aggregated tables (by planned start).
};

/// One row per row of `SessionTables::steps` (the same order): the step's
/// minutes against its budget for the people present.
struct StepBudgetTable {
  std::vector<std::int64_t> session;  ///< The session's row in `SessionTables::sessions`.
  /// The step's 0-based place in the format; -1 when the format lacks the
  /// step or the catalog lacks the format.
  std::vector<std::int64_t> format_position;
  std::vector<std::int64_t> people;  ///< The people present: the session's participants.
  std::vector<double> minutes;       ///< How long the step took.
  /// The shortest the budget allows for `people`; for an open step, its share
  /// of the planned duration; NaN when the step is not in the format.
  std::vector<double> budget_min;
  std::vector<double> budget_max;  ///< The longest the budget allows; NaN likewise.
  /// minutes − budget_max when positive, else 0; NaN when the budget is unknown.
  std::vector<double> overrun_minutes;
  std::vector<std::uint8_t> over;        ///< 1 when minutes > budget_max (by more than 1e-6).
  std::vector<std::uint8_t> under;       ///< 1 when minutes < budget_min (by more than 1e-6).
  std::vector<std::uint8_t> suppressed;  ///< Set by `SuppressSmallCells` (never, here).

  /// The number of rows.
  [[nodiscard]] std::size_t size() const { return session.size(); }
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
    return {{"session", R::kKey, &t.session},
            {"format_position", R::kValue, &t.format_position},
            {"people", R::kValue, &t.people},
            {"minutes", R::kValue, &t.minutes},
            {"budget_min", R::kValue, &t.budget_min},
            {"budget_max", R::kValue, &t.budget_max},
            {"overrun_minutes", R::kValue, &t.overrun_minutes},
            {"over", R::kValue, &t.over},
            {"under", R::kValue, &t.under},
            {"suppressed", R::kFlag, &t.suppressed}};
  }
};

/// The steps of `tables` against their budgets.
///
/// Example:
///
///   carelearn::StepBudgetTable b = carelearn::StepBudgets(tables);
[[nodiscard]] StepBudgetTable StepBudgets(const SessionTables& tables,
                                          const FidelityOptions& options = {});

/// One row per held session, in session row order (cancelled sessions are left out).
struct SessionFidelityTable {
  std::vector<std::int64_t> session;          ///< The session's row in `SessionTables::sessions`.
  std::vector<std::uint8_t> format_known;     ///< 0 when the catalog lacks the format.
  std::vector<std::int64_t> people;           ///< The participants.
  std::vector<std::int64_t> steps_in_format;  ///< The format's steps.
  std::vector<std::int64_t> steps_held;       ///< Distinct steps of the format that were held.
  std::vector<std::int64_t> steps_skipped;    ///< Steps of the format not held.
  std::vector<std::int64_t> steps_unknown;    ///< Held steps the format does not have.
  /// Held steps out of the format's order: the held steps of the format less
  /// the longest run of them that keeps the format's order (so one step moved
  /// counts 1, whatever the distance).
  std::vector<std::int64_t> steps_reordered;
  std::vector<std::int64_t> steps_over;  ///< Held steps over their budget's maximum.
  std::vector<double> overrun_minutes;   ///< The sum of their overruns.
  std::vector<double> minutes;           ///< The held steps' minutes in all.
  std::vector<double> budget_max;        ///< The format's longest time for the people present.
  /// Distinct question ids the format offers: its steps' prompts and their
  /// question sets' (8 for the learning meeting's learning questions).
  std::vector<std::int64_t> questions_offered;
  std::vector<std::int64_t> questions_used;    ///< Distinct offered questions that were used.
  std::vector<std::int64_t> learning_points;   ///< Learning points recorded.
  std::vector<std::int64_t> outputs_declared;  ///< Outputs the format declares (kinds).
  std::vector<std::int64_t> outputs_met;       ///< Declared outputs whose count is within min..max.
  std::vector<std::uint8_t> facilitator_required;  ///< 1 when the format needs a facilitator.
  std::vector<std::uint8_t> facilitator_present;   ///< 1 when a participant has the role.
  std::vector<std::uint8_t> suppressed;            ///< Set by `SuppressSmallCells` (never, here).

  /// The number of rows.
  [[nodiscard]] std::size_t size() const { return session.size(); }
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
    return {{"session", R::kKey, &t.session},
            {"format_known", R::kValue, &t.format_known},
            {"people", R::kValue, &t.people},
            {"steps_in_format", R::kValue, &t.steps_in_format},
            {"steps_held", R::kValue, &t.steps_held},
            {"steps_skipped", R::kValue, &t.steps_skipped},
            {"steps_unknown", R::kValue, &t.steps_unknown},
            {"steps_reordered", R::kValue, &t.steps_reordered},
            {"steps_over", R::kValue, &t.steps_over},
            {"overrun_minutes", R::kValue, &t.overrun_minutes},
            {"minutes", R::kValue, &t.minutes},
            {"budget_max", R::kValue, &t.budget_max},
            {"questions_offered", R::kValue, &t.questions_offered},
            {"questions_used", R::kValue, &t.questions_used},
            {"learning_points", R::kValue, &t.learning_points},
            {"outputs_declared", R::kValue, &t.outputs_declared},
            {"outputs_met", R::kValue, &t.outputs_met},
            {"facilitator_required", R::kValue, &t.facilitator_required},
            {"facilitator_present", R::kValue, &t.facilitator_present},
            {"suppressed", R::kFlag, &t.suppressed}};
  }
};

/// Fidelity of each held session.
///
/// Example:
///
///   carelearn::SessionFidelityTable f = carelearn::MeasureSessionFidelity(tables);
///   f.questions_used[0];  // 3 of f.questions_offered[0] == 8
[[nodiscard]] SessionFidelityTable MeasureSessionFidelity(const SessionTables& tables,
                                                          const FidelityOptions& options = {});

/// Fidelity per unit × format × period (of the planned start), over held
/// sessions of formats the catalog has; sorted by unit, format, period start.
struct FidelityTable {
  std::vector<std::string> unit;           ///< The unit that held the sessions.
  std::vector<std::string> format;         ///< The format's id.
  std::vector<std::string> period;         ///< The period's label.
  std::vector<std::int64_t> period_start;  ///< Its first day (days since 1970-01-01).
  std::vector<std::int64_t> sessions;      ///< Held sessions of a known format.
  std::vector<double> steps_held_share;    ///< Mean of steps_held / steps_in_format.
  std::vector<double> all_steps_share;     ///< Share of sessions with no step skipped.
  std::vector<double> reordered_share;     ///< Share of sessions with a step out of order.
  /// Overrun rate: held steps over budget / held steps with a known budget.
  std::vector<double> overrun_rate;
  std::vector<double> overrun_minutes_mean;  ///< Mean overrun minutes per session.
  std::vector<double> questions_used_mean;   ///< Mean questions used per session.
  /// Mean of questions_used / questions_offered, over sessions whose format offers some.
  std::vector<double> questions_share;
  std::vector<double> learning_points_mean;  ///< Mean learning points per session.
  /// Share of sessions meeting every declared output, over sessions of formats that declare some.
  std::vector<double> outputs_met_share;
  /// Share of sessions with a facilitator, over those whose format needs one.
  std::vector<double> facilitator_share;
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
            {"steps_held_share", R::kValue, &t.steps_held_share},
            {"all_steps_share", R::kValue, &t.all_steps_share},
            {"reordered_share", R::kValue, &t.reordered_share},
            {"overrun_rate", R::kValue, &t.overrun_rate},
            {"overrun_minutes_mean", R::kValue, &t.overrun_minutes_mean},
            {"questions_used_mean", R::kValue, &t.questions_used_mean},
            {"questions_share", R::kValue, &t.questions_share},
            {"learning_points_mean", R::kValue, &t.learning_points_mean},
            {"outputs_met_share", R::kValue, &t.outputs_met_share},
            {"facilitator_share", R::kValue, &t.facilitator_share},
            {"suppressed", R::kFlag, &t.suppressed}};
  }
};

/// Fidelity per unit × format × period.
///
/// Example:
///
///   carelearn::FidelityTable f = carelearn::MeasureFidelity(tables);
[[nodiscard]] FidelityTable MeasureFidelity(const SessionTables& tables,
                                            const FidelityOptions& options = {});

/// Step minutes against budget per unit × format × period × step, over the
/// held sessions of known formats; sorted by unit, format, period start, then
/// the step's place in the format.
struct StepFidelityTable {
  std::vector<std::string> unit;             ///< The unit.
  std::vector<std::string> format;           ///< The format's id.
  std::vector<std::string> period;           ///< The period's label.
  std::vector<std::int64_t> period_start;    ///< Its first day (days since 1970-01-01).
  std::vector<std::string> step;             ///< The step's id.
  std::vector<std::int64_t> position;        ///< Its 0-based place in the format.
  std::vector<std::int64_t> sessions;        ///< Held sessions of the format.
  std::vector<std::int64_t> held;            ///< Of which held the step.
  std::vector<double> minutes_mean;          ///< Mean minutes when held.
  std::vector<double> minutes_median;        ///< Median minutes when held.
  std::vector<double> budget_min_mean;       ///< Mean of the budget's minimum for those present.
  std::vector<double> budget_max_mean;       ///< Mean of the budget's maximum.
  std::vector<double> overrun_rate;          ///< Share of holdings over the maximum.
  std::vector<double> overrun_minutes_mean;  ///< Mean overrun minutes when held.
  std::vector<std::uint8_t> suppressed;      ///< Set by `SuppressSmallCells` (never, here).

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
            {"step", R::kKey, &t.step},
            {"position", R::kKey, &t.position},
            {"sessions", R::kValue, &t.sessions},
            {"held", R::kValue, &t.held},
            {"minutes_mean", R::kValue, &t.minutes_mean},
            {"minutes_median", R::kValue, &t.minutes_median},
            {"budget_min_mean", R::kValue, &t.budget_min_mean},
            {"budget_max_mean", R::kValue, &t.budget_max_mean},
            {"overrun_rate", R::kValue, &t.overrun_rate},
            {"overrun_minutes_mean", R::kValue, &t.overrun_minutes_mean},
            {"suppressed", R::kFlag, &t.suppressed}};
  }
};

/// Step minutes against budget per unit × format × period × step.
///
/// Example:
///
///   carelearn::StepFidelityTable s = carelearn::MeasureStepFidelity(tables);
[[nodiscard]] StepFidelityTable MeasureStepFidelity(const SessionTables& tables,
                                                    const FidelityOptions& options = {});

}  // namespace carelearn

#endif  // CARELEARN_ANALYSIS_FIDELITY_HPP_
