#include "carelearn/analysis/dose.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <tuple>
#include <utility>
#include <vector>

#include "analysis/common.hpp"
#include "analysis/roster_index.hpp"

namespace carelearn {

DoseTable MeasureDose(const SessionTables& tables, const Roster& roster, const Schedule* schedule,
                      const DoseOptions& options) {
  const SessionsTable& s = tables.sessions;
  const ParticipantsTable& part = tables.participants;
  const PeriodGrouping& grouping = options.period;
  detail::Interner names;
  const detail::RosterIndex idx(roster, part.person, names);
  const detail::SessionDays days = detail::ComputeSessionDays(s, grouping.zone);
  DoseTable t;
  const auto covered = detail::CoveredDays(options.days, days);
  if (!covered.has_value()) return t;
  const auto [first, last] = *covered;
  const std::vector<std::int64_t> periods = detail::PeriodStarts(grouping, first, last);
  const std::vector<std::int64_t> session_period = detail::SessionPeriods(grouping, days);

  // Each session's minutes.
  const detail::ByParent steps_of = detail::GroupByParent(tables.steps.session, s.size());
  std::vector<double> minutes(s.size(), 0.0);
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (days.took_place[i] == 0) continue;
    if (s.actual_end[i] != kNullTimestamp) {
      minutes[i] = static_cast<double>(s.actual_end[i] - s.actual_start[i]) / 60e6;
    } else {
      for (const std::size_t r : steps_of.Of(i)) minutes[i] += tables.steps.minutes[r];
    }
  }

  const std::vector<std::int32_t> period_of_session =
      detail::SessionPeriodIndex(periods, session_period);
  std::vector<std::int64_t> period_end(periods.size());
  for (std::size_t i = 0; i < periods.size(); ++i) {
    period_end[i] = DaysSinceEpoch(grouping.End(detail::DayFromEpoch(periods[i])));
  }
  detail::GroupPeriodRows<1> grid(periods);  // unit, period
  std::vector<std::pair<std::uint32_t, std::int32_t>> staff;
  std::vector<std::size_t> single;
  for (std::size_t m = 0; m < idx.unit.size(); ++m) {
    auto p = std::upper_bound(periods.begin(), periods.end(), idx.from[m]);
    if (p != periods.begin()) --p;
    for (; p != periods.end() && *p <= idx.to[m]; ++p) {
      const auto i = static_cast<std::size_t>(p - periods.begin());
      if (idx.from[m] >= period_end[i]) continue;
      const std::size_t row = grid.Row({idx.unit[m]}, i);
      if (idx.Single(idx.person[m])) {
        single.push_back(row);  // one membership: counted once, no need to deduplicate
      } else {
        staff.emplace_back(static_cast<std::uint32_t>(row), idx.person[m]);
      }
    }
  }
  const detail::RowIndex<2>& rows = grid.rows();
  // (row, (person, minutes)) for every session a member of the unit took part in.
  // (row, (person, session)): summed per person in (person, session) order.
  std::vector<std::pair<std::uint32_t, std::pair<std::uint32_t, std::uint32_t>>> received;
  for (std::size_t r = 0; r < part.size(); ++r) {
    const auto session = static_cast<std::size_t>(part.session[r]);
    if (days.took_place[session] == 0) continue;
    const std::int64_t d = days.attended_day[session];
    if (d < first || d > last || period_of_session[session] < 0) continue;
    const std::int32_t code = part.person.codes[r];
    if (code < 0) continue;
    const std::int32_t person = idx.person_of_code[static_cast<std::size_t>(code)];
    if (person < 0) continue;
    const auto p = static_cast<std::size_t>(person);
    for (std::size_t k = idx.offsets[p]; k < idx.offsets[p + 1]; ++k) {
      const std::size_t m = idx.by_person[k];
      if (idx.from[m] > d || idx.to[m] < d) continue;
      // The membership covers the session's day, so it has a row in this period.
      const std::size_t row =
          grid.Row({idx.unit[m]}, static_cast<std::size_t>(period_of_session[session]));
      received.emplace_back(
          static_cast<std::uint32_t>(row),
          std::pair(static_cast<std::uint32_t>(person), static_cast<std::uint32_t>(session)));
    }
  }
  detail::SortPairs(staff, rows.size());
  staff.erase(std::unique(staff.begin(), staff.end()), staff.end());
  std::vector<std::int64_t> staff_count(rows.size(), 0);
  for (const auto& [row, person] : staff) ++staff_count[row];
  for (const std::size_t row : single) ++staff_count[row];
  // Minutes per (row, person), summed in a fixed order so the result does not
  // depend on the order of the records.
  detail::SortPairs(received, rows.size());
  // Each row's people's hours, back to back (rows in order):
  // row r's are hours[row_start[r]] … hours[row_start[r + 1] − 1].
  std::vector<double> hours;
  std::vector<std::size_t> row_start(rows.size() + 1, 0);
  for (std::size_t i = 0; i < received.size();) {
    const std::size_t row = received[i].first;
    const std::uint32_t person = received[i].second.first;
    double total = 0;
    std::size_t j = i;
    for (; j < received.size() && received[j].first == row && received[j].second.first == person;
         ++j) {
      total += minutes[received[j].second.second];
    }
    hours.push_back(total / 60);
    ++row_start[row + 1];
    i = j;
  }
  for (std::size_t r = 0; r < rows.size(); ++r) row_start[r + 1] += row_start[r];
  std::map<std::pair<std::int64_t, std::int64_t>, double> planned;
  if (schedule != nullptr) {
    for (const UnitMonthLoad& load : PlannedHoursPerUnit(*schedule)) {
      const std::int32_t unit = names.Find(load.unit);
      if (unit < 0) continue;
      const std::int64_t start = DaysSinceEpoch(grouping.Start(absl::CivilDay(load.month)));
      planned[{unit, start}] += load.hours;
    }
  }

  const std::vector<std::size_t> order =
      detail::SortedRows(rows, [&](std::size_t part_index, std::int64_t a, std::int64_t b) {
        if (part_index == 0) {
          return names.Name(static_cast<std::int32_t>(a)) <
                 names.Name(static_cast<std::int32_t>(b));
        }
        return a < b;
      });
  std::vector<double> values;
  detail::PeriodTable labels(grouping, 0, -1);
  for (const std::size_t r : order) {
    const auto& k = rows.keys()[r];
    t.unit.push_back(names.Name(static_cast<std::int32_t>(k[0])));
    t.period.push_back(labels.Label(k[1]));
    t.period_start.push_back(k[1]);
    const std::int64_t n = staff_count[r];
    t.staff.push_back(n);
    const auto from = static_cast<std::ptrdiff_t>(row_start[r]);
    const auto to = static_cast<std::ptrdiff_t>(row_start[r + 1]);
    t.attendees.push_back(to - from);
    double total = 0;
    for (auto h = hours.begin() + from; h != hours.begin() + to; ++h) total += *h;
    t.hours.push_back(total);
    t.hours_per_person_mean.push_back(detail::Share(total, static_cast<double>(n)));
    values.assign(hours.begin() + from, hours.begin() + to);
    values.resize(static_cast<std::size_t>(std::max<std::int64_t>(n, 0)), 0.0);
    t.hours_per_person_median.push_back(detail::Median(values));
    double plan = detail::kNaN;
    if (schedule != nullptr) {
      auto it = planned.find({k[0], k[1]});
      plan = it == planned.end() ? 0.0 : it->second;
    }
    t.planned_hours_per_person.push_back(plan);
    t.dose_ratio.push_back(plan > 0 ? t.hours_per_person_mean.back() / plan : detail::kNaN);
    t.suppressed.push_back(0);
  }
  return t;
}

}  // namespace carelearn
