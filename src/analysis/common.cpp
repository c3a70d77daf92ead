#include "analysis/common.hpp"

#include <algorithm>

namespace carelearn::detail {

SessionDays ComputeSessionDays(const SessionsTable& sessions, absl::TimeZone zone) {
  const std::size_t n = sessions.size();
  SessionDays d;
  d.planned_day.resize(n);
  d.attended_day.resize(n);
  d.held.resize(n);
  d.took_place.resize(n);
  // Every zone's offset is a whole number of quarter hours, so one UTC quarter
  // hour lies within one local day: remember the last quarter's day.
  constexpr std::int64_t kQuarter = 900'000'000;  // microseconds
  std::int64_t cached_slot = std::numeric_limits<std::int64_t>::min();
  std::int64_t cached_day = 0;
  const auto day_of = [&](std::int64_t us) {
    const std::int64_t slot = us >= 0 ? us / kQuarter : (us - (kQuarter - 1)) / kQuarter;
    if (slot != cached_slot) {
      cached_slot = slot;
      cached_day = DaysSinceEpoch(absl::ToCivilDay(FromMicros(us), zone));
    }
    return cached_day;
  };
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t planned = sessions.planned_start[i];
    d.planned_day[i] = planned == kNullTimestamp ? 0 : day_of(planned);
    const std::int64_t actual = sessions.actual_start[i];
    d.took_place[i] = actual != kNullTimestamp ? 1 : 0;
    d.attended_day[i] = actual != kNullTimestamp ? day_of(actual) : d.planned_day[i];
    d.held[i] = sessions.status.codes[i] == 0 ? 1 : 0;
  }
  return d;
}

ByParent GroupByParent(const std::vector<std::int32_t>& session, std::size_t sessions) {
  ByParent g;
  g.offsets.assign(sessions + 1, 0);
  for (const std::int32_t s : session) {
    if (s >= 0 && static_cast<std::size_t>(s) < sessions)
      ++g.offsets[static_cast<std::size_t>(s) + 1];
  }
  for (std::size_t i = 0; i < sessions; ++i) g.offsets[i + 1] += g.offsets[i];
  // The tables keep child rows in session order: then no list is needed.
  g.in_order =
      g.offsets[sessions] == session.size() && std::is_sorted(session.begin(), session.end());
  if (g.in_order) return g;
  g.rows.resize(g.offsets[sessions]);
  std::vector<std::size_t> next(g.offsets.begin(), g.offsets.end() - 1);
  for (std::size_t r = 0; r < session.size(); ++r) {
    const std::int32_t s = session[r];
    if (s >= 0 && static_cast<std::size_t>(s) < sessions)
      g.rows[next[static_cast<std::size_t>(s)]++] = r;
  }
  return g;
}

PeriodTable::PeriodTable(const PeriodGrouping& grouping, std::int64_t first, std::int64_t last)
    : grouping_(grouping), first_(first) {
  if (last < first) return;
  start_.resize(static_cast<std::size_t>(last - first + 1));
  half_.resize(start_.size());
  absl::CivilDay day = DayFromEpoch(first);
  absl::CivilDay start = grouping.Start(day);
  absl::CivilDay end = grouping.End(start);
  for (std::size_t i = 0; i < start_.size(); ++i, ++day) {
    if (day >= end) {
      start = grouping.Start(day);
      end = grouping.End(start);
    }
    start_[i] = DaysSinceEpoch(start);
    half_[i] = day - start < (end - start) / 2 ? 0 : 1;
  }
}

int PeriodTable::Half(std::int64_t day) const {
  const std::int64_t i = day - first_;
  if (i >= 0 && i < static_cast<std::int64_t>(half_.size()))
    return half_[static_cast<std::size_t>(i)];
  const std::int64_t start = Start(day);
  const std::int64_t end = DaysSinceEpoch(grouping_.End(DayFromEpoch(start)));
  return day - start < (end - start) / 2 ? 0 : 1;
}

const std::string& PeriodTable::Label(std::int64_t start) {
  auto it = labels_.find(start);
  if (it == labels_.end()) it = labels_.emplace(start, grouping_.Label(DayFromEpoch(start))).first;
  return it->second;
}

PeriodTable MakePeriodTable(const PeriodGrouping& grouping, const SessionDays& days,
                            std::span<const std::int64_t> extra) {
  std::int64_t first = std::numeric_limits<std::int64_t>::max();
  std::int64_t last = std::numeric_limits<std::int64_t>::min();
  const auto see = [&](std::int64_t d) {
    first = std::min(first, d);
    last = std::max(last, d);
  };
  for (const std::int64_t d : days.planned_day) see(d);
  for (const std::int64_t d : days.attended_day) see(d);
  for (const std::int64_t d : extra) see(d);
  // A table of more than about 30 years is not worth its memory; beyond it days are computed.
  if (last >= first && last - first > 11'000) last = first + 11'000;
  return PeriodTable(grouping, first, last);
}

double Median(std::vector<double>& values) {
  if (values.empty()) return kNaN;
  const std::size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid), values.end());
  const double upper = values[mid];
  if (values.size() % 2 == 1) return upper;
  const double lower =
      *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid));
  return (lower + upper) / 2;
}

const Format* FindFormat(const Catalog* catalog, std::string_view id, int version) {
  if (catalog == nullptr) return nullptr;
  if (const Format* f = catalog->Find(id, version)) return f;
  return catalog->Find(id);
}

double CadenceDays(const Format* format) {
  if (format == nullptr || !format->cadence.has_value()) return kNaN;
  const double n = format->cadence->interval;
  switch (format->cadence->unit) {
    case Period::kDay:
      return n;
    case Period::kWeek:
      return 7 * n;
    case Period::kMonth:
      return 365.2425 / 12 * n;
    case Period::kYear:
      return 365.2425 * n;
  }
  return kNaN;
}

}  // namespace carelearn::detail
