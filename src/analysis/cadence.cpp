#include "carelearn/analysis/cadence.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analysis/common.hpp"

namespace carelearn {
namespace {

using detail::kNaN;

// What one (unit, format, period) row counts.
struct Counts {
  std::int64_t planned = 0;
  std::int64_t held = 0;
  std::int64_t cancelled = 0;
  std::int64_t by_reason[5] = {0, 0, 0, 0, 0};
  std::int64_t unplanned_held = 0;
  std::int64_t unplanned_cancelled = 0;
  std::int64_t planned_half[2] = {0, 0};
  std::int64_t held_half[2] = {0, 0};
};

}  // namespace

CadenceTable MeasureCadence(const SessionTables& tables, const Schedule& schedule,
                            const CadenceOptions& options) {
  return MeasureCadence(tables, schedule, LinkSessions(tables, schedule, options.link), options);
}

CadenceTable MeasureCadence(const SessionTables& tables, const Schedule& schedule,
                            const PlanLink& link, const CadenceOptions& options) {
  if (link.outcome.size() != schedule.occurrences.size() ||
      link.session.size() != schedule.occurrences.size() ||
      link.occurrence.size() != tables.sessions.size()) {
    // Not a link of these tables and this schedule: make one.
    return MeasureCadence(tables, schedule, options);
  }
  const SessionsTable& s = tables.sessions;
  const PeriodGrouping& grouping = options.period;
  detail::Interner names;
  const std::vector<std::int32_t> unit_ids = detail::InternDictionary(s.unit, names);
  const std::vector<std::int32_t> format_ids = detail::InternDictionary(s.format_id, names);
  std::vector<std::int32_t> entry_format(schedule.entries.size());
  for (std::size_t e = 0; e < schedule.entries.size(); ++e) {
    entry_format[e] = names.Id(schedule.entries[e].format_id);
  }
  std::vector<std::int32_t> unit_of(schedule.units.size());
  for (std::size_t u = 0; u < schedule.units.size(); ++u) {
    unit_of[u] = names.Id(schedule.units[u].id);
  }

  // The local day of every occurrence, and of every session.
  std::vector<std::int64_t> occurrence_day(schedule.occurrences.size());
  absl::CivilDay cached_day_of;
  std::int64_t cached_slot = std::numeric_limits<std::int64_t>::min();
  for (std::size_t i = 0; i < schedule.occurrences.size(); ++i) {
    const std::int64_t us = absl::ToUnixMicros(schedule.occurrences[i].start);
    const std::int64_t slot = us / 900'000'000 - (us % 900'000'000 < 0 ? 1 : 0);
    if (slot != cached_slot) {
      cached_slot = slot;
      cached_day_of = absl::ToCivilDay(schedule.occurrences[i].start, options.link.zone);
    }
    occurrence_day[i] = DaysSinceEpoch(cached_day_of);
  }
  const detail::SessionDays days = detail::ComputeSessionDays(s, options.link.zone);
  detail::PeriodTable periods = detail::MakePeriodTable(grouping, days, occurrence_day);

  detail::RowIndex<3> rows;  // unit, format, period start
  std::vector<Counts> counts;
  const auto row_index = [&](std::int32_t unit, std::int32_t format, std::int64_t day) {
    const std::size_t r = rows.Row({unit, format, periods.Start(day)});
    if (r == counts.size()) counts.emplace_back();
    return r;
  };

  // Planned occurrences and what became of them.
  for (std::size_t i = 0; i < schedule.occurrences.size(); ++i) {
    const ScheduledOccurrence& o = schedule.occurrences[i];
    const std::int64_t day = occurrence_day[i];
    Counts& c = counts[row_index(unit_of[o.unit], entry_format[o.entry], day)];
    const int half = periods.Half(day);
    ++c.planned;
    ++c.planned_half[half];
    const auto outcome = static_cast<OccurrenceOutcome>(link.outcome[i]);
    if (outcome == OccurrenceOutcome::kHeld) {
      ++c.held;
      ++c.held_half[half];
    } else if (outcome == OccurrenceOutcome::kCancelled) {
      ++c.cancelled;
      const auto row = static_cast<std::size_t>(link.session[i]);
      const auto code = s.cancel_reason.codes[row];
      ++c.by_reason[code >= 0 && code < 5 ? code : 4];
    }
  }

  // Sessions: the unplanned ones, and the held days of each unit and format.
  std::unordered_map<std::int64_t, std::vector<std::int64_t>> held_days;
  for (std::size_t row = 0; row < s.size(); ++row) {
    const std::int32_t unit = detail::IdAt(s.unit, unit_ids, row);
    const std::int32_t format = detail::IdAt(s.format_id, format_ids, row);
    if (unit < 0 || format < 0) continue;
    if (link.occurrence[row] < 0) {
      Counts& c = counts[row_index(unit, format, days.planned_day[row])];
      ++(days.held[row] != 0 ? c.unplanned_held : c.unplanned_cancelled);
    }
    if (days.held[row] != 0) {
      held_days[(static_cast<std::int64_t>(unit) << 32) | static_cast<std::uint32_t>(format)]
          .push_back(days.attended_day[row]);
    }
  }
  // Intervals between consecutive held sessions, by the row of the later one.
  std::vector<std::pair<std::size_t, double>> intervals;
  for (auto& [key, list] : held_days) {
    std::sort(list.begin(), list.end());
    const auto unit = static_cast<std::int32_t>(key >> 32);
    const auto format = static_cast<std::int32_t>(key & 0xFFFFFFFF);
    for (std::size_t k = 1; k < list.size(); ++k) {
      intervals.emplace_back(row_index(unit, format, list[k]),
                             static_cast<double>(list[k] - list[k - 1]));
    }
  }
  detail::SortPairs(intervals, rows.size());

  // Cadence intervals of the formats.
  std::unordered_map<std::int32_t, double> cadence;
  for (const auto& key : rows.keys()) {
    const auto format = static_cast<std::int32_t>(key[1]);
    if (cadence.count(format) == 0) {
      cadence[format] = detail::CadenceDays(
          options.catalog == nullptr ? nullptr : options.catalog->Find(names.Name(format)));
    }
  }

  const std::vector<std::size_t> order =
      detail::SortedRows(rows, [&](std::size_t part, std::int64_t a, std::int64_t b) {
        if (part == 2) return a < b;
        return names.Name(static_cast<std::int32_t>(a)) < names.Name(static_cast<std::int32_t>(b));
      });
  // Where each row's intervals start in `intervals`.
  std::vector<std::size_t> first(rows.size() + 1, intervals.size());
  for (std::size_t k = intervals.size(); k-- > 0;) first[intervals[k].first] = k;
  for (std::size_t r = rows.size(); r-- > 0;) first[r] = std::min(first[r], first[r + 1]);

  CadenceTable t;
  std::vector<double> values;
  for (const std::size_t r : order) {
    const auto& key = rows.keys()[r];
    const Counts& c = counts[r];
    t.unit.push_back(names.Name(static_cast<std::int32_t>(key[0])));
    t.format.push_back(names.Name(static_cast<std::int32_t>(key[1])));
    t.period.push_back(periods.Label(key[2]));
    t.period_start.push_back(key[2]);
    t.planned.push_back(c.planned);
    t.held.push_back(c.held);
    t.cancelled.push_back(c.cancelled);
    t.cancelled_staffing.push_back(c.by_reason[0]);
    t.cancelled_workload.push_back(c.by_reason[1]);
    t.cancelled_no_facilitator.push_back(c.by_reason[2]);
    t.cancelled_holiday.push_back(c.by_reason[3]);
    t.cancelled_other.push_back(c.by_reason[4]);
    t.not_recorded.push_back(c.planned - c.held - c.cancelled);
    t.unplanned_held.push_back(c.unplanned_held);
    t.unplanned_cancelled.push_back(c.unplanned_cancelled);
    t.adherence.push_back(
        detail::Share(static_cast<double>(c.held), static_cast<double>(c.planned)));
    const double cadence_days = cadence[static_cast<std::int32_t>(key[1])];
    values.clear();
    double longest = kNaN;
    for (std::size_t k = first[r]; k < intervals.size() && intervals[k].first == r; ++k) {
      values.push_back(intervals[k].second);
      longest = std::isnan(longest) ? intervals[k].second : std::max(longest, intervals[k].second);
    }
    t.longest_gap_days.push_back(longest);
    t.intervals.push_back(static_cast<std::int64_t>(values.size()));
    std::vector<double> deviations;
    deviations.reserve(values.size());
    for (const double v : values) deviations.push_back(std::abs(v - cadence_days));
    t.interval_median_days.push_back(detail::Median(values));
    t.interval_mad_days.push_back(std::isnan(cadence_days) ? kNaN : detail::Median(deviations));
    t.cadence_days.push_back(cadence_days);
    const double first_half =
        detail::Share(static_cast<double>(c.held_half[0]), static_cast<double>(c.planned_half[0]));
    const double second_half =
        detail::Share(static_cast<double>(c.held_half[1]), static_cast<double>(c.planned_half[1]));
    t.adherence_first_half.push_back(first_half);
    t.adherence_second_half.push_back(second_half);
    t.maintenance.push_back(second_half - first_half);
    t.suppressed.push_back(0);
  }
  return t;
}

}  // namespace carelearn
