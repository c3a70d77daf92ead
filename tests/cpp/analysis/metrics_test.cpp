#include "carelearn/analysis/metrics.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <variant>
#include <vector>

#include "analysis/metrics_fixtures.hpp"
#include "carelearn/model/catalog.hpp"
#include "carelearn/schedule/work_calendar.hpp"

namespace carelearn {
namespace {

using testing::Cph;
using testing::Day;
using ::testing::DoubleNear;
using ::testing::ElementsAre;
using ::testing::IsNan;
using testing::kBistrup;
using testing::kEgely;
using testing::kSophie;

constexpr double kTol = 1e-9;

Schedule MetricsSchedule() {
  absl::StatusOr<Schedule> s =
      Expand(testing::MetricsProgramme(),
             TimeWindow::Days(absl::CivilDay(2026, 3, 1), absl::CivilDay(2026, 6, 1),
                              CopenhagenTimeZone()),
             WorkCalendar());
  EXPECT_TRUE(s.ok()) << s.status();
  return *s;
}

SessionTables MetricsTables() { return TablesFromSessions(testing::MetricsSessions()); }

// --- The schedule the tests stand on ---------------------------------------------------------

TEST(MetricsFixtureTest, ProgrammeSkipsHolidaysAndKeepsLocalTimeAcrossSummerTime) {
  const Schedule s = MetricsSchedule();
  // Mar 19, (Apr 2 Maundy Thursday skipped), Apr 16, Apr 30, (May 14 Ascension skipped), May 28.
  ASSERT_EQ(s.occurrences.size(), 4U);
  EXPECT_EQ(s.occurrences[0].start, absl::FromCivil(absl::CivilSecond(2026, 3, 19, 13, 0, 0),
                                                    absl::UTCTimeZone()));  // CET
  EXPECT_EQ(s.occurrences[1].start, absl::FromCivil(absl::CivilSecond(2026, 4, 16, 12, 0, 0),
                                                    absl::UTCTimeZone()));  // CEST
  EXPECT_EQ(s.occurrences[2].local_start, absl::CivilMinute(2026, 4, 30, 14, 0));
  EXPECT_EQ(s.occurrences[3].local_start, absl::CivilMinute(2026, 5, 28, 14, 0));
}

// --- Plan and record -------------------------------------------------------------------------

TEST(LinkSessionsTest, LinksByUnitFormatAndLocalDayOneToOne) {
  const PlanLink link = LinkSessions(MetricsTables(), MetricsSchedule());
  // Occurrences Mar 19, Apr 16, Apr 30, May 28 ← S1 (row 0), S2 (row 1, cancelled), S3 (row 2),
  // none.
  EXPECT_THAT(link.session, ElementsAre(0, 1, 2, -1));
  EXPECT_THAT(link.outcome, ElementsAre(0, 1, 0, 2));
  // S4 (Apr 23) has no occurrence that day; S5's unit has no programme.
  EXPECT_THAT(link.occurrence, ElementsAre(0, 1, 2, -1, -1));
  EXPECT_EQ(link.Unplanned(), 2U);
  EXPECT_EQ(OccurrenceOutcomeName(OccurrenceOutcome::kNotRecorded), "not-recorded");
}

TEST(LinkSessionsTest, WithinToleranceStaysOneToOneNearestFirst) {
  LinkOptions options;
  options.window = LinkWindow::kWithin;
  options.tolerance = absl::Hours(24 * 7);  // half of every other week
  const PlanLink link = LinkSessions(MetricsTables(), MetricsSchedule(), options);
  // S4 (Apr 23) lies 7 days from Apr 16 and from Apr 30, but S2 and S3 lie 0
  // away and are linked first: S4 stays unplanned.
  EXPECT_THAT(link.occurrence, ElementsAre(0, 1, 2, -1, -1));
}

TEST(LinkSessionsTest, SameLocalDayIsTheCopenhagenDayNotTheUtcDay) {
  std::vector<Session> sessions = testing::MetricsSessions();
  Session late = sessions[2];  // S3
  late.id = "s3-early";
  // 00:30 on Apr 30 in Copenhagen is 22:30Z on Apr 29.
  late.planned_start = Cph(4, 30, 0, 30);
  late.actual_start = late.planned_start;
  late.actual_end = late.planned_start + absl::Minutes(30);
  sessions.push_back(late);
  PlanLink link = LinkSessions(TablesFromSessions(sessions), MetricsSchedule());
  // Both are on the occurrence's day; S3 lies 0 away, the early one 13.5 h: S3 wins.
  EXPECT_EQ(link.occurrence[2], 2);
  EXPECT_EQ(link.occurrence[5], -1);
  sessions.erase(sessions.begin() + 2);  // without S3 the early one is linked
  link = LinkSessions(TablesFromSessions(sessions), MetricsSchedule());
  EXPECT_EQ(link.occurrence[4], 2);
  EXPECT_EQ(link.outcome[2], 0);
}

// --- Cadence ---------------------------------------------------------------------------------

TEST(CadenceTest, PerUnitFormatAndMonth) {
  const CadenceTable c = MeasureCadence(MetricsTables(), MetricsSchedule());
  // Rows by unit, then period: egely March, April, May; bistrup March.
  ASSERT_EQ(c.size(), 4U);
  EXPECT_THAT(c.unit, ElementsAre(kEgely, kEgely, kEgely, kBistrup));
  EXPECT_THAT(c.period, ElementsAre("2026-03", "2026-04", "2026-05", "2026-03"));
  EXPECT_THAT(c.period_start, ElementsAre(Day(3, 1), Day(4, 1), Day(5, 1), Day(3, 1)));
  EXPECT_THAT(c.planned, ElementsAre(1, 2, 1, 0));
  EXPECT_THAT(c.held, ElementsAre(1, 1, 0, 0));
  EXPECT_THAT(c.cancelled, ElementsAre(0, 1, 0, 0));
  EXPECT_THAT(c.cancelled_staffing, ElementsAre(0, 1, 0, 0));
  EXPECT_THAT(c.cancelled_other, ElementsAre(0, 0, 0, 0));
  EXPECT_THAT(c.not_recorded, ElementsAre(0, 0, 1, 0));    // May 28
  EXPECT_THAT(c.unplanned_held, ElementsAre(0, 1, 0, 1));  // S4; S5 in a unit with no programme
  EXPECT_THAT(c.unplanned_cancelled, ElementsAre(0, 0, 0, 0));
  EXPECT_EQ(c.adherence[0], 1.0);
  EXPECT_EQ(c.adherence[1], 0.5);
  EXPECT_EQ(c.adherence[2], 0.0);
  EXPECT_THAT(c.adherence[3], IsNan());  // nothing planned
  // Held days of egely: Mar 19, Apr 23 (S4), Apr 30. Intervals: Mar 19 → Apr 23
  // is 12 + 23 = 35 days, Apr 23 → Apr 30 is 7; both end in April.
  EXPECT_THAT(c.intervals, ElementsAre(0, 2, 0, 0));
  EXPECT_THAT(c.longest_gap_days[0], IsNan());
  EXPECT_EQ(c.longest_gap_days[1], 35.0);
  EXPECT_EQ(c.interval_median_days[1], 21.0);  // (35 + 7) / 2
  // Every other week: 14 days. |35 − 14| = 21, |7 − 14| = 7: median 14.
  EXPECT_EQ(c.cadence_days[1], 14.0);
  EXPECT_EQ(c.interval_mad_days[1], 14.0);
  // April has 30 days: the first half is Apr 1–15, the second Apr 16–30; both
  // occurrences (Apr 16 and 30) are in the second: 1 held of 2.
  EXPECT_THAT(c.adherence_first_half[1], IsNan());
  EXPECT_EQ(c.adherence_second_half[1], 0.5);
  EXPECT_THAT(c.maintenance[1], IsNan());
  EXPECT_EQ(c.adherence_second_half[2], 0.0);  // May 28, day 28 of 31
  EXPECT_THAT(c.suppressed, ElementsAre(0, 0, 0, 0));
}

TEST(CadenceTest, QuarterShowsMaintenanceFalling) {
  CadenceOptions options;
  options.period.kind = PeriodKind::kQuarter;
  const CadenceTable c = MeasureCadence(MetricsTables(), MetricsSchedule(), options);
  ASSERT_EQ(c.size(), 3U);
  EXPECT_THAT(c.period, ElementsAre("2026-Q1", "2026-Q2", "2026-Q1"));
  EXPECT_THAT(c.planned, ElementsAre(1, 3, 0));
  EXPECT_THAT(c.held, ElementsAre(1, 1, 0));
  EXPECT_THAT(c.not_recorded, ElementsAre(0, 1, 0));
  EXPECT_DOUBLE_EQ(c.adherence[1], 1.0 / 3);
  // Q2 has 91 days; its second half starts 45 days in, on May 16. Apr 16 and
  // Apr 30 (1 held of 2) are in the first half, May 28 (not held) in the second.
  EXPECT_EQ(c.adherence_first_half[1], 0.5);
  EXPECT_EQ(c.adherence_second_half[1], 0.0);
  EXPECT_EQ(c.maintenance[1], -0.5);
}

TEST(CadenceTest, SharesALinkAndRemakesOneThatDoesNotFit) {
  const SessionTables t = MetricsTables();
  const Schedule s = MetricsSchedule();
  const PlanLink link = LinkSessions(t, s);
  EXPECT_EQ(MeasureCadence(t, s, link).held, MeasureCadence(t, s).held);
  EXPECT_THAT(MeasureCadence(t, s, PlanLink{}).held, ElementsAre(1, 1, 0, 0));
}

TEST(CadenceTest, WithoutCatalogRegularityIsUnknown) {
  CadenceOptions options;
  options.catalog = nullptr;
  const CadenceTable c = MeasureCadence(MetricsTables(), MetricsSchedule(), options);
  EXPECT_THAT(c.cadence_days[1], IsNan());
  EXPECT_THAT(c.interval_mad_days[1], IsNan());
  EXPECT_EQ(c.interval_median_days[1], 21.0);
}

// --- Fidelity --------------------------------------------------------------------------------

TEST(StepBudgetsTest, MinutesAgainstTheBudgetForThePeoplePresent) {
  const SessionTables t = MetricsTables();
  const StepBudgetTable b = StepBudgets(t);
  ASSERT_EQ(b.size(), t.steps.size());
  // S1's steps (rows 0–4), 4 people: case 5 (fixed 5), learning-questions 12
  // (fixed 10: 2 over), case-learning 2 (1–2), round 5 (ca. 1 min × 4 = 4: 1
  // over), joint-reflection 6 (fixed 5: 1 over).
  EXPECT_THAT(std::vector<std::int64_t>(b.format_position.begin(), b.format_position.begin() + 5),
              ElementsAre(0, 1, 2, 3, 4));
  EXPECT_THAT(std::vector<double>(b.budget_min.begin(), b.budget_min.begin() + 5),
              ElementsAre(5, 10, 1, 4, 5));
  EXPECT_THAT(std::vector<double>(b.budget_max.begin(), b.budget_max.begin() + 5),
              ElementsAre(5, 10, 2, 4, 5));
  EXPECT_THAT(std::vector<double>(b.overrun_minutes.begin(), b.overrun_minutes.begin() + 5),
              ElementsAre(0, 2, 0, 1, 1));
  EXPECT_THAT(std::vector<std::uint8_t>(b.over.begin(), b.over.begin() + 5),
              ElementsAre(0, 1, 0, 1, 1));
  // S4's round (row 12): 3 people, 3 minutes: within ca. 1 min × 3.
  EXPECT_EQ(b.session[12], 3);
  EXPECT_EQ(b.people[12], 3);
  EXPECT_EQ(b.budget_max[12], 3.0);
  EXPECT_EQ(b.over[12], 0);
}

TEST(SessionFidelityTest, StepsQuestionsOutputsAndFacilitator) {
  const SessionFidelityTable f = MeasureSessionFidelity(MetricsTables());
  // Held sessions only: S1, S3, S4, S5 (rows 0, 2, 3, 4).
  EXPECT_THAT(f.session, ElementsAre(0, 2, 3, 4));
  EXPECT_THAT(f.people, ElementsAre(4, 4, 3, 2));
  EXPECT_THAT(f.steps_in_format, ElementsAre(5, 5, 5, 5));
  EXPECT_THAT(f.steps_held, ElementsAre(5, 4, 5, 0));
  EXPECT_THAT(f.steps_skipped, ElementsAre(0, 1, 0, 5));  // S3 skipped joint-reflection
  // S3 held positions 0, 2, 1, 3: the longest run in order is 3 long, so 1 was moved.
  EXPECT_THAT(f.steps_reordered, ElementsAre(0, 1, 0, 0));
  EXPECT_THAT(f.steps_over, ElementsAre(3, 0, 0, 0));
  EXPECT_THAT(f.overrun_minutes, ElementsAre(4, 0, 0, 0));  // 2 + 1 + 1
  EXPECT_THAT(f.minutes, ElementsAre(30, 21, 25, 0));
  EXPECT_THAT(f.budget_max, ElementsAre(30, 30, 30, 30));  // the planned half hour
  // The 8 learning questions; S1 used biggest-challenge and roles (one twice,
  // one id not in the set).
  EXPECT_THAT(f.questions_offered, ElementsAre(8, 8, 8, 8));
  EXPECT_THAT(f.questions_used, ElementsAre(2, 0, 0, 0));
  EXPECT_THAT(f.learning_points, ElementsAre(2, 0, 1, 1));
  // Declared: at least 1 learning point, at least 0 actions; S3 has no learning point.
  EXPECT_THAT(f.outputs_declared, ElementsAre(2, 2, 2, 2));
  EXPECT_THAT(f.outputs_met, ElementsAre(2, 1, 2, 2));
  EXPECT_THAT(f.facilitator_required, ElementsAre(1, 1, 1, 1));
  EXPECT_THAT(f.facilitator_present, ElementsAre(1, 1, 1, 1));
}

TEST(SessionFidelityTest, UnknownFormatHasNoFigures) {
  std::vector<Session> sessions = testing::MetricsSessions();
  sessions[0].format_id = "not-in-the-catalog";
  const SessionFidelityTable f = MeasureSessionFidelity(TablesFromSessions(sessions));
  EXPECT_EQ(f.format_known[0], 0);
  EXPECT_EQ(f.steps_unknown[0], 5);
  EXPECT_THAT(f.overrun_minutes[0], IsNan());
  EXPECT_EQ(f.facilitator_present[0], 1);
}

TEST(FidelityTest, PerUnitFormatAndMonth) {
  const FidelityTable f = MeasureFidelity(MetricsTables());
  ASSERT_EQ(f.size(), 3U);
  EXPECT_THAT(f.unit, ElementsAre(kEgely, kEgely, kBistrup));
  EXPECT_THAT(f.period, ElementsAre("2026-03", "2026-04", "2026-03"));
  EXPECT_THAT(f.sessions, ElementsAre(1, 2, 1));
  // April: S3 held 4 of 5 steps, S4 all 5: (0.8 + 1) / 2.
  EXPECT_DOUBLE_EQ(f.steps_held_share[1], 0.9);
  EXPECT_THAT(f.all_steps_share, ElementsAre(1, 0.5, 0));
  EXPECT_THAT(f.reordered_share, ElementsAre(0, 0.5, 0));
  // March: 3 of S1's 5 steps over; April: none of 9; bistrup: no steps held.
  EXPECT_DOUBLE_EQ(f.overrun_rate[0], 0.6);
  EXPECT_EQ(f.overrun_rate[1], 0.0);
  EXPECT_THAT(f.overrun_rate[2], IsNan());
  EXPECT_THAT(f.overrun_minutes_mean, ElementsAre(4, 0, 0));
  EXPECT_THAT(f.questions_used_mean, ElementsAre(2, 0, 0));
  EXPECT_THAT(f.questions_share, ElementsAre(0.25, 0, 0));
  EXPECT_THAT(f.learning_points_mean, ElementsAre(2, 0.5, 1));
  EXPECT_THAT(f.outputs_met_share, ElementsAre(1, 0.5, 1));
  EXPECT_THAT(f.facilitator_share, ElementsAre(1, 1, 1));
}

TEST(StepFidelityTest, RoundAgainstItsBudget) {
  const StepFidelityTable s = MeasureStepFidelity(MetricsTables());
  // 5 steps × (egely March, egely April, bistrup March).
  ASSERT_EQ(s.size(), 15U);
  EXPECT_THAT(
      std::vector<std::string>(s.step.begin(), s.step.begin() + 5),
      ElementsAre("case", "learning-questions", "case-learning", "round", "joint-reflection"));
  // egely April, round: S3 4 min with 4 people (budget 4), S4 3 min with 3 (budget 3).
  EXPECT_EQ(s.period[8], "2026-04");
  EXPECT_EQ(s.step[8], "round");
  EXPECT_EQ(s.sessions[8], 2);
  EXPECT_EQ(s.held[8], 2);
  EXPECT_EQ(s.minutes_mean[8], 3.5);
  EXPECT_EQ(s.minutes_median[8], 3.5);
  EXPECT_EQ(s.budget_max_mean[8], 3.5);
  EXPECT_EQ(s.overrun_rate[8], 0.0);
  // egely April, joint-reflection: only S4 held it.
  EXPECT_EQ(s.held[9], 1);
  // egely March, learning-questions: 12 minutes against 10.
  EXPECT_EQ(s.minutes_mean[1], 12.0);
  EXPECT_EQ(s.overrun_rate[1], 1.0);
  EXPECT_EQ(s.overrun_minutes_mean[1], 2.0);
  // bistrup: S5 held none of the steps.
  EXPECT_EQ(s.unit[10], kBistrup);
  EXPECT_EQ(s.held[10], 0);
  EXPECT_THAT(s.minutes_mean[10], IsNan());
}

// --- Reach and dose --------------------------------------------------------------------------

TEST(ReachTest, PerUnitAndMonthAgainstTheRoster) {
  const ReachTable r = MeasureReach(MetricsTables(), testing::MetricsRoster());
  // Sessions took place from Mar 19 to Apr 30: March and April.
  ASSERT_EQ(r.size(), 6U);
  EXPECT_THAT(r.unit, ElementsAre(kEgely, kEgely, kSophie, kSophie, kBistrup, kBistrup));
  EXPECT_THAT(r.period,
              ElementsAre("2026-03", "2026-04", "2026-03", "2026-04", "2026-03", "2026-04"));
  // egely March: n1, n2, a1, a2. April: also a3 (joined Apr 1); a1 is on it
  // until Apr 15. sophielund March: s1; April: s1 and a1 (from Apr 16).
  EXPECT_THAT(r.staff, ElementsAre(4, 5, 1, 2, 1, 1));
  // egely March: n1, n2, a1 in S1. April: n1, a3 in S4, n2, a2, a3 in S3 (a1
  // took part in S4 as sophielund's). sophielund March: s1 (S1, S5); April: a1.
  EXPECT_THAT(r.reached, ElementsAre(3, 4, 1, 1, 1, 0));
  EXPECT_THAT(r.reached_share, ElementsAre(0.75, 0.8, 1, 0.5, 1, 0));
  // At least 2 sessions: a3 in egely in April (S4, S3); s1 in sophielund in March (S1, S5).
  EXPECT_THAT(r.reached_k, ElementsAre(0, 1, 1, 0, 0, 0));
  EXPECT_THAT(r.never_reached, ElementsAre(1, 1, 0, 1, 0, 1));
  EXPECT_THAT(r.off_roster, ElementsAre(0, 1, 0, 0, 0, 0));  // x9 in S3
  EXPECT_THAT(r.profession, ElementsAre("", "", "", "", "", ""));
}

TEST(ReachTest, ByProfessionAndShift) {
  ReachOptions options;
  options.by_profession = true;
  options.days = DayRange{absl::CivilDay(2026, 4, 1), absl::CivilDay(2026, 4, 30)};
  const ReachTable r = MeasureReach(MetricsTables(), testing::MetricsRoster(), options);
  // egely April: "" (x9 off the roster), nurses n1, n2; assistants a1, a2, a3.
  ASSERT_GE(r.size(), 3U);
  EXPECT_THAT(std::vector<std::string>(r.profession.begin(), r.profession.begin() + 3),
              ElementsAre("", testing::kNurse, testing::kAssistant));
  EXPECT_THAT(std::vector<std::int64_t>(r.staff.begin(), r.staff.begin() + 3),
              ElementsAre(0, 2, 3));
  EXPECT_THAT(std::vector<std::int64_t>(r.reached.begin(), r.reached.begin() + 3),
              ElementsAre(0, 2, 2));
  EXPECT_THAT(std::vector<std::int64_t>(r.off_roster.begin(), r.off_roster.begin() + 3),
              ElementsAre(1, 0, 0));
  options.by_profession = false;
  options.by_shift = true;
  const ReachTable s = MeasureReach(MetricsTables(), testing::MetricsRoster(), options);
  // egely April by shift: unspecified (x9), day (a1, a3), evening (n2), night (a2)
  // ... n1 is day too: day staff n1, a1, a3; reached n1, a3.
  EXPECT_THAT(std::vector<std::string>(s.shift.begin(), s.shift.begin() + 4),
              ElementsAre("unspecified", "day", "evening", "night"));
  EXPECT_THAT(std::vector<std::int64_t>(s.staff.begin(), s.staff.begin() + 4),
              ElementsAre(0, 3, 1, 1));
  EXPECT_THAT(std::vector<std::int64_t>(s.reached.begin(), s.reached.begin() + 4),
              ElementsAre(0, 2, 1, 1));
}

TEST(DoseTest, HoursPerPersonAgainstPlannedHours) {
  const Schedule schedule = MetricsSchedule();
  const DoseTable d = MeasureDose(MetricsTables(), testing::MetricsRoster(), &schedule);
  ASSERT_EQ(d.size(), 6U);
  EXPECT_THAT(d.unit, ElementsAre(kEgely, kEgely, kSophie, kSophie, kBistrup, kBistrup));
  EXPECT_THAT(d.staff, ElementsAre(4, 5, 1, 2, 1, 1));
  EXPECT_THAT(d.attendees, ElementsAre(3, 4, 1, 1, 1, 0));
  // egely March: n1, n2, a1 in S1 (30 min each): 1.5 h over 4 staff.
  EXPECT_DOUBLE_EQ(d.hours[0], 1.5);
  EXPECT_DOUBLE_EQ(d.hours_per_person_mean[0], 0.375);
  EXPECT_DOUBLE_EQ(d.hours_per_person_median[0], 0.5);   // 0, .5, .5, .5
  EXPECT_DOUBLE_EQ(d.planned_hours_per_person[0], 0.5);  // Mar 19, 30 min
  EXPECT_DOUBLE_EQ(d.dose_ratio[0], 0.75);
  // egely April: n1 25 (S4), a3 25 + 30, n2 30, a2 30 = 140 min over 5 staff.
  EXPECT_DOUBLE_EQ(d.hours[1], 140.0 / 60);
  EXPECT_DOUBLE_EQ(d.hours_per_person_mean[1], 140.0 / 60 / 5);
  EXPECT_DOUBLE_EQ(d.hours_per_person_median[1], 0.5);   // 0, 25/60, .5, .5, 55/60
  EXPECT_DOUBLE_EQ(d.planned_hours_per_person[1], 1.0);  // Apr 16 and 30, cancelled or not
  // sophielund March: s1 in S1 and S5: 1 h; no occurrences planned for it.
  EXPECT_DOUBLE_EQ(d.hours[2], 1.0);
  EXPECT_EQ(d.planned_hours_per_person[2], 0.0);
  EXPECT_THAT(d.dose_ratio[2], IsNan());
  // sophielund April: a1 25 min in S4, s1 none.
  EXPECT_DOUBLE_EQ(d.hours_per_person_median[3], 25.0 / 60 / 2);
  EXPECT_EQ(d.hours[5], 0.0);
  const DoseTable without = MeasureDose(MetricsTables(), testing::MetricsRoster(), nullptr);
  EXPECT_THAT(without.planned_hours_per_person[0], IsNan());
}

// --- Outcomes and responsiveness -------------------------------------------------------------

TEST(OutcomesTest, FunnelAsOfADate) {
  OutcomeOptions options;
  options.as_of = Cph(5, 1, 0, 0);
  const OutcomeTable o = MeasureOutcomes(MetricsTables(), options);
  ASSERT_EQ(o.size(), 3U);
  EXPECT_THAT(o.unit, ElementsAre(kEgely, kEgely, kBistrup));
  EXPECT_THAT(o.sessions, ElementsAre(1, 2, 1));
  EXPECT_THAT(o.learning_points, ElementsAre(2, 1, 1));
  EXPECT_THAT(o.learning_points_per_session, ElementsAre(2, 0.5, 1));
  EXPECT_THAT(o.actions, ElementsAre(2, 1, 0));
  EXPECT_THAT(o.started, ElementsAre(1, 0, 0));
  // S3's action is dropped on May 5, after the date: still open on May 1.
  EXPECT_THAT(o.open, ElementsAre(1, 1, 0));
  EXPECT_THAT(o.in_progress, ElementsAre(0, 0, 0));
  EXPECT_THAT(o.done, ElementsAre(1, 0, 0));
  EXPECT_THAT(o.dropped, ElementsAre(0, 0, 0));
  EXPECT_EQ(o.done_rate[0], 0.5);
  EXPECT_THAT(o.done_rate[2], IsNan());
  // Proposed Mar 19 14:30 CET (13:30Z), done Apr 8 10:30 CEST (08:30Z): 19 days
  // and 19 hours, not 20: the clocks went forward on Mar 29.
  EXPECT_THAT(o.median_days_to_done[0], DoubleNear(19 + 19.0 / 24, kTol));
  EXPECT_THAT(o.median_days_to_done[1], IsNan());
  // a2 was due Apr 1 and is still open on May 1.
  EXPECT_THAT(o.overdue, ElementsAre(1, 0, 0));
}

TEST(OutcomesTest, WithoutADateStatusesAreTheLatest) {
  const OutcomeTable o = MeasureOutcomes(MetricsTables());
  EXPECT_THAT(o.open, ElementsAre(1, 0, 0));
  EXPECT_THAT(o.dropped, ElementsAre(0, 1, 0));
  EXPECT_THAT(o.overdue, ElementsAre(0, 0, 0));
  // Before S3 was planned, it and its action are left out.
  OutcomeOptions early;
  early.as_of = Cph(4, 30, 13, 0);
  const OutcomeTable e = MeasureOutcomes(MetricsTables(), early);
  EXPECT_THAT(e.sessions, ElementsAre(1, 1, 1));
  EXPECT_THAT(e.actions, ElementsAre(2, 0, 0));
}

TEST(ResponsivenessTest, DistributionMeanAndTInterval) {
  const ResponsivenessTable r = MeasureResponsiveness(MetricsTables());
  ASSERT_EQ(r.size(), 2U);
  EXPECT_THAT(r.period, ElementsAre("2026-03", "2026-04"));
  EXPECT_THAT(r.raters, ElementsAre(4, 2));
  EXPECT_THAT(r.ratings, ElementsAre(4, 2));
  EXPECT_THAT(r.rating_3, ElementsAre(1, 0));
  EXPECT_THAT(r.rating_4, ElementsAre(2, 0));
  EXPECT_THAT(r.rating_5, ElementsAre(1, 1));
  EXPECT_THAT(r.rating_2, ElementsAre(0, 1));
  // March: 5, 4, 4, 3: mean 4, squares 1 + 0 + 0 + 1 = 2, sd √(2/3) = 0.816497;
  // t(0.975, 3) = 3.182446; half-width 3.182446 · 0.816497 / 2 = 1.299228.
  EXPECT_EQ(r.mean[0], 4.0);
  EXPECT_THAT(r.sd[0], DoubleNear(0.816497, 1e-6));
  EXPECT_THAT(r.ci_low[0], DoubleNear(2.700772, 1e-6));
  EXPECT_THAT(r.ci_high[0], DoubleNear(5.299228, 1e-6));
  // April: 2 and 5: mean 3.5, sd 2.121320; t(0.975, 1) = 12.706205; half-width
  // 12.706205 · 2.121320 / √2 = 19.059307 (the interval is not clipped to 1–5).
  EXPECT_THAT(r.ci_low[1], DoubleNear(3.5 - 19.059307, 1e-5));
  EXPECT_THAT(r.ci_high[1], DoubleNear(3.5 + 19.059307, 1e-5));
}

// --- Learning circles ------------------------------------------------------------------------

TEST(CircleMatrixTest, WhoLearntWithWhom) {
  const CircleMatrixTable m = MeasureCircleMatrix(MetricsTables());
  ASSERT_EQ(m.size(), 6U);
  EXPECT_THAT(m.period,
              ElementsAre("2026-03", "2026-03", "2026-03", "2026-03", "2026-04", "2026-04"));
  EXPECT_THAT(m.participant_unit, ElementsAre(kEgely, kSophie, kSophie, kBistrup, kEgely, kSophie));
  EXPECT_THAT(m.host_unit, ElementsAre(kEgely, kEgely, kBistrup, kBistrup, kEgely, kEgely));
  // April egely ← egely: n1, a3 (S4); n2, a2, a3, x9 (S3): 5 people, 6 participations.
  EXPECT_THAT(m.people, ElementsAre(3, 1, 1, 1, 5, 1));
  EXPECT_THAT(m.participations, ElementsAre(3, 1, 1, 1, 6, 1));
  EXPECT_THAT(m.sessions, ElementsAre(1, 1, 1, 1, 2, 1));
}

TEST(CirclesTest, CrossingUnitsShiftsAndMunicipalities) {
  const CircleTable c = MeasureCircles(MetricsTables());
  ASSERT_EQ(c.size(), 2U);
  EXPECT_THAT(c.sessions, ElementsAre(2, 2));
  EXPECT_THAT(c.people, ElementsAre(5, 6));
  EXPECT_THAT(c.participations, ElementsAre(6, 7));
  // March: s1 of sophielund in S1 (egely) and S5 (bistrup). April: a1 in S4.
  EXPECT_THAT(c.cross_unit, ElementsAre(2, 1));
  EXPECT_DOUBLE_EQ(c.cross_unit_share[0], 1.0 / 3);
  EXPECT_DOUBLE_EQ(c.cross_unit_share[1], 1.0 / 7);
  EXPECT_THAT(c.cross_unit_change[0], IsNan());
  EXPECT_DOUBLE_EQ(c.cross_unit_change[1], 1.0 / 7 - 1.0 / 3);
  // March: S1 has day and evening (4 known shifts, all crossing), S5 only day
  // (2). April: S4 only day (3), S3 evening, night, day (3 crossing) and x9 unknown.
  EXPECT_THAT(c.shift_known, ElementsAre(6, 6));
  EXPECT_THAT(c.cross_shift, ElementsAre(4, 3));
  EXPECT_THAT(c.cross_shift_share[1], DoubleNear(0.5, kTol));
  // s1 (hoersholm) in S5 (rudersdal); sophielund → egely is within Hørsholm.
  EXPECT_THAT(c.cross_municipality, ElementsAre(1, 0));
  EXPECT_THAT(c.mixed_unit_sessions, ElementsAre(2, 1));
  CircleOptions options;
  options.municipality = {{kBistrup, "hoersholm"}};
  EXPECT_THAT(MeasureCircles(MetricsTables(), options).cross_municipality, ElementsAre(0, 0));
}

TEST(CirclesTest, MunicipalitiesFromTheProgrammeOrTheIdPrefix) {
  const auto map = MunicipalitiesOf(testing::MetricsProgramme());
  EXPECT_EQ(map.at(kEgely), "hoersholm");
  EXPECT_EQ(map.at("hoersholm"), "hoersholm");
  EXPECT_EQ(MunicipalityOf(kBistrup, {}), "rudersdal");
  EXPECT_EQ(MunicipalityOf("gentofte", {}), "gentofte");
}

// --- Small cells -----------------------------------------------------------------------------

TEST(SmallCellsTest, DefaultWithholdsRowsOfFewerThanFivePeople) {
  ReachTable r = MeasureReach(MetricsTables(), testing::MetricsRoster());
  // Every row has a people count from 1 to 4 (egely April: reached 4, never 1).
  EXPECT_EQ(SuppressSmallCells(r), 6U);
  EXPECT_THAT(r.suppressed, ElementsAre(1, 1, 1, 1, 1, 1));
  EXPECT_THAT(r.staff,
              ElementsAre(kWithheld, kWithheld, kWithheld, kWithheld, kWithheld, kWithheld));
  EXPECT_THAT(r.reached_share[1], IsNan());
  EXPECT_EQ(r.unit[1], kEgely);  // keys stay
}

TEST(SmallCellsTest, FlagModeKeepsValues) {
  ReachTable r = MeasureReach(MetricsTables(), testing::MetricsRoster());
  SmallCellOptions options;
  options.mode = SmallCellMode::kFlag;
  EXPECT_EQ(SuppressSmallCells(r, options), 6U);
  EXPECT_THAT(r.staff, ElementsAre(4, 5, 1, 2, 1, 1));
  EXPECT_THAT(r.suppressed, ElementsAre(1, 1, 1, 1, 1, 1));
}

TEST(SmallCellsTest, RowsAtOrAboveTheThresholdStay) {
  ReachTable r;
  r.unit = {"a", "b", "c"};
  r.profession = r.shift = {"", "", ""};
  r.period = {"2026-03", "2026-03", "2026-03"};
  r.period_start = {0, 0, 0};
  r.staff = {20, 20, 3};
  r.reached = {12, 18, 3};
  r.reached_share = {0.6, 0.9, 1};
  r.reached_k = {6, 0, 0};
  r.reached_k_share = {0.3, 0, 0};
  r.never_reached = {8, 2, 0};  // b: 2 never reached
  r.off_roster = {0, 0, 0};
  r.suppressed = {0, 0, 0};
  EXPECT_EQ(SuppressSmallCells(r), 2U);
  EXPECT_THAT(r.suppressed, ElementsAre(0, 1, 1));
  EXPECT_THAT(r.staff, ElementsAre(20, kWithheld, kWithheld));
  EXPECT_EQ(r.reached_share[0], 0.6);
  EXPECT_THAT(r.reached_share[1], IsNan());
  EXPECT_EQ(r.reached_k[0], 6);  // 0 counts are not small by default
  SmallCellOptions zero;
  zero.zero_is_small = true;
  EXPECT_EQ(SuppressSmallCells(r, zero), 3U);  // a has off_roster 0
}

TEST(SmallCellsTest, DistributionCellsWithSecondarySuppression) {
  ResponsivenessTable r = MeasureResponsiveness(MetricsTables());
  SmallCellOptions options;
  options.threshold = 2;
  EXPECT_EQ(SuppressSmallCells(r, options), 2U);
  // March (4 raters): 3 rated 3 once, 5 once: the 1 in rating_3 is withheld,
  // and, as it alone would be recovered from the total, the smallest other
  // non-zero cell too (rating_5, also 1). The mean stays.
  EXPECT_EQ(r.rating_3[0], kWithheld);
  EXPECT_EQ(r.rating_5[0], kWithheld);
  EXPECT_EQ(r.rating_4[0], 2);
  EXPECT_EQ(r.rating_1[0], 0);
  EXPECT_EQ(r.mean[0], 4.0);
  // April (2 raters): a 2 and a 5, both withheld; no third cell is needed.
  EXPECT_EQ(r.rating_2[1], kWithheld);
  EXPECT_EQ(r.rating_5[1], kWithheld);
  EXPECT_EQ(r.raters[1], 2);
}

TEST(ResultColumnsTest, ListEveryColumnWithItsRole) {
  const CadenceTable c = MeasureCadence(MetricsTables(), MetricsSchedule());
  const std::vector<ResultColumn> columns = c.Columns();
  ASSERT_EQ(columns.size(), 25U);
  EXPECT_EQ(columns[0].name, "unit");
  EXPECT_EQ(columns[0].role, ColumnRole::kKey);
  EXPECT_EQ(columns.back().name, "suppressed");
  EXPECT_EQ(columns.back().role, ColumnRole::kFlag);
  for (const ResultColumn& column : columns) {
    const std::size_t rows = std::visit([](const auto* v) { return v->size(); }, column.data);
    EXPECT_EQ(rows, c.size()) << column.name;
  }
  EXPECT_EQ(ColumnRoleName(ColumnRole::kPeopleCell), "people-cell");
  EXPECT_EQ(PeriodKindName(PeriodKind::kQuarter), "quarter");
}

// --- Independence of record order ------------------------------------------------------------

// True when two results have the same columns with the same values (NaN equal to NaN).
template <typename Result>
bool SameResult(const Result& a, const Result& b) {
  const std::vector<ResultColumn> x = a.Columns();
  const std::vector<ResultColumn> y = b.Columns();
  if (x.size() != y.size()) return false;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (x[i].name != y[i].name || x[i].data.index() != y[i].data.index()) return false;
    if (const auto* const* reals = std::get_if<const std::vector<double>*>(&x[i].data)) {
      const std::vector<double>& u = **reals;
      const std::vector<double>& v = *std::get<const std::vector<double>*>(y[i].data);
      if (u.size() != v.size()) return false;
      for (std::size_t k = 0; k < u.size(); ++k) {
        if (std::isnan(u[k]) != std::isnan(v[k])) return false;
        if (!std::isnan(u[k]) && std::abs(u[k] - v[k]) > 1e-9) return false;
      }
      continue;
    }
    const bool same = std::visit(
        [&](const auto* u) {
          using T = std::decay_t<decltype(*u)>;
          return *u == *std::get<const T*>(y[i].data);
        },
        x[i].data);
    if (!same) return false;
  }
  return true;
}

TEST(MetricsOrderTest, ResultsDoNotDependOnTheOrderOfRecords) {
  const Schedule schedule = MetricsSchedule();
  const Roster roster = testing::MetricsRoster();
  std::vector<Session> sessions = testing::MetricsSessions();
  // Two more sessions so that ties and merges are exercised: a second session
  // on S3's day and a cancelled one in bistrup.
  Session extra = sessions[2];
  extra.id = "s6";
  extra.planned_start = Cph(4, 30, 9, 0);
  extra.actual_start = extra.planned_start;
  extra.actual_end = extra.planned_start + absl::Minutes(20);
  sessions.push_back(extra);
  Session called_off = sessions[1];
  called_off.id = "s7";
  called_off.unit = kBistrup;
  called_off.cancellation = Cancellation{CancelReason::kHoliday, ""};
  sessions.push_back(called_off);
  Roster shuffled_roster = roster;
  const SessionTables base = TablesFromSessions(sessions);
  OutcomeOptions as_of;
  as_of.as_of = Cph(5, 1, 0, 0);
  std::mt19937 random(20260319);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(sessions.begin(), sessions.end(), random);
    std::shuffle(shuffled_roster.members.begin(), shuffled_roster.members.end(), random);
    const SessionTables t = TablesFromSessions(sessions);
    EXPECT_TRUE(SameResult(MeasureCadence(t, schedule), MeasureCadence(base, schedule)));
    EXPECT_TRUE(SameResult(MeasureReach(t, shuffled_roster), MeasureReach(base, roster)));
    EXPECT_TRUE(SameResult(MeasureDose(t, shuffled_roster, &schedule),
                           MeasureDose(base, roster, &schedule)));
    EXPECT_TRUE(SameResult(MeasureFidelity(t), MeasureFidelity(base)));
    EXPECT_TRUE(SameResult(MeasureStepFidelity(t), MeasureStepFidelity(base)));
    EXPECT_TRUE(SameResult(MeasureOutcomes(t, as_of), MeasureOutcomes(base, as_of)));
    EXPECT_TRUE(SameResult(MeasureResponsiveness(t), MeasureResponsiveness(base)));
    EXPECT_TRUE(SameResult(MeasureCircleMatrix(t), MeasureCircleMatrix(base)));
    EXPECT_TRUE(SameResult(MeasureCircles(t), MeasureCircles(base)));
    // The link, by session id.
    const PlanLink a = LinkSessions(t, schedule);
    const PlanLink b = LinkSessions(base, schedule);
    for (std::size_t o = 0; o < a.session.size(); ++o) {
      ASSERT_EQ(a.session[o] < 0, b.session[o] < 0);
      if (a.session[o] < 0) continue;
      EXPECT_EQ(t.sessions.id.Value(static_cast<std::size_t>(a.session[o])),
                base.sessions.id.Value(static_cast<std::size_t>(b.session[o])));
    }
  }
}

}  // namespace
}  // namespace carelearn
