// Test fixture: the cross-municipal learning network of the 7 North Zealand
// municipalities (source text 000), reduced to two municipalities and three
// care centres. The months of the seminars (October 2021, March and May 2022)
// and the monthly network meetings are the source's; the days, clock times
// and units are illustrative.
#ifndef CARELEARN_TESTS_CPP_SCHEDULE_NETWORK_PROGRAMME_HPP_
#define CARELEARN_TESTS_CPP_SCHEDULE_NETWORK_PROGRAMME_HPP_

#include "carelearn/schedule/programme.hpp"

namespace carelearn::fixtures {

/// The network: three seminars (joint, whole-day), a monthly network meeting
/// of three learning agents (joint), every care centre's biweekly systematic
/// learning meeting, and one interdisciplinary case meeting at Egely that
/// overlaps its learning meeting.
inline Programme NetworkProgramme() {
  using M = absl::CivilMinute;
  Programme p;
  p.id = "north-zealand-2021";
  p.title = {"Læringsnetværk på tværs af kommuner", "Cross-municipal learning network"};
  p.units = {
      {"north-zealand", {"7 nordsjællandske kommuner", "7 North Zealand municipalities"}, ""},
      {"hoersholm", {"Hørsholm Kommune", "Hørsholm Municipality"}, "north-zealand"},
      {"egely", {"Plejecenter Egely", "Egely care centre"}, "hoersholm"},
      {"sophielund", {"Sophielund", "Sophielund"}, "hoersholm"},
      {"rudersdal", {"Rudersdal Kommune", "Rudersdal Municipality"}, "north-zealand"},
      {"birkebo", {"Birkebo", "Birkebo"}, "rudersdal"},
  };

  ProgrammeEntry seminars;
  seminars.id = "seminars";
  seminars.format = {"learning-seminar", 1};
  seminars.units = {"north-zealand"};
  seminars.hosting = Hosting::kJoint;
  seminars.occupies_day = true;
  seminars.recurrence.start = M(2021, 10, 26, 9, 0);
  seminars.recurrence.rdates = {M(2022, 3, 22, 9, 0), M(2022, 5, 17, 9, 0)};
  seminars.recurrence.duration = absl::Hours(6);
  seminars.roles = {{"leader", 20}, {"colleague", 80}};
  seminars.on_closed_day = ClosedDayPolicy::kKeep;

  ProgrammeEntry network;
  network.id = "network-meeting";
  network.format = {"learning-network-meeting", 1};
  network.units = {"north-zealand"};
  network.hosting = Hosting::kJoint;
  network.recurrence.start = M(2021, 9, 2, 13, 0);
  network.recurrence.duration = absl::Hours(2);
  network.recurrence.rule =
      RRule{Frequency::kMonthly,
            1,
            {{1, absl::Weekday::thursday}},
            {},
            std::nullopt,
            RRuleUntil{RRuleUntil::Kind::kDate, absl::CivilSecond(2022, 6, 30)},
            absl::Weekday::monday};
  network.people = {"agent-1", "agent-2", "agent-3"};

  ProgrammeEntry meeting;
  meeting.id = "learning-meeting";
  meeting.format = {"systematic-learning-meeting", 1};
  meeting.units = {"north-zealand"};
  meeting.recurrence.start = M(2021, 9, 14, 14, 0);
  meeting.recurrence.duration = absl::Minutes(30);
  meeting.recurrence.rule =
      RRule{Frequency::kWeekly,
            2,
            {},
            {},
            std::nullopt,
            RRuleUntil{RRuleUntil::Kind::kDate, absl::CivilSecond(2022, 6, 30)},
            absl::Weekday::monday};
  meeting.roles = {{"facilitator", 1}, {"colleague", 7}};

  ProgrammeEntry case_meeting;
  case_meeting.id = "case-meeting";
  case_meeting.format = {"interdisciplinary-case-meeting", 1};
  case_meeting.units = {"egely"};
  case_meeting.recurrence.start = M(2021, 9, 14, 14, 15);
  case_meeting.recurrence.duration = absl::Minutes(45);
  case_meeting.roles = {{"case-presenter", 1}, {"colleague", 2}};

  p.entries = {seminars, network, meeting, case_meeting};
  return p;
}

/// September 2021 to June 2022, in Copenhagen.
inline TimeWindow NetworkWindow() {
  return TimeWindow::Days(absl::CivilDay(2021, 9, 1), absl::CivilDay(2022, 7, 1),
                          CopenhagenTimeZone());
}

/// The Danish holidays, and Rudersdal's units closed for Christmas 2021.
inline WorkCalendar NetworkCalendar() {
  WorkCalendar calendar;
  const absl::Status added = calendar.AddClosure({absl::CivilDay(2021, 12, 20),
                                                  absl::CivilDay(2021, 12, 31),
                                                  {"Juleferie", "Christmas holidays"},
                                                  "rudersdal"});
  (void)added;  // a valid range
  return calendar;
}

}  // namespace carelearn::fixtures

#endif  // CARELEARN_TESTS_CPP_SCHEDULE_NETWORK_PROGRAMME_HPP_
