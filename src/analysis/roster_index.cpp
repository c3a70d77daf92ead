#include "analysis/roster_index.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace carelearn::detail {

RosterIndex::RosterIndex(const Roster& roster, const DictionaryColumn& participants,
                         Interner& names) {
  std::unordered_map<std::string, std::int32_t> number;
  const std::size_t n = roster.members.size();
  unit.resize(n);
  profession.resize(n);
  shift.resize(n);
  from.resize(n);
  to.resize(n);
  person.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const RosterMember& m = roster.members[i];
    auto [it, added] = number.emplace(m.person, static_cast<std::int32_t>(number.size()));
    person[i] = it->second;
    unit[i] = names.Id(m.unit);
    profession[i] = names.Id(m.profession);
    shift[i] = static_cast<std::int32_t>(m.shift);
    from[i] = DaysSinceEpoch(m.from);
    to[i] = m.to.has_value() ? DaysSinceEpoch(*m.to) : kOpenEnd;
  }
  people = number.size();
  offsets.assign(people + 1, 0);
  for (const std::int32_t p : person) ++offsets[static_cast<std::size_t>(p) + 1];
  for (std::size_t p = 0; p < people; ++p) offsets[p + 1] += offsets[p];
  by_person.resize(n);
  std::vector<std::size_t> next(offsets.begin(), offsets.end() - 1);
  for (std::size_t i = 0; i < n; ++i) by_person[next[static_cast<std::size_t>(person[i])]++] = i;
  person_of_code.resize(participants.dictionary.size());
  for (std::size_t c = 0; c < person_of_code.size(); ++c) {
    auto it = number.find(participants.dictionary[c]);
    person_of_code[c] = it == number.end() ? -1 : it->second;
  }
}

std::vector<std::int32_t> SessionPeriodIndex(const std::vector<std::int64_t>& periods,
                                             const std::vector<std::int64_t>& session_period) {
  std::vector<std::int32_t> out(session_period.size(), -1);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto it = std::lower_bound(periods.begin(), periods.end(), session_period[i]);
    if (it != periods.end() && *it == session_period[i]) {
      out[i] = static_cast<std::int32_t>(it - periods.begin());
    }
  }
  return out;
}

std::vector<std::int64_t> PeriodStarts(const PeriodGrouping& grouping, std::int64_t first,
                                       std::int64_t last) {
  std::vector<std::int64_t> starts;
  absl::CivilDay start = grouping.Start(DayFromEpoch(first));
  const absl::CivilDay end = DayFromEpoch(last);
  while (start <= end) {
    starts.push_back(DaysSinceEpoch(start));
    start = grouping.End(start);
  }
  return starts;
}

}  // namespace carelearn::detail
