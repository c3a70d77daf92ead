// Sessions whose tables the analysis tests work out by hand.
#ifndef CARELEARN_TESTS_CPP_ANALYSIS_TABLE_FIXTURES_HPP_
#define CARELEARN_TESTS_CPP_ANALYSIS_TABLE_FIXTURES_HPP_

#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "carelearn/record/session.hpp"

namespace carelearn::testing {

/// 2026-03-`day` `hour`:`minute`:`second` UTC.
inline absl::Time Utc(int day, int hour, int minute, int second = 0) {
  return absl::FromCivil(absl::CivilSecond(2026, 3, day, hour, minute, second),
                         absl::UTCTimeZone());
}

/// A held learning meeting with something in every table.
inline Session HeldMeeting() {
  Session s;
  s.id = "s-1";
  s.format_id = "systematic-learning-meeting";
  s.format_version = 1;
  s.unit = "home-care-north";
  s.planned_start = Utc(4, 14, 0);
  s.actual_start = Utc(4, 14, 2);
  s.actual_end = Utc(4, 14, 32);
  s.participants = {
      {"p-a", "facilitator", "home-care-north", "nurse", Shift::kDay},
      {"p-b", "colleague", "home-care-north", "", Shift::kUnspecified},
      {"p-c", "colleague", "home-care-south", "social-and-health-assistant", Shift::kEvening},
  };
  s.steps = {{"case", Utc(4, 14, 2), Utc(4, 14, 7)},
             {"questions", Utc(4, 14, 7), Utc(4, 14, 19, 30)}};
  s.prompts = {{"questions", "biggest-challenge"}, {"questions", "what-worked"}};
  s.presented_case = Case{"fall", "c-1"};
  s.learning_points = {{"reflection", "Ring før besøg.", "p-a", false},
                       {"reflection", "Fru Hansen.", "", true}};
  s.actions = {
      {"a1",
       "reflection",
       "Fast pårørendesamtale.",
       "leader",
       absl::CivilDay(2026, 4, 1),
       {{ActionStatus::kOpen, Utc(4, 14, 30)},
        {ActionStatus::kInProgress, Utc(10, 8, 0)},
        {ActionStatus::kDone, Utc(30, 9, 30) + absl::Milliseconds(250)}}},
      {"a2", "reflection", "", "", std::nullopt, {}},
  };
  s.feedback = {{"reflection", "p-a", 5, "Godt."}, {"", "p-b", 4, ""}};
  s.notes = {{"reflection", NoteKind::kReflection, "Vi lærte.", false},
             {"reflection", NoteKind::kNote, "Hemmelig.", true}};
  return s;
}

/// A meeting cancelled for want of staff, with nothing held.
inline Session CancelledMeeting() {
  Session s;
  s.id = "s-2";
  s.format_id = "systematic-learning-meeting";
  s.format_version = 2;
  s.unit = "home-care-south";
  s.planned_start = Utc(11, 14, 0);
  s.cancellation = Cancellation{CancelReason::kStaffing, "Sygdom."};
  return s;
}

/// The two meetings, held first.
inline std::vector<Session> TwoMeetings() { return {HeldMeeting(), CancelledMeeting()}; }

}  // namespace carelearn::testing

#endif  // CARELEARN_TESTS_CPP_ANALYSIS_TABLE_FIXTURES_HPP_
