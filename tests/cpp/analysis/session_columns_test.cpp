#include "analysis/session_columns.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "analysis/table_builder.hpp"
#include "carelearn/analysis/tables.hpp"
#include "carelearn/io/session_json.hpp"

namespace carelearn::detail {
namespace {

const std::string kHead = R"({"carelearn":"session/1","id":"x","format":{"id":"f","version":1},)"
                          R"("planned_start":"2026-03-04T14:00:00Z","status":"held")";

struct Outcome {
  SessionTables tables;
  std::vector<std::optional<LineError>> errors;
};

// Reads `lines` one by one with the fast path on or off.
Outcome ReadAll(const std::vector<std::string>& lines, bool fast_path,
                const TableOptions& options = {.free_text = true, .confidential_text = true}) {
  Outcome out{EmptyTables(options), {}};
  TableIndex index;
  SessionLineReader reader(options, fast_path);
  for (const std::string& line : lines)
    out.errors.push_back(reader.Read(line, false, out.tables, index));
  SetDictionaries(out.tables, index);
  return out;
}

void ExpectSameErrors(const std::vector<std::optional<LineError>>& a,
                      const std::vector<std::optional<LineError>>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    ASSERT_EQ(a[i].has_value(), b[i].has_value()) << "line " << i;
    if (!a[i]) continue;
    EXPECT_EQ(a[i]->code, b[i]->code) << "line " << i;
    EXPECT_EQ(a[i]->column, b[i]->column) << "line " << i;
    EXPECT_EQ(a[i]->pointer, b[i]->pointer) << "line " << i;
    EXPECT_EQ(a[i]->cause, b[i]->cause) << "line " << i;
  }
}

TEST(SessionLineReaderTest, TheFastAndTheReferencePathGiveTheSameTables) {
  const std::vector<std::string> lines = {
      kHead + "}",
      // Escapes in keys and values; the fast path sees them unescaped.
      R"({"carelearn":"session\/1","\u0069d":"x\"y","format":{"id":"f\u00e6","version":2},)"
      R"("planned_start":"2026-03-04T14:00:00.123456789Z","status":"held",)"
      R"("participants":[{"id":"p\n1","role":"r\u0000","shift":"night"}]})",
      // Times the fast path leaves to the session reader's rules: an offset,
      // a lower-case t and z, nine fraction digits with an offset, years before 1000.
      kHead + R"(,"actual_start":"2026-03-04T15:00:00+01:00","actual_end":"2026-03-04t14:30:00z",)"
              R"("steps":[{"step":"s","start":"2026-03-04T14:00:00.123456789-00:30",)"
              R"("end":"2026-12-31T23:59:59Z"},)"
              R"({"step":"t","start":"0999-01-01T00:00:00Z","end":"0001-01-01T00:00:00.5Z"}]})",
      // Histories in any order of keys.
      kHead + R"(,"actions":[{"history":[{"at":"2026-03-05T00:00:00Z","status":"dropped"},)"
              R"({"status":"done","at":"2026-03-06T00:00:00Z"}],"id":"a","due":"2026-04-01"},)"
              R"({"id":"b","due":"2026-04-01","owner":""}]})",
      // Empty strings, a cancelled session without a cancellation.
      R"({"carelearn":"session/1","id":"","format":{"id":"","version":3},"unit":"",)"
      R"("planned_start":"2026-03-04T14:00:00Z","status":"cancelled","redaction":"evaluator"})",
      R"({"carelearn":"session/1","id":"c","format":{"id":"f","version":1},)"
      R"("planned_start":"2026-03-04T14:00:00Z","status":"cancelled",)"
      R"("cancellation":{"note":"Sygdom.","reason":"holiday"},"notes":[{"kind":"documentation",)"
      R"("text":"t","confidential":true},{}],"learning_points":[{"confidential":false},{}],)"
      R"("feedback":[{"participant":"p","rating":5,"comment":""}],"case":{"category":"fall"}})",
      // Confidential actions, feedback and cancellations, the flag before or
      // after the text, true or false, or not there.
      R"({"carelearn":"session/1","id":"k","format":{"id":"f","version":1},)"
      R"("planned_start":"2026-03-04T14:00:00Z","status":"cancelled",)"
      R"("cancellation":{"confidential":true,"reason":"other","note":"Hemmelig."},)"
      R"("actions":[{"id":"a","text":"Hemmelig handling.","history":[],"confidential":true},)"
      R"({"confidential":false,"id":"b","text":"Åben handling."},{"id":"c","text":"Gammel."}],)"
      R"("feedback":[{"participant":"p","rating":2,"confidential":true,"comment":"Hemmelig."},)"
      R"({"participant":"q","rating":3,"comment":"Åben.","confidential":false}]})",
      kHead + R"(,"actions":[{"id":"a","text":"t","confidential":false,"history":[)"
              R"({"status":"open","at":"2026-03-04T14:00:00Z"}]}]})",
      // Bad lines: the reference path reads them, whatever the fast path did first.
      kHead + R"(,"actions":[{"id":"a","confidential":"yes"}]})",
      kHead + R"(,"feedback":[{"participant":"p","rating":1,"confidential":null}]})",
      R"({"carelearn":"session/1","id":"k","format":{"id":"f","version":1},)"
      R"("planned_start":"2026-03-04T14:00:00Z","status":"cancelled",)"
      R"("cancellation":{"reason":"other","confidential":1}})",
      // Bad lines: the reference path reads them, whatever the fast path did first.
      kHead + R"(,"unit":"u","participants":[{"id":"p","shift":"late"}]})",
      kHead + R"(,"participants":[{"id":"p","rating":1}]})",
      kHead + R"(,"feedback":[{"participant":"p","rating":-0}]})",
      kHead + R"(,"feedback":[{"participant":"p","rating":1.5}]})",
      kHead + R"(,"steps":[{"step":"s","start":"0000-01-01T00:00:00Z","end":"x"}]})",
      // Forms the session reader refuses, so the tables refuse them too.
      kHead + R"(,"steps":[{"step":"s","start":"2026-3-4T14:00:00Z"}]})",
      kHead + R"(,"steps":[{"step":"s","end":"2026-12-31T23:59:60Z"}]})",
      kHead + R"(,"steps":[{"step":"s","end":"2026-12-31T23:59:59.1234567891Z"}]})",
      kHead + R"(,"actual_end":"999-01-01T00:00:00Z"})",
      kHead + R"(,"actions":[{"id":"a","due":"2026-4-1"}]})",
      kHead + R"(,"cancellation":{"reason":"staffing"}})",
      kHead + R"(,"unit":"a","unit":"b"})",
      kHead + "} x",
      "[]",
      kHead + R"(,"participants":[{"id":"p2","unit":"only-on-a-bad-line"},5]})",
      kHead + R"(,"unit":"after-the-bad-lines"})",
  };
  const Outcome fast = ReadAll(lines, true);
  const Outcome reference = ReadAll(lines, false);
  EXPECT_EQ(fast.tables, reference.tables);
  ExpectSameErrors(fast.errors, reference.errors);
  EXPECT_EQ(fast.tables.sessions.size(), 9U);
  // The flags of the lines read, worked by hand: the actions of lines 3, 6
  // and 7, the feedback of lines 5 and 6, and every session's cancellation.
  EXPECT_THAT(fast.tables.actions.confidential, ::testing::ElementsAre(0, 0, 1, 0, 0, 0));
  EXPECT_THAT(fast.tables.feedback.confidential, ::testing::ElementsAre(0, 1, 0));
  EXPECT_THAT(fast.tables.sessions.cancel_confidential,
              ::testing::ElementsAre(0, 0, 0, 0, 0, 0, 1, 0, 0));
  ASSERT_TRUE(fast.errors[8].has_value());
  EXPECT_EQ(fast.errors[8]->pointer, "/actions/0/confidential");
  EXPECT_EQ(fast.errors[8]->cause, "expected true or false, found the string \"yes\"");
  ASSERT_TRUE(fast.errors[9].has_value());
  EXPECT_EQ(fast.errors[9]->pointer, "/feedback/0/confidential");
  EXPECT_EQ(fast.errors[9]->cause, "expected true or false, found null");
  ASSERT_TRUE(fast.errors[10].has_value());
  EXPECT_EQ(fast.errors[10]->pointer, "/cancellation/confidential");
  EXPECT_EQ(fast.errors[10]->cause, "expected true or false, found the number 1");
  // A value seen only on a bad line has no code.
  EXPECT_EQ(fast.tables.participants.unit.CodeOf("only-on-a-bad-line"), kNullCode);
  EXPECT_THAT(fast.tables.sessions.unit.dictionary, ::testing::ElementsAre("after-the-bad-lines"));
}

TEST(SessionLineReaderTest, TimesAndDaysAreTakenAndRefusedAsTheSessionReaderDoes) {
  struct Case {
    std::string line;
    std::string pointer;
    std::string cause;
  };
  const std::vector<Case> cases = {
      {kHead + R"(,"actual_end":"2026-12-31T23:59:60Z"})", "/actual_end",
       "\"2026-12-31T23:59:60Z\" is a leap second, which carelearn refuses: its times, like "
       "POSIX time, have none; write the second before or after it"},
      {kHead + R"(,"actual_end":"2026-03-04T14:00:00.1234567891Z"})", "/actual_end",
       "\"2026-03-04T14:00:00.1234567891Z\" has more than nine fraction digits; carelearn keeps "
       "times to the nanosecond"},
      {kHead + R"(,"actual_end":"2026-3-04T14:00:00Z"})", "/actual_end",
       "\"2026-3-04T14:00:00Z\" is not an RFC 3339 time such as \"2026-03-04T14:00:00Z\" or "
       "\"2026-03-04T15:00:00.5+01:00\""},
      {kHead + R"(,"actions":[{"id":"a","due":"2026-4-1"}]})", "/actions/0/due",
       "\"2026-4-1\" is not a date \"YYYY-MM-DD\" such as \"2026-04-01\""},
  };
  for (const bool fast : {true, false}) {
    for (const Case& c : cases) {
      const Outcome out = ReadAll({c.line}, fast);
      ASSERT_TRUE(out.errors[0].has_value()) << c.line;
      EXPECT_EQ(out.errors[0]->pointer, c.pointer) << c.line;
      EXPECT_EQ(out.errors[0]->cause, c.cause) << c.line;
      EXPECT_EQ(out.tables.sessions.size(), 0U) << c.line;
    }
  }
  // 15:00:00.5 at +01:00 is 14:00:00.5Z; lower-case t and z are RFC 3339's too.
  for (const bool fast : {true, false}) {
    const Outcome out = ReadAll({kHead + R"(,"actual_start":"2026-03-04T15:00:00.5+01:00",)"
                                         R"("actual_end":"2026-03-04t14:00:00.5z"})"},
                                fast);
    ASSERT_FALSE(out.errors[0].has_value());
    // 2026-03-04 is day 20516 since 1970-01-01 (56 years, 14 of them leap: 20454 days, + 62).
    const std::int64_t micros = (20516LL * 86400 + 14 * 3600) * 1000000 + 500000;
    EXPECT_EQ(out.tables.sessions.actual_start[0], micros);
    EXPECT_EQ(out.tables.sessions.actual_end[0], micros);
  }
}

// Fix (privacy issue, point 4): both paths leave the text of a confidential
// action, feedback comment and cancellation note out unless asked for by name.
TEST(SessionLineReaderTest, BothPathsLeaveConfidentialActionsFeedbackAndCancellationNotesOut) {
  const std::vector<std::string> lines = {
      R"({"carelearn":"session/1","id":"k","format":{"id":"f","version":1},)"
      R"("planned_start":"2026-03-04T14:00:00Z","status":"cancelled",)"
      R"("cancellation":{"reason":"other","note":"Hemmelig aflysning.","confidential":true},)"
      R"("actions":[{"id":"a","text":"Hemmelig handling.","history":[],"confidential":true},)"
      R"({"id":"b","text":"Åben handling.","history":[],"confidential":false}],)"
      R"("feedback":[{"participant":"p","rating":2,"comment":"Hemmelig kommentar.",)"
      R"("confidential":true},{"participant":"q","rating":3,"comment":"Åben."}]})",
      R"({"carelearn":"session/1","id":"m","format":{"id":"f","version":1},)"
      R"("planned_start":"2026-03-04T14:00:00Z","status":"cancelled",)"
      R"("cancellation":{"reason":"other","note":"Åben aflysning."}})"};
  for (const bool fast : {true, false}) {
    SCOPED_TRACE(fast ? "fast path" : "reference path");
    const Outcome open = ReadAll(lines, fast, {.free_text = true});
    ASSERT_FALSE(open.errors[0].has_value());
    ASSERT_FALSE(open.errors[1].has_value());
    const SessionTables& t = open.tables;
    EXPECT_THAT(t.sessions.cancel_confidential, ::testing::ElementsAre(1, 0));
    EXPECT_EQ(t.sessions.cancel_note.Value(0), std::nullopt);
    EXPECT_EQ(t.sessions.cancel_note.Value(1), "Åben aflysning.");
    EXPECT_THAT(t.actions.confidential, ::testing::ElementsAre(1, 0));
    EXPECT_EQ(t.actions.text.Value(0), std::nullopt);
    EXPECT_EQ(t.actions.text.Value(1), "Åben handling.");
    EXPECT_THAT(t.feedback.confidential, ::testing::ElementsAre(1, 0));
    EXPECT_EQ(t.feedback.comment.Value(0), std::nullopt);
    EXPECT_EQ(t.feedback.comment.Value(1), "Åben.");
    for (const std::string* bytes :
         {&t.sessions.cancel_note.data, &t.actions.text.data, &t.feedback.comment.data}) {
      EXPECT_EQ(bytes->find("Hemmelig"), std::string::npos) << *bytes;
    }
    const Outcome all = ReadAll(lines, fast);  // free and confidential text
    EXPECT_EQ(all.tables.sessions.cancel_note.Value(0), "Hemmelig aflysning.");
    EXPECT_EQ(all.tables.actions.text.Value(0), "Hemmelig handling.");
    EXPECT_EQ(all.tables.feedback.comment.Value(0), "Hemmelig kommentar.");
  }
}

TEST(SessionLineReaderTest, BothPathsKeepTheLimits) {
  const std::string line = kHead + R"(,"participants":[{"id":"p"},{"id":"q"},{"id":"r"}]})";
  for (const bool fast : {true, false}) {
    const TableOptions options{.limits = {.max_array_items = 2}};
    const Outcome out = ReadAll({line}, fast, options);
    ASSERT_TRUE(out.errors[0].has_value());
    EXPECT_EQ(out.errors[0]->cause, "an array of more than 2 items (TableLimits::max_array_items)");
    EXPECT_EQ(out.tables.sessions.size(), 0U);
  }
}

TEST(SessionLineReaderTest, PaddedLinesAreReadInPlace) {
  // The 64 bytes after the line may be read, not written: the line is a
  // view into a longer buffer.
  const std::string buffer = kHead + "}\n" + std::string(80, '#');
  const std::string_view line(buffer.data(), kHead.size() + 1);
  SessionTables tables = EmptyTables({});
  TableIndex index;
  SessionLineReader reader({});
  EXPECT_FALSE(reader.Read(line, true, tables, index).has_value());
  EXPECT_EQ(tables.sessions.size(), 1U);
}

TEST(SessionLineReaderTest, LineStatusPutsTheLineNumberIntoPlacesOnTheLine) {
  const LineError e{absl::StatusCode::kInvalidArgument, 9, "/id",
                    "duplicate key \"id\"; a key may appear only once in an object (first at 1:3)",
                    true};
  EXPECT_EQ(LineStatus("x.jsonl", 42, e).message(),
            "x.jsonl:42:9: /id: duplicate key \"id\"; a key may appear only once in an object "
            "(first at 42:3)");
}

}  // namespace
}  // namespace carelearn::detail
