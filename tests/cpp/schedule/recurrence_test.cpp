#include "carelearn/schedule/recurrence.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace carelearn {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

absl::TimeZone Cph() {
  absl::StatusOr<absl::TimeZone> zone = LoadCopenhagenTimeZone();
  EXPECT_TRUE(zone.ok()) << zone.status();
  return zone.ok() ? *zone : absl::UTCTimeZone();
}

Recurrence Series(absl::CivilMinute start, std::string_view rule,
                  absl::Duration duration = absl::Minutes(30)) {
  Recurrence r;
  r.start = start;
  r.duration = duration;
  r.zone = Cph();
  if (!rule.empty()) {
    absl::StatusOr<RRule> parsed = ParseRRule(rule);
    EXPECT_TRUE(parsed.ok()) << parsed.status();
    if (parsed.ok()) r.rule = *parsed;
  }
  return r;
}

TimeWindow Days(absl::CivilDay first, absl::CivilDay end) {
  return TimeWindow::Days(first, end, Cph());
}

std::vector<absl::CivilMinute> Starts(const Recurrence& r, const TimeWindow& window = {}) {
  absl::StatusOr<std::vector<Occurrence>> occurrences = Expand(r, window);
  EXPECT_TRUE(occurrences.ok()) << occurrences.status();
  std::vector<absl::CivilMinute> out;
  if (occurrences.ok()) {
    for (const Occurrence& o : *occurrences) out.push_back(o.local_start);
  }
  return out;
}

std::string ErrorOf(std::string_view rule) {
  absl::StatusOr<RRule> parsed = ParseRRule(rule);
  EXPECT_FALSE(parsed.ok()) << rule;
  if (parsed.ok()) return "";
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(parsed.status().message());
}

using M = absl::CivilMinute;

// --- Time zone and DST -------------------------------------------------------

TEST(RecurrenceTest, CopenhagenComesFromTheSystemTzdata) {
  absl::StatusOr<absl::TimeZone> zone = LoadCopenhagenTimeZone();
  ASSERT_TRUE(zone.ok()) << zone.status();
  EXPECT_EQ(zone->name(), "Europe/Copenhagen");
  EXPECT_EQ(CopenhagenTimeZone().name(), "Europe/Copenhagen");
  EXPECT_EQ(Recurrence().zone.name(), "Europe/Copenhagen");
}

TEST(RecurrenceTest, WeeklyMeetingStaysAt1400WhenSummerTimeBegins) {
  // The last Sunday of March 2026 is the 29th.
  const Recurrence r = Series(M(2026, 3, 18, 14, 0), "FREQ=WEEKLY;COUNT=4");
  absl::StatusOr<std::vector<Occurrence>> all = Expand(r);
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->size(), 4u);
  const absl::TimeZone cph = Cph();
  for (const Occurrence& o : *all) {
    EXPECT_EQ(o.local_start.hour(), 14);
    EXPECT_EQ(o.local_start.minute(), 0);
    EXPECT_EQ(o.local_end, o.local_start + 30);
  }
  EXPECT_EQ((*all)[1].local_start, M(2026, 3, 25, 14, 0));
  EXPECT_EQ(cph.At((*all)[1].start).offset, 3600);
  EXPECT_EQ((*all)[1].start,
            absl::FromCivil(absl::CivilSecond(2026, 3, 25, 13, 0, 0), absl::UTCTimeZone()));
  EXPECT_EQ((*all)[2].local_start, M(2026, 4, 1, 14, 0));
  EXPECT_EQ(cph.At((*all)[2].start).offset, 7200);
  EXPECT_EQ((*all)[2].start,
            absl::FromCivil(absl::CivilSecond(2026, 4, 1, 12, 0, 0), absl::UTCTimeZone()));
  // Across the change the occurrences are a week minus one hour apart.
  EXPECT_EQ((*all)[2].start - (*all)[1].start, absl::Hours(7 * 24 - 1));
}

TEST(RecurrenceTest, WeeklyMeetingStaysAt1400WhenSummerTimeEnds) {
  // The last Sunday of October 2026 is the 25th.
  const Recurrence r = Series(M(2026, 10, 21, 14, 0), "FREQ=WEEKLY;COUNT=2");
  absl::StatusOr<std::vector<Occurrence>> all = Expand(r);
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->size(), 2u);
  const absl::TimeZone cph = Cph();
  EXPECT_EQ((*all)[0].local_start, M(2026, 10, 21, 14, 0));
  EXPECT_EQ((*all)[1].local_start, M(2026, 10, 28, 14, 0));
  EXPECT_EQ(cph.At((*all)[0].start).offset, 7200);
  EXPECT_EQ(cph.At((*all)[1].start).offset, 3600);
  EXPECT_EQ((*all)[1].start - (*all)[0].start, absl::Hours(7 * 24 + 1));
}

TEST(RecurrenceTest, ATimeInTheSpringGapIsReadWithTheOffsetBefore) {
  // 02:30 does not exist on 29 March 2026; RFC 5545 reads it as 02:30+01:00 = 03:30+02:00.
  const Recurrence r = Series(M(2026, 3, 28, 2, 30), "FREQ=DAILY;COUNT=3");
  absl::StatusOr<std::vector<Occurrence>> all = Expand(r);
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[1].original, M(2026, 3, 29, 2, 30));
  EXPECT_EQ((*all)[1].local_start, M(2026, 3, 29, 3, 30));
  EXPECT_EQ((*all)[1].start,
            absl::FromCivil(absl::CivilSecond(2026, 3, 29, 1, 30, 0), absl::UTCTimeZone()));
  EXPECT_EQ((*all)[2].local_start, M(2026, 3, 30, 2, 30));
}

TEST(RecurrenceTest, ATimeThatHappensTwiceIsTheFirst) {
  // 02:30 happens twice on 25 October 2026; the first is 02:30+02:00 = 00:30 UTC.
  const Recurrence r = Series(M(2026, 10, 25, 2, 30), "");
  absl::StatusOr<std::vector<Occurrence>> all = Expand(r);
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].start,
            absl::FromCivil(absl::CivilSecond(2026, 10, 25, 0, 30, 0), absl::UTCTimeZone()));
  EXPECT_EQ((*all)[0].local_end, M(2026, 10, 25, 2, 0));  // 30 min later, after the change
}

TEST(RecurrenceTest, AnOccurrenceAcrossTheChangeEndsByTheNewClock) {
  // Two hours from 01:30: 04:30 when the clocks go forward, 02:30 when they go back.
  const Recurrence spring = Series(M(2026, 3, 28, 1, 30), "FREQ=DAILY;COUNT=3", absl::Hours(2));
  absl::StatusOr<std::vector<Occurrence>> s = Expand(spring);
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ((*s)[0].local_end, M(2026, 3, 28, 3, 30));
  EXPECT_EQ((*s)[1].local_end, M(2026, 3, 29, 4, 30));
  EXPECT_EQ((*s)[2].local_end, M(2026, 3, 30, 3, 30));
  const Recurrence autumn = Series(M(2026, 10, 24, 1, 30), "FREQ=DAILY;COUNT=3", absl::Hours(2));
  absl::StatusOr<std::vector<Occurrence>> a = Expand(autumn);
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ((*a)[0].local_end, M(2026, 10, 24, 3, 30));
  EXPECT_EQ((*a)[1].local_end, M(2026, 10, 25, 2, 30));
  EXPECT_EQ((*a)[2].local_end, M(2026, 10, 26, 3, 30));
  for (const Occurrence& o : *a) EXPECT_EQ(o.end - o.start, absl::Hours(2));
}

TEST(RecurrenceTest, TimeWindowDaysIsLocalMidnight) {
  const TimeWindow w = Days(absl::CivilDay(2026, 7, 1), absl::CivilDay(2026, 7, 2));
  EXPECT_EQ(w.from, absl::FromCivil(absl::CivilSecond(2026, 6, 30, 22, 0, 0), absl::UTCTimeZone()));
  EXPECT_EQ(w.to - w.from, absl::Hours(24));
  EXPECT_TRUE(w.Contains(w.from));
  EXPECT_FALSE(w.Contains(w.to));
}

// --- Frequencies, BYDAY, BYMONTHDAY -----------------------------------------

TEST(RecurrenceTest, EveryOtherWeek) {
  EXPECT_THAT(Starts(Series(M(2026, 3, 4, 14, 0), "FREQ=WEEKLY;INTERVAL=2;COUNT=4")),
              ElementsAre(M(2026, 3, 4, 14, 0), M(2026, 3, 18, 14, 0), M(2026, 4, 1, 14, 0),
                          M(2026, 4, 15, 14, 0)));
}

TEST(RecurrenceTest, WeeklyOnSeveralDays) {
  EXPECT_THAT(Starts(Series(M(2026, 3, 2, 8, 15), "FREQ=WEEKLY;BYDAY=MO,TH;COUNT=5")),
              ElementsAre(M(2026, 3, 2, 8, 15), M(2026, 3, 5, 8, 15), M(2026, 3, 9, 8, 15),
                          M(2026, 3, 12, 8, 15), M(2026, 3, 16, 8, 15)));
}

TEST(RecurrenceTest, WeekStartDecidesWhichWeeksCountWithAnInterval) {
  // RFC 5545's own example: DTSTART Tuesday 5 Aug 1997, every other week on TU and SU.
  const Recurrence mo = Series(M(1997, 8, 5, 9, 0), "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU");
  EXPECT_THAT(Starts(mo), ElementsAre(M(1997, 8, 5, 9, 0), M(1997, 8, 10, 9, 0),
                                      M(1997, 8, 19, 9, 0), M(1997, 8, 24, 9, 0)));
  const Recurrence su =
      Series(M(1997, 8, 5, 9, 0), "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU");
  EXPECT_THAT(Starts(su), ElementsAre(M(1997, 8, 5, 9, 0), M(1997, 8, 17, 9, 0),
                                      M(1997, 8, 19, 9, 0), M(1997, 8, 31, 9, 0)));
}

TEST(RecurrenceTest, DailyOnWorkdays) {
  EXPECT_THAT(Starts(Series(M(2026, 3, 5, 7, 0), "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=4")),
              ElementsAre(M(2026, 3, 5, 7, 0), M(2026, 3, 6, 7, 0), M(2026, 3, 9, 7, 0),
                          M(2026, 3, 10, 7, 0)));
}

TEST(RecurrenceTest, FirstWednesdayOfTheMonth) {
  EXPECT_THAT(Starts(Series(M(2026, 1, 7, 14, 0), "FREQ=MONTHLY;BYDAY=1WE;COUNT=6")),
              ElementsAre(M(2026, 1, 7, 14, 0), M(2026, 2, 4, 14, 0), M(2026, 3, 4, 14, 0),
                          M(2026, 4, 1, 14, 0), M(2026, 5, 6, 14, 0), M(2026, 6, 3, 14, 0)));
}

TEST(RecurrenceTest, LastFridayOfTheMonth) {
  EXPECT_THAT(Starts(Series(M(2026, 1, 30, 13, 0), "FREQ=MONTHLY;BYDAY=-1FR;COUNT=6")),
              ElementsAre(M(2026, 1, 30, 13, 0), M(2026, 2, 27, 13, 0), M(2026, 3, 27, 13, 0),
                          M(2026, 4, 24, 13, 0), M(2026, 5, 29, 13, 0), M(2026, 6, 26, 13, 0)));
}

TEST(RecurrenceTest, AFifthWeekdayOnlyInMonthsThatHaveOne) {
  // Fifth Thursdays in 2026: January, April, July, October, December.
  EXPECT_THAT(Starts(Series(M(2026, 1, 29, 10, 0), "FREQ=MONTHLY;BYDAY=5TH;COUNT=5")),
              ElementsAre(M(2026, 1, 29, 10, 0), M(2026, 4, 30, 10, 0), M(2026, 7, 30, 10, 0),
                          M(2026, 10, 29, 10, 0), M(2026, 12, 31, 10, 0)));
}

TEST(RecurrenceTest, EveryWeekdayOfAMonth) {
  // BYDAY=MO without an ordinal in a monthly rule: every Monday of the month.
  EXPECT_THAT(Starts(Series(M(2026, 6, 1, 9, 0), "FREQ=MONTHLY;BYDAY=MO;COUNT=6")),
              ElementsAre(M(2026, 6, 1, 9, 0), M(2026, 6, 8, 9, 0), M(2026, 6, 15, 9, 0),
                          M(2026, 6, 22, 9, 0), M(2026, 6, 29, 9, 0), M(2026, 7, 6, 9, 0)));
}

TEST(RecurrenceTest, MonthDayAndWeekdayTogetherLimit) {
  // Friday the 13th.
  EXPECT_THAT(Starts(Series(M(2026, 2, 13, 12, 0), "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13;COUNT=3")),
              ElementsAre(M(2026, 2, 13, 12, 0), M(2026, 3, 13, 12, 0), M(2026, 11, 13, 12, 0)));
}

TEST(RecurrenceTest, LeapDay2028) {
  EXPECT_THAT(Starts(Series(M(2028, 1, 29, 9, 0), "FREQ=MONTHLY;BYMONTHDAY=29;COUNT=3")),
              ElementsAre(M(2028, 1, 29, 9, 0), M(2028, 2, 29, 9, 0), M(2028, 3, 29, 9, 0)));
  // In 2027 February has no 29th: that month has no occurrence.
  EXPECT_THAT(Starts(Series(M(2027, 1, 29, 9, 0), "FREQ=MONTHLY;BYMONTHDAY=29;COUNT=3")),
              ElementsAre(M(2027, 1, 29, 9, 0), M(2027, 3, 29, 9, 0), M(2027, 4, 29, 9, 0)));
  EXPECT_THAT(Starts(Series(M(2028, 2, 27, 9, 0), "FREQ=DAILY;COUNT=4")),
              ElementsAre(M(2028, 2, 27, 9, 0), M(2028, 2, 28, 9, 0), M(2028, 2, 29, 9, 0),
                          M(2028, 3, 1, 9, 0)));
}

TEST(RecurrenceTest, The31stOnlyInLongMonths) {
  EXPECT_THAT(Starts(Series(M(2028, 1, 31, 14, 0), "FREQ=MONTHLY;BYMONTHDAY=31;COUNT=7")),
              ElementsAre(M(2028, 1, 31, 14, 0), M(2028, 3, 31, 14, 0), M(2028, 5, 31, 14, 0),
                          M(2028, 7, 31, 14, 0), M(2028, 8, 31, 14, 0), M(2028, 10, 31, 14, 0),
                          M(2028, 12, 31, 14, 0)));
  // Without BYMONTHDAY a monthly rule repeats the start's day of the month.
  EXPECT_THAT(Starts(Series(M(2028, 1, 31, 14, 0), "FREQ=MONTHLY;COUNT=2")),
              ElementsAre(M(2028, 1, 31, 14, 0), M(2028, 3, 31, 14, 0)));
}

TEST(RecurrenceTest, NegativeMonthDayCountsFromTheEnd) {
  EXPECT_THAT(Starts(Series(M(2028, 1, 31, 14, 0), "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3")),
              ElementsAre(M(2028, 1, 31, 14, 0), M(2028, 2, 29, 14, 0), M(2028, 3, 31, 14, 0)));
  EXPECT_THAT(Starts(Series(M(2027, 2, 27, 14, 0), "FREQ=MONTHLY;BYMONTHDAY=-2;COUNT=2")),
              ElementsAre(M(2027, 2, 27, 14, 0), M(2027, 3, 30, 14, 0)));
}

TEST(RecurrenceTest, NthWeekday) {
  EXPECT_EQ(NthWeekday(absl::CivilMonth(2018, 9), absl::Weekday::wednesday, 1),
            absl::CivilDay(2018, 9, 5));
  EXPECT_EQ(NthWeekday(absl::CivilMonth(2026, 10), absl::Weekday::sunday, -1),
            absl::CivilDay(2026, 10, 25));
  EXPECT_EQ(NthWeekday(absl::CivilMonth(2026, 2), absl::Weekday::monday, 5), std::nullopt);
  EXPECT_EQ(NthWeekday(absl::CivilMonth(2026, 2), absl::Weekday::monday, 0), std::nullopt);
}

// --- COUNT, UNTIL, windows ---------------------------------------------------

TEST(RecurrenceTest, CountAndUntil) {
  EXPECT_EQ(Starts(Series(M(2026, 3, 4, 14, 0), "FREQ=WEEKLY;COUNT=3")).size(), 3u);
  // UNTIL as a date is inclusive of that day.
  EXPECT_THAT(Starts(Series(M(2026, 3, 4, 14, 0), "FREQ=WEEKLY;UNTIL=20260325")),
              ElementsAre(M(2026, 3, 4, 14, 0), M(2026, 3, 11, 14, 0), M(2026, 3, 18, 14, 0),
                          M(2026, 3, 25, 14, 0)));
  // In UTC: 25 March 14:00 in Copenhagen is 13:00 UTC, after 12:59:59.
  EXPECT_EQ(Starts(Series(M(2026, 3, 4, 14, 0), "FREQ=WEEKLY;UNTIL=20260325T125959Z")).size(), 3u);
  EXPECT_EQ(Starts(Series(M(2026, 3, 4, 14, 0), "FREQ=WEEKLY;UNTIL=20260325T130000Z")).size(), 4u);
  // As a local time.
  EXPECT_EQ(Starts(Series(M(2026, 3, 4, 14, 0), "FREQ=WEEKLY;UNTIL=20260325T135900")).size(), 3u);
}

TEST(RecurrenceTest, TheStartIsAlwaysTheFirstOccurrence) {
  // RFC 5545: DTSTART counts as the first occurrence even when the rule would not give it.
  EXPECT_THAT(Starts(Series(M(2026, 3, 3, 14, 0), "FREQ=WEEKLY;BYDAY=WE;COUNT=3")),
              ElementsAre(M(2026, 3, 3, 14, 0), M(2026, 3, 4, 14, 0), M(2026, 3, 11, 14, 0)));
}

TEST(RecurrenceTest, CountIsCountedFromTheStartNotFromTheWindow) {
  const Recurrence r = Series(M(2026, 1, 7, 14, 0), "FREQ=WEEKLY;COUNT=10");
  EXPECT_THAT(Starts(r, Days(absl::CivilDay(2026, 3, 1), absl::CivilDay(2026, 4, 1))),
              ElementsAre(M(2026, 3, 4, 14, 0), M(2026, 3, 11, 14, 0)));
}

TEST(RecurrenceTest, AnEndlessRuleIsExpandedWithinTheWindow) {
  const Recurrence r = Series(M(2020, 1, 1, 9, 0), "FREQ=DAILY");
  EXPECT_THAT(Starts(r, Days(absl::CivilDay(2026, 5, 30), absl::CivilDay(2026, 6, 2))),
              ElementsAre(M(2026, 5, 30, 9, 0), M(2026, 5, 31, 9, 0), M(2026, 6, 1, 9, 0)));
  const Recurrence monthly = Series(M(2000, 1, 31, 9, 0), "FREQ=MONTHLY;INTERVAL=3");
  EXPECT_THAT(Starts(monthly, Days(absl::CivilDay(2026, 1, 1), absl::CivilDay(2027, 1, 1))),
              ElementsAre(M(2026, 1, 31, 9, 0), M(2026, 7, 31, 9, 0), M(2026, 10, 31, 9, 0)));
}

TEST(RecurrenceTest, AnEndlessRuleNeedsAWindowThatEnds) {
  absl::StatusOr<std::vector<Occurrence>> all =
      Expand(Series(M(2026, 3, 4, 14, 0), "FREQ=WEEKLY;INTERVAL=2"));
  ASSERT_FALSE(all.ok());
  EXPECT_EQ(all.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(all.status().message(),
            "RRULE \"FREQ=WEEKLY;INTERVAL=2\" has neither COUNT nor UNTIL: it can only be "
            "expanded within a window that ends");
}

TEST(RecurrenceTest, EmptyWindows) {
  const Recurrence r = Series(M(2026, 3, 4, 14, 0), "FREQ=WEEKLY");
  const absl::Time t = absl::FromCivil(absl::CivilSecond(2026, 3, 4, 0, 0, 0), Cph());
  EXPECT_THAT(Starts(r, TimeWindow{t, t}), IsEmpty());
  EXPECT_THAT(Starts(r, Days(absl::CivilDay(2025, 1, 1), absl::CivilDay(2026, 1, 1))), IsEmpty());
  // Half-open: an occurrence starting exactly at `to` is outside.
  const absl::Time at = absl::FromCivil(absl::CivilSecond(2026, 3, 4, 14, 0, 0), Cph());
  EXPECT_THAT(Starts(r, TimeWindow{t, at}), IsEmpty());
  EXPECT_THAT(Starts(r, TimeWindow{at, at + absl::Minutes(1)}), ElementsAre(M(2026, 3, 4, 14, 0)));
}

// --- EXDATE, RDATE, RECURRENCE-ID ---------------------------------------------

TEST(RecurrenceTest, ExdateRdateAndAMove) {
  Recurrence r = Series(M(2026, 3, 4, 14, 0), "FREQ=WEEKLY;COUNT=4");
  r.exdates = {M(2026, 3, 11, 14, 0)};
  r.rdates = {M(2026, 3, 13, 9, 0), M(2026, 3, 18, 14, 0)};  // the second is already in the rule
  r.moves = {{M(2026, 3, 25, 14, 0), M(2026, 3, 26, 10, 0), absl::Hours(1)}};
  absl::StatusOr<std::vector<Occurrence>> all = Expand(r);
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->size(), 4u);
  EXPECT_EQ((*all)[0].local_start, M(2026, 3, 4, 14, 0));
  EXPECT_EQ((*all)[1].local_start, M(2026, 3, 13, 9, 0));
  EXPECT_EQ((*all)[2].local_start, M(2026, 3, 18, 14, 0));
  EXPECT_EQ((*all)[3].local_start, M(2026, 3, 26, 10, 0));
  EXPECT_EQ((*all)[3].local_end, M(2026, 3, 26, 11, 0));
  EXPECT_EQ((*all)[3].original, M(2026, 3, 25, 14, 0));
  EXPECT_TRUE((*all)[3].moved());
  EXPECT_FALSE((*all)[0].moved());
}

TEST(RecurrenceTest, AMoveIntoTheWindowFromOutside) {
  Recurrence r = Series(M(2026, 3, 4, 14, 0), "FREQ=WEEKLY;COUNT=4");
  r.moves = {{M(2026, 3, 25, 14, 0), M(2026, 4, 2, 14, 0), std::nullopt}};
  EXPECT_THAT(Starts(r, Days(absl::CivilDay(2026, 4, 1), absl::CivilDay(2026, 5, 1))),
              ElementsAre(M(2026, 4, 2, 14, 0)));
  EXPECT_THAT(Starts(r, Days(absl::CivilDay(2026, 3, 20), absl::CivilDay(2026, 3, 31))), IsEmpty());
}

TEST(RecurrenceTest, ExplicitDatesOnly) {
  Recurrence seminars = Series(M(2021, 10, 26, 9, 0), "", absl::Hours(6));
  seminars.rdates = {M(2022, 5, 17, 9, 0), M(2022, 3, 22, 9, 0)};
  EXPECT_THAT(Starts(seminars),
              ElementsAre(M(2021, 10, 26, 9, 0), M(2022, 3, 22, 9, 0), M(2022, 5, 17, 9, 0)));
}

TEST(RecurrenceTest, MovingAnOccurrenceTheSeriesDoesNotHaveIsAnError) {
  Recurrence r = Series(M(2026, 3, 4, 14, 0), "FREQ=WEEKLY;COUNT=4");
  r.moves = {{M(2026, 3, 12, 14, 0), M(2026, 3, 13, 14, 0), std::nullopt}};
  absl::StatusOr<std::vector<Occurrence>> all = Expand(r);
  ASSERT_FALSE(all.ok());
  EXPECT_EQ(all.status().message(),
            "RECURRENCE-ID 2026-03-12T14:00: the series has no occurrence starting then, so it "
            "cannot be moved");
  r.moves = {{M(2026, 4, 1, 14, 0), M(2026, 4, 2, 14, 0), std::nullopt}};  // the 5th: past COUNT
  EXPECT_FALSE(Expand(r).ok());
}

TEST(RecurrenceTest, InvalidRecurrences) {
  Recurrence r = Series(M(2026, 3, 4, 14, 0), "FREQ=WEEKLY;COUNT=4");
  r.duration = absl::Minutes(-5);
  EXPECT_EQ(ValidateRecurrence(r).message(),
            "recurrence duration -5m: must be finite and not negative");
  r.duration = absl::Minutes(30);
  r.moves = {{M(2026, 3, 11, 14, 0), M(2026, 3, 12, 14, 0), std::nullopt},
             {M(2026, 3, 11, 14, 0), M(2026, 3, 13, 14, 0), std::nullopt}};
  EXPECT_EQ(ValidateRecurrence(r).message(),
            "moves[1]: the occurrence 2026-03-11T14:00 is already moved by moves[0]");
  EXPECT_EQ(Expand(r).status().message(), ValidateRecurrence(r).message());
}

// --- Parsing and writing -------------------------------------------------------

TEST(RRuleTest, ParsesEveryPart) {
  absl::StatusOr<RRule> rule =
      ParseRRule("RRULE:freq=monthly;interval=2;byday=1we,-1fr;bymonthday=1,-1;count=8;wkst=su");
  ASSERT_TRUE(rule.ok()) << rule.status();
  EXPECT_EQ(rule->frequency, Frequency::kMonthly);
  EXPECT_EQ(rule->interval, 2);
  EXPECT_THAT(rule->by_day, ElementsAre(WeekdayNum{1, absl::Weekday::wednesday},
                                        WeekdayNum{-1, absl::Weekday::friday}));
  EXPECT_THAT(rule->by_month_day, ElementsAre(1, -1));
  EXPECT_EQ(rule->count, 8);
  EXPECT_EQ(rule->until, std::nullopt);
  EXPECT_EQ(rule->week_start, absl::Weekday::sunday);
  EXPECT_EQ(ToString(*rule),
            "FREQ=MONTHLY;INTERVAL=2;BYDAY=1WE,-1FR;BYMONTHDAY=1,-1;COUNT=8;WKST=SU");
}

TEST(RRuleTest, UntilForms) {
  absl::StatusOr<RRule> date = ParseRRule("FREQ=DAILY;UNTIL=20190131");
  ASSERT_TRUE(date.ok());
  EXPECT_EQ(date->until, (RRuleUntil{RRuleUntil::Kind::kDate, absl::CivilSecond(2019, 1, 31)}));
  absl::StatusOr<RRule> utc = ParseRRule("FREQ=DAILY;UNTIL=20190131T225959Z");
  ASSERT_TRUE(utc.ok());
  EXPECT_EQ(utc->until,
            (RRuleUntil{RRuleUntil::Kind::kUtc, absl::CivilSecond(2019, 1, 31, 22, 59, 59)}));
  absl::StatusOr<RRule> local = ParseRRule("FREQ=DAILY;UNTIL=20190131T120000");
  ASSERT_TRUE(local.ok());
  EXPECT_EQ(local->until->kind, RRuleUntil::Kind::kLocal);
  EXPECT_EQ(ToString(*date), "FREQ=DAILY;UNTIL=20190131");
  EXPECT_EQ(ToString(*utc), "FREQ=DAILY;UNTIL=20190131T225959Z");
  EXPECT_EQ(ToString(*local), "FREQ=DAILY;UNTIL=20190131T120000");
}

TEST(RRuleTest, ToStringIsCanonicalAndRoundTrips) {
  for (std::string_view text :
       {"byday=we;interval=2;freq=weekly", "FREQ=WEEKLY;INTERVAL=1;WKST=MO", "FREQ=DAILY",
        "FREQ=MONTHLY;BYDAY=-1FR", "FREQ=MONTHLY;BYMONTHDAY=29,31;UNTIL=20281231T235959Z",
        "FREQ=MONTHLY;BYDAY=+1MO"}) {
    absl::StatusOr<RRule> rule = ParseRRule(text);
    ASSERT_TRUE(rule.ok()) << text << ": " << rule.status();
    absl::StatusOr<RRule> again = ParseRRule(ToString(*rule));
    ASSERT_TRUE(again.ok()) << ToString(*rule);
    EXPECT_EQ(*again, *rule) << text;
    EXPECT_EQ(ToString(*again), ToString(*rule));
  }
  EXPECT_EQ(ToString(*ParseRRule("byday=we;interval=2;freq=weekly")),
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE");
  EXPECT_EQ(ToString(*ParseRRule("FREQ=WEEKLY;INTERVAL=1;WKST=MO")), "FREQ=WEEKLY");
}

TEST(RRuleTest, PlusOrdinalIsAnErrorOutsideMonthly) {
  EXPECT_EQ(ErrorOf("FREQ=WEEKLY;BYDAY=+1MO"),
            "RRULE part \"BYDAY=1MO\": a weekday with an ordinal (\"1MO\") needs FREQ=MONTHLY; "
            "this rule is FREQ=WEEKLY");
}

TEST(RRuleTest, ErrorsNameThePart) {
  EXPECT_EQ(ErrorOf("FREQ=FORTNIGHTLY"),
            "RRULE part \"FREQ=FORTNIGHTLY\": unknown frequency; expected DAILY, WEEKLY or "
            "MONTHLY");
  EXPECT_EQ(ErrorOf("FREQ=YEARLY"),
            "RRULE part \"FREQ=YEARLY\": frequency not supported; expected DAILY, WEEKLY or "
            "MONTHLY");
  EXPECT_EQ(ErrorOf("FREQ=WEEKLY;INTERVAL=0"),
            "RRULE part \"INTERVAL=0\": INTERVAL must be a whole number from 1");
  EXPECT_EQ(ErrorOf("FREQ=WEEKLY;INTERVAL=two"),
            "RRULE part \"INTERVAL=two\": INTERVAL must be a whole number from 1");
  EXPECT_EQ(ErrorOf("FREQ=WEEKLY;COUNT=-3"),
            "RRULE part \"COUNT=-3\": COUNT must be a whole number from 1");
  EXPECT_EQ(ErrorOf("FREQ=WEEKLY;BYDAY=WE,XX"),
            "RRULE part \"BYDAY=WE,XX\": unknown weekday \"XX\"; expected MO, TU, WE, TH, FR, SA "
            "or SU, optionally after an ordinal such as 1 or -1");
  EXPECT_EQ(ErrorOf("FREQ=MONTHLY;BYDAY=6WE"),
            "RRULE part \"BYDAY=6WE\": the ordinal of \"6WE\" must be 1 to 5 or -1 to -5");
  EXPECT_EQ(ErrorOf("FREQ=MONTHLY;BYDAY=0WE"),
            "RRULE part \"BYDAY=0WE\": the ordinal of \"0WE\" must be 1 to 5 or -1 to -5");
  EXPECT_EQ(ErrorOf("FREQ=WEEKLY;BYDAY=1WE"),
            "RRULE part \"BYDAY=1WE\": a weekday with an ordinal (\"1WE\") needs FREQ=MONTHLY; "
            "this rule is FREQ=WEEKLY");
  EXPECT_EQ(ErrorOf("FREQ=MONTHLY;BYMONTHDAY=0"),
            "RRULE part \"BYMONTHDAY=0\": day 0 must be 1 to 31 or -1 to -31");
  EXPECT_EQ(ErrorOf("FREQ=MONTHLY;BYMONTHDAY=32"),
            "RRULE part \"BYMONTHDAY=32\": day 32 must be 1 to 31 or -1 to -31");
  EXPECT_EQ(ErrorOf("FREQ=MONTHLY;BYMONTHDAY=1,x"),
            "RRULE part \"BYMONTHDAY=1,x\": \"X\" is not a day of the month");
  EXPECT_EQ(ErrorOf("FREQ=WEEKLY;BYMONTHDAY=15"),
            "RRULE part \"BYMONTHDAY=15\": BYMONTHDAY cannot be used with FREQ=WEEKLY (RFC 5545)");
  EXPECT_EQ(ErrorOf("FREQ=WEEKLY;COUNT=3;UNTIL=20261231"),
            "RRULE part \"COUNT=3\": COUNT and UNTIL=20261231 cannot both be given (RFC 5545)");
  EXPECT_EQ(ErrorOf("FREQ=WEEKLY;UNTIL=2019"),
            "RRULE part \"UNTIL=2019\": expected a date (YYYYMMDD) or a date-time "
            "(YYYYMMDDTHHMMSS, with Z for UTC)");
  EXPECT_EQ(ErrorOf("FREQ=WEEKLY;UNTIL=20190231"),
            "RRULE part \"UNTIL=20190231\": no such date or time");
  EXPECT_EQ(ErrorOf("FREQ=WEEKLY;WKST=XX"),
            "RRULE part \"WKST=XX\": unknown weekday \"XX\"; expected MO, TU, WE, TH, FR, SA or "
            "SU");
  EXPECT_EQ(ErrorOf("FREQ=MONTHLY;BYMONTH=3"),
            "RRULE part \"BYMONTH=3\": not supported; carelearn reads FREQ, INTERVAL, BYDAY, "
            "BYMONTHDAY, COUNT, UNTIL and WKST");
  EXPECT_EQ(ErrorOf("FREQ=WEEKLY;COLOUR=RED"),
            "RRULE part \"COLOUR=RED\": unknown name \"COLOUR\"; carelearn reads FREQ, INTERVAL, "
            "BYDAY, BYMONTHDAY, COUNT, UNTIL and WKST");
  EXPECT_EQ(ErrorOf("FREQ=WEEKLY;COUNT=2;COUNT=3"),
            "RRULE part \"COUNT=3\": COUNT is given more than once");
  EXPECT_EQ(ErrorOf("FREQ=WEEKLY;;COUNT=3"), "RRULE part \"\": expected NAME=VALUE");
  EXPECT_EQ(ErrorOf("INTERVAL=2"),
            "RRULE \"INTERVAL=2\": FREQ is required (DAILY, WEEKLY or MONTHLY)");
  EXPECT_EQ(ErrorOf(""),
            "RRULE is empty; expected at least FREQ=DAILY, FREQ=WEEKLY or FREQ=MONTHLY");
}

TEST(RRuleTest, ValidateRRuleChecksBuiltRules) {
  RRule rule;
  EXPECT_TRUE(ValidateRRule(rule).ok());
  rule.interval = 0;
  EXPECT_EQ(ValidateRRule(rule).message(),
            "RRULE part \"INTERVAL=0\": INTERVAL must be a whole number from 1");
  rule.interval = 1;
  rule.frequency = Frequency::kMonthly;
  rule.by_day = {{7, absl::Weekday::monday}};
  EXPECT_EQ(ValidateRRule(rule).message(),
            "RRULE part \"BYDAY=7MO\": the ordinal of \"7MO\" must be 1 to 5 or -1 to -5");
  rule.by_day.clear();
  rule.count = 0;
  EXPECT_EQ(ValidateRRule(rule).message(),
            "RRULE part \"COUNT=0\": COUNT must be a whole number from 1");
}

TEST(RRuleTest, FromCadence) {
  absl::StatusOr<RRule> biweekly = RRuleFromCadence({2, Period::kWeek, std::nullopt});
  ASSERT_TRUE(biweekly.ok());
  EXPECT_EQ(ToString(*biweekly), "FREQ=WEEKLY;INTERVAL=2");
  EXPECT_EQ(ToString(*RRuleFromCadence({2, Period::kWeek, 8})), "FREQ=WEEKLY;INTERVAL=2;COUNT=8");
  EXPECT_EQ(ToString(*RRuleFromCadence({1, Period::kMonth, std::nullopt})), "FREQ=MONTHLY");
  EXPECT_EQ(ToString(*RRuleFromCadence({3, Period::kDay, 5})), "FREQ=DAILY;INTERVAL=3;COUNT=5");
  EXPECT_EQ(ToString(*RRuleFromCadence({1, Period::kYear, std::nullopt})),
            "FREQ=MONTHLY;INTERVAL=12");
  EXPECT_EQ(RRuleFromCadence({0, Period::kWeek, std::nullopt}).status().message(),
            "cadence every 0 week: the interval must be at least 1");
  EXPECT_EQ(RRuleFromCadence({1, Period::kWeek, 0}).status().message(),
            "cadence count 0: the count must be at least 1");
  EXPECT_EQ(RRuleFromCadence({200000000, Period::kYear, std::nullopt}).status().message(),
            "cadence every 200000000 year: too many months for an RRULE INTERVAL");
}

TEST(RRuleTest, WeekdayCodes) {
  EXPECT_EQ(WeekdayCode(absl::Weekday::monday), "MO");
  EXPECT_EQ(WeekdayCode(absl::Weekday::sunday), "SU");
  EXPECT_EQ(ParseWeekdayCode("we"), absl::Weekday::wednesday);
  EXPECT_EQ(ParseWeekdayCode("Wed"), std::nullopt);
  EXPECT_EQ(FrequencyName(Frequency::kMonthly), "MONTHLY");
}

// --- Instants, not wall-clock text (RFC 5545 3.3.5) ---------------------------------------

// 02:30 on 29 March 2026 does not exist in Copenhagen: it is the instant of 03:30.
TEST(RecurrenceTest, AnRdateAt0330IsTheGapStartAt0230) {
  Recurrence r = Series(M(2026, 3, 29, 2, 30), "FREQ=DAILY;COUNT=2");
  r.rdates = {M(2026, 3, 29, 3, 30)};
  absl::StatusOr<std::vector<Occurrence>> all = Expand(r);
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->size(), 2u);  // counted once
  EXPECT_EQ((*all)[0].original, M(2026, 3, 29, 2, 30));
  EXPECT_EQ((*all)[0].local_start, M(2026, 3, 29, 3, 30));
  EXPECT_EQ((*all)[1].local_start, M(2026, 3, 30, 2, 30));
}

TEST(RecurrenceTest, AnExdateAt0330RemovesTheGapStartAt0230) {
  Recurrence r = Series(M(2026, 3, 28, 2, 30), "FREQ=DAILY;COUNT=3");
  r.exdates = {M(2026, 3, 29, 3, 30)};
  EXPECT_THAT(Starts(r), ElementsAre(M(2026, 3, 28, 2, 30), M(2026, 3, 30, 2, 30)));
  // And the other way round: an EXDATE at 02:30 removes an RDATE at 03:30.
  Recurrence dates = Series(M(2026, 3, 27, 9, 0), "");
  dates.rdates = {M(2026, 3, 29, 3, 30)};
  dates.exdates = {M(2026, 3, 29, 2, 30)};
  EXPECT_THAT(Starts(dates), ElementsAre(M(2026, 3, 27, 9, 0)));
  // A move names the occurrence by either reading.
  r.exdates.clear();
  r.moves = {{M(2026, 3, 29, 3, 30), M(2026, 3, 29, 10, 0)}};
  EXPECT_THAT(Starts(r),
              ElementsAre(M(2026, 3, 28, 2, 30), M(2026, 3, 29, 10, 0), M(2026, 3, 30, 2, 30)));
}

TEST(RecurrenceTest, UntilBeforeTheStartIsAnError) {
  Recurrence r = Series(M(2026, 3, 4, 14, 0), "FREQ=WEEKLY;UNTIL=20260301T000000");
  absl::Status s = ValidateRecurrence(r);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(),
            "RRULE part \"UNTIL=20260301T000000\": UNTIL is before the start 2026-03-04T14:00, "
            "which is always the first occurrence; the series would be the start alone");
  EXPECT_EQ(Expand(r).status().message(), s.message());
  r.rule->until = RRuleUntil{RRuleUntil::Kind::kDate, absl::CivilSecond(2026, 3, 3, 0, 0, 0)};
  EXPECT_FALSE(ValidateRecurrence(r).ok());
  r.rule->until = RRuleUntil{RRuleUntil::Kind::kUtc, absl::CivilSecond(2026, 3, 4, 12, 59, 0)};
  EXPECT_FALSE(ValidateRecurrence(r).ok());  // 13:59 Copenhagen time
  // UNTIL at the start itself is the start alone, as asked.
  r.rule->until = RRuleUntil{RRuleUntil::Kind::kUtc, absl::CivilSecond(2026, 3, 4, 13, 0, 0)};
  EXPECT_THAT(Starts(r), ElementsAre(M(2026, 3, 4, 14, 0)));
}

// A local UNTIL of 03:00 on the day summer time begins is 01:00 UTC; the
// 02:30 start that day happens at 03:30 (01:30 UTC), after it.
TEST(RecurrenceTest, ALocalUntilIsComparedAsAnInstantAcrossTheGap) {
  const Recurrence r = Series(M(2026, 3, 28, 2, 30), "FREQ=DAILY;UNTIL=20260329T030000");
  EXPECT_THAT(Starts(r), ElementsAre(M(2026, 3, 28, 2, 30)));
  const Recurrence later = Series(M(2026, 3, 28, 2, 30), "FREQ=DAILY;UNTIL=20260329T033000");
  EXPECT_THAT(Starts(later), ElementsAre(M(2026, 3, 28, 2, 30), M(2026, 3, 29, 3, 30)));
}

// --- A start the rule would not give, with COUNT --------------------------------------------

TEST(RecurrenceTest, AStartTheRuleWouldNotGiveWithCountIsAWarning) {
  // Wednesday 4 March 2026, a rule of Mondays.
  const Recurrence r = Series(M(2026, 3, 4, 14, 0), "FREQ=WEEKLY;BYDAY=MO;COUNT=4");
  const std::vector<Diagnostic> found = CheckRecurrence(r);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::kWarning);
  EXPECT_EQ(found[0].code, "start-not-in-rule");
  EXPECT_EQ(found[0].path, "start");
  EXPECT_EQ(found[0].message.en,
            "the start 2026-03-04T14:00 is not one the rule FREQ=WEEKLY;BYDAY=MO;COUNT=4 gives "
            "itself; carelearn counts it as the first of the 4 (RFC 5545), so the rule gives 3 "
            "more, where some calendar programs give 4");
  // What carelearn does: the start and three Mondays.
  EXPECT_THAT(Starts(r), ElementsAre(M(2026, 3, 4, 14, 0), M(2026, 3, 9, 14, 0),
                                     M(2026, 3, 16, 14, 0), M(2026, 3, 23, 14, 0)));
  // A start the rule gives, or no COUNT: nothing to say.
  EXPECT_THAT(CheckRecurrence(Series(M(2026, 3, 2, 14, 0), "FREQ=WEEKLY;BYDAY=MO;COUNT=4")),
              IsEmpty());
  EXPECT_THAT(CheckRecurrence(Series(M(2026, 3, 4, 14, 0), "FREQ=WEEKLY;BYDAY=MO")), IsEmpty());
  EXPECT_THAT(
      CheckRecurrence(Series(M(2026, 3, 13, 9, 0), "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13;COUNT=3")),
      IsEmpty());
  EXPECT_EQ(CheckRecurrence(Series(M(2026, 3, 12, 9, 0), "FREQ=MONTHLY;BYDAY=-1TH;COUNT=3")).size(),
            1u);
}

TEST(RecurrenceNamesTest, RoundTrip) {
  for (const Frequency f : {Frequency::kDaily, Frequency::kWeekly, Frequency::kMonthly}) {
    EXPECT_EQ(ParseFrequency(FrequencyName(f)), f);
  }
  for (const RRuleUntil::Kind k :
       {RRuleUntil::Kind::kDate, RRuleUntil::Kind::kLocal, RRuleUntil::Kind::kUtc}) {
    EXPECT_EQ(ParseRRuleUntilKind(RRuleUntilKindName(k)), k);
  }
  EXPECT_EQ(FrequencyName(Frequency::kMonthly), "MONTHLY");
  EXPECT_EQ(FrequencyName(static_cast<Frequency>(9)), "");
  EXPECT_EQ(ParseFrequency("YEARLY"), std::nullopt);
}

}  // namespace
}  // namespace carelearn
