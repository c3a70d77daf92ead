#include "carelearn/record/session.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "carelearn/record/identifiers.hpp"
#include "record/fixtures.hpp"

namespace carelearn {
namespace {

using testing::FullSession;
using ::testing::MatchesRegex;

TEST(SessionNamesTest, RoundTrip) {
  for (SessionStatus v : {SessionStatus::kHeld, SessionStatus::kCancelled}) {
    EXPECT_EQ(ParseSessionStatus(SessionStatusName(v)), v);
  }
  for (CancelReason v :
       {CancelReason::kStaffing, CancelReason::kWorkload, CancelReason::kNoFacilitator,
        CancelReason::kHoliday, CancelReason::kOther}) {
    EXPECT_EQ(ParseCancelReason(CancelReasonName(v)), v);
  }
  for (Shift v : {Shift::kUnspecified, Shift::kDay, Shift::kEvening, Shift::kNight}) {
    EXPECT_EQ(ParseShift(ShiftName(v)), v);
  }
  for (ActionStatus v : {ActionStatus::kOpen, ActionStatus::kInProgress, ActionStatus::kDone,
                         ActionStatus::kDropped}) {
    EXPECT_EQ(ParseActionStatus(ActionStatusName(v)), v);
  }
  for (NoteKind v : {NoteKind::kNote, NoteKind::kReflection, NoteKind::kDocumentation}) {
    EXPECT_EQ(ParseNoteKind(NoteKindName(v)), v);
  }
  EXPECT_EQ(ActionStatusName(ActionStatus::kInProgress), "in-progress");
  EXPECT_EQ(CancelReasonName(CancelReason::kNoFacilitator), "no-facilitator");
  EXPECT_EQ(ParseShift("late"), std::nullopt);
}

TEST(SessionTest, StatusFollowsTheCancellation) {
  Session s = FullSession();
  EXPECT_EQ(s.status(), SessionStatus::kHeld);
  s.cancellation = Cancellation{CancelReason::kStaffing, ""};
  EXPECT_EQ(s.status(), SessionStatus::kCancelled);
}

TEST(SessionTest, FindsParticipantsAndActions) {
  Session s = FullSession();
  ASSERT_NE(s.FindParticipant("p-c2"), nullptr);
  EXPECT_EQ(s.FindParticipant("p-c2")->shift, Shift::kEvening);
  EXPECT_EQ(s.FindParticipant("nobody"), nullptr);
  ASSERT_NE(s.FindAction("a2"), nullptr);
  s.FindAction("a2")->owner = "leader";
  EXPECT_EQ(s.actions[1].owner, "leader");
  EXPECT_EQ(std::as_const(s).FindAction("a9"), nullptr);
}

TEST(ActionTest, CurrentStatusIsTheLastChange) {
  Action a;
  EXPECT_EQ(a.CurrentStatus(), ActionStatus::kOpen);
  a.history = {{ActionStatus::kOpen, absl::UnixEpoch()},
               {ActionStatus::kDone, absl::UnixEpoch() + absl::Hours(1)}};
  EXPECT_EQ(a.CurrentStatus(), ActionStatus::kDone);
}

TEST(NewSessionIdTest, Is32HexDigitsAndUnique) {
  std::set<std::string> ids;
  for (int i = 0; i < 100; ++i) {
    std::string id = NewSessionId();
    EXPECT_THAT(id, MatchesRegex("[0-9a-f]{32}"));
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), 100u);
}

TEST(ValidateSessionTest, AcceptsAFullSession) { EXPECT_TRUE(ValidateSession(FullSession()).ok()); }

TEST(ValidateSessionTest, AcceptsACancelledSessionWithoutAStart) {
  Session s = FullSession();
  s.actual_start.reset();
  s.actual_end.reset();
  s.cancellation = Cancellation{CancelReason::kHoliday, ""};
  EXPECT_TRUE(ValidateSession(s).ok());
}

TEST(ValidateSessionTest, AcceptsEmptyTexts) {
  Session s = FullSession();
  s.learning_points[1].text.clear();
  s.notes[1].text.clear();
  EXPECT_TRUE(ValidateSession(s).ok());
}

struct Broken {
  const char* name;
  void (*breaks)(Session&);
  const char* message;
};

class ValidateSessionErrorTest : public ::testing::TestWithParam<Broken> {};

TEST_P(ValidateSessionErrorTest, NamesThePlaceAndTheCause) {
  Session s = FullSession();
  GetParam().breaks(s);
  absl::Status status = ValidateSession(s);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ValidateSessionErrorTest,
    ::testing::Values(
        Broken{"EmptyId", [](Session& s) { s.id.clear(); }, "session \"\": id: is empty"},
        Broken{"EmptyFormat", [](Session& s) { s.format_id.clear(); },
               "session \"s-1\": format.id: is empty"},
        Broken{"VersionZero", [](Session& s) { s.format_version = 0; },
               "session \"s-1\": format.version: 0 is below 1"},
        Broken{"HeldWithoutStart",
               [](Session& s) {
                 s.actual_start.reset();
                 s.actual_end.reset();
               },
               "session \"s-1\": actual_start: a held session needs an actual start"},
        Broken{"EndWithoutStart",
               [](Session& s) {
                 s.cancellation = Cancellation{};
                 s.actual_start.reset();
               },
               "session \"s-1\": actual_end: an end without a start"},
        Broken{"EndBeforeStart",
               [](Session& s) { s.actual_end = *s.actual_start - absl::Seconds(1); },
               "session \"s-1\": actual_end: ends before it starts"},
        Broken{"EmptyParticipant", [](Session& s) { s.participants[2].id.clear(); },
               "session \"s-1\": participants[2].id: is empty"},
        Broken{"TwiceParticipant", [](Session& s) { s.participants[3].id = "p-c1"; },
               "session \"s-1\": participants[3].id: \"p-c1\" takes part twice"},
        Broken{"EmptyStep", [](Session& s) { s.steps[1].step_id.clear(); },
               "session \"s-1\": steps[1].step: is empty"},
        Broken{"StepBackwards",
               [](Session& s) { s.steps[4].end = s.steps[4].start - absl::Seconds(1); },
               "session \"s-1\": steps[4].end: ends before it starts"},
        Broken{"EmptyAction", [](Session& s) { s.actions[0].id.clear(); },
               "session \"s-1\": actions[0].id: is empty"},
        Broken{"TwiceAction", [](Session& s) { s.actions[1].id = "a1"; },
               "session \"s-1\": actions[1].id: \"a1\" is used twice"},
        Broken{"HistoryBackwards",
               [](Session& s) {
                 s.actions[0].history.push_back(
                     {ActionStatus::kDone, s.actions[0].history[0].at - absl::Hours(1)});
               },
               "session \"s-1\": actions[0].history[1].at: is earlier than the change before it"},
        Broken{"RatingSeven", [](Session& s) { s.feedback[0].rating = 7; },
               "session \"s-1\": feedback[0].rating: 7 is not from 1 to 5"},
        Broken{"RatingZero", [](Session& s) { s.feedback[0].rating = 0; },
               "session \"s-1\": feedback[0].rating: 0 is not from 1 to 5"},
        Broken{"FeedbackWithoutParticipant", [](Session& s) { s.feedback[0].participant.clear(); },
               "session \"s-1\": feedback[0].participant: is empty"},
        Broken{"FeedbackTwice", [](Session& s) { s.feedback.push_back(s.feedback[0]); },
               "session \"s-1\": feedback[1].participant: \"p-c1\" already gave feedback"},
        // A session line cannot hold a time outside the years 0001 to 9999 (issue 10).
        Broken{"YearTenThousand",
               [](Session& s) {
                 s.planned_start =
                     absl::FromCivil(absl::CivilSecond(10000, 1, 1, 0, 0, 0), absl::UTCTimeZone());
               },
               "session \"s-1\": planned_start: 10000-01-01T00:00:00Z is outside the years "
               "0001 to 9999 that a session line can hold"},
        Broken{"YearZero",
               [](Session& s) {
                 s.actions[0].history[0].at =
                     absl::FromCivil(absl::CivilSecond(0, 12, 31, 23, 0, 0), absl::UTCTimeZone());
               },
               "session \"s-1\": actions[0].history[0].at: 0-12-31T23:00:00Z is outside the "
               "years 0001 to 9999 that a session line can hold"},
        Broken{"DueInYearZero", [](Session& s) { s.actions[0].due = absl::CivilDay(0, 1, 1); },
               "session \"s-1\": actions[0].due: 0-01-01 is outside the years 0001 to 9999 "
               "that a session line can hold"}),
    [](const ::testing::TestParamInfo<Broken>& p) { return std::string(p.param.name); });

// Fix: "Mette Hansen takes part twice" quoted a name back in an error.
TEST(ValidateSessionTest, MessagesDoNotQuoteIdentifiers) {
  Session s = testing::FullSession("0101901234");
  s.participants[2].id = "Mette Hansen";
  s.participants[3].id = "Mette Hansen";
  const absl::Status status = ValidateSession(s);
  EXPECT_EQ(std::string(status.message()), "session \"" + MaskedId("0101901234") +
                                               "\": participants[3].id: \"" +
                                               MaskedId("Mette Hansen") + "\" takes part twice");
  EXPECT_EQ(std::string(status.message()).find("Mette"), std::string::npos);
  EXPECT_EQ(std::string(status.message()).find("0101901234"), std::string::npos);
}
}  // namespace
}  // namespace carelearn
