#include "carelearn/schedule/programme.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "carelearn/io/builtin_catalog.hpp"
#include "carelearn/model/catalog.hpp"
#include "schedule/network_programme.hpp"

namespace carelearn {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using D = absl::CivilDay;
using M = absl::CivilMinute;

Schedule MustExpand(const Programme& p, const TimeWindow& window, const WorkCalendar& calendar) {
  absl::StatusOr<Schedule> s = Expand(p, window, calendar);
  EXPECT_TRUE(s.ok()) << s.status();
  return s.ok() ? *s : Schedule{};
}

int CountFor(const Schedule& s, std::string_view entry, std::string_view unit) {
  int n = 0;
  for (const ScheduledOccurrence& o : s.occurrences) {
    if (s.entry_id(o) == entry && s.unit_id(o) == unit) ++n;
  }
  return n;
}

// --- The cross-municipal learning network (7 North Zealand municipalities) -------------

TEST(ProgrammeTest, TheNetworkExpands) {
  const Schedule s = MustExpand(fixtures::NetworkProgramme(), fixtures::NetworkWindow(),
                                fixtures::NetworkCalendar());
  EXPECT_EQ(s.programme_id, "north-zealand-2021");
  // 3 seminars + 10 network meetings + 21 learning meetings in each of 3 units,
  // less birkebo's in Rudersdal's Christmas closure, + 1 case meeting.
  EXPECT_EQ(s.occurrences.size(), 3u + 10u + 21u * 3u - 1u + 1u);
  EXPECT_EQ(CountFor(s, "seminars", "north-zealand"), 3);
  EXPECT_EQ(CountFor(s, "network-meeting", "north-zealand"), 10);
  EXPECT_EQ(CountFor(s, "learning-meeting", "egely"), 21);
  EXPECT_EQ(CountFor(s, "learning-meeting", "sophielund"), 21);
  EXPECT_EQ(CountFor(s, "learning-meeting", "birkebo"), 20);
  EXPECT_EQ(CountFor(s, "learning-meeting", "hoersholm"), 0);  // not a leaf: its units hold it
  for (std::size_t i = 1; i < s.occurrences.size(); ++i) {
    EXPECT_LE(s.occurrences[i - 1].start, s.occurrences[i].start);
  }
}

TEST(ProgrammeTest, TheThreeSeminarDatesAreRdates) {
  const Schedule s = MustExpand(fixtures::NetworkProgramme(), fixtures::NetworkWindow(),
                                fixtures::NetworkCalendar());
  std::vector<M> seminars;
  for (const ScheduledOccurrence& o : s.occurrences) {
    if (s.entry_id(o) != "seminars") continue;
    seminars.push_back(o.local_start);
    EXPECT_EQ(s.format_id(o), "learning-seminar");
    EXPECT_EQ(o.expected_people, 100);
    EXPECT_EQ(o.end - o.start, absl::Hours(6));
  }
  // October 2021, March 2022 and May 2022, as the source says (the days are illustrative).
  EXPECT_THAT(seminars,
              ElementsAre(M(2021, 10, 26, 9, 0), M(2022, 3, 22, 9, 0), M(2022, 5, 17, 9, 0)));
}

TEST(ProgrammeTest, JointEntriesListTheirAttendees) {
  const Schedule s = MustExpand(fixtures::NetworkProgramme(), fixtures::NetworkWindow(),
                                fixtures::NetworkCalendar());
  const ScheduledEntry& seminars = s.entries[0];
  EXPECT_EQ(seminars.hosting, Hosting::kJoint);
  std::vector<std::string> attendees;
  for (std::uint32_t u : seminars.units) attendees.push_back(s.units[u].id);
  EXPECT_THAT(attendees, ElementsAre("egely", "sophielund", "birkebo"));
  EXPECT_EQ(s.units[seminars.host].id, "north-zealand");
}

TEST(ProgrammeTest, ConflictsInTheNetwork) {
  const Schedule s = MustExpand(fixtures::NetworkProgramme(), fixtures::NetworkWindow(),
                                fixtures::NetworkCalendar());
  const std::vector<Conflict> conflicts = FindConflicts(s);
  ASSERT_EQ(conflicts.size(), 4u);
  struct Seen {
    ConflictKind kind;
    std::string unit, first_entry, second_entry;
    M first_start, second_start;
    bool operator==(const Seen&) const = default;
  };
  std::vector<Seen> seen;
  for (const Conflict& c : conflicts) {
    ASSERT_LT(c.first, c.second);
    const ScheduledOccurrence& a = s.occurrences[c.first];
    const ScheduledOccurrence& b = s.occurrences[c.second];
    seen.push_back({c.kind, c.unit, std::string(s.entry_id(a)), std::string(s.entry_id(b)),
                    a.local_start, b.local_start});
  }
  const M seminar(2021, 10, 26, 9, 0);
  const M meeting(2021, 10, 26, 14, 0);
  EXPECT_EQ(seen[0], (Seen{ConflictKind::kDoubleBooked, "egely", "learning-meeting", "case-meeting",
                           M(2021, 9, 14, 14, 0), M(2021, 9, 14, 14, 15)}));
  EXPECT_EQ(seen[1], (Seen{ConflictKind::kSeminarDay, "egely", "seminars", "learning-meeting",
                           seminar, meeting}));
  EXPECT_EQ(seen[2], (Seen{ConflictKind::kSeminarDay, "sophielund", "seminars", "learning-meeting",
                           seminar, meeting}));
  EXPECT_EQ(seen[3], (Seen{ConflictKind::kSeminarDay, "birkebo", "seminars", "learning-meeting",
                           seminar, meeting}));
  EXPECT_EQ(ConflictKindName(ConflictKind::kSeminarDay), "seminar-day");
}

TEST(ProgrammeTest, ASeminarDayCollidesEvenWithoutOverlap) {
  Programme p = fixtures::NetworkProgramme();
  // Move every unit's meeting to 16:00: after the seminar, but the same day.
  p.entries[2].recurrence.start = M(2021, 9, 14, 16, 0);
  p.entries.pop_back();  // no case meeting
  const Schedule s = MustExpand(p, fixtures::NetworkWindow(), fixtures::NetworkCalendar());
  const std::vector<Conflict> conflicts = FindConflicts(s);
  ASSERT_EQ(conflicts.size(), 3u);
  for (const Conflict& c : conflicts) {
    EXPECT_EQ(c.kind, ConflictKind::kSeminarDay);
    EXPECT_EQ(s.occurrences[c.second].local_start, M(2021, 10, 26, 16, 0));
  }
  // Without occupying the day, there is nothing.
  p.entries[0].occupies_day = false;
  EXPECT_THAT(FindConflicts(MustExpand(p, fixtures::NetworkWindow(), fixtures::NetworkCalendar())),
              IsEmpty());
}

TEST(ProgrammeTest, BackToBackAndFlexibleDoNotCollide) {
  Programme p;
  p.id = "p";
  p.units = {{"unit", {"Enhed", "Unit"}, ""}};
  ProgrammeEntry a;
  a.id = "a";
  a.format = {"systematic-learning-meeting", 1};
  a.units = {"unit"};
  a.recurrence.start = M(2026, 3, 4, 14, 0);
  a.recurrence.duration = absl::Minutes(30);
  ProgrammeEntry b = a;
  b.id = "b";
  b.recurrence.start = M(2026, 3, 4, 14, 30);
  ProgrammeEntry reading = a;
  reading.id = "reading";
  reading.flexible = true;
  reading.recurrence.duration = absl::Hours(2);
  p.entries = {a, b, reading};
  const Schedule s = MustExpand(p, {}, WorkCalendar());
  EXPECT_EQ(s.occurrences.size(), 3u);
  EXPECT_THAT(FindConflicts(s), IsEmpty());
  p.entries[1].recurrence.start = M(2026, 3, 4, 14, 29);
  const std::vector<Conflict> c = FindConflicts(MustExpand(p, {}, WorkCalendar()));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, ConflictKind::kDoubleBooked);
  EXPECT_EQ(c[0].unit, "unit");
}

TEST(ProgrammeTest, PlannedHoursPerUnit) {
  const Schedule s = MustExpand(fixtures::NetworkProgramme(), fixtures::NetworkWindow(),
                                fixtures::NetworkCalendar());
  const std::vector<UnitMonthLoad> load = PlannedHoursPerUnit(s);
  // 3 leaf units × 10 months (Sep 2021 – Jun 2022).
  EXPECT_EQ(load.size(), 30u);
  const auto find = [&](std::string_view unit, absl::CivilMonth month) -> const UnitMonthLoad* {
    for (const UnitMonthLoad& l : load) {
      if (l.unit == unit && l.month == month) return &l;
    }
    return nullptr;
  };
  // Egely, October 2021: learning meetings 12 and 26 October (2 × ½ h, 8 people),
  // the network meeting 7 October (2 h) and the seminar 26 October (6 h).
  const UnitMonthLoad* october = find("egely", absl::CivilMonth(2021, 10));
  ASSERT_NE(october, nullptr);
  EXPECT_EQ(october->sessions, 4);
  EXPECT_DOUBLE_EQ(october->hours, 9.0);
  EXPECT_DOUBLE_EQ(october->person_hours, 8.0);
  // Egely, September 2021: 14 and 28 September, the network meeting, the case meeting (¾ h, 3
  // people).
  const UnitMonthLoad* september = find("egely", absl::CivilMonth(2021, 9));
  ASSERT_NE(september, nullptr);
  EXPECT_EQ(september->sessions, 4);
  EXPECT_DOUBLE_EQ(september->hours, 3.75);
  EXPECT_DOUBLE_EQ(september->person_hours, 8.0 + 2.25);
  // Birkebo, December 2021: the meeting of the 21st falls in Rudersdal's closure.
  const UnitMonthLoad* december = find("birkebo", absl::CivilMonth(2021, 12));
  ASSERT_NE(december, nullptr);
  EXPECT_EQ(december->sessions, 2);  // 7 December and the network meeting of 2 December
  EXPECT_DOUBLE_EQ(december->hours, 2.5);
  // Sorted by unit in programme order, then month.
  EXPECT_EQ(load.front().unit, "egely");
  EXPECT_EQ(load.front().month, absl::CivilMonth(2021, 9));
  EXPECT_EQ(load.back().unit, "birkebo");
  EXPECT_EQ(load.back().month, absl::CivilMonth(2022, 6));
}

TEST(ProgrammeTest, PlannedHoursPerPerson) {
  const Schedule s = MustExpand(fixtures::NetworkProgramme(), fixtures::NetworkWindow(),
                                fixtures::NetworkCalendar());
  const std::vector<PersonMonthLoad> load = PlannedHoursPerPerson(s);
  // Three learning agents at the monthly network meeting, 10 months.
  ASSERT_EQ(load.size(), 30u);
  EXPECT_EQ(load[0].person, "agent-1");
  EXPECT_EQ(load[0].month, absl::CivilMonth(2021, 9));
  EXPECT_EQ(load[0].sessions, 1);
  EXPECT_DOUBLE_EQ(load[0].hours, 2.0);
  EXPECT_EQ(load[29].person, "agent-3");
}

TEST(ProgrammeTest, APersonAtAnEntryHeldByManyUnitsCountsOnce) {
  Programme p;
  p.id = "p";
  p.units = {{"top", {}, ""}, {"a", {}, "top"}, {"b", {}, "top"}};
  ProgrammeEntry e;
  e.id = "e";
  e.format = {"learning-visit", 1};
  e.units = {"top"};
  e.people = {"leader-7"};
  e.recurrence.start = M(2026, 3, 4, 9, 0);
  e.recurrence.duration = absl::Hours(3);
  p.entries = {e};
  const Schedule s = MustExpand(p, {}, WorkCalendar());
  EXPECT_EQ(s.occurrences.size(), 2u);
  EXPECT_EQ(s.occurrences[0].expected_people, 1);
  const std::vector<PersonMonthLoad> load = PlannedHoursPerPerson(s);
  ASSERT_EQ(load.size(), 1u);
  EXPECT_EQ(load[0].sessions, 1);
  EXPECT_DOUBLE_EQ(load[0].hours, 3.0);
}

// --- The diploma module (Gentofte, Center for Netværk) -------------------------------

TEST(ProgrammeTest, TheCompetenceModuleFromItsComponents) {
  // The catalog's components: 8 sessions every other week, and 2 hours of reading a week.
  const Component sessions{{"competence-module-session", 1}, Cadence{2, Period::kWeek, 8}, {}};
  const Component reading{{"competence-module-reading", 1}, Cadence{1, Period::kWeek, {}}, {}};
  Programme p;
  p.id = "gentofte-2018";
  p.title = {"Skræddersyet diplommodul", "Tailored diploma module"};
  p.units = {{"gentofte", {"Gentofte Kommune", "Gentofte Municipality"}, ""},
             {"center-for-netvaerk", {"Center for Netværk", "Center for Netværk"}, "gentofte"}};
  absl::StatusOr<ProgrammeEntry> s =
      EntryFromComponent(sessions, M(2018, 9, 5, 9, 0), absl::Hours(6), {"gentofte"});
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->id, "competence-module-session");
  EXPECT_EQ(ToString(*s->recurrence.rule), "FREQ=WEEKLY;INTERVAL=2;COUNT=8");
  s->count_held_sessions = true;
  s->roles = {{"teacher", 1}, {"colleague", 21}};
  absl::StatusOr<ProgrammeEntry> r =
      EntryFromComponent(reading, M(2018, 9, 3, 8, 0), absl::Hours(2), {"center-for-netvaerk"});
  ASSERT_TRUE(r.ok()) << r.status();
  r->recurrence.rule->until = RRuleUntil{RRuleUntil::Kind::kDate, absl::CivilSecond(2019, 1, 31)};
  r->flexible = true;
  p.entries = {*s, *r};

  WorkCalendar calendar;
  ASSERT_TRUE(
      calendar.AddClosure({D(2018, 12, 24), D(2019, 1, 1), {"Juleferie", "Christmas"}}).ok());
  ASSERT_TRUE(calendar
                  .AddClosure({D(2018, 10, 15),
                               D(2018, 10, 19),
                               {"Efterårsferie", "Autumn holiday"},
                               "center-for-netvaerk"})
                  .ok());
  const Schedule schedule = MustExpand(p, {}, calendar);
  std::vector<M> teaching;
  int reading_weeks = 0;
  for (const ScheduledOccurrence& o : schedule.occurrences) {
    EXPECT_EQ(schedule.unit_id(o), "center-for-netvaerk");
    if (schedule.entry_id(o) == "competence-module-session") {
      teaching.push_back(o.local_start);
      EXPECT_EQ(o.expected_people, 22);
    } else {
      ++reading_weeks;
    }
  }
  EXPECT_THAT(teaching,
              ElementsAre(M(2018, 9, 5, 9, 0), M(2018, 9, 19, 9, 0), M(2018, 10, 3, 9, 0),
                          M(2018, 10, 31, 9, 0), M(2018, 11, 14, 9, 0), M(2018, 11, 28, 9, 0),
                          M(2018, 12, 12, 9, 0), M(2019, 1, 9, 9, 0)));
  // Mondays 3 Sep 2018 – 28 Jan 2019 are 22 weeks; the autumn holiday and the
  // Christmas closure (24 and 31 December) take three.
  EXPECT_EQ(reading_weeks, 22 - 3);
  // Reading is flexible: it never collides with teaching.
  EXPECT_THAT(FindConflicts(schedule), IsEmpty());
}

TEST(ProgrammeTest, TheBuiltinCatalogsCadencesBecomeRules) {
  const Catalog& catalog = BuiltinCatalog();
  const Format* meeting = catalog.Find("systematic-learning-meeting");
  ASSERT_NE(meeting, nullptr);
  ASSERT_TRUE(meeting->cadence.has_value());
  EXPECT_EQ(ToString(*RRuleFromCadence(*meeting->cadence)), "FREQ=WEEKLY;INTERVAL=2");

  const Format* module = catalog.Find("competence-module");
  ASSERT_NE(module, nullptr);
  ASSERT_FALSE(module->components.empty());
  const Component& sessions = module->components[0];
  EXPECT_EQ(sessions.format.id, "competence-module-session");
  absl::StatusOr<ProgrammeEntry> entry =
      EntryFromComponent(sessions, M(2018, 9, 5, 9, 0), absl::Hours(6), {"center-for-netvaerk"});
  ASSERT_TRUE(entry.ok()) << entry.status();
  EXPECT_EQ(ToString(*entry->recurrence.rule), "FREQ=WEEKLY;INTERVAL=2;COUNT=8");

  const Format* network = catalog.Find("cross-municipal-learning-network");
  ASSERT_NE(network, nullptr);
  std::vector<std::string> rules;
  for (const Component& c : network->components) {
    if (c.cadence) rules.push_back(c.format.id + " " + ToString(*RRuleFromCadence(*c.cadence)));
  }
  EXPECT_THAT(rules, ::testing::Contains("learning-network-meeting FREQ=MONTHLY"));
  EXPECT_THAT(rules, ::testing::Contains("systematic-learning-meeting FREQ=WEEKLY;INTERVAL=2"));
}

// --- Validation ---------------------------------------------------------------------

std::string ErrorOf(const Programme& p) {
  const absl::Status s = ValidateProgramme(p);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
  return std::string(s.message());
}

TEST(ProgrammeTest, ValidationErrors) {
  EXPECT_TRUE(ValidateProgramme(fixtures::NetworkProgramme()).ok());

  Programme p = fixtures::NetworkProgramme();
  p.units[2].id = "";
  EXPECT_EQ(ErrorOf(p), "units[2]: the id is empty");

  p = fixtures::NetworkProgramme();
  p.units[3].id = "egely";
  EXPECT_EQ(ErrorOf(p), "units[3] \"egely\": the id is already used by units[2]");

  p = fixtures::NetworkProgramme();
  p.units[1].parent = "fredensborg";
  EXPECT_EQ(ErrorOf(p),
            "units[1] \"hoersholm\": the parent \"fredensborg\" is not a unit of the programme");

  p = fixtures::NetworkProgramme();
  p.units[0].parent = "egely";
  EXPECT_EQ(ErrorOf(p), "units[0] \"north-zealand\": its parents lead back to itself");

  p = fixtures::NetworkProgramme();
  p.entries[1].units = {"north-zealand", "allerod"};
  EXPECT_EQ(ErrorOf(p),
            "entries[1] \"network-meeting\": unit \"allerod\" is not a unit of the programme");

  p = fixtures::NetworkProgramme();
  p.entries[1].units.clear();
  EXPECT_EQ(ErrorOf(p), "entries[1] \"network-meeting\": names no units");

  p = fixtures::NetworkProgramme();
  p.entries[2].id = "seminars";
  EXPECT_EQ(ErrorOf(p), "entries[2] \"seminars\": the id is already used by entries[0]");

  p = fixtures::NetworkProgramme();
  p.entries[0].roles[0].people = -1;
  EXPECT_EQ(ErrorOf(p),
            "entries[0] \"seminars\": role \"leader\": -1 people expected; must be 0 or more");

  p = fixtures::NetworkProgramme();
  p.entries[2].recurrence.rule->interval = 0;
  EXPECT_EQ(ErrorOf(p),
            "entries[2] \"learning-meeting\": RRULE part \"INTERVAL=0\": INTERVAL must be a whole "
            "number from 1");
}

TEST(ProgrammeTest, ExpansionErrorsNameTheEntry) {
  Programme p = fixtures::NetworkProgramme();
  p.entries[2].recurrence.rule->until.reset();
  const absl::StatusOr<Schedule> s = Expand(p, {}, WorkCalendar());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().message(),
            "entries[2] \"learning-meeting\": RRULE \"FREQ=WEEKLY;INTERVAL=2\" has neither COUNT "
            "nor UNTIL: it can only be expanded within a window that ends");
  EXPECT_TRUE(Expand(p, fixtures::NetworkWindow(), WorkCalendar()).ok());
}

TEST(ProgrammeTest, AnEmptyWindowGivesAnEmptySchedule) {
  const absl::Time t =
      absl::FromCivil(absl::CivilSecond(2021, 10, 26, 0, 0, 0), CopenhagenTimeZone());
  const Schedule s = MustExpand(fixtures::NetworkProgramme(), {t, t}, fixtures::NetworkCalendar());
  EXPECT_THAT(s.occurrences, IsEmpty());
  EXPECT_EQ(s.entries.size(), 4u);
  EXPECT_THAT(FindConflicts(s), IsEmpty());
  EXPECT_THAT(PlannedHoursPerUnit(s), IsEmpty());
}

TEST(ProgrammeTest, ExpectedPeople) {
  ProgrammeEntry e;
  EXPECT_EQ(e.ExpectedPeople(), 0);
  e.roles = {{"facilitator", 1}, {"colleague", 7}};
  EXPECT_EQ(e.ExpectedPeople(), 8);
  e.people = {"p1", "p2"};
  EXPECT_EQ(e.ExpectedPeople(), 2);
  EXPECT_EQ(HostingName(Hosting::kJoint), "joint");
}

// --- Formats from a catalog, durations from formats, skipped occurrences ---------------

TEST(ProgrammeTest, FormatsAreCheckedAgainstACatalog) {
  const Catalog& builtin = BuiltinCatalog();
  EXPECT_TRUE(ValidateProgramme(fixtures::NetworkProgramme(), builtin).ok());

  Programme p = fixtures::NetworkProgramme();
  p.entries[2].format.id = "systematic-learning-meting";
  EXPECT_TRUE(ValidateProgramme(p).ok());  // without a catalog nothing can tell
  absl::Status s = ValidateProgramme(p, builtin);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(),
            "entries[2] \"learning-meeting\": format \"systematic-learning-meting\" is not in the "
            "catalog; did you mean \"systematic-learning-meeting\"?");
  // Expand with the catalog refuses it too.
  EXPECT_EQ(Expand(p, fixtures::NetworkWindow(), WorkCalendar(), &builtin).status().message(),
            s.message());

  p.entries[2].format = {"coffee-break", 1};
  EXPECT_EQ(ValidateProgramme(p, builtin).message(),
            "entries[2] \"learning-meeting\": format \"coffee-break\" is not in the catalog");
  p.entries[2].format = {"systematic-learning-meeting", 9};
  EXPECT_EQ(ValidateProgramme(p, builtin).message(),
            "entries[2] \"learning-meeting\": format \"systematic-learning-meeting\" has no "
            "version 9 in the catalog; it has 1");
}

TEST(ProgrammeTest, AnEntryWithoutADurationIsHeldForItsFormats) {
  Programme p = fixtures::NetworkProgramme();
  p.entries[2].recurrence.duration = absl::ZeroDuration();  // forgotten
  // Without a catalog a forgotten duration is an error, never zero-length meetings.
  absl::StatusOr<Schedule> without = Expand(p, fixtures::NetworkWindow(), WorkCalendar());
  EXPECT_EQ(without.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(without.status().message(),
            "entries[2] \"learning-meeting\": the duration is not given (0) and no catalog is at "
            "hand to take format \"systematic-learning-meeting\"'s planned duration from; give a "
            "duration");
  absl::StatusOr<Schedule> with =
      Expand(p, fixtures::NetworkWindow(), WorkCalendar(), &BuiltinCatalog());
  ASSERT_TRUE(with.ok()) << with.status();
  int meetings = 0;
  for (const ScheduledOccurrence& o : with->occurrences) {
    if (with->entry_id(o) != "learning-meeting") continue;
    ++meetings;
    EXPECT_EQ(o.end - o.start, absl::Minutes(30));  // the meeting's planned 30 minutes
  }
  EXPECT_EQ(meetings, 21 * 3);
  absl::StatusOr<absl::Duration> d = EntryDuration(p.entries[2], &BuiltinCatalog());
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(*d, absl::Minutes(30));

  // The network meeting's format has no planned duration to take.
  p.entries[1].recurrence.duration = absl::ZeroDuration();
  EXPECT_EQ(ValidateProgramme(p, BuiltinCatalog()).message(),
            "entries[1] \"network-meeting\": the duration is not given (0) and format "
            "\"learning-network-meeting\" has no fixed planned duration; give a duration");
}

TEST(ProgrammeTest, TheScheduleListsWhatItSkippedAndWhy) {
  const Schedule s = MustExpand(fixtures::NetworkProgramme(), fixtures::NetworkWindow(),
                                fixtures::NetworkCalendar());
  // Birkebo's meeting on 21 December 2021, in Rudersdal's Christmas closure.
  ASSERT_EQ(s.skipped.size(), 1u);
  const SkippedOccurrence& k = s.skipped[0];
  EXPECT_EQ(s.entries[k.entry].id, "learning-meeting");
  EXPECT_EQ(s.units[k.unit].id, "birkebo");
  EXPECT_EQ(k.original, M(2021, 12, 21, 14, 0));
  EXPECT_EQ(k.start,
            absl::FromCivil(absl::CivilSecond(2021, 12, 21, 13, 0, 0), absl::UTCTimeZone()));
  EXPECT_EQ(k.reason, SkipReason::kClosure);
  EXPECT_EQ(SkipReasonName(k.reason), "closure");
  EXPECT_FALSE(k.holiday.has_value());
  EXPECT_EQ(k.closure, fixtures::NetworkCalendar().closures()[0].reason);

  // A Monday meeting in Easter week 2026: 2. påskedag is skipped as a holiday, for each unit.
  Programme p;
  p.id = "p";
  p.units = {{.id = "egely"}, {.id = "sophielund"}};
  ProgrammeEntry e;
  e.id = "monday";
  e.format = {"systematic-learning-meeting", 1};
  e.units = {"egely", "sophielund"};
  e.recurrence.start = M(2026, 3, 30, 14, 0);
  e.recurrence.duration = absl::Minutes(30);
  e.recurrence.rule = *ParseRRule("FREQ=WEEKLY;COUNT=3");
  p.entries = {e};
  const Schedule easter = MustExpand(p, {}, WorkCalendar());
  EXPECT_EQ(easter.occurrences.size(), 4u);
  ASSERT_EQ(easter.skipped.size(), 2u);
  for (std::uint32_t u = 0; u < 2; ++u) {
    EXPECT_EQ(easter.skipped[u].unit, u);
    EXPECT_EQ(easter.skipped[u].original, M(2026, 4, 6, 14, 0));
    EXPECT_EQ(easter.skipped[u].reason, SkipReason::kHoliday);
    EXPECT_EQ(easter.skipped[u].holiday, HolidayKind::kEasterMonday);
  }
}

TEST(ProgrammeTest, CheckProgrammeWarnsPerEntry) {
  Programme p = fixtures::NetworkProgramme();
  EXPECT_THAT(CheckProgramme(p), IsEmpty());
  p.entries[2].recurrence.rule = *ParseRRule("FREQ=WEEKLY;BYDAY=MO;COUNT=5");  // from a Tuesday
  const std::vector<Diagnostic> found = CheckProgramme(p);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].code, "start-not-in-rule");
  EXPECT_EQ(found[0].path, "entries[2].recurrence.start");
}

TEST(ProgrammeNamesTest, RoundTrip) {
  for (const Hosting h : {Hosting::kEachUnit, Hosting::kJoint}) {
    EXPECT_EQ(ParseHosting(HostingName(h)), h);
  }
  for (const ConflictKind k : {ConflictKind::kDoubleBooked, ConflictKind::kSeminarDay}) {
    EXPECT_EQ(ParseConflictKind(ConflictKindName(k)), k);
  }
  EXPECT_EQ(HostingName(Hosting::kEachUnit), "each-unit");
  EXPECT_EQ(HostingName(static_cast<Hosting>(5)), "");
  EXPECT_EQ(ParseConflictKind("overlap"), std::nullopt);
}

}  // namespace
}  // namespace carelearn
