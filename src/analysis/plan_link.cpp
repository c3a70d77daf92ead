#include "carelearn/analysis/plan_link.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "analysis/common.hpp"

namespace carelearn {
namespace {

using detail::Interner;

// A session or an occurrence in a (unit, format) group.
struct Item {
  std::int64_t time = 0;  // microseconds since the epoch
  std::int64_t day = 0;   // local day
  std::int64_t index = 0;
};

// A possible link.
struct Candidate {
  std::int64_t distance = 0;  // |session − occurrence| in microseconds
  std::int64_t occurrence_time = 0;
  std::uint8_t cancelled = 0;  // held sessions first
  std::string_view session_id;
  std::int64_t session = 0;
  std::int64_t occurrence = 0;

  friend bool operator<(const Candidate& a, const Candidate& b) {
    return std::tie(a.distance, a.occurrence_time, a.occurrence, a.cancelled, a.session_id,
                    a.session) < std::tie(b.distance, b.occurrence_time, b.occurrence, b.cancelled,
                                          b.session_id, b.session);
  }
};

}  // namespace

std::string_view OccurrenceOutcomeName(OccurrenceOutcome outcome) {
  switch (outcome) {
    case OccurrenceOutcome::kHeld:
      return "held";
    case OccurrenceOutcome::kCancelled:
      return "cancelled";
    case OccurrenceOutcome::kNotRecorded:
      return "not-recorded";
  }
  return "not-recorded";
}

std::size_t PlanLink::Unplanned() const {
  return static_cast<std::size_t>(std::count(occurrence.begin(), occurrence.end(), -1));
}

PlanLink LinkSessions(const SessionTables& tables, const Schedule& schedule,
                      const LinkOptions& options) {
  const SessionsTable& s = tables.sessions;
  PlanLink link;
  link.session.assign(schedule.occurrences.size(), -1);
  link.outcome.assign(schedule.occurrences.size(),
                      static_cast<std::uint8_t>(OccurrenceOutcome::kNotRecorded));
  link.occurrence.assign(s.size(), -1);

  // Groups by unit and format, numbered through interned ids.
  Interner names;
  const std::vector<std::int32_t> unit_ids = detail::InternDictionary(s.unit, names);
  const std::vector<std::int32_t> format_ids = detail::InternDictionary(s.format_id, names);
  std::unordered_map<std::int64_t, std::size_t> group_of;
  std::vector<std::vector<Item>> sessions_in;
  std::vector<std::vector<Item>> occurrences_in;
  const auto group = [&](std::int32_t unit, std::int32_t format) {
    const std::int64_t key =
        (static_cast<std::int64_t>(unit) << 32) | static_cast<std::uint32_t>(format);
    auto [it, added] = group_of.emplace(key, sessions_in.size());
    if (added) {
      sessions_in.emplace_back();
      occurrences_in.emplace_back();
    }
    return it->second;
  };

  const absl::TimeZone zone = options.zone;
  // Occurrences come in time order: remember the day of the last quarter hour
  // (every zone's offset is a whole number of quarter hours).
  std::int64_t cached_slot = std::numeric_limits<std::int64_t>::min();
  std::int64_t cached_day = 0;
  const auto day_of = [&](absl::Time t) {
    const std::int64_t us = absl::ToUnixMicros(t);
    const std::int64_t slot = us / 900'000'000 - (us % 900'000'000 < 0 ? 1 : 0);
    if (slot != cached_slot) {
      cached_slot = slot;
      cached_day = DaysSinceEpoch(absl::ToCivilDay(t, zone));
    }
    return cached_day;
  };
  // Occurrences: the unit and format of each (unit, entry) pair, computed once.
  std::vector<std::int32_t> entry_format(schedule.entries.size());
  for (std::size_t e = 0; e < schedule.entries.size(); ++e) {
    entry_format[e] = names.Id(schedule.entries[e].format_id);
  }
  std::vector<std::int32_t> unit_of(schedule.units.size());
  for (std::size_t u = 0; u < schedule.units.size(); ++u)
    unit_of[u] = names.Id(schedule.units[u].id);
  for (std::size_t i = 0; i < schedule.occurrences.size(); ++i) {
    const ScheduledOccurrence& o = schedule.occurrences[i];
    const std::size_t g = group(unit_of[o.unit], entry_format[o.entry]);
    occurrences_in[g].push_back(
        {absl::ToUnixMicros(o.start), day_of(o.start), static_cast<std::int64_t>(i)});
  }
  const detail::SessionDays days = detail::ComputeSessionDays(s, zone);
  for (std::size_t row = 0; row < s.size(); ++row) {
    const std::int32_t unit = detail::IdAt(s.unit, unit_ids, row);
    const std::int32_t format = detail::IdAt(s.format_id, format_ids, row);
    if (unit < 0 || format < 0 || s.planned_start[row] == kNullTimestamp) continue;
    const auto key = (static_cast<std::int64_t>(unit) << 32) | static_cast<std::uint32_t>(format);
    const auto it = group_of.find(key);
    if (it == group_of.end()) continue;  // no occurrence of this unit and format
    sessions_in[it->second].push_back(
        {s.planned_start[row], days.planned_day[row], static_cast<std::int64_t>(row)});
  }

  const std::int64_t tolerance =
      options.window == LinkWindow::kWithin
          ? std::max<std::int64_t>(0, absl::ToInt64Microseconds(options.tolerance))
          : 0;
  std::vector<Candidate> candidates;
  for (std::size_t g = 0; g < sessions_in.size(); ++g) {
    std::vector<Item>& ss = sessions_in[g];
    std::vector<Item>& os = occurrences_in[g];
    if (ss.empty() || os.empty()) continue;
    const auto by_time = [](const Item& a, const Item& b) {
      return std::tie(a.time, a.index) < std::tie(b.time, b.index);
    };
    std::sort(os.begin(), os.end(), by_time);
    candidates.clear();
    for (const Item& si : ss) {
      const auto row = static_cast<std::size_t>(si.index);
      const auto add = [&](const Item& oi) {
        const std::int64_t d = si.time - oi.time;
        candidates.push_back({d < 0 ? -d : d, oi.time,
                              s.status.codes[row] == 0 ? std::uint8_t{0} : std::uint8_t{1},
                              s.id.Value(row).value_or(""), si.index, oi.index});
      };
      if (options.window == LinkWindow::kSameLocalDay) {
        // Occurrences on the same local day lie within a day and a few hours of the session.
        const std::int64_t reach = 26LL * 3600 * 1'000'000;
        auto lo = std::lower_bound(os.begin(), os.end(), si.time - reach,
                                   [](const Item& a, std::int64_t t) { return a.time < t; });
        for (; lo != os.end() && lo->time <= si.time + reach; ++lo) {
          if (lo->day == si.day) add(*lo);
        }
      } else {
        auto lo = std::lower_bound(os.begin(), os.end(), si.time - tolerance,
                                   [](const Item& a, std::int64_t t) { return a.time < t; });
        for (; lo != os.end() && lo->time <= si.time + tolerance; ++lo) add(*lo);
      }
    }
    std::sort(candidates.begin(), candidates.end());
    for (const Candidate& c : candidates) {
      const auto o = static_cast<std::size_t>(c.occurrence);
      const auto row = static_cast<std::size_t>(c.session);
      if (link.session[o] >= 0 || link.occurrence[row] >= 0) continue;
      link.session[o] = c.session;
      link.occurrence[row] = c.occurrence;
      link.outcome[o] = static_cast<std::uint8_t>(c.cancelled == 0 ? OccurrenceOutcome::kHeld
                                                                   : OccurrenceOutcome::kCancelled);
    }
  }
  return link;
}

}  // namespace carelearn
