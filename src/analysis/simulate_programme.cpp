#include "analysis/simulate_programme.hpp"

#include <array>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "carelearn/model/role.hpp"
#include "carelearn/schedule/recurrence.hpp"
#include "detail/absl_compat.hpp"

namespace carelearn::detail {
namespace {

// A weekly slot of an area's entry.
struct Slot {
  EntryKind kind;
  std::string_view format;  // the format's id
  std::string_view name;    // the entry id's first part
  absl::Weekday weekday;
  int hour;
  int minute;
  int minutes;   // duration
  int interval;  // weeks
};

// Each area's slots (docs/simulate.md, "The programme").
std::array<Slot, 3> AreaSlots(UnitKind kind) {
  using absl::Weekday;
  constexpr std::string_view kSlm = "systematic-learning-meeting";
  constexpr std::string_view kIcm = "interdisciplinary-case-meeting";
  constexpr std::string_view kChm = "citizen-home-meeting";
  switch (kind) {
    case UnitKind::kHomeCare:
      return {
          {{EntryKind::kLearningMeeting, kSlm, "learning-meeting", Weekday::tuesday, 13, 0, 30, 2},
           {EntryKind::kCaseMeeting, kIcm, "case-meeting", Weekday::monday, 13, 0, 45, 1},
           {EntryKind::kHomeMeeting, kChm, "home-meeting", Weekday::thursday, 10, 0, 60, 2}}};
    case UnitKind::kNursingHome:
      return {{{EntryKind::kLearningMeeting, kSlm, "learning-meeting", Weekday::wednesday, 14, 0,
                30, 2},
               {EntryKind::kCaseMeeting, kIcm, "case-meeting", Weekday::thursday, 13, 30, 45, 1},
               {EntryKind::kHomeMeeting, kChm, "home-meeting", Weekday::tuesday, 10, 30, 45, 2}}};
    case UnitKind::kRehabilitation:
      return {{{EntryKind::kLearningMeeting, kSlm, "learning-meeting", Weekday::thursday, 12, 30,
                30, 2},
               {EntryKind::kCaseMeeting, kIcm, "case-meeting", Weekday::tuesday, 13, 0, 60, 1},
               {EntryKind::kHomeMeeting, kChm, "home-meeting", Weekday::monday, 10, 0, 60, 2}}};
  }
  return {};
}

// The first `weekday` on or after `day`.
absl::CivilDay OnOrAfter(absl::CivilDay day, absl::Weekday weekday) {
  while (absl::GetWeekday(day) != weekday) ++day;
  return day;
}

// The rule's last day: the last day simulated.
RRuleUntil Until(const SimulationOptions& options) {
  return {RRuleUntil::Kind::kDate,
          absl::CivilSecond(options.start_year + options.years - 1, 12, 31, 0, 0, 0)};
}

ExpectedRole Expect(std::string_view role, int people) { return {std::string(role), people}; }

}  // namespace

SimProgramme BuildProgramme(const SimOrganisation& org, const SimulationOptions& options) {
  SimProgramme sim;
  Programme& p = sim.document.programme;
  p.id = options.years == 1 ? absl::StrCat(org.municipality_id, "-", options.start_year)
                            : absl::StrCat(org.municipality_id, "-", options.start_year, "-",
                                           options.start_year + options.years - 1);
  p.title = {absl::StrCat("Syntetisk læringsprogram for ", org.municipality_name),
             absl::StrCat("Synthetic learning programme for ", org.municipality_name)};
  p.on_closed_day = ClosedDayPolicy::kSkip;

  // The organisation: the municipality, the areas that have units, the units.
  p.units.push_back({org.municipality_id, {org.municipality_name, org.municipality_name}, ""});
  sim.org_unit.push_back(org.central());
  constexpr std::array<UnitKind, 3> kKinds = {UnitKind::kHomeCare, UnitKind::kNursingHome,
                                              UnitKind::kRehabilitation};
  std::array<bool, 3> present = {false, false, false};
  for (const SimUnit& u : org.units) present[static_cast<std::size_t>(u.kind)] = true;
  for (UnitKind kind : kKinds) {
    if (!present[static_cast<std::size_t>(kind)]) continue;
    p.units.push_back({std::string(AreaId(kind)), AreaName(kind), org.municipality_id});
    sim.org_unit.push_back(org.central());
  }
  for (std::uint32_t u = 0; u < org.units.size(); ++u) {
    p.units.push_back({org.units[u].id, org.units[u].name, std::string(AreaId(org.units[u].kind))});
    sim.org_unit.push_back(u);
  }

  const absl::CivilDay first_day(options.start_year, 1, 1);
  auto add = [&](ProgrammeEntry entry, EntryKind kind) {
    p.entries.push_back(std::move(entry));
    sim.kinds.push_back(kind);
  };

  // Each area's weekly and fortnightly meetings.
  for (UnitKind kind : kKinds) {
    if (!present[static_cast<std::size_t>(kind)]) continue;
    for (const Slot& slot : AreaSlots(kind)) {
      ProgrammeEntry e;
      e.id = absl::StrCat(Sv(slot.name), "-", Sv(AreaId(kind)));
      e.format = {std::string(slot.format), 1};
      e.units = {std::string(AreaId(kind))};
      const absl::CivilDay day = OnOrAfter(first_day, slot.weekday);
      e.recurrence.start =
          absl::CivilMinute(day.year(), day.month(), day.day(), slot.hour, slot.minute);
      e.recurrence.duration = absl::Minutes(slot.minutes);
      RRule rule;
      rule.frequency = Frequency::kWeekly;
      rule.interval = slot.interval;
      rule.until = Until(options);
      e.recurrence.rule = rule;
      switch (slot.kind) {
        case EntryKind::kLearningMeeting:
          e.roles = {Expect(roles::kFacilitator, 1), Expect(roles::kCasePresenter, 1),
                     Expect(roles::kColleague, 6)};
          break;
        case EntryKind::kCaseMeeting:
          e.roles = {Expect(roles::kCasePresenter, 1), Expect(roles::kColleague, 5)};
          break;
        default:
          e.roles = {Expect(roles::kCitizen, 1), Expect(roles::kRelative, 1),
                     Expect(roles::kColleague, 2)};
          break;
      }
      add(std::move(e), slot.kind);
    }
  }

  // Monthly in every unit: a learning visit on the second Friday, a trial
  // action documented on the last Friday.
  auto monthly = [&](std::string_view id, std::string_view format, int ordinal, int hour,
                     absl::Duration duration) {
    ProgrammeEntry e;
    e.id = std::string(id);
    e.format = {std::string(format), 1};
    e.units = {org.municipality_id};
    const std::optional<absl::CivilDay> day =
        NthWeekday(absl::CivilMonth(options.start_year, 1), absl::Weekday::friday, ordinal);
    e.recurrence.start = absl::CivilMinute(day->year(), day->month(), day->day(), hour, 0);
    e.recurrence.duration = duration;
    RRule rule;
    rule.frequency = Frequency::kMonthly;
    rule.by_day = {{ordinal, absl::Weekday::friday}};
    rule.until = Until(options);
    e.recurrence.rule = rule;
    return e;
  };
  {
    ProgrammeEntry visit =
        monthly("learning-visit", "learning-visit", 2, 8, absl::Minutes(444));  // 7.4 hours
    visit.roles = {Expect(roles::kLearningAgent, 1), Expect(roles::kHostColleague, 1)};
    add(std::move(visit), EntryKind::kLearningVisit);
    ProgrammeEntry trial =
        monthly("trial-action", "trial-action-documentation", -1, 13, absl::Hours(1));
    trial.roles = {Expect(roles::kLearningActivist, 1)};
    add(std::move(trial), EntryKind::kTrialAction);
  }

  // Joint, with the partner municipalities: the network meeting on the first
  // Wednesday of each month, the seminars on the third Friday of March, May
  // and October.
  {
    ProgrammeEntry network;
    network.id = "learning-network";
    network.format = {"learning-network-meeting", 1};
    network.units = {org.municipality_id};
    network.hosting = Hosting::kJoint;
    const absl::CivilDay day =
        *NthWeekday(absl::CivilMonth(options.start_year, 1), absl::Weekday::wednesday, 1);
    network.recurrence.start = absl::CivilMinute(day.year(), day.month(), day.day(), 9, 0);
    network.recurrence.duration = absl::Hours(2);
    RRule rule;
    rule.frequency = Frequency::kMonthly;
    rule.by_day = {{1, absl::Weekday::wednesday}};
    rule.until = Until(options);
    network.recurrence.rule = rule;
    network.roles = {Expect(roles::kProjectLeader, 1), Expect(roles::kNetworkMember, 14)};
    add(std::move(network), EntryKind::kNetworkMeeting);

    ProgrammeEntry seminar;
    seminar.id = "learning-seminar";
    seminar.format = {"learning-seminar", 1};
    seminar.units = {org.municipality_id};
    seminar.hosting = Hosting::kJoint;
    seminar.occupies_day = true;
    seminar.recurrence.duration = absl::Hours(6);
    bool first = true;
    for (int year = options.start_year; year < options.start_year + options.years; ++year) {
      for (int month : {3, 5, 10}) {
        const absl::CivilDay d =
            *NthWeekday(absl::CivilMonth(year, month), absl::Weekday::friday, 3);
        const absl::CivilMinute start(d.year(), d.month(), d.day(), 9, 0);
        if (first) {
          seminar.recurrence.start = start;
          first = false;
        } else {
          seminar.recurrence.rdates.push_back(start);
        }
      }
    }
    seminar.roles = {Expect(roles::kLeader, 15), Expect(roles::kColleague, 60)};
    add(std::move(seminar), EntryKind::kSeminar);
  }
  return sim;
}

}  // namespace carelearn::detail
