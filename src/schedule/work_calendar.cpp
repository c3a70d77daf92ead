// Work calendars; see carelearn/schedule/work_calendar.hpp.
#include "carelearn/schedule/work_calendar.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "absl/strings/str_cat.h"
#include "schedule/recurrence_engine.hpp"

namespace carelearn {
namespace {

// How far NextWorkingDay looks: ten years.
constexpr int kMaxSearchDays = 3653;

bool IsWeekday(absl::CivilDay day) {
  const absl::Weekday w = absl::GetWeekday(day);
  return w != absl::Weekday::saturday && w != absl::Weekday::sunday;
}

}  // namespace

WorkCalendar WorkCalendar::WithoutHolidays() {
  WorkCalendar calendar;
  calendar.danish_holidays_ = false;
  return calendar;
}

absl::Status WorkCalendar::AddClosure(Closure closure) {
  if (closure.last < closure.first) {
    return absl::InvalidArgumentError(absl::StrCat("closure ", absl::FormatCivilTime(closure.first),
                                                   " to ", absl::FormatCivilTime(closure.last),
                                                   ": the last day is before the first"));
  }
  closures_.push_back(std::move(closure));
  Index();
  return absl::OkStatus();
}

void WorkCalendar::Index() {
  merged_.clear();
  for (const Closure& c : closures_) {
    if (c.unit.empty()) merged_.emplace_back(c.first, c.last);
  }
  std::sort(merged_.begin(), merged_.end());
  std::size_t out = 0;
  for (std::size_t i = 0; i < merged_.size(); ++i) {
    if (out > 0 && merged_[i].first <= merged_[out - 1].second + 1) {
      merged_[out - 1].second = std::max(merged_[out - 1].second, merged_[i].second);
    } else {
      merged_[out++] = merged_[i];
    }
  }
  merged_.resize(out);
}

std::optional<HolidayKind> WorkCalendar::HolidayOn(absl::CivilDay day) const {
  if (!danish_holidays_) return std::nullopt;
  return DanishHolidayOn(day, common_days_off_);
}

bool WorkCalendar::IsClosed(absl::CivilDay day) const {
  if (danish_holidays_ && DanishHolidayOn(day, common_days_off_)) return true;
  // The last merged closure that begins on or before `day`.
  auto it = std::upper_bound(merged_.begin(), merged_.end(), day,
                             [](absl::CivilDay d, const auto& range) { return d < range.first; });
  return it != merged_.begin() && day <= std::prev(it)->second;
}

bool WorkCalendar::IsClosed(absl::CivilDay day, std::span<const std::string> units) const {
  if (IsClosed(day)) return true;
  return std::any_of(closures_.begin(), closures_.end(), [&](const Closure& c) {
    return !c.unit.empty() && c.first <= day && day <= c.last &&
           std::find(units.begin(), units.end(), c.unit) != units.end();
  });
}

bool WorkCalendar::IsWorkingDay(absl::CivilDay day) const {
  return IsWeekday(day) && !IsClosed(day);
}

std::optional<absl::CivilDay> WorkCalendar::NextWorkingDay(absl::CivilDay day) const {
  const absl::CivilDay limit = day + kMaxSearchDays;
  absl::CivilDay d = day + 1;
  while (d <= limit) {
    auto it = std::upper_bound(merged_.begin(), merged_.end(), d,
                               [](absl::CivilDay x, const auto& range) { return x < range.first; });
    if (it != merged_.begin() && d <= std::prev(it)->second) {
      d = std::prev(it)->second + 1;  // jump over the closure
      continue;
    }
    if (IsWorkingDay(d)) return d;
    d += 1;
  }
  return std::nullopt;
}

WorkCalendar WorkCalendar::ForUnits(std::span<const std::string> units) const {
  WorkCalendar out;
  out.danish_holidays_ = danish_holidays_;
  out.common_days_off_ = common_days_off_;
  for (const Closure& c : closures_) {
    if (c.unit.empty()) {
      out.closures_.push_back(c);
    } else if (std::find(units.begin(), units.end(), c.unit) != units.end()) {
      Closure everyone = c;
      everyone.unit.clear();
      out.closures_.push_back(std::move(everyone));
    }
  }
  out.Index();
  return out;
}

int WorkCalendar::LongestClosure() const {
  absl::civil_diff_t longest = 0;
  for (const auto& [first, last] : merged_) longest = std::max(longest, last - first + 1);
  return static_cast<int>(std::min<absl::civil_diff_t>(longest, kMaxSearchDays));
}

absl::StatusOr<CalendarExpansion> ExpandOnCalendar(const Recurrence& recurrence,
                                                   const TimeWindow& window,
                                                   const WorkCalendar& calendar,
                                                   const CalendarRules& rules) {
  return detail::ExpandSeries(
      recurrence, window,
      detail::SeriesOptions{&calendar, rules.policy, rules.count_held_sessions});
}

}  // namespace carelearn
