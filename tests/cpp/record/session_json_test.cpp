#include "carelearn/record/session_json.hpp"

#include <gtest/gtest.h>

#include <string>

#include "absl/time/clock.h"
#include "record/fixtures.hpp"

namespace carelearn {
namespace {

using testing::FullSession;

ExportOptions Everything() {
  ExportOptions options;
  options.include_confidential = true;
  return options;
}

absl::Time At(int day, int hour, int minute) {
  return absl::FromCivil(absl::CivilMinute(2026, 3, day, hour, minute), absl::UTCTimeZone());
}

TEST(SessionJsonTest, WritesTheDocumentedShape) {
  Session s;
  s.id = "s-9";
  s.format_id = "learning-visit";
  s.unit = "nursing-home-east";
  s.planned_start = At(4, 14, 0);
  s.actual_start = At(4, 14, 5);
  s.actual_end = At(4, 20, 5);
  s.participants = {{"p-a", "learning-agent", "", "", Shift::kNight}};
  s.steps = {{"learning-meeting", At(4, 19, 0), At(4, 20, 5)}};
  s.learning_points = {{"learning-meeting", "Sæt tid af til pårørende.", "", false},
                       {"learning-meeting", "Fru Hansen.", "", true}};
  s.actions = {{"a1",
                "learning-meeting",
                "Fast pårørendesamtale.",
                "leader",
                absl::CivilDay(2026, 4, 1),
                {{ActionStatus::kOpen, At(4, 20, 0)},
                 {ActionStatus::kDone, At(30, 9, 30) + absl::Milliseconds(250)}}}};
  EXPECT_EQ(ToJsonLine(s),
            R"({"carelearn":"session/1","id":"s-9","format":{"id":"learning-visit","version":1},)"
            R"("unit":"nursing-home-east","planned_start":"2026-03-04T14:00:00Z",)"
            R"("actual_start":"2026-03-04T14:05:00Z","actual_end":"2026-03-04T20:05:00Z",)"
            R"("status":"held","redaction":"confidential",)"
            R"("participants":[{"id":"p-a","role":"learning-agent","shift":"night"}],)"
            R"("steps":[{"step":"learning-meeting","start":"2026-03-04T19:00:00Z",)"
            R"("end":"2026-03-04T20:05:00Z"}],"prompts":[],)"
            R"("learning_points":[{"step":"learning-meeting","text":"Sæt tid af til pårørende.",)"
            R"("confidential":false},{"step":"learning-meeting","confidential":true}],)"
            R"("actions":[{"id":"a1","step":"learning-meeting","text":"Fast pårørendesamtale.",)"
            R"("owner":"leader","due":"2026-04-01","history":[{"status":"open",)"
            R"("at":"2026-03-04T20:00:00Z"},{"status":"done","at":"2026-03-30T09:30:00.25Z"}]}],)"
            R"("feedback":[],"notes":[]})");
}

TEST(SessionJsonTest, RoundTripsEverything) {
  const Session s = FullSession();
  Redaction redaction = Redaction::kEvaluator;
  absl::StatusOr<Session> back = ParseSessionLine(ToJsonLine(s, Everything()), &redaction);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, s);
  EXPECT_EQ(redaction, Redaction::kNone);
}

TEST(SessionJsonTest, RoundTripsACancelledSession) {
  Session s = FullSession();
  s.actual_start.reset();
  s.actual_end.reset();
  s.steps.clear();
  s.cancellation = Cancellation{CancelReason::kNoFacilitator, "Ingen facilitator i dag."};
  absl::StatusOr<Session> back = ParseSessionLine(ToJsonLine(s, Everything()));
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, s);
}

TEST(SessionJsonTest, KeepsTheClocksFullPrecision) {
  Session s = FullSession();
  s.planned_start = absl::Now();
  s.actions[0].history[0].at = s.planned_start + absl::Nanoseconds(1);
  absl::StatusOr<Session> back = ParseSessionLine(ToJsonLine(s, Everything()));
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->planned_start, s.planned_start);
  EXPECT_EQ(back->actions[0].history[0].at, s.actions[0].history[0].at);
}

TEST(SessionJsonTest, TheDefaultLineHasNoConfidentialText) {
  const Session s = FullSession();
  const std::string line = ToJsonLine(s);
  EXPECT_EQ(line.find("medicinen"), std::string::npos);
  EXPECT_EQ(line.find("Skovvej"), std::string::npos);
  EXPECT_NE(line.find("Ask the relative first"), std::string::npos);
  Redaction redaction = Redaction::kNone;
  absl::StatusOr<Session> back = ParseSessionLine(line, &redaction);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(redaction, Redaction::kConfidential);
  EXPECT_EQ(back->learning_points.size(), 2u);
  EXPECT_EQ(back->learning_points[1].text, "");
  EXPECT_TRUE(back->learning_points[1].confidential);
}

TEST(SessionJsonTest, AcceptsAMinimalLine) {
  absl::StatusOr<Session> s =
      ParseSessionLine(R"({"carelearn":"session/1","id":"x","format":{"id":"f","version":2},)"
                       R"("planned_start":"2026-03-04T15:00:00+01:00","status":"cancelled"})");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->format_version, 2);
  EXPECT_EQ(s->planned_start, At(4, 14, 0));
  EXPECT_EQ(s->cancellation, Cancellation{});
  EXPECT_TRUE(s->participants.empty());
}

struct BadLine {
  const char* name;
  std::string line;
  absl::StatusCode code;
  std::string message;
};

class SessionJsonErrorTest : public ::testing::TestWithParam<BadLine> {};

TEST_P(SessionJsonErrorTest, NamesThePlaceAndTheCause) {
  absl::StatusOr<Session> s = ParseSessionLine(GetParam().line);
  EXPECT_EQ(s.status().code(), GetParam().code);
  EXPECT_EQ(s.status().message(), GetParam().message);
}

// A valid line with `replace` put in place of `with`.
std::string Line(std::string_view replace = {}, std::string_view with = {}) {
  std::string line =
      R"({"carelearn":"session/1","id":"x","format":{"id":"f","version":1},)"
      R"("planned_start":"2026-03-04T14:00:00Z","actual_start":"2026-03-04T14:00:00Z",)"
      R"("status":"held","participants":[{"id":"p","shift":"day"}],)"
      R"("actions":[{"id":"a1","due":"2026-04-01","history":[]}],)"
      R"("feedback":[{"participant":"p","rating":4}]})";
  if (!replace.empty()) line.replace(line.find(replace), replace.size(), with);
  return line;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SessionJsonErrorTest,
    ::testing::Values(
        BadLine{"NotJson", "{\"carelearn\":", absl::StatusCode::kInvalidArgument,
                "/: not JSON: incomplete JSON"},
        BadLine{"NotAnObject", "[1]", absl::StatusCode::kInvalidArgument,
                "/: expected an object, found an array"},
        BadLine{"NoKind", R"({"id":"x"})", absl::StatusCode::kInvalidArgument,
                "/: missing required key \"carelearn\""},
        BadLine{"OtherKind", Line("session/1", "format/1"), absl::StatusCode::kFailedPrecondition,
                "/carelearn: expected a \"session/1\" document, found \"format/1\""},
        BadLine{"NewerVersion", Line("session/1", "session/2"),
                absl::StatusCode::kFailedPrecondition,
                "/carelearn: this is a \"session/2\" document; this library reads \"session/1\""},
        BadLine{"NoId", Line(R"("id":"x",)", ""), absl::StatusCode::kInvalidArgument,
                "/: missing required key \"id\""},
        BadLine{"UnknownKey", Line(R"("shift")", R"("shfit")"), absl::StatusCode::kInvalidArgument,
                "/participants/0/shfit: unknown key \"shfit\""},
        BadLine{"UnknownTopKey", Line(R"("status")", R"("state")"),
                absl::StatusCode::kInvalidArgument, "/state: unknown key \"state\""},
        BadLine{"WrongType", Line(R"("version":1)", R"("version":"1")"),
                absl::StatusCode::kInvalidArgument,
                "/format/version: expected an integer, found a string"},
        BadLine{"UnknownShift", Line(R"("day")", R"("late")"), absl::StatusCode::kInvalidArgument,
                "/participants/0/shift: unknown shift \"late\""},
        BadLine{"UnknownStatus", Line(R"("held")", R"("postponed")"),
                absl::StatusCode::kInvalidArgument, "/status: unknown status \"postponed\""},
        BadLine{"BadTime",
                Line(R"("planned_start":"2026-03-04T14:00:00Z")", R"("planned_start":"yesterday")"),
                absl::StatusCode::kInvalidArgument,
                "/planned_start: \"yesterday\" is not an RFC 3339 time"},
        BadLine{"BadDue", Line("2026-04-01", "1 April"), absl::StatusCode::kInvalidArgument,
                "/actions/0/due: \"1 April\" is not a date (YYYY-MM-DD)"},
        BadLine{"RatingNine", Line(R"("rating":4)", R"("rating":9)"),
                absl::StatusCode::kInvalidArgument, "/feedback/0/rating: 9 is not from 1 to 5"},
        BadLine{"ListNotArray", Line(R"("history":[])", R"("history":{})"),
                absl::StatusCode::kInvalidArgument,
                "/actions/0/history: expected an array, found an object"},
        BadLine{
            "HeldButCancelled",
            Line(R"("status":"held",)", R"("status":"held","cancellation":{"reason":"other"},)"),
            absl::StatusCode::kInvalidArgument,
            "/cancellation: a held session has no cancellation"}),
    [](const ::testing::TestParamInfo<BadLine>& p) { return std::string(p.param.name); });

TEST(SessionJsonErrorTest, TheValidLineIsValid) { EXPECT_TRUE(ParseSessionLine(Line()).ok()); }

}  // namespace
}  // namespace carelearn
