#include "carelearn/io/session_json.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "carelearn/io/errors.hpp"
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
            R"("at":"2026-03-04T20:00:00Z"},{"status":"done","at":"2026-03-30T09:30:00.25Z"}],)"
            R"("confidential":false}],"feedback":[],"notes":[]})");
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

// An action, a feedback comment and a cancellation note marked confidential
// are written with their flag, and left out unless asked for.
TEST(SessionJsonTest, WritesTheConfidentialFlagsOfActionsFeedbackAndCancellations) {
  Session s;
  s.id = "s-c";
  s.format_id = "f";
  s.planned_start = At(4, 14, 0);
  s.actual_start = At(4, 14, 0);
  s.actual_end = At(4, 14, 10);
  s.cancellation = Cancellation{CancelReason::kWorkload, "CPR 010203-1234 blev syg.", true};
  s.actions = {{"a1", "", "Tjek 010203-1234.", "", std::nullopt, {}, true},
               {"a2", "", "En tjekliste.", "", std::nullopt, {}, false}};
  s.feedback = {{"", "p", 4, "Hemmeligt.", true}};
  const std::string head =
      R"({"carelearn":"session/1","id":"s-c","format":{"id":"f","version":1},)"
      R"("planned_start":"2026-03-04T14:00:00Z","actual_start":"2026-03-04T14:00:00Z",)"
      R"("actual_end":"2026-03-04T14:10:00Z","status":"cancelled",)";
  const std::string everything =
      head +
      R"("cancellation":{"reason":"workload","note":"CPR 010203-1234 blev syg.",)"
      R"("confidential":true},"redaction":"none","participants":[],"steps":[],"prompts":[],)"
      R"("learning_points":[],"actions":[{"id":"a1","text":"Tjek 010203-1234.","history":[],)"
      R"("confidential":true},{"id":"a2","text":"En tjekliste.","history":[],)"
      R"("confidential":false}],"feedback":[{"participant":"p","rating":4,)"
      R"("comment":"Hemmeligt.","confidential":true}],"notes":[]})";
  EXPECT_EQ(ToJsonLine(s, Everything()), everything);
  EXPECT_EQ(ToJsonLine(s),
            head + R"("cancellation":{"reason":"workload","confidential":true},)"
                   R"("redaction":"confidential","participants":[],"steps":[],"prompts":[],)"
                   R"("learning_points":[],"actions":[{"id":"a1","history":[],)"
                   R"("confidential":true},{"id":"a2","text":"En tjekliste.","history":[],)"
                   R"("confidential":false}],"feedback":[{"participant":"p","rating":4,)"
                   R"("confidential":true}],"notes":[]})");
  // Read back, the line is the session; written again, the same bytes.
  absl::StatusOr<Session> back = ParseSessionLine(everything);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, s);
  EXPECT_EQ(ToJsonLine(*back, Everything()), everything);
}

// A line written before actions, feedback and cancellations had the flag
// reads as not confidential, and is written with the flag from then on.
TEST(SessionJsonTest, AnOldLineWithoutTheFlagsReadsAsNotConfidential) {
  const std::string old =
      R"({"carelearn":"session/1","id":"s-o","format":{"id":"f","version":1},)"
      R"("planned_start":"2026-03-04T14:00:00Z","status":"cancelled",)"
      R"("cancellation":{"reason":"other","note":"Syg."},"redaction":"none",)"
      R"("participants":[],"steps":[],"prompts":[],"learning_points":[],)"
      R"("actions":[{"id":"a1","text":"Tjek.","history":[]}],)"
      R"("feedback":[{"participant":"p","rating":3,"comment":"Fint."}],"notes":[]})";
  absl::StatusOr<Session> s = ParseSessionLine(old);
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_FALSE(s->cancellation->confidential);
  EXPECT_FALSE(s->actions[0].confidential);
  EXPECT_FALSE(s->feedback[0].confidential);
  EXPECT_EQ(s->actions[0].text, "Tjek.");
  EXPECT_EQ(s->feedback[0].comment, "Fint.");
  EXPECT_EQ(s->cancellation->note, "Syg.");
  const std::string now =
      R"({"carelearn":"session/1","id":"s-o","format":{"id":"f","version":1},)"
      R"("planned_start":"2026-03-04T14:00:00Z","status":"cancelled",)"
      R"("cancellation":{"reason":"other","note":"Syg.","confidential":false},)"
      R"("redaction":"none","participants":[],"steps":[],"prompts":[],"learning_points":[],)"
      R"("actions":[{"id":"a1","text":"Tjek.","history":[],"confidential":false}],)"
      R"("feedback":[{"participant":"p","rating":3,"comment":"Fint.","confidential":false}],)"
      R"("notes":[]})";
  EXPECT_EQ(ToJsonLine(*s, Everything()), now);
  absl::StatusOr<Session> again = ParseSessionLine(now);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(*again, *s);
  EXPECT_EQ(ToJsonLine(*again, Everything()), now);
}

TEST(SessionJsonTest, RoundTripsConfidentialActionsFeedbackAndCancellations) {
  Session s = FullSession();
  s.actions[1].confidential = true;
  s.feedback[0].confidential = true;
  s.cancellation = Cancellation{CancelReason::kStaffing, "For få på arbejde.", true};
  absl::StatusOr<Session> back = ParseSessionLine(ToJsonLine(s, Everything()));
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, s);
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
  EXPECT_EQ(std::string(s.status().message()), GetParam().message);
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

// Every error names the source, the line and the column, then the JSON Pointer
// of the place, as the document errors do.
INSTANTIATE_TEST_SUITE_P(
    Cases, SessionJsonErrorTest,
    ::testing::Values(
        BadLine{"NotJson", "{\"carelearn\":", absl::StatusCode::kInvalidArgument,
                "<input>:1:14: /carelearn: unexpected end of the document; the object opened at "
                "1:1 is not closed; the document is truncated"},
        BadLine{"NotAnObject", "[1]", absl::StatusCode::kInvalidArgument,
                "<input>:1:1: (root): expected an object (a carelearn document), found an array"},
        BadLine{"NoKind", R"({"id":"x"})", absl::StatusCode::kInvalidArgument,
                "<input>:1:1: (root): missing required key \"carelearn\"; a carelearn document "
                "names its kind first, as in \"carelearn\": \"session/1\""},
        BadLine{"OtherKind", Line("session/1", "format/1"), absl::StatusCode::kFailedPrecondition,
                "<input>:1:14: /carelearn: expected a \"session/1\" document, found "
                "\"format/1\""},
        BadLine{"NewerVersion", Line("session/1", "session/2"),
                absl::StatusCode::kFailedPrecondition,
                "<input>:1:14: /carelearn: the document is \"session/2\", newer than "
                "\"session/1\", the newest this version of carelearn reads"},
        BadLine{"NoId", Line(R"("id":"x",)", ""), absl::StatusCode::kInvalidArgument,
                "<input>:1:1: (root): missing required key \"id\""},
        BadLine{"UnknownKey", Line(R"("shift")", R"("shfit")"), absl::StatusCode::kInvalidArgument,
                "<input>:1:186: /participants/0/shfit: unknown key \"shfit\"; did you mean "
                "\"shift\"?"},
        BadLine{"UnknownTopKey", Line(R"("status")", R"("state")"),
                absl::StatusCode::kInvalidArgument,
                "<input>:1:144: /state: unknown key \"state\"; expected one of \"carelearn\", "
                "\"id\", \"format\", \"unit\", \"planned_start\", \"actual_start\", "
                "\"actual_end\", \"status\", \"cancellation\", \"redaction\", \"participants\", "
                "\"steps\", \"prompts\", \"case\", \"learning_points\", \"actions\", "
                "\"feedback\", \"notes\""},
        BadLine{"WrongType", Line(R"("version":1)", R"("version":"1")"),
                absl::StatusCode::kInvalidArgument,
                "<input>:1:64: /format/version: expected an integer from 1 to 2147483647, found "
                "the string \"1\""},
        BadLine{"UnknownShift", Line(R"("day")", R"("late")"), absl::StatusCode::kInvalidArgument,
                "<input>:1:194: /participants/0/shift: expected one of \"unspecified\", \"day\", "
                "\"evening\", \"night\", found the string \"late\""},
        BadLine{"UnknownStatus", Line(R"("held")", R"("postponed")"),
                absl::StatusCode::kInvalidArgument,
                "<input>:1:153: /status: expected one of \"held\", \"cancelled\", found the "
                "string \"postponed\""},
        BadLine{"BadTime",
                Line(R"("planned_start":"2026-03-04T14:00:00Z")", R"("planned_start":"yesterday")"),
                absl::StatusCode::kInvalidArgument,
                "<input>:1:83: /planned_start: \"yesterday\" is not an RFC 3339 time such as "
                "\"2026-03-04T14:00:00Z\" or \"2026-03-04T15:00:00.5+01:00\""},
        BadLine{"BadDue", Line("2026-04-01", "1 April"), absl::StatusCode::kInvalidArgument,
                "<input>:1:230: /actions/0/due: \"1 April\" is not a date \"YYYY-MM-DD\" such as "
                "\"2026-04-01\""},
        BadLine{"RatingNine", Line(R"("rating":4)", R"("rating":9)"),
                absl::StatusCode::kInvalidArgument,
                "<input>:1:298: /feedback/0/rating: expected an integer from 1 to 5, found the "
                "number 9"},
        BadLine{"ActionFlagNotABool",
                Line(R"("history":[])", R"("history":[],"confidential":"yes")"),
                absl::StatusCode::kInvalidArgument,
                "<input>:1:271: /actions/0/confidential: expected true or false, found the "
                "string \"yes\""},
        BadLine{"FeedbackFlagNotABool", Line(R"("rating":4)", R"("rating":4,"confidential":1)"),
                absl::StatusCode::kInvalidArgument,
                "<input>:1:315: /feedback/0/confidential: expected true or false, found the "
                "number 1"},
        BadLine{"ListNotArray", Line(R"("history":[])", R"("history":{})"),
                absl::StatusCode::kInvalidArgument,
                "<input>:1:253: /actions/0/history: expected an array, found an object"},
        BadLine{
            "HeldButCancelled",
            Line(R"("status":"held",)", R"("status":"held","cancellation":{"reason":"other"},)"),
            absl::StatusCode::kInvalidArgument,
            "<input>:1:175: /cancellation: a held session has no cancellation; its \"status\" is "
            "\"held\""},
        // Found when sessions were fed hostile input (issue 10): each was accepted before.
        BadLine{"DuplicateKey", Line(R"("id":"x",)", R"("id":"x","id":"y",)"),
                absl::StatusCode::kInvalidArgument,
                "<input>:1:35: /id: duplicate key \"id\"; a key may appear only once in an object "
                "(first at 1:26)"},
        BadLine{"DuplicateKeyInAPart", Line(R"("id":"p",)", R"("id":"p","id":"q",)"),
                absl::StatusCode::kInvalidArgument,
                "<input>:1:186: /participants/0/id: duplicate key \"id\"; a key may appear only "
                "once in an object (first at 1:177)"},
        BadLine{"InvalidUtf8", Line(R"("id":"p")", "\"id\":\"p\xFF\""),
                absl::StatusCode::kInvalidArgument,
                "<input>:1:184: /participants/0/id: invalid UTF-8: the bytes 0xFF do not form a "
                "character; save the document as UTF-8"}),
    [](const ::testing::TestParamInfo<BadLine>& p) { return std::string(p.param.name); });

TEST(SessionJsonErrorTest, TheValidLineIsValid) { EXPECT_TRUE(ParseSessionLine(Line()).ok()); }

TEST(SessionJsonErrorTest, ErrorsCarryTheirLocation) {
  absl::StatusOr<Session> s = ParseSessionLine(Line(R"("day")", R"("late")"));
  const std::optional<ErrorLocation> at = GetErrorLocation(s.status());
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(at->pointer, "/participants/0/shift");
  EXPECT_EQ(at->line, 1);
  EXPECT_EQ(at->column, 194);
  EXPECT_FALSE(IsVersionMismatch(s.status()));
  EXPECT_TRUE(IsVersionMismatch(ParseSessionLine(Line("session/1", "session/2")).status()));
  EXPECT_TRUE(IsVersionMismatch(ParseSessionLine(Line("session/1", "format/1")).status()));
}

// ------------------------------------------------------------ times and dates

// The status of `line` with its planned start set to `time`.
absl::Status PlannedStart(std::string_view time) {
  return ParseSessionLine(Line("2026-03-04T14:00:00Z\",\"actual_start",
                               absl::StrCat(std::string(time), "\",\"actual_start")))
      .status();
}

TEST(SessionJsonTimeTest, TakesRfc3339Only) {
  EXPECT_TRUE(PlannedStart("2026-03-04T14:00:00Z").ok());
  EXPECT_TRUE(PlannedStart("2026-03-04t14:00:00z").ok());  // RFC 3339 allows lower case
  EXPECT_TRUE(PlannedStart("2026-03-04T15:00:00.123456789+01:00").ok());
  EXPECT_TRUE(PlannedStart("2026-03-04T14:00:00-00:00").ok());
  for (std::string_view bad :
       {"2026-03-04 14:00:00Z", "2026-03-04T14:00Z", "2026-3-4T14:00:00Z", "2026-03-04T14:00:00",
        "+2026-03-04T14:00:00Z", "2026-03-04T14:00:00.Z", "2026-03-04T14:00:00+0100",
        "20260304T140000Z", "2026-03-04T14:00:00Z "}) {
    const absl::Status s = PlannedStart(bad);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_THAT(std::string(s.message()),
                ::testing::HasSubstr("is not an RFC 3339 time such as \"2026-03-04T14:00:00Z\""))
        << bad;
  }
}

TEST(SessionJsonTimeTest, RefusesYearsOutsideOneToNineThousandNineHundredNinetyNine) {
  EXPECT_EQ(std::string(PlannedStart("-0001-01-01T00:00:00Z").message()),
            "<input>:1:83: /planned_start: \"-0001-01-01T00:00:00Z\" is not an RFC 3339 time "
            "such as \"2026-03-04T14:00:00Z\" or \"2026-03-04T15:00:00.5+01:00\"");
  EXPECT_EQ(std::string(PlannedStart("0000-12-31T23:00:00Z").message()),
            "<input>:1:83: /planned_start: \"0000-12-31T23:00:00Z\" has the year 0000; years are "
            "0001 to 9999");
  EXPECT_EQ(std::string(PlannedStart("0001-01-01T00:30:00+01:00").message()),
            "<input>:1:83: /planned_start: \"0001-01-01T00:30:00+01:00\" lies outside "
            "0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z in UTC");
  EXPECT_EQ(std::string(PlannedStart("9999-12-31T23:30:00-01:00").message()),
            "<input>:1:83: /planned_start: \"9999-12-31T23:30:00-01:00\" lies outside "
            "0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z in UTC");
  EXPECT_TRUE(PlannedStart("0001-01-01T00:00:00Z").ok());
  EXPECT_TRUE(PlannedStart("9999-12-31T23:59:59.999999999Z").ok());
}

TEST(SessionJsonTimeTest, RefusesLeapSecondsAndDaysThatDoNotExist) {
  EXPECT_EQ(std::string(PlannedStart("9999-12-31T23:59:60Z").message()),
            "<input>:1:83: /planned_start: \"9999-12-31T23:59:60Z\" is a leap second, which "
            "carelearn refuses: its times, like POSIX time, have none; write the second before "
            "or after it");
  EXPECT_EQ(PlannedStart("2016-12-31T23:59:60Z").code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(std::string(PlannedStart("2026-02-29T14:00:00Z").message()),
            "<input>:1:83: /planned_start: \"2026-02-29T14:00:00Z\" is no day of the calendar");
  EXPECT_TRUE(PlannedStart("2028-02-29T14:00:00Z").ok());
  EXPECT_EQ(std::string(PlannedStart("2026-03-04T24:00:00Z").message()),
            "<input>:1:83: /planned_start: \"2026-03-04T24:00:00Z\" is no time of day");
  EXPECT_EQ(std::string(PlannedStart("2026-03-04T14:00:00.1234567891Z").message()),
            "<input>:1:83: /planned_start: \"2026-03-04T14:00:00.1234567891Z\" has more than "
            "nine fraction digits; carelearn keeps times to the nanosecond");
  EXPECT_EQ(std::string(PlannedStart("2026-03-04T14:00:00+24:00").message()),
            "<input>:1:83: /planned_start: \"2026-03-04T14:00:00+24:00\" has an offset beyond "
            "-23:59 to +23:59");
}

TEST(SessionJsonTimeTest, DueDatesAreFourDigitYears) {
  EXPECT_EQ(std::string(ParseSessionLine(Line("2026-04-01", "0000-04-01")).status().message()),
            "<input>:1:230: /actions/0/due: \"0000-04-01\" has the year 0000; years are 0001 to "
            "9999");
  EXPECT_EQ(std::string(ParseSessionLine(Line("2026-04-01", "2026-04-31")).status().message()),
            "<input>:1:230: /actions/0/due: \"2026-04-31\" is no day of the calendar");
  EXPECT_EQ(ParseSessionLine(Line("2026-04-01", "12026-04-01")).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(SessionJsonTimeTest, WhatItWritesReadsBackByteForByte) {
  Session s = FullSession();
  const absl::TimeZone utc = absl::UTCTimeZone();
  s.planned_start = absl::FromCivil(absl::CivilSecond(1, 1, 1, 0, 0, 0), utc);
  s.actual_start = s.planned_start + absl::Nanoseconds(1);
  s.actual_end = absl::FromCivil(absl::CivilSecond(9999, 12, 31, 23, 59, 59), utc) +
                 absl::Nanoseconds(999999999);
  s.steps.clear();
  s.actions[0].due = absl::CivilDay(33, 2, 1);
  s.actions[0].history = {{ActionStatus::kOpen, *s.actual_end}};
  const std::string line = ToJsonLine(s, Everything());
  EXPECT_THAT(line, ::testing::HasSubstr(R"("planned_start":"0001-01-01T00:00:00Z")"));
  EXPECT_THAT(line, ::testing::HasSubstr(R"("actual_start":"0001-01-01T00:00:00.000000001Z")"));
  EXPECT_THAT(line, ::testing::HasSubstr(R"("actual_end":"9999-12-31T23:59:59.999999999Z")"));
  EXPECT_THAT(line, ::testing::HasSubstr(R"("due":"0033-02-01")"));
  absl::StatusOr<Session> back = ParseSessionLine(line);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, s);
  EXPECT_EQ(ToJsonLine(*back, Everything()), line);
}

TEST(SessionJsonTimeTest, TextThatIsNotUtf8IsWrittenAsUtf8) {
  Session s = FullSession();
  s.unit = "nord\xFF";
  const std::string line = ToJsonLine(s, Everything());
  EXPECT_THAT(line, ::testing::HasSubstr("\"unit\":\"nord\xEF\xBF\xBD\""));
  absl::StatusOr<Session> back = ParseSessionLine(line);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(ToJsonLine(*back, Everything()), line);
}

// ------------------------------------------------------------ limits

struct Limit {
  const char* name;
  std::size_t SessionReadOptions::*option;
  std::string key;    // the list's key
  std::string items;  // two items of it
  std::string message;
};

class SessionJsonLimitTest : public ::testing::TestWithParam<Limit> {};

TEST_P(SessionJsonLimitTest, EachLimitIsAnErrorOfItsOwn) {
  const Limit& limit = GetParam();
  const std::string line =
      absl::StrCat(R"({"carelearn":"session/1","id":"x","format":{"id":"f","version":1},)",
                   R"("planned_start":"2026-03-04T14:00:00Z","status":"cancelled",")", limit.key,
                   R"(":)", limit.items, "}");
  SessionReadOptions options;
  ASSERT_TRUE(ParseSessionLine(line, nullptr, options).ok()) << ParseSessionLine(line).status();
  options.*limit.option = 1;
  absl::Status s = ParseSessionLine(line, nullptr, options).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(std::string(s.message()), limit.message);
}

constexpr char kStatusChange[] = R"({"status":"open","at":"2026-03-04T14:00:00Z"})";

INSTANTIATE_TEST_SUITE_P(
    Lists, SessionJsonLimitTest,
    ::testing::Values(
        Limit{"Participants", &SessionReadOptions::max_participants, "participants",
              R"([{"id":"p"},{"id":"q"}])",
              "<input>:1:142: /participants: 2 participants, more than the limit of 1 "
              "(SessionReadOptions::max_participants)"},
        Limit{"Steps", &SessionReadOptions::max_steps, "steps",
              R"([{"step":"a","start":"2026-03-04T14:00:00Z","end":"2026-03-04T14:05:00Z"},)"
              R"({"step":"b","start":"2026-03-04T14:05:00Z","end":"2026-03-04T14:10:00Z"}])",
              "<input>:1:135: /steps: 2 step timings, more than the limit of 1 "
              "(SessionReadOptions::max_steps)"},
        Limit{"Prompts", &SessionReadOptions::max_prompts, "prompts",
              R"([{"step":"a","question":"q1"},{"step":"a","question":"q2"}])",
              "<input>:1:137: /prompts: 2 questions used, more than the limit of 1 "
              "(SessionReadOptions::max_prompts)"},
        Limit{"LearningPoints", &SessionReadOptions::max_learning_points, "learning_points",
              R"([{"text":"a"},{"text":"b"}])",
              "<input>:1:145: /learning_points: 2 learning points, more than the limit of 1 "
              "(SessionReadOptions::max_learning_points)"},
        Limit{"Actions", &SessionReadOptions::max_actions, "actions",
              R"([{"id":"a1"},{"id":"a2"}])",
              "<input>:1:137: /actions: 2 actions, more than the limit of 1 "
              "(SessionReadOptions::max_actions)"},
        Limit{"StatusChanges", &SessionReadOptions::max_status_changes, "actions",
              absl::StrCat(R"([{"id":"a1","history":[)", kStatusChange, ",", kStatusChange, "]}]"),
              "<input>:1:159: /actions/0/history: 2 status changes, more than the limit of 1 "
              "(SessionReadOptions::max_status_changes)"},
        Limit{"Feedback", &SessionReadOptions::max_feedback, "feedback",
              R"([{"participant":"p","rating":4},{"participant":"q","rating":5}])",
              "<input>:1:138: /feedback: 2 feedback entries, more than the limit of 1 "
              "(SessionReadOptions::max_feedback)"},
        Limit{"Notes", &SessionReadOptions::max_notes, "notes", R"([{"text":"a"},{"text":"b"}])",
              "<input>:1:135: /notes: 2 notes, more than the limit of 1 "
              "(SessionReadOptions::max_notes)"}),
    [](const ::testing::TestParamInfo<Limit>& p) { return std::string(p.param.name); });

TEST(SessionJsonLimitTest, StringsAndLinesHaveLimits) {
  SessionReadOptions options;
  options.max_string_bytes = 4;
  absl::Status s = ParseSessionLine(Line(), nullptr, options).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(
      std::string(s.message()),
      "<input>:1:2: (root): a key longer than 4 bytes (SessionReadOptions::max_string_bytes)");
  options = {};
  options.max_line_bytes = 100;
  s = ParseSessionLine(Line(), nullptr, options).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(std::string(s.message()),
            absl::StrCat("<input>:1:1: (root): the line is ", Line().size(),
                         " bytes, more than the limit of 100 bytes "
                         "(SessionReadOptions::max_line_bytes)"));
  // A 50 MB string, the size that was accepted before the limits.
  const std::string huge =
      Line(R"("id":"x")", absl::StrCat(R"("id":")", std::string(50 << 20, 'x'), "\""));
  options = {};
  options.max_line_bytes = std::size_t{64} << 20;
  s = ParseSessionLine(huge, nullptr, options).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(std::string(s.message()),
            "<input>:1:31: /id: a string longer than 65536 bytes "
            "(SessionReadOptions::max_string_bytes)");
}

// ------------------------------------------------------------ SessionReader

TEST(SessionReaderTest, ReadsLineByLineNamingEachLine) {
  const std::string good = ToJsonLine(FullSession(), Everything());
  std::istringstream in(
      absl::StrCat(good, "\n\n \t\r\n", Line(R"("day")", R"("dya")"), "\r\n", good));
  SessionReadOptions options;
  options.source_name = "export.jsonl";
  SessionReader reader(in, options);
  std::optional<SessionLine> first = reader.Next();
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->line, 1u);
  ASSERT_TRUE(first->session.ok()) << first->session.status();
  EXPECT_EQ(*first->session, FullSession());
  EXPECT_EQ(first->redaction, Redaction::kNone);
  std::optional<SessionLine> bad = reader.Next();
  ASSERT_TRUE(bad.has_value());
  EXPECT_EQ(bad->line, 4u);
  EXPECT_EQ(std::string(bad->session.status().message()),
            "export.jsonl:4:194: /participants/0/shift: expected one of \"unspecified\", \"day\", "
            "\"evening\", \"night\", found the string \"dya\"; did you mean \"day\"?");
  EXPECT_EQ(GetErrorLocation(bad->session.status())->line, 4);
  std::optional<SessionLine> last = reader.Next();
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(last->line, 5u);
  EXPECT_TRUE(last->session.ok());
  EXPECT_FALSE(reader.Next().has_value());
  EXPECT_FALSE(reader.Next().has_value());
}

TEST(SessionReaderTest, LocatesInvalidUtf8InTheFile) {
  std::istringstream in(absl::StrCat(Line(), "\n", Line(R"("id":"p")", "\"id\":\"p\xC3\x28\"")));
  SessionReader reader(in);
  ASSERT_TRUE(reader.Next()->session.ok());
  std::optional<SessionLine> bad = reader.Next();
  ASSERT_TRUE(bad.has_value());
  EXPECT_EQ(bad->session.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(std::string(bad->session.status().message()),
            "<input>:2:184: /participants/0/id: invalid UTF-8: the bytes 0xC3 do not form a "
            "character; save the document as UTF-8");
}

TEST(SessionReaderTest, ValidatesUnlessAskedNotTo) {
  Session twice = FullSession();
  twice.participants.push_back(twice.participants[0]);
  const std::string text = ToJsonLine(twice, Everything()) + "\n";
  std::istringstream in(text);
  std::optional<SessionLine> line = SessionReader(in).Next();
  ASSERT_TRUE(line.has_value());
  EXPECT_EQ(line->session.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(line->session.status().message()),
              ::testing::StartsWith("<input>:1: session \"s-1\": participants[5].id: "));
  EXPECT_EQ(GetErrorLocation(line->session.status())->line, 1);
  std::istringstream again(text);
  SessionReadOptions options;
  options.validate = false;
  EXPECT_TRUE(SessionReader(again, options).Next()->session.ok());
}

// A stream of `size` bytes of 'x', then a line break and `after`, made as it is read.
class LongLineBuffer : public std::streambuf {
 public:
  LongLineBuffer(std::size_t size, std::string after) : left_(size), after_(std::move(after)) {
    block_.assign(1 << 16, 'x');
  }

 protected:
  int_type underflow() override {
    if (left_ > 0) {
      const std::size_t n = std::min(left_, block_.size());
      left_ -= n;
      setg(block_.data(), block_.data(), block_.data() + n);
      return traits_type::to_int_type(block_[0]);
    }
    if (!tail_done_) {
      tail_done_ = true;
      setg(after_.data(), after_.data(), after_.data() + after_.size());
      if (!after_.empty()) return traits_type::to_int_type(after_[0]);
    }
    return traits_type::eof();
  }

 private:
  std::size_t left_;
  std::string after_;
  std::string block_;
  bool tail_done_ = false;
};

TEST(SessionReaderTest, SkipsAnOverlongLineWithoutHoldingIt) {
  constexpr std::size_t kSize = std::size_t{64} << 20;  // 64 MB, never held whole
  LongLineBuffer buffer(kSize, "\n" + Line() + "\n");
  std::istream in(&buffer);
  SessionReader reader(in);
  std::optional<SessionLine> first = reader.Next();
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->session.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(std::string(first->session.status().message()),
            "<input>:1:1: (root): the line is 67108864 bytes, more than the limit of 1048576 "
            "bytes (SessionReadOptions::max_line_bytes)");
  std::optional<SessionLine> second = reader.Next();
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->line, 2u);
  EXPECT_TRUE(second->session.ok()) << second->session.status();
}

// A stream that gives `text`, then fails as a disk that cannot be read does.
class FailingBuffer : public std::streambuf {
 public:
  explicit FailingBuffer(std::string text) : text_(std::move(text)) {}

 protected:
  int_type underflow() override {
    if (given_ || text_.empty()) throw std::ios_base::failure("the disk cannot be read");
    given_ = true;
    setg(text_.data(), text_.data(), text_.data() + text_.size());
    return traits_type::to_int_type(text_[0]);
  }

 private:
  std::string text_;
  bool given_ = false;
};

TEST(SessionReaderTest, AFailingInputEndsWithDataLoss) {
  // The first chunk (64 KiB) is read whole: a line, then 65234 blank lines;
  // reading the second fails.
  FailingBuffer buffer(Line() + "\n" + std::string(70000, '\n'));
  std::istream in(&buffer);
  SessionReader reader(in);
  std::optional<SessionLine> first = reader.Next();
  ASSERT_TRUE(first.has_value());
  EXPECT_TRUE(first->session.ok()) << first->session.status();
  std::optional<SessionLine> failed = reader.Next();
  ASSERT_TRUE(failed.has_value());
  EXPECT_EQ(failed->line, 65236u);
  EXPECT_EQ(failed->session.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(std::string(failed->session.status().message()), "<input>:65236: reading failed");
  EXPECT_FALSE(reader.Next().has_value());

  FailingBuffer at_once("");
  std::istream nothing(&at_once);
  EXPECT_EQ(std::string(ReadSessions(nothing).status().message()), "<input>:1: reading failed");
}

TEST(SessionReaderTest, OpensFilesAndNamesThem) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / absl::StrCat("carelearn-reader-", ::getpid());
  std::filesystem::create_directories(dir);
  const std::filesystem::path path = dir / "sessions.jsonl";
  {
    std::ofstream out(path, std::ios::binary);
    out << Line() << "\n" << Line("\"id\":\"x\",", "") << "\n";
  }
  absl::StatusOr<std::vector<Session>> all = ReadSessionsFile(path);
  EXPECT_EQ(std::string(all.status().message()),
            absl::StrCat(path.string(), ":2:1: (root): missing required key \"id\""));
  absl::StatusOr<SessionReader> none = SessionReader::Open(dir / "nowhere.jsonl");
  EXPECT_EQ(none.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(
      std::string(none.status().message()),
      absl::StrCat((dir / "nowhere.jsonl").string(), ": cannot read: No such file or directory"));
  EXPECT_EQ(SessionReader::Open(dir).status().code(), absl::StatusCode::kNotFound);
  std::filesystem::remove_all(dir);
}

// ------------------------------------------------------------ files

TEST(WriteSessionsFileTest, WritesOwnerOnlyFilesThatReadBack) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / absl::StrCat("carelearn-writer-", ::getpid());
  std::filesystem::create_directories(dir);
  const std::filesystem::path path = dir / "sessions.jsonl";
  {
    std::ofstream old(path);
    old << "what was here before\n";
  }
  std::filesystem::permissions(
      path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                std::filesystem::perms::group_read | std::filesystem::perms::others_read);
  const std::vector<Session> sessions{FullSession(), FullSession("s-2")};
  absl::StatusOr<std::size_t> n = WriteSessionsFile(path, sessions, Everything());
  ASSERT_TRUE(n.ok()) << n.status();
  EXPECT_EQ(*n, 2u);
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  absl::StatusOr<std::vector<Session>> back = ReadSessionsFile(path);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, sessions);

  Session invalid = FullSession("s-3");
  invalid.format_id.clear();
  n = WriteSessionsFile(path, std::vector<Session>{FullSession(), invalid});
  EXPECT_EQ(n.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(std::string(n.status().message()),
            absl::StrCat(path.string(), ": sessions[1]: session \"s-3\": format.id: is empty"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace carelearn
