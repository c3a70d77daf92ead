#include "carelearn/analysis/tables.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "analysis/table_fixtures.hpp"
#include "carelearn/io/json.hpp"
#include "carelearn/io/session_json.hpp"
#include "io/json_tree.hpp"

namespace carelearn {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;
using testing::TwoMeetings;

std::string Message(const absl::Status& s) { return std::string(s.message()); }

ExportOptions Everything() {
  ExportOptions options;
  options.include_confidential = true;
  return options;
}

// The JSON Lines of `sessions`, with confidential text, each line ended by `end`.
std::string Lines(const std::vector<Session>& sessions, std::string_view end = "\n") {
  std::string out;
  for (const Session& s : sessions) {
    out += ToJsonLine(s, Everything());
    out += end;
  }
  return out;
}

// A valid session line up to its closing brace, to which a test adds.
const std::string kHead = R"({"carelearn":"session/1","id":"x","format":{"id":"f","version":1},)"
                          R"("planned_start":"2026-03-04T14:00:00Z","status":"held")";

// A file in a directory of its own, removed at the end of the test.
class TempFile {
 public:
  explicit TempFile(std::string_view contents) {
    dir_ = std::filesystem::temp_directory_path() /
           absl::StrCat("carelearn-tables-", getpid(), "-", ++count_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "sessions.jsonl").string();
    std::ofstream(path_, std::ios::binary) << contents;
  }
  ~TempFile() { std::filesystem::remove_all(dir_); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] std::string dir() const { return dir_.string(); }

 private:
  static inline int count_ = 0;
  std::filesystem::path dir_;
  std::string path_;
};

TEST(ReadTablesFromTextTest, ReadsWhatTheSessionsSay) {
  const std::vector<Session> sessions = TwoMeetings();
  const std::string text = Lines(sessions);
  for (const TableOptions& options : {TableOptions{}, TableOptions{.free_text = true},
                                      TableOptions{.free_text = true, .confidential_text = true}}) {
    absl::StatusOr<SessionTables> t = ReadTablesFromText(text, "two.jsonl", options);
    ASSERT_TRUE(t.ok()) << t.status();
    EXPECT_EQ(*t, TablesFromSessions(sessions, options));
  }
}

TEST(ReadTablesFromTextTest, ReadsTheValuesOfTheDocumentedLine) {
  // The line docs/sessions.md shows, worked by hand.
  const std::string line =
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
      R"("feedback":[],"notes":[]})";
  absl::StatusOr<SessionTables> t = ReadTablesFromText(line, "doc", {.free_text = true});
  ASSERT_TRUE(t.ok()) << t.status();
  constexpr std::int64_t kMar4At1400 = 1772632800000000;
  constexpr std::int64_t kMinute = 60000000;
  EXPECT_EQ(t->sessions.id.Value(0), "s-9");
  EXPECT_EQ(t->sessions.unit.Value(0), "nursing-home-east");
  EXPECT_THAT(t->sessions.actual_end, ElementsAre(kMar4At1400 + 365 * kMinute));
  EXPECT_THAT(t->participants.shift.codes, ElementsAre(3));
  EXPECT_THAT(t->steps.minutes, ElementsAre(65.0));
  EXPECT_THAT(t->sessions.prompt_count, ElementsAre(0));
  EXPECT_THAT(t->learning_points.confidential, ElementsAre(0, 1));
  EXPECT_EQ(t->learning_points.text.Value(0), "Sæt tid af til pårørende.");
  EXPECT_EQ(t->learning_points.text.Value(1), std::nullopt);
  EXPECT_THAT(t->actions.due, ElementsAre(20544));
  EXPECT_THAT(t->actions.status.codes, ElementsAre(2));
  // 2026-03-30T09:30:00.25Z: 26 days less 4 h 30 min after 2026-03-04T14:00Z, and 250 ms.
  EXPECT_THAT(t->actions.done_at,
              ElementsAre(kMar4At1400 + (26 * 24 * 60 - 270) * kMinute + 250000));
  EXPECT_THAT(t->actions.proposed_at, ElementsAre(kMar4At1400 + 6 * 60 * kMinute));
  EXPECT_THAT(t->actions.started_at, ElementsAre(kNullTimestamp));
}

TEST(ReadTablesFromTextTest, EmptyInputGivesEmptyTables) {
  absl::StatusOr<SessionTables> t = ReadTablesFromText("", "empty.jsonl");
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(*t, TablesFromSessions({}));
  EXPECT_EQ(t->sessions.size(), 0U);
}

TEST(ReadTablesFromTextTest, OneLineWithOrWithoutALineEnd) {
  const std::vector<Session> one = {testing::HeldMeeting()};
  const std::string line = ToJsonLine(one[0], Everything());
  for (const std::string& text : {line, line + "\n", line + "\r\n"}) {
    absl::StatusOr<SessionTables> t = ReadTablesFromText(text, "one.jsonl");
    ASSERT_TRUE(t.ok()) << t.status();
    EXPECT_EQ(*t, TablesFromSessions(one));
  }
}

TEST(ReadTablesFromTextTest, CrLfLineEndsAndBlankLines) {
  const std::vector<Session> sessions = TwoMeetings();
  const std::string crlf = Lines(sessions, "\r\n");
  const std::string blank = "\n  \t\n" + Lines(sessions, "\n\r\n\n") + "   ";
  for (const std::string& text : {crlf, blank}) {
    absl::StatusOr<SessionTables> t = ReadTablesFromText(text, "x.jsonl");
    ASSERT_TRUE(t.ok()) << t.status();
    EXPECT_EQ(*t, TablesFromSessions(sessions));
  }
  // Blank lines count in line numbers.
  absl::StatusOr<SessionTables> bad = ReadTablesFromText("\n\r\n  \n[]\n", "x.jsonl");
  EXPECT_EQ(Message(bad.status()),
            "x.jsonl:4:1: (root): expected an object (a carelearn document), found an array");
}

// An integral number such as 2.0 is an integer, as the session reader reads it.
TEST(ReadTablesFromTextTest, AnIntegralNumberIsAnInteger) {
  const std::string line = kHead + R"(,"feedback":[{"participant":"p","rating":2.0}]})";
  ASSERT_TRUE(ParseSessionLine(line).ok());
  absl::StatusOr<SessionTables> t = ReadTablesFromText(line, "x.jsonl");
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_THAT(t->feedback.rating, ElementsAre(2));
}

TEST(ReadTablesFromTextTest, UnnamedInputIsCalledInput) {
  absl::StatusOr<SessionTables> t = ReadTablesFromText("[]", "");
  EXPECT_EQ(Message(t.status()),
            "<input>:1:1: (root): expected an object (a carelearn document), found an array");
}

// ---------------------------------------------------------------- errors

struct HostileLine {
  std::string name;
  std::string line;
  absl::StatusCode code;
  std::string message;  // after "h.jsonl:1:"
};

std::ostream& operator<<(std::ostream& os, const HostileLine& h) { return os << h.name; }

class HostileLineTest : public ::testing::TestWithParam<HostileLine> {};

TEST_P(HostileLineTest, GivesTheLocatedErrorOfTheStrictReaders) {
  const HostileLine& h = GetParam();
  absl::StatusOr<SessionTables> t = ReadTablesFromText(h.line, "h.jsonl");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), h.code);
  EXPECT_EQ(Message(t.status()), "h.jsonl:1:" + h.message);
  const std::optional<ErrorLocation> where = GetErrorLocation(t.status());
  ASSERT_TRUE(where.has_value());
  EXPECT_EQ(where->line, 1);

  // The message is the document loader's for the JSON itself, else the
  // session reader's, location included, with the likely intended key after
  // an unknown one.
  const std::string message = Message(t.status());
  const std::string located = absl::StrCat("h.jsonl:", where->line, ":", where->column, ": ");
  ASSERT_THAT(message, StartsWith(located));
  const std::string rest = message.substr(located.size());
  const absl::StatusOr<detail::Node> tree =
      detail::ParseTree(detail::JsonText("h.jsonl", h.line), ParseOptions{});
  if (!tree.ok()) {
    EXPECT_EQ(Message(tree.status()), message);
    return;
  }
  SessionReadOptions named;
  named.source_name = "h.jsonl";
  const absl::StatusOr<Session> session = ParseSessionLine(h.line, nullptr, named);
  ASSERT_FALSE(session.ok()) << "the session reader takes what the tables refuse";
  EXPECT_EQ(message, Message(session.status()));
  EXPECT_EQ(t.status().code(), session.status().code());
}

INSTANTIATE_TEST_SUITE_P(
    Lines, HostileLineTest,
    ::testing::Values(
        HostileLine{"UnknownShift", kHead + R"(,"participants":[{"id":"p","shift":"late"}]})",
                    absl::StatusCode::kInvalidArgument,
                    "156: /participants/0/shift: expected one of \"unspecified\", \"day\", "
                    "\"evening\", \"night\", found the string \"late\""},
        HostileLine{"MissingParticipantId", kHead + R"(,"participants":[{"role":"r"}]})",
                    absl::StatusCode::kInvalidArgument,
                    "138: /participants/0: missing required key \"id\""},
        HostileLine{"MisspeltKey", kHead + R"(,"participants":[{"id":"p","rol":"r"}]})",
                    absl::StatusCode::kInvalidArgument,
                    "148: /participants/0/rol: unknown key \"rol\"; did you mean \"role\"?"},
        HostileLine{"UnknownKey", kHead + R"(,"participants":[{"id":"p","colour":"r"}]})",
                    absl::StatusCode::kInvalidArgument,
                    "148: /participants/0/colour: unknown key \"colour\"; expected one of \"id\", "
                    "\"role\", \"unit\", \"profession\", \"shift\""},
        HostileLine{"ObjectForArray", kHead + R"(,"participants":{}})",
                    absl::StatusCode::kInvalidArgument,
                    "137: /participants: expected an array, found an object"},
        HostileLine{"IntegerForObject", kHead + R"(,"participants":[5]})",
                    absl::StatusCode::kInvalidArgument,
                    "138: /participants/0: expected an object, found the number 5"},
        HostileLine{
            "BadTime",
            kHead + R"(,"steps":[{"step":"s","start":"2026-03-04T14:00:00Z","end":"yesterday"}]})",
            absl::StatusCode::kInvalidArgument,
            "180: /steps/0/end: \"yesterday\" is not an RFC 3339 time such as "
            "\"2026-03-04T14:00:00Z\" or \"2026-03-04T15:00:00.5+01:00\""},
        HostileLine{"YearTenThousand",
                    kHead + R"(,"steps":[{"step":"s","start":"10000-01-01T00:00:00Z",)"
                            R"("end":"2026-03-04T14:00:00Z"}]})",
                    absl::StatusCode::kInvalidArgument,
                    "151: /steps/0/start: \"10000-01-01T00:00:00Z\" is not an RFC 3339 time such "
                    "as \"2026-03-04T14:00:00Z\" or \"2026-03-04T15:00:00.5+01:00\""},
        HostileLine{"InfiniteFuture",
                    R"({"carelearn":"session/1","id":"x","format":{"id":"f","version":1},)"
                    R"("planned_start":"infinite-future","status":"held"})",
                    absl::StatusCode::kInvalidArgument,
                    "83: /planned_start: \"infinite-future\" is not an RFC 3339 time such as "
                    "\"2026-03-04T14:00:00Z\" or \"2026-03-04T15:00:00.5+01:00\""},
        HostileLine{"FebruaryThirtieth", kHead + R"(,"actions":[{"id":"a","due":"2026-02-30"}]})",
                    absl::StatusCode::kInvalidArgument,
                    "149: /actions/0/due: \"2026-02-30\" is no day of the calendar"},
        HostileLine{"FarDueDate", kHead + R"(,"actions":[{"id":"a","due":"99999999999-01-01"}]})",
                    absl::StatusCode::kInvalidArgument,
                    "149: /actions/0/due: \"99999999999-01-01\" is not a date \"YYYY-MM-DD\" such "
                    "as \"2026-04-01\""},
        HostileLine{"UnknownActionStatus",
                    kHead + R"(,"actions":[{"id":"a","history":[{"status":"finished",)"
                            R"("at":"2026-03-04T14:00:00Z"}]}]})",
                    absl::StatusCode::kInvalidArgument,
                    "164: /actions/0/history/0/status: expected one of \"open\", \"in-progress\", "
                    "\"done\", \"dropped\", found the string \"finished\""},
        HostileLine{"ChangeWithoutTime",
                    kHead + R"(,"actions":[{"id":"a","history":[{"status":"done"}]}]})",
                    absl::StatusCode::kInvalidArgument,
                    "154: /actions/0/history/0: missing required key \"at\""},
        HostileLine{"RatingOutOfRange", kHead + R"(,"feedback":[{"participant":"p","rating":6}]})",
                    absl::StatusCode::kInvalidArgument,
                    "162: /feedback/0/rating: expected an integer from 1 to 5, found the number 6"},
        HostileLine{
            "RatingNotAnInteger", kHead + R"(,"feedback":[{"participant":"p","rating":2.5}]})",
            absl::StatusCode::kInvalidArgument,
            "162: /feedback/0/rating: expected an integer from 1 to 5, found the number 2.5"},
        HostileLine{"RatingAboveInt64",
                    kHead + R"(,"feedback":[{"participant":"p","rating":18446744073709551615}]})",
                    absl::StatusCode::kInvalidArgument,
                    "162: /feedback/0/rating: expected an integer from 1 to 5, found the number "
                    "18446744073709551615"},
        HostileLine{"IntegerTooLarge",
                    kHead + R"(,"feedback":[{"participant":"p",)"
                            R"("rating":123456789012345678901234567890}]})",
                    absl::StatusCode::kInvalidArgument,
                    "162: /feedback/0/rating: the integer 123456789012345678901234567890 is too "
                    "large; integers must lie within -9223372036854775808 and "
                    "18446744073709551615"},
        HostileLine{"NumberOverflows",
                    kHead + R"(,"feedback":[{"participant":"p","rating":1e400}]})",
                    absl::StatusCode::kInvalidArgument,
                    "162: /feedback/0/rating: the number 1e400 is out of range; numbers must be "
                    "finite doubles"},
        HostileLine{"UnknownNoteKind", kHead + R"(,"notes":[{"kind":"diary"}]})",
                    absl::StatusCode::kInvalidArgument,
                    "139: /notes/0/kind: expected one of \"note\", \"reflection\", "
                    "\"documentation\", found the string \"diary\""},
        HostileLine{"StringForBoolean", kHead + R"(,"learning_points":[{"confidential":"yes"}]})",
                    absl::StatusCode::kInvalidArgument,
                    "157: /learning_points/0/confidential: expected true or false, found the "
                    "string \"yes\""},
        HostileLine{
            "HeldButCancelled", kHead + R"(,"cancellation":{"reason":"staffing"}})",
            absl::StatusCode::kInvalidArgument,
            "137: /cancellation: a held session has no cancellation; its \"status\" is \"held\""},
        HostileLine{"CancelledWithoutReason",
                    R"({"carelearn":"session/1","id":"x","format":{"id":"f","version":1},)"
                    R"("planned_start":"2026-03-04T14:00:00Z","status":"cancelled",)"
                    R"("cancellation":{"note":"n"}})",
                    absl::StatusCode::kInvalidArgument,
                    "142: /cancellation: missing required key \"reason\""},
        HostileLine{"UnknownRedaction", kHead + R"(,"redaction":"all"})",
                    absl::StatusCode::kInvalidArgument,
                    "134: /redaction: expected one of \"none\", \"confidential\", \"evaluator\", "
                    "found the string \"all\""},
        HostileLine{"CaseWithoutCategory", kHead + R"(,"case":{"citizen":"c"}})",
                    absl::StatusCode::kInvalidArgument,
                    "129: /case: missing required key \"category\""},
        HostileLine{"IntegerForString", kHead + R"(,"unit":7})", absl::StatusCode::kInvalidArgument,
                    "129: /unit: expected a string, found the number 7"},
        HostileLine{"DuplicateKey", kHead + R"(,"unit":"u","unit":"v"})",
                    absl::StatusCode::kInvalidArgument,
                    "133: /unit: duplicate key \"unit\"; a key may appear only once in an object "
                    "(first at 1:122)"},
        HostileLine{"FirstInTheSessionReadersOrder",
                    // Three errors; the session reader checks the participants before the steps.
                    kHead + R"(,"notes":[],"steps":[{"step":"s","start":"x","end":"y"}],)"
                            R"("participants":[{"shift":"late"}]})",
                    absl::StatusCode::kInvalidArgument,
                    "194: /participants/0: missing required key \"id\""},
        HostileLine{"AnotherKind", R"({"carelearn":"format/1","id":"x"})",
                    absl::StatusCode::kFailedPrecondition,
                    "14: /carelearn: expected a \"session/1\" document, found \"format/1\""},
        HostileLine{"NewerVersion", R"({"carelearn":"session/2","idd":1})",
                    absl::StatusCode::kFailedPrecondition,
                    "14: /carelearn: the document is \"session/2\", newer than \"session/1\", the "
                    "newest this version of carelearn reads"},
        HostileLine{"NoKind", R"({"id":"x"})", absl::StatusCode::kInvalidArgument,
                    "1: (root): missing required key \"carelearn\"; a carelearn document names its "
                    "kind first, as in \"carelearn\": \"session/1\""},
        HostileLine{"Truncated", kHead + R"(,"participants":[{"id":"p")",
                    absl::StatusCode::kInvalidArgument,
                    "147: /participants/0: unexpected end of the document; the object opened at "
                    "1:138 is not closed; the document is truncated"},
        HostileLine{"TrailingComma", kHead + R"(,"participants":[{"id":"p",}]})",
                    absl::StatusCode::kInvalidArgument,
                    "148: /participants/0: syntax error: expected a key after ','; a comma may "
                    "not come before '}', found '}'"},
        HostileLine{"TextAfterTheObject", kHead + "} x", absl::StatusCode::kInvalidArgument,
                    "123: (root): unexpected text after the document, found \"x\"; a file holds "
                    "one JSON value"},
        HostileLine{"InvalidUtf8", kHead + ",\"unit\":\"\xff\"}",
                    absl::StatusCode::kInvalidArgument,
                    "130: /unit: invalid UTF-8: the bytes 0xFF do not form a character; save the "
                    "document as UTF-8"},
        HostileLine{"ControlCharacter", kHead + ",\"unit\":\"a\tb\"}",
                    absl::StatusCode::kInvalidArgument,
                    "131: /unit: a string may not hold the raw control character U+0009; write "
                    "it as an escape such as \\n or \\u0009"},
        HostileLine{"ByteOrderMark", "\xef\xbb\xbf" + kHead + "}",
                    absl::StatusCode::kInvalidArgument,
                    "1: (root): the document starts with a byte order mark (U+FEFF); save it as "
                    "UTF-8 without one"},
        HostileLine{"NotAnObject", "5", absl::StatusCode::kInvalidArgument,
                    "1: (root): expected an object (a carelearn document), found the number 5"},
        HostileLine{"Null", "null", absl::StatusCode::kInvalidArgument,
                    "1: (root): expected an object (a carelearn document), found null"},
        HostileLine{
            "VersionZero",
            R"({"carelearn":"session/1","id":"x","format":{"id":"f","version":0},)"
            R"("planned_start":"2026-03-04T14:00:00Z","status":"held"})",
            absl::StatusCode::kInvalidArgument,
            "64: /format/version: expected an integer from 1 to 2147483647, found the number 0"}),
    [](const ::testing::TestParamInfo<HostileLine>& param) { return param.param.name; });

TEST(ReadTablesErrorTest, TheFirstBadLineStopsAStrictRead) {
  const std::string text = Lines(TwoMeetings()) + "{\n" + Lines(TwoMeetings()) + "[]\n";
  absl::StatusOr<SessionTables> t = ReadTablesFromText(text, "x.jsonl");
  EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Message(t.status()),
            "x.jsonl:3:2: (root): unexpected end of the document; the object opened at 3:1 is "
            "not closed; the document is truncated");
}

TEST(ReadTablesErrorTest, SkipKeepsGoingAndListsTheBadLines) {
  const std::vector<Session> sessions = TwoMeetings();
  const std::string text = "[]\n" + Lines({sessions[0]}) + kHead +
                           R"(,"unit":"only-here","uint":"u"})" + "\n\n" + Lines({sessions[1]}) +
                           "{";
  absl::StatusOr<SessionTables> t =
      ReadTablesFromText(text, "x.jsonl", {.on_error = OnError::kSkip});
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_THAT(
      t->skipped,
      ElementsAre(
          SkippedLine{
              "x.jsonl", 1,
              "x.jsonl:1:1: (root): expected an object (a carelearn document), found an array"},
          SkippedLine{"x.jsonl", 3,
                      "x.jsonl:3:141: /uint: unknown key \"uint\"; did you mean "
                      "\"unit\"?"},
          SkippedLine{"x.jsonl", 6,
                      "x.jsonl:6:2: (root): unexpected end of the document; the "
                      "object opened at 6:1 is not closed; the document is "
                      "truncated"}));
  // The good lines are read as if the bad ones were not there: the unit of
  // the skipped line is not in the dictionary.
  SessionTables expected = TablesFromSessions(sessions);
  expected.skipped = t->skipped;
  EXPECT_EQ(*t, expected);
  EXPECT_THAT(t->sessions.unit.dictionary, ElementsAre("home-care-north", "home-care-south"));
}

TEST(ReadTablesErrorTest, AFileOfOnlyBadLines) {
  const TempFile file("{}\n[1]\n\"x\"\n");
  absl::StatusOr<SessionTables> t = ReadTables(file.path(), {.on_error = OnError::kSkip});
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->sessions.size(), 0U);
  ASSERT_EQ(t->skipped.size(), 3U);
  EXPECT_EQ(t->skipped[0].message,
            file.path() +
                ":1:1: (root): missing required key \"carelearn\"; a carelearn document names "
                "its kind first, as in \"carelearn\": \"session/1\"");
  EXPECT_EQ(t->skipped[2].line, 3);
  EXPECT_EQ(t->skipped[2].source, file.path());
  for (const int threads : {1, 2}) {
    absl::StatusOr<SessionTables> strict =
        ReadTables(file.path(), {.threads = threads, .chunk_bytes = 3});
    EXPECT_EQ(Message(strict.status()), t->skipped[0].message);
  }
}

TEST(ReadTablesErrorTest, Limits) {
  const std::string line = kHead + R"(,"unit":"0123456789","x":[[1,2,3]]})";
  const auto read = [&](TableLimits limits) {
    return Message(ReadTablesFromText(line, "l.jsonl", {.limits = limits}).status());
  };
  EXPECT_EQ(read({.max_line_bytes = 50}),
            "l.jsonl:1:1: (root): the line is 155 bytes, more than the limit of 50 bytes "
            "(TableLimits::max_line_bytes)");
  // "planned_start" is the first string longer than 9 bytes.
  EXPECT_EQ(read({.max_string_bytes = 9}),
            "l.jsonl:1:67: (root): a key longer than 9 bytes (TableLimits::max_string_bytes)");
  EXPECT_EQ(read({.max_depth = 2}),
            "l.jsonl:1:147: /x: nesting deeper than 2 levels of arrays and objects "
            "(TableLimits::max_depth)");
  // The third item of [1,2,3].
  EXPECT_EQ(read({.max_array_items = 2}),
            "l.jsonl:1:152: /x/0: an array of more than 2 items (TableLimits::max_array_items)");
  const absl::Status status =
      ReadTablesFromText(line, "l.jsonl", {.limits = {.max_array_items = 2}}).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
}

// ---------------------------------------------------------------- threads

// Sessions whose lines differ, with bad lines among them.
std::string ManyLines(int n, bool with_bad_lines) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    Session s = i % 2 == 0 ? testing::HeldMeeting() : testing::CancelledMeeting();
    s.id = absl::StrCat("s-", i);
    s.unit = absl::StrCat("unit-", (i * 7) % 11);
    if (!s.participants.empty()) s.participants[1].id = absl::StrCat("p-", i % 5);
    out += ToJsonLine(s, Everything());
    out += i % 3 == 0 ? "\r\n" : "\n";
    if (with_bad_lines && i % 7 == 3) absl::StrAppend(&out, kHead, ",\"unit\":\"bad-", i, "\",}\n");
    if (i % 10 == 5) out += "\n";
  }
  return out;
}

TEST(ReadTablesThreadsTest, AnyThreadCountAndChunkSizeGivesTheSameTables) {
  for (const bool bad : {false, true}) {
    const std::string text = ManyLines(40, bad);
    const TableOptions base{.free_text = true, .on_error = OnError::kSkip};
    const absl::StatusOr<SessionTables> one = ReadTablesFromText(text, "m.jsonl", base);
    ASSERT_TRUE(one.ok()) << one.status();
    EXPECT_EQ(one->sessions.size(), 40U);
    EXPECT_EQ(one->skipped.size(), bad ? 6U : 0U);
    for (const int threads : {1, 2, 3}) {
      for (const std::size_t chunk : {std::size_t{1}, std::size_t{700}, std::size_t{5000}}) {
        TableOptions options = base;
        options.threads = threads;
        options.chunk_bytes = chunk;
        absl::StatusOr<SessionTables> t = ReadTablesFromText(text, "m.jsonl", options);
        ASSERT_TRUE(t.ok()) << t.status();
        EXPECT_EQ(*t, *one) << threads << " threads, chunks of " << chunk << " bytes";
      }
    }
  }
}

TEST(ReadTablesThreadsTest, AStrictReadOnThreadsReportsTheFirstBadLine) {
  const std::string text = ManyLines(40, true);
  const absl::StatusOr<SessionTables> one = ReadTablesFromText(text, "m.jsonl");
  EXPECT_THAT(Message(one.status()), StartsWith("m.jsonl:5:"));
  for (const int threads : {2, 3}) {
    const absl::StatusOr<SessionTables> t =
        ReadTablesFromText(text, "m.jsonl", {.threads = threads, .chunk_bytes = 300});
    EXPECT_EQ(t.status(), one.status());
  }
}

// ---------------------------------------------------------------- files

TEST(ReadTablesFileTest, ReadsAFileInChunksAsTheSameText) {
  const std::string text = ManyLines(30, true);
  const TempFile file(text);
  const TableOptions base{.on_error = OnError::kSkip};
  const absl::StatusOr<SessionTables> expected = ReadTablesFromText(text, file.path(), base);
  ASSERT_TRUE(expected.ok());
  for (const int threads : {1, 2}) {
    for (const std::size_t chunk : {std::size_t{1}, std::size_t{333}, std::size_t{1} << 20}) {
      TableOptions options = base;
      options.threads = threads;
      options.chunk_bytes = chunk;
      absl::StatusOr<SessionTables> t = ReadTables(file.path(), options);
      ASSERT_TRUE(t.ok()) << t.status();
      EXPECT_EQ(*t, *expected) << threads << " threads, chunks of " << chunk << " bytes";
    }
  }
}

TEST(ReadTablesFileTest, AFileWithoutAFinalLineEnd) {
  const std::vector<Session> sessions = TwoMeetings();
  std::string text = Lines(sessions);
  text.pop_back();
  const TempFile file(text);
  for (const int threads : {1, 2}) {
    for (const std::size_t chunk : {std::size_t{1}, std::size_t{100000}}) {
      absl::StatusOr<SessionTables> t =
          ReadTables(file.path(), {.threads = threads, .chunk_bytes = chunk});
      ASSERT_TRUE(t.ok()) << t.status();
      EXPECT_EQ(*t, TablesFromSessions(sessions));
    }
  }
}

TEST(ReadTablesFileTest, AnEmptyFile) {
  const TempFile file("");
  absl::StatusOr<SessionTables> t = ReadTables(file.path());
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(*t, TablesFromSessions({}));
}

TEST(ReadTablesFileTest, ALineLongerThanTheLimitIsNeverHeldWhole) {
  const std::vector<Session> sessions = TwoMeetings();
  const std::string long_line = kHead + ",\"unit\":\"" + std::string(5000, 'u') + "\"}";
  const TempFile file(Lines({sessions[0]}) + long_line + "\r\n" + Lines({sessions[1]}));
  const TableLimits limits{.max_line_bytes = 4000};
  for (const auto& [threads, chunk] :
       {std::pair{1, std::size_t{64}}, std::pair{1, std::size_t{100000}},
        std::pair{2, std::size_t{64}}, std::pair{2, std::size_t{3000}},
        std::pair{2, std::size_t{100000}}}) {
    absl::StatusOr<SessionTables> t = ReadTables(
        file.path(),
        {.threads = threads, .on_error = OnError::kSkip, .chunk_bytes = chunk, .limits = limits});
    ASSERT_TRUE(t.ok()) << t.status();
    ASSERT_EQ(t->skipped.size(), 1U);
    EXPECT_EQ(t->skipped[0].message,
              absl::StrCat(file.path(), ":2:1: (root): the line is ", long_line.size(),
                           " bytes, more than the limit of 4000 bytes "
                           "(TableLimits::max_line_bytes)"));
    SessionTables expected = TablesFromSessions(sessions);
    expected.skipped = t->skipped;
    EXPECT_EQ(*t, expected);
  }
}

TEST(ReadTablesFileTest, AMissingFileOrADirectory) {
  absl::StatusOr<SessionTables> missing = ReadTables("/nonexistent/sessions.jsonl");
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(Message(missing.status()),
            "/nonexistent/sessions.jsonl: cannot open: No such file or directory");
  const TempFile file("");
  absl::StatusOr<SessionTables> dir = ReadTables(file.dir());
  EXPECT_EQ(dir.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(Message(dir.status()), HasSubstr("not a file"));
}

TEST(ReadTablesFileTest, UnicodeInEveryStringReadsBack) {
  Session s = testing::HeldMeeting();
  s.id = "møde-🙂-1";
  s.unit = "hjemmeplejen-øst-Æbletoften";
  s.format_id = "læringsmøde";
  for (Participant& p : s.participants) {
    p.id += "-ü";
    p.role += "-å";
    p.unit += "-ø";
    if (!p.profession.empty()) p.profession += "-é";
  }
  s.steps[0].step_id = "sag-😀";
  s.prompts[0].question_id = "største-udfordring";
  s.presented_case->category = "fald-ß";
  s.presented_case->citizen = "borger-ñ";
  s.learning_points[0].text = "Ring før besøg \"altid\" \\ 中文\n";
  s.actions[0].owner = "ledelse-ø";
  s.feedback[0].comment = "Godt \u0001 nok";
  s.notes[0].text = "Tab\there";
  const std::vector<Session> sessions = {s, testing::CancelledMeeting()};
  const TempFile file(Lines(sessions));
  const TableOptions options{.free_text = true, .confidential_text = true, .chunk_bytes = 10};
  absl::StatusOr<SessionTables> t = ReadTables(file.path(), options);
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(*t, TablesFromSessions(sessions, options));
  EXPECT_EQ(t->learning_points.text.Value(0), "Ring før besøg \"altid\" \\ 中文\n");
}

TEST(ReadTablesFileTest, ThreadsZeroMeansOnePerHardwareThread) {
  const std::string text = ManyLines(20, false);
  absl::StatusOr<SessionTables> t = ReadTablesFromText(text, "m", {.threads = 0, .chunk_bytes = 1});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(*t, *ReadTablesFromText(text, "m"));
  EXPECT_THAT(t->skipped, IsEmpty());
}

}  // namespace
}  // namespace carelearn
