#include "carelearn/schedule/work_calendar.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace carelearn {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using D = absl::CivilDay;
using M = absl::CivilMinute;

Recurrence Series(M start, std::string_view rule, absl::Duration duration = absl::Minutes(30)) {
  Recurrence r;
  r.start = start;
  r.duration = duration;
  absl::StatusOr<RRule> parsed = ParseRRule(rule);
  EXPECT_TRUE(parsed.ok()) << parsed.status();
  if (parsed.ok()) r.rule = *parsed;
  return r;
}

std::vector<M> Starts(const CalendarExpansion& e) {
  std::vector<M> out;
  for (const Occurrence& o : e.occurrences) out.push_back(o.local_start);
  return out;
}

CalendarExpansion MustExpand(const Recurrence& r, const WorkCalendar& calendar, CalendarRules rules,
                             const TimeWindow& window = {}) {
  absl::StatusOr<CalendarExpansion> e = ExpandOnCalendar(r, window, calendar, rules);
  EXPECT_TRUE(e.ok()) << e.status();
  return e.ok() ? *e : CalendarExpansion{};
}

// --- The calendar ----------------------------------------------------------------

TEST(WorkCalendarTest, HolidaysAreClosedWeekendsAreNot) {
  const WorkCalendar calendar;
  EXPECT_TRUE(calendar.IsClosed(D(2026, 4, 6)));    // 2. påskedag
  EXPECT_TRUE(calendar.IsClosed(D(2026, 12, 25)));  // juledag
  EXPECT_FALSE(calendar.IsClosed(D(2026, 4, 11)));  // a Saturday
  EXPECT_FALSE(calendar.IsWorkingDay(D(2026, 4, 11)));
  EXPECT_TRUE(calendar.IsWorkingDay(D(2026, 4, 7)));
  EXPECT_FALSE(calendar.IsClosed(D(2026, 6, 5)));  // grundlovsdag: not unless asked
  EXPECT_TRUE(WorkCalendar(true).IsClosed(D(2026, 6, 5)));
  EXPECT_EQ(calendar.HolidayOn(D(2026, 5, 14)), HolidayKind::kAscensionDay);
  EXPECT_FALSE(WorkCalendar::WithoutHolidays().IsClosed(D(2026, 12, 25)));
  EXPECT_EQ(WorkCalendar::WithoutHolidays().HolidayOn(D(2026, 12, 25)), std::nullopt);
}

TEST(WorkCalendarTest, ClosuresAreInclusive) {
  WorkCalendar calendar;
  ASSERT_TRUE(calendar.AddClosure({D(2026, 7, 6), D(2026, 7, 31), {"Sommerferie", "Summer"}}).ok());
  EXPECT_FALSE(calendar.IsClosed(D(2026, 7, 5)));
  EXPECT_TRUE(calendar.IsClosed(D(2026, 7, 6)));
  EXPECT_TRUE(calendar.IsClosed(D(2026, 7, 31)));
  EXPECT_FALSE(calendar.IsClosed(D(2026, 8, 1)));
  EXPECT_EQ(calendar.LongestClosure(), 26);
  EXPECT_EQ(calendar.NextWorkingDay(D(2026, 7, 3)), D(2026, 8, 3));
}

TEST(WorkCalendarTest, AnInvertedClosureIsAnError) {
  WorkCalendar calendar;
  const absl::Status s = calendar.AddClosure({D(2026, 7, 31), D(2026, 7, 6), {}});
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "closure 2026-07-31 to 2026-07-06: the last day is before the first");
  EXPECT_THAT(calendar.closures(), IsEmpty());
}

TEST(WorkCalendarTest, TouchingClosuresMerge) {
  WorkCalendar calendar;
  ASSERT_TRUE(calendar.AddClosure({D(2026, 7, 13), D(2026, 7, 24), {}}).ok());
  ASSERT_TRUE(calendar.AddClosure({D(2026, 7, 6), D(2026, 7, 12), {}}).ok());
  EXPECT_EQ(calendar.LongestClosure(), 19);
}

TEST(WorkCalendarTest, AUnitsOwnDaysOff) {
  WorkCalendar calendar;
  ASSERT_TRUE(
      calendar.AddClosure({D(2026, 9, 14), D(2026, 9, 14), {"Temadag", "Theme day"}, "egely"})
          .ok());
  const std::vector<std::string> egely = {"egely", "hoersholm"};
  const std::vector<std::string> other = {"sophielund", "hoersholm"};
  EXPECT_FALSE(calendar.IsClosed(D(2026, 9, 14)));
  EXPECT_TRUE(calendar.IsClosed(D(2026, 9, 14), egely));
  EXPECT_FALSE(calendar.IsClosed(D(2026, 9, 14), other));
  EXPECT_TRUE(calendar.ForUnits(egely).IsClosed(D(2026, 9, 14)));
  EXPECT_FALSE(calendar.ForUnits(other).IsClosed(D(2026, 9, 14)));
  EXPECT_EQ(calendar.ForUnits(egely).closures()[0].unit, "");
}

TEST(WorkCalendarTest, NextWorkingDayAfterEaster) {
  const WorkCalendar calendar;
  // Skærtorsdag, langfredag, the weekend and 2. påskedag.
  EXPECT_EQ(calendar.NextWorkingDay(D(2026, 4, 1)), D(2026, 4, 7));
  EXPECT_EQ(calendar.NextWorkingDay(D(2026, 4, 2)), D(2026, 4, 7));
  EXPECT_EQ(calendar.NextWorkingDay(D(2026, 5, 8)), D(2026, 5, 11));  // a Friday
}

TEST(WorkCalendarTest, NoWorkingDayWithinTenYears) {
  WorkCalendar calendar;
  ASSERT_TRUE(calendar.AddClosure({D(2026, 1, 1), D(2040, 1, 1), {}}).ok());
  EXPECT_EQ(calendar.NextWorkingDay(D(2026, 3, 2)), std::nullopt);
  const absl::StatusOr<CalendarExpansion> e =
      ExpandOnCalendar(Series(M(2026, 3, 2, 9, 0), "FREQ=WEEKLY;COUNT=2"), {}, calendar,
                       {ClosedDayPolicy::kMoveToNextWorkingDay, false});
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().message(),
            "the occurrence at 2026-03-02T09:00 falls on a closed day and no working day follows "
            "within ten years");
}

TEST(WorkCalendarTest, PolicyNames) {
  EXPECT_EQ(ClosedDayPolicyName(ClosedDayPolicy::kMoveToNextWorkingDay),
            "move-to-next-working-day");
  EXPECT_EQ(ParseClosedDayPolicy("skip"), ClosedDayPolicy::kSkip);
  EXPECT_EQ(ParseClosedDayPolicy("Skip"), std::nullopt);
}

// --- Skip and move -----------------------------------------------------------------

TEST(WorkCalendarTest, AMondayMeetingSkipsEasterMonday) {
  const Recurrence r = Series(M(2026, 3, 30, 14, 0), "FREQ=WEEKLY;COUNT=3");
  const CalendarExpansion skip = MustExpand(r, WorkCalendar(), {ClosedDayPolicy::kSkip, false});
  EXPECT_THAT(Starts(skip), ElementsAre(M(2026, 3, 30, 14, 0), M(2026, 4, 13, 14, 0)));
  EXPECT_THAT(skip.skipped, ElementsAre(M(2026, 4, 6, 14, 0)));
  EXPECT_EQ(skip.rule_count, std::nullopt);

  const CalendarExpansion keep = MustExpand(r, WorkCalendar(), {ClosedDayPolicy::kKeep, false});
  EXPECT_EQ(keep.occurrences.size(), 3u);
  EXPECT_THAT(keep.skipped, IsEmpty());
}

TEST(WorkCalendarTest, AMondayMeetingMovesToTheTuesday) {
  const Recurrence r = Series(M(2026, 3, 30, 14, 0), "FREQ=WEEKLY;COUNT=3");
  const CalendarExpansion move =
      MustExpand(r, WorkCalendar(), {ClosedDayPolicy::kMoveToNextWorkingDay, false});
  EXPECT_THAT(Starts(move),
              ElementsAre(M(2026, 3, 30, 14, 0), M(2026, 4, 7, 14, 0), M(2026, 4, 13, 14, 0)));
  EXPECT_EQ(move.occurrences[1].original, M(2026, 4, 6, 14, 0));
  EXPECT_TRUE(move.occurrences[1].moved());
  EXPECT_THAT(move.skipped, IsEmpty());
}

TEST(WorkCalendarTest, AThursdayMeetingOnMaundyThursdayMovesPastEaster) {
  const Recurrence r = Series(M(2026, 3, 26, 10, 0), "FREQ=WEEKLY;COUNT=3");
  const CalendarExpansion move =
      MustExpand(r, WorkCalendar(), {ClosedDayPolicy::kMoveToNextWorkingDay, false});
  EXPECT_THAT(Starts(move),
              ElementsAre(M(2026, 3, 26, 10, 0), M(2026, 4, 7, 10, 0), M(2026, 4, 9, 10, 0)));
}

TEST(WorkCalendarTest, AMoveFromBeforeTheWindowLandsInIt) {
  const Recurrence r = Series(M(2026, 3, 30, 14, 0), "FREQ=WEEKLY;COUNT=3");
  const TimeWindow april7 = TimeWindow::Days(D(2026, 4, 7), D(2026, 4, 8), CopenhagenTimeZone());
  const CalendarExpansion move =
      MustExpand(r, WorkCalendar(), {ClosedDayPolicy::kMoveToNextWorkingDay, false}, april7);
  EXPECT_THAT(Starts(move), ElementsAre(M(2026, 4, 7, 14, 0)));
}

TEST(WorkCalendarTest, AMoveAcrossALongClosureIntoTheWindow) {
  WorkCalendar calendar;
  ASSERT_TRUE(calendar.AddClosure({D(2026, 6, 29), D(2026, 8, 7), {"Sommerferie", "Summer"}}).ok());
  const Recurrence r = Series(M(2026, 6, 1, 9, 0), "FREQ=WEEKLY;BYDAY=MO");
  const TimeWindow august = TimeWindow::Days(D(2026, 8, 1), D(2026, 9, 1), CopenhagenTimeZone());
  const CalendarExpansion move =
      MustExpand(r, calendar, {ClosedDayPolicy::kMoveToNextWorkingDay, false}, august);
  // The six Mondays of the summer closure all land on Monday 10 August, besides its own.
  ASSERT_EQ(move.occurrences.size(), 6u + 1u + 3u);
  for (std::size_t i = 0; i < 7; ++i)
    EXPECT_EQ(move.occurrences[i].local_start, M(2026, 8, 10, 9, 0));
  EXPECT_EQ(move.occurrences[0].original, M(2026, 6, 29, 9, 0));
}

TEST(WorkCalendarTest, RdatesAreSkippedToo) {
  Recurrence r;
  r.start = M(2026, 5, 13, 9, 0);
  r.rdates = {M(2026, 5, 14, 9, 0), M(2026, 5, 15, 9, 0)};  // Kristi himmelfartsdag, then a Friday
  const CalendarExpansion skip = MustExpand(r, WorkCalendar(), {ClosedDayPolicy::kSkip, false});
  EXPECT_THAT(Starts(skip), ElementsAre(M(2026, 5, 13, 9, 0), M(2026, 5, 15, 9, 0)));
}

TEST(WorkCalendarTest, AMoveByRecurrenceIdIsWhereTheUserPutIt) {
  Recurrence r = Series(M(2026, 3, 30, 14, 0), "FREQ=WEEKLY;COUNT=3");
  r.moves = {{M(2026, 4, 6, 14, 0), M(2026, 4, 6, 16, 0), std::nullopt}};  // on 2. påskedag
  const CalendarExpansion e = MustExpand(r, WorkCalendar(), {ClosedDayPolicy::kSkip, false});
  EXPECT_THAT(Starts(e),
              ElementsAre(M(2026, 3, 30, 14, 0), M(2026, 4, 6, 16, 0), M(2026, 4, 13, 14, 0)));
}

TEST(WorkCalendarTest, CountHeldSessionsMakesUpForSkippedOnes) {
  Recurrence r = Series(M(2026, 3, 30, 14, 0), "FREQ=WEEKLY;COUNT=3");
  r.exdates = {M(2026, 4, 13, 14, 0)};
  const CalendarExpansion rfc = MustExpand(r, WorkCalendar(), {ClosedDayPolicy::kSkip, false});
  EXPECT_THAT(Starts(rfc), ElementsAre(M(2026, 3, 30, 14, 0)));
  const CalendarExpansion held = MustExpand(r, WorkCalendar(), {ClosedDayPolicy::kSkip, true});
  EXPECT_THAT(Starts(held),
              ElementsAre(M(2026, 3, 30, 14, 0), M(2026, 4, 20, 14, 0), M(2026, 4, 27, 14, 0)));
  EXPECT_EQ(held.rule_count, 5);
}

// --- The diploma module of the source text (Gentofte, Sep 2018 – Jan 2019) ------------

// Eight teaching sessions every other Wednesday from the first Wednesday of
// September 2018 (the sessions' clock time is carelearn's illustration).
Recurrence ModuleSessions() {
  const std::optional<D> first = NthWeekday(absl::CivilMonth(2018, 9), absl::Weekday::wednesday, 1);
  EXPECT_EQ(first, D(2018, 9, 5));
  return Series(M(2018, 9, 5, 9, 0), "FREQ=WEEKLY;INTERVAL=2;COUNT=8", absl::Hours(6));
}

WorkCalendar ChristmasClosed() {
  WorkCalendar calendar;
  EXPECT_TRUE(
      calendar.AddClosure({D(2018, 12, 24), D(2019, 1, 1), {"Juleferie", "Christmas holidays"}})
          .ok());
  return calendar;
}

TEST(CompetenceModuleTest, EightSessionsWithoutAnyClosureEndInDecember) {
  const CalendarExpansion e =
      MustExpand(ModuleSessions(), WorkCalendar(), {ClosedDayPolicy::kSkip, true});
  EXPECT_THAT(Starts(e),
              ElementsAre(M(2018, 9, 5, 9, 0), M(2018, 9, 19, 9, 0), M(2018, 10, 3, 9, 0),
                          M(2018, 10, 17, 9, 0), M(2018, 10, 31, 9, 0), M(2018, 11, 14, 9, 0),
                          M(2018, 11, 28, 9, 0), M(2018, 12, 12, 9, 0)));
}

TEST(CompetenceModuleTest, WithTheChristmasWeeksAndTheAutumnHolidayClosedTheyEndInJanuary) {
  // The Christmas weeks alone do not reach the eighth session (12 December);
  // with the autumn school holiday (week 42) closed too, one session is made
  // up after Christmas, and the module runs September 2018 – January 2019 as
  // the source says.
  WorkCalendar calendar = ChristmasClosed();
  ASSERT_TRUE(
      calendar.AddClosure({D(2018, 10, 15), D(2018, 10, 19), {"Efterårsferie", "Autumn holiday"}})
          .ok());
  const CalendarExpansion e =
      MustExpand(ModuleSessions(), calendar, {ClosedDayPolicy::kSkip, true});
  EXPECT_THAT(Starts(e),
              ElementsAre(M(2018, 9, 5, 9, 0), M(2018, 9, 19, 9, 0), M(2018, 10, 3, 9, 0),
                          M(2018, 10, 31, 9, 0), M(2018, 11, 14, 9, 0), M(2018, 11, 28, 9, 0),
                          M(2018, 12, 12, 9, 0), M(2019, 1, 9, 9, 0)));
  // 26 December is both in the closure and 2. juledag.
  EXPECT_THAT(e.skipped, ElementsAre(M(2018, 10, 17, 9, 0), M(2018, 12, 26, 9, 0)));
  EXPECT_EQ(e.rule_count, 10);
  for (const Occurrence& o : e.occurrences) {
    EXPECT_EQ(absl::GetWeekday(absl::CivilDay(o.local_start)), absl::Weekday::wednesday);
    EXPECT_EQ(o.local_end.hour(), 15);
  }
}

TEST(CompetenceModuleTest, CountingByRfc5545InsteadLosesTheSkippedSessions) {
  WorkCalendar calendar = ChristmasClosed();
  ASSERT_TRUE(calendar.AddClosure({D(2018, 10, 15), D(2018, 10, 19), {}}).ok());
  const CalendarExpansion e =
      MustExpand(ModuleSessions(), calendar, {ClosedDayPolicy::kSkip, false});
  EXPECT_EQ(e.occurrences.size(), 7u);
  EXPECT_EQ(e.occurrences.back().local_start, M(2018, 12, 12, 9, 0));
}

TEST(CompetenceModuleTest, MovedInsteadTheAutumnSessionIsHeldTheMondayAfter) {
  WorkCalendar calendar = ChristmasClosed();
  ASSERT_TRUE(calendar.AddClosure({D(2018, 10, 15), D(2018, 10, 19), {}}).ok());
  const CalendarExpansion e =
      MustExpand(ModuleSessions(), calendar, {ClosedDayPolicy::kMoveToNextWorkingDay, true});
  ASSERT_EQ(e.occurrences.size(), 8u);
  EXPECT_EQ(e.occurrences[3].local_start, M(2018, 10, 22, 9, 0));
  EXPECT_EQ(e.occurrences[3].original, M(2018, 10, 17, 9, 0));
  EXPECT_EQ(e.rule_count, 8);
}

TEST(ClosedDayPolicyTest, AValueOutsideTheEnumerationHasNoName) {
  EXPECT_EQ(ClosedDayPolicyName(static_cast<ClosedDayPolicy>(3)), "");
}

}  // namespace
}  // namespace carelearn
