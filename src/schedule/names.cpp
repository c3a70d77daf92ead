// Canonical names of the schedule layer's enumerations (a holiday's id is
// kept beside its other facts, in holidays.cpp).
#include <optional>
#include <string_view>

#include "carelearn/schedule/icalendar.hpp"
#include "carelearn/schedule/programme.hpp"
#include "carelearn/schedule/recurrence.hpp"
#include "carelearn/schedule/work_calendar.hpp"
#include "detail/names.hpp"

namespace carelearn {
namespace {

constexpr detail::NameTable<Hosting, 2> kHostings{{
    {Hosting::kEachUnit, "each-unit"},
    {Hosting::kJoint, "joint"},
}};

constexpr detail::NameTable<ConflictKind, 2> kConflictKinds{{
    {ConflictKind::kDoubleBooked, "double-booked"},
    {ConflictKind::kSeminarDay, "seminar-day"},
}};

constexpr detail::NameTable<SkipReason, 2> kSkipReasons{{
    {SkipReason::kHoliday, "holiday"},
    {SkipReason::kClosure, "closure"},
}};

constexpr detail::NameTable<ClosedDayPolicy, 3> kPolicies{{
    {ClosedDayPolicy::kKeep, "keep"},
    {ClosedDayPolicy::kSkip, "skip"},
    {ClosedDayPolicy::kMoveToNextWorkingDay, "move-to-next-working-day"},
}};

constexpr detail::NameTable<Frequency, 3> kFrequencies{{
    {Frequency::kDaily, "DAILY"},
    {Frequency::kWeekly, "WEEKLY"},
    {Frequency::kMonthly, "MONTHLY"},
}};

constexpr detail::NameTable<RRuleUntil::Kind, 3> kUntilKinds{{
    {RRuleUntil::Kind::kDate, "date"},
    {RRuleUntil::Kind::kLocal, "local"},
    {RRuleUntil::Kind::kUtc, "utc"},
}};

constexpr detail::NameTable<IcsLayout, 2> kLayouts{{
    {IcsLayout::kSeries, "series"},
    {IcsLayout::kExpanded, "expanded"},
}};

}  // namespace

std::string_view HostingName(Hosting hosting) { return detail::NameOf(kHostings, hosting); }
std::optional<Hosting> ParseHosting(std::string_view name) {
  return detail::ValueOf(kHostings, name);
}

std::string_view ConflictKindName(ConflictKind kind) {
  return detail::NameOf(kConflictKinds, kind);
}
std::optional<ConflictKind> ParseConflictKind(std::string_view name) {
  return detail::ValueOf(kConflictKinds, name);
}

std::string_view SkipReasonName(SkipReason reason) { return detail::NameOf(kSkipReasons, reason); }
std::optional<SkipReason> ParseSkipReason(std::string_view name) {
  return detail::ValueOf(kSkipReasons, name);
}

std::string_view ClosedDayPolicyName(ClosedDayPolicy policy) {
  return detail::NameOf(kPolicies, policy);
}
std::optional<ClosedDayPolicy> ParseClosedDayPolicy(std::string_view name) {
  return detail::ValueOf(kPolicies, name);
}

std::string_view FrequencyName(Frequency frequency) {
  return detail::NameOf(kFrequencies, frequency);
}
std::optional<Frequency> ParseFrequency(std::string_view name) {
  return detail::ValueOf(kFrequencies, name);
}

std::string_view RRuleUntilKindName(RRuleUntil::Kind kind) {
  return detail::NameOf(kUntilKinds, kind);
}
std::optional<RRuleUntil::Kind> ParseRRuleUntilKind(std::string_view name) {
  return detail::ValueOf(kUntilKinds, name);
}

std::string_view IcsLayoutName(IcsLayout layout) { return detail::NameOf(kLayouts, layout); }
std::optional<IcsLayout> ParseIcsLayout(std::string_view name) {
  return detail::ValueOf(kLayouts, name);
}

}  // namespace carelearn
