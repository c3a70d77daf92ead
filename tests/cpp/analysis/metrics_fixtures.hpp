// A small world whose measures the metrics tests work out by hand: three
// units in two municipalities, a programme of learning meetings every other
// Thursday across the change to summer time and two Danish public holidays,
// a roster with a person who moves unit, and five sessions (held, cancelled,
// unplanned, and one in a unit with no programme).
//
// The programme: "hoersholm-egely" holds the systematic learning meeting
// every other Thursday at 14:00 (30 min) from 2026-03-19 until 2026-05-31.
// The series gives Mar 19, Apr 2, Apr 16, Apr 30, May 14, May 28; Apr 2 is
// Maundy Thursday (skærtorsdag) and May 14 Ascension Day (Kristi
// himmelfartsdag), public holidays the programme skips, so four occurrences
// are planned: Mar 19 (14:00 CET = 13:00Z), Apr 16, Apr 30 and May 28
// (14:00 CEST = 12:00Z; summer time began on Sunday 29 March).
//
// The sessions (all of format systematic-learning-meeting, version 1):
//   S1 egely  Thu Mar 19 14:00, held 14:02–14:32; n1 (facilitator, day),
//      n2 (evening), a1 (case presenter, day; still in egely), s1 (of
//      sophielund, day); all five steps in order, 5 + 12 + 2 + 5 + 6 min;
//      questions biggest-challenge, roles, biggest-challenge again and one
//      not in the set; 2 learning points; actions a1 (proposed 14:30, in
//      progress Mar 25, done Wed Apr 8 10:30) and a2 (proposed 14:31, due
//      Apr 1, never taken up); ratings 5, 4, 4, 3.
//   S2 egely  Thu Apr 16 14:00, cancelled for want of staff.
//   S3 egely  Thu Apr 30 14:00, held 14:00–14:30; n2 (facilitator,
//      evening), a2 (night), a3 (case presenter, day), x9 (on no roster,
//      shift unspecified); steps case 5, case-learning 2, learning-questions
//      10, round 4 (case-learning before the questions; no joint
//      reflection); no learning point; action a1 proposed 14:25, dropped
//      May 5; ratings 2 (n2) and 5 (a2).
//   S4 egely  Thu Apr 23 14:00, held 14:00–14:25, not planned; n1
//      (facilitator, day), a1 (now of sophielund, day), a3 (case presenter,
//      day); all five steps 5 + 10 + 2 + 3 + 5 min; 1 learning point.
//   S5 rudersdal-bistrup (in no programme) Wed Mar 25 10:00, held
//      10:00–10:30; b1 (facilitator, day), s1 (of sophielund, day); no
//      steps recorded; 1 learning point.
//
// The roster: n1, n2 (nurses), a2 (night) in egely from 2026-01-01; a1 in
// egely 2026-01-01 to 2026-04-15, then in sophielund from 2026-04-16; a3 in
// egely from 2026-04-01; s1 in sophielund and b1 in bistrup from 2026-01-01.
#ifndef CARELEARN_TESTS_CPP_ANALYSIS_METRICS_FIXTURES_HPP_
#define CARELEARN_TESTS_CPP_ANALYSIS_METRICS_FIXTURES_HPP_

#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "carelearn/record/roster.hpp"
#include "carelearn/record/session.hpp"
#include "carelearn/schedule/programme.hpp"
#include "carelearn/schedule/recurrence.hpp"

namespace carelearn::testing {

inline constexpr char kEgely[] = "hoersholm-egely";
inline constexpr char kSophie[] = "hoersholm-sophielund";
inline constexpr char kBistrup[] = "rudersdal-bistrup";
inline constexpr char kMeeting[] = "systematic-learning-meeting";
inline constexpr char kNurse[] = "nurse";
inline constexpr char kAssistant[] = "social-and-health-assistant";

/// 2026-`month`-`day` `hour`:`minute` on the Copenhagen clock.
inline absl::Time Cph(int month, int day, int hour, int minute) {
  return absl::FromCivil(absl::CivilMinute(2026, month, day, hour, minute), CopenhagenTimeZone());
}

/// Days since 1970-01-01 of 2026-`month`-`day`.
inline std::int64_t Day(int month, int day) {
  return absl::CivilDay(2026, month, day) - absl::CivilDay(1970, 1, 1);
}

/// The programme of the banner.
inline Programme MetricsProgramme() {
  Programme p;
  p.id = "hoersholm-2026";
  p.units = {{"hoersholm", {"Hørsholm Kommune", "Hørsholm Municipality"}, ""},
             {kEgely, {"Egely", "Egely"}, "hoersholm"},
             {kSophie, {"Sophielund", "Sophielund"}, "hoersholm"}};
  ProgrammeEntry e;
  e.id = "meeting";
  e.format = {kMeeting, 1};
  e.units = {kEgely};
  e.recurrence.start = absl::CivilMinute(2026, 3, 19, 14, 0);
  e.recurrence.duration = absl::Minutes(30);
  e.recurrence.rule = *ParseRRule("FREQ=WEEKLY;INTERVAL=2;UNTIL=20260531");
  p.entries.push_back(e);
  return p;
}

/// The roster of the banner.
inline Roster MetricsRoster() {
  Roster r;
  const absl::CivilDay jan1(2026, 1, 1);
  r.members = {
      {"n1", kEgely, kNurse, Shift::kDay, jan1, std::nullopt},
      {"n2", kEgely, kNurse, Shift::kEvening, jan1, std::nullopt},
      {"a1", kEgely, kAssistant, Shift::kDay, jan1, absl::CivilDay(2026, 4, 15)},
      {"a1", kSophie, kAssistant, Shift::kDay, absl::CivilDay(2026, 4, 16), std::nullopt},
      {"a2", kEgely, kAssistant, Shift::kNight, jan1, std::nullopt},
      {"a3", kEgely, kAssistant, Shift::kDay, absl::CivilDay(2026, 4, 1), std::nullopt},
      {"s1", kSophie, kNurse, Shift::kDay, jan1, std::nullopt},
      {"b1", kBistrup, kNurse, Shift::kDay, jan1, std::nullopt},
  };
  return r;
}

/// A step timing from `m0` to `m1` minutes after `start`.
inline StepTiming StepAt(const char* id, absl::Time start, double m0, double m1) {
  return {id, start + absl::Seconds(m0 * 60), start + absl::Seconds(m1 * 60)};
}

/// S1 to S5 of the banner, in that order.
inline std::vector<Session> MetricsSessions() {
  std::vector<Session> out;
  {
    Session s;
    s.id = "s1";
    s.format_id = kMeeting;
    s.unit = kEgely;
    s.planned_start = Cph(3, 19, 14, 0);
    const absl::Time t0 = Cph(3, 19, 14, 2);
    s.actual_start = t0;
    s.actual_end = Cph(3, 19, 14, 32);
    s.participants = {{"n1", "facilitator", kEgely, kNurse, Shift::kDay},
                      {"n2", "colleague", kEgely, kNurse, Shift::kEvening},
                      {"a1", "case-presenter", kEgely, kAssistant, Shift::kDay},
                      {"s1", "colleague", kSophie, kNurse, Shift::kDay}};
    s.steps = {StepAt("case", t0, 0, 5), StepAt("learning-questions", t0, 5, 17),
               StepAt("case-learning", t0, 17, 19), StepAt("round", t0, 19, 24),
               StepAt("joint-reflection", t0, 24, 30)};
    s.prompts = {{"learning-questions", "biggest-challenge"},
                 {"learning-questions", "roles"},
                 {"learning-questions", "biggest-challenge"},
                 {"learning-questions", "not-a-question"}};
    s.learning_points = {{"case-learning", "", "a1", false}, {"case-learning", "", "", false}};
    s.actions = {{"a1",
                  "joint-reflection",
                  "",
                  "leader",
                  std::nullopt,
                  {{ActionStatus::kOpen, Cph(3, 19, 14, 30)},
                   {ActionStatus::kInProgress, Cph(3, 25, 9, 0)},
                   {ActionStatus::kDone, Cph(4, 8, 10, 30)}}},
                 {"a2",
                  "joint-reflection",
                  "",
                  "",
                  absl::CivilDay(2026, 4, 1),
                  {{ActionStatus::kOpen, Cph(3, 19, 14, 31)}}}};
    s.feedback = {{"", "n1", 5, ""}, {"", "n2", 4, ""}, {"", "a1", 4, ""}, {"", "s1", 3, ""}};
    out.push_back(s);
  }
  {
    Session s;
    s.id = "s2";
    s.format_id = kMeeting;
    s.unit = kEgely;
    s.planned_start = Cph(4, 16, 14, 0);
    s.cancellation = Cancellation{CancelReason::kStaffing, ""};
    out.push_back(s);
  }
  {
    Session s;
    s.id = "s3";
    s.format_id = kMeeting;
    s.unit = kEgely;
    const absl::Time t0 = Cph(4, 30, 14, 0);
    s.planned_start = t0;
    s.actual_start = t0;
    s.actual_end = Cph(4, 30, 14, 30);
    s.participants = {{"n2", "facilitator", kEgely, kNurse, Shift::kEvening},
                      {"a2", "colleague", kEgely, kAssistant, Shift::kNight},
                      {"a3", "case-presenter", kEgely, kAssistant, Shift::kDay},
                      {"x9", "colleague", kEgely, "", Shift::kUnspecified}};
    s.steps = {StepAt("case", t0, 0, 5), StepAt("case-learning", t0, 5, 7),
               StepAt("learning-questions", t0, 7, 17), StepAt("round", t0, 17, 21)};
    s.actions = {
        {"a1",
         "joint-reflection",
         "",
         "",
         std::nullopt,
         {{ActionStatus::kOpen, Cph(4, 30, 14, 25)}, {ActionStatus::kDropped, Cph(5, 5, 9, 0)}}}};
    s.feedback = {{"", "n2", 2, ""}, {"", "a2", 5, ""}};
    out.push_back(s);
  }
  {
    Session s;
    s.id = "s4";
    s.format_id = kMeeting;
    s.unit = kEgely;
    const absl::Time t0 = Cph(4, 23, 14, 0);
    s.planned_start = t0;
    s.actual_start = t0;
    s.actual_end = Cph(4, 23, 14, 25);
    s.participants = {{"n1", "facilitator", kEgely, kNurse, Shift::kDay},
                      {"a1", "colleague", kSophie, kAssistant, Shift::kDay},
                      {"a3", "case-presenter", kEgely, kAssistant, Shift::kDay}};
    s.steps = {StepAt("case", t0, 0, 5), StepAt("learning-questions", t0, 5, 15),
               StepAt("case-learning", t0, 15, 17), StepAt("round", t0, 17, 20),
               StepAt("joint-reflection", t0, 20, 25)};
    s.learning_points = {{"case-learning", "", "", false}};
    out.push_back(s);
  }
  {
    Session s;
    s.id = "s5";
    s.format_id = kMeeting;
    s.unit = kBistrup;
    const absl::Time t0 = Cph(3, 25, 10, 0);
    s.planned_start = t0;
    s.actual_start = t0;
    s.actual_end = Cph(3, 25, 10, 30);
    s.participants = {{"b1", "facilitator", kBistrup, kNurse, Shift::kDay},
                      {"s1", "colleague", kSophie, kNurse, Shift::kDay}};
    s.learning_points = {{"case-learning", "", "", false}};
    out.push_back(s);
  }
  return out;
}

}  // namespace carelearn::testing

#endif  // CARELEARN_TESTS_CPP_ANALYSIS_METRICS_FIXTURES_HPP_
