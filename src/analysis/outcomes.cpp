#include "carelearn/analysis/outcomes.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "analysis/common.hpp"

namespace carelearn {
namespace {

struct OutcomeSums {
  std::int64_t sessions = 0;
  std::int64_t learning_points = 0;
  std::int64_t actions = 0;
  std::int64_t started = 0;
  std::int64_t by_status[4] = {0, 0, 0, 0};
  std::int64_t overdue = 0;
};

constexpr std::int32_t kInProgress = 1;
constexpr std::int32_t kDone = 2;

}  // namespace

OutcomeTable MeasureOutcomes(const SessionTables& tables, const OutcomeOptions& options) {
  const SessionsTable& s = tables.sessions;
  const ActionsTable& actions = tables.actions;
  const ActionChangesTable& changes = tables.action_changes;
  const PeriodGrouping& grouping = options.period;
  const bool finite = options.as_of != absl::InfiniteFuture();
  const std::int64_t as_of =
      finite ? absl::ToUnixMicros(options.as_of) : std::numeric_limits<std::int64_t>::max();
  const std::int64_t as_of_day =
      finite ? DaysSinceEpoch(absl::ToCivilDay(options.as_of, grouping.zone)) : 0;
  const detail::SessionDays days = detail::ComputeSessionDays(s, grouping.zone);
  detail::PeriodTable periods = detail::MakePeriodTable(grouping, days);
  detail::Interner names;
  const std::vector<std::int32_t> unit_ids = detail::InternDictionary(s.unit, names);
  const std::vector<std::int32_t> format_ids = detail::InternDictionary(s.format_id, names);

  detail::RowIndex<3> rows;
  std::vector<OutcomeSums> sums;
  std::vector<std::int64_t> row_of_session(s.size(), -1);
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (days.held[i] == 0 || s.planned_start[i] > as_of) continue;
    const std::int32_t unit = detail::IdAt(s.unit, unit_ids, i);
    const std::int32_t format = detail::IdAt(s.format_id, format_ids, i);
    if (unit < 0 || format < 0) continue;
    const std::size_t r = rows.Row({unit, format, periods.Start(days.planned_day[i])});
    if (r == sums.size()) sums.emplace_back();
    row_of_session[i] = static_cast<std::int64_t>(r);
    ++sums[r].sessions;
    sums[r].learning_points += s.learning_point_count[i];
  }

  const detail::ByParent history = detail::GroupByParent(changes.action, actions.size());
  std::vector<std::pair<std::size_t, double>> to_done;  // (row, days)
  std::vector<std::size_t> order;
  for (std::size_t a = 0; a < actions.size(); ++a) {
    const auto session = static_cast<std::size_t>(actions.session[a]);
    if (row_of_session[session] < 0) continue;
    const auto r = static_cast<std::size_t>(row_of_session[session]);
    OutcomeSums& sum = sums[r];
    ++sum.actions;
    // The changes up to `as_of`, oldest first (by position: times never go back).
    const auto list = history.Of(a);
    order.assign(list.begin(), list.end());
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
      return changes.position[x] < changes.position[y];
    });
    std::int32_t status = 0;
    bool started = false;
    std::int64_t done_at = kNullTimestamp;
    for (const std::size_t c : order) {
      if (changes.at[c] > as_of) break;
      status = changes.status.codes[c];
      if (status == kInProgress || status == kDone) started = true;
      if (status == kDone && done_at == kNullTimestamp) done_at = changes.at[c];
    }
    if (status < 0 || status > 3) status = 0;
    ++sum.by_status[status];
    sum.started += started ? 1 : 0;
    if (status == kDone) {
      std::int64_t proposed = actions.proposed_at[a];
      if (proposed == kNullTimestamp) {
        proposed = s.actual_start[session] != kNullTimestamp ? s.actual_start[session]
                                                             : s.planned_start[session];
      }
      to_done.emplace_back(r, static_cast<double>(done_at - proposed) / 86'400e6);
    }
    if (finite && (status == 0 || status == kInProgress) && actions.due[a] != kNullDay &&
        actions.due[a] < as_of_day) {
      ++sum.overdue;
    }
  }
  detail::SortPairs(to_done, rows.size());

  OutcomeTable t;
  const std::vector<std::size_t> sorted =
      detail::SortedRows(rows, [&](std::size_t part, std::int64_t a, std::int64_t b) {
        if (part <= 1) {
          return names.Name(static_cast<std::int32_t>(a)) <
                 names.Name(static_cast<std::int32_t>(b));
        }
        return a < b;
      });
  std::vector<double> values;
  for (const std::size_t r : sorted) {
    const auto& k = rows.keys()[r];
    const OutcomeSums& a = sums[r];
    t.unit.push_back(names.Name(static_cast<std::int32_t>(k[0])));
    t.format.push_back(names.Name(static_cast<std::int32_t>(k[1])));
    t.period.push_back(periods.Label(k[2]));
    t.period_start.push_back(k[2]);
    t.sessions.push_back(a.sessions);
    t.learning_points.push_back(a.learning_points);
    t.learning_points_per_session.push_back(
        detail::Share(static_cast<double>(a.learning_points), static_cast<double>(a.sessions)));
    t.actions.push_back(a.actions);
    t.started.push_back(a.started);
    t.open.push_back(a.by_status[0]);
    t.in_progress.push_back(a.by_status[1]);
    t.done.push_back(a.by_status[2]);
    t.dropped.push_back(a.by_status[3]);
    t.done_rate.push_back(
        detail::Share(static_cast<double>(a.by_status[2]), static_cast<double>(a.actions)));
    values.clear();
    auto it = std::lower_bound(to_done.begin(), to_done.end(), std::pair(r, -1e300));
    for (; it != to_done.end() && it->first == r; ++it) values.push_back(it->second);
    t.median_days_to_done.push_back(detail::Median(values));
    t.overdue.push_back(a.overdue);
    t.suppressed.push_back(0);
  }
  return t;
}

}  // namespace carelearn
