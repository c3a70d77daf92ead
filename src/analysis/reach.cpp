#include "carelearn/analysis/reach.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "analysis/common.hpp"
#include "analysis/roster_index.hpp"

namespace carelearn {
namespace detail {

std::optional<std::pair<std::int64_t, std::int64_t>> CoveredDays(
    const std::optional<DayRange>& days, const SessionDays& sessions) {
  if (days.has_value()) return std::pair(DaysSinceEpoch(days->first), DaysSinceEpoch(days->last));
  std::optional<std::pair<std::int64_t, std::int64_t>> range;
  for (std::size_t i = 0; i < sessions.took_place.size(); ++i) {
    if (sessions.took_place[i] == 0) continue;
    const std::int64_t d = sessions.attended_day[i];
    if (!range.has_value()) {
      range = std::pair(d, d);
    } else {
      range->first = std::min(range->first, d);
      range->second = std::max(range->second, d);
    }
  }
  return range;
}

std::vector<std::int64_t> SessionPeriods(const PeriodGrouping& grouping, const SessionDays& days) {
  const PeriodTable periods = MakePeriodTable(grouping, days);
  std::vector<std::int64_t> out(days.attended_day.size());
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = periods.Start(days.attended_day[i]);
  return out;
}

}  // namespace detail

ReachTable MeasureReach(const SessionTables& tables, const Roster& roster,
                        const ReachOptions& options) {
  const SessionsTable& s = tables.sessions;
  const ParticipantsTable& part = tables.participants;
  const PeriodGrouping& grouping = options.period;
  detail::Interner names;
  const detail::RosterIndex idx(roster, part.person, names);
  const std::vector<std::int32_t> unit_ids = detail::InternDictionary(part.unit, names);
  const std::vector<std::int32_t> profession_ids = detail::InternDictionary(part.profession, names);
  const std::int32_t none = names.Id("");
  const detail::SessionDays days = detail::ComputeSessionDays(s, grouping.zone);
  const auto covered = detail::CoveredDays(options.days, days);
  ReachTable t;
  if (!covered.has_value()) return t;
  const auto [first, last] = *covered;
  const std::vector<std::int64_t> periods = detail::PeriodStarts(grouping, first, last);
  const std::vector<std::int64_t> session_period = detail::SessionPeriods(grouping, days);

  const std::vector<std::int32_t> period_of_session =
      detail::SessionPeriodIndex(periods, session_period);
  std::vector<std::int64_t> period_end(periods.size());
  for (std::size_t i = 0; i < periods.size(); ++i) {
    period_end[i] = DaysSinceEpoch(grouping.End(detail::DayFromEpoch(periods[i])));
  }
  // Rows keyed by unit, profession, shift and period.
  detail::GroupPeriodRows<3> grid(periods);
  const auto key = [&](std::int32_t unit, std::int32_t profession, std::int32_t shift,
                       std::size_t period) {
    return grid.Row(
        {unit, options.by_profession ? profession : none, options.by_shift ? shift : -1}, period);
  };
  // Staff: (row, person) for each membership and period it touches.
  std::vector<std::pair<std::uint32_t, std::int32_t>> staff;
  std::vector<std::size_t> single;
  for (std::size_t m = 0; m < idx.unit.size(); ++m) {
    auto p = std::upper_bound(periods.begin(), periods.end(), idx.from[m]);
    if (p != periods.begin()) --p;
    for (; p != periods.end() && *p <= idx.to[m]; ++p) {
      const auto i = static_cast<std::size_t>(p - periods.begin());
      if (idx.from[m] >= period_end[i]) continue;
      const std::size_t row = key(idx.unit[m], idx.profession[m], idx.shift[m], i);
      if (idx.Single(idx.person[m])) {
        single.push_back(row);  // one membership: counted once, no need to deduplicate
      } else {
        staff.emplace_back(static_cast<std::uint32_t>(row), idx.person[m]);
      }
    }
  }
  // Taking part: (row, person) per session taken part in, on the roster or off it.
  std::vector<std::pair<std::uint32_t, std::int32_t>> took_part;
  std::vector<std::pair<std::uint32_t, std::int32_t>> off;
  for (std::size_t r = 0; r < part.size(); ++r) {
    const auto session = static_cast<std::size_t>(part.session[r]);
    if (days.took_place[session] == 0) continue;
    const std::int64_t d = days.attended_day[session];
    if (d < first || d > last || period_of_session[session] < 0) continue;
    const auto period = static_cast<std::size_t>(period_of_session[session]);
    const std::int32_t code = part.person.codes[r];
    if (code < 0) continue;
    const std::int32_t person = idx.person_of_code[static_cast<std::size_t>(code)];
    bool on_roster = false;
    if (person >= 0) {
      const auto p = static_cast<std::size_t>(person);
      for (std::size_t k = idx.offsets[p]; k < idx.offsets[p + 1]; ++k) {
        const std::size_t m = idx.by_person[k];
        if (idx.from[m] > d || idx.to[m] < d) continue;
        on_roster = true;
        took_part.emplace_back(
            static_cast<std::uint32_t>(key(idx.unit[m], idx.profession[m], idx.shift[m], period)),
            person);
      }
    }
    if (!on_roster) {
      const std::int32_t unit = detail::IdAt(part.unit, unit_ids, r);
      const std::int32_t profession = detail::IdAt(part.profession, profession_ids, r);
      off.emplace_back(
          static_cast<std::uint32_t>(key(unit < 0 ? none : unit, profession < 0 ? none : profession,
                                         part.shift.codes[r], period)),
          code);
    }
  }
  const detail::RowIndex<4>& rows = grid.rows();
  std::vector<std::int64_t> staff_count(rows.size(), 0);
  std::vector<std::int64_t> reached(rows.size(), 0);
  std::vector<std::int64_t> reached_k(rows.size(), 0);
  std::vector<std::int64_t> off_count(rows.size(), 0);
  detail::SortPairs(staff, rows.size());
  staff.erase(std::unique(staff.begin(), staff.end()), staff.end());
  for (const auto& [row, person] : staff) ++staff_count[row];
  for (const std::size_t row : single) ++staff_count[row];
  detail::SortPairs(off, rows.size());
  off.erase(std::unique(off.begin(), off.end()), off.end());
  for (const auto& [row, person] : off) ++off_count[row];
  detail::SortPairs(took_part, rows.size());
  for (std::size_t i = 0; i < took_part.size();) {
    std::size_t j = i;
    while (j < took_part.size() && took_part[j] == took_part[i]) ++j;
    ++reached[took_part[i].first];
    if (static_cast<int>(j - i) >= options.min_sessions) ++reached_k[took_part[i].first];
    i = j;
  }

  const std::vector<std::size_t> order =
      detail::SortedRows(rows, [&](std::size_t part_index, std::int64_t a, std::int64_t b) {
        if (part_index <= 1) {
          return names.Name(static_cast<std::int32_t>(a)) <
                 names.Name(static_cast<std::int32_t>(b));
        }
        return a < b;
      });
  detail::PeriodTable labels(grouping, 0, -1);
  for (const std::size_t r : order) {
    const auto& k = rows.keys()[r];
    t.unit.push_back(names.Name(static_cast<std::int32_t>(k[0])));
    t.profession.push_back(names.Name(static_cast<std::int32_t>(k[1])));
    t.shift.push_back(k[2] < 0 ? std::string() : std::string(ShiftName(static_cast<Shift>(k[2]))));
    t.period.push_back(labels.Label(k[3]));
    t.period_start.push_back(k[3]);
    t.staff.push_back(staff_count[r]);
    t.reached.push_back(reached[r]);
    t.reached_share.push_back(
        detail::Share(static_cast<double>(reached[r]), static_cast<double>(staff_count[r])));
    t.reached_k.push_back(reached_k[r]);
    t.reached_k_share.push_back(
        detail::Share(static_cast<double>(reached_k[r]), static_cast<double>(staff_count[r])));
    t.never_reached.push_back(staff_count[r] - reached[r]);
    t.off_roster.push_back(off_count[r]);
    t.suppressed.push_back(0);
  }
  return t;
}

}  // namespace carelearn
